// Broadsheet: the JavaScript face of the WebAssembly core.
//
// The core (web/core/broadsheet-core.{js,wasm}, built by `npm run build`) does all the work: parsing,
// validation, layout and HTML. This file only moves whole documents across the boundary, one call
// per render, and turns every failure into diagnostics so that `render` never throws:
//
//   input bytes ──encodeInto──▶ core._broadsheet_input() ──core._broadsheet_render() or _validate()──▶
//   core._broadsheet_results(): (pointer, length) of html, diagnostics, meta in linear memory, decoded at once
//
// The core decides: the entry point's return value is `ok` (0) or not (1), and meta is JSON `null` when
// no article was read (wasm/bindings.cpp). Nothing is recounted here.
//
// Two bounds on the core's memory, which WebAssembly can grow but never shrink: an input over
// `limits.maxInputBytes` is refused before it is copied in, and after a render that grew the memory
// past `memoryResetBytes` the instance is replaced by a fresh one, so a single huge article does not
// leave the page holding its peak for good.
//
// Works unchanged in Node 20 and in browsers; Node-only modules are imported dynamically.

// Click-to-load for embed blocks, for pages that put render()'s HTML into their own DOM (docs/embeds.md).
export { activateEmbeds, allowedFrameUrl, EMBED_FRAME_HOSTS, loadEmbed } from './embeds.js';

/** The core's default `limits.maxInputBytes` (include/broadsheet/broadsheet.hpp). */
export const DEFAULT_MAX_INPUT_BYTES = 8 * 1024 * 1024;
const DEFAULT_MEMORY_RESET_BYTES = 64 * 1024 * 1024;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const isNode = typeof process !== 'undefined' && Boolean(process.versions?.node);
const NODE_FS = 'node:fs/promises';

/**
 * Creates a renderer backed by its own instance of the WebAssembly core.
 * @param {import('./index.d.ts').CreateRendererOptions} [options]
 * @returns {Promise<import('./index.d.ts').Renderer>}
 */
