// The responsive layout in headless Chromium: the seed, the long analysis and the Arabic brief,
// rendered by the WebAssembly core in Node, laid out at 320, 768 and 1280 px, checked from bounding
// boxes and saved as screenshots under test-output/responsive-layout/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { collectPageErrors, launchChromium } from '../helpers/browser.mjs';
import { repoRoot, testOutputDir } from '../helpers/paths.mjs';

const WIDTHS = [320, 768, 1280];
const NARROW_BELOW = 560; // the stylesheet's container breakpoint
const EXAMPLES = [
  { name: 'seed', file: 'nbca-russian-arms-nato.json', dir: 'ltr' },
  { name: 'long', file: 'long-analysis.json', dir: 'ltr' },
  { name: 'arabic', file: 'arabic-brief.json', dir: 'rtl' },
];

// A flat grey picture for every image request, so pages never reach the network.
const PLACEHOLDER = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"><rect width="4" height="3" fill="#9a958c"/></svg>';

/** A page whose body is a container of the given width holding the article. */
function pageHtml(html, css, width) {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<style>html,body{margin:0}#host{width:${width}px}</style><style>${css}</style></head>
<body><div id="host">${html}</div></body></html>`;
}

/**
 * Everything the assertions need, measured in the page: the article's box, every element and text
 * line box inside it, and the pull quotes.
 */
function measure() {
  const article = document.querySelector('.bs-article');
  const box = (r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height });
  const pullquotes = [...article.querySelectorAll('.bs-pullquote')];
  const lines = []; // text line boxes outside pull quotes
  const allLines = [];
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const inPullquote = Boolean(node.parentElement.closest('.bs-pullquote'));
    for (const rect of range.getClientRects()) {
      if (rect.width === 0 || rect.height === 0) continue;
      const line = { ...box(rect), text: node.textContent.trim().slice(0, 40) };
      allLines.push(line);
      if (!inPullquote) lines.push(line);
    }
  }
  const elements = [...article.querySelectorAll('*')].map((el) => ({ ...box(el.getBoundingClientRect()), tag: el.tagName, cls: el.className }));
  const body = article.querySelector('.bs-body');
  const firstLine = (selector) => {
    const el = article.querySelector(selector);
    const range = document.createRange();
    range.selectNodeContents(el);
    return { line: box(range.getClientRects()[0]), box: box(el.getBoundingClientRect()) };
  };
  const quote = article.querySelector('.bs-quote');
  return {
    dir: article.getAttribute('dir'),
    viewport: { scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth },
    article: { ...box(article.getBoundingClientRect()), scrollWidth: article.scrollWidth, clientWidth: article.clientWidth },
    body: box(body.getBoundingClientRect()),
    lines,
    allLines,
    elements,
    pullquotes: pullquotes.map((el) => ({
      ...box(el.getBoundingClientRect()),
      float: getComputedStyle(el).float,
      floating: el.classList.contains('bs-pullquote--floating'),
      side: el.classList.contains('bs-pullquote--start') ? 'start' : 'end',
    })),
    headline: firstLine('.bs-headline'),
    paragraph: firstLine('.bs-body > p'),
    quoteBorder: quote ? { left: getComputedStyle(quote).borderLeftWidth, right: getComputedStyle(quote).borderRightWidth } : null,
  };
}

/** Lazy images below the fold would stay empty in a full-page screenshot: load them all. */
async function loadAllImages(page) {
  await page.evaluate(() => Promise.all([...document.images].map((img) => {
    img.loading = 'eager';
    return img.complete ? null : new Promise((resolve) => { img.onload = img.onerror = resolve; });
  })));
}

const TOLERANCE = 0.5; // px, for sub-pixel rounding

function overlap(a, b) {
  const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return x > TOLERANCE && y > TOLERANCE;
}

describe('responsive layout in Chromium', () => {
  let renderer;
  let browser;
  let page;
  let pageErrors;
  const layouts = new Map(); // "name@width" -> measurements

  before(async () => {
    [renderer, browser] = await Promise.all([createRenderer(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    pageErrors = collectPageErrors(page);
    await page.route('**/*', (route) => {
      if (route.request().resourceType() === 'image') {
        return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER });
      }
      return route.abort();
    });
    const outDir = testOutputDir('responsive-layout');
    for (const example of EXAMPLES) {
      const input = readFileSync(path.join(repoRoot, 'examples', example.file), 'utf8');
      const { ok, html, css, diagnostics } = renderer.render(input);
      assert.ok(ok, `${example.file} renders: ${JSON.stringify(diagnostics)}`);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.setContent(pageHtml(html, css, width), { waitUntil: 'load' });
        await loadAllImages(page);
        layouts.set(`${example.name}@${width}`, await page.evaluate(measure));
        await page.screenshot({ path: path.join(outDir, `${example.name}-${width}.png`), fullPage: true });
      }
    }
  });

  after(async () => {
    await browser?.close();
  });

  for (const example of EXAMPLES) {
    for (const width of WIDTHS) {
      const key = `${example.name}@${width}`;

      test(`${key}: nothing overflows horizontally`, () => {
        const m = layouts.get(key);
        assert.ok(m.viewport.scrollWidth <= m.viewport.width, `page scrolls sideways: ${m.viewport.scrollWidth} > ${m.viewport.width}`);
        assert.ok(m.article.scrollWidth <= m.article.clientWidth, `article scrolls sideways: ${m.article.scrollWidth}`);
        const outside = [...m.elements, ...m.allLines].filter(
          (r) => r.width > 0 && (r.left < m.article.left - TOLERANCE || r.right > m.article.right + TOLERANCE),
        );
        assert.deepEqual(outside, [], 'boxes outside the article');
      });

      test(`${key}: pull quotes overlap neither text nor each other`, () => {
        const m = layouts.get(key);
        assert.ok(m.pullquotes.length >= 1, 'the example has pull quotes');
        for (const [i, quote] of m.pullquotes.entries()) {
          const hits = m.lines.filter((line) => overlap(quote, line));
          assert.deepEqual(hits, [], `pull quote ${i} overlaps text`);
          for (const other of m.pullquotes.slice(i + 1)) assert.ok(!overlap(quote, other), `pull quote ${i} overlaps another`);
        }
      });

      test(`${key}: pull quotes are ${width < NARROW_BELOW ? 'full width in the flow' : 'floated into alternating margins'}`, () => {
        const m = layouts.get(key);
        for (const quote of m.pullquotes) {
          if (width < NARROW_BELOW || !quote.floating) {
            assert.equal(quote.float, 'none');
            assert.ok(Math.abs(quote.width - m.body.width) <= 1, `full width: ${quote.width} vs ${m.body.width}`);
            continue;
          }
          assert.notEqual(quote.float, 'none');
          assert.ok(quote.width < m.body.width * 0.6, 'narrower than the text column');
          // "end" is the right margin in LTR and the left one in RTL.
          const onRight = (quote.side === 'end') === (m.dir === 'ltr');
          const centre = (quote.left + quote.right) / 2;
          const bodyCentre = (m.body.left + m.body.right) / 2;
          assert.ok(onRight ? centre > bodyCentre : centre < bodyCentre, `${quote.side} pull quote on the ${onRight ? 'right' : 'left'}`);
          if (width >= 1280) {
            // Wide enough for the margin: the pull quote hangs outside the text column.
            assert.ok(onRight ? quote.right > m.body.right + 1 : quote.left < m.body.left - 1, 'hangs into the margin');
          }
        }
        const floating = m.pullquotes.filter((q) => q.floating);
        for (let i = 1; i < floating.length; i++) assert.notEqual(floating[i].side, floating[i - 1].side, 'sides alternate');
      });

      test(`${key}: text runs ${example.dir === 'rtl' ? 'right to left, mirrored' : 'left to right'}`, () => {
        const m = layouts.get(key);
        assert.equal(m.dir, example.dir);
        // The first line of the headline and of the first paragraph start at the reading edge.
        for (const { line, box } of [m.headline, m.paragraph]) {
          if (m.dir === 'rtl') {
            assert.ok(Math.abs(line.right - box.right) <= 1, `starts at the right edge: ${line.right} vs ${box.right}`);
          } else {
            assert.ok(Math.abs(line.left - box.left) <= 1, `starts at the left edge: ${line.left} vs ${box.left}`);
          }
        }
        // Quote blocks carry their rule on the starting side.
        if (m.quoteBorder) {
          const [rule, other] = m.dir === 'rtl' ? [m.quoteBorder.right, m.quoteBorder.left] : [m.quoteBorder.left, m.quoteBorder.right];
          assert.notEqual(rule, '0px');
          assert.equal(other, '0px');
        }
      });
    }
  }

  test('container queries follow the container, not the viewport', async () => {
    const { html, css } = renderer.render(readFileSync(path.join(repoRoot, 'examples', 'nbca-russian-arms-nato.json'), 'utf8'));
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.setContent(pageHtml(html, css, 400), { waitUntil: 'load' });
    const floats = await page.$$eval('.bs-pullquote', (els) => els.map((el) => getComputedStyle(el).float));
    assert.ok(floats.length >= 2);
    assert.deepEqual([...new Set(floats)], ['none']);
  });

  test('themes: prefers-color-scheme, overridden by data-theme; print is light and unfloated', async () => {
    const input = readFileSync(path.join(repoRoot, 'examples', 'nbca-russian-arms-nato.json'), 'utf8');
    const background = async (theme, colorScheme, media = 'screen') => {
      const { html, css } = renderer.render(input, { theme });
      await page.emulateMedia({ colorScheme, media });
      await page.setContent(pageHtml(html, css, 1280), { waitUntil: 'load' });
      return page.$eval('.bs-article', (el) => ({
        background: getComputedStyle(el).backgroundColor,
        floats: [...el.querySelectorAll('.bs-pullquote')].map((q) => getComputedStyle(q).float),
        cta: getComputedStyle(el.querySelector('.bs-cta-wrap')).display,
      }));
    };
    const light = 'rgb(255, 255, 255)';
    try {
      await page.setViewportSize({ width: 1280, height: 900 });
      assert.equal((await background('auto', 'light')).background, light);
      const dark = (await background('auto', 'dark')).background;
      assert.notEqual(dark, light);
      assert.equal((await background('light', 'dark')).background, light);
      assert.equal((await background('dark', 'light')).background, dark);
      const printed = await background('dark', 'dark', 'print');
      assert.equal(printed.background, light);
      assert.deepEqual([...new Set(printed.floats)], ['none']);
      assert.equal(printed.cta, 'none');
    } finally {
      await page.emulateMedia({ colorScheme: 'light', media: 'screen' });
    }
  });

  test('no console or page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
