// Text in another direction than the article's, laid out in Chromium (issue 15, docs/layout.md "Text in
// another direction"): a headline or standfirst whose words run the other way, a block with its own
// lang, and the language switcher's names. Each test measures where words land, as
// tests/security/urls-bidi.test.mjs does for names in bylines.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { launchChromium } from '../helpers/browser.mjs';

const PARAGRAPH = { type: 'paragraph', text: 'The talks went on into the night.' };

function article(members, body = [PARAGRAPH]) {
  return { format: 'broadsheet/article@1', headline: 'Headline', body, ...members };
}

describe('text in another direction in Chromium', () => {
  let renderer;
  let browser;
  before(async () => {
    renderer = await createRenderer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  /**
   * For each selector, the box of the element and of each word's first occurrence in it, as laid out
   * in a 700px column with the renderer's stylesheet.
   */
  async function layOut(html, wanted) {
    const page = await browser.newPage({ viewport: { width: 700, height: 900 } });
    await page.setContent(`<!DOCTYPE html><meta charset="utf-8"><style>${renderer.css}</style>
      <body style="margin:0; font-family: 'DejaVu Sans'">${html}</body>`);
    const boxes = await page.evaluate((wanted) => {
      const out = {};
      for (const [selector, words] of Object.entries(wanted)) {
        const element = document.querySelector(selector);
        const box = element.getBoundingClientRect();
        const found = { element: { left: box.left, right: box.right }, dir: getComputedStyle(element).direction };
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const word of words) {
            const at = node.data.indexOf(word);
            if (at < 0 || word in found) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + word.length);
            const rect = range.getBoundingClientRect();
            found[word] = { left: rect.left, right: rect.right, top: rect.top };
          }
        }
        out[selector] = found;
      }
      return out;
    }, wanted);
    await page.close();
    return boxes;
  }

  test('an Arabic headline and standfirst in an English article read right to left, from the right edge', async () => {
    const { html } = renderer.render(article({
      headline: 'تحليل جديد لعلاقات NATO',
      standfirst: 'هل تتغير السياسة؟ يقول المحللون لا',
    }));
    assert.match(html, /<h1 class="bs-headline" dir="rtl">/);
    const at = await layOut(html, {
      '.bs-headline': ['تحليل', 'جديد', 'NATO'],
      '.bs-standfirst': ['هل', 'السياسة؟', 'لا'],
    });
    const h = at['.bs-headline'];
    assert.equal(h.dir, 'rtl');
    // The first word starts at the right edge; the Latin word that ends the sentence is leftmost.
    assert.ok(h['تحليل'].left > h['جديد'].left && h['جديد'].left > h.NATO.left, JSON.stringify(h));
    assert.ok(h.element.right - h['تحليل'].right < 2, JSON.stringify(h));
    const s = at['.bs-standfirst'];
    assert.equal(s.dir, 'rtl');
    // The question mark stays at the end of its word (its left), not at the far end of the line.
    assert.ok(s['هل'].left > s['السياسة؟'].left && s['السياسة؟'].left > s['لا'].left, JSON.stringify(s));
  });

  test('an English headline in an Arabic article reads left to right; a headline in the article\'s direction is left alone', async () => {
    const { html } = renderer.render(article({ lang: 'ar', headline: 'NATO and Kazakhstan: what changes for قطر?' }));
    assert.match(html, /<h1 class="bs-headline" dir="ltr">/);
    const h = (await layOut(html, { '.bs-headline': ['NATO', 'Kazakhstan', 'قطر'] }))['.bs-headline'];
    assert.equal(h.dir, 'ltr');
    assert.ok(h.NATO.left < h.Kazakhstan.left, JSON.stringify(h));
    assert.ok(h.NATO.left - h.element.left < 2, JSON.stringify(h));
    // An English headline that opens with an Arabic name stays an English sentence (dir="auto" would not).
    const named = renderer.render(article({ headline: 'القنديلي says the talks went well' }));
    assert.match(named.html, /<h1 class="bs-headline">/);
    const n = (await layOut(named.html, { '.bs-headline': ['القنديلي', 'says', 'well'] }))['.bs-headline'];
    assert.equal(n.dir, 'ltr');
    assert.ok(n['القنديلي'].left < n.says.left && n.says.left < n.well.left, JSON.stringify(n));
  });

  test('a block with its own lang lays out in its script\'s direction; switcher names in theirs', async () => {
    const { html } = renderer.render(article({
      translations: [{ lang: 'ar', url: 'https://example.org/ar' }, { lang: 'kk', url: 'https://example.org/kk' }],
    }, [PARAGRAPH, { type: 'paragraph', text: 'قال الوزير إن NATO شريك', lang: 'ar' }]));
    const at = await layOut(html, {
      '.bs-body p[lang="ar"]': ['قال', 'NATO', 'شريك'],
      '.bs-translations a[lang="ar"]': ['العربية'],
      '.bs-translations a[lang="kk"]': ['қазақ'],
    });
    const p = at['.bs-body p[lang="ar"]'];
    assert.equal(p.dir, 'rtl');
    assert.ok(p['قال'].left > p.NATO.left && p.NATO.left > p['شريك'].left, JSON.stringify(p));
    assert.equal(at['.bs-translations a[lang="ar"]'].dir, 'rtl');
    assert.equal(at['.bs-translations a[lang="kk"]'].dir, 'ltr');
    // The switcher reads in the article's order: the Arabic link before the Kazakh one, left to right.
    assert.ok(at['.bs-translations a[lang="ar"]'].element.right <= at['.bs-translations a[lang="kk"]'].element.left);
  });
});
