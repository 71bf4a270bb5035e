// Hand-written types for the `broadsheet` package (web/broadsheet.js). The other entry points have their
// own files, which build on these: element.d.ts (`broadsheet/element`, the custom element; it needs the
// DOM library), embed.d.ts (`broadsheet/embed`), ssr.d.ts (`broadsheet/ssr`), broadsheet-core.wasm.d.ts
// (`broadsheet/broadsheet-core.wasm`) and the JSX typings (jsx*.d.ts). This file, ssr.d.ts and the .wasm
// declaration name no DOM type, so Node code type-checks with `lib: ["es2022"]` alone.
// tests/js/types.test.mjs holds them to the real API: the consumer examples in examples/typescript/, the
// meta of a real render, the codes of docs/format.md.

/**
 * Every diagnostic code: the table of docs/format.md ("Diagnostic codes"). `BS-INPUT` and `BS-INTERNAL`
 * come from the JavaScript shell, the rest from the core.
 */
export type DiagnosticCode =
  | 'BS-JSON-SYNTAX'
  | 'BS-LIMIT'
  | 'BS-FORMAT'
  | 'BS-REQUIRED'
  | 'BS-EMPTY'
  | 'BS-TYPE'
  | 'BS-VALUE'
  | 'BS-DATE'
  | 'BS-LANG'
  | 'BS-URL-SCHEME'
  | 'BS-URL-RELATIVE'
  | 'BS-BIDI'
  | 'BS-UNKNOWN-MEMBER'
  | 'BS-UNKNOWN-BLOCK'
  | 'BS-REF-ANALYST'
  | 'BS-DUPLICATE-ID'
  | 'BS-EMPTY-BLOCK'
  | 'BS-PULLQUOTE-DROPPED'
  | 'BS-PULLQUOTE-MOVED'
  | 'BS-PULLQUOTE-PARAPHRASE'
  | 'BS-TRANSLATION-LANG'
  | 'BS-IMAGE-SIZE'
  | 'BS-FOOTNOTE'
  | 'BS-EMBED-PROVIDER'
  | 'BS-TABLE-SHAPE'
  | 'BS-OPTION'
  | 'BS-LICENSE'
  | 'BS-LICENSE-TERMS'
  | 'BS-INPUT'
  | 'BS-INTERNAL';

/** One problem found in a document, or in the call itself (`BS-INPUT`, `BS-INTERNAL`). */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable code, e.g. `BS-JSON-SYNTAX` (docs/format.md#diagnostic-codes). */
  code: DiagnosticCode;
  message: string;
  /** JSON Pointer to the offending value; `""` is the whole document (for `BS-OPTION`, a pointer into the
   * options). */
  path: string;
  /** 1-based line in the input, or 0 when unknown. */
  line: number;
  /** 1-based column in the input, or 0 when unknown. */
  column: number;
}

