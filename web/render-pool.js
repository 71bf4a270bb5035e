// Many articles at once, in Node: a pool of worker threads, each with its own instance of the core,
// all instantiated from one compilation of the WebAssembly (compiled here once and handed to each
// worker). `render` and `validate` return promises of exactly what a renderer's would return; callers
// that need the input order keep it themselves (renderMany in web/ssr.js, `broadsheet render --jobs`).
//
// Node only (node:worker_threads). Work goes to whichever worker is free, so one long article does not
// hold up the others; each worker has at most two requests waiting, so it never idles between them.
import { Worker } from 'node:worker_threads';
import { compileCore } from './broadsheet.js';

const WORKER_URL = new URL('./render-worker.js', import.meta.url);
const IN_FLIGHT_PER_WORKER = 2;

/**
 * Starts `jobs` workers. `rendererOptions` as for createRenderer, except `moduleFactory` (a function
 * cannot be sent to a worker).
 * @param {{jobs: number, rendererOptions?: import('./index.d.ts').CreateRendererOptions}} options
 * @returns {Promise<import('./ssr.d.ts').RenderPool>}
 */
export async function createRenderPool({ jobs, rendererOptions = {} }) {
  if (!Number.isSafeInteger(jobs) || jobs < 1) throw new TypeError(`broadsheet: jobs must be a whole number ≥ 1, not ${jobs}`);
  if (rendererOptions.moduleFactory) throw new TypeError('broadsheet: a render pool cannot use moduleFactory');
  const wasmModule = await compileCore(rendererOptions);
  const { wasmUrl, wasmBinary, ...sendable } = rendererOptions; // the module replaces both
  const queue = [];      // requests not yet sent: { id, message, resolve }
  const waiting = new Map(); // id -> { resolve, worker }
  let nextId = 0;
  let closed = false;

  const workers = await Promise.all(Array.from({ length: jobs }, () => startWorker()));
  const { css, version } = workers[0].info;

  function startWorker() {
    return new Promise((resolve, reject) => {
      const worker = new Worker(WORKER_URL, { workerData: { wasmModule, rendererOptions: sendable } });
      const entry = { worker, busy: 0, info: null };
      worker.on('message', (message) => {
        if (message.ready) {
          entry.info = message;
          resolve(entry);
          return;
        }
        const request = waiting.get(message.id);
        waiting.delete(message.id);
        entry.busy -= 1;
        const { result } = message;
        request.resolve(request.validating ? result
          : { ok: result.ok, html: result.html, css, diagnostics: result.diagnostics, meta: result.meta });
        dispatch();
      });
      worker.on('error', (error) => {
        if (!entry.info) reject(error);
        lose(entry, error);
      });
      worker.on('exit', (code) => {
        if (!entry.info) reject(new Error(`broadsheet: a render worker exited with code ${code} before it was ready`));
        lose(entry, new Error(`exited with code ${code}`));
      });
    });
  }

  /** A worker that stopped: its requests (and, with no worker left, every queued one) fail as the core's internal errors do. */
  function lose(entry, error) {
    const index = workers.indexOf(entry);
    if (index < 0) return;
    workers.splice(index, 1);
    for (const [id, request] of waiting) {
      if (request.worker !== entry) continue;
      waiting.delete(id);
      request.resolve(internalFailure(request.validating, css, `a render worker stopped (${error.message})`));
    }
    if (workers.length === 0) {
      for (const request of queue.splice(0)) {
        request.resolve(internalFailure(request.validating, css, 'no render worker is left'));
      }
    }
    dispatch();
  }

  function dispatch() {
    while (queue.length) {
      const free = workers.reduce((best, w) => (w.info && w.busy < IN_FLIGHT_PER_WORKER && (!best || w.busy < best.busy) ? w : best), null);
      if (!free) return;
      const request = queue.shift();
      free.busy += 1;
      request.worker = free;
      waiting.set(request.id, request);
      free.worker.postMessage(request.message);
    }
  }

  function submit(input, options, validating) {
    if (closed) return Promise.reject(new Error('broadsheet: the render pool is closed'));
    const id = nextId++;
    // A view is sent as its own bytes (structured cloning would copy the whole underlying buffer).
    const sent = ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength).slice() : input;
    return new Promise((resolve) => {
      if (workers.length === 0) {
        resolve(internalFailure(validating, css, 'no render worker is left'));
        return;
      }
      queue.push({ id, validating, resolve, message: { id, validating, input: sent, options } });
      dispatch();
    });
  }

  return Object.freeze({
    jobs,
    css,
    version,
    render: (input, options) => submit(input, options, false),
    validate: (input, options) => submit(input, options, true),
    async close() {
      closed = true;
      await Promise.all(workers.splice(0).map(({ worker }) => worker.terminate()));
    },
  });
}

function internalFailure(validating, css, message) {
  const diagnostic = { severity: 'error', code: 'BS-INTERNAL', message: `internal error: ${message}`, path: '', line: 0, column: 0 };
  return validating ? { ok: false, diagnostics: [diagnostic] } : { ok: false, html: '', css, diagnostics: [diagnostic], meta: null };
}
