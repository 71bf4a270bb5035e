// The XSS corpus (tests/security/xss-vectors.json, the shared one) through the `syndication` members
// and the head tags (issue 15). Each vector goes into every syndication member and every member the
// head tags carry (headline, standfirst, section, tag, publisher, image, canonicalUrl), as text in one
// article and as URLs in another. In Node: the head tags of every article are only <link>, <meta> and
// one JSON-LD <script>, every value inside its double quotes with no < > ' " in it, the script's
// JSON parses and nothing in it can end the element, and every URL written is http(s). In Chromium:
// pages that carry those head tags in their <head> and the fragments (with the provenance line) in
// their body, and the standalone documents in iframes, run nothing: no __xss call, no alert/confirm/
// prompt/print, and every link of a provenance line is http(s).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { launchChromium } from '../helpers/browser.mjs';
import { repoRoot, testOutputDir } from '../helpers/paths.mjs';
import { startLoggingServer } from '../embed/support.mjs';

const vectors = JSON.parse(readFileSync(path.join(repoRoot, 'tests', 'security', 'xss-vectors.json'), 'utf8'));
const sample = JSON.parse(readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'syndication', 'nbca-syndicated.json'), 'utf8'));
const BATCH = 60;

/** The sample with `value` in every text member the head tags and the provenance line show. */
function inText(value) {
  const article = structuredClone(sample);
  article.id = value;
  article.headline = value;
  article.standfirst = value;
  article.section = value;
  article.tags = [value];
  article.publisher.name = value;
  article.image = { src: 'https://images.example/lead.jpg', alt: value };
  article.syndication.source.name = value;
  article.syndication.attribution = value;
  article.syndication.license = value;  // an unknown id, or (with : or /) a URL the policy judges
  return article;
}

/** The sample with `value` in every URL member the head tags and the provenance line write. */
function inUrls(value) {
  const article = structuredClone(sample);
  article.canonicalUrl = value;
  article.publisher.url = value;
  article.image = { src: value, alt: 'A picture' };
  article.syndication.source.url = value;
  article.syndication.source.logo = value;
  article.syndication.originalUrl = value;
  article.syndication.readUrl = value;
  return article;
}

