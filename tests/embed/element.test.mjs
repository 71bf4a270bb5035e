// <broadsheet-article> (web/element.js) in headless Chromium: sources, batched updates, events,
// fallbacks, laziness, the shared renderer, ::part() and custom properties, and hydration of
// server-rendered markup. Each test defines its own tag (a subclass), as lit's tests do.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { renderElementHTML } from '../../web/ssr.js';
import { launchChromium } from '../helpers/browser.mjs';
import { examplePath, testOutputDir } from '../helpers/paths.mjs';
import { openRecordedPage, startLoggingServer } from './support.mjs';

const EXAMPLE_URL = '/examples/nbca-russian-arms-nato.json';

/** Mistakes real feeds make, each repairable: a bad date, heading level 5, `by` naming nobody, no `alt`. */
const REPAIRABLE = {
  format: 'broadsheet/article@1',
  headline: 'Repairable mistakes',
  published: 'last Tuesday',
  analysts: [{ id: 'ann', name: 'Ann Analyst', role: 'economist' }],
  body: [
    { type: 'paragraph', text: 'First paragraph of the body.' },
    { type: 'heading', level: 5, text: 'Deeper heading' },
    { type: 'quote', text: 'A quote without its analyst', by: 'nobody' },
    { type: 'image', src: 'https://example.org/photo.jpg' },
    { type: 'paragraph', text: 'Last paragraph.' },
  ],
};
const fixtureDir = testOutputDir('embed');
const BLANK_PAGE = '/test-output/embed/blank.html';