export interface RenderOptions {
  /** A whole HTML document with the stylesheet inlined, instead of an `<article>` fragment. */
  standalone?: boolean;
  /** Heading level of the headline (`.bs-headline`); default 1. */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  theme?: 'auto' | 'light' | 'dark';
  /** BCP 47 language tag; overrides the document's `lang`. */
  lang?: string;
  /** `part` attributes with the `::part()` names (docs/markup.md), for HTML that goes into a shadow root. */
  parts?: boolean;
  /** The article's own absolute http(s) address; its relative URLs resolve against it. */
  baseUrl?: string;
  /** `drop` leaves out path-relative images when there is no `baseUrl` (`BS-URL-RELATIVE`); default `keep`. */
  relativeImages?: 'keep' | 'drop';
  /** Space-separated `rel` tokens for links to other sites: `external`, `nofollow`, `noreferrer`,
   * `sponsored`, `ugc`. */
  linkRel?: string;
  /** A referrer policy keyword written as `referrerpolicy` on every image, e.g. `no-referrer`. */
  imageReferrerPolicy?: ImageReferrerPolicy;
  /** Also write the tags a host page puts in its `<head>` into `meta.head` (what `Renderer.headTags`
   * returns; docs/embed.md#head-tags). */
  headTags?: boolean;
  /** What embed blocks become (docs/embeds.md): `click` (default) a placeholder that loads the provider's
   * frame only when the reader asks (call `activateEmbeds` on the HTML's container), `load` the frame at
   * once, `link` only the link to the original. Every form keeps that link. */
  embeds?: 'click' | 'load' | 'link';
  /** Space-separated https origins (`https://maps.example.org`) whose `generic` embeds may be framed;
   * other generic embeds are links only. */
  embedOrigins?: string;
  /** Resource limits (docs/format.md#limits); exceeding one gives a `BS-LIMIT` diagnostic. Each must be a
   * positive integer (`maxOutputBytes` may be 0). */
  limits?: {
    /** Bytes of UTF-8 input; default 8 MiB (`DEFAULT_MAX_INPUT_BYTES`). Checked in JavaScript before the
     * input is copied into the core's memory. */
    maxInputBytes?: number;
    /** JSON nesting depth; default 64. */
    maxDepth?: number;
    /** Default 10000. */
    maxBlocks?: number;
    /** Bytes in any one string; default 1 MiB. */
    maxStringBytes?: number;
    /** Entries of `authors`, and of `analysts`; default 100. */
    maxPeople?: number;
    /** `pullquote` blocks and `pullquotes` entries together; default 20. */
    maxPullquotes?: number;
    /** Diagnostics kept; past it they are counted in one `BS-LIMIT` warning. Default 200. */
    maxDiagnostics?: number;
    /** Bytes of HTML written; default 0, meaning 16 bytes per byte of input plus 1 MiB. */
    maxOutputBytes?: number;
  };
}

/** The keywords of the `imageReferrerPolicy` option (any other is a `BS-OPTION` warning). */
export type ImageReferrerPolicy =
  | 'no-referrer'
  | 'no-referrer-when-downgrade'
  | 'origin'
  | 'origin-when-cross-origin'
  | 'same-origin'
  | 'strict-origin'
  | 'strict-origin-when-cross-origin'
  | 'unsafe-url';

/** Facts about the rendered article. */
export interface ArticleMeta {
  /** The document's `id`; `""` when it has none. */
  id: string;
  /** The headline as plain text. */
  headline: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  wordCount: number;
  readingMinutes: number;
  analysts: Array<{ id: string; name: string; role: string }>;
  /** How many pull quotes were placed, the texts of those left out, and where each one went. */
  pullquotes: { placed: number; dropped: string[]; items: PullquotePlacement[] };
  /** Quotations in paragraphs («…», “…”) and the analyst each one's sentence names (at most 200). */
  quotes: Array<{ text: string; speaker: string | null; path: string }>;
  canonicalUrl: string;
  /** `syndication.readUrl` (always https), where `<broadsheet-article>` sends its read-through beacon;
   * null when the article declares none. */
  readUrl: string | null;
  /** With the `headTags` option: the host page's head tags (docs/embed.md#head-tags). */
  head?: string;
}

/**
 * The whole `meta` of a render by the lite core (a renderer made with `liteCoreOptions`, which
 * `<broadsheet-article>` renders with first) when the article or the options need what it leaves out:
 * embed, gallery or table blocks, footnotes, sources or a `[^label]` reference, an HTML entity outside
 * the common ones, a text that is not JSON (the full core says what is wrong), standalone documents,
 * head tags. `html` is then empty, `ok` true and there are no diagnostics: render with the full core
 * (docs/performance.md, "The lite core for the element"). The full core never gives it; a render the
 * lite core gives otherwise is byte for byte the full core's.
 */
export interface NeedsFullCoreMeta {
  needsFullCore: true;
}