/** An attribute value as the browser reads it (the core writes &amp; &lt; &gt; &quot; &#39;). */
function decodeEntities(value) {
  return value.replace(/&(amp|lt|gt|quot|#39);/g, (_, name) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]);
}

const HEAD_TAG = /(?:<link rel="canonical" href="[^"<>']*">|<meta (?:name|property)="[a-z:_]+" content="[^"<>']*">|<script type="application\/ld\+json">([^<>]*)<\/script>)\n/;

describe('XSS vectors in syndication members and head tags', () => {
  let renderer;
  const cases = [];
  let site;
  let browser;

  before(async () => {
    renderer = await createRenderer();
    for (const vector of vectors) {
      for (const [where, make] of [['text', inText], ['urls', inUrls]]) {
        const article = make(vector.vector);
        const head = renderer.headTags(article);
        const fragment = renderer.render(article);
        const standalone = renderer.render(article, { standalone: true }).html;
        cases.push({ key: `${vector.id}-${where}`, head, fragment: fragment.html, meta: fragment.meta, standalone });
      }
    }
    site = await startLoggingServer();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  test('every article renders, with head tags and (unless its source or original was refused) a provenance line', () => {
    assert.equal(cases.length, vectors.length * 2);
    for (const item of cases) {
      assert.ok(item.head.length > 0 && item.fragment.length > 0, item.key);
      if (item.key.endsWith('-text')) assert.match(item.fragment, /class="bs-provenance"/, item.key);
    }
  });

  test('the head tags never leave their attribute or script context', () => {
    for (const { key, head } of cases) {
      // One tag a line, the whole string; a value may hold a line feed (inside its quotes).
      const tag = new RegExp(HEAD_TAG.source, 'y');
      let scripts = 0;
      while (tag.lastIndex < head.length) {
        const at = tag.lastIndex;
        const match = tag.exec(head);
        assert.ok(match, `${key}: ${head.slice(at, at + 200)}`);
        if (match[1] === undefined) continue;
        scripts += 1;
        assert.doesNotMatch(match[1], /[\u2028\u2029&]/, key);
        const data = JSON.parse(match[1]);
        assert.equal(data['@type'], 'NewsArticle', key);
      }
      assert.equal(scripts, 1, key);
      // Every URL, as a browser resolves it (relative ones against some page), is http(s).
      for (const [, url] of head.matchAll(/(?:href="|property="og:(?:url|image)" content="|name="twitter:image" content=")([^"]*)"/g)) {
        assert.match(new URL(decodeEntities(url), 'https://host.example/page').protocol, /^https?:$/, `${key}: ${url}`);
      }
    }
  });

  test('a refused readUrl never reaches meta: only https', () => {
    for (const { key, meta } of cases) {
      if (meta.readUrl !== null) assert.match(meta.readUrl, /^https:\/\//, key);
    }
  });

  test('in Chromium: head tags in a page\'s <head>, fragments in its body, standalone documents in frames run nothing', async () => {
    const dir = testOutputDir('security', 'syndication-xss');
    const page = await browser.newPage();
    await page.addInitScript(() => {
      if (window.__xssCalls) return;
      const calls = [];
      Object.defineProperty(window, '__xssCalls', { value: calls });
      const record = (what) => (...args) => { calls.push(`${what}(${args.map(String).join(',')})`); };
      window.__xss = record('__xss');
      for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = record(name);
    });
    page.on('dialog', (dialog) => dialog.dismiss());
    await page.route('https://**', (route) => route.fulfill({ status: 204 }));
    // The canary: a page that does run script in its head, its body and a frame is caught, each time.
    writeFileSync(path.join(dir, 'canary.html'), '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>canary</title>' +
      '<script>__xss("head")</script></head><body><img src="x" onerror="__xss(\'body\')">' +
      '<iframe srcdoc="<script>__xss(&quot;frame&quot;)</script>"></iframe></body></html>');
    await page.goto(`${site.baseUrl}/test-output/security/syndication-xss/canary.html`, { waitUntil: 'load' });
    const canary = await page.evaluate(() => [...window.__xssCalls, ...document.querySelector('iframe').contentWindow.__xssCalls]);
    assert.deepEqual(canary.sort(), ['__xss(body)', '__xss(frame)', '__xss(head)']);

    let pages = 0;
    for (let start = 0; start < cases.length; start += BATCH) {
      const batch = cases.slice(start, start + BATCH);
      const frames = batch.map((item, i) => `<iframe id="f${i}" width="400" height="300" srcdoc="${item.standalone
        .replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`).join('\n');
      const html = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>batch ${start}</title>\n` +
        `${batch.map((item) => item.head).join('')}</head>\n<body>\n${batch.map((item) => `<section data-key="${item.key}">${item.fragment}</section>`).join('\n')}\n${frames}\n</body>\n</html>\n`;
      const file = `batch-${start}.html`;
      writeFileSync(path.join(dir, file), html);
      await page.goto(`${site.baseUrl}/test-output/security/syndication-xss/${file}`, { waitUntil: 'load' });
      const outcome = await page.evaluate(() => {
        const calls = [...window.__xssCalls];
        for (const frame of document.querySelectorAll('iframe')) calls.push(...(frame.contentWindow.__xssCalls ?? ['frame without recorder']));
        const heads = [...document.head.children].map((node) => node.localName);
        const links = [...document.querySelectorAll('.bs-provenance a')].map((a) => a.protocol);
        // Focus and click the provenance links: a script URL would run now (clicks on http(s) links are cancelled).
        document.addEventListener('click', (event) => event.preventDefault(), true);
        for (const a of document.querySelectorAll('.bs-provenance a')) { a.focus(); a.click(); }
        calls.push(...window.__xssCalls.slice(calls.length));
        return { calls, heads, links };
      });
      assert.deepEqual(outcome.calls, [], `batch from ${start}`);
      assert.ok(outcome.heads.every((name) => ['meta', 'title', 'link', 'script'].includes(name)), outcome.heads.join(' '));
      for (const protocol of outcome.links) assert.match(protocol, /^https?:$/, protocol);
      pages += 1;
    }
    assert.equal(pages, Math.ceil(cases.length / BATCH));
    await page.close();
  });
});
