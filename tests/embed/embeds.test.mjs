// Embed blocks in Chromium (docs/embeds.md): consent first. A page with an embed of every provider,
// under the strict partner CSP with Trusted Types, makes no request to any host but 127.0.0.1 until
// the reader presses a placeholder's button; then exactly one, to that provider's frame address
// (answered here by request interception: this machine has no network). The box does not move or
// change size, nothing after it moves, no CSP violation is reported. `embeds: "load"` frames at once,
// `"link"` never; activateEmbeds() refuses a frame address on another host.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PARTNER_CSP } from '../../scripts/serve.js';
import { createRenderer } from '../../web/broadsheet.js';
import { renderElementHTML } from '../../web/ssr.js';
import { launchChromium } from '../helpers/browser.mjs';
import { repoRoot } from '../helpers/paths.mjs';
import { openRecordedPage, settleAll, startLoggingServer } from './support.mjs';

const ARTICLE = readFileSync(path.join(repoRoot, 'tests/format/valid/embeds.json'), 'utf8');
// The frame each provider's block of the article asks for, rebuilt by the core from the block's URL.
const FRAMES = {
  youtube: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90',
  vimeo: 'https://player.vimeo.com/video/76979871?dnt=1',
  x: 'https://platform.twitter.com/embed/Tweet.html?dnt=true&id=1234567890123456789',
  telegram: 'https://t.me/nbca_news/4521?embed=1',
  instagram: 'https://www.instagram.com/p/C1aB2cD3eF4/embed/',
  facebook: 'https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fnbca.news%2Fposts%2F10158',
  tiktok: 'https://www.tiktok.com/embed/v2/7212345678901234567',
  soundcloud: 'https://w.soundcloud.com/player/?visual=true&url=https%3A%2F%2Fsoundcloud.com%2Fazattyq%2Fpodcast-12',
  spotify: 'https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk',
  googlemaps: 'https://www.google.com/maps?q=43.2389,76.8897&z=12&output=embed',
};
const PROVIDERS = Object.keys(FRAMES);

let browser;
let server;

