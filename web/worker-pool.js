// Worker threads that each answer a request with one message, shared out to whichever worker is least
// busy, so that one long request does not hold up the others; each worker has at most two requests
// waiting, so it never idles between them. Used by the render pool (web/render-pool.js: renderMany).
// (The CLI's --jobs shares out its files through a counter instead: bin/cli/jobs.js.)
//
// Node only (node:worker_threads). A worker posts `{ ready: true, ... }` once it can take requests and
// then answers each `{ id, ... }` with `{ id, ... }`. Requests can be submitted at once: they wait
// until a worker is ready.
import { Worker } from 'node:worker_threads';

const IN_FLIGHT_PER_WORKER = 2;

/** A request's worker stopped before answering, or no worker was left to take it. */
export class WorkerLostError extends Error {}

/**
 * Starts `jobs` workers of `workerUrl`, each given `workerData`. `name` is what messages call a worker.
 * @param {{jobs: number, workerUrl: URL, workerData: unknown, name?: string}} options
 * @returns {{ready: Promise<object>, submit(message: object): Promise<object>, close(): Promise<void>}}
 *   `ready` resolves with the first worker's ready message once every worker is ready, or rejects when
 *   one could not start (not when the pool is closed first); `submit` resolves with the worker's
 *   answer or rejects with a WorkerLostError.
 */
export function startWorkerPool({ jobs, workerUrl, workerData, name = 'worker' }) {
  const queue = [];          // requests not yet sent: { id, message, resolve, reject }
  const waiting = new Map(); // id -> request, once sent to request.worker
  const workers = [];
  let nextId = 0;
  let closed = false;

  const ready = Promise.all(Array.from({ length: jobs }, () => startWorker())).then((started) => started[0].ready);

  function startWorker() {
    return new Promise((resolve, reject) => {
      const worker = new Worker(workerUrl, { workerData });
      const entry = { worker, busy: 0, ready: null };
      workers.push(entry);
      worker.on('message', (message) => {
        if (message.ready) {
          entry.ready = message;
          resolve(entry);
          dispatch();
          return;
        }
        const request = waiting.get(message.id);
        waiting.delete(message.id);
        entry.busy -= 1;
        request.resolve(message);
        dispatch();
      });
      worker.on('error', (error) => {
        if (!entry.ready) reject(error);
        lose(entry, error);
      });
      worker.on('exit', (code) => {
        // Closing stops workers that are still starting too; that is no failure to start.
        if (!entry.ready && !closed) reject(new Error(`broadsheet: a ${name} exited with code ${code} before it was ready`));
        lose(entry, new Error(`exited with code ${code}`));
      });
    });
  }

  /** A worker that stopped: its requests (and, with no worker left, every queued one) are rejected. */
  function lose(entry, error) {
    const index = workers.indexOf(entry);
    if (index < 0) return;
    workers.splice(index, 1);
    for (const [id, request] of waiting) {
      if (request.worker !== entry) continue;
      waiting.delete(id);
      request.reject(new WorkerLostError(`a ${name} stopped (${error.message})`));
    }
    if (workers.length === 0) {
      for (const request of queue.splice(0)) request.reject(new WorkerLostError(`no ${name} is left`));
    }
    dispatch();
  }

  /** The ready worker with the fewest requests, if it has room for one more. */
  function freeWorker() {
    return workers.reduce((best, w) => (w.ready && w.busy < IN_FLIGHT_PER_WORKER && (!best || w.busy < best.busy) ? w : best), null);
  }

  function dispatch() {
    while (queue.length) {
      const free = freeWorker();
      if (!free) return;
      const request = queue.shift();
      free.busy += 1;
      request.worker = free;
      waiting.set(request.id, request);
      free.worker.postMessage(request.message);
    }
  }

  function submit(message) {
    return new Promise((resolve, reject) => {
      if (workers.length === 0) {
        reject(new WorkerLostError(`no ${name} is left`));
        return;
      }
      const id = nextId++;
      queue.push({ id, resolve, reject, message: { ...message, id } });
      dispatch();
    });
  }

  return {
    ready,
    submit,
    async close() {
      closed = true;
      await Promise.all(workers.splice(0).map(({ worker }) => worker.terminate()));
    },
  };
}
