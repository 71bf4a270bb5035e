// The minified embed (web/*.min.js, scripts/build-min.mjs) in Chromium under the partner CSP (script-src
// 'self' 'wasm-unsafe-eval', Trusted Types required): the recommended snippet pointing at embed.min.js
// renders the sample article into the same shadow-root HTML as the same snippet pointing at the
// unminified embed.js, and so does an element given only `src` (fetching the JSON, no server markup).
// The minified page loads only minified modules (and the core from web/core/, found as before), with
// no CSP violation and no console error.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PARTNER_CSP } from '../../scripts/serve.js';
import { minName, modulesToMinify } from '../../scripts/build-min.mjs';
import { createRenderer, liteCoreOptions } from '../../web/broadsheet.js';
import { embedSnippet } from '../../web/embed-snippet.js';
import { launchChromium } from '../helpers/browser.mjs';
import { examplePath, repoRoot } from '../helpers/paths.mjs';
import { openRecordedPage, startLoggingServer } from './support.mjs';

const ARTICLE_URL = `/examples/${path.basename(examplePath)}`;
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
    for (const file of modulesToMinify()) {
      assert.ok(existsSync(path.join(repoRoot, 'web', minName(file))), `web/${minName(file)} is built (npm run build)`);
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
    return { html, problems, requested, recorded };
  }

  for (const [what, elementFor] of [
    ['the recommended snippet (server markup, hydrated from the inline JSON)', (script) => snippetFor(script)],
    ['an element given only src', (script) =>
      `<script type="module" src="${script}"></script>\n<broadsheet-article src="${ARTICLE_URL}" theme="light" loading="eager"></broadsheet-article>`],
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

      for (const file of modulesToMinify()) {
        assert.equal(min.requested(`/web/${minName(file)}`), 1, `loads web/${minName(file)}`);
        assert.equal(min.requested(`/web/${file}`), 0, `does not load web/${file}`);
      }
      assert.equal(min.requested('/web/core/broadsheet-core-lite.wasm'), 1, 'the lite core renders this article');
      assert.equal(min.requested('/web/core/broadsheet-core.wasm'), 0);
      assert.equal(min.requested('/web/core/broadsheet-core.js'), 1);
    });
  }
});
