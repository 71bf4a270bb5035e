// Pull quotes and display type that fit any width, measured in headless Chromium (issue 14): short,
// quote-heavy Russian and Kazakh analysis pieces (tests/quality/fixtures/pullquote-fit-*.json, three
// floating pull quotes and an anchored one each) in containers of 280, 320, 375, 768, 1280 and 1600 px.
//   - every pull quote's border box lies inside the article's border box;
//   - no two pull quotes overlap;
//   - no pull quote overlaps a line of body text (the client rects of every text node in the body);
//   - in the headline, the standfirst and the pull quotes, a word of 12 letters or fewer sits on one
//     line (the rects of all its characters share a line), and a longer word breaks only where the core
//     put a soft hyphen. Headless Chromium on Linux has no hyphenation dictionaries, so the soft hyphens
//     are all there is: a break anywhere else is `overflow-wrap` breaking the word. Failures show the
//     word with "|" where the lines broke.
// Rects are compared with a tolerance of half a pixel (sub-pixel layout).
//
// To see the assertions fail on another stylesheet (an older one, say), point BROADSHEET_TEST_CSS at
// it: `git show HEAD~3:src/html/broadsheet.css > /tmp/old.css; BROADSHEET_TEST_CSS=/tmp/old.css node
// --test tests/quality/pullquote-fit.test.mjs`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot } from '../helpers/paths.mjs';
import { hostPage, openOfflinePage } from './support.mjs';

// PULLQUOTE_FIT_SWEEP=1 checks every 20px from 280 to 1600 instead (slow; for changes to the CSS).
const WIDTHS = process.env.PULLQUOTE_FIT_SWEEP === '1'
  ? Array.from({ length: 67 }, (_, i) => 280 + 20 * i)
  : [280, 320, 375, 768, 1280, 1600];
const LANGUAGES = ['ru', 'kk'];
const MAX_UNBROKEN_LETTERS = 12;
const cssOverride = process.env.BROADSHEET_TEST_CSS ? readFileSync(process.env.BROADSHEET_TEST_CSS, 'utf8') : null;

function fixture(lang) {
  return readFileSync(path.join(repoRoot, 'tests', 'quality', 'fixtures', `pullquote-fit-${lang}.json`), 'utf8');
}

/** In the page: the boxes the assertions compare, and the words of display text with the lines they fall on. */
function measure(maxUnbroken) {
  const EPS = 0.5;
  const plain = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  const overlap = (a, b) => a.left < b.right - EPS && b.left < a.right - EPS && a.top < b.bottom - EPS && b.top < a.bottom - EPS;
  const article = document.querySelector('.bs-article');
  const articleRect = plain(article.getBoundingClientRect());
  const pullquotes = [...document.querySelectorAll('.bs-pullquote')].map((pq) => ({
    text: pq.querySelector('.bs-pullquote-text').textContent.slice(0, 40),
    floating: getComputedStyle(pq).float !== 'none',
    rect: plain(pq.getBoundingClientRect()),
  }));
  const range = document.createRange();

  const outside = pullquotes.filter(({ rect: r }) => r.left < articleRect.left - EPS || r.right > articleRect.right + EPS
    || r.top < articleRect.top - EPS || r.bottom > articleRect.bottom + EPS)
    .map((pq) => `${pq.text}: ${JSON.stringify(pq.rect)} outside ${JSON.stringify(articleRect)}`);

  const overlapping = [];
  for (let i = 0; i < pullquotes.length; i++) {
    for (let j = i + 1; j < pullquotes.length; j++) {
      if (overlap(pullquotes[i].rect, pullquotes[j].rect)) overlapping.push(`${pullquotes[i].text} / ${pullquotes[j].text}`);
    }
  }

  // Every line of body text outside the pull quotes.
  const textLines = [];
  const body = document.querySelector('.bs-body');
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('.bs-pullquote') || !node.data.trim()) continue;
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) textLines.push({ text: node.data.slice(0, 30), rect: plain(r) });
  }
  const overText = [];
  for (const pq of pullquotes) {
    for (const line of textLines) if (overlap(pq.rect, line.rect)) overText.push(`${pq.text} over "${line.text}…"`);
  }

  // Words of display text: each word's letters and the line each falls on.
  const segmenter = new Intl.Segmenter(document.documentElement.lang, { granularity: 'word' });
  const brokenShort = [];
  const brokenElsewhere = [];
  const softHyphenated = [];
  let words = 0;
  for (const element of document.querySelectorAll('.bs-headline, .bs-standfirst, .bs-pullquote-text')) {
    const textWalker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = textWalker.nextNode(); node; node = textWalker.nextNode()) {
      for (const { segment, index, isWordLike } of segmenter.segment(node.data)) {
        if (!isWordLike) continue;
        const letters = segment.replace(/\u00AD/g, '').match(/\p{L}/gu)?.length ?? 0;
        if (letters === 0) continue;
        words += 1;
        if (segment.includes('\u00AD')) softHyphenated.push(segment.replace(/\u00AD/g, '-'));
        // The line of each character but soft hyphens: a new line starts where a character's top is
        // more than half its height below the previous one's.
        let previous = null;
        let sinceLast = '';
        const breaks = [];
        let lines = '';
        for (let k = 0; k < segment.length; k++) {
          if (segment[k] === '\u00AD') {
            sinceLast += segment[k];
            continue;
          }
          range.setStart(node, index + k);
          range.setEnd(node, index + k + 1);
          const r = [...range.getClientRects()].filter((x) => x.width > 0 && x.height > 0).at(-1);
          if (!r) continue;
          if (previous && r.top > previous.top + previous.height / 2) {
            breaks.push(sinceLast.includes('\u00AD'));
            lines += '|';
          }
          lines += segment[k];
          previous = r;
          sinceLast = '';
        }
        const shown = lines;
        if (breaks.length > 0 && letters <= maxUnbroken) brokenShort.push(`${shown} (${letters} letters) in .${element.className}`);
        if (breaks.some((atSoftHyphen) => !atSoftHyphen)) brokenElsewhere.push(`${shown} in .${element.className}`);
      }
    }
  }
  return { pullquotes, outside, overlapping, overText, brokenShort, brokenElsewhere, softHyphenated, words, textLines: textLines.length };
}

