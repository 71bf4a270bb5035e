// Issue 13, points 5, 6 and 8 through the WebAssembly build: URLs resolve against the article, links to
// other sites carry rel, images a referrer policy, the core writes ::part() names from its own
// structure, and bidi controls in names cannot reorder the text around them (measured in Chromium).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { readFileSync } from 'node:fs';
import { launchChromium } from '../helpers/browser.mjs';

// The ::part() names are API documented in docs/markup.md's table ("| `name` | `.bs-class` |" pairs,
// where one cell may list several): the core's names are checked against the documentation.
const PART_NAMES = Object.fromEntries([...readFileSync(new URL('../../docs/markup.md', import.meta.url), 'utf8')
  .matchAll(/\| (`[a-z-]+`(?:, `[a-z-]+`)*) \| (`\.bs-[a-z-]+`(?:, `\.bs-[a-z-]+`)*) /g)]
  .flatMap(([, parts, classes]) => {
    const names = parts.match(/[a-z-]+/g);
    return classes.match(/bs-[a-z-]+/g).map((className, i) => [className, names[i]]);
  }));

const article = (members, body) => ({
  format: 'broadsheet/article@1',
  headline: 'Resolution',
  ...members,
  body: body ?? [{ type: 'paragraph', text: 'One paragraph.' }],
});

const relative = article(
  { image: { src: 'img/lead.jpg', alt: 'Lead', width: 4, height: 3 }, canonicalUrl: '/world/story' },
  [
    { type: 'paragraph', text: 'See [us](/about), [them](https://other.example/x) and ![chart](../charts/1.png).' },
    { type: 'image', src: '//cdn.example/b.jpg', alt: 'B', width: 4, height: 3 },
  ],
);

const srcs = (html) => [...html.matchAll(/<img [^>]*src="([^"]*)"/g)].map((m) => m[1]);

describe('URLs, rel, referrerpolicy and parts from the core', () => {
  let renderer;
  before(async () => {
    renderer = await createRenderer();
  });

  test('with baseUrl, relative image URLs point at the article\'s origin, never the page\'s', () => {
    const result = renderer.render(relative, { baseUrl: 'https://publisher.example/world/2024/story.json' });
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(srcs(result.html), [
      'https://publisher.example/world/2024/img/lead.jpg',
      'https://publisher.example/world/charts/1.png',
      'https://cdn.example/b.jpg',
    ]);
    assert.equal(result.meta.canonicalUrl, 'https://publisher.example/world/story');
    assert.match(result.html, /<a href="https:\/\/publisher\.example\/about">us<\/a>/);
    assert.match(result.html, /<a href="https:\/\/other\.example\/x" rel="noopener">them<\/a>/);
  });

  test('without a base, "drop" leaves out path-relative images with warnings; the default keeps them', () => {
    const dropped = renderer.render(relative, { relativeImages: 'drop' });
    assert.equal(dropped.ok, true);
    assert.deepEqual(dropped.diagnostics.map((d) => `${d.code} ${d.path}`), ['BS-URL-RELATIVE /image/src', 'BS-URL-RELATIVE /body/0/text']);
    assert.deepEqual(srcs(dropped.html), ['https://cdn.example/b.jpg']);
    assert.deepEqual(renderer.validate(relative, { relativeImages: 'drop' }).diagnostics, dropped.diagnostics);
    assert.deepEqual(srcs(renderer.render(relative).html), ['img/lead.jpg', '../charts/1.png', 'https://cdn.example/b.jpg']);
  });

  test('linkRel and imageReferrerPolicy reach the markup; bad values are BS-OPTION warnings', () => {
    const result = renderer.render(relative, { linkRel: 'nofollow ugc', imageReferrerPolicy: 'no-referrer' });
    assert.match(result.html, /href="https:\/\/other\.example\/x" rel="noopener nofollow ugc"/);
    assert.equal((result.html.match(/referrerpolicy="no-referrer"/g) ?? []).length, srcs(result.html).length);
    const bad = renderer.render(relative, { baseUrl: '//publisher.example/', linkRel: 'opener', imageReferrerPolicy: 'always' });
    assert.deepEqual(bad.diagnostics.map((d) => `${d.code} ${d.path}`),
      ['BS-OPTION /baseUrl', 'BS-OPTION /imageReferrerPolicy', 'BS-OPTION /linkRel']);
    assert.doesNotMatch(bad.html, /referrerpolicy|nofollow/);
  });

  test('parts: every element with a contract class carries exactly its classes\' part names', () => {
    const full = article({
      section: 'S', standfirst: 'Sf', authors: [{ name: 'A' }], tags: ['t'], note: 'n',
      image: { src: 'https://e.example/a.jpg', alt: 'a' },
      callToAction: { label: 'Go', url: 'https://e.example' }, publisher: { name: 'P' },
      analysts: [{ id: 'x', name: 'X' }],
      syndication: { source: { name: 'Src' }, originalUrl: 'https://e.example/o', license: 'CC-BY-4.0' },
      corrections: [{ date: '2026-12-05', text: 'c' }], translations: [{ lang: 'kk', url: 'https://e.example/kk' }],
    }, [
      { type: 'paragraph', text: 'Words <span class="bs-cta">spelled</span> class="bs-note".' },
      { type: 'heading', text: 'H' }, { type: 'quote', text: 'q', by: 'x' }, { type: 'paragraph', text: 'p' }, { type: 'pullquote', text: 'p' },
      { type: 'note', text: 'c' }, { type: 'markdown', text: '## M\n\n<p class="bs-footer">raw</p>' },
      { type: 'gallery', images: [{ src: 'https://e.example/g.jpg', alt: 'g', width: 4, height: 3 }] },
      { type: 'table', caption: 'T', header: ['h'], rows: [['1']] },
    ]);
    const { html } = renderer.render(full, { parts: true });
    const seen = new Set();
    for (const [tag] of html.matchAll(/<[a-z][a-z0-9]*(?:\s[^<>]*)?>/g)) {
      const classes = /\sclass="([^"]*)"/.exec(tag)?.[1] ?? '';
      const expected = classes.split(' ').map((c) => PART_NAMES[c]).filter(Boolean).join(' ');
      assert.equal(/\spart="([^"]*)"/.exec(tag)?.[1] ?? '', expected, tag);
      for (const name of expected.split(' ').filter(Boolean)) seen.add(name);
    }
    assert.deepEqual([...seen].sort(), Object.values(PART_NAMES).sort());
    assert.doesNotMatch(renderer.render(full).html, /\spart="/);
  });
});

