// How a page loads the core, in headless Chromium: every element of a page uses one download and one
// compilation of the .wasm; the embed snippet's preload hints are the requests the modules then use
// (no second download), under the partner's strict CSP; and the compile, and the fetch of the articles
// the page shows first, start when the element's module is evaluated, before any element has rendered.
// Each for the unminified modules (embed.js) and for the bundle partners load (embed.min.js), which
// is the one module the page asks for before the core and the articles.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createRenderer, liteCoreOptions } from '../../web/broadsheet.js';
import { embedSnippet } from '../../web/embed-snippet.js';
import { openRecordedPage, settleAll, startLoggingServer, writePartnerPage } from '../embed/support.mjs';
import { launchChromium } from '../helpers/browser.mjs';
import { repoRoot } from '../helpers/paths.mjs';

const ARTICLES = ['/examples/nbca-russian-arms-nato.json', '/examples/arabic-brief.json'];
// The elements of these pages render with the lite core: their articles need nothing it leaves out
// (tests/browser/lite-core.test.mjs has the pages that need the full core).
const WASM = '/web/core/broadsheet-core-lite.wasm';
const FULL_WASM = '/web/core/broadsheet-core.wasm';
const GLUE = '/web/core/broadsheet-core.js';
const ENTRIES = ['/web/embed.js', '/web/embed.min.js'];
const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

const writePage = (name, body) => writePartnerPage('core-loading', name, body);

