// The snippet a partner pastes for one article: the one recommendation shared by `broadsheet embed`
// (bin/broadsheet.js) and the playground's "Copy embed snippet" (web/playground.js).
//
// Why it carries the rendered article: an element that renders on the client takes no room until its
// module has arrived, then reserves a viewport height and pushes everything after it down. With the
// module 700 ms late, that alone scored a cumulative layout shift of 0.58 on a 375x667 phone and 0.21
// at 1280x800 (tests/embed/layout-shift.test.mjs; docs/embed.md has the figures). A fixed reservation
// is only right for articles of that height. So the snippet holds the article already rendered into a
// declarative shadow root (renderElementHTML, web/ssr.js), which the browser lays out with the rest of
// the page, and its JSON inlined: when the module arrives, the element hydrates from that JSON without
// fetching anything and swaps in the same markup, so nothing moves. `src` stays on the element to say
// where the article lives.

import { renderElementHTML } from './ssr.js';

/**
 * The recommended snippet for an article.
 * @param {import('./index.d.ts').Renderer} renderer
 * @param {string} json the article's JSON text
 * @param {{script: string, src?: string, theme?: 'auto'|'light'|'dark', lang?: string, headingLevel?: number, liteRenderer?: import('./index.d.ts').Renderer}} options
 *   `script`: the URL of embed.min.js (recommended: the minified embed.js, docs/embed.md) or embed.js; `src`: the URL of the article's JSON; the rest as in renderElementHTML.
 *   `liteRenderer`: a renderer on the lite core (`createRenderer(liteCoreOptions())`); with it the hints
 *   name the core this article needs (the lite one unless its render says `meta.needsFullCore`), without
 *   it the full core.
 * @returns {{ok: boolean, snippet: string, diagnostics: import('./index.d.ts').Diagnostic[], warnings: string[]}}
 *   `ok` and `diagnostics` are the render's; `warnings` says what can still move the page.
 */
export function embedSnippet(renderer, json, { script, src, theme, lang, headingLevel, liteRenderer } = {}) {
  if (typeof script !== 'string' || script === '') throw new TypeError('embedSnippet: script (the URL of embed.js) is required');
  const attributes = src ? { src } : {};
  const element = renderElementHTML(renderer, json, { theme, lang, headingLevel, attributes });
  const snippet = `<script type="module" src="${escapeAttribute(script)}"></script>\n` +
    `${referenceBidiControls(element.html)}\n${preloadHints(script, coreFor(liteRenderer, json))}`;
  return { ok: element.ok, snippet, diagnostics: element.diagnostics, warnings: warningsFor(element.html) };
}

/**
 * Hints that let the browser fetch the core while embed.js and the modules it imports arrive, instead
 * of after them: the Emscripten glue (imported dynamically, so otherwise found only once the element's
 * modules have run) and the .wasm. The element's module sees the .wasm hint and starts compiling it at
 * once, streaming from the preloaded response (web/element.js). Both are fetched as the modules will
 * fetch them (CORS, credentials only same-origin: a module script's mode, and `fetch()`'s), so the
 * preloaded responses are the ones used, and under a CSP they need what the loads need anyway
 * (script-src and connect-src). After the element: a `<link>` of these kinds may stand in the body,
 * and the browser's preload scanner reads ahead of the parser, so their place does not delay them.
 * The core lives next to embed.js and embed.min.js (web/core/).
 */
function preloadHints(script, core) {
  const glue = escapeAttribute(besideScript(script, 'core/broadsheet-core.js'));
  const wasm = escapeAttribute(besideScript(script, `core/${core}.wasm`));
  return `<link rel="modulepreload" href="${glue}">\n` +
    `<link rel="preload" href="${wasm}" as="fetch" type="application/wasm" crossorigin>\n`;
}

/**
 * The core the element will render this article with: the lite one when the lite renderer renders it
 * (docs/performance.md, "The lite core for the element"), else the full one. The element preloads
 * and uses the core its page's hints name, so a rich article's page downloads only the full core.
 */
function coreFor(liteRenderer, json) {
  if (!liteRenderer) return 'broadsheet-core';
  return liteRenderer.render(json, {}).meta?.needsFullCore ? 'broadsheet-core' : 'broadsheet-core-lite';
}

/** `name` in the folder of the script's URL (absolute or not), as the module resolves it. */
function besideScript(script, name) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(script)) return new URL(name, script).href;
  return script.replace(/[?#].*$/s, '').replace(/[^/]*$/, '') + name;
}

/** What the snippet cannot hold still: images of unknown size take no room until they load. */
function warningsFor(html) {
  // The core writes every `<` of text and attribute values as `&lt;`, so this only finds real tags.
  const images = html.match(/<img\s[^>]*>/g) ?? [];
  const unsized = images.filter((tag) => !(/\swidth="/.test(tag) && /\sheight="/.test(tag))).length;
  if (unsized === 0) return [];
  const which = unsized === 1 ? 'image has' : 'images have';
  return [`${unsized} ${which} no width and height: each takes no room until it loads, then pushes what ` +
    'follows it down. Give the lead image and image blocks their width and height (inline Markdown images ' +
    'cannot carry them).'];
}

// Bidi embeddings, overrides and isolates are legitimate in article text, but printed raw they reorder
// the terminal or editor that shows the snippet. As character references they mean the same in HTML text
// and attribute values; the inlined JSON already writes them as \uXXXX (escapeJsonForScript).
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

function referenceBidiControls(html) {
  return html.replace(BIDI_CONTROLS, (character) => `&#x${character.charCodeAt(0).toString(16)};`);
}

function escapeAttribute(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