describe('bidi isolation in Chromium', () => {
  let renderer;
  let browser;
  before(async () => {
    renderer = await createRenderer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  // The x of the left edge of each word's first occurrence in the byline, as laid out.
  async function wordPositions(html, words) {
    const page = await browser.newPage();
    await page.setContent(`<!DOCTYPE html><meta charset="utf-8"><body style="font: 16px DejaVu Sans">${html}</body>`);
    const positions = await page.evaluate((wanted) => {
      const byline = document.querySelector('.bs-byline');
      const walker = document.createTreeWalker(byline, NodeFilter.SHOW_TEXT);
      const found = {};
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of wanted) {
          const at = node.data.indexOf(word);
          if (at < 0 || word in found) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + word.length);
          const rect = range.getBoundingClientRect();
          found[word] = { left: rect.left, top: rect.top };
        }
      }
      return found;
    }, words);
    await page.close();
    return positions;
  }

  test('an override in a name does not reorder the byline after it', async () => {
    const { html, diagnostics } = renderer.render(article({
      authors: [{ name: 'Ann \u202EEvil', role: 'reporter' }, { name: 'Bo Editor' }],
    }));
    assert.deepEqual(diagnostics.map((d) => `${d.code} ${d.path}`), ['BS-BIDI /authors/0/name']);
    const at = await wordPositions(html, ['Ann', 'Evil', 'reporter', 'and', 'Bo']);
    assert.ok(at.Ann.left < at.Evil.left && at.Evil.left < at.reporter.left && at.reporter.left < at.and.left && at.and.left < at.Bo.left,
      JSON.stringify(at));
  });

  test('an Arabic name in an English byline and an English name in an Arabic one read in order', async () => {
    const english = renderer.render(article({ authors: [{ name: 'سامر القنديلي', role: 'analyst' }, { name: 'Bo Editor' }] }));
    const en = await wordPositions(english.html, ['By', 'سامر', 'القنديلي', 'analyst', 'and', 'Bo']);
    // The English sentence runs left to right; the name's own words run right to left inside it. (This
    // simple case reads right without isolation too; the Arabic byline below does not.)
    assert.ok(en.By.left < en['القنديلي'].left && en['القنديلي'].left < en['سامر'].left && en['سامر'].left < en.analyst.left &&
      en.analyst.left < en.and.left && en.and.left < en.Bo.left, JSON.stringify(en));

    const arabic = renderer.render(article({ lang: 'ar', authors: [{ name: 'John Smith', role: '3 محلل' }, { name: 'سامر' }] }));
    const ar = await wordPositions(arabic.html, ['John', 'Smith', '3', 'محلل', 'سامر']);
    // The Arabic sentence runs right to left; the English name keeps "John Smith" inside it, and its
    // role, which starts with a digit, stays after it (to its left).
    assert.ok(ar.John.left < ar.Smith.left, JSON.stringify(ar));
    assert.ok(ar.Smith.left > ar['محلل'].left && ar['محلل'].left > ar['سامر'].left, JSON.stringify(ar));
    // Without isolation the role's "3" joins the name's left-to-right run and lands right of "Smith".
    assert.ok(ar['3'].left < ar.John.left, JSON.stringify(ar));
  });
});
