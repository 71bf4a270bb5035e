// The one-line embed on a hostile partner page (web/examples/partner.html) in headless Chromium: under
// the partner's strict CSP (sent as a header), with its aggressive global CSS and leftover globals.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PARTNER_CSP } from '../../scripts/serve.js';
import { launchChromium } from '../helpers/browser.mjs';
import { exampleAnalysts, testOutputDir } from '../helpers/paths.mjs';
import {
  computedStylesById, openRecordedPage, settleAll, shadowComputedStyles, startLoggingServer, styleDifferences,
} from './support.mjs';

const PARTNER_PAGE = '/web/examples/partner.html';
const NEUTRAL_PAGE = '/web/examples/neutral.html';
const HOST_ELEMENT_IDS = ['host-title', 'host-tagline', 'host-intro', 'host-collision', 'host-article', 'host-footer'];

describe('partner page: the embed under a strict CSP on a hostile host', () => {
  let site;
  let browser;
  let page;
  let problems;
  let requested;
  let response;
  let shiftsOnLoad;

  before(async () => {
    site = await startLoggingServer();
    browser = await launchChromium();
    ({ page, problems, requested } = await openRecordedPage(browser));
    response = await page.goto(`${site.baseUrl}${PARTNER_PAGE}`);
    // What a reader sees on opening the page, before scrolling: the first article loads in place.
    await page.locator('#lead-article').evaluate((element) => element.updateComplete);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    shiftsOnLoad = await page.evaluate(() => [...window.__recorded.layoutShifts]);
    await settleAll(page);
    await page.screenshot({ path: path.join(testOutputDir('embed'), 'partner.png'), fullPage: true });
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  test('the page is served with the strict CSP as a header, and it is enforced', async () => {
    assert.equal(response.headers()['content-security-policy'], PARTNER_CSP);
    const other = await browser.newPage();
    try {
      await other.goto(`${site.baseUrl}${PARTNER_PAGE}`);
      // Any HTML string assigned to a sink without the policy is refused (and reported, on this page).
      const refused = await other.evaluate(() => {
        try {
          document.body.innerHTML = '<b>raw</b>';
          return false;
        } catch (error) {
          return error instanceof TypeError;
        }
      });
      assert.equal(refused, true, 'Trusted Types are enforced');
    } finally {
      await other.close();
    }
  });

  test('the article renders with all its parts', async () => {
    const lead = page.locator('#lead-article');
    assert.equal(await lead.evaluate((element) => element.state), 'rendered');
    const headline = (await lead.locator('.bs-headline').innerText()).replace(/\s+/g, ' ');
    assert.match(headline, /Reliance on Russian Arms Won.t Hamper NATO Ties/);
    const byline = await lead.locator('.bs-byline').innerText();
    for (const name of exampleAnalysts) assert.ok(byline.includes(name), `byline names ${name}`);
    assert.ok(await lead.locator('.bs-pullquote').count() >= 2, 'pull quotes');
    assert.ok(await lead.locator('.bs-analysts').isVisible(), 'analyst panel');
    assert.ok(await lead.locator('a.bs-cta').isVisible(), 'call to action');

    const rtl = page.locator('#rtl-article .bs-article');
    assert.equal(await rtl.getAttribute('dir'), 'rtl');
    const rendered = await page.evaluate(() => window.__recorded.events.filter((e) => e.type === 'broadsheet:render')
      .map((e) => e.id).sort());
    assert.deepEqual(rendered, ['lead-article', 'rtl-article']);
  });

  test('the article in view loads into its reserved space without shifting the layout', () => {
    assert.deepEqual(shiftsOnLoad, []);
  });

  test('no CSP or Trusted Types violation is reported', async () => {
    assert.deepEqual(await page.evaluate(() => window.__recorded.violations), []);
  });

  test("the host's styles do not change the article's computed styles (against a neutral host)", async () => {
    const neutral = await openRecordedPage(browser);
    try {
      await neutral.page.goto(`${site.baseUrl}${NEUTRAL_PAGE}`);
      await settleAll(neutral.page);
      const expected = await shadowComputedStyles(neutral.page.locator('#lead-article'));
      const actual = await shadowComputedStyles(page.locator('#lead-article'));
      assert.ok(expected.length > 40, `the neutral article has ${expected.length} elements`);
      assert.equal(actual.length, expected.length, 'same number of elements');
      assert.deepEqual(styleDifferences(actual, expected), []);
      assert.deepEqual(neutral.problems, []);
    } finally {
      await neutral.page.close();
    }
  });

  test("the host's own elements keep their styles (the same as with no embed on the page)", async () => {
    const withEmbed = await computedStylesById(page, HOST_ELEMENT_IDS);
    assert.equal(withEmbed['host-intro'].color, 'rgb(255, 0, 0)', 'the host makes its paragraphs red');
    assert.equal(withEmbed['host-collision']['font-family'], 'monospace', "the host's own .bs-headline");
    assert.equal(withEmbed['host-title']['font-size'], '80px', 'the host sizes its h1');

    const bare = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await bare.route('**/web/embed.js', (route) => route.abort());
      await bare.goto(`${site.baseUrl}${PARTNER_PAGE}`);
      const withoutEmbed = await computedStylesById(bare, HOST_ELEMENT_IDS);
      assert.deepEqual(styleDifferences(withEmbed, withoutEmbed), []);
    } finally {
      await bare.close();
    }
  });

  test('a failing src and a strict document with errors show the fallback and report broadsheet:error', async () => {
    const missing = page.locator('#missing-article');
    assert.equal(await missing.evaluate((element) => element.state), 'error');
    const missingFallback = missing.locator('[part="fallback"]');
    assert.ok(await missingFallback.isVisible(), 'fallback visible');
    assert.equal((await missingFallback.innerText()).trim(), 'This article is not available.');

    // The broken document's headline (as plain text) links to its canonical URL.
    const link = page.locator('#broken-article [part="fallback"] a');
    assert.equal((await link.innerText()).trim(), 'A broken brief');
    assert.equal(await link.getAttribute('href'), 'https://example.org/broken-brief');

    const errors = await page.evaluate(() => window.__recorded.events.filter((e) => e.type === 'broadsheet:error'));
    assert.deepEqual(errors.map(({ id, reason }) => `${id} ${reason}`).sort(),
      ['broken-article document', 'missing-article fetch']);
  });

  test("the partner's globals are left alone and do not disturb the embed", async () => {
    const globals = await page.evaluate(() => ({
      module: typeof window.Module.locateFile,
      amd: window.define.amd.jQuery,
      process: JSON.stringify(window.process),
      broadsheet: window.broadsheet,
      arrayExtension: [1, 2].last(),
    }));
    assert.deepEqual(globals, {
      module: 'function',
      amd: true,
      process: '{"env":{"NODE_ENV":"production"}}',
      broadsheet: 'the partner has a global named broadsheet too',
      arrayExtension: 2,
    });
  });

  test('all the elements on the page share one WebAssembly module instance', async () => {
    assert.equal(await page.locator('broadsheet-article').count(), 4);
    // The page's articles need nothing the lite core leaves out (docs/performance.md).
    assert.equal(requested('/web/core/broadsheet-core-lite.wasm'), 1, 'the .wasm is fetched once');
    assert.equal(requested('/web/core/broadsheet-core.wasm'), 0, 'the full core is not needed');
    assert.equal(requested('/web/core/broadsheet-core.js'), 1, 'the glue is loaded once');
    const { compilations, instantiations } = await page.evaluate(() => window.__recorded);
    assert.deepEqual({ compilations, instantiations }, { compilations: 1, instantiations: 1 });
  });

  test('no console errors or page errors (besides the deliberately missing article)', () => {
    const unexpected = problems.filter((p) => !(p.url.endsWith('/web/examples/missing-article.json') &&
      p.text.includes('404')));
    assert.deepEqual(unexpected.map((p) => p.text), []);
  });
});
