// Types for `broadsheet/broadsheet-core.wasm` (web/core/broadsheet-core.wasm): the core's WebAssembly file,
// exported for bundlers to copy. Their file loaders (esbuild's `file`, webpack's `asset/resource`, Vite's
// `?url`) turn the import into the URL of the copy, to hand to `configureRenderer({ wasmUrl })` or
// `createRenderer({ wasmUrl })` (docs/embed.md, "Bundlers: where the .wasm goes"). In Node, resolve the
// file's path instead: `createRequire(import.meta.url).resolve('broadsheet/broadsheet-core.wasm')`.

/** The URL the bundler gives the copied `.wasm` file. */
declare const wasmUrl: string;
export default wasmUrl;
