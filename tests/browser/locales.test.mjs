// Same output everywhere: an article in every locale the core carries (and a few tags that fall
// back), rendered by the WASM core in headless Chromium and in Node, gives byte-identical HTML and
// meta. Dates, times, digits and labels come from the core's compiled data, never from Intl.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { collectPageErrors, launchChromium } from '../helpers/browser.mjs';
import { repoRoot } from '../helpers/paths.mjs';
import { startLoggingServer } from '../embed/support.mjs';

const { locales } = JSON.parse(readFileSync(path.join(repoRoot, 'src/layout/locale/labels.json'), 'utf8'));
const TAGS = [...Object.keys(locales), 'kk-KZ', 'uz-Cyrl-UZ', 'zh-Hant-TW', 'ru-KZ', 'xx'];

/** An article that shows every label the core writes: byline, analysts, note, tags, dates, reading time. */
function articleIn(lang) {
  const paragraph = (i) => `Paragraph ${i} says "quoted words" and more words to read ${'word '.repeat(120)}.`;
  return JSON.stringify({
    format: 'broadsheet/article@1',
    headline: `Headline in ${lang}`,
    lang,
    published: '2007-02-20T09:00:00+06:00',
    updated: '2007-02-20T14:05:00+06:00',
    authors: [{ name: 'Author One' }, { name: 'Author Two' }, { name: 'Author Three' }],
    analysts: [{ id: 'a', name: 'Analyst Name', role: 'Role' }],
    tags: ['one', 'two'],
    note: 'A note from the editor.',
    body: Array.from({ length: 12 }, (_, i) => ({ type: 'paragraph', text: paragraph(i) })),
  });
}

describe('every locale renders the same in Chromium and in Node', () => {
  let browser;
  let server;
  before(async () => {
    server = await startLoggingServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('HTML and meta are byte-identical for each locale', async () => {
    const articles = TAGS.map(articleIn);
    const renderer = await createRenderer();
    const inNode = articles.map((json) => {
      const { html, meta, diagnostics } = renderer.render(json);
      return { html, meta, diagnostics };
    });

    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    // A blank page on the server's origin, from which the page imports the package's own shell.
    await page.route(`${server.baseUrl}/locales-test.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><meta charset="utf-8"><title>locales</title>' }),
    );
    await page.goto(`${server.baseUrl}/locales-test.html`);
    const inBrowser = await page.evaluate(async (jsons) => {
      const { createRenderer: create } = await import('/web/broadsheet.js');
      const browserRenderer = await create();
      return jsons.map((json) => {
        const { html, meta, diagnostics } = browserRenderer.render(json);
        return { html, meta, diagnostics };
      });
    }, articles);
    assert.deepEqual(errors, []);

    assert.equal(inBrowser.length, TAGS.length);
    for (const [i, tag] of TAGS.entries()) {
      assert.equal(inBrowser[i].html, inNode[i].html, `${tag}: HTML differs between Chromium and Node`);
      assert.deepEqual(inBrowser[i].meta, inNode[i].meta, `${tag}: meta differs`);
      assert.deepEqual(inNode[i].diagnostics, [], `${tag}: no diagnostics, region subtags included`);
      // Each locale's own words are in the output (so the comparison is not of English everywhere).
      const own = locales[tag];
      if (own) {
        assert.ok(inNode[i].html.includes(own.analysts), `${tag}: ${own.analysts}`);
        assert.ok(inNode[i].html.includes(`${own.updated} <time`), `${tag}: ${own.updated}`);
      }
    }
  });
});