describe('loading the core', { timeout: 120_000 }, () => {
  let site;
  let browser;
  const snippetPages = {};
  const elementsPages = {};

  before(async () => {
    site = await startLoggingServer();
    browser = await launchChromium();
    const renderer = await createRenderer();
    const liteRenderer = await createRenderer(liteCoreOptions());
    // Two snippets as `broadsheet embed` prints them: each with its script and its hints.
    for (const [i, script] of ENTRIES.entries()) {
      const snippets = ARTICLES.map((src) => embedSnippet(renderer, readFileSync(path.join(repoRoot, src), 'utf8'),
        { script, src, liteRenderer }).snippet);
      snippetPages[script] = writePage(`snippets-${i}.html`, snippets.join('<p>Between the two articles.</p>\n'));
      elementsPages[script] = writePage(`elements-${i}.html`, `<script type="module" src="${script}"></script>\n` +
        ARTICLES.map((src) => `<broadsheet-article src="${src}"></broadsheet-article>`).join('\n'));
    }
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  /**
   * Opens the page in a fresh context, waits for both articles, returns what was fetched and counted.
   * `delay`: a path whose response is held back that long (ms), to see what is asked for before it.
   */
  async function load(url, { delay } = {}) {
    const context = await browser.newContext();
    try {
      const { page, problems } = await openRecordedPage(context);
      if (delay) {
        await page.route(`**${delay.path}`, async (route) => {
          await sleep(delay.ms);
          await route.continue();
        });
      }
      const before = site.requests.length;
      await page.goto(`${site.baseUrl}${url}`);
      await settleAll(page); // the second article loads when scrolled near
      const outcome = await page.evaluate(async () => {
        const elements = [...document.querySelectorAll('broadsheet-article')];
        const shown = await Promise.all(elements.map((element) => element.updateComplete));
        const timing = (suffix) => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith(suffix))
          .map((entry) => entry.initiatorType);
        return {
          shown,
          compilations: window.__recorded.compilations,
          instantiations: window.__recorded.instantiations,
          violations: window.__recorded.violations,
          wasmInitiators: timing('/broadsheet-core-lite.wasm'),
          glueInitiators: timing('/broadsheet-core.js'),
          headlines: elements.map((element) => element.meta?.headline ?? null),
        };
      });
      const served = site.requests.slice(before).map((request) => request.url.split('?')[0]);
      return { ...outcome, problems, servedList: served, served: (suffix) => served.filter((u) => u.endsWith(suffix)).length,
        order: (suffix) => served.findIndex((u) => u.endsWith(suffix)) };
    } finally {
      await context.close();
    }
  }

  // openRecordedPage takes anything with newPage(); a context keeps each load's cache apart.
  for (const script of ENTRIES) {
    const bundled = script.endsWith('.min.js');
    test(`${script}, two snippets: the preloaded .wasm and glue are downloaded once and used; one compilation, one instance`, async () => {
      // The bundle imports the glue as soon as it has run: held back, it shows that the glue was
      // asked for before (by the hint). The modules' own load shows it without help: broadsheet.js
      // imports the glue, so a glue asked for before broadsheet.js is the hint's.
      const outcome = await load(snippetPages[script], bundled ? { delay: { path: script, ms: 400 } } : {});
      assert.deepEqual(outcome.shown, [true, true]);
      assert.equal(outcome.headlines.filter(Boolean).length, 2);
      assert.equal(outcome.served(WASM), 1, 'the .wasm is fetched once: the module used the preloaded response');
      assert.equal(outcome.served(FULL_WASM), 0, 'the full core is not needed');
      assert.equal(outcome.served(GLUE), 1, 'the glue is fetched once');
      assert.deepEqual(outcome.wasmInitiators, ['link'], 'the one .wasm request is the preload hint\'s');
      // Chromium does not say `link` for a modulepreload.
      assert.ok(outcome.order(GLUE) < outcome.order(bundled ? script : '/web/broadsheet.js'),
        'the glue is requested while the page is parsed');
      assert.equal(outcome.compilations, 1);
      assert.equal(outcome.instantiations, 1);
      assert.deepEqual(outcome.violations, [], 'the hints pass the strict CSP');
      assert.deepEqual(outcome.problems, []);
    });

    test(`${script}, two elements without hints: one download, one compilation, one instance`, async () => {
      const outcome = await load(elementsPages[script]);
      assert.deepEqual(outcome.shown, [true, true]);
      assert.equal(outcome.served(WASM), 1);
      assert.equal(outcome.served(FULL_WASM), 0);
      assert.equal(outcome.served(GLUE), 1);
      for (const article of ARTICLES) assert.equal(outcome.served(article), 1, `${article} fetched once`);
      assert.equal(outcome.compilations, 1);
      assert.equal(outcome.instantiations, 1);
      assert.deepEqual(outcome.violations, []);
      assert.deepEqual(outcome.problems, []);
      if (bundled) {
        // One module hop: the bundle is the only module of ours; everything else it needs (the glue,
        // the .wasm, the articles) is asked for after it, together.
        const scripts = outcome.servedList.filter((url) => url.endsWith('.js'));
        assert.deepEqual(scripts, [script, GLUE], 'the bundle, then the glue');
        for (const after of [GLUE, WASM, ...ARTICLES]) assert.ok(outcome.order(after) > outcome.order(script), `${after} after the bundle`);
      }
    });
  }

  for (const script of ENTRIES) {
    test(`${script}: the .wasm and the articles in view are fetched from the module's evaluation, before the page is even parsed to the end`, async () => {
      const context = await browser.newContext();
      try {
        const { page } = await openRecordedPage(context);
        await page.addInitScript(() => {
          // When the .wasm (compileStreaming takes it as it arrives) and the articles are asked for,
          // against the page's events.
          window.__order = [];
          const original = window.fetch;
          window.fetch = function (resource, ...rest) {
            if (/\/broadsheet-core(-lite)?\.wasm$/.test(String(resource))) window.__order.push('fetch wasm');
            if (String(resource).endsWith('.json')) window.__order.push('fetch article');
            return original.call(this, resource, ...rest);
          };
          document.addEventListener('broadsheet:render', () => window.__order.push('render'));
          document.addEventListener('DOMContentLoaded', () => window.__order.push('parsed'));
        });
        await page.goto(`${site.baseUrl}${elementsPages[script]}`);
        const order = await page.evaluate(async () => {
          await Promise.all([...document.querySelectorAll('broadsheet-article')].map((element) => element.updateComplete));
          return window.__order;
        });
        // Both elements are empty when the module runs, so both are within the loading margin.
        assert.deepEqual(order, ['fetch wasm', 'fetch article', 'fetch article', 'parsed', 'render', 'render'],
          'fetched from the module\'s evaluation (module scripts run before DOMContentLoaded), once each');
      } finally {
        await context.close();
      }
    });
  }
});
