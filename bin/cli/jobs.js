// The articles of a command line, read and rendered (or validated) in their order: one at a time by the
// process's renderer, or, with --jobs above 1, several at once by worker threads (bin/cli/file-worker.js)
// that read the files themselves and write the HTML files of an output folder, while the results are
// still handed back in input order, so that what is printed and written, and the exit status, are the
// same as with one job.
import { compileCore } from '../../web/broadsheet.js';
import { internalFailure } from '../../web/render-pool.js';
import { startWorkerPool, WorkerLostError } from '../../web/worker-pool.js';
import { STDIN, readArticle } from './inputs.js';
import { report } from './terminal.js';

/** How many articles may be read and rendered per job ahead of the one being reported. */
const AHEAD_PER_JOB = 4;
const WORKER_URL = new URL('./file-worker.js', import.meta.url);

/**
 * Starts the workers for `jobs` at once: the main thread renders too, so `jobs - 1` workers, each
 * instantiating the module this process compiled for its own renderer. The main thread takes an
 * article whenever no worker has room for it, from the first one on: the workers' start (about 50 ms
 * of Node's) costs no time. `request`: the command line's command, format, render options, --strict
 * and --css.
 * @returns {Promise<{jobs: number, workers: ReturnType<typeof startWorkerPool>, css: string, close(): Promise<void>}>}
 */
export async function startJobs(jobs, { command, format, renderOptions, strict, css }, renderer) {
  const wasmModule = await compileCore();
  const request = { command, format, renderOptions, strict, css };
  const workers = startWorkerPool({ jobs: jobs - 1, workerUrl: WORKER_URL, workerData: { wasmModule, request }, name: 'render worker' });
  // The output is the same without them: this thread then renders every article.
  workers.ready.catch((error) => report(`broadsheet: warning: a render worker could not start (${error.message}); rendering without it`));
  return { jobs, workers, css: renderer.css, close: () => workers.close() };
}

/**
 * Yields `{ entry, result }`, or `{ entry, error }` when the file could not be read, for each entry in
 * order; `written` (with `writeError`, an error code or null) when a worker wrote the HTML file itself.
 * @param {object[]} entries from expandInputs (with `output` set for an output folder)
 * @param {{command: string, format: string, renderOptions: object}} request
 * @param {import('../../web/index.d.ts').Renderer} renderer
 * @param {Awaited<ReturnType<typeof startJobs>> | null} jobs
 */
export async function* renderInOrder(entries, request, renderer, jobs) {
  const { command, renderOptions } = request;
  const renderHere = async (entry) => {
    let bytes;
    try {
      bytes = await readArticle(entry);
    } catch (error) {
      return { entry, error };
    }
    return { entry, result: command === 'validate' ? renderer.validate(bytes, renderOptions) : renderer.render(bytes, renderOptions) };
  };
  if (!jobs) {
    for (const entry of entries) yield await renderHere(entry);
    return;
  }
  // HTML files are written by the worker that rendered them; every other output (standard output,
  // JSON, head tags, what this thread rendered) is written by the caller, in order.
  const writesHtml = command === 'render' && request.format !== 'json';
  const validating = command === 'validate';
  const toWorker = (entry) => {
    if (entry.file === STDIN) {
      return readArticle(entry).then((input) => ask(jobs, entry, { input }, validating), (error) => ({ entry, error }));
    }
    return ask(jobs, entry, { file: entry.file, output: writesHtml ? entry.output : undefined }, validating);
  };
  const pending = []; // in input order: { done, promise }
  const track = (promise) => {
    const item = { done: false, promise };
    promise.then(() => { item.done = true; });
    return item;
  };
  const window = jobs.jobs * AHEAD_PER_JOB;
  let next = 0;
  while (next < entries.length || pending.length) {
    // Workers with room take the next articles; otherwise this thread takes one, then lets the
    // workers' answers in (a turn of the event loop) before deciding again.
    while (next < entries.length && pending.length < window && !jobs.workers.saturated()) {
      pending.push(track(toWorker(entries[next++])));
    }
    if (pending.length && pending[0].done) {
      yield await pending.shift().promise;
    } else if (next < entries.length && pending.length < window) {
      pending.push(track(renderHere(entries[next++])));
      await new Promise((resolve) => setImmediate(resolve));
    } else {
      yield await pending.shift().promise;
    }
  }
}

async function ask(jobs, entry, message, validating) {
  let answer;
  try {
    answer = await jobs.workers.submit(message);
  } catch (error) {
    if (!(error instanceof WorkerLostError)) throw error;
    return { entry, result: internalFailure(validating, jobs.css, error.message) };
  }
  if (answer.readError) return { entry, error: answer.readError };
  const { result, written, writeError } = answer;
  if (written) return { entry, result, written, writeError };
  // In the order of a renderer's result (--format json prints it as it is).
  return { entry, result: validating ? result
    : { ok: result.ok, html: result.html, css: jobs.css, diagnostics: result.diagnostics, meta: result.meta } };
}
