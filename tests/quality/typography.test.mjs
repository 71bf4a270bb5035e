// Reading comfort, measured in headless Chromium on the laid-out article:
//   - the measure: at 768 and 1280 px, body text holds 45–85 characters a line (the median of the full
//     lines, apart for lines in the text column and lines running around a floating pull quote), and
//     no full line holds more than 85;
//   - line height of at least 1.4 for all text but headings (the headline and headings are display
//     type, set at 1.2);
//   - no text smaller than 14px, at 320 px and at every other width.
// A "full line" is every line of a paragraph but its last; characters are grapheme clusters (an Arabic
// letter with its vowel marks counts once).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EXAMPLES, exampleText, hostPage, openOfflinePage } from './support.mjs';
import { stressArticles } from './stress-articles.mjs';

const MEASURE = { min: 45, max: 85 };
const MIN_LINE_HEIGHT = 1.4;
const MIN_FONT_PX = 14;

/** In the page: the full lines of body text, each with its characters and whether a pull quote floats beside it. */
function bodyLines() {
  const floats = [...document.querySelectorAll('.bs-pullquote')]
    .filter((pq) => getComputedStyle(pq).float !== 'none')
    .map((pq) => pq.getBoundingClientRect());
  const segmenter = new Intl.Segmenter(document.documentElement.lang, { granularity: 'grapheme' });
  const blocks = document.querySelectorAll('.bs-standfirst, .bs-body p:not(.bs-pullquote *), .bs-body li, .bs-callout p, .bs-note p');
  const lines = [];
  const range = document.createRange();
  for (const block of blocks) {
    const rows = [];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('ul, ol') !== block.closest('ul, ol')) continue; // nested lists count apart
      for (const { index, segment } of segmenter.segment(node.textContent)) {
        range.setStart(node, index);
        range.setEnd(node, index + segment.length);
        const rect = [...range.getClientRects()].find((r) => r.width > 0 || r.height > 0);
        if (!rect) continue;
        const row = rows.at(-1);
        if (!row || rect.top >= row.top + row.height / 2) rows.push({ top: rect.top, height: rect.height, chars: 1, text: segment });
        else {
          row.chars += 1;
          row.text += segment;
        }
      }
    }
    for (const row of rows.slice(0, -1)) {
      lines.push({
        chars: row.chars,
        text: row.text.trim().slice(0, 50),
        beside: floats.some((f) => row.top < f.bottom && row.top + row.height > f.top),
      });
    }
  }
  return lines;
}

/** In the page: every element that holds text of its own, with its font size and line height. */
function textStyles() {
  const results = [];
  for (const element of document.querySelectorAll('.bs-article, .bs-article *')) {
    const ownText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!ownText) continue;
    const style = getComputedStyle(element);
    const fontSize = parseFloat(style.fontSize);
    const block = element.closest('p, li, h1, h2, h3, h4, h5, h6, figcaption, pre, blockquote, .bs-article');
    const blockStyle = getComputedStyle(block);
    results.push({
      tag: element.tagName.toLowerCase(),
      cls: element.className,
      text: element.textContent.trim().slice(0, 40),
      fontSize,
      heading: /^H[1-6]$/.test(block.tagName),
      lineHeight: blockStyle.lineHeight === 'normal' ? 0 : parseFloat(blockStyle.lineHeight) / parseFloat(blockStyle.fontSize),
    });
  }
  return results;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

describe('typography and reading comfort (Chromium)', () => {
  let renderer;
  let browser;
  let page;
  let pageErrors;

  before(async () => {
    ({ renderer, browser, page, pageErrors } = await openOfflinePage({ width: 1280, height: 900 }));
  });

  after(async () => {
    await browser?.close();
  });

  async function show(input, width) {
    const { html, css, meta } = renderer.render(input);
    assert.ok(html, 'renders');
    await page.setViewportSize({ width, height: 900 });
    await page.setContent(hostPage({ html, css, width, lang: meta.lang, dir: meta.dir }), { waitUntil: 'load' });
  }

  for (const example of EXAMPLES) {
    for (const width of [768, 1280]) {
      test(`measure ${MEASURE.min}–${MEASURE.max} characters a line: ${example.name} at ${width}px`, async (t) => {
        await show(exampleText(example), width);
        const lines = await page.evaluate(bodyLines);
        const column = lines.filter((line) => !line.beside).map((line) => line.chars);
        const runaround = lines.filter((line) => line.beside).map((line) => line.chars);
        assert.ok(column.length >= 5, 'enough lines to measure');
        const columnMedian = median(column);
        assert.ok(columnMedian >= MEASURE.min && columnMedian <= MEASURE.max, `column: ${columnMedian} characters a line`);
        if (runaround.length >= 3) {
          const runaroundMedian = median(runaround);
          assert.ok(runaroundMedian >= MEASURE.min && runaroundMedian <= MEASURE.max, `beside pull quotes: ${runaroundMedian} characters a line`);
        }
        const tooLong = lines.filter((line) => line.chars > MEASURE.max).map((line) => `${line.chars}: ${line.text}…`);
        assert.deepEqual(tooLong, [], 'lines longer than the measure');
        t.diagnostic(`column median ${columnMedian} (${column.length} lines), beside pull quotes median ${runaround.length ? median(runaround) : '-'} (${runaround.length} lines)`);
      });
    }
  }

  const sizeCases = [
    ...EXAMPLES.map((example) => ({ name: example.name, input: exampleText(example) })),
    ...stressArticles().filter((s) => ['stress-kitchen-sink', 'stress-careless-headings'].includes(s.name))
      .map((s) => ({ name: s.name, input: JSON.stringify(s.input) })),
  ];
  for (const { name, input } of sizeCases) {
    test(`text at least ${MIN_FONT_PX}px at every width, line height at least ${MIN_LINE_HEIGHT} but in headings: ${name}`, async () => {
      for (const width of [320, 768, 1280]) {
        await show(input, width);
        const styles = await page.evaluate(textStyles);
        assert.ok(styles.length > 5);
        const small = styles.filter((s) => s.fontSize < MIN_FONT_PX - 0.01).map((s) => `${s.fontSize}px <${s.tag} class="${s.cls}">${s.text}`);
        assert.deepEqual(small, [], `text smaller than ${MIN_FONT_PX}px at ${width}px`);
        const tight = styles.filter((s) => !s.heading && s.lineHeight < MIN_LINE_HEIGHT)
          .map((s) => `${s.lineHeight.toFixed(2)} <${s.tag} class="${s.cls}">${s.text}`);
        assert.deepEqual(tight, [], `line height under ${MIN_LINE_HEIGHT} at ${width}px`);
      }
    });
  }

  test('no console errors', () => {
    assert.deepEqual(pageErrors.filter((e) => !/ERR_FAILED|net::/.test(e)), []);
  });
});