export async function createRenderer(options = {}) {
  const [factory, wasmModule] = await Promise.all([
    options.moduleFactory ?? loadFactory(),
    options.wasmModule ?? compileCore(options),
  ]);
  if (!(wasmModule instanceof WebAssembly.Module)) {
    throw new TypeError('broadsheet: wasmModule must be a WebAssembly.Module (compiled broadsheet-core.wasm)');
  }
  const factoryFn = typeof factory === 'function' ? factory : factory.default;
  // Node decodes the HTML faster with ICU's transcoder (web/html-decoder.js); imported dynamically so
  // that browser bundles load none of it.
  const decodeHtml = isNode ? await (await import('./html-decoder.js')).htmlDecoder() : (bytes) => decoder.decode(bytes);
  const memoryResetBytes = options.memoryResetBytes ?? DEFAULT_MEMORY_RESET_BYTES;
  if (!Number.isSafeInteger(memoryResetBytes) || memoryResetBytes <= 0) {
    throw new TypeError(`broadsheet: memoryResetBytes must be a positive whole number, not ${memoryResetBytes}`);
  }

  // Instantiated synchronously where the browser allows it: the first render then follows the compile
  // in the same task, instead of after the task that settles WebAssembly.instantiate.
  let core = await startCore(factoryFn, wasmModule).ready;
  // Set while a replacement instance that could not be made synchronously is on its way.
  let replacing = null;

  const css = decoder.decode(viewOf(core, core._broadsheet_stylesheet(), 0));
  const version = decoder.decode(viewOf(core, core._broadsheet_version(), 0));

  /**
   * Replaces the instance: after an internal failure (`broken`: it is not used again), or after it grew
   * past `memoryResetBytes` (it serves until its replacement is ready, when that cannot be at once).
   */
  function replaceCore(broken) {
    if (broken) core = null;
    if (replacing) return; // the one on its way takes over
    const next = startCore(factoryFn, wasmModule);
    // The glue defines its exports before there is an instance behind them; `calledRun` is set once
    // the instance runs.
    if (next.module.calledRun) {
      next.ready.catch(() => {});
      core = next.module;
      return;
    }
    replacing = next.ready;
    replacing.then(
      (module) => { core = module; replacing = null; },
      () => { replacing = null; }, // a grown instance keeps serving; a broken one is gone
    );
  }

  /** `validating`: only diagnostics are asked for (broadsheet_validate), and only they are returned. */
  function call(input, renderOptions, validating) {
    if (!core) {
      return failure(validating, replacing
        ? internalDiagnostic('the renderer is restarting after an internal error; try again shortly')
        : internalDiagnostic('the renderer could not be restarted after an internal error'));
    }
    const encoded = encodeRequest(input, renderOptions);
    if (encoded.diagnostic) return failure(validating, encoded.diagnostic);
    try {
      const status = writeAndRun(core, encoded, validating);
      if (status !== 0 && status !== 1) throw new Error(`the core returned status ${status}`);
      const ok = status === 0;
      const results = core._broadsheet_results();
      const diagnostics = JSON.parse(decoder.decode(viewOf(core, results, 1)));
      const result = validating
        ? { ok, diagnostics }
        : { ok, html: decodeHtml(viewOf(core, results, 0)), css, diagnostics,
          meta: JSON.parse(decoder.decode(viewOf(core, results, 2))) };
      // The results are decoded, so the instance can go now.
      if (core.HEAPU8.buffer.byteLength > memoryResetBytes) replaceCore(false);
      return result;
    } catch (error) {
      replaceCore(true);
      return failure(validating, internalDiagnostic(`internal error in the core (${describeError(error)}); ` +
        'the renderer has been restarted'));
    }
  }

  function failure(validating, diagnostic) {
    return validating
      ? { ok: false, diagnostics: [diagnostic] }
      : { ok: false, html: '', css, diagnostics: [diagnostic], meta: null };
  }

  return Object.freeze({
    css,
    version,
    get memoryBytes() { return core ? core.HEAPU8.buffer.byteLength : 0; },
    render: (input, renderOptions) => call(input, renderOptions, false),
    validate: (input, renderOptions) => call(input, renderOptions, true),
    headTags: (input, renderOptions) => headTags(input, renderOptions),
  });

  /** The host page's head tags: the core writes them into meta.head when asked (the fragment is not
   * needed, but one render call is the one path through the module). Bad options leave them out. */
  function headTags(input, renderOptions) {
    const usable = renderOptions === undefined || renderOptions === null ||
      (typeof renderOptions === 'object' && !Array.isArray(renderOptions));
    const options = usable ? { ...renderOptions, standalone: false, headTags: true } : renderOptions;
    return call(input, options, false).meta?.head ?? '';
  }
}

/**
 * Formats a diagnostic as one line: `path line:column code message` (the CLI's format).
 * The document root (JSON Pointer "") is shown as `/`.
 * @param {import('./index.d.ts').Diagnostic} d
 */
export function formatDiagnostic(d) {
  return `${d.path || '/'} ${d.line ?? 0}:${d.column ?? 0} ${d.code} ${d.message}`;
}

// ── Loading ──────────────────────────────────────────────────────────────────────────────────────

// One glue import and one compilation per URL, per page or worker, shared by every renderer; a failed
// load is not kept.
let factoryLoading = null;
const compilations = new Map();

function loadFactory() {
  factoryLoading ??= import('./core/broadsheet-core.js').catch((error) => {
    factoryLoading = null;
    throw new Error('broadsheet: could not load the WebAssembly core (web/core/broadsheet-core.js); ' +
      `run \`npm run build\` first (${describeError(error)})`, { cause: error });
  });
  return factoryLoading;
}

/**
 * Starts loading the glue and compiling the WebAssembly (streaming) without instantiating, so that a
 * later createRenderer with the same options only instantiates.
 * @param {import('./index.d.ts').CreateRendererOptions} [options]
 * @returns {Promise<WebAssembly.Module>}
 */
