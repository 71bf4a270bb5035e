// Issue 16, points 3 and 5 in headless Chromium: a wide table scrolls inside its labelled, focusable
// region (never the page) at 320px, also right to left; the region scrolls from the keyboard and
// shows a focus ring; print shows the table whole; a standalone dark document has no white frame.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot } from '../helpers/paths.mjs';
import { hostPage, openOfflinePage } from '../quality/support.mjs';

const fixture = readFileSync(path.join(repoRoot, 'tests/fixtures/rich/tables.json'), 'utf8');

/** The same fixture right to left: Arabic words, the same figures. */
function arabicFixture() {
  const article = JSON.parse(fixture);
  article.lang = 'ar';
  article.headline = 'حصص المياه تتقلص';
  article.standfirst = 'جدول بأرقام الوزارة.';
  article.body[1].caption = 'حصص الري حسب المحافظة';
  return JSON.stringify(article);
}

function measureRegion() {
  const region = document.querySelector('.bs-table');
  const scroller = document.scrollingElement;
  return {
    pageScrollWidth: scroller.scrollWidth,
    viewport: window.innerWidth,
    regionScrollWidth: region.scrollWidth,
    regionClientWidth: region.clientWidth,
    labelledBy: region.getAttribute('aria-labelledby'),
    caption: document.getElementById(region.getAttribute('aria-labelledby'))?.textContent,
    overflowX: getComputedStyle(region).overflowX,
  };
}

