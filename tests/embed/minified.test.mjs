// The minified embed (web/embed.min.js, one bundled module, and web/embeds.min.js, loaded only for
// articles with embed blocks: scripts/build-min.mjs) in Chromium under the partner CSP (script-src
// 'self' 'wasm-unsafe-eval', Trusted Types required): the recommended snippet pointing at embed.min.js
// renders the sample article into the same shadow-root HTML as the same snippet pointing at the
// unminified embed.js, and so does an element given only `src` (fetching the JSON, no server markup),
// and an article with embed blocks. The minified page loads one module of ours (plus embeds.min.js
// when the article has embeds) and the core from web/core/, found as before, with no CSP violation and
// no console error.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PARTNER_CSP } from '../../scripts/serve.js';
import { BUNDLE_ENTRY, LAZY_MODULES, minName, shippedFiles } from '../../scripts/build-min.mjs';
import { createRenderer, liteCoreOptions } from '../../web/broadsheet.js';
import { embedSnippet } from '../../web/embed-snippet.js';
import { launchChromium } from '../helpers/browser.mjs';
import { examplePath, repoRoot } from '../helpers/paths.mjs';
import { openRecordedPage, startLoggingServer } from './support.mjs';

const ARTICLE_URL = `/examples/${path.basename(examplePath)}`;
const EMBEDS_ARTICLE_URL = '/tests/format/valid/embeds.json';
const ENTRIES = { unminified: '/web/embed.js', minified: '/web/embed.min.js' };

function hostPage(body) {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Partner page</title><link rel="icon" href="data:,"></head>
<body><main style="width: 720px; margin: 0 auto">
<p>The partner's introduction.</p>
${body}
</main></body></html>
`;
}

describe('the minified embed', () => {
  let site;
  let browser;
  let snippetFor;
  const pages = [];

  before(async () => {
    for (const file of shippedFiles()) {
      assert.ok(existsSync(path.join(repoRoot, 'web', file)), `web/${file} is built (npm run build)`);
    }
    site = await startLoggingServer();
    browser = await launchChromium();
    const renderer = await createRenderer();
    const liteRenderer = await createRenderer(liteCoreOptions());
    const json = readFileSync(examplePath, 'utf8');
    snippetFor = (script) => {
      // As `broadsheet embed` makes it: its hints name the lite core, which renders this article.
      const made = embedSnippet(renderer, json, { script, src: ARTICLE_URL, theme: 'light', liteRenderer });
      assert.equal(made.ok, true);
      return made.snippet;
    };
  });

  after(async () => {
    for (const { page } of pages) await page.close();
    await browser?.close();
    await site?.close();
  });

  /** Opens `body` as a partner page under the partner CSP; resolves to the element's shadow-root HTML once rendered. */
  async function render(name, body) {
    const { page, problems, requested } = await openRecordedPage(browser);
    const urls = [];
    page.on('request', (request) => urls.push(new URL(request.url()).pathname));
    pages.push({ page });
    const url = `${site.baseUrl}/partner-${name}.html`;
    await page.route(url, (route) => route.fulfill({
      status: 200,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PARTNER_CSP },
      body: hostPage(body),
    }));
    await page.goto(url);
    const html = await page.locator('broadsheet-article').evaluate(async (element) => {
      await customElements.whenDefined('broadsheet-article');
      await element.updateComplete;
      if (element.state !== 'rendered') {
        await new Promise((resolve) => element.addEventListener('broadsheet:render', resolve, { once: true }));
      }
      return element.shadowRoot.innerHTML;
    });
    const recorded = await page.evaluate(() => window.__recorded);
    return { html, problems, requested, recorded, urls };
  }

  const elementWithSrc = (src) => (script) =>
    `<script type="module" src="${script}"></script>\n<broadsheet-article src="${src}" theme="light" loading="eager"></broadsheet-article>`;
  for (const [what, elementFor, hasEmbeds] of [
    ['the recommended snippet (server markup, hydrated from the inline JSON)', (script) => snippetFor(script), false],
    ['an element given only src', elementWithSrc(ARTICLE_URL), false],
    ['an element showing embed blocks', elementWithSrc(EMBEDS_ARTICLE_URL), true],
  ]) {
    test(`${what}: embed.min.js renders what embed.js renders, under the partner CSP`, async () => {
      const plain = await render(`plain-${pages.length}`, elementFor(ENTRIES.unminified));
      const min = await render(`min-${pages.length}`, elementFor(ENTRIES.minified));
      for (const run of [plain, min]) {
        assert.deepEqual(run.recorded.violations, []);
        assert.deepEqual(run.problems, []);
        assert.ok(run.recorded.events.some((e) => e.type === 'broadsheet:render'), 'rendered');
        assert.match(run.html, /class="bs-headline"/);
      }
      assert.equal(min.html, plain.html, 'the same shadow-root HTML');
      if (hasEmbeds) {
        // Click-to-load is there when the article is: every placeholder's button is shown.
        assert.match(min.html, /class="bs-embed-load"/);
        assert.doesNotMatch(min.html, /<button[^>]*class="bs-embed-load"[^>]*hidden/, 'load buttons shown');
      }

      // Our modules: the bundle, and the embed blocks' module only for an article that has them.
      const ours = min.urls.filter((url) => url.startsWith('/web/') && url.endsWith('.js') && !url.startsWith('/web/core/'));
      assert.deepEqual(ours, [`/web/${minName(BUNDLE_ENTRY)}`, ...(hasEmbeds ? LAZY_MODULES.map((f) => `/web/${minName(f)}`) : [])]);
      // The element starts with the lite core; an article with embed blocks is handed on to the full one.
      assert.equal(min.requested('/web/core/broadsheet-core-lite.wasm'), 1, 'the lite core is asked first');
      assert.equal(min.requested('/web/core/broadsheet-core.wasm'), hasEmbeds ? 1 : 0);
      assert.equal(min.requested('/web/core/broadsheet-core.js'), 1);
    });
  }
});
