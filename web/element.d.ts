/// <reference lib="dom" />
// Types for `broadsheet/element` (web/element.js): the <broadsheet-article> custom element. They live
// apart from index.d.ts so that Node-only consumers of `broadsheet` do not need the DOM library.

import type { ArticleDocument, ArticleMeta, CreateRendererOptions, Diagnostic, Renderer } from './index.js';

/**
 * `detail` of `broadsheet:render`, dispatched after each render the element shows: every render that
 * produced an article, errors and all (unless `strict`).
 */
export interface BroadsheetRenderEventDetail {
  /** False when the article has errors (it is shown as well as it could be rendered). */
  ok: boolean;
  meta: ArticleMeta;
  /** Every diagnostic of the render, errors included. */
  diagnostics: Diagnostic[];
}

/**
 * `detail` of `broadsheet:error`. The event is cancelable: `preventDefault()` keeps what the element
 * shows (its last good render, say) instead of the fallback.
 */
export interface BroadsheetErrorEventDetail {
  /** `fetch`: `src` could not be loaded (HTTP error, network error, timeout, over the size limit);
   * `document`: the article cannot be shown (unreadable JSON, no usable headline, or any error when
   * `strict`); `renderer`: the WebAssembly core could not be loaded or could not show the article. */
  reason: 'fetch' | 'document' | 'renderer';
  message: string;
  /** The render's diagnostics (`document`), else empty. */
  diagnostics: Diagnostic[];
  meta: ArticleMeta | null;
  /** The underlying error, for `fetch` and `renderer`. */
  error?: unknown;
}

/**
 * `detail` of `broadsheet:read`, dispatched once per article when at least half of it (or half the
 * viewport, for a taller one) has been visible for 10 s in all while the page is visible. The same facts,
 * and nothing about the reader, go in the beacon to `syndication.readUrl` (docs/embed.md#read-through-signal).
 */
export interface BroadsheetReadEventDetail {
  /** The article's `id` (`""` when it has none). */
  id: string;
  /** The article's `canonicalUrl` (`""` when it has none). */
  canonicalUrl: string;
  /** The language it was rendered in. */
  lang: string;
}

export interface BroadsheetArticleEventMap extends HTMLElementEventMap {
  'broadsheet:render': CustomEvent<BroadsheetRenderEventDetail>;
  'broadsheet:error': CustomEvent<BroadsheetErrorEventDetail>;
  'broadsheet:read': CustomEvent<BroadsheetReadEventDetail>;
}

/** `idle`: nothing to show yet; `loading`; `rendered`; `error`: showing the fallback (or what a
 * cancelled `broadsheet:error` kept). */
export type BroadsheetArticleState = 'idle' | 'loading' | 'rendered' | 'error';

/**
 * `<broadsheet-article>`: renders an article into its shadow root. Source, first present wins: the
 * `article` property, an inline `<script type="application/json">` child, the `src` attribute.
 * Attributes: `src`, `lang`, `theme`, `heading-level`, `loading` (`lazy` by default, or `eager`),
 * `strict`, `fetch-timeout`, `credentials`, `base-url`, `referrerpolicy`, `link-rel`, `no-beacon`, `embeds`, `embed-origins`. What blocks display: docs/embed.md#what-blocks-display.
 */
export declare class BroadsheetArticle extends HTMLElement {
  static readonly observedAttributes: string[];
  /** An article object or its JSON text; null or undefined falls back to inline JSON, then `src`. */
  article: ArticleDocument | string | null | undefined;
  /** Reflects the `src` attribute: the URL of the article's JSON, fetched without credentials. */
  src: string;
  /** Reflects `theme`. */
  theme: 'auto' | 'light' | 'dark';
  /** Reflects `heading-level`: the headline's heading level, 1 by default. */
  headingLevel: 1 | 2 | 3 | 4 | 5 | 6;
  /** Reflects `loading`: `lazy` (load when near the viewport, the default) or `eager`. */
  loading: 'lazy' | 'eager';
  /** Reflects the boolean `strict` attribute: an article with any error shows the fallback. */
  strict: boolean;
  /** Reflects `fetch-timeout`: milliseconds the `src` request may take, body included (default 15000). */
  fetchTimeout: number;
  /** Reflects `credentials`: the `src` request's credentials mode, `omit` unless the host opts in. */
  credentials: 'omit' | 'same-origin' | 'include';
  /** Reflects `base-url`: the article's relative URLs resolve against it instead of the `src` URL; an
   * article with neither leaves out its relative images. */
  baseUrl: string;
  /** Reflects `referrerpolicy`: the referrer policy of the article's images (e.g. `no-referrer`). */
  referrerPolicy: string;
  /** Reflects `link-rel`: `rel` tokens for the article's links to other sites (e.g. `nofollow ugc`). */
  linkRel: string;
  /** Reflects `embeds`: `click` (default), `load` or `link` (docs/embeds.md). */
  embeds: 'click' | 'load' | 'link';
  /** Reflects `embed-origins`: space-separated https origins whose `generic` embeds may be framed. */
  embedOrigins: string;
  /** Reflects the boolean `no-beacon` attribute: no read-through beacon to `syndication.readUrl`. */
  noBeacon: boolean;
  readonly state: BroadsheetArticleState;
  /** The meta of the last render, or null. */
  readonly meta: ArticleMeta | null;
  /** The diagnostics of the last render. */
  readonly diagnostics: Diagnostic[];
  /**
   * Settles when no update is scheduled or running: true when the article is shown, false otherwise.
   * A lazy element's update waits until the element nears the viewport. Never rejects.
   */
  readonly updateComplete: Promise<boolean>;
  /** Schedules a re-render, e.g. to retry after a failed fetch. */
  requestUpdate(): void;

  addEventListener<K extends keyof BroadsheetArticleEventMap>(type: K,
    listener: (this: BroadsheetArticle, event: BroadsheetArticleEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof BroadsheetArticleEventMap>(type: K,
    listener: (this: BroadsheetArticle, event: BroadsheetArticleEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions): void;
}

/** The tag the module registers (unless the page already defined it). */
export declare const TAG_NAME: 'broadsheet-article';

/**
 * Options of the renderers all elements share, e.g. `{ wasmUrl, liteWasmUrl }` when a bundler moved the
 * .wasm files (the elements render with the lite core and hand articles that need more to the full
 * one; `wasmUrl` without `liteWasmUrl` makes them use that core alone). Call before the first element
 * loads; throws afterwards.
 */
export declare function configureRenderer(options?: CreateRendererOptions): void;

/** The full-core renderer all elements on the page share (one WebAssembly instance) for the articles
 * the lite core hands on, created on first call; render with it to get the full core's results. */
export declare function getSharedRenderer(): Promise<Renderer>;

declare global {
  interface HTMLElementTagNameMap {
    'broadsheet-article': BroadsheetArticle;
  }
}