export function preloadCore(options = {}) {
  if (!options.moduleFactory) loadFactory().catch(() => {}); // createRenderer reports it
  const compiling = options.wasmModule ? Promise.resolve(options.wasmModule) : compileCore(options);
  compiling.catch(() => {});
  return compiling;
}

/**
 * The options that load the lite core (web/core/broadsheet-core-lite.wasm: no embed, gallery or table
 * blocks, footnotes, sources, standalone documents or head tags; docs/performance.md) with the same
 * glue, or null when `options` name a core of their own (`wasmUrl`, `wasmBinary`, `wasmModule`) and no
 * `liteWasmUrl`. The element renders with it first; a render whose `meta.needsFullCore` is true gave
 * nothing else and is done again with the full core, which writes the same HTML for every article the
 * lite core renders (tests/lite/lite-core.test.mjs).
 * @param {import('./index.d.ts').CreateRendererOptions} [options]
 * @returns {import('./index.d.ts').CreateRendererOptions | null}
 */
export function liteCoreOptions(options = {}) {
  const { liteWasmUrl, ...rest } = options;
  if (liteWasmUrl) return { ...rest, wasmUrl: liteWasmUrl, wasmBinary: undefined, wasmModule: undefined };
  if (rest.wasmUrl || rest.wasmBinary || rest.wasmModule) return null;
  return { ...rest, wasmUrl: new URL('./core/broadsheet-core-lite.wasm', import.meta.url).href };
}

/**
 * The compiled core: one compilation per URL (`wasmBinary` is compiled each time).
 * @param {import('./index.d.ts').CreateRendererOptions} [options]
 * @returns {Promise<WebAssembly.Module>}
 */
export function compileCore(options = {}) {
  if (options.wasmModule) return Promise.resolve(options.wasmModule);
  if (options.wasmBinary) return WebAssembly.compile(options.wasmBinary);
  const location = String(options.wasmUrl ?? new URL('./core/broadsheet-core.wasm', import.meta.url));
  let compiling = compilations.get(location);
  if (!compiling) {
    compiling = compileWasm(location);
    compilations.set(location, compiling);
    compiling.catch(() => {
      if (compilations.get(location) === compiling) compilations.delete(location);
    });
  }
  return compiling;
}

async function compileWasm(text) {
  if (isNode && (text.startsWith('file:') || !/^[a-z][a-z0-9+.-]+:/i.test(text))) {
    // A specifier in a variable, so that bundlers building for browsers leave this Node-only import alone.
    const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ NODE_FS);
    let bytes;
    try {
      bytes = await readFile(text.startsWith('file:') ? new URL(text) : text);
    } catch (error) {
      throw new Error(`broadsheet: could not read the WebAssembly core at ${text}; ` +
        `run \`npm run build\` first (${error.code ?? describeError(error)})`, { cause: error });
    }
    return WebAssembly.compile(bytes);
  }
  const response = await fetch(text);
  if (!response.ok) {
    throw new Error(`broadsheet: could not load the WebAssembly core from ${text}: HTTP ${response.status}`);
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/wasm' && typeof WebAssembly.compileStreaming === 'function') {
    return WebAssembly.compileStreaming(response);
  }
  // Served with the wrong MIME type: streaming compilation refuses it, so compile from the bytes.
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Starts one instance of the core from the compiled module. `module` is the Emscripten module object,
 * usually fully initialised when this returns: instantiated synchronously where the browser allows it
 * (restarts need that, since `render` is synchronous; the first instance saves the task that
 * WebAssembly.instantiate settles in). `ready` resolves when it is in any case.
 */
