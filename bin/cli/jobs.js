// The articles of a command line, read and rendered (or validated) in their order: one at a time by the
// process's renderer, or, with --jobs above 1, several at once by worker threads (bin/cli/file-worker.js)
// that read the files themselves and write the HTML files of an output folder, while the results are
// still handed back in input order, so that what is printed and written, and the exit status, are the
// same as with one job.
import { compileCore } from '../../web/broadsheet.js';
import { startWorkerPool, WorkerLostError } from '../../web/worker-pool.js';
import { STDIN, readArticle } from './inputs.js';

/** How many articles the workers may have queued per worker, ahead of the one being reported. */
const AHEAD_PER_JOB = 4;
const WORKER_URL = new URL('./file-worker.js', import.meta.url);

/**
 * Starts `jobs` workers for the command line's `request` (its command, format, render options,
 * --strict and --css), each instantiating the module this process compiled for its own renderer.
 * @returns {Promise<{jobs: number, css: string, submit(message: object): Promise<object>, close(): Promise<void>}>}
 */
export async function startJobs(jobs, { command, format, renderOptions, strict, css }) {
  const wasmModule = await compileCore();
  const request = { command, format, renderOptions, strict, css };
  const workers = await startWorkerPool({ jobs, workerUrl: WORKER_URL, workerData: { wasmModule, request }, name: 'render worker' });
  return { jobs, css: workers.ready.css, submit: workers.submit, close: workers.close };
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
  if (!jobs) {
    for (const entry of entries) {
      let bytes;
      try {
        bytes = await readArticle(entry);
      } catch (error) {
        yield { entry, error };
        continue;
      }
      yield { entry, result: command === 'validate' ? renderer.validate(bytes, renderOptions) : renderer.render(bytes, renderOptions) };
    }
    return;
  }
  // HTML files are written by the worker that rendered them; every other output (standard output,
  // JSON, head tags) is written here, in order.
  const writesHtml = command === 'render' && request.format !== 'json';
  const start = (entry) => {
    if (entry.file === STDIN) {
      return readArticle(entry).then((input) => ask(jobs, entry, { input }), (error) => ({ entry, error }));
    }
    return ask(jobs, entry, { file: entry.file, output: writesHtml ? entry.output : undefined });
  };
  const pending = [];
  let next = 0;
  while (next < entries.length && pending.length < jobs.jobs * AHEAD_PER_JOB) pending.push(start(entries[next++]));
  while (pending.length) {
    const done = await pending.shift();
    if (next < entries.length) pending.push(start(entries[next++]));
    yield done;
  }
}

async function ask(jobs, entry, message) {
  let answer;
  try {
    answer = await jobs.submit(message);
  } catch (error) {
    if (!(error instanceof WorkerLostError)) throw error;
    const diagnostic = { severity: 'error', code: 'BS-INTERNAL', message: `internal error: ${error.message}`, path: '', line: 0, column: 0 };
    return { entry, result: { ok: false, html: '', css: jobs.css, diagnostics: [diagnostic], meta: null } };
  }
  if (answer.readError) return { entry, error: answer.readError };
  const { result, written, writeError } = answer;
  if (written) return { entry, result, written, writeError };
  // In the order of a renderer's result (--format json prints it as it is).
  return { entry, result: 'html' in result
    ? { ok: result.ok, html: result.html, css: jobs.css, diagnostics: result.diagnostics, meta: result.meta }
    : result };
}
