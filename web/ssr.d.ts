// Types for `broadsheet/ssr` (web/ssr.js): server-side rendering of <broadsheet-article>.
import type {
  ArticleInput, ArticleMeta, CreateRendererOptions, Diagnostic, Renderer, RenderOptions, RenderResult, ValidateResult,
} from './index.js';

export interface ElementHTMLOptions {
  /** Rendered with, and written as the element's `theme` attribute. */
  theme?: RenderOptions['theme'];
  /** Rendered with, and written as the element's `lang` attribute. */
  lang?: string;
  /** Rendered with, and written as the element's `heading-level` attribute. */
  headingLevel?: RenderOptions['headingLevel'];
  /**
   * Today's strict rule: a document with any error gets no server-rendered article (the element then
   * shows its fallback), and the element is written with the `strict` attribute. Default false: what
   * rendered is shown, as the element does (docs/embed.md, "What blocks display").
   */
  strict?: boolean;
  /**
   * What the article's relative URLs resolve against (an absolute http(s) URL), written as the element's
   * `base-url`. Without it an absolute `src` among the attributes is the base, as in the element; with
   * neither, relative images are left out.
   */
  baseUrl?: string;
  /** The referrer policy of the article's images; written as the element's `referrerpolicy`. */
  referrerPolicy?: string;
  /** `rel` tokens for links to other sites (e.g. `nofollow ugc`); written as the element's `link-rel`. */
  linkRel?: string;
  /** What embed blocks become (docs/embeds.md): the render option and the element's `embeds` attribute. */
  embeds?: 'click' | 'load' | 'link';
  /** Space-separated https origins whose `generic` embeds may be framed: `embedOrigins` and `embed-origins`. */
  embedOrigins?: string;
  /** More attributes for the element (`id`, `class`, `loading`…); `true` writes a bare attribute. */
  attributes?: Record<string, string | number | boolean | null | undefined>;
  /** Default `broadsheet-article`. */
  tagName?: string;
}

export interface ElementHTMLResult {
  /** False when the document has errors (as `RenderResult.ok`). */
  ok: boolean;
  /** True when `html` holds a server-rendered article. False when nothing could be shown (unreadable
   * JSON, no usable headline) or, with `strict`, the document has errors: the element shows its
   * fallback in the browser. */
  rendered: boolean;
  /** The element: the article in a declarative shadow root, then the JSON in a script child. */
  html: string;
  diagnostics: Diagnostic[];
  /** With `meta.head`: the tags the page's `<head>` should carry for this article (docs/embed.md#head-tags). */
  meta: (ArticleMeta & { head: string }) | null;
}

/**
 * Renders an article as `<broadsheet-article>` markup for a server-rendered page; the element hydrates
 * from the inlined JSON without fetching. Throws a TypeError for invalid options (not for bad articles).
 */
export function renderElementHTML(renderer: Renderer, input: ArticleInput,
  options?: ElementHTMLOptions): ElementHTMLResult;

/** Options of `renderMany`: the render options every article is rendered with, and how. */
export interface RenderManyOptions extends RenderOptions {
  /**
   * How many worker threads render (Node): each has its own instance of the core, all made from one
   * compilation. Default 1: one renderer in this thread, in turn. A whole number of at least 1.
   */
  jobs?: number;
  /** Only validate (as `renderer.validate`): the results are `ValidateResult`s. Default false. */
  validate?: boolean;
  /** How the core is loaded (as for createRenderer); with `jobs` above 1, not `moduleFactory`. */
  rendererOptions?: CreateRendererOptions;
}

/**
 * Renders (or validates) many articles with the same options; the results are in input order and
 * are exactly what `renderer.render` (`renderer.validate`) gives for each. Rejects only for invalid
 * options or a core that cannot be loaded.
 */
export function renderMany(inputs: Iterable<ArticleInput>, options: RenderManyOptions & { validate: true }):
  Promise<ValidateResult[]>;
export function renderMany(inputs: Iterable<ArticleInput>, options?: RenderManyOptions): Promise<RenderResult[]>;

/** A pool of worker threads rendering with one compilation of the core (web/render-pool.js, Node). */
export interface RenderPool {
  readonly jobs: number;
  readonly css: string;
  readonly version: string;
  render(input: ArticleInput, options?: RenderOptions): Promise<RenderResult>;
  validate(input: ArticleInput, options?: RenderOptions): Promise<ValidateResult>;
  /** Stops the workers; requests after it reject. */
  close(): Promise<void>;
}
