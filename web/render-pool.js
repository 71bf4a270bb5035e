// Many articles at once, in Node: a pool of worker threads (web/worker-pool.js), each with its own
// instance of the core, all instantiated from one compilation of the WebAssembly (compiled here once
// and handed to each worker). `render` and `validate` return promises of exactly what a renderer's
// would return; callers that need the input order keep it themselves (renderMany in web/ssr.js).
//
// Node only (node:worker_threads). The CLI's --jobs has workers of its own (bin/cli/file-worker.js)
// that also read and write the files.
import { compileCore } from './broadsheet.js';
import { startWorkerPool, WorkerLostError } from './worker-pool.js';

const WORKER_URL = new URL('./render-worker.js', import.meta.url);

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
  const workers = startWorkerPool({ jobs, workerUrl: WORKER_URL, workerData: { wasmModule, rendererOptions: sendable },
    name: 'render worker' });
  let started;
  try {
    started = await workers.ready;
  } catch (error) {
    await workers.close();
    throw error;
  }
  const { css, version } = started;
  let closed = false;

  async function submit(input, options, validating) {
    if (closed) throw new Error('broadsheet: the render pool is closed');
    // A view is sent as its own bytes (structured cloning would copy the whole underlying buffer).
    const sent = ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength).slice() : input;
    try {
      const { result } = await workers.submit({ validating, input: sent, options });
      return validating ? result : { ok: result.ok, html: result.html, css, diagnostics: result.diagnostics, meta: result.meta };
    } catch (error) {
      if (!(error instanceof WorkerLostError)) throw error;
      return internalFailure(validating, css, error.message);
    }
  }

  return Object.freeze({
    jobs,
    css,
    version,
    render: (input, options) => submit(input, options, false),
    validate: (input, options) => submit(input, options, true),
    async close() {
      closed = true;
      await workers.close();
    },
  });
}

/** What a render or validation that a lost worker never answered returns (BS-INTERNAL, as the core's own internal errors). */
export function internalFailure(validating, css, message) {
  const diagnostic = { severity: 'error', code: 'BS-INTERNAL', message: `internal error: ${message}`, path: '', line: 0, column: 0 };
  return validating ? { ok: false, diagnostics: [diagnostic] } : { ok: false, html: '', css, diagnostics: [diagnostic], meta: null };
}
