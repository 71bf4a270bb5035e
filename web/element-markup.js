// What <broadsheet-article>'s shadow root holds, shared by the element (element.js) and by server-side
// rendering (ssr.js), so that a server-rendered article and a client-rendered one are the same markup
// under the same styles and hydration changes nothing on screen.
//
//   #shadow-root
//     div.frame[part=frame]          isolation boundary: `all: initial` stops the host's inherited styles
//       article.bs-article[part=article] …   the core's HTML; the core writes the ::part() names itself
//                                            (the `parts` render option, docs/markup.md)
//       | div.placeholder[part=placeholder] > slot      while loading: reserves space, shows light-DOM content
//       | slot[name=fallback] > div.fallback[part=fallback]   when the article cannot be shown

/** The frame's class and part; the element and ssr.js build it from these. */
export const FRAME_CLASS = 'frame';

/**
 * The element's own styles: the host box, the isolation boundary, the loading placeholder and the
 * fallback. The article's stylesheet comes from the core and is adopted next to this one.
 * Written minified (what esbuild's CSS minifier makes of it), one rule a line: the text is the same in
 * this module, which server-side rendering inlines in a `<style>`, and in the embed bundle (embed.min.js), which
 * the element puts in a `<style>` where constructed stylesheets are missing, so one `style-src` hash of
 * the server-rendered `<style>` covers both (tests/embed/csp.test.mjs).
 */
export const FRAME_CSS =
  ':host{display:block}' +
  ':host([hidden]){display:none}' +
  '.frame{all:initial;display:block;visibility:inherit;color-scheme:light dark}' +
  ':host([theme=light]) .frame{color-scheme:light}' +
  ':host([theme=dark]) .frame{color-scheme:dark}' +
  '.placeholder{display:block;min-height:var(--bs-placeholder-height, 100vh)}' +
  '.fallback{display:block;padding:1em 1.25em;border:1px solid var(--bs-color-rule, #d9d3ca);border-radius:.25em;' +
    'color:var(--bs-color-text, CanvasText);font:1rem/1.5 var(--bs-font-ui, system-ui, sans-serif)}' +
  '.fallback p{margin:0}' +
  '.fallback-headline{font-weight:700}' +
  '.fallback a{color:var(--bs-color-accent, LinkText)}';

/**
 * JSON text made safe to inline in `<script type="application/json">`: `</script>` or `<!--` inside a
 * string cannot end or alter the script element. DEL, C1 controls and bidi embeddings, overrides and
 * isolates are escaped too, so a printed snippet cannot drive or reorder the terminal showing it. (These
 * characters only occur inside strings in valid JSON, where `\uXXXX` means the same character.)
 * @param {string} json
 */
export function escapeJsonForScript(json) {
  return json.replace(/[<\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