/** Where one pull quote went, or why it was left out (docs/layout.md, "Pull quotes"). */
export interface PullquotePlacement {
  /** Plain text. */
  text: string;
  /** A `pullquote` block, an entry of the `pullquotes` list, or picked by `pullquotes: "auto"`. */
  origin: 'anchored' | 'listed' | 'auto';
  /** JSON Pointer of where it came from; for `auto`, of the block it quotes. */
  path: string;
  placed: boolean;
  /** Its position among the laid-out body's items; null when left out. */
  index: number | null;
  /** JSON Pointer of the block it follows; null when left out. */
  after: string | null;
  reason: 'between-paragraphs' | 'after-paragraph' | 'authored' | 'moved' | 'too-few-paragraphs' | 'no-room';
  /** The analyst's id; null when none. */
  speaker: string | null;
  /** Its words are the body's; when false it has a BS-PULLQUOTE-PARAPHRASE warning. */
  inBody: boolean;
}

export interface RenderResult {
  /** True when no diagnostic is an error (the core's verdict, not recounted by the shell). */
  ok: boolean;
  /** The article's HTML; best effort (possibly empty) when `ok` is false. */
  html: string;
  /** The article stylesheet (the same string as `Renderer.css`). */
  css: string;
  diagnostics: Diagnostic[];
  /**
   * Present exactly when the core read an article (a JSON object with a usable headline), errors and all;
   * null otherwise (e.g. invalid JSON, no headline) or when the call itself failed (`BS-INPUT`,
   * `BS-INTERNAL`).
   */
  meta: ArticleMeta | null;
}

export interface ValidateResult {
  /** True when no diagnostic is an error; the same verdict `render` gives for the same input and options. */
  ok: boolean;
  diagnostics: Diagnostic[];
}

/** Inline CommonMark: emphasis, strong, code, links, smart punctuation; never raw HTML. */
export type InlineMarkdown = string;

export interface Person {
  id?: string;
  name: string;
  role?: string;
  affiliation?: string;
  honorific?: string;
  url?: string;
}

export interface ArticleImage {
  src: string;
  alt: string;
  caption?: InlineMarkdown;
  credit?: InlineMarkdown;
  /** Intrinsic size in pixels; without both, a `BS-IMAGE-SIZE` warning (the page cannot reserve the space). */
  width?: number;
  height?: number;
  /** The same picture at other widths (at most 16, each width once): `srcset`, with `sizes` from the layout. */
  sources?: ImageSource[];
}

/** One candidate of an image's `sources`: a URL and the picture's width there, in pixels. */
export interface ImageSource {
  src: string;
  width: number;
}

/**
 * What every block may carry: its own language (BCP 47) and direction. `dir` absent or `"auto"`
 * follows the block's `lang` (its script), else the article's.
 */
export interface BlockLanguage {
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
}

export type Block = BlockLanguage &
  (
    | { type: 'paragraph'; text: InlineMarkdown }
    /** `level` below the headline: 2 when absent. */
    | { type: 'heading'; level?: 2 | 3 | 4; text: InlineMarkdown }
    | { type: 'quote'; text: InlineMarkdown; by?: string; attribution?: string }
    | { type: 'pullquote'; text: InlineMarkdown; by?: string }
    | { type: 'list'; ordered?: boolean; items: InlineMarkdown[] }
    | ({ type: 'image' } & ArticleImage)
    | { type: 'note'; text: InlineMarkdown }
    | { type: 'divider' }
    | { type: 'markdown'; text: string }
    /** A group of 1-24 images shown as one figure; `caption` and `credit` are the group's. */
    | { type: 'gallery'; images: ArticleImage[]; caption?: InlineMarkdown; credit?: InlineMarkdown }
    | EmbedBlock
    | ({ type: 'table' } & TableBlock)
  );

