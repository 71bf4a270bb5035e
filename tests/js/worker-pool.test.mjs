// web/worker-pool.js, the worker handling behind renderMany's pool: requests wait for a ready worker
// and for room in one (two each), a worker that cannot start rejects `ready`
// (unless the pool was closed first), and requests of a lost worker are rejected, not left hanging.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkerLostError, startWorkerPool } from '../../web/worker-pool.js';

const worker = (source) => new URL(`data:text/javascript,${encodeURIComponent(source)}`);
// Answers each request with its own text doubled, after `delay` ms; ready at once.
const ECHO = worker(`import { parentPort, workerData } from 'node:worker_threads';
parentPort.on('message', ({ id, text }) => setTimeout(() => parentPort.postMessage({ id, text: text + text }), workerData.delay));
parentPort.postMessage({ ready: true, name: 'echo' });`);
const BROKEN = worker(`throw new Error('cannot start');`);
// Ready, then exits on its first request.
const DYING = worker(`import { parentPort } from 'node:worker_threads';
parentPort.on('message', () => process.exit(3));
parentPort.postMessage({ ready: true });`);

test('requests submitted before the workers are ready are answered, and more than the workers hold wait their turn', async () => {
  const pool = startWorkerPool({ jobs: 2, workerUrl: ECHO, workerData: { delay: 50 } });
  try {
    const early = pool.submit({ text: 'a' });
    assert.deepEqual(await pool.ready, { ready: true, name: 'echo' });
    assert.equal((await early).text, 'aa');
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push(pool.submit({ text: String(i) })); // two per worker, and two waiting
    assert.deepEqual((await Promise.all(answers)).map((answer) => answer.text), ['00', '11', '22', '33', '44', '55']);
  } finally {
    await pool.close();
  }
});

test('a worker that cannot start rejects ready, and requests with no worker left are rejected', async () => {
  const pool = startWorkerPool({ jobs: 1, workerUrl: BROKEN, workerData: null, name: 'test worker' });
  const request = pool.submit({ text: 'a' });
  await assert.rejects(pool.ready, /cannot start/);
  await assert.rejects(request, (error) => error instanceof WorkerLostError && /no test worker is left/.test(error.message));
  await assert.rejects(pool.submit({ text: 'b' }), WorkerLostError);
  await pool.close();
});

test('a worker that stops while answering rejects its requests', async () => {
  const pool = startWorkerPool({ jobs: 1, workerUrl: DYING, workerData: null });
  await pool.ready;
  await assert.rejects(pool.submit({ text: 'a' }), (error) => error instanceof WorkerLostError && /stopped \(exited with code 3\)/.test(error.message));
  await pool.close();
});

test('closing a pool whose workers are still starting is no failure to start', async () => {
  const pool = startWorkerPool({ jobs: 2, workerUrl: ECHO, workerData: { delay: 0 } });
  let failed = null;
  pool.ready.catch((error) => { failed = error; });
  await pool.close();
  await new Promise((resolve) => setTimeout(resolve, 50)); // let the workers' exit events arrive
  assert.equal(failed, null);
});
