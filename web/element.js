// <broadsheet-article>: a Broadsheet article as a custom element, for partner pages, apps and editors.
// Importing this module registers the element (unless the name is already taken) and exports its class.
//
// Where the article comes from (the first one present wins):
//   the `.article` property (an article object or JSON text),
//   an inline <script type="application/json"> child,
//   the `src` attribute (fetched without credentials unless `credentials` says otherwise, within
//   `fetch-timeout` milliseconds and the renderer's input limit, read as a stream).
// `lang`, `theme`, `heading-level`, `referrerpolicy` and `link-rel` are render options, and the
// article's relative URLs resolve against `base-url` or `src` (never the host page). A
// change to any attribute, or to the source, schedules one re-render for the end of the current task
// (changes made together render once), and `updateComplete` settles when it is done.
//
// What is valid is shown: any render that produced HTML (the core read a usable headline) is shown,
// errors and all, with every diagnostic in `broadsheet:render` and in one console warning. Only what
// cannot be shown gets the fallback: unreadable JSON, no usable headline, a failed fetch, a renderer
// that failed; with `strict`, any error too. docs/embed.md#what-blocks-display is the rule for users.
//
// The article is rendered into an open shadow root next to two constructed stylesheets (the element's
// own and the core's), each made once per document and shared by every element. Nothing loads until an
// element nears the viewport (`loading="eager"` opts out), and all elements share one renderer, i.e. one
// instance of the WebAssembly core, made when the first of them needs it. Failures never throw into the
// host page: they show a short fallback and dispatch `broadsheet:error`.
//
// Once at least half of a shown article (or, for one taller than that, half of the viewport) has been
// visible for 10 s in all while the page is visible, the element fires `broadsheet:read` and, when the
// article declares an https `syndication.readUrl` and the host did not set `no-beacon`, sends one
// beacon there with the same facts: the article's id, canonical URL and language, nothing about the
// reader (docs/embed.md#read-through-signal).
//
// The module can be imported in Node (for server-side rendering set-ups); it only registers the element
// where `customElements` exists.

import { DEFAULT_MAX_INPUT_BYTES, createRenderer, liteCoreOptions, preloadCore } from './broadsheet.js';
import { FRAME_CLASS, FRAME_CSS } from './element-markup.js';

export const TAG_NAME = 'broadsheet-article';

/** How far outside the viewport an element starts loading, so it is usually ready when scrolled to. */
const VIEWPORT_MARGIN = '600px';
const THEMES = new Set(['auto', 'light', 'dark']);
const DEFAULT_FETCH_TIMEOUT = 15_000;
/** `credentials` values a host may opt into; anything else is 'omit'. */
const CREDENTIALS = new Set(['same-origin', 'include']);
const UNAVAILABLE_TEXT = 'This article is not available.';
/** Diagnostics listed in the console warning; the rest are counted (the element has them all). */
const WARNING_LINES = 20;
/** Visible time after which an article counts as read (docs/embed.md#read-through-signal). */
const READ_AFTER_MS = 10_000;
/** Ratios at which the read-through observer is told how much of the element is visible. */
const READ_THRESHOLDS = Array.from({ length: 21 }, (_, i) => i / 20);

// ── The renderer all elements share ─────────────────────────────────────────────────────────────────

let rendererOptions = {};
// The renderers the page's elements share, by core ('full', 'lite'): each created on first use.
const sharedRenderers = new Map();

/**
 * Sets the options of the shared renderer (e.g. `wasmUrl` when a bundler moved the .wasm file). Call it
 * before the first element loads; afterwards it throws, since the renderer already exists.
 * @param {import('./index.d.ts').CreateRendererOptions} options
 */
export function configureRenderer(options = {}) {
  if (sharedRenderers.size > 0) {
    throw new Error('broadsheet: configureRenderer() must be called before the first article loads');
  }
  rendererOptions = { ...options };
}

/**
 * The renderer every element on the page uses, created on first call.
 * @returns {Promise<import('./index.d.ts').Renderer>}
 */
export function getSharedRenderer() {
  return sharedRendererOf('full', rendererOptions);
}

/** The page's renderer of `core`, made with `options` on the first call. */
function sharedRendererOf(core, options) {
  let loading = sharedRenderers.get(core);
  if (!loading) {
    loading = createRenderer(options);
    sharedRenderers.set(core, loading);
    // A failed load is not kept: the next element that needs the renderer tries again.
    loading.catch(() => {
      if (sharedRenderers.get(core) === loading) sharedRenderers.delete(core);
    });
  }
  return loading;
}

