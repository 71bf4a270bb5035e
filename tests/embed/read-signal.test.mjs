// The read-through signal of <broadsheet-article> (issue 15, point 3) in headless Chromium, on a fake
// clock (page.clock) so that ten seconds of reading take none: `broadsheet:read` fires once, after 10 s
// in all with at least half of the article visible while the page is visible; the beacon goes to the
// article's https readUrl (intercepted: nothing leaves 127.0.0.1) with the article's facts and nothing
// else, once; none with `no-beacon`, none before the article is half visible.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from '../helpers/browser.mjs';
import { repoRoot, testOutputDir } from '../helpers/paths.mjs';
import { openRecordedPage, startLoggingServer } from './support.mjs';

const READ_URL = 'https://reads.example/syndication/read';
const article = JSON.parse(readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'syndication', 'nbca-syndicated.json'), 'utf8'));
article.syndication.readUrl = READ_URL;
const facts = { id: article.id, canonicalUrl: article.canonicalUrl, lang: 'en' };

// A page whose element starts below a spacer, so a test decides how much of it is in the viewport.
const PAGE = '/test-output/embed/read-signal.html';
writeFileSync(path.join(testOutputDir('embed'), 'read-signal.html'), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>read signal</title><link rel="icon" href="data:,">
<style>body { margin: 0 } #spacer { height: 0 }</style></head>
<body><div id="spacer"></div></body></html>
`);

const VIEWPORT = { width: 1280, height: 800 };

describe('<broadsheet-article> read-through signal', () => {
  let site;
  let browser;

  before(async () => {
    site = await startLoggingServer();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  /**
   * A page on a fake clock with the element, its article and `attributes`, below a spacer of `offset`
   * px (null: at the top). Beacons to READ_URL are answered here; `beacons` lists their bodies.
   */
  async function readingPage({ offset = 0, attributes = {} } = {}) {
    const { page, problems } = await openRecordedPage(browser, { viewport: VIEWPORT });
    const beacons = [];
    await page.route('https://reads.example/**', async (route) => {
      const request = route.request();
      beacons.push({ url: request.url(), method: request.method(), body: request.postData(), type: request.resourceType(),
        contentType: (await request.allHeaders())['content-type'] });
      await route.fulfill({ status: 204 });
    });
    await page.clock.install();
    await page.goto(`${site.baseUrl}${PAGE}`);
    await page.evaluate(async ({ article, offset, attributes }) => {
      window.__reads = [];
      document.addEventListener('broadsheet:read', (event) => {
        window.__reads.push({ detail: event.detail, bubbles: event.bubbles, composed: event.composed, target: event.target.id });
      });
      document.getElementById('spacer').style.height = `${offset}px`;
      await import('/web/element.js');
      const element = document.createElement('broadsheet-article');
      element.id = 'story';
      element.loading = 'eager';
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      element.article = article;
      document.body.append(element);
      await element.updateComplete;
    }, { article, offset, attributes });
    const reads = () => page.evaluate(() => window.__reads);
    // Let IntersectionObserver deliver (it runs with rendering, not with the fake timers).
    const settle = () => page.evaluate(() => new Promise((resolve) => {
      const observer = new IntersectionObserver(() => { observer.disconnect(); resolve(); });
      observer.observe(document.getElementById('story'));
    }));
    await settle();
    return { page, problems, beacons, reads, settle };
  }

  test('fires once after 10 s of reading, then sends one beacon with the article\'s facts only', async () => {
    const { page, problems, beacons, reads } = await readingPage();
    await page.clock.fastForward(9_000);
    assert.deepEqual(await reads(), [], 'not before 10 s');
    await page.clock.fastForward(1_500);
    const events = await reads();
    assert.equal(events.length, 1);
    assert.deepEqual(events[0], { detail: facts, bubbles: true, composed: true, target: 'story' });
    await page.waitForTimeout(300); // the beacon leaves on the real network stack
    assert.equal(beacons.length, 1);
    assert.equal(beacons[0].url, READ_URL);
    assert.equal(beacons[0].method, 'POST');
    assert.deepEqual(JSON.parse(beacons[0].body), facts, 'the same facts and nothing else');
    assert.match(beacons[0].contentType, /^text\/plain/);
    await page.clock.fastForward(60_000);
    await page.evaluate(() => document.getElementById('story').requestUpdate());
    await page.evaluate(() => document.getElementById('story').updateComplete);
    await page.clock.fastForward(60_000);
    await page.waitForTimeout(200);
    assert.equal((await reads()).length, 1, 'once, re-rendered or not');
    assert.equal(beacons.length, 1);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('no-beacon: the event fires, no request leaves', async () => {
    const { page, beacons, reads } = await readingPage({ attributes: { 'no-beacon': '' } });
    await page.clock.fastForward(10_500);
    assert.equal((await reads()).length, 1);
    await page.waitForTimeout(300);
    assert.deepEqual(beacons, []);
    await page.close();
  });

  test('nothing while less than half of the article is visible; the count starts once it is', async () => {
    // 120 px of the article in an 800 px viewport: under half of it, and under half of the viewport.
    const { page, beacons, reads, settle } = await readingPage({ offset: VIEWPORT.height - 120 });
    await page.clock.fastForward(30_000);
    await page.waitForTimeout(200);
    assert.deepEqual(await reads(), []);
    assert.deepEqual(beacons, []);
    await page.evaluate(() => window.scrollTo(0, document.getElementById('story').offsetTop));
    await settle();
    await page.clock.fastForward(10_500);
    assert.equal((await reads()).length, 1);
    await page.waitForTimeout(300);
    assert.equal(beacons.length, 1);
    await page.close();
  });

  test('a hidden page pauses the count; visible time adds up', async () => {
    const { page, reads } = await readingPage();
    const setHidden = (hidden) => page.evaluate((hidden) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
    await page.clock.fastForward(6_000);
    await setHidden(true);
    await page.clock.fastForward(60_000);
    assert.deepEqual(await reads(), [], 'a background tab reads nothing');
    await setHidden(false);
    await page.clock.fastForward(3_000);
    assert.deepEqual(await reads(), [], '9 s in all');
    await page.clock.fastForward(1_500);
    assert.equal((await reads()).length, 1, '10.5 s in all');
    await page.close();
  });
});
