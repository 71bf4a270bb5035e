// What <broadsheet-article> fetches, in headless Chromium, with two origins on 127.0.0.1: the host
// page's (the repository's server) and a publisher's (a server made here, which can answer slowly or
// without end). The article `src` is bounded in time and size and sent without credentials by default;
// the article's relative URLs resolve against the publisher, never the host.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from '../helpers/browser.mjs';
import { testOutputDir } from '../helpers/paths.mjs';
import { openRecordedPage, startLoggingServer } from './support.mjs';

const BLANK_PAGE = '/test-output/embed/fetch-blank.html';
const MAX_INPUT_BYTES = 8 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x20); // white space: valid JSON padding, were it ever read whole
// A 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** An article whose images have relative URLs (path-relative and root-relative), and a link out. */
const RELATIVE_ARTICLE = {
  format: 'broadsheet/article@1',
  headline: 'Relative pictures',
  image: { src: '/images/lead.png', alt: 'The lead picture', width: 1, height: 1 },
  body: [
    { type: 'paragraph', text: 'Before the picture, a [link elsewhere](https://example.org/elsewhere).' },
    { type: 'image', src: 'images/photo.png', alt: 'A picture beside the article', width: 1, height: 1 },
    { type: 'paragraph', text: 'After the picture.' },
  ],
};

