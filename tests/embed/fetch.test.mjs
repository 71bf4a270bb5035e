// What <broadsheet-article> fetches, in headless Chromium, with two origins on 127.0.0.1: the host
// page's (the repository's server) and a publisher's (a server made here, which can answer slowly or
// without end). The article `src` is bounded in time and size and sent without credentials by default.
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
  const endless = { written: 0, clientClosed: false, finished: false };
  const server = createServer((request, response) => {
    requests.push({ url: request.url, headers: request.headers });
    const headers = { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' };
    if (request.url === '/stalled-headers') return;
    if (request.url === '/stalled-body') {
      response.writeHead(200, headers);
      response.write('{"format": "broadsheet/article@1", ');
      return;
    }
    if (request.url === '/endless') {
      response.writeHead(200, headers);
      response.on('close', () => { endless.clientClosed = !response.writableFinished; });
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

/** In the page: one eager element with the given attributes; resolves with what it ended up showing. */
function renderElement(page, tag, attributes) {
  return page.evaluate(async ({ tag, attributes }) => {
    const { BroadsheetArticle } = await import('/web/element.js');
    if (!customElements.get(tag)) customElements.define(tag, class extends BroadsheetArticle {});
    const element = document.createElement(tag);
    element.setAttribute('loading', 'eager');
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    let error = null;
    element.addEventListener('broadsheet:error', (event) => {
      error = { reason: event.detail.reason, message: event.detail.message };
    });
    const started = performance.now();
    document.body.append(element);
    const shown = await element.updateComplete;
    return {
      shown,
      state: element.state,
      error,
      milliseconds: performance.now() - started,
      headline: element.shadowRoot.querySelector('.bs-headline')?.textContent ?? null,
    };
  }, { tag, attributes });
}

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

  test('reading stops at the input limit while streaming', async () => {
    const { page } = await blankPage();
    const outcome = await renderElement(page, 'bs-endless', { src: `${publisher.baseUrl}/endless` });
    assert.deepEqual([outcome.shown, outcome.state, outcome.error?.reason], [false, 'error', 'fetch']);
    assert.equal(outcome.error.message,
      `could not load ${publisher.baseUrl}/endless: the article is larger than the limit of ${MAX_INPUT_BYTES} bytes`);
    // The browser went away long before the 64 MiB end; what the server wrote beyond the limit is what
    // the sockets' buffers took.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(publisher.endless.finished, false, `wrote ${publisher.endless.written} bytes`);
    assert.equal(publisher.endless.clientClosed, true);
    assert.ok(publisher.endless.written < 3 * MAX_INPUT_BYTES, `wrote ${publisher.endless.written} bytes`);
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
});