function startCore(factory, wasmModule) {
  const module = {
    instantiateWasm(imports, receiveInstance) {
      let instance;
      try {
        instance = new WebAssembly.Instance(wasmModule, imports);
      } catch {
        // Some browsers refuse synchronous instantiation of large modules on the main thread.
      }
      if (instance) {
        receiveInstance(instance, wasmModule);
        return {};
      }
      WebAssembly.instantiate(wasmModule, imports).then(
        (made) => receiveInstance(made, wasmModule), rejectReady);
      return {};
    },
  };
  let rejectReady;
  const ready = new Promise((resolve, reject) => {
    rejectReady = reject;
    Promise.resolve(factory(module)).then(resolve, reject);
  });
  return { module, ready };
}

// ── Crossing the boundary ────────────────────────────────────────────────────────────────────────

/**
 * Turns the caller's input and options into what `writeAndRun` needs, or a diagnostic: BS-INPUT, or
 * BS-LIMIT for an input over `limits.maxInputBytes` (refused here, before it takes room in the core).
 */
function encodeRequest(input, renderOptions) {
  const request = readRequest(input, renderOptions);
  if (request.diagnostic) return request;
  const limit = maxInputBytes(renderOptions);
  // Measured as the core measures: after a byte order mark, which it drops.
  const text = request.text?.charCodeAt(0) === 0xfeff ? request.text.slice(1) : request.text;
  const bytes = request.bytes && hasByteOrderMark(request.bytes) ? request.bytes.subarray(3) : request.bytes;
  const excess = text !== undefined ? textExcess(text, limit) : byteExcess(bytes, limit);
  if (!excess) return request;
  return { diagnostic: limitDiagnostic(excess, limit, rootPosition(text ?? bytes)) };
}

function hasByteOrderMark(bytes) {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * Where the core places a diagnostic about the whole document: the first character after the leading
 * JSON white space (a `\r` counts as a column, as in the core), or 0:0 when there is none.
 */
function rootPosition(textOrBytes) {
  const isText = typeof textOrBytes === 'string';
  let line = 1;
  let column = 1;
  for (let i = 0; i < textOrBytes.length; i += 1) {
    const unit = isText ? textOrBytes.charCodeAt(i) : textOrBytes[i];
    if (unit === 0x0a) {
      line += 1;
      column = 1;
    } else if (unit === 0x20 || unit === 0x09 || unit === 0x0d) {
      column += 1;
    } else {
      return { line, column };
    }
  }
  return { line: 0, column: 0 };
}

/** The input size limit the core will apply: the option when it is valid (the core warns when not). */
function maxInputBytes(renderOptions) {
  const limit = renderOptions?.limits?.maxInputBytes;
  return Number.isSafeInteger(limit) && limit > 0 ? limit : DEFAULT_MAX_INPUT_BYTES;
}

function byteExcess(bytes, limit) {
  return bytes.length > limit ? `${bytes.length} bytes` : '';
}

/**
 * For text: a UTF-16 code unit takes 1 to 3 bytes of UTF-8 (a surrogate pair 4 for 2), so a text with
 * more code units than the limit is over it for sure, one with at most a third is under it, and only
 * in between are the bytes counted.
 */
function textExcess(text, limit) {
  if (text.length > limit) return `at least ${text.length} bytes`;
  if (text.length * 3 <= limit) return '';
  const bytes = utf8Length(text);
  return bytes > limit ? `${bytes} bytes` : '';
}

/** What TextEncoder will write: a surrogate pair is 4 bytes, a lone surrogate becomes U+FFFD (3). */
function utf8Length(text) {
  let bytes = text.length;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    bytes += unit < 0x800 ? 1 : 2;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1; // the pair's 4 bytes are counted
    }
  }
  return bytes;
}