writeFileSync(path.join(testOutputDir('embed'), 'fetch-blank.html'), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>fetch tests</title><link rel="icon" href="data:,"></head>
<body></body></html>
`);

/**
 * The publisher's server. `/stalled-headers` never answers; `/stalled-body` sends its headers and a
 * few bytes, then nothing; `/endless` streams white space (up to 64 MiB) for as long as it is read,
 * recording in `endless` how much it wrote and whether the client went away first.
 */
async function startPublisher() {
  const requests = [];
  let closed;
  const endless = { written: 0, clientClosed: false, finished: false, closed: new Promise((resolve) => { closed = resolve; }) };
  const server = createServer((request, response) => {
    requests.push({ url: request.url, headers: request.headers });
    const headers = { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' };
    if (request.url === '/stalled-headers') return;
    if (request.url.startsWith('/articles/story.json')) return response.writeHead(200, headers).end(JSON.stringify(RELATIVE_ARTICLE));
    if (request.url.endsWith('.png')) return response.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG);
    if (request.url === '/stalled-body') {
      response.writeHead(200, headers);
      response.write('{"format": "broadsheet/article@1", ');
      return;
    }
    if (request.url === '/endless') {
      response.writeHead(200, headers);
      response.on('close', () => {
        endless.clientClosed = !response.writableFinished;
        closed();
      });
      const write = () => {
        while (endless.written < 64 * 1024 * 1024) {
          endless.written += CHUNK.length;
          if (!response.write(CHUNK)) return response.once('drain', write);
        }
        endless.finished = true;
        response.end();
      };
      return write();
    }
    response.writeHead(404, headers).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    requests,
    endless,
    baseUrl: `http://127.0.0.1:${server.address().port}`,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * In the page: one eager element with the given attributes (and `article` property, if given); resolves
 * with what it ended up showing, once its images have loaded or failed.
 */
function renderElement(page, tag, attributes, article) {
  return page.evaluate(async ({ tag, attributes, article }) => {
    const { BroadsheetArticle } = await import('/web/element.js');
    if (!customElements.get(tag)) customElements.define(tag, class extends BroadsheetArticle {});
    const element = document.createElement(tag);
    element.setAttribute('loading', 'eager');
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (article) element.article = article;
    let error = null;
    element.addEventListener('broadsheet:error', (event) => {
      error = { reason: event.detail.reason, message: event.detail.message };
    });
    const started = performance.now();
    document.body.append(element);
    const shown = await element.updateComplete;
    const milliseconds = performance.now() - started;
    const images = [...element.shadowRoot.querySelectorAll('img')];
    await Promise.all(images.map((image) => image.decode().catch(() => {})));
    return {
      shown,
      state: element.state,
      error,
      milliseconds,
      headline: element.shadowRoot.querySelector('.bs-headline')?.textContent ?? null,
      images: images.map((image) => ({ src: image.getAttribute('src'), referrerPolicy: image.getAttribute('referrerpolicy') })),
      links: [...element.shadowRoot.querySelectorAll('.bs-body a')].map((link) => link.rel),
      diagnostics: element.diagnostics.map((d) => `${d.code} ${d.path}`),
    };
  }, { tag, attributes, article });
}

/** The paths of the image requests a server received. */
const imageRequests = (server) => server.requests.map((r) => r.url).filter((url) => url.endsWith('.png'));

describe('<broadsheet-article> src requests', () => {
  let host;
  let publisher;
  let browser;

  before(async () => {
    [host, publisher, browser] = await Promise.all([startLoggingServer(), startPublisher(), launchChromium()]);
  });

  after(async () => {
    await browser?.close();
    await Promise.all([host?.close(), publisher?.close()]);
  });

  async function blankPage() {
    const recorded = await openRecordedPage(browser);
    await recorded.page.goto(`${host.baseUrl}${BLANK_PAGE}`);
    return recorded;
  }

  test('a response that does not complete within fetch-timeout is abandoned: fallback, reason fetch', async () => {
    const { page } = await blankPage();
    const warnings = [];
    page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
    for (const [tag, file] of [['bs-stalled-headers', '/stalled-headers'], ['bs-stalled-body', '/stalled-body']]) {
      const src = `${publisher.baseUrl}${file}`;
      const outcome = await renderElement(page, tag, { src, 'fetch-timeout': '400' });
      assert.deepEqual([outcome.shown, outcome.state, outcome.error?.reason], [false, 'error', 'fetch'], file);
      assert.equal(outcome.error.message, `could not load ${src}: no complete response within 400 ms`);
      assert.ok(outcome.milliseconds >= 390 && outcome.milliseconds < 5000, `${file}: ${outcome.milliseconds} ms`);
    }
    assert.equal(warnings.length, 2, 'one console warning each');
    assert.match(warnings[0], /^broadsheet: <bs-stalled-headers src="[^"]+"> not shown: could not load .* within 400 ms$/);
  });

  test('reading stops at the input limit while streaming', async (t) => {
    const { page } = await blankPage();
    const outcome = await renderElement(page, 'bs-endless', { src: `${publisher.baseUrl}/endless` });
    assert.deepEqual([outcome.shown, outcome.state, outcome.error?.reason], [false, 'error', 'fetch']);
    assert.equal(outcome.error.message,
      `could not load ${publisher.baseUrl}/endless: the article is larger than the limit of ${MAX_INPUT_BYTES} bytes`);
    // The browser went away long before the 64 MiB end; what the server wrote beyond the limit is what
    // the sockets' and the browser's network buffers took (10 to 19 MiB in all, measured).
    await publisher.endless.closed;
    const { written, finished, clientClosed } = publisher.endless;
    assert.deepEqual({ finished, clientClosed }, { finished: false, clientClosed: true }, `wrote ${written} bytes`);
    assert.ok(written < 5 * MAX_INPUT_BYTES, `wrote ${written} bytes`);
    t.diagnostic(`the server wrote ${(written / 1024 / 1024).toFixed(1)} MiB before the browser closed the connection`);
  });

  test('credentials are omitted unless the credentials attribute opts in', async () => {
    const { page } = await blankPage();
    await page.context().addCookies([{ name: 'session', value: 'partner-secret', url: host.baseUrl }]);
    // Same origin as the page, where a cookie would go by default.
    const modes = { omitted: undefined, 'same-origin': 'same-origin', include: 'include', bogus: 'everything' };
    for (const [name, credentials] of Object.entries(modes)) {
      const attributes = { src: `/examples/arabic-brief.json?credentials=${name}` };
      if (credentials) attributes.credentials = credentials;
      const outcome = await renderElement(page, `bs-credentials-${name.replace(/[^a-z]/g, '')}`, attributes);
      assert.equal(outcome.state, 'rendered', name);
    }
    const cookieOf = (name) => host.requests.find((r) => r.url.endsWith(`credentials=${name}`))?.headers.cookie;
    assert.equal(cookieOf('omitted'), undefined, 'no cookie by default');
    assert.equal(cookieOf('bogus'), undefined, 'nor for an unknown value');
    assert.match(cookieOf('same-origin') ?? '', /session=partner-secret/);
    assert.match(cookieOf('include') ?? '', /session=partner-secret/);
  });

  test("a src article's relative images are requested from the publisher's origin, never the host's", async () => {
    const { page } = await blankPage();
    const src = `${publisher.baseUrl}/articles/story.json`;
    const outcome = await renderElement(page, 'bs-relative-src', { src });
    assert.equal(outcome.state, 'rendered', JSON.stringify(outcome.diagnostics));
    assert.deepEqual(outcome.images.map((image) => image.src),
      [`${publisher.baseUrl}/images/lead.png`, `${publisher.baseUrl}/articles/images/photo.png`]);
    assert.deepEqual(imageRequests(publisher).sort(), ['/articles/images/photo.png', '/images/lead.png']);
    assert.deepEqual(imageRequests(host), [], 'the host was asked for no image');
  });

  test('without a base, an inline article drops its relative images; base-url or src gives it one', async () => {
    const { page } = await blankPage();
    const before = imageRequests(publisher).length;
    const dropped = await renderElement(page, 'bs-relative-inline', {}, RELATIVE_ARTICLE);
    assert.equal(dropped.state, 'rendered');
    assert.deepEqual(dropped.images, [], 'both relative images are left out');
    assert.ok(dropped.diagnostics.includes('BS-URL-RELATIVE /body/1/src'), dropped.diagnostics.join());
    assert.ok(dropped.diagnostics.includes('BS-URL-RELATIVE /image/src'), dropped.diagnostics.join());

    const based = await renderElement(page, 'bs-relative-based', { 'base-url': `${publisher.baseUrl}/articles/` },
      RELATIVE_ARTICLE);
    assert.deepEqual(based.images.map((image) => image.src),
      [`${publisher.baseUrl}/images/lead.png`, `${publisher.baseUrl}/articles/images/photo.png`]);
    assert.equal(imageRequests(publisher).length, before + 2);

    // An inline or property article with a `src` lives there (an embed snippet's article does).
    const withSrc = await renderElement(page, 'bs-relative-with-src', { src: `${publisher.baseUrl}/articles/story.json?unused` },
      RELATIVE_ARTICLE);
    assert.deepEqual(withSrc.images.map((image) => image.src),
      [`${publisher.baseUrl}/images/lead.png`, `${publisher.baseUrl}/articles/images/photo.png`]);
    assert.equal(publisher.requests.filter((r) => r.url.endsWith('?unused')).length, 0, 'the property wins over src');

    // A base the core refuses (it names a user) is no base: the images are left out, not kept.
    const refused = await renderElement(page, 'bs-relative-refused',
      { 'base-url': `${publisher.baseUrl.replace('//', '//reader:secret@')}/articles/` }, RELATIVE_ARTICLE);
    assert.deepEqual(refused.images, []);
    assert.ok(refused.diagnostics.includes('BS-OPTION /baseUrl'), refused.diagnostics.join());
    assert.deepEqual(imageRequests(host), [], 'the host was asked for no image');
  });

  test('referrerpolicy reaches the images, link-rel the links to other sites', async () => {
    const { page } = await blankPage();
    const src = `${publisher.baseUrl}/articles/story.json?policies`;
    publisher.requests.length = 0;
    const outcome = await renderElement(page, 'bs-policies', { src, referrerpolicy: 'no-referrer', 'link-rel': 'nofollow ugc' });
    assert.deepEqual(outcome.images.map((image) => image.referrerPolicy), ['no-referrer', 'no-referrer']);
    assert.deepEqual(outcome.links.map((rel) => rel.split(' ').sort().join(' ')), ['nofollow noopener ugc']);
    const images = publisher.requests.filter((r) => r.url.endsWith('.png'));
    assert.equal(images.length, 2);
    assert.deepEqual(images.map((r) => r.headers.referer), [undefined, undefined], 'no Referer sent');

    // The control: by default the images are requested with the host page's origin as referrer. (A new
    // page: this one would reuse the images it has.)
    publisher.requests.length = 0;
    await renderElement((await blankPage()).page, 'bs-default-policies', { src: `${src}-default` });
    const referrers = publisher.requests.filter((r) => r.url.endsWith('.png')).map((r) => r.headers.referer);
    assert.deepEqual(referrers, [`${host.baseUrl}/`, `${host.baseUrl}/`]);
  });
});