/**
 * The renderer elements render with first: the lite core (docs/performance.md, "The lite core for the
 * element"), whose renders that need more say `meta.needsFullCore` and are done again by the full
 * core's getSharedRenderer(). The full core alone when the page's preload hints name only it (the
 * snippet of an article that needs it) or configureRenderer() named a core without `liteWasmUrl`.
 * @returns {Promise<import('./index.d.ts').Renderer>}
 */
function getElementRenderer() {
  const lite = elementCoreOptions();
  return lite ? sharedRendererOf('lite', lite) : getSharedRenderer();
}

/** The lite core's options, or null when the elements of this page use the full core alone. */
function elementCoreOptions() {
  const lite = liteCoreOptions(rendererOptions);
  if (!lite || typeof document === 'undefined') return lite;
  const hints = hintedCores();
  return hints.length > 0 && !hints.includes('lite') ? null : lite;
}

/** The cores the page's preload hints name ('lite' or 'full', one per hint). */
function hintedCores() {
  return [...document.querySelectorAll('link[rel="preload"][href*="broadsheet-core"]')]
    .map((link) => (link.href.includes('broadsheet-core-lite') ? 'lite' : 'full'));
}

// A page that preloads the core (the snippet's hint) or has an eager or near-viewport element in its
// HTML starts compiling at this module's evaluation, not when the IntersectionObserver first reports:
// the core the elements render with first, and the full one too when the hints name it (an article on
// the page needs it). The `src` of each such element is fetched at the same moment, in parallel with
// the compile. A microtask, so configureRenderer() at the importing module's top level applies; it runs
// before the elements' first updates, which are queued when the element is defined below.
// (docs/performance.md)
if (typeof document !== 'undefined' && typeof customElements !== 'undefined') {
  queueMicrotask(() => {
    const soon = elementsNeededSoon();
    if (sharedRenderers.size === 0 && (soon.length > 0 || hintedCores().length > 0)) {
      const lite = elementCoreOptions();
      preloadCore(lite ?? rendererOptions);
      if (lite && hintedCores().includes('full')) preloadCore(rendererOptions);
    }
    for (const element of soon) prefetchSource(element);
  });
}

/** The elements in the page that are eager or within the lazy-loading margin of the viewport. */
function elementsNeededSoon() {
  const reach = window.innerHeight + Number.parseInt(VIEWPORT_MARGIN, 10);
  // No client rects: not displayed (IntersectionObserver skips it too).
  return [...document.querySelectorAll(TAG_NAME)].filter((element) => element.getAttribute('loading') === 'eager' ||
    (element.getClientRects().length > 0 && element.getBoundingClientRect().top < reach));
}

function fetchTimeoutOf(element) {
  const timeout = Number(element.getAttribute('fetch-timeout'));
  return Number.isInteger(timeout) && timeout > 0 ? timeout : DEFAULT_FETCH_TIMEOUT;
}

function credentialsOf(element) {
  const credentials = element.getAttribute('credentials');
  return CREDENTIALS.has(credentials) ? credentials : 'omit';
}

/** The element's inline `<script type="application/json">` child, or null. */
function inlineScriptOf(element) {
  for (const child of element.children) {
    if (child.localName === 'script' && child.getAttribute('type')?.trim().toLowerCase() === 'application/json') {
      return child;
    }
  }
  return null;
}

/** `src` fetches started at module evaluation, by `credentials src` key; each is taken once (#read). */
const prefetched = new Map();

/**
 * Starts fetching an element's `src` when that is what it will show: no `article` property set before
 * the definition and no inline JSON (a server-rendered snippet hydrates from its JSON, fetching nothing).
 */
function prefetchSource(element) {
  const src = element.getAttribute('src');
  // `article`: the element's property once upgraded, an own property set before that.
  if (!src || (element.article !== undefined && element.article !== null) || inlineScriptOf(element)) return;
  const url = new URL(src, element.ownerDocument.baseURI).href;
  const key = `${credentialsOf(element)} ${url}`;
  if (prefetched.has(key)) return;
  const promise = fetchArticle(url, { credentials: credentialsOf(element), timeout: fetchTimeoutOf(element) });
  promise.catch(() => {}); // the element that takes it reports the failure
  prefetched.set(key, promise);
}

/** The prefetched fetch of `key`, once; null when there is none. */
function takePrefetched(key) {
  const promise = prefetched.get(key) ?? null;
  prefetched.delete(key);
  return promise;
}

// Click-to-load for embed blocks (web/embeds.js, docs/embeds.md), imported only when a rendered article
// holds an embed placeholder: most articles have none, and the bundle partners load (web/embed.min.js)
// does not carry it. A failed import leaves the placeholders as the core wrote them (a link to the
// original, the load button hidden).
let embedsLoading = null;

