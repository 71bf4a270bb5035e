// The element on the lite core, in headless Chromium (docs/performance.md, "The lite core for the
// element"): a page whose articles are plain downloads only broadsheet-core-lite.wasm; an article the
// lite core hands on (rich blocks, footnotes) is rendered by the full core, fetched once on first need,
// and its shadow root ends exactly as on a page that uses the full core alone; `broadsheet embed`'s
// hints name the core the article needs, and each file is fetched once.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createRenderer, liteCoreOptions } from '../../web/broadsheet.js';
import { embedSnippet } from '../../web/embed-snippet.js';
import { openRecordedPage, settleAll, startLoggingServer, writePartnerPage } from '../embed/support.mjs';
import { launchChromium } from '../helpers/browser.mjs';
import { repoRoot, testOutputDir } from '../helpers/paths.mjs';

const PLAIN = ['/examples/arabic-brief.json', '/examples/nbca-russian-arms-nato.json'];
const RICH = ['/tests/fixtures/rich/all-blocks.json', '/tests/fixtures/rich/notes.json'];
const FULL = '/web/core/broadsheet-core.wasm';
const LITE = '/web/core/broadsheet-core-lite.wasm';
const GLUE = '/web/core/broadsheet-core.js';

const writePage = (name, body) => writePartnerPage('lite-core', name, body);

const elements = (sources) => sources.map((src) => `<broadsheet-article src="${src}"></broadsheet-article>`).join('\n');
const embedScript = '<script type="module" src="/web/embed.js"></script>';
// The same elements with the full core alone: configureRenderer with a wasmUrl and no liteWasmUrl
// (a module of its own: the partner CSP allows no inline script).
const fullOnlyScript = '<script type="module" src="/test-output/lite-core/full-only.js"></script>';

