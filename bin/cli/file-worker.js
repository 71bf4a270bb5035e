// One worker thread of the CLI's --jobs (bin/cli/jobs.js): its own instance of the core, made from the
// module the CLI compiled once. It reads each article it is given by path and, when the article's HTML
// goes to a file of an output folder, writes that file too, so the main thread only hands out paths
// and reports in input order: reading, decoding and writing 500 articles' files was 0.75 s of the main
// thread's CPU, taken from the workers on a machine whose every core renders.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createRenderer } from '../../web/broadsheet.js';
import { withStylesheet, writeOutput } from './output.js';

const { wasmModule, request } = workerData;
const renderer = await createRenderer({ wasmModule });

// `file`: the article's path (or `input`: its bytes, read from standard input by the main thread);
// `output`: the HTML file to write, when there is one.
parentPort.on('message', ({ id, file, input, output }) => {
  let bytes = input;
  if (file !== undefined) {
    try {
      bytes = readFileSync(file);
    } catch (error) {
      parentPort.postMessage({ id, readError: { code: error.code, message: error.message } });
      return;
    }
  }
  const { command, renderOptions, strict } = request;
  const result = command === 'validate' ? renderer.validate(bytes, renderOptions) : renderer.render(bytes, renderOptions);
  if (output === undefined) {
    delete result.css; // the same for every render: the main thread has it from `ready`
    parentPort.postMessage({ id, result });
    return;
  }
  // As the main thread does: what could be rendered is written even when the document has errors,
  // except with --strict.
  const html = strict && !result.ok ? '' : result.html;
  const writeError = html ? writeOutput(output, withStylesheet(html, renderer.css, request, output)) : null;
  parentPort.postMessage({ id, result: { ok: result.ok, diagnostics: result.diagnostics }, written: true, writeError });
});
parentPort.postMessage({ ready: true });
