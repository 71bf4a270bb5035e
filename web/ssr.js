// Server-side rendering of <broadsheet-article>, in Node or any JavaScript runtime: the element's markup
// with the article already inside a declarative shadow root and its JSON inlined. Browsers show the
// article as soon as the HTML arrives, with or without JavaScript, isolated from the page's CSS. When
// element.js loads, the element hydrates from the inlined JSON (nothing is fetched) and swaps in its own
// render of it, which is the same markup under the same styles, so nothing moves. See docs/embed.md.

import { createRenderer } from './broadsheet.js';
import { FRAME_CLASS, FRAME_CSS, escapeJsonForScript } from './element-markup.js';

const THEMES = new Set(['auto', 'light', 'dark']);
const ABSOLUTE_HTTP_URL = /^https?:\/\//i;
const decoder = new TextDecoder();

/**
 * Renders an article as `<broadsheet-article>` markup for a server-rendered page.
 * @param {import('./index.d.ts').Renderer} renderer
 * @param {import('./index.d.ts').ArticleInput} input
 * @param {import('./ssr.d.ts').ElementHTMLOptions} [options]
 * @returns {import('./ssr.d.ts').ElementHTMLResult}
 */
export function renderElementHTML(renderer, input, options = {}) {
  const {
    theme, lang, headingLevel, strict = false, baseUrl, referrerPolicy, linkRel, embeds, embedOrigins, attributes = {},
    tagName = 'broadsheet-article',
  } = options;
  if (!/^[a-z][a-z0-9._]*-[a-z0-9._-]*$/.test(tagName)) {
    throw new TypeError(`renderElementHTML: "${tagName}" is not a valid custom element name`);
  }

  // The same options, as render options here and as attributes for the element's own renders. The
  // core names the ::part()s, and leaves out relative images when there is no base, as for the element.
  // headTags: meta.head holds what the page's <head> should carry for this article.
  const renderOptions = { parts: true, relativeImages: 'drop', headTags: true };
  const elementAttributes = { ...attributes };
  if (theme !== undefined) {
    if (!THEMES.has(theme)) throw new TypeError(`renderElementHTML: theme must be auto, light or dark, not "${theme}"`);
    renderOptions.theme = elementAttributes.theme = theme;
  }
  if (lang) renderOptions.lang = elementAttributes.lang = String(lang);
  if (headingLevel !== undefined) {
    if (!Number.isInteger(headingLevel) || headingLevel < 1 || headingLevel > 6) {
      throw new TypeError(`renderElementHTML: headingLevel must be an integer from 1 to 6, not ${headingLevel}`);
    }
    renderOptions.headingLevel = headingLevel;
    elementAttributes['heading-level'] = String(headingLevel);
  }
  if (strict) elementAttributes.strict = true;
  // The element's rule: relative URLs resolve against `base-url`, else `src`, and without either
  // relative images are left out, so that the server's article and the element's are the same and
  // neither asks the host's origin for the article's paths. (A relative `src` cannot be resolved here.)
  if (baseUrl !== undefined) {
    if (!ABSOLUTE_HTTP_URL.test(String(baseUrl))) {
      throw new TypeError(`renderElementHTML: baseUrl must be an absolute http(s) URL, not "${baseUrl}"`);
    }
    elementAttributes['base-url'] = String(baseUrl);
  }
  const base = String(elementAttributes['base-url'] ?? elementAttributes.src ?? '');
  if (ABSOLUTE_HTTP_URL.test(base)) renderOptions.baseUrl = base;
  if (referrerPolicy) renderOptions.imageReferrerPolicy = elementAttributes.referrerpolicy = String(referrerPolicy);
  if (linkRel) renderOptions.linkRel = elementAttributes['link-rel'] = String(linkRel);
  // Embed blocks (docs/embeds.md): the element renders them as the server did, so hydration changes nothing.
  if (embeds) renderOptions.embeds = elementAttributes.embeds = String(embeds);
  if (embedOrigins) renderOptions.embedOrigins = elementAttributes['embed-origins'] = String(embedOrigins);

  const result = renderer.render(input, renderOptions);
  const json = jsonText(input);
  // The element's display rule (docs/embed.md#what-blocks-display): what rendered is shown, unless
  // `strict` and there are errors; otherwise the element shows its fallback.
  const rendered = result.html !== '' && (result.ok || !strict);
  const shadow = rendered
    ? `<template shadowrootmode="open"><style>${FRAME_CSS}${result.css}</style>` +
      `<div class="${FRAME_CLASS}" part="${FRAME_CLASS}">${result.html}</div></template>`
    : '';
  const script = json === null ? '' : `<script type="application/json">${escapeJsonForScript(json)}</script>`;
  const html = `<${tagName}${formatAttributes(elementAttributes)}>${shadow}${script}</${tagName}>`;
  return { ok: result.ok, rendered, html, diagnostics: result.diagnostics, meta: result.meta };
}

/**
 * Renders many articles with the same options and returns their results in input order, exactly what
 * `renderer.render` (or, with `validate`, `renderer.validate`) gives for each. With `jobs` above 1 the
 * work is spread over that many worker threads (Node), each with its own instance of the core made
 * from one compilation; with 1 (the default) one renderer renders them in turn in this thread. Rejects
 * only for invalid options or a core that cannot be loaded: a bad article is a result with diagnostics.
 * @param {Iterable<import('./index.d.ts').ArticleInput>} inputs
 * @param {import('./ssr.d.ts').RenderManyOptions} [options]
 * @returns {Promise<Array<import('./index.d.ts').RenderResult | import('./index.d.ts').ValidateResult>>}
 */
export async function renderMany(inputs, options = {}) {
  const { jobs = 1, validate = false, rendererOptions = {}, ...renderOptions } = options;
  if (!Number.isSafeInteger(jobs) || jobs < 1) {
    throw new TypeError(`renderMany: jobs must be a whole number of at least 1, not ${jobs}`);
  }
  const list = [...inputs];
  const renderOptionsOrNone = Object.keys(renderOptions).length ? renderOptions : undefined;
  if (jobs === 1 || list.length <= 1) {
    const renderer = await createRenderer(rendererOptions);
    return list.map((input) => (validate ? renderer.validate(input, renderOptionsOrNone) : renderer.render(input, renderOptionsOrNone)));
  }
  // Node-only; imported here so that the module stays usable where there are no worker threads.
  const { createRenderPool } = await import('./render-pool.js');
  const pool = await createRenderPool({ jobs: Math.min(jobs, list.length), rendererOptions });
  try {
    return await Promise.all(list.map((input) => (validate ? pool.validate(input, renderOptionsOrNone) : pool.render(input, renderOptionsOrNone))));
  } finally {
    await pool.close();
  }
}

/** The input as JSON text, or null when it cannot be written as JSON (render reports that). */
function jsonText(input) {
  if (typeof input === 'string') return input;
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
    const view = input instanceof ArrayBuffer
      ? new Uint8Array(input)
      : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    return decoder.decode(view);
  }
  try {
    return JSON.stringify(input) ?? null;
  } catch {
    return null;
  }
}

function formatAttributes(attributes) {
  let text = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new TypeError(`renderElementHTML: bad attribute name "${name}"`);
    text += value === true ? ` ${name}` : ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return text;
}

function escapeAttribute(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
