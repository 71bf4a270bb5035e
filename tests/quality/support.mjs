// Shared by the output-quality tests (tests/quality/*.test.mjs): the articles they check, and the
// deterministic, offline pages they show them in.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRenderer } from '../../web/broadsheet.js';
import { collectPageErrors, launchChromium } from '../helpers/browser.mjs';
import { repoRoot } from '../helpers/paths.mjs';

/** The three example articles: the seed, a long analysis and a right-to-left brief. */
export const EXAMPLES = [
  { name: 'seed', file: 'nbca-russian-arms-nato.json', dir: 'ltr' },
  { name: 'long', file: 'long-analysis.json', dir: 'ltr' },
  { name: 'arabic', file: 'arabic-brief.json', dir: 'rtl' },
];

/** The sample article with a Kazakh translation link and a correction (issue 15), checked like an example. */
export const VERSIONS_EXAMPLE = { name: 'seed-versions', file: 'nbca-russian-arms-nato.json', dir: 'ltr', folder: 'tests/fixtures/versions' };

/**
 * Responsive images and a gallery (issue 16 point 2): tests/fixtures/rich/images.json. Its image URLs
 * are relative; `options.baseUrl` resolves them to https URLs, which routeOffline answers locally.
 */
export const IMAGES_EXAMPLE = {
  name: 'rich-images', file: 'images.json', dir: 'ltr', folder: 'tests/fixtures/rich',
  options: { baseUrl: 'https://publisher.example/rich/images.json' },
};
/** Footnotes and sources (issue 16 point 4): the rich fixture, checked like an example. */
export const NOTES_EXAMPLE = { name: 'notes', file: 'notes.json', dir: 'ltr', folder: 'tests/fixtures/rich' };
/** Embed blocks of several providers (issue 16, point 1): placeholders, a link-only generic embed. */
export const EMBED_EXAMPLE = { name: 'rich-embed', file: 'embed.json', dir: 'ltr', folder: 'tests/fixtures/rich' };
/** Tables (issue 16 point 3): a wide table with row headers, numeric columns and a Russian one. */
export const TABLES_EXAMPLE = { name: 'tables', file: 'tables.json', dir: 'ltr', folder: 'tests/fixtures/rich' };

/**
 * Every block type and closing section together (issue 16): paragraphs, a quote and a pull quote of an
 * analyst, an image and a gallery with sources, headings, a list, footnote references, a table, a
 * note, a divider, a YouTube and a generic embed, a markdown block; notes, sources, corrections.
 */
export const ALL_BLOCKS_EXAMPLE = {
  name: 'rich-all-blocks', file: 'all-blocks.json', dir: 'ltr', folder: 'tests/fixtures/rich',
  options: { baseUrl: 'https://publisher.example/rich/all-blocks.json' },
};

export function exampleText(example) {
  return readFileSync(path.join(repoRoot, example.folder ?? 'examples', example.file), 'utf8');
}

// A flat grey picture for every image request, so pages never reach the network and screenshots do
// not depend on remote images.
const PLACEHOLDER = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"><rect width="4" height="3" fill="#9a958c"/></svg>';

/**
 * What a Chromium test of rendered articles starts with: a renderer, the browser and one offline page
 * of `viewport` whose errors are collected. Close `browser` when done.
 * @param {{ width: number, height: number }} viewport
 */
export async function openOfflinePage(viewport) {
  const [renderer, browser] = await Promise.all([createRenderer(), launchChromium()]);
  const page = await browser.newPage({ viewport });
  const pageErrors = collectPageErrors(page);
  await routeOffline(page);
  return { renderer, browser, page, pageErrors };
}

/**
 * Keeps a page offline: image requests get the local placeholder, every other request is refused.
 * @param {import('playwright-core').Page} page
 */
export async function routeOffline(page) {
  await page.route('**/*', (route) => {
    if (route.request().resourceType() === 'image') {
      return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER });
    }
    return route.abort();
  });
}

/**
 * What makes screenshots repeatable, as page CSS: fonts that Debian installs with Chromium's own
 * dependencies (fonts-dejavu-core, plus fonts-dejavu-extra for the italics; scripts/setup.sh installs
 * both), named through the documented --bs-font-* properties so no machine-specific font (Georgia,
 * Charter, a system UI font) can be picked; no animations, transitions or text caret.
 */
export const DETERMINISTIC_CSS = `
html, body { margin: 0 }
:root {
  --bs-font-body: "DejaVu Serif", "DejaVu Sans", serif;
  --bs-font-ui: "DejaVu Sans", sans-serif;
}
.bs-article code { font-family: "DejaVu Sans Mono", monospace }
*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important }
`;

/**
 * A page holding a rendered fragment in a container of the given width (the article's layout follows
 * its container, not the viewport), with the stylesheet and the deterministic CSS.
 */
export function hostPage({ html, css, width, lang = 'en', dir = 'ltr', title = 'Broadsheet article' }) {
  return `<!DOCTYPE html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>${DETERMINISTIC_CSS}#host{width:${width}px}</style><style>${css}</style></head>
<body><main id="host">${html}</main></body></html>`;
}

/** Lazy images below the fold would stay empty in a full-page screenshot: load them all. */
export async function loadAllImages(page) {
  await page.evaluate(() => Promise.all([...document.images].map((img) => {
    img.loading = 'eager';
    return img.complete ? null : new Promise((resolve) => { img.onload = img.onerror = resolve; });
  })));
}
