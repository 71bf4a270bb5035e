// The partner embed: one module script registers <broadsheet-article>, then any number of elements:
//
//   <script type="module" src="https://PUBLISHER/broadsheet/web/embed.min.js"></script>
//   <broadsheet-article src="https://PUBLISHER/articles/ARTICLE.json"></broadsheet-article>
//
// The element, its shared renderer and the WebAssembly core (found next to this file) all load from
// wherever this file is served. This entry point stays stable however the modules behind it change.
// web/embed.min.js is this file bundled with the modules it imports and minified, one module
// (scripts/build-min.mjs): the page asks for the core and the article after one module hop.
// Snippet, CSP and theming: docs/embed.md.
export * from './element.js';