function readRequest(input, renderOptions) {
  let optionBytes = new Uint8Array(0);
  if (renderOptions !== undefined && renderOptions !== null) {
    if (typeof renderOptions !== 'object' || Array.isArray(renderOptions)) {
      return { diagnostic: inputDiagnostic(`options must be an object, not ${describeType(renderOptions)}`) };
    }
    try {
      optionBytes = encoder.encode(JSON.stringify(renderOptions));
    } catch (error) {
      return { diagnostic: inputDiagnostic(`options cannot be written as JSON (${describeError(error)})`) };
    }
  }

  if (typeof input === 'string') return { text: input, optionBytes };
  if (input instanceof Uint8Array) return { bytes: input, optionBytes };
  if (input instanceof ArrayBuffer) return { bytes: new Uint8Array(input), optionBytes };
  if (ArrayBuffer.isView(input)) {
    return { bytes: new Uint8Array(input.buffer, input.byteOffset, input.byteLength), optionBytes };
  }
  if (typeof input === 'object' && input !== null) {
    let text;
    try {
      text = JSON.stringify(input);
    } catch (error) {
      return { diagnostic: inputDiagnostic(`the article object cannot be written as JSON (${describeError(error)})`) };
    }
    if (typeof text !== 'string') {
      return { diagnostic: inputDiagnostic('the article object cannot be written as JSON') };
    }
    return { text, optionBytes };
  }
  return {
    diagnostic: inputDiagnostic('input must be a JSON string, an article object or a Uint8Array of UTF-8 ' +
      `bytes, not ${describeType(input)}`),
  };
}

/**
 * Writes the article's bytes and then the options' bytes into the core's input buffer; renders, or
 * only validates. Returns the core's status.
 */
function writeAndRun(core, { text, bytes, optionBytes }, validating) {
  let inputLength;
  if (text !== undefined) {
    // Encode straight into linear memory. Articles are mostly ASCII, so first ask for a little more
    // room than there are UTF-16 code units (1/64 more: a 1 MB article's 1/8 was a page or two of
    // linear memory for good); when that is not enough, for 3 bytes per code unit left (always
    // enough), keeping what was written. The core's memory stays close to the input's size.
    let room = text.length + (text.length >> 6) + 16;
    let pointer = core._broadsheet_input(room + optionBytes.length);
    // HEAPU8 is read after every _broadsheet_input(): memory may have grown.
    let { read, written } = encoder.encodeInto(text, core.HEAPU8.subarray(pointer, pointer + room));
    if (read < text.length) {
      room = written + 3 * (text.length - read);
      pointer = core._broadsheet_input(room + optionBytes.length);
      written += encoder.encodeInto(text.slice(read), core.HEAPU8.subarray(pointer + written, pointer + room)).written;
    }
    inputLength = written;
    core.HEAPU8.set(optionBytes, pointer + inputLength);
  } else {
    inputLength = bytes.length;
    const pointer = core._broadsheet_input(inputLength + optionBytes.length);
    const heap = core.HEAPU8;
    heap.set(bytes, pointer);
    heap.set(optionBytes, pointer + inputLength);
  }
  return validating
    ? core._broadsheet_validate(inputLength, optionBytes.length)
    : core._broadsheet_render(inputLength, optionBytes.length);
}

/** The bytes of the `index`-th (pointer, length) pair of the table at `table` in linear memory. */
function viewOf(core, table, index) {
  const words = core.HEAPU32;
  const pointer = words[(table >>> 2) + 2 * index];
  return core.HEAPU8.subarray(pointer, pointer + words[(table >>> 2) + 2 * index + 1]);
}

// ── Diagnostics made on this side ────────────────────────────────────────────────────────────────

function inputDiagnostic(message) {
  return { severity: 'error', code: 'BS-INPUT', message, path: '', line: 0, column: 0 };
}

/** The core's own wording for the same limit (src/format/parse_json.cpp). */
function limitDiagnostic(size, limit, { line, column }) {
  return { severity: 'error', code: 'BS-LIMIT', message: `The document is ${size} long; the limit is ${limit} bytes.`,
    path: '', line, column };
}

function internalDiagnostic(message) {
  return { severity: 'error', code: 'BS-INTERNAL', message, path: '', line: 0, column: 0 };
}

function describeType(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? value.constructor?.name ?? 'an object' : typeof value;
}

function describeError(error) {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
