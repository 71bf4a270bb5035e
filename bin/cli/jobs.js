// The articles of a command line, read and rendered (or validated) in their order: one at a time by the
// process's renderer, or, with --jobs above 1, several at once by worker threads (bin/cli/file-worker.js)
// that read the files themselves and write the HTML files of an output folder, while the results are
// still handed back in input order, so that what is printed and written, and the exit status, are the
// same as with one job.
import { Worker } from 'node:worker_threads';
import { compileCore } from '../../web/broadsheet.js';
import { internalFailure } from '../../web/render-pool.js';
import { BATCH_NEXT, BATCH_REPORTED, batchCounters, batchWorkerSlot } from './batch.js';
import { STDIN, readArticle, readArticleFile } from './inputs.js';
import { report } from './terminal.js';

/** How many articles may be taken per job past the last one reported (their answers wait in memory). */
const AHEAD_PER_JOB = 8;
const WORKER_URL = new URL('./file-worker.js', import.meta.url);

/**
 * Starts the workers for `jobs` at once: the main thread renders too, so `jobs - 1` workers, each
 * instantiating the module this process compiled for its own renderer. Until a worker is ready the
 * others and the main thread take its share. `request`: the command line's command, format, render
 * options, --strict and --css.
 * @returns {Promise<{jobs: number, workers: object[], css: string, close(): Promise<void>}>}
 */
export async function startJobs(jobs, { command, format, renderOptions, strict, css }, renderer) {
  const wasmModule = await compileCore();
  const request = { command, format, renderOptions, strict, css };
  const pool = { jobs, css: renderer.css, closing: false, workers: [] };
  pool.workers = Array.from({ length: jobs - 1 }, (_, workerIndex) => startWorker(pool, workerIndex, { wasmModule, request, workerIndex }));
  pool.close = async () => {
    pool.closing = true;
    await Promise.all(pool.workers.map(({ thread }) => thread.terminate()));
  };
  return pool;
}

/** A worker and what it tells: `onAnswer(message)` and `onLost(why)` are set by the batch it works on. */
function startWorker(pool, index, workerData) {
  const worker = { index, thread: new Worker(WORKER_URL, { workerData }), ready: false, lost: false, onAnswer: null, onLost: null };
  worker.thread.on('message', (message) => {
    if (message.ready) worker.ready = true;
    else worker.onAnswer?.(message);
  });
  const lose = (why) => {
    if (worker.lost || pool.closing) return;
    worker.lost = true;
    // The output is the same without it: the other threads take its share.
    if (!worker.ready) report(`broadsheet: warning: a render worker could not start (${why}); rendering without it`);
    worker.onLost?.(why);
  };
  worker.thread.on('error', (error) => lose(error.message));
  worker.thread.on('exit', (code) => lose(`exited with code ${code}`));
  return worker;
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
  const validating = command === 'validate';
  const render = (bytes) => (validating ? renderer.validate(bytes, renderOptions) : renderer.render(bytes, renderOptions));
  if (!jobs) {
    for (const entry of entries) {
      let bytes;
      try {
        bytes = await readArticle(entry);
      } catch (error) {
        yield { entry, error };
        continue;
      }
      yield { entry, result: render(bytes) };
    }
    return;
  }
  // HTML files are written by the thread that rendered them; every other output (standard output,
  // JSON, head tags) by the caller, in order. Standard input is read here, whoever renders it.
  const writesHtml = command === 'render' && request.format !== 'json';
  const batch = await Promise.all(entries.map(async (entry) => {
    const output = writesHtml ? entry.output : undefined;
    if (entry.file !== STDIN) return { file: entry.file, output };
    return readArticle(entry).then((input) => ({ input, output }), (error) => ({ readError: { code: error.code, message: error.message } }));
  }));
  const renderHere = (index) => {
    const { file, input, readError } = batch[index];
    if (readError) return { entry: entries[index], error: readError };
    let bytes = input;
    try {
      bytes ??= readArticleFile(file);
    } catch (error) {
      return { entry: entries[index], error };
    }
    return { entry: entries[index], result: render(bytes) };
  };
  const fromWorker = (entry, { readError, result, written, writeError }) => {
    if (readError) return { entry, error: readError };
    if (written) return { entry, result, written, writeError };
    // In the order of a renderer's result (--format json prints it as it is).
    return { entry, result: validating ? result
      : { ok: result.ok, html: result.html, css: jobs.css, diagnostics: result.diagnostics, meta: result.meta } };
  };

  const counters = batchCounters(jobs.workers.length);
  const ahead = jobs.jobs * AHEAD_PER_JOB;
  const outcomes = new Map(); // article index -> outcome, until reported
  let reported = 0;
  let wake = () => {};
  for (const worker of jobs.workers) {
    worker.onAnswer = ({ index, ...answer }) => {
      if (index >= reported) outcomes.set(index, fromWorker(entries[index], answer));
      wake();
    };
    worker.onLost = (why) => {
      const index = Atomics.load(counters, batchWorkerSlot(worker.index));
      if (index >= reported && !outcomes.has(index)) {
        outcomes.set(index, { entry: entries[index], result: internalFailure(validating, jobs.css, `a render worker stopped (${why})`) });
      }
      wake();
    };
    if (!worker.lost) worker.thread.postMessage({ entries: batch, counters, ahead });
  }
  try {
    while (reported < entries.length) {
      if (outcomes.has(reported)) {
        const outcome = outcomes.get(reported);
        outcomes.delete(reported);
        reported += 1;
        Atomics.store(counters, BATCH_REPORTED, reported);
        Atomics.notify(counters, BATCH_REPORTED);
        yield outcome;
      } else if (Atomics.load(counters, BATCH_NEXT) < Math.min(entries.length, reported + ahead)) {
        // This thread takes the next article too, then lets the workers' answers in.
        const index = Atomics.add(counters, BATCH_NEXT, 1);
        if (index < entries.length) outcomes.set(index, renderHere(index));
        await new Promise((resolve) => setImmediate(resolve));
      } else {
        await new Promise((resolve) => { wake = resolve; });
      }
    }
  } finally {
    for (const worker of jobs.workers) {
      worker.onAnswer = null;
      worker.onLost = null;
    }
  }
}