describe('pull quotes and display type fit every width (Chromium)', () => {
  let renderer;
  let browser;
  let page;
  let pageErrors;

  before(async () => {
    ({ renderer, browser, page, pageErrors } = await openOfflinePage({ width: 1700, height: 900 }));
  });

  after(async () => {
    await browser?.close();
  });

  for (const lang of LANGUAGES) {
    for (const width of WIDTHS) {
      test(`${lang} at ${width}px: pull quotes inside the article, clear of each other and of the text; short words whole`, async (t) => {
        const { html, css, meta } = renderer.render(fixture(lang));
        assert.ok(html, 'renders');
        assert.ok(meta.pullquotes.placed >= 3, `at least three pull quotes placed (${meta.pullquotes.placed})`);
        await page.setViewportSize({ width: Math.max(width + 40, 400), height: 900 });
        await page.setContent(hostPage({ html, css: cssOverride ?? css, width, lang: meta.lang, dir: meta.dir }), { waitUntil: 'load' });
        const m = await page.evaluate(measure, MAX_UNBROKEN_LETTERS);

        assert.equal(m.pullquotes.length, meta.pullquotes.placed, 'every placed pull quote is in the page');
        assert.ok(m.textLines > 20, 'body text to compare against');
        assert.ok(m.words > 30 && m.softHyphenated.length >= 3, `display text with long words hyphenated by the core (${m.softHyphenated.join(', ')})`);
        if (width >= 768) assert.ok(m.pullquotes.some((pq) => pq.floating), 'floating pull quotes float in wide containers');
        // All five checks in one comparison, so a failure shows every problem at this width.
        const problems = {
          outsideArticle: m.outside,
          overlappingEachOther: m.overlapping,
          overBodyText: m.overText,
          [`wordsOf${MAX_UNBROKEN_LETTERS}OrFewerLettersBroken`]: m.brokenShort,
          longWordsBrokenNotAtSoftHyphen: m.brokenElsewhere,
        };
        const none = Object.fromEntries(Object.keys(problems).map((key) => [key, []]));
        assert.deepEqual(problems, none);
        t.diagnostic(`${m.pullquotes.length} pull quotes (${m.pullquotes.filter((pq) => pq.floating).length} floating), ${m.words} display words, ${m.textLines} body lines`);
      });
    }
  }

  test('no console errors', () => {
    assert.deepEqual(pageErrors.filter((e) => !/ERR_FAILED|net::/.test(e)), []);
  });
});
