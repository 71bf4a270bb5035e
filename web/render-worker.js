// One worker thread of a render pool (web/render-pool.js): its own instance of the core, made from the
// module the pool compiled once, rendering or validating what the pool sends, one message at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { createRenderer } from './broadsheet.js';

const renderer = await createRenderer({ ...workerData.rendererOptions, wasmModule: workerData.wasmModule });

parentPort.on('message', ({ id, validating, input, options }) => {
  const result = validating ? renderer.validate(input, options) : renderer.render(input, options);
  // The stylesheet is the same for every render of the core: the pool has it once, from `ready`.
  if (!validating) delete result.css;
  parentPort.postMessage({ id, result });
});
parentPort.postMessage({ ready: true, css: renderer.css, version: renderer.version });