describe('tables and standalone documents in Chromium', () => {
  let renderer;
  let browser;
  let page;
  let pageErrors;

  before(async () => {
    ({ renderer, browser, page, pageErrors } = await openOfflinePage({ width: 320, height: 700 }));
  });

  after(async () => {
    await browser?.close();
  });

  async function showFragment(json, width = 320) {
    const { ok, html, css, diagnostics } = renderer.render(json);
    assert.ok(ok, JSON.stringify(diagnostics));
    await page.setViewportSize({ width, height: 700 });
    await page.setContent(hostPage({ html, css, width }), { waitUntil: 'load' });
  }

  test('at 320px a wide table scrolls inside its region, not the page', async () => {
    await showFragment(fixture);
    const m = await page.evaluate(measureRegion);
    assert.equal(m.pageScrollWidth, m.viewport, 'the page does not scroll sideways');
    assert.ok(m.regionScrollWidth > m.regionClientWidth + 100, `the region scrolls: ${m.regionScrollWidth} > ${m.regionClientWidth}`);
    assert.equal(m.overflowX, 'auto');
    assert.match(m.labelledBy, /^bs-[0-9a-f]{8}-table-1$/);
    assert.equal(m.caption, 'Irrigation quotas by province, million m³');
  });

  test('the region takes keyboard focus, shows a focus ring and scrolls with the arrow keys', async () => {
    await showFragment(fixture);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement.className);
    assert.equal(focused, 'bs-table', 'the first Tab stop is the table region');
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement);
      return { style: style.outlineStyle, width: style.outlineWidth };
    });
    assert.equal(ring.style, 'solid');
    assert.equal(ring.width, '3px');
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('.bs-table').scrollLeft > 0);
    assert.equal(await page.evaluate(() => document.scrollingElement.scrollLeft), 0, 'the page stays put');
  });

  test('right to left: the region scrolls, the page does not, columns are mirrored', async () => {
    await showFragment(arabicFixture());
    const m = await page.evaluate(measureRegion);
    assert.equal(m.pageScrollWidth, m.viewport);
    assert.ok(m.regionScrollWidth > m.regionClientWidth + 100);
    const sides = await page.evaluate(() => {
      const row = document.querySelector('.bs-table tbody tr');
      const header = row.querySelector('th').getBoundingClientRect();
      const number = row.querySelector('td.bs-cell--numeric');
      return { headerRight: header.right, numberRight: number.getBoundingClientRect().right, align: getComputedStyle(number).textAlign };
    });
    assert.ok(sides.headerRight > sides.numberRight, 'the first column is on the right');
    assert.equal(sides.align, 'end');
  });

  test('numbers use tabular figures and line up at the end of their column', async () => {
    await showFragment(fixture, 1280);
    const cells = await page.evaluate(() => [...document.querySelector('.bs-table').querySelectorAll('tbody tr td:nth-of-type(2)')].map((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return { right: range.getBoundingClientRect().right, cellRight: td.getBoundingClientRect().right, figures: getComputedStyle(td).fontVariantNumeric };
    }));
    assert.ok(cells.length >= 4);
    for (const cell of cells) assert.match(cell.figures, /tabular-nums/);
    const rights = cells.map((c) => Math.round(c.right));
    assert.equal(new Set(rights).size, 1, `digits end at one edge: ${rights}`);
  });

  test('print shows the table whole, without a scroll region', async () => {
    await showFragment(fixture, 700);
    await page.emulateMedia({ media: 'print' });
    const m = await page.evaluate(measureRegion);
    await page.emulateMedia({ media: 'screen' });
    assert.equal(m.overflowX, 'visible');
  });

  for (const { theme, scheme, background } of [
    { theme: 'auto', scheme: 'dark', background: 'rgb(19, 20, 22)' },
    { theme: 'dark', scheme: 'light', background: 'rgb(19, 20, 22)' },
    { theme: 'auto', scheme: 'light', background: 'rgb(255, 255, 255)' },
    { theme: 'light', scheme: 'dark', background: 'rgb(255, 255, 255)' },
  ]) {
    test(`a standalone document (theme ${theme}, ${scheme} scheme) has no frame of another colour`, async () => {
      const { ok, html } = renderer.render(fixture, { standalone: true, theme });
      assert.ok(ok);
      await page.setViewportSize({ width: 768, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.setContent(html, { waitUntil: 'load' });
      const colours = await page.evaluate(() => {
        const article = document.querySelector('.bs-article');
        const box = article.getBoundingClientRect();
        return {
          html: getComputedStyle(document.documentElement).backgroundColor,
          body: getComputedStyle(document.body).backgroundColor,
          bodyMargin: getComputedStyle(document.body).margin,
          article: getComputedStyle(article).backgroundColor,
          left: box.left + window.scrollX,
          top: box.top + window.scrollY,
          description: document.querySelector('meta[name="description"]')?.content,
          ogDescription: document.querySelector('meta[property="og:description"]')?.content,
          ogTitle: document.querySelector('meta[property="og:title"]')?.content,
          twitterCard: document.querySelector('meta[name="twitter:card"]')?.content,
        };
      });
      await page.emulateMedia({ colorScheme: 'light' });
      assert.equal(colours.article, background, 'the article in its theme');
      assert.equal(colours.html, colours.article, 'the page is the article\'s colour');
      assert.ok(['rgba(0, 0, 0, 0)', colours.article].includes(colours.body));
      assert.equal(colours.bodyMargin, '0px');
      assert.equal(colours.left, 0);
      assert.equal(colours.top, 0);
      assert.ok(colours.description, 'meta description');
      assert.equal(colours.ogDescription, colours.description);
      assert.ok(colours.ogTitle && colours.twitterCard);
    });
  }

  test('a dark standalone document prints on white', async () => {
    const { html } = renderer.render(fixture, { standalone: true, theme: 'dark' });
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await page.setContent(html, { waitUntil: 'load' });
    const colours = await page.evaluate(() => ({
      html: getComputedStyle(document.documentElement).backgroundColor,
      article: getComputedStyle(document.querySelector('.bs-article')).backgroundColor,
    }));
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
    assert.equal(colours.html, 'rgb(255, 255, 255)');
    assert.equal(colours.article, 'rgb(255, 255, 255)');
  });

  test('no page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
