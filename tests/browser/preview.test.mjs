// The preview page in headless Chromium: the seed article rendered by the WASM core, live editing.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../../scripts/serve.js';
import { createRenderer, liteCoreOptions } from '../../web/broadsheet.js';
import { embedSnippet } from '../../web/embed-snippet.js';
import { collectPageErrors, launchChromium } from '../helpers/browser.mjs';
import { exampleAnalysts, repoRoot, testOutputDir } from '../helpers/paths.mjs';

describe('preview page', () => {
  let server;
  let browser;
  let page;
  let pageErrors;
  let baseUrl;

  before(async () => {
    server = startServer({ port: 0 });
    await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${server.address().port}`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    pageErrors = collectPageErrors(page);
    await page.goto(`${baseUrl}/`);
    await waitUntilLoaded(page);
  });

  /** Waits for the page to finish starting; fails with the page's own status message if it could not. */
  async function waitUntilLoaded(target) {
    await target.locator('body:not([data-state="loading"])').waitFor({ timeout: 30_000 });
    const state = await target.locator('body').getAttribute('data-state');
    const status = await target.locator('[data-testid="status"]').innerText();
    assert.equal(state, 'ready', `the page did not start: ${status}; ${pageErrors.join('; ')}`);
  }

  after(async () => {
    await browser?.close();
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('the seed article is rendered inside the shadow root with all its parts', async () => {
    assert.equal(new URL(page.url()).pathname, '/web/');
    const preview = page.locator('[data-testid="preview"]');
    const headline = preview.locator('.bs-headline');
    await headline.waitFor();
    // \s: the headline's last two words are bound by a no-break space (no widow).
    assert.match(await headline.innerText(), /Reliance on Russian Arms Won.t Hamper NATO\sTies/);

    const byline = preview.locator('.bs-byline');
    assert.ok(await byline.isVisible(), 'byline visible');
    const bylineText = await byline.innerText();
    for (const name of exampleAnalysts) assert.ok(bylineText.includes(name), `byline names ${name}`);

    const pullquotes = preview.locator('.bs-pullquote');
    assert.ok(await pullquotes.count() >= 2, 'at least two pull quotes');
    for (const quote of await pullquotes.all()) assert.ok(await quote.isVisible(), 'pull quote visible');

    const panel = preview.locator('.bs-analysts');
    assert.ok(await panel.isVisible(), 'analyst panel visible');
    const panelText = await panel.innerText();
    for (const name of exampleAnalysts) assert.ok(panelText.includes(name), `panel names ${name}`);
    assert.ok(await preview.locator('a.bs-cta').isVisible(), 'call to action visible');

    // The article is isolated from the page: it lives in the <broadsheet-article> element's open shadow
    // root, with two adopted stylesheets (the element's own and the core's).
    const inShadow = await page.evaluate(() => {
      const host = document.querySelector('[data-testid="preview"]');
      return {
        light: document.querySelectorAll('.bs-article').length,
        shadow: host.shadowRoot.querySelectorAll('.bs-article').length,
        sheets: host.shadowRoot.adoptedStyleSheets.length + host.shadowRoot.querySelectorAll('style').length,
      };
    });
    assert.deepEqual(inShadow, { light: 0, shadow: 1, sheets: 2 });

    assert.match(await page.locator('[data-testid="render-time"]').innerText(), /median/);
    await page.screenshot({ path: path.join(testOutputDir(), 'preview.png'), fullPage: false });
  });

  test('typing in the editor re-renders the article', async () => {
    const editor = page.locator('[data-testid="editor"]');
    // Select the headline's text in the JSON (CodeMirror, in the host's shadow root) and type over it.
    await editor.evaluate((host) => {
      const key = '"headline": "';
      const start = host.value.indexOf(key) + key.length;
      const end = host.value.indexOf('"', start);
      host.editorView.dispatch({ selection: { anchor: start, head: end } });
      host.editorView.focus();
    });
    await page.keyboard.type('Edited in the preview', { delay: 5 });

    const headline = page.locator('[data-testid="preview"] .bs-headline');
    await page.waitForFunction(() => document.querySelector('[data-testid="preview"]').shadowRoot
      .querySelector('.bs-headline')?.textContent.replace(/\u00a0/g, ' ').includes('Edited in the preview'));
    // The headline's last two words are bound by a no-break space (no widow).
    assert.equal((await headline.innerText()).trim(), 'Edited in the\u00a0preview');
    assert.equal(await page.locator('[data-testid="diagnostics"] li').count(), 0);
  });

  test('a syntax error is listed and clicking it puts the cursor at its position in the editor', async () => {
    const editor = page.locator('[data-testid="editor"]');
    await editor.evaluate((host) => {
      const at = host.value.indexOf('"section"');
      host.editorView.dispatch({ selection: { anchor: at } });
      host.editorView.focus();
    });
    await page.keyboard.type('}'); // a stray brace: invalid JSON
    const item = page.locator('[data-testid="diagnostics"] li', { hasText: 'BS-JSON-SYNTAX' });
    await item.waitFor();
    const text = await item.innerText();
    const [, line, column] = text.match(/ (\d+):(\d+) BS-JSON-SYNTAX/);
    assert.match(await page.locator('[data-testid="status"]').innerText(), /1 error/);

    await editor.evaluate((host) => host.editorView.dispatch({ selection: { anchor: 0 } }));
    await item.locator('button').click();
    const selected = await editor.evaluate((host) => {
      const before = host.value.slice(0, host.editorView.state.selection.main.head).split('\n');
      return { line: before.length, column: before.at(-1).length + 1, focused: host.editorView.hasFocus };
    });
    assert.equal(selected.line, Number(line));
    assert.equal(selected.column, Number(column));
    assert.equal(selected.focused, true);

    // Undo the stray brace and the preview recovers.
    await editor.evaluate((host) => { host.value = host.value.replace('}"section"', '"section"'); });
    await page.locator('[data-testid="diagnostics"] li').first().waitFor({ state: 'detached' });
    assert.match(await page.locator('[data-testid="status"]').innerText(), /No problems/);
  });

  test('?example= opens another example; a right-to-left one renders right to left', async () => {
    const other = await browser.newPage();
    const errors = collectPageErrors(other);
    try {
      await other.goto(`${baseUrl}/web/?example=arabic-brief`);
      await waitUntilLoaded(other);
      const article = other.locator('[data-testid="preview"] .bs-article');
      assert.equal(await article.getAttribute('dir'), 'rtl');
      assert.equal(await article.getAttribute('lang'), 'ar');
      assert.ok(await article.locator('.bs-headline').isVisible());
      await other.screenshot({ path: path.join(testOutputDir(), 'preview-rtl.png') });
      assert.deepEqual(errors, []);
    } finally {
      await other.close();
    }
  });

  test('in the browser too, a renderer whose core throws restarts it synchronously', async () => {
    const outcome = await page.evaluate(async () => {
      const { createRenderer } = await import('/web/broadsheet.js');
      const { default: realFactory } = await import('/web/core/broadsheet-core.js');
      let instances = 0;
      let trapNext = false;
      const moduleFactory = (args) => {
        instances += 1;
        return realFactory(args).then((core) => {
          const render = core._broadsheet_render;
          core._broadsheet_render = (...callArgs) => {
            if (trapNext) {
              trapNext = false;
              throw new WebAssembly.RuntimeError('unreachable');
            }
            return render.apply(core, callArgs);
          };
          return core;
        });
      };
      const renderer = await createRenderer({ moduleFactory });
      const text = await (await fetch('/examples/nbca-russian-arms-nato.json')).text();
      trapNext = true;
      const failed = renderer.render(text);
      const next = renderer.render(text);
      return { instances, failed: failed.diagnostics.map((d) => d.code), nextOk: next.ok };
    });
    assert.deepEqual(outcome, { instances: 2, failed: ['BS-INTERNAL'], nextOk: true });
  });

  test('width presets and theme re-render the preview; the language selector loads a sample in that language', async () => {
    const preview = page.locator('[data-testid="preview"]');
    const article = preview.locator('.bs-article');
    for (const width of ['360', '768', '1280']) {
      await page.selectOption('[data-testid="width"]', width);
      assert.equal(await article.evaluate((node) => node.getBoundingClientRect().width), Number(width), `${width}px`);
    }
    await page.selectOption('[data-testid="width"]', 'fill');

    await page.selectOption('[data-testid="theme"]', 'dark');
    await page.waitForFunction(() => document.querySelector('[data-testid="preview"]').shadowRoot
      .querySelector('.bs-article')?.dataset.theme === 'dark');
    const draft = await page.locator('[data-testid="editor"]').evaluate((host) => host.value);
    await page.selectOption('[data-testid="lang"]', 'ru');
    await page.waitForFunction(() => document.querySelector('[data-testid="preview"]').shadowRoot
      .querySelector('.bs-article')?.lang === 'ru');
    assert.match(await preview.locator('.bs-analysts-title').innerText(), /^[А-ЯЁа-яё ]+$/, 'a Russian label');
    assert.match(await preview.locator('.bs-headline').innerText(), /[а-яё]{4}/);
    // Loading the sample is one edit: Ctrl+Z in the editor brings the draft back.
    await page.locator('[data-testid="editor"]').evaluate((host) => host.editorView.focus());
    await page.keyboard.press('Control+z');
    assert.equal(await page.locator('[data-testid="editor"]').evaluate((host) => host.value), draft);
    await page.selectOption('[data-testid="theme"]', 'auto');
    await page.waitForFunction(() => document.querySelector('[data-testid="preview"]').shadowRoot
      .querySelector('.bs-article')?.lang === 'en');
  });

  test('typing re-renders within the frame of each keystroke, and well under a frame (median recorded)', async (t) => {
    const editor = page.locator('[data-testid="editor"]');
    await editor.evaluate((host) => {
      const at = host.value.indexOf('"standfirst": "') + '"standfirst": "'.length;
      host.editorView.dispatch({ selection: { anchor: at } });
      host.editorView.focus();
    });
    const rendersBefore = Number(await page.locator('body').getAttribute('data-render-count'));
    const typed = 'Measured while typing. ';
    // Renders run once per animation frame (keystrokes within one frame share it): with a keystroke every
    // 40 ms, more than two frames apart, each usually gets its own; a debounce timer would give one or two.
    await page.keyboard.type(typed, { delay: 40 });
    await page.waitForFunction(() => document.querySelector('[data-testid="preview"]').shadowRoot
      .querySelector('.bs-standfirst')?.textContent.startsWith('Measured while typing.'));
    const renders = Number(await page.locator('body').getAttribute('data-render-count')) - rendersBefore;
    assert.ok(renders >= typed.length / 4 && renders <= typed.length, `${renders} renders for ${typed.length} keystrokes`);
    const median = Number(await page.locator('[data-testid="render-time"]').getAttribute('data-median-ms'));
    assert.ok(median > 0, `median ${median} ms`);
    writeFileSync(path.join(testOutputDir(), 'playground-timing.json'),
      `${JSON.stringify({ medianRerenderMs: median, samples: 31, article: 'nbca-russian-arms-nato' }, null, 2)}\n`);
    t.diagnostic(`median re-render (render + DOM update) in Chromium: ${median.toFixed(2)} ms`);
  });

  test('"load file" replaces the article; "copy embed snippet" gives the recommended snippet, which renders it', async () => {
    const file = path.join(repoRoot, 'examples', 'arabic-brief.json');
    await page.locator('[data-testid="file"]').setInputFiles(file);
    await page.waitForFunction(() => document.querySelector('[data-testid="preview"]').shadowRoot
      .querySelector('.bs-article')?.dir === 'rtl');
    assert.match(await page.locator('[data-testid="editor"]').evaluate((host) => host.value), /"lang": "ar"/);

    // The snippet loads embed.js from where the publisher serves it (here the test server, as a
    // publisher's own would): the address given in the field.
    await page.locator('[data-testid="publisher-url"]').fill(`${baseUrl}/web/embed.js`);
    await page.locator('[data-testid="copy-snippet"]').click();
    const snippet = await page.locator('[data-testid="snippet"]').inputValue();
    assert.match(snippet, /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/web\/embed\.js"><\/script>\n<broadsheet-article>/);
    assert.equal(snippet.match(/<\/script>/g).length, 2, 'the inlined JSON cannot close its script element');
    // The same snippet as `broadsheet embed` (one function makes both), with the article pre-rendered.
    assert.match(snippet, /<template shadowrootmode="open">/);
    const expected = embedSnippet(await createRenderer(), readFileSync(file, 'utf8'),
      { script: `${baseUrl}/web/embed.js`, liteRenderer: await createRenderer(liteCoreOptions()) });
    assert.equal(snippet, expected.snippet);

    // The snippet, pasted into a page of its own, shows the same article.
    writeFileSync(path.join(testOutputDir('embed'), 'snippet.html'),
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>snippet</title><link rel="icon" href="data:,">` +
      `</head><body>${snippet}</body></html>`);
    const pasted = await browser.newPage();
    const errors = collectPageErrors(pasted);
    try {
      await pasted.goto(`${baseUrl}/test-output/embed/snippet.html`);
      const element = pasted.locator('broadsheet-article');
      assert.equal(await element.evaluate((node) => node.updateComplete), true);
      assert.equal(await element.locator('.bs-article').getAttribute('dir'), 'rtl');
      assert.deepEqual(errors, []);
    } finally {
      await pasted.close();
    }
  });

  test('no console errors or page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