/** An embed provider's id (docs/embeds.md). */
export type EmbedProviderId =
  | 'youtube' | 'vimeo' | 'x' | 'telegram' | 'instagram' | 'facebook' | 'tiktok' | 'soundcloud' | 'spotify'
  | 'googlemaps' | 'generic';

/** Third-party content, loaded only when the reader asks (docs/embeds.md). `url` is rebuilt from the
 * provider's ids; one that cannot be is a `BS-EMBED-PROVIDER` error and the block is a plain link. */
export interface EmbedBlock {
  type: 'embed';
  provider: EmbedProviderId;
  url: string;
  /** Plain text: the frame's title and the placeholder's heading. */
  title: string;
  caption?: InlineMarkdown;
  /** Width over height: `"16:9"`, `"4:3"`, `"9:16"` or a number from 0.25 to 4; the provider's default when absent. */
  aspectRatio?: '16:9' | '4:3' | '9:16' | number;
}


/** Column alignment of a table; `"auto"` (the default) aligns numeric columns to the end. */
export type TableAlign = 'start' | 'end' | 'center' | 'auto';

/**
 * A table (docs/format.md#tables): cells are inline CommonMark. Rows shorter than the header are
 * padded with empty cells and longer ones cut (BS-TABLE-SHAPE warning); at most 1000 rows, 50
 * columns and 10000 cells.
 */
export interface TableBlock {
  caption: InlineMarkdown;
  header?: InlineMarkdown[];
  rows: InlineMarkdown[][];
  align?: TableAlign[];
  /** The first cell of each row heads it (`<th scope="row">`). */
  rowHeaders?: boolean;
}

/** A correction or update appended to the article (shown after the body, listed in JSON-LD). */
export interface Correction {
  /** ISO 8601 date or date-time. */
  date: string;
  text: InlineMarkdown;
  /** `"correction"` when absent. Only corrections go into JSON-LD's `correction`. */
  kind?: 'correction' | 'update';
}

/** A footnote: the body's text refers to it as `[^id]`; numbered in the order of first reference. */
export interface Footnote {
  /** 1 to 64 characters, no white space or brackets; unique among the footnotes. */
  id: string;
  text: InlineMarkdown;
}

/** A source the article cites, listed under "Sources" after the notes. */
export interface CitedSource {
  /** Plain text, shown in `<cite>` and linked to `url`. */
  title: string;
  url: string;
  /** Plain text. */
  publisher?: string;
  /** ISO 8601 date or date-time. */
  date?: string;
}

/** Another language version of the article: a link of the language switcher. */
export interface Translation {
  /** BCP 47; one entry per language, other than the article's own. */
  lang: string;
  url: string;
  /** Its headline, plain text (JSON-LD and head tags; the switcher shows the language's name). */
  headline?: string;
}

/** The SPDX ids of the licences whose terms the renderer knows (docs/syndication.md). */
export type KnownLicense =
  | 'CC-BY-4.0'
  | 'CC-BY-SA-4.0'
  | 'CC-BY-ND-4.0'
  | 'CC-BY-NC-4.0'
  | 'CC-BY-NC-SA-4.0'
  | 'CC-BY-NC-ND-4.0'
  | 'CC0-1.0';

/** Where a republished article came from and under which licence (docs/format.md#syndication). */
export interface Syndication {
  source: { name: string; url?: string; logo?: string };
  /** The article's address at its source; the head tags' canonical link points to it. */
  originalUrl: string;
  /** An SPDX id (another than the known ones gets a `BS-LICENSE` warning), or the https URL of the terms. */
  license: KnownLicense | (string & {});
  /** Words the licensor asks to be shown with the article (plain text). */
  attribution?: string;
  /** ISO 8601 date or date-time of the first publication. */
  firstPublished?: string;
  /** https only: where `<broadsheet-article>` sends one read-through beacon (docs/embed.md#read-through-signal). */
  readUrl?: string;
}

