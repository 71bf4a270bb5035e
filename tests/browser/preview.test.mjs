// The preview page in headless Chromium: the seed article rendered by the WASM core, live editing.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../../scripts/serve.js';
import { collectPageErrors, launchChromium } from '../helpers/browser.mjs';
import { exampleAnalysts, testOutputDir } from '../helpers/paths.mjs';

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
    assert.match(await headline.innerText(), /Reliance on Russian Arms Won.t Hamper NATO Ties/);

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

    // The article is isolated from the page: it lives in an open shadow root with its stylesheet.
    const inShadow = await page.evaluate(() => {
      const host = document.querySelector('[data-testid="preview"]');
      return {
        light: document.querySelectorAll('.bs-article').length,
        shadow: host.shadowRoot.querySelectorAll('.bs-article').length,
        sheets: host.shadowRoot.adoptedStyleSheets.length + host.shadowRoot.querySelectorAll('style').length,
      };
    });
    assert.deepEqual(inShadow, { light: 0, shadow: 1, sheets: 1 });

    assert.match(await page.locator('[data-testid="render-time"]').innerText(), /median/);
    await page.screenshot({ path: path.join(testOutputDir(), 'preview.png'), fullPage: false });
  });

  test('typing in the editor re-renders the article', async () => {
    const editor = page.locator('[data-testid="editor"]');
    // Select the headline's text in the JSON and type over it.
    await editor.evaluate((textarea) => {
      const key = '"headline": "';
      const start = textarea.value.indexOf(key) + key.length;
      const end = textarea.value.indexOf('"', start);
      textarea.focus();
      textarea.setSelectionRange(start, end);
    });
    await page.keyboard.type('Edited in the preview', { delay: 5 });

    const headline = page.locator('[data-testid="preview"] .bs-headline');
    await page.waitForFunction(() => document.querySelector('[data-testid="preview"]').shadowRoot
      .querySelector('.bs-headline')?.textContent.includes('Edited in the preview'));
    assert.equal((await headline.innerText()).trim(), 'Edited in the preview');
    assert.equal(await page.locator('[data-testid="diagnostics"] li').count(), 0);
  });

  test('a syntax error is listed and clicking it selects its position in the editor', async () => {
    const editor = page.locator('[data-testid="editor"]');
    await editor.evaluate((textarea) => {
      const at = textarea.value.indexOf('"section"');
      textarea.focus();
      textarea.setSelectionRange(at, at);
    });
    await page.keyboard.type('}'); // a stray brace: invalid JSON
    const item = page.locator('[data-testid="diagnostics"] li', { hasText: 'BS-JSON-SYNTAX' });
    await item.waitFor();
    const text = await item.innerText();
    const [, line, column] = text.match(/ (\d+):(\d+) BS-JSON-SYNTAX/);
    assert.match(await page.locator('[data-testid="status"]').innerText(), /1 error/);

    await editor.evaluate((textarea) => textarea.setSelectionRange(0, 0));
    await item.locator('button').click();
    const selected = await editor.evaluate((textarea) => {
      const before = textarea.value.slice(0, textarea.selectionStart).split('\n');
      return { line: before.length, column: before.at(-1).length + 1, focused: document.activeElement === textarea };
    });
    assert.equal(selected.line, Number(line));
    assert.equal(selected.column, Number(column));
    assert.equal(selected.focused, true);

    // Undo the stray brace and the preview recovers.
    await editor.evaluate((textarea) => {
      textarea.value = textarea.value.replace('}"section"', '"section"');
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
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
          const render = core.render;
          core.render = (...callArgs) => {
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

  test('no console errors or page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