function loadEmbedsModule() {
  embedsLoading ??= import('./embeds.js').catch((error) => {
    embedsLoading = null;
    console.warn('broadsheet:', `embed blocks stay links: web/embeds.js could not be loaded (${describeError(error)})`);
    return null;
  });
  return embedsLoading;
}

// ── Trusted Types and stylesheets ───────────────────────────────────────────────────────────────────

let htmlPolicy = null;

/**
 * The core's HTML as TrustedHTML, from the policy named `broadsheet`. The core escapes every string
 * and drops raw HTML and unsafe URLs, so the policy has nothing to remove; what it does is make the one
 * place HTML enters the page visible to the host's CSP (`trusted-types broadsheet`). The policy stays
 * private to this module, so it cannot be used to insert any other HTML.
 */
function trustedHTML(html) {
  htmlPolicy ??= createHtmlPolicy();
  return htmlPolicy.createHTML(html);
}

function createHtmlPolicy() {
  const factory = globalThis.trustedTypes;
  if (typeof factory?.createPolicy !== 'function') return { createHTML: (html) => html };
  try {
    return factory.createPolicy('broadsheet', { createHTML: (html) => html });
  } catch (error) {
    // The page's CSP does not allow the name, or another copy of Broadsheet already took it.
    const message = 'the Trusted Types policy "broadsheet" could not be created; allow it in the ' +
      `page's CSP (trusted-types broadsheet) and load Broadsheet once per page (${error.message})`;
    return { createHTML() { throw new Error(message); } };
  }
}

/** Per document: the element's stylesheet and the core's, each constructed once and adopted by all. */
const documentSheets = new WeakMap();

function canAdoptStyleSheets(shadow) {
  return 'adoptedStyleSheets' in shadow && typeof CSSStyleSheet.prototype.replaceSync === 'function';
}

function sharedSheets(doc, articleCss) {
  let sheets = documentSheets.get(doc);
  if (!sheets) {
    sheets = { frame: constructSheet(doc, FRAME_CSS), article: null, articleCss: null };
    documentSheets.set(doc, sheets);
  }
  if (articleCss === null) return [sheets.frame];
  if (sheets.articleCss !== articleCss) {
    sheets.article = constructSheet(doc, articleCss);
    sheets.articleCss = articleCss;
  }
  return [sheets.frame, sheets.article];
}

function constructSheet(doc, css) {
  // A constructed sheet can only be adopted in the document whose window constructed it.
  const Sheet = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
  const sheet = new Sheet();
  sheet.replaceSync(css);
  return sheet;
}

// ── The element ─────────────────────────────────────────────────────────────────────────────────────

const Base = globalThis.HTMLElement ?? class {};
const PROPERTIES = ['article', 'src', 'theme', 'headingLevel', 'loading', 'strict', 'fetchTimeout', 'credentials',
  'baseUrl', 'referrerPolicy', 'linkRel', 'noBeacon', 'embeds', 'embedOrigins'];

export class BroadsheetArticle extends Base {
  static observedAttributes = ['src', 'lang', 'theme', 'heading-level', 'loading', 'strict', 'fetch-timeout',
    'credentials', 'base-url', 'referrerpolicy', 'link-rel', 'no-beacon', 'embeds', 'embed-origins'];

  /** One IntersectionObserver for every element waiting to near the viewport. */
  static #viewport = null;

  #shadow;
  #frame;
  /** The core's stylesheet once the first render has brought it. */
  #articleCss = null;
  #styleElement = null; // only where constructed stylesheets are not supported
  /** True while the shadow root still shows server-rendered content (see ssr.js). */
  #hydrating = false;
  #state = 'idle';
  /** True while a failure's listener (an editor) keeps the last render on screen: no placeholder over it. */
  #keptRender = false;
  #article = undefined;
  #meta = null;
  #diagnostics = [];
  #nearViewport = false;
  #inlineText = null;
  #childObserver = null;
  /** The last fetch of `src`: { url, promise }. */
  #fetched = null;
  /** The update that is scheduled or running: { promise, resolve }. */
  #pending = null;
  #scheduled = false;
  #generation = 0;
  /** Counts the visible time of the article shown, for `broadsheet:read`. */
  #reading = null;

