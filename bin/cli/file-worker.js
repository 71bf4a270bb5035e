// One worker thread of the CLI's --jobs (bin/cli/jobs.js): its own instance of the core, made from the
// module the CLI compiled once. Given a batch (the articles of one run), it takes the next article
// nobody has taken from the batch's shared counter, reads it, renders it and, when its HTML goes to a
// file of an output folder, writes that file, then takes the next: no thread waits for another to
// hand it work (handing out paths one message at a time left this worker idle while the main thread
// rendered a long article). The main thread reports the answers in input order.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createRenderer } from '../../web/broadsheet.js';
import { BATCH_NEXT, BATCH_REPORTED, batchWorkerSlot } from './batch.js';
import { withStylesheet, writeOutput } from './output.js';

const { wasmModule, request, workerIndex } = workerData;
const renderer = await createRenderer({ wasmModule });

/**
 * `entries`: each `{ file, output }` (`output`: the HTML file to write, if any) or `{ input }` (bytes
 * the main thread read from standard input); `counters`: the batch's shared Int32Array; `ahead`: how
 * far past the last article reported this worker may take one (what waits to be reported is held in
 * memory).
 */
parentPort.on('message', ({ entries, counters, ahead }) => {
  const slot = batchWorkerSlot(workerIndex);
  for (;;) {
    const index = Atomics.add(counters, BATCH_NEXT, 1);
    if (index >= entries.length) break;
    Atomics.store(counters, slot, index); // so that, were this worker lost, its article is reported as such
    for (let reported = Atomics.load(counters, BATCH_REPORTED); index >= reported + ahead; reported = Atomics.load(counters, BATCH_REPORTED)) {
      Atomics.wait(counters, BATCH_REPORTED, reported);
    }
    parentPort.postMessage({ index, ...answer(entries[index]) });
    Atomics.store(counters, slot, -1);
  }
});
parentPort.postMessage({ ready: true });

function answer({ file, input, output }) {
  let bytes = input;
  if (file !== undefined) {
    try {
      bytes = readFileSync(file);
    } catch (error) {
      return { readError: { code: error.code, message: error.message } };
    }
  }
  const { command, renderOptions, strict } = request;
  const result = command === 'validate' ? renderer.validate(bytes, renderOptions) : renderer.render(bytes, renderOptions);
  if (output === undefined) {
    delete result.css; // the same for every render: the main thread has it
    return { result };
  }
  // As the main thread does: what could be rendered is written even when the document has errors,
  // except with --strict.
  const html = strict && !result.ok ? '' : result.html;
  const writeError = html ? writeOutput(output, withStylesheet(html, renderer.css, request, output)) : null;
  return { result: { ok: result.ok, diagnostics: result.diagnostics }, written: true, writeError };
}
