// Footnotes in Chromium (issue 16 point 4): two articles with footnotes on one page keep their ids
// apart, a reference takes the reader to its own article's note and the back-link brings them back.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { collectPageErrors, launchChromium } from '../helpers/browser.mjs';
import { repoRoot } from '../helpers/paths.mjs';

const rich = JSON.parse(readFileSync(path.join(repoRoot, 'tests/fixtures/rich/notes.json'), 'utf8'));

/** A second article with footnotes whose labels are the same as the first one's. */
function secondArticle() {
  return {
    format: 'broadsheet/article@1',
    id: 'second',
    headline: 'A second article on the same page',
    body: [
      { type: 'paragraph', text: 'Its own reference[^ministry] with the same label as the first article uses.' },
      ...Array.from({ length: 12 }, (_, i) => ({ type: 'paragraph', text: `Paragraph ${i + 1} of filler, long enough to need scrolling between the reference and the note on a small screen.` })),
    ],
    footnotes: [{ id: 'ministry', text: 'The second article’s own note.' }],
  };
}

describe('footnotes in Chromium', () => {
  let browser;
  let page;
  let errors;
  before(async () => {
    const renderer = await createRenderer();
    const first = renderer.render(rich);
    const second = renderer.render(secondArticle());
    assert.ok(first.ok && second.ok, JSON.stringify([first.diagnostics, second.diagnostics]));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 375, height: 600 } });
    errors = collectPageErrors(page);
    await page.setContent(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Two articles</title>
<style>${renderer.css}</style></head><body><main><div id="one">${first.html}</div><div id="two">${second.html}</div></main></body></html>`);
  });
  after(async () => {
    await browser?.close();
  });

  test('every id on the page is unique, and each reference points at a note of its own article', async () => {
    const facts = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
      const references = [...document.querySelectorAll('a[role="doc-noteref"]')].map((a) => {
        const target = document.getElementById(a.getAttribute('href').slice(1));
        return { sameArticle: Boolean(target) && target.closest('.bs-article') === a.closest('.bs-article'), isNote: target?.classList.contains('bs-footnote') };
      });
      const backs = [...document.querySelectorAll('a[role="doc-backlink"]')].map((a) => {
        const target = document.getElementById(a.getAttribute('href').slice(1));
        return Boolean(target) && target.closest('.bs-article') === a.closest('.bs-article') && target.getAttribute('role') === 'doc-noteref';
      });
      return { ids, references, backs };
    });
    assert.equal(new Set(facts.ids).size, facts.ids.length, `duplicate ids: ${facts.ids}`);
    assert.equal(facts.references.length, 7); // 6 in the first article (two notes referred to twice), 1 in the second
    for (const reference of facts.references) assert.deepEqual(reference, { sameArticle: true, isNote: true });
    assert.equal(facts.backs.length, 7);
    assert.ok(facts.backs.every(Boolean));
  });

  const inView = (selector) =>
    page.evaluate((s) => {
      const r = document.querySelector(s).getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }, selector);

  test('a reference scrolls to its note and the back-link returns to the reference', async () => {
    for (const host of ['#one', '#two']) {
      const reference = `${host} a[role="doc-noteref"]`;
      await page.evaluate(() => window.scrollTo(0, 0));
      const href = await page.getAttribute(reference, 'href');
      const noteSelector = `${host} [id="${href.slice(1)}"]`;
      assert.equal(await inView(noteSelector), false, `${host}: the note starts out of view`);
      await page.click(reference);
      assert.equal(await page.evaluate(() => location.hash), href);
      assert.ok(await inView(noteSelector), `${host}: the note is scrolled into view`);
      assert.equal(await page.evaluate((s) => document.querySelector(s).matches(':target'), noteSelector), true);
      // Keyboard users continue from the note: Tab reaches its back-link first.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'doc-backlink');
      const back = `${noteSelector} a[role="doc-backlink"]`;
      const backHref = await page.getAttribute(back, 'href');
      await page.click(back);
      assert.equal(await page.evaluate(() => location.hash), backHref);
      assert.ok(await inView(`${host} [id="${backHref.slice(1)}"]`), `${host}: back at the reference`);
      assert.equal(await page.evaluate((s) => document.querySelector(s).id, reference), backHref.slice(1));
    }
    assert.deepEqual(errors, []);
  });
});