  constructor() {
    super();
    const doc = this.ownerDocument;
    this.#frame = doc.createElement('div');
    this.#frame.className = FRAME_CLASS;
    this.#frame.setAttribute('part', FRAME_CLASS);

    // A declarative shadow root made by server-side rendering keeps showing until the first render.
    const serverRendered = this.shadowRoot;
    this.#hydrating = Boolean(serverRendered?.querySelector('.bs-article'));
    if (this.#hydrating) {
      this.#shadow = serverRendered;
    } else {
      this.#shadow = this.attachShadow({ mode: 'open' });
      this.#shadow.append(this.#frame);
      this.#applyStyles(null);
    }

    // Properties set before the element was defined are own properties hiding the accessors.
    for (const name of PROPERTIES) {
      if (Object.hasOwn(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
  }

  // ── Public API ──

  /** An article object or JSON text; takes precedence over inline JSON and `src`. */
  get article() { return this.#article; }
  set article(value) {
    this.#article = value;
    this.requestUpdate();
  }

  get src() { return this.getAttribute('src') ?? ''; }
  set src(value) { this.#reflect('src', value); }

  get theme() {
    const theme = this.getAttribute('theme');
    return THEMES.has(theme) ? theme : 'auto';
  }
  set theme(value) { this.#reflect('theme', value); }

  get headingLevel() {
    const level = Number(this.getAttribute('heading-level'));
    return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1;
  }
  set headingLevel(value) { this.#reflect('heading-level', value); }

  get loading() { return this.getAttribute('loading') === 'eager' ? 'eager' : 'lazy'; }
  set loading(value) { this.#reflect('loading', value); }

  /** With `strict`, an article with any error shows the fallback instead of its best-effort render. */
  get strict() { return this.hasAttribute('strict'); }
  set strict(value) { this.toggleAttribute('strict', Boolean(value)); }

  /** Milliseconds a `src` request may take, body included (default 15000). */
  get fetchTimeout() { return fetchTimeoutOf(this); }
  set fetchTimeout(value) { this.#reflect('fetch-timeout', value); }

  /** The `src` request's credentials mode: `omit` (default: no cookies), `same-origin` or `include`. */
  get credentials() { return credentialsOf(this); }
  set credentials(value) { this.#reflect('credentials', value); }

  /** Reflects `base-url`: what the article's relative URLs resolve against instead of its `src`. */
  get baseUrl() { return this.getAttribute('base-url') ?? ''; }
  set baseUrl(value) { this.#reflect('base-url', value); }

  /** Reflects `referrerpolicy`: the referrer policy of the article's images. */
  get referrerPolicy() { return this.getAttribute('referrerpolicy') ?? ''; }
  set referrerPolicy(value) { this.#reflect('referrerpolicy', value); }

  /** Reflects `link-rel`: `rel` tokens for the article's links to other sites, e.g. `nofollow ugc`. */
  get linkRel() { return this.getAttribute('link-rel') ?? ''; }
  set linkRel(value) { this.#reflect('link-rel', value); }

  /** Reflects `embeds`: `click` (default: a placeholder until the reader loads it), `load` or `link` (docs/embeds.md). */
  get embeds() { return this.getAttribute('embeds') ?? 'click'; }
  set embeds(value) { this.#reflect('embeds', value); }

  /** Reflects `embed-origins`: space-separated https origins whose `generic` embeds may be framed. */
  get embedOrigins() { return this.getAttribute('embed-origins') ?? ''; }
  set embedOrigins(value) { this.#reflect('embed-origins', value); }

  /** Reflects `no-beacon`: no read-through beacon to the article's `syndication.readUrl` (the event still fires). */
  get noBeacon() { return this.hasAttribute('no-beacon'); }
  set noBeacon(value) { this.toggleAttribute('no-beacon', Boolean(value)); }

  /** `idle` (nothing to show yet), `loading`, `rendered` or `error` (showing the fallback). */
  get state() { return this.#state; }
  /** The meta of the last render, or null. */
  get meta() { return this.#meta; }
  /** The diagnostics of the last render. */
  get diagnostics() { return this.#diagnostics; }

  /**
   * Settles when no update is scheduled or running, with true when the article is shown and false
   * otherwise. A lazy element's update waits until it nears the viewport. Never rejects.
   */
  get updateComplete() {
    return this.#pending?.promise ?? Promise.resolve(this.#state === 'rendered');
  }

  /** Schedules a re-render (for example to retry after a failed fetch). */
  requestUpdate() {
    if (!this.#pending) {
      let resolve;
      const promise = new Promise((done) => { resolve = done; });
      this.#pending = { promise, resolve };
    }
    if (!this.#scheduled) {
      this.#scheduled = true;
      queueMicrotask(() => this.#runUpdate());
    }
  }

  // ── Lifecycle ──

  connectedCallback() {
    this.#childObserver ??= new MutationObserver(() => this.#checkInlineSource());
    this.#childObserver.observe(this, { childList: true, subtree: true, characterData: true });
    if (this.#state === 'idle' && !this.#hydrating && this.#source()) this.#showPlaceholder();
    if (this.#state === 'idle' || this.#pending) this.requestUpdate();
    else this.#checkInlineSource(); // it may have changed while the element was out of the document
    this.#reading?.start();
  }

  disconnectedCallback() {
    this.#childObserver?.disconnect();
    this.#reading?.stop();
    BroadsheetArticle.#viewport?.unobserve(this);
  }

  attributeChangedCallback(name, previous, value) {
    if (previous === value) return;
    if (name === 'no-beacon') return; // read when the beacon is due; nothing to re-render
    if (name === 'loading') {
      if (value === 'eager' && !this.#nearViewport) this.requestUpdate();
      return;
    }
    this.requestUpdate();
  }

  // ── Updating ──

  async #runUpdate() {
    this.#scheduled = false;
    if (!this.isConnected || !this.#mayLoad()) return; // connecting or nearing the viewport asks again
    const generation = ++this.#generation;
    let shown;
    try {
      shown = await this.#update(generation);
    } catch (error) {
      // #update handles the expected failures; this is the guarantee that nothing reaches the page.
      shown = false;
      if (generation === this.#generation) this.#fail({ reason: 'renderer', error });
    }
    // A newer update, running or scheduled, settles the pending promise instead.
    if (generation !== this.#generation || this.#scheduled) return;
    const pending = this.#pending;
    this.#pending = null;
    pending?.resolve(Boolean(shown));
  }

  async #update(generation) {
    const source = this.#source();
    if (!source) {
      if (!this.#hydrating) this.#frame.replaceChildren();
      this.#state = 'idle';
      return false;
    }
    if (this.#state !== 'rendered' && !this.#keptRender && !this.#hydrating) this.#showPlaceholder();
    this.#state = 'loading';

    const [renderer, input] = await Promise.allSettled([getElementRenderer(), this.#read(source)]);
    if (generation !== this.#generation) return false;
    if (input.status === 'rejected') return this.#fail({ reason: 'fetch', error: input.reason });
    if (renderer.status === 'rejected') {
      return this.#fail({ reason: 'renderer', error: renderer.reason });
    }

    const options = this.#renderOptions(input.value.url);
    let result = renderer.value.render(input.value.article, options);
    if (result.meta?.needsFullCore) {
      // The lite core rendered nothing: the full core renders this article (loaded once, on first need).
      let full;
      try {
        full = await getSharedRenderer();
      } catch (error) {
        if (generation !== this.#generation) return false;
        return this.#fail({ reason: 'renderer', error });
      }
      if (generation !== this.#generation) return false;
      result = full.render(input.value.article, options);
    }
    this.#meta = result.meta;
    this.#diagnostics = result.diagnostics;
    const shown = result.html !== '' && (result.ok || !this.strict);
    if (result.diagnostics.length > 0) this.#warn(shown, result.diagnostics);
    if (!shown) {
      const internal = result.diagnostics.some((d) => d.code === 'BS-INTERNAL');
      return this.#fail({ reason: internal ? 'renderer' : 'document', result });
    }
    // Embed placeholders need their click-to-load, imported now (the first time), before the article is
    // shown, so that they are ready as soon as they are seen.
    const embeds = result.html.includes('data-bs-embed-src=') ? await loadEmbedsModule() : null;
    if (generation !== this.#generation) return false;
    this.#show(result.html, result.css, embeds);
    this.#state = 'rendered';
    this.dispatchEvent(new CustomEvent('broadsheet:render', {
      bubbles: true,
      composed: true,
      detail: { ok: result.ok, meta: result.meta, diagnostics: result.diagnostics },
    }));
    this.#trackReading(result.meta);
    return true;
  }

  /**
   * Counts the shown article's visible time. A re-render of the same article (same id, canonical URL
   * and readUrl) keeps counting, and once read it is not read again; another article starts afresh.
   */
  #trackReading(meta) {
    const facts = { id: meta.id, canonicalUrl: meta.canonicalUrl, lang: meta.lang };
    const key = JSON.stringify([facts.id, facts.canonicalUrl, meta.readUrl]);
    if (this.#reading?.key === key) return;
    this.#reading?.stop();
    this.#reading = new ReadThrough(this, key, () => this.#announceRead(facts, meta.readUrl));
    if (this.isConnected) this.#reading.start();
  }

  /** `broadsheet:read`, then at most one beacon, with the article's facts only. */
  #announceRead(facts, readUrl) {
    this.dispatchEvent(new CustomEvent('broadsheet:read', { bubbles: true, composed: true, detail: { ...facts } }));
    // The core accepts only https readUrls; checked again here, as this is where the request leaves.
    const target = httpUrl(readUrl);
    if (!target.startsWith('https:') || this.noBeacon) return;
    const beacon = this.ownerDocument.defaultView?.navigator?.sendBeacon;
    if (typeof beacon !== 'function') return;
    try {
      // A string goes as text/plain, which needs no CORS preflight; the text is JSON.
      beacon.call(this.ownerDocument.defaultView.navigator, target, JSON.stringify(facts));
    } catch {
      // A beacon refused by the browser (CSP connect-src, size) is no concern of the host page.
    }
  }

  /**
   * One console warning per render: what was shown and each diagnostic's code, path and message. The
   * text goes in the second argument, where article text cannot act as a format directive (`%c`).
   */
  #warn(shown, diagnostics) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const counts = [plural(errors, 'error'), plural(diagnostics.length - errors, 'warning')].filter(Boolean).join(' and ');
    const lines = diagnostics.slice(0, WARNING_LINES).map((d) => `  ${d.severity} ${d.code} at ${d.path || '/'}: ${d.message}`);
    if (diagnostics.length > WARNING_LINES) {
      lines.push(`  … and ${diagnostics.length - WARNING_LINES} more (the element's \`diagnostics\` has them all)`);
    }
    const outcome = shown ? 'shown with' : 'not shown:';
    console.warn('broadsheet:', [`${this.#describe()} ${outcome} ${counts}`, ...lines].join('\n'));
  }

  /** The element as a start tag with the attributes that tell which one it is. */
  #describe() {
    const attributes = ['id', 'src'].filter((name) => this.hasAttribute(name))
      .map((name) => ` ${name}="${this.getAttribute(name)}"`).join('');
    return `<${this.localName}${attributes}>`;
  }

  /** With `loading="lazy"` (the default), true once the element has neared the viewport. */
  #mayLoad() {
    if (this.#nearViewport || this.loading === 'eager' || typeof IntersectionObserver !== 'function') {
      return true;
    }
    BroadsheetArticle.#viewport ??= new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        BroadsheetArticle.#viewport.unobserve(entry.target);
        entry.target.#nearViewport = true;
        entry.target.requestUpdate();
      }
    }, { rootMargin: VIEWPORT_MARGIN });
    BroadsheetArticle.#viewport.observe(this);
    return false;
  }

  /** The current source, remembering the inline JSON it saw (to notice when that changes). */
  #source() {
    this.#inlineText = this.#inlineScript()?.textContent ?? null;
    if (this.#article !== undefined && this.#article !== null) return { article: this.#article };
    if (this.#inlineText !== null) return { article: this.#inlineText };
    const src = this.getAttribute('src');
    return src ? { src } : null;
  }

  #inlineScript() { return inlineScriptOf(this); }

  #checkInlineSource() {
    if ((this.#inlineScript()?.textContent ?? null) !== this.#inlineText) this.requestUpdate();
  }

  /**
   * The article input for a source, and the URL it came from: as given (no URL), or fetched (once per
   * URL and credentials mode while it keeps succeeding).
   */
  async #read(source) {
    if (!Object.hasOwn(source, 'src')) return { article: source.article, url: null };
    const url = new URL(source.src, this.ownerDocument.baseURI).href;
    const key = `${this.credentials} ${url}`;
    if (this.#fetched?.key !== key) {
      const promise = takePrefetched(key) ??
        fetchArticle(url, { credentials: this.credentials, timeout: this.fetchTimeout });
      this.#fetched = { key, promise };
      promise.catch(() => {
        if (this.#fetched?.promise === promise) this.#fetched = null;
      });
    }
    return this.#fetched.promise;
  }

  /**
   * `fetchedUrl` is where a fetched article came from (after redirects). The article's relative URLs
   * resolve against `base-url`, else that address, else `src` (which says where an inline article
   * lives), never against the host page: an image path chosen by the article would otherwise be
   * requested from the host's origin. With none of them, relative images are left out.
   */
  #renderOptions(fetchedUrl) {
    // The core names the ::part()s from the elements it writes. `drop` only acts when there is no base
    // the core accepts (it refuses one with a user name, say).
    const options = { parts: true, relativeImages: 'drop' };
    const pageUrl = this.ownerDocument.baseURI;
    const base = this.hasAttribute('base-url')
      ? httpUrl(this.getAttribute('base-url'), pageUrl)
      : httpUrl(fetchedUrl ?? this.getAttribute('src'), pageUrl);
    if (base) options.baseUrl = base;
    const referrerPolicy = this.getAttribute('referrerpolicy');
    if (referrerPolicy) options.imageReferrerPolicy = referrerPolicy;
    const linkRel = this.getAttribute('link-rel');
    if (linkRel) options.linkRel = linkRel;
    const theme = this.getAttribute('theme');
    if (THEMES.has(theme)) options.theme = theme;
    const lang = this.getAttribute('lang');
    if (lang) options.lang = lang;
    if (this.hasAttribute('heading-level')) options.headingLevel = this.headingLevel;
    const embeds = this.getAttribute('embeds');
    if (embeds) options.embeds = embeds;
    const embedOrigins = this.getAttribute('embed-origins');
    if (embedOrigins) options.embedOrigins = embedOrigins;
    return options;
  }

  // ── What the shadow root shows ──

  #show(html, css, embeds) {
    this.#keptRender = false;
    const template = this.ownerDocument.createElement('template');
    template.innerHTML = trustedHTML(html);
    this.#frame.replaceChildren(template.content);
    this.#frame.removeAttribute('aria-busy');
    // Embed placeholders load their frame when the reader asks (docs/embeds.md).
    embeds?.activateEmbeds(this.#frame, { origins: this.embedOrigins.split(' ').filter(Boolean) });
    if (this.#hydrating) {
      // Server-rendered content out, the same article in: one synchronous swap, so no frame is painted
      // between them.
      this.#hydrating = false;
      this.#shadow.replaceChildren(this.#frame);
    }
    this.#applyStyles(css);
  }

  #showPlaceholder() {
    const placeholder = this.ownerDocument.createElement('div');
    placeholder.className = 'placeholder';
    placeholder.setAttribute('part', 'placeholder');
    // Light-DOM content (a link, a server-rendered summary) stays visible while the article loads.
    placeholder.append(this.ownerDocument.createElement('slot'));
    this.#frame.replaceChildren(placeholder);
    this.#frame.setAttribute('aria-busy', 'true');
  }

  /**
   * Reports a failure with `broadsheet:error` and, unless a listener calls `preventDefault()` (an
   * editor keeping its last good render, say), shows the fallback. Returns false (nothing rendered).
   */
  #fail({ reason, error, result }) {
    this.#state = 'error';
    this.#reading?.stop();
    this.#reading = null;
    if (!result) {
      this.#meta = null;
      this.#diagnostics = [];
    }
    const detail = {
      reason,
      message: result ? describeDiagnostics(result.diagnostics) : describeError(error),
      diagnostics: result?.diagnostics ?? [],
      meta: result?.meta ?? null,
    };
    if (error !== undefined) detail.error = error;
    if (!result) console.warn('broadsheet:', `${this.#describe()} not shown: ${detail.message}`);
    const event = new CustomEvent('broadsheet:error', { bubbles: true, composed: true, cancelable: true, detail });
    // Server-rendered content is still a good article when only the renderer failed: keep it.
    const keepServerContent = this.#hydrating && reason === 'renderer';
    const showFallback = this.dispatchEvent(event) && !keepServerContent;
    this.#keptRender = !showFallback;
    if (showFallback) {
      // The core reads the headline and judges the URL even when it cannot render the article.
      this.#showFallback({ headline: result?.meta?.headline, href: result?.meta?.canonicalUrl });
    }
    return false;
  }

  /** The headline, linked to the canonical URL when known, or a short notice. Built without HTML. */
  #showFallback({ headline, href }) {
    const doc = this.ownerDocument;
    const box = doc.createElement('div');
    box.className = 'fallback';
    box.setAttribute('part', 'fallback');
    const line = doc.createElement('p');
    if (headline) {
      line.className = 'fallback-headline';
      line.setAttribute('part', 'fallback-headline');
      const link = httpUrl(href);
      if (link) {
        const anchor = doc.createElement('a');
        anchor.href = link;
        anchor.textContent = headline;
        line.append(anchor);
      } else {
        line.textContent = headline;
      }
    } else {
      line.textContent = UNAVAILABLE_TEXT;
    }
    box.append(line);
    // The page can supply its own fallback: <a slot="fallback" href="…">…</a>.
    const slot = doc.createElement('slot');
    slot.name = 'fallback';
    slot.append(box);
    this.#frame.replaceChildren(slot);
    this.#frame.removeAttribute('aria-busy');
    if (this.#hydrating) {
      this.#hydrating = false;
      this.#shadow.replaceChildren(this.#frame);
      this.#applyStyles(null);
    }
  }

  /**
   * Adopts the shared sheets: the element's own, and the core's once a render has brought it. Where
   * constructed stylesheets are unsupported, writes them into a <style> instead.
   */
  #applyStyles(articleCss) {
    if (articleCss !== null) this.#articleCss = articleCss;
    if (canAdoptStyleSheets(this.#shadow)) {
      const sheets = sharedSheets(this.ownerDocument, this.#articleCss);
      const adopted = this.#shadow.adoptedStyleSheets;
      if (adopted.length !== sheets.length || sheets.some((sheet, i) => adopted[i] !== sheet)) {
        this.#shadow.adoptedStyleSheets = sheets;
      }
      return;
    }
    this.#styleElement ??= this.ownerDocument.createElement('style');
    const css = FRAME_CSS + (this.#articleCss ?? '');
    if (this.#styleElement.textContent !== css) this.#styleElement.textContent = css;
    if (!this.#styleElement.isConnected) this.#shadow.prepend(this.#styleElement);
  }

  #reflect(attribute, value) {
    if (value === null || value === undefined) this.removeAttribute(attribute);
    else this.setAttribute(attribute, String(value));
  }
}

// ── Read-through ────────────────────────────────────────────────────────────────────────────────────

/**
 * Adds up the time an element is mostly visible while its page is visible, and calls `onRead` once when
 * it reaches READ_AFTER_MS. Stopped (disconnected), it keeps what it counted and resumes on start().
 */
class ReadThrough {
  #element;
  #onRead;
  #observer = null;
  #visible = false;
  #counted = 0;
  #since = null;
  #timer = null;
  #done = false;
  #onVisibilityChange = () => this.#update();

  constructor(element, key, onRead) {
    this.#element = element;
    this.key = key;
    this.#onRead = onRead;
  }

  start() {
    if (this.#done || this.#observer || typeof IntersectionObserver !== 'function') return;
    this.#observer = new IntersectionObserver((entries) => {
      for (const entry of entries) this.#visible = mostlyVisible(entry);
      this.#update();
    }, { threshold: READ_THRESHOLDS });
    this.#observer.observe(this.#element);
    this.#element.ownerDocument.addEventListener('visibilitychange', this.#onVisibilityChange);
  }

  stop() {
    this.#visible = false;
    this.#update();
    this.#observer?.disconnect();
    this.#observer = null;
    this.#element.ownerDocument.removeEventListener('visibilitychange', this.#onVisibilityChange);
  }

  /** Starts or pauses the clock as visibility changes. */
  #update() {
    const counting = this.#visible && this.#element.ownerDocument.visibilityState === 'visible' && !this.#done;
    if (counting && this.#since === null) {
      this.#since = performance.now();
      this.#timer = setTimeout(() => this.#finish(), READ_AFTER_MS - this.#counted);
    } else if (!counting && this.#since !== null) {
      this.#counted += performance.now() - this.#since;
      this.#since = null;
      clearTimeout(this.#timer);
    }
  }

  #finish() {
    this.#done = true;
    this.#since = null;
    this.stop();
    this.#onRead();
  }
}

/**
 * At least half of the element is in the viewport or, when it is too tall for that, it fills at least
 * half of the viewport (a long article would otherwise never count).
 */
function mostlyVisible(entry) {
  if (!entry.isIntersecting) return false;
  if (entry.intersectionRatio >= 0.5) return true;
  const viewport = entry.rootBounds?.height || globalThis.innerHeight || 0;
  return viewport > 0 && entry.intersectionRect.height >= viewport / 2;
}

// ── Helpers ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * The article's bytes (the core reads UTF-8 and reports bytes that are not) and the URL they came from,
 * after redirects. The request is aborted after `timeout` ms, body included, and reading stops past the
 * renderer's input limit, so a slow or endless response costs neither time nor memory beyond those
 * bounds.
 */
async function fetchArticle(url, { credentials, timeout }) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  try {
    const response = await fetch(url, { credentials, signal: controller.signal });
    if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
    return { article: await readBody(response, url), url: response.url || url };
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    throw new Error(`could not load ${url}: no complete response within ${timeout} ms`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

async function readBody(response, url) {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > DEFAULT_MAX_INPUT_BYTES) {
      reader.cancel().catch(() => {});
      throw new Error(`could not load ${url}: the article is larger than the limit of ${DEFAULT_MAX_INPUT_BYTES} bytes`);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** `value` (resolved against `base`) when it is an http(s) URL, else ''. */
function httpUrl(value, base) {
  if (!value) return '';
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : '';
  } catch {
    return '';
  }
}

function plural(count, noun) {
  if (count === 0) return '';
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function describeDiagnostics(diagnostics) {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  if (!first) return 'the article could not be rendered';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `the article has errors: ${first.code} at ${first.path || '/'}: ${first.message}${more}`;
}

function describeError(error) {
  return error instanceof Error ? error.message : String(error);
}

if (globalThis.customElements && !globalThis.customElements.get(TAG_NAME)) {
  globalThis.customElements.define(TAG_NAME, BroadsheetArticle);
}