describe('the element on the lite core', { timeout: 180_000 }, () => {
  let site;
  let browser;

  before(async () => {
    writeFileSync(path.join(testOutputDir('lite-core'), 'full-only.js'),
      `import { configureRenderer } from '/web/element.js';\nconfigureRenderer({ wasmUrl: '${FULL}' });\n`);
    site = await startLoggingServer();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  /** Loads the page in a fresh context; what each element shows and how often each core file was served. */
  async function load(url) {
    const context = await browser.newContext();
    try {
      const { page, problems } = await openRecordedPage(context);
      const before = site.requests.length;
      await page.goto(`${site.baseUrl}${url}`);
      await settleAll(page);
      const outcome = await page.evaluate(async () => {
        const all = [...document.querySelectorAll('broadsheet-article')];
        const shown = await Promise.all(all.map((element) => element.updateComplete));
        return {
          shown,
          shadows: all.map((element) => element.shadowRoot.innerHTML),
          needsFull: all.map((element) => element.meta?.needsFullCore ?? false),
          codes: all.map((element) => (element.diagnostics ?? []).map((diagnostic) => diagnostic.code)),
          messages: all.map((element) => (element.diagnostics ?? []).map((diagnostic) => diagnostic.message)),
          violations: window.__recorded.violations,
          compilations: window.__recorded.compilations,
        };
      });
      const served = site.requests.slice(before).map((request) => request.url.split('?')[0]);
      // The rich fixtures' relative images are examples, not files.
      const missingImage = (problem) => problem.url.includes('/tests/fixtures/rich/images/');
      return { ...outcome, problems: problems.filter((problem) => !missingImage(problem)), served: (suffix) => served.filter((u) => u.endsWith(suffix)).length };
    } finally {
      await context.close();
    }
  }

  test('plain articles: only the lite core is downloaded, once', async () => {
    const outcome = await load(writePage('plain.html', `${embedScript}\n${elements(PLAIN)}`));
    assert.deepEqual(outcome.shown, [true, true]);
    assert.equal(outcome.served(LITE), 1);
    assert.equal(outcome.served(FULL), 0, 'the full core is never requested');
    assert.equal(outcome.served(GLUE), 1, 'one glue for both cores');
    assert.equal(outcome.compilations, 1);
    assert.deepEqual(outcome.violations, []);
    assert.deepEqual(outcome.problems, []);
  });

  test('rich and plain articles: the full core renders the rich ones, and they end as with the full core alone', async () => {
    const mixed = [PLAIN[0], ...RICH];
    const adaptive = await load(writePage('mixed.html', `${embedScript}\n${elements(mixed)}`));
    const fullOnly = await load(writePage('mixed-full.html', `${fullOnlyScript}\n${elements(mixed)}`));
    assert.deepEqual(adaptive.shown, [true, true, true]);
    assert.deepEqual(fullOnly.shown, [true, true, true]);
    assert.deepEqual(adaptive.needsFull, [false, false, false], 'the meta shown is the full core\'s');
    assert.deepEqual(adaptive.shadows, fullOnly.shadows);
    assert.ok(adaptive.shadows[1].includes('bs-table') && adaptive.shadows[2].includes('bs-footnotes'));
    assert.equal(adaptive.served(LITE), 1);
    assert.equal(adaptive.served(FULL), 1, 'the full core is fetched once, for both rich articles');
    assert.equal(fullOnly.served(LITE), 0);
    assert.equal(fullOnly.served(FULL), 1);
    assert.deepEqual(adaptive.violations, []);
    assert.deepEqual(adaptive.problems, []);
  });

  test('a text that is not JSON: the full core says what is wrong, and the element shows its fallback', async () => {
    writeFileSync(path.join(testOutputDir('lite-core'), 'broken.json'), '{"format": "broadsheet/article@1", "headline": "H" "body": "x"}');
    const outcome = await load(writePage('broken.html', `${embedScript}\n${elements([PLAIN[0], '/test-output/lite-core/broken.json'])}`));
    assert.deepEqual(outcome.shown, [true, false]);
    assert.deepEqual(outcome.codes[1], ['BS-JSON-SYNTAX']);
    assert.match(outcome.messages[1][0], /headline/, 'worded by the full core\'s strict reader');
    assert.equal(outcome.served(LITE), 1);
    assert.equal(outcome.served(FULL), 1, 'fetched for the broken article only');
    assert.deepEqual(outcome.violations, []);
  });

  test('`broadsheet embed` hints: the lite core for a plain article, the full core for a rich one; each fetched once', async () => {
    const renderer = await createRenderer();
    const liteRenderer = await createRenderer(liteCoreOptions());
    const snippet = (src) => embedSnippet(renderer, readFileSync(path.join(repoRoot, src), 'utf8'),
      { script: '/web/embed.js', src, liteRenderer }).snippet;
    assert.match(snippet(PLAIN[0]), /href="\/web\/core\/broadsheet-core-lite\.wasm"/);
    assert.match(snippet(RICH[0]), /href="\/web\/core\/broadsheet-core\.wasm"/);
    assert.doesNotMatch(snippet(RICH[0]), /broadsheet-core-lite/);

    const plain = await load(writePage('snippet-plain.html', snippet(PLAIN[0])));
    assert.deepEqual(plain.shown, [true]);
    assert.equal(plain.served(LITE), 1);
    assert.equal(plain.served(FULL), 0);
    assert.equal(plain.served(GLUE), 1);

    // A rich article's page downloads the full core alone: the element follows the page's hints.
    const rich = await load(writePage('snippet-rich.html', snippet(RICH[0])));
    assert.deepEqual(rich.shown, [true]);
    assert.equal(rich.served(FULL), 1);
    assert.equal(rich.served(LITE), 0);
    assert.equal(rich.served(GLUE), 1);

    // Both on one page: each core once.
    const both = await load(writePage('snippet-both.html', `${snippet(PLAIN[0])}\n${snippet(RICH[0])}`));
    assert.deepEqual(both.shown, [true, true]);
    assert.equal(both.served(LITE), 1);
    assert.equal(both.served(FULL), 1);
    assert.equal(both.served(GLUE), 1);
    for (const outcome of [plain, rich, both]) {
      assert.deepEqual(outcome.violations, []);
      assert.deepEqual(outcome.problems, []);
    }
  });
});