before(async () => {
  server = await startLoggingServer({ quiet: true });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The page: the element with the article inlined, its module loaded from a file (script-src 'self'). */
function pageHtml(attributes, serverRendered = '') {
  const json = ARTICLE.replaceAll('<', '\\u003c');
  const element = serverRendered ||
    `<broadsheet-article loading="eager" ${attributes}><script type="application/json">${json}</script></broadsheet-article>`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Embeds</title><link rel="icon" href="data:,">
<script type="module" src="/web/element.js"></script></head>
<body style="margin:0;font:16px/1.5 sans-serif"><main style="max-width:760px;margin:0 auto">
<h1>Host page</h1>
${element}
<p id="after">The host's own content after the article.</p></main></body></html>`;
}

/**
 * Opens the page with every request watched: 127.0.0.1 is served by the repository's server, a
 * provider frame address is answered with a small local page, anything else is refused. Returns the
 * page and the list of every request to another host than 127.0.0.1.
 */
async function openEmbedPage(attributes = '', { csp = true, serverRendered = '' } = {}) {
  const recorded = await openRecordedPage(browser, { viewport: { width: 1000, height: 900 } });
  const { page } = recorded;
  const thirdParty = [];
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') {
      if (url.pathname === '/embeds-test.html') {
        return route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: csp ? { 'Content-Security-Policy': PARTNER_CSP } : {},
          body: pageHtml(attributes, serverRendered),
        });
      }
      return route.continue();
    }
    thirdParty.push(url.href);
    if (Object.values(FRAMES).includes(url.href)) {
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><title>frame</title><p>frame</p>' });
    }
    return route.abort();
  });
  await page.addInitScript(() => {
    window.__allShifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__allShifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${server.baseUrl}/embeds-test.html`);
  await settleAll(page);
  return { ...recorded, thirdParty };
}

/** The box's rectangle and where the host's next content is, to see that nothing moves. */
function geometry(page, provider) {
  return page.evaluate((id) => {
    const root = document.querySelector('broadsheet-article').shadowRoot;
    const box = root.querySelector(`.bs-embed--${id} .bs-embed-box`).getBoundingClientRect();
    const next = document.getElementById('after').getBoundingClientRect();
    return { x: box.x, y: box.y + scrollY, width: box.width, height: box.height, after: next.y + scrollY };
  }, provider);
}

describe('embeds: click to load', () => {
  test('no request to any third party before the click, then exactly the provider\'s frame', async () => {
    const { page, problems, thirdParty } = await openEmbedPage();
    try {
      // Every placeholder ready (the generic embed has no embedOrigins: a link), every box scrolled past.
      assert.equal(await page.locator('.bs-embed-load:visible').count(), PROVIDERS.length);
      assert.equal(await page.locator('.bs-embed--generic.bs-embed--link').count(), 1);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(300);
      assert.deepEqual(thirdParty, [], 'nothing asked of a provider before a click');
      assert.equal(await page.locator('iframe').count(), 0);

      await page.evaluate(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__shifts.push(entry.value);
        }).observe({ type: 'layout-shift' });
      });
      for (const provider of PROVIDERS) {
        const button = page.locator(`.bs-embed--${provider} .bs-embed-load`);
        await button.scrollIntoViewIfNeeded();
        const before = await geometry(page, provider);
        const seen = thirdParty.length;
        await button.click();
        const frame = page.locator(`.bs-embed--${provider} iframe.bs-embed-frame`);
        await frame.waitFor();
        await page.waitForTimeout(150);
        assert.deepEqual(thirdParty.slice(seen), [FRAMES[provider]], `${provider}: exactly its frame`);
        assert.deepEqual(await geometry(page, provider), before, `${provider}: the box and the page do not move`);
        assert.equal(await frame.getAttribute('src'), FRAMES[provider]);
        assert.equal(await frame.getAttribute('referrerpolicy'), 'strict-origin-when-cross-origin');
        assert.equal(await frame.getAttribute('loading'), 'lazy');
        assert.equal(await frame.getAttribute('title'), JSON.parse(ARTICLE).body.find((b) => b.provider === provider).title);
        const sandbox = (await frame.getAttribute('sandbox')).split(' ');
        assert.ok(sandbox.includes('allow-scripts') && !sandbox.includes('allow-top-navigation') &&
          !sandbox.includes('allow-forms'), `${provider}: ${sandbox}`);
        assert.ok(await frame.evaluate((node) => node.getRootNode().activeElement === node), `${provider}: focus on the frame`);
      }
      assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'no layout shift at all');
      assert.deepEqual(thirdParty, Object.values(FRAMES), 'one request per click, nothing else');
      assert.deepEqual(await page.evaluate(() => window.__recorded.violations), [], 'no CSP violation');
      assert.deepEqual(problems.filter((p) => !/ERR_FAILED|ERR_BLOCKED/.test(p.text)), []);
      // The links to the originals are there throughout.
      assert.equal(await page.locator('a.bs-embed-original').count(), PROVIDERS.length + 1);
    } finally {
      await page.close();
    }
  });

  test('a server-rendered embed hydrates without moving: its hidden button already held its place', async () => {
    const renderer = await createRenderer();
    const { html } = renderElementHTML(renderer, ARTICLE, { attributes: { loading: 'eager' } });
    const { page, thirdParty } = await openEmbedPage('', { serverRendered: html });
    try {
      assert.equal(await page.locator('.bs-embed-load:visible').count(), PROVIDERS.length, 'hydrated: buttons shown');
      await page.waitForTimeout(200);
      assert.deepEqual(await page.evaluate(() => window.__allShifts), [], 'no layout shift from load to hydration');
      assert.deepEqual(thirdParty, []);
    } finally {
      await page.close();
    }
  });

  test('embeds="load" frames at once (lazily), embeds="link" never', async () => {
    const load = await openEmbedPage('embeds="load"');
    try {
      assert.equal(await load.page.locator('iframe.bs-embed-frame').count(), PROVIDERS.length);
      assert.equal(await load.page.locator('.bs-embed-load').count(), 0);
      await load.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await load.page.waitForTimeout(500);
      for (const url of load.thirdParty) assert.ok(Object.values(FRAMES).includes(url), url);
      assert.ok(load.thirdParty.length > 0);
    } finally {
      await load.page.close();
    }
    const link = await openEmbedPage('embeds="link"');
    try {
      await link.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await link.page.waitForTimeout(300);
      assert.equal(await link.page.locator('iframe, .bs-embed-load').count(), 0);
      assert.equal(await link.page.locator('a.bs-embed-original').count(), PROVIDERS.length + 1);
      assert.deepEqual(link.thirdParty, []);
    } finally {
      await link.page.close();
    }
  });

  test('a generic embed from a listed origin loads; a frame address on another host is refused', async () => {
    const { page, thirdParty } = await openEmbedPage('embed-origins="https://data.example.org"', { csp: false });
    try {
      assert.equal(await page.locator('.bs-embed--generic .bs-embed-load:visible').count(), 1);
      // Markup tampered with after the render: the script checks the address again and loads nothing.
      await page.evaluate(() => {
        const root = document.querySelector('broadsheet-article').shadowRoot;
        root.querySelector('.bs-embed--vimeo .bs-embed-box').setAttribute('data-bs-embed-src', 'https://evil.example/x');
        root.querySelector('.bs-embed--x .bs-embed-box').setAttribute('data-bs-embed-src', 'javascript:alert(1)');
      });
      await page.locator('.bs-embed--vimeo .bs-embed-load').click();
      await page.locator('.bs-embed--x .bs-embed-load').click();
      await page.waitForTimeout(200);
      assert.equal(await page.locator('iframe').count(), 0);
      assert.deepEqual(thirdParty, []);
      await page.locator('.bs-embed--generic .bs-embed-load').click();
      await page.locator('.bs-embed--generic iframe').waitFor();
      assert.equal(await page.locator('.bs-embed--generic iframe').getAttribute('sandbox'), 'allow-scripts');
      await page.waitForTimeout(150);
      assert.deepEqual(thirdParty, ['https://data.example.org/charts/water']);
    } finally {
      await page.close();
    }
  });
});