/** Article format v1 (`"format": "broadsheet/article@1"`). */
export interface ArticleDocument {
  /** The URL of a JSON Schema for editors (e.g. `schema/article.schema.json`); not read by the renderer. */
  $schema?: string;
  format: 'broadsheet/article@1';
  id?: string;
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  headline: InlineMarkdown;
  standfirst?: InlineMarkdown;
  /** ISO 8601 date or date-time. */
  published?: string;
  updated?: string;
  section?: string;
  tags?: string[];
  publisher?: { name: string; url?: string };
  canonicalUrl?: string;
  authors?: Person[];
  /** Analysts need a unique `id`, which quotes and pull quotes refer to with `by`. */
  analysts?: Array<Person & { id: string }>;
  image?: ArticleImage;
  /** Blocks, or one block-level CommonMark string. */
  body?: Block[] | string;
  /** Floating pull quotes, or `"auto"`: the layout engine picks quotes from the body (docs/layout.md). */
  pullquotes?: Array<{ text: InlineMarkdown; by?: string }> | 'auto';
  note?: InlineMarkdown;
  callToAction?: { label: string; url: string };
  syndication?: Syndication;
  corrections?: Correction[];
  translations?: Translation[];
  /** The version this article translates (JSON-LD `translationOfWork`). */
  translationOf?: { lang: string; url: string };
  /** Footnotes the body refers to as `[^id]` (docs/format.md, "Footnotes and sources"). */
  footnotes?: Footnote[];
  sources?: CitedSource[];
}

/**
 * What `render` and `validate` accept: JSON text, UTF-8 bytes of JSON text, or an article object
 * (written out with `JSON.stringify`). Anything else gives a `BS-INPUT` diagnostic, never an exception.
 */
export type ArticleInput = string | Uint8Array | ArrayBuffer | ArrayBufferView | ArticleDocument;

export interface Renderer {
  /** Renders an article. Never throws: problems come back as diagnostics. */
  render(input: ArticleInput, options?: RenderOptions): RenderResult;
  /** Checks an article without producing HTML. Never throws. */
  validate(input: ArticleInput, options?: RenderOptions): ValidateResult;
  /**
   * The tags a page showing the article puts in its `<head>`: canonical link (the original's address when
   * syndicated), description, Open Graph, Twitter card and the JSON-LD script, each escaped for its
   * context (docs/embed.md#head-tags). `""` when no article could be read. Never throws.
   */
  headTags(input: ArticleInput, options?: RenderOptions): string;
  /** The article stylesheet. */
  readonly css: string;
  /** The core's version. */
  readonly version: string;
  /**
   * The current size of the core's WebAssembly memory, in bytes (0 while the renderer restarts after an
   * internal error). It grows with the largest render and returns to its baseline when the instance is
   * replaced (see `CreateRendererOptions.memoryResetBytes`).
   */
  readonly memoryBytes: number;
}

/**
 * The WHATWG `URL` class's instances where the program has them (the DOM library or @types/node), and
 * nothing otherwise, so that these types need neither.
 */
export type URLInstance = typeof globalThis extends { URL: abstract new (...args: never) => infer Instance }
  ? Instance : never;

/** `WebAssembly.Module` where the program's libraries declare it (the DOM library or @types/node). */
export type WasmModuleInstance = typeof globalThis extends {
  WebAssembly: { Module: abstract new (...args: never) => infer Instance };
} ? Instance : never;

/** An Emscripten module factory following the Broadsheet core contract. */
export type CoreFactory = (moduleArgs: object) => Promise<object>;