writeFileSync(path.join(fixtureDir, 'blank.html'), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>element tests</title><link rel="icon" href="data:,"></head>
<body></body></html>
`);

/**
 * In the page: imports the element, defines a fresh tag for it (a subclass), and appends one element per
 * spec, with id `TAG-INDEX`. A spec may give `src`, `theme`, `article`, `inline` (JSON text for a
 * <script type="application/json"> child) and `light` (light-DOM HTML).
 */
function addArticles(page, tag, specs, { eager = true } = {}) {
  return page.evaluate(async ({ tag, specs, eager }) => {
    const { BroadsheetArticle } = await import('/web/element.js');
    customElements.define(tag, class extends BroadsheetArticle {});
    specs.forEach((spec, index) => {
      const element = document.createElement(tag);
      element.id = `${tag}-${index}`;
      if (eager) element.loading = 'eager';
      if (spec.src) element.src = spec.src;
      if (spec.theme) element.theme = spec.theme;
      if (spec.article !== undefined) element.article = spec.article;
      if (spec.light) element.innerHTML = spec.light;
      if (spec.inline !== undefined) {
        const script = document.createElement('script');
        script.type = 'application/json';
        script.textContent = spec.inline;
        element.append(script);
      }
      document.body.append(element);
    });
  }, { tag, specs, eager });
}

describe('<broadsheet-article>', () => {
  let site;
  let browser;
  const pages = [];

  before(async () => {
    site = await startLoggingServer();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  async function blankPage() {
    const recorded = await openRecordedPage(browser);
    pages.push(recorded);
    await recorded.page.goto(`${site.baseUrl}${BLANK_PAGE}`);
    return recorded;
  }

  test('renders inline JSON into an open shadow root, with ::part() names and shared stylesheets', async () => {
    const { page, problems } = await blankPage();
    const json = readFileSync(examplePath, 'utf8');
    await addArticles(page, 'bs-inline-json', [{ inline: json }, { inline: json }]);
    const outcome = await page.evaluate(async () => {
      const [a, b] = document.querySelectorAll('bs-inline-json');
      const shown = await Promise.all([a.updateComplete, b.updateComplete]);
      const parts = new Set([...a.shadowRoot.querySelectorAll('[part]')].flatMap((node) => [...node.part]));
      const [sheetsA, sheetsB] = [a.shadowRoot.adoptedStyleSheets, b.shadowRoot.adoptedStyleSheets];
      return {
        shown,
        states: [a.state, b.state],
        mode: a.shadowRoot.mode,
        parts: [...parts].sort(),
        sheets: sheetsA.length,
        sameSheets: sheetsA.every((sheet, i) => sheet === sheetsB[i]),
        styleElements: a.shadowRoot.querySelectorAll('style').length,
        inLightDom: document.querySelectorAll('.bs-article').length,
        headline: a.meta.headline,
      };
    });
    assert.deepEqual(outcome.shown, [true, true]);
    assert.deepEqual(outcome.states, ['rendered', 'rendered']);
    assert.equal(outcome.mode, 'open');
    for (const part of ['frame', 'article', 'header', 'headline', 'standfirst', 'byline', 'body', 'quote',
      'pullquote', 'note', 'footer', 'analysts', 'tags', 'cta']) {
      assert.ok(outcome.parts.includes(part), `part "${part}" in ${outcome.parts}`);
    }
    assert.equal(outcome.sheets, 2, "the element's sheet and the core's");
    assert.equal(outcome.sameSheets, true, 'both elements adopt the same two sheet objects');
    assert.equal(outcome.styleElements, 0);
    assert.equal(outcome.inLightDom, 0);
    assert.match(outcome.headline, /Russian Arms/);
    assert.deepEqual(problems, []);
  });

  test('changes made together re-render once; updateComplete settles after the render', async () => {
    const { page } = await blankPage();
    await addArticles(page, 'bs-batched', [{ src: EXAMPLE_URL }]);
    const outcome = await page.evaluate(async () => {
      const element = document.querySelector('bs-batched');
      await element.updateComplete;
      let renders = 0;
      element.addEventListener('broadsheet:render', () => { renders += 1; });
      element.theme = 'dark';
      element.lang = 'ru';
      element.headingLevel = 2;
      const stateDuringUpdate = element.state;
      const shown = await element.updateComplete;
      const article = element.shadowRoot.querySelector('.bs-article');
      return {
        renders,
        shown,
        stateDuringUpdate,
        theme: article.dataset.theme,
        lang: article.lang,
        headline: element.shadowRoot.querySelector('.bs-headline').localName,
        analystsLabel: element.shadowRoot.querySelector('.bs-analysts-title').textContent,
      };
    });
    const { analystsLabel, ...rest } = outcome;
    assert.deepEqual(rest, { renders: 1, shown: true, stateDuringUpdate: 'rendered', theme: 'dark', lang: 'ru', headline: 'h2' });
    assert.notEqual(analystsLabel, 'Analysts', 'labels follow the lang attribute');
  });

  test('the .article property wins over inline JSON and src, and bad values never throw', async () => {
    const { page, problems } = await blankPage();
    await addArticles(page, 'bs-property', [{
      src: '/examples/arabic-brief.json',
      inline: JSON.stringify({ format: 'broadsheet/article@1', headline: 'From inline JSON', body: 'Inline.' }),
    }]);
    const outcome = await page.evaluate(async () => {
      const element = document.querySelector('bs-property');
      // (The core may join a headline's last words with a no-break space.)
      const headline = () => element.shadowRoot.querySelector('.bs-headline')?.textContent.replace(/\s+/g, ' ');
      const seen = [];
      await element.updateComplete;
      seen.push(headline());
      element.article = { format: 'broadsheet/article@1', headline: 'From the property',
        body: [{ type: 'paragraph', text: 'Object.' }] };
      await element.updateComplete;
      seen.push(headline());
      element.article = '{"format": "broadsheet/article@1", "headline": "From JSON text", "body": "Text."}';
      await element.updateComplete;
      seen.push(headline());
      element.article = null;
      await element.updateComplete;
      seen.push(headline());
      element.querySelector('script').remove();
      await new Promise((resolve) => element.addEventListener('broadsheet:render', resolve, { once: true }));
      seen.push(element.meta.lang);
      let reason = null;
      element.addEventListener('broadsheet:error', (event) => { reason = event.detail.reason; });
      element.article = 42;
      const shown = await element.updateComplete;
      return { seen, shown, state: element.state, reason, fallback: Boolean(element.shadowRoot.querySelector('[part=fallback]')) };
    });
    assert.deepEqual(outcome, {
      seen: ['From inline JSON', 'From the property', 'From JSON text', 'From inline JSON', 'ar'],
      shown: false,
      state: 'error',
      reason: 'document',
      fallback: true,
    });
    assert.deepEqual(problems, []);
  });

  test('editing the inline JSON re-renders', async () => {
    const { page } = await blankPage();
    await addArticles(page, 'bs-inline-edit', [{
      inline: JSON.stringify({ format: 'broadsheet/article@1', headline: 'Before', body: 'Text.' }),
    }]);
    const headlines = await page.evaluate(async () => {
      const element = document.querySelector('bs-inline-edit');
      await element.updateComplete;
      const before = element.meta.headline;
      const rendered = new Promise((resolve) => element.addEventListener('broadsheet:render', resolve, { once: true }));
      element.querySelector('script').textContent =
        JSON.stringify({ format: 'broadsheet/article@1', headline: 'After', body: 'Text.' });
      await rendered;
      return [before, element.shadowRoot.querySelector('.bs-headline').textContent];
    });
    assert.deepEqual(headlines, ['Before', 'After']);
  });

  test('src is fetched without credentials, once per URL', async () => {
    const { page } = await blankPage();
    await page.context().addCookies([{ name: 'session', value: 'partner-secret', url: site.baseUrl }]);
    const url = '/examples/arabic-brief.json?credentials-test';
    const outcome = await page.evaluate(async (src) => {
      // A plain same-origin fetch does send the cookie: the control for the assertion below.
      await fetch('/examples/arabic-brief.json?control');
      const { BroadsheetArticle } = await import('/web/element.js');
      customElements.define('bs-credentials', class extends BroadsheetArticle {});
      const element = document.createElement('bs-credentials');
      element.loading = 'eager';
      element.src = src;
      document.body.append(element);
      await element.updateComplete;
      element.theme = 'dark';
      await element.updateComplete;
      return { state: element.state, theme: element.shadowRoot.querySelector('.bs-article').dataset.theme };
    }, url);
    assert.deepEqual(outcome, { state: 'rendered', theme: 'dark' });
    const control = site.requests.filter((r) => r.url === '/examples/arabic-brief.json?control');
    assert.match(control[0]?.headers.cookie ?? '', /session=partner-secret/);
    const fetched = site.requests.filter((r) => r.url === url);
    assert.equal(fetched.length, 1, 'fetched once although rendered twice');
    assert.equal(fetched[0].headers.cookie, undefined, 'no cookie sent');
  });

  test('an article with repairable errors is shown, with every diagnostic in the event and one console warning', async () => {
    const { page, problems } = await blankPage();
    const warnings = [];
    page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
    const outcome = await page.evaluate(async (article) => {
      const { BroadsheetArticle } = await import('/web/element.js');
      customElements.define('bs-repairable', class extends BroadsheetArticle {});
      const element = document.createElement('bs-repairable');
      element.id = 'repairable';
      element.loading = 'eager';
      element.article = article;
      const events = [];
      for (const type of ['broadsheet:render', 'broadsheet:error']) {
        element.addEventListener(type, (event) => events.push({
          type, ok: event.detail.ok, reason: event.detail.reason, codes: event.detail.diagnostics.map((d) => d.code),
        }));
      }
      document.body.append(element);
      const shown = await element.updateComplete;
      const shadow = element.shadowRoot;
      return {
        shown,
        state: element.state,
        body: shadow.querySelector('.bs-body')?.textContent.replace(/\s+/g, ' ').trim(),
        heading: shadow.querySelector('.bs-body h2')?.textContent,
        fallback: Boolean(shadow.querySelector('[part=fallback]')),
        events,
        diagnostics: element.diagnostics.map((d) => `${d.severity} ${d.code} ${d.path}`),
      };
    }, REPAIRABLE);
    assert.equal(outcome.shown, true);
    assert.equal(outcome.state, 'rendered');
    assert.equal(outcome.fallback, false);
    assert.match(outcome.body, /^First paragraph of the body\. Deeper heading A quote without its analyst Last paragraph\.$/);
    assert.equal(outcome.heading, 'Deeper heading', 'the level-5 heading is kept, at level 2');
    for (const expected of ['error BS-DATE /published', 'error BS-VALUE /body/1/level', 'error BS-REF-ANALYST /body/2/by',
      'error BS-REQUIRED /body/3/alt']) {
      assert.ok(outcome.diagnostics.includes(expected), `${expected} in ${outcome.diagnostics}`);
    }
    assert.deepEqual(outcome.events, [{ type: 'broadsheet:render', ok: false, reason: undefined,
      codes: outcome.diagnostics.map((d) => d.split(' ')[1]) }]);
    assert.equal(warnings.length, 1, warnings.join('\n---\n'));
    const [warning] = warnings;
    assert.match(warning, /^broadsheet: <bs-repairable id="repairable"> shown with 4 errors\n/);
    assert.match(warning, /\n {2}error BS-DATE at \/published: "published" must be an ISO 8601 date/);
    assert.match(warning, /\n {2}error BS-VALUE at \/body\/1\/level: /);
    assert.match(warning, /\n {2}error BS-REF-ANALYST at \/body\/2\/by: /);
    assert.match(warning, /\n {2}error BS-REQUIRED at \/body\/3\/alt: /);
    assert.deepEqual(problems, []);

    // `strict` restores the old rule: any error shows the fallback, with the headline the core read.
    const strict = await page.evaluate(async () => {
      const element = document.getElementById('repairable');
      let reason = null;
      element.addEventListener('broadsheet:error', (event) => { reason = event.detail.reason; });
      element.strict = true;
      const shown = await element.updateComplete;
      const fallback = element.shadowRoot.querySelector('[part=fallback]');
      return { shown, state: element.state, reason, article: Boolean(element.shadowRoot.querySelector('.bs-article')),
        fallback: fallback?.textContent.trim(), errors: element.diagnostics.filter((d) => d.severity === 'error').length };
    });
    assert.deepEqual(strict, { shown: false, state: 'error', reason: 'document', article: false,
      fallback: 'Repairable mistakes', errors: 4 });
    assert.equal(warnings.length, 2);
    assert.match(warnings[1], /^broadsheet: <bs-repairable id="repairable"> not shown: 4 errors\n/);
  });

  test('the console warning lists at most 20 diagnostics and counts the rest', async () => {
    const { page } = await blankPage();
    const warnings = [];
    page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
    const outcome = await page.evaluate(async () => {
      const { BroadsheetArticle } = await import('/web/element.js');
      customElements.define('bs-many-problems', class extends BroadsheetArticle {});
      const element = document.createElement('bs-many-problems');
      element.loading = 'eager';
      // Tags that are not strings, and one whose text would be a console format directive.
      element.article = { format: 'broadsheet/article@1', headline: 'Many %c problems', tags: Array(150).fill(7),
        body: 'Text.' };
      document.body.append(element);
      return { shown: await element.updateComplete, count: element.diagnostics.length };
    });
    assert.equal(outcome.shown, true);
    assert.ok(outcome.count >= 150, `${outcome.count} diagnostics`);
    assert.equal(warnings.length, 1);
    const lines = warnings[0].split('\n');
    assert.equal(lines.length, 22, 'a summary, 20 diagnostics and the count of the rest');
    assert.match(lines[0], /^broadsheet: <bs-many-problems> shown with \d+ errors/);
    assert.equal(lines[21], `  … and ${outcome.count - 20} more (the element's \`diagnostics\` has them all)`);
  });

  test('fallbacks: a failed fetch, a document that cannot be shown, strict, a page-supplied fallback, and preventDefault', async () => {
    const { page } = await blankPage();
    const outcome = await page.evaluate(async () => {
      const { BroadsheetArticle } = await import('/web/element.js');
      customElements.define('bs-fallback', class extends BroadsheetArticle {});
      const make = (setUp) => {
        const element = document.createElement('bs-fallback');
        element.loading = 'eager';
        setUp(element);
        document.body.append(element);
        return element;
      };
      const reasons = [];
      document.addEventListener('broadsheet:error', (event) => reasons.push(event.detail.reason));
      const text = (element) => element.shadowRoot.querySelector('[part=fallback]')?.textContent.trim();

      const missing = make((element) => { element.src = '/no/such/article.json'; });
      // Under `strict`, any error shows the fallback: the headline as the core read it, linked when safe.
      const broken = make((element) => {
        element.strict = true;
        element.article = { format: 'broadsheet/article@1', headline: 'Broken *but* named',
          canonicalUrl: 'https://example.org/named', body: [{ type: 'unknown' }] };
      });
      const unsafe = make((element) => {
        element.strict = true;
        element.article = { format: 'broadsheet/article@1', headline: 'Unsafe link',
          canonicalUrl: 'javascript:alert(1)', body: [{ type: 'unknown' }] };
      });
      const headless = make((element) => {
        element.article = { format: 'broadsheet/article@1', headline: ' ', canonicalUrl: 'https://example.org/x', body: 'Text.' };
      });
      const supplied = make((element) => {
        element.src = '/no/such/article.json';
        element.innerHTML = '<a slot="fallback" href="https://example.org/read">Read it on the publisher’s site</a>';
      });
      await Promise.all([missing, broken, unsafe, headless, supplied].map((element) => element.updateComplete));
      const brokenLink = broken.shadowRoot.querySelector('[part=fallback] a');
      const slot = supplied.shadowRoot.querySelector('slot[name=fallback]');

      // An editor keeps its last good render: preventDefault() on broadsheet:error.
      const kept = make((element) => {
        element.article = { format: 'broadsheet/article@1', headline: 'Good', body: 'Text.' };
      });
      await kept.updateComplete;
      kept.addEventListener('broadsheet:error', (event) => event.preventDefault());
      kept.article = '{"format": "broadsheet/article@1", "headline": ';
      const keptShown = await kept.updateComplete;

      return {
        missing: [missing.state, text(missing)],
        broken: [brokenLink?.textContent, brokenLink?.getAttribute('href')],
        unsafe: [text(unsafe), unsafe.shadowRoot.querySelectorAll('a').length],
        headless: [headless.state, text(headless)],
        supplied: slot.assignedElements().map((node) => node.textContent),
        kept: [keptShown, kept.state, kept.shadowRoot.querySelector('.bs-headline')?.textContent,
          kept.diagnostics[0]?.code],
        reasons: reasons.sort(),
      };
    });
    assert.deepEqual(outcome, {
      missing: ['error', 'This article is not available.'],
      broken: ['Broken but named', 'https://example.org/named'],
      unsafe: ['Unsafe link', 0],
      headless: ['error', 'This article is not available.'],
      supplied: ['Read it on the publisher’s site'],
      kept: [false, 'error', 'Good', 'BS-JSON-SYNTAX'],
      reasons: ['document', 'document', 'document', 'document', 'fetch', 'fetch'],
    });
  });

  test('lazy: nothing loads until an element nears the viewport; then all share one renderer', async () => {
    const { page, requested } = await blankPage();
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.id = 'spacer';
      spacer.style.height = '4000px';
      document.body.append(spacer);
    });
    await addArticles(page, 'bs-lazy', [
      { src: EXAMPLE_URL }, { src: '/examples/arabic-brief.json' }, { src: '/examples/long-analysis.json' },
    ], { eager: false });
    // Give a wrongly eager element every chance to start loading.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300))));
    const waiting = await page.evaluate(() => [...document.querySelectorAll('bs-lazy')].map((e) => e.state));
    assert.deepEqual(waiting, ['idle', 'idle', 'idle']);
    assert.equal(requested('/web/core/broadsheet-core.js'), 0, 'the core is not loaded yet');
    assert.equal(requested('/web/core/broadsheet-core-lite.wasm'), 0);
    assert.equal(requested(EXAMPLE_URL), 0, 'the article is not fetched yet');
    const reserved = await page.locator('#bs-lazy-0').evaluate((element) => element.getBoundingClientRect().height);
    assert.equal(reserved, 900, 'a loading element reserves one viewport height');

    for (const id of ['bs-lazy-0', 'bs-lazy-1', 'bs-lazy-2']) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      assert.equal(await page.locator(`#${id}`).evaluate((element) => element.updateComplete), true, id);
    }
    // The lite core renders these articles (docs/performance.md); the full one is not needed.
    assert.equal(requested('/web/core/broadsheet-core-lite.wasm'), 1);
    assert.equal(requested('/web/core/broadsheet-core.wasm'), 0);
    assert.equal(requested('/web/core/broadsheet-core.js'), 1);
    const { compilations, instantiations, sameSheets } = await page.evaluate(() => {
      const sheets = [...document.querySelectorAll('bs-lazy')].map((e) => e.shadowRoot.adoptedStyleSheets[1]);
      return { ...window.__recorded, sameSheets: sheets.every((sheet) => sheet === sheets[0]) };
    });
    assert.deepEqual({ compilations, instantiations, sameSheets }, { compilations: 1, instantiations: 1, sameSheets: true });
  });

  test("after a large article, the shared renderer's memory returns to its baseline", async () => {
    const { page, problems } = await blankPage();
    const outcome = await page.evaluate(async () => {
      // Counts the replacements: instances made synchronously of a module that already has one (the
      // first instance of each core is made synchronously too, where the browser allows it).
      let replacements = 0;
      const instancesOf = new WeakMap();
      WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
        construct(target, args) {
          const made = (instancesOf.get(args[0]) ?? 0) + 1;
          instancesOf.set(args[0], made);
          if (made > 1) replacements += 1;
          return Reflect.construct(target, args);
        },
      });
      const { BroadsheetArticle, configureRenderer, getSharedRenderer } = await import('/web/element.js');
      configureRenderer({ memoryResetBytes: 16 * 1024 * 1024 });
      customElements.define('bs-large', class extends BroadsheetArticle {});
      const renderer = await getSharedRenderer();
      const baseline = renderer.memoryBytes;
      const text = 'lorem '.repeat(150_000).trim(); // 6.3 MB in seven paragraphs
      const element = document.createElement('bs-large');
      element.loading = 'eager';
      element.article = { format: 'broadsheet/article@1', headline: 'Large',
        body: Array.from({ length: 7 }, () => ({ type: 'paragraph', text })) };
      document.body.append(element);
      const shown = await element.updateComplete;
      const paragraphs = element.shadowRoot.querySelectorAll('.bs-body p').length;
      const afterRender = renderer.memoryBytes;
      // In Chromium the replacement is made at once; allow a few turns in case it was not.
      for (let turn = 0; turn < 50 && renderer.memoryBytes !== baseline; turn += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return { shown, paragraphs, baseline, afterRender, settled: renderer.memoryBytes, replacements };
    });
    assert.deepEqual([outcome.shown, outcome.paragraphs], [true, 7]);
    assert.equal(outcome.replacements, 1, 'the grown instance was replaced');
    assert.ok(outcome.baseline <= 4 * 1024 * 1024, `baseline ${outcome.baseline}`);
    assert.equal(outcome.afterRender, outcome.baseline, 'replaced synchronously, right after the render');
    assert.equal(outcome.settled, outcome.baseline);
    assert.deepEqual(problems, []);
  });

  test('while loading, light-DOM content shows in the reserved space', async () => {
    const { page } = await blankPage();
    let release;
    const released = new Promise((resolve) => { release = resolve; });
    await page.route('**/slow-article.json', async (route) => {
      await released;
      await route.fulfill({ path: examplePath, contentType: 'application/json' });
    });
    await addArticles(page, 'bs-slow', [{ src: '/slow-article.json', light: '<p id="teaser">Loading the article…</p>' }]);
    const teaser = page.locator('#teaser');
    await teaser.waitFor();
    assert.ok(await teaser.isVisible(), 'the light-DOM teaser is shown through the slot');
    const loading = await page.locator('bs-slow').evaluate((element) => ({
      state: element.state,
      height: element.getBoundingClientRect().height,
      busy: element.shadowRoot.querySelector('.frame').getAttribute('aria-busy'),
    }));
    assert.deepEqual(loading, { state: 'loading', height: 900, busy: 'true' });
    release();
    assert.equal(await page.locator('bs-slow').evaluate((element) => element.updateComplete), true);
    assert.equal(await teaser.isVisible(), false, 'the teaser gives way to the article');
  });

  test('the host page styles ::part()s and themes through inherited --bs-* properties', async () => {
    const { page } = await blankPage();
    await page.addStyleTag({ content: `
      bs-themed::part(headline) { color: rgb(1, 2, 3); }
      bs-themed { --bs-color-accent: rgb(4, 5, 6); --bs-font-body: monospace; }
    ` });
    await addArticles(page, 'bs-themed', [{ src: EXAMPLE_URL, theme: 'light' }]);
    const styles = await page.locator('bs-themed').evaluate(async (element) => {
      await element.updateComplete;
      const style = (selector) => getComputedStyle(element.shadowRoot.querySelector(selector));
      return {
        headline: style('.bs-headline').color,
        cta: style('.bs-cta').backgroundColor,
        body: style('.bs-body p').fontFamily,
      };
    });
    assert.deepEqual(styles, { headline: 'rgb(1, 2, 3)', cta: 'rgb(4, 5, 6)', body: 'monospace' });
  });

  test('hydrates server-rendered markup from the inline JSON: no fetch, nothing moves', async () => {
    const renderer = await createRenderer();
    const ssr = renderElementHTML(renderer, readFileSync(examplePath, 'utf8'), {
      theme: 'light',
      attributes: { id: 'ssr', src: `${EXAMPLE_URL}?must-not-be-fetched`, loading: 'eager' },
    });
    assert.equal(ssr.ok, true);
    writeFileSync(path.join(fixtureDir, 'ssr.html'), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>SSR</title><link rel="icon" href="data:,">
<script type="module" src="/web/embed.js"></script></head>
<body><main style="width: 720px; margin: 0 auto">${ssr.html}</main></body></html>
`);
    const { page, problems, requested } = await openRecordedPage(browser);
    pages.push({ page });
    let release;
    const released = new Promise((resolve) => { release = resolve; });
    await page.route('**/broadsheet-core*.wasm', async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(`${site.baseUrl}/test-output/embed/ssr.html`, { waitUntil: 'domcontentloaded' });

    const host = page.locator('#ssr');
    await host.locator('.bs-headline').waitFor();
    const before = await host.evaluate((element) => {
      // Sample what is on screen at every change and every frame until the element has rendered.
      const samples = [];
      const sample = () => {
        const article = element.shadowRoot.querySelector('.bs-article');
        samples.push(article ? `${element.getBoundingClientRect().height}|${getComputedStyle(article).fontFamily}|` +
          `${getComputedStyle(element.shadowRoot.querySelector('.bs-headline')).fontSize}` : 'no article');
      };
      new MutationObserver(sample).observe(element.shadowRoot, { childList: true, subtree: true });
      const frame = () => { sample(); if (!window.__hydrated) requestAnimationFrame(frame); };
      requestAnimationFrame(frame);
      element.addEventListener('broadsheet:render', () => { window.__hydrated = true; sample(); window.__samples = samples; });
      return { state: element.state, styleElements: element.shadowRoot.querySelectorAll('style').length };
    });
    assert.equal(before.styleElements, 1, 'the server-rendered shadow root carries its own styles');
    const shotBefore = await host.screenshot();

    release();
    await page.waitForFunction(() => window.__hydrated === true);
    const afterHydration = await host.evaluate((element) => ({
      state: element.state,
      samples: window.__samples,
      styleElements: element.shadowRoot.querySelectorAll('style').length,
      sheets: element.shadowRoot.adoptedStyleSheets.length,
      parts: element.shadowRoot.querySelectorAll('[part=headline]').length,
    }));
    const shotAfter = await host.screenshot();

    assert.equal(afterHydration.state, 'rendered');
    assert.ok(afterHydration.samples.length >= 2, `sampled ${afterHydration.samples.length} times`);
    assert.deepEqual(new Set(afterHydration.samples).size, 1, `always the same: ${[...new Set(afterHydration.samples)]}`);
    assert.notEqual(afterHydration.samples[0], 'no article');
    assert.equal(afterHydration.styleElements, 0, 'the inline styles gave way to the shared sheets');
    assert.equal(afterHydration.sheets, 2);
    assert.equal(afterHydration.parts, 1);
    assert.ok(shotBefore.equals(shotAfter), 'hydration changes no pixel');
    assert.equal(requested('must-not-be-fetched'), 0, 'the inline JSON is used; src is not fetched');
    assert.deepEqual(problems, []);
  });
});