export interface CreateRendererOptions {
  /** Where to load `broadsheet-core.wasm` from; defaults to `./core/` beside this module. */
  wasmUrl?: string | URLInstance;
  /** The core's WebAssembly bytes, instead of loading them from `wasmUrl`. */
  wasmBinary?: ArrayBuffer | ArrayBufferView;
  /**
   * The core already compiled (e.g. from `compileCore()`, or handed to a worker thread), instead of
   * `wasmUrl` or `wasmBinary`: the renderer only instantiates it.
   */
  wasmModule?: WasmModuleInstance;
  /**
   * Advanced: the Emscripten factory (or a module whose default export is one) to use instead of the
   * bundled `./core/broadsheet-core.js`, e.g. a debug build of the core.
   */
  moduleFactory?: CoreFactory | { default: CoreFactory };
  /**
   * After a render that leaves the core's memory larger than this, the instance is replaced by a fresh
   * one (synchronously where the runtime allows, else as soon as it is ready), so the memory returns to
   * its baseline; WebAssembly memory cannot shrink otherwise. Default 64 MiB; a positive whole number.
   */
  memoryResetBytes?: number;
  /**
   * Where to load `broadsheet-core-lite.wasm` from, for `liteCoreOptions` (what `<broadsheet-article>`
   * renders with first); defaults to `./core/` beside this module unless `wasmUrl`, `wasmBinary` or
   * `wasmModule` is given, when the element uses only that core. `createRenderer` ignores it.
   */
  liteWasmUrl?: string | URLInstance;
}

/** The default of `limits.maxInputBytes`: 8 MiB. */
export const DEFAULT_MAX_INPUT_BYTES: number;

/** Loads the WebAssembly core and returns a renderer with its own instance of it. */
export function createRenderer(options?: CreateRendererOptions): Promise<Renderer>;

/**
 * Compiles the core once per URL (per page or worker) and returns the module; renderers made with the
 * same options instantiate that one compilation. `wasmModule` is returned as it is; `wasmBinary` is compiled.
 */
export function compileCore(options?: CreateRendererOptions): Promise<WasmModuleInstance>;

/**
 * Starts loading the core's glue and compiling the WebAssembly (streaming) without instantiating it,
 * so that a later `createRenderer` with the same options only instantiates. Never rejects unhandled.
 */
export function preloadCore(options?: CreateRendererOptions): Promise<WasmModuleInstance>;

/**
 * The options that load the lite core with the same glue (`liteWasmUrl`, or `./core/broadsheet-core-lite.wasm`
 * beside this module), or null when `options` name a core of their own and no `liteWasmUrl`. A
 * renderer made with them may answer `NeedsFullCoreMeta`; it is for the element and the embed, and for
 * `render` only (its `validate` says nothing of what it leaves out, its `headTags` are always empty).
 */
export function liteCoreOptions(options?: CreateRendererOptions): CreateRendererOptions | null;

/** Formats a diagnostic as `path line:column code message`; the document root is shown as `/`. */
export function formatDiagnostic(diagnostic: Diagnostic): string;

/** Each provider's frame host, the only host its frame may load from (docs/embeds.md). */
export const EMBED_FRAME_HOSTS: Readonly<Record<Exclude<EmbedProviderId, 'generic'>, string>>;
/** Where `activateEmbeds` looks: a document, a shadow root or an element (typed by shape, so that
 * code built without the DOM library type-checks too). */
export interface EmbedRoot {
  querySelectorAll(selectors: string): unknown;
}
/** Shows the "Load" buttons of the embed placeholders under `root` and loads a frame when one is
 * pressed; `origins`: the render's `embedOrigins`, for generic embeds. Returns how many were made ready. */
export function activateEmbeds(root: EmbedRoot, options?: { origins?: readonly string[] }): number;
/** Replaces one placeholder box (`.bs-embed-box`, an Element) with its frame at once; the iframe, or
 * null when its address is refused. */
export function loadEmbed(box: object, options?: { origins?: readonly string[] }): object | null;
/** The frame URL (a `URL`) when `src` is https on the provider's frame host (generic: on one of
 * `origins`), else null. */
export function allowedFrameUrl(
  provider: string,
  src: string,
  origins?: readonly string[],
): { readonly href: string; readonly origin: string; readonly hostname: string } | null;
