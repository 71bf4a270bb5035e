// The XSS corpus in real Chromium (issue 6, docs/security.md).
//
// Every vector of tests/security/xss-vectors.json (public attack strings; each calls __xss(id) if it
// runs) goes into every string member of an article (tests/security/articles.mjs), is rendered by the
// WebAssembly build, and is put into pages three ways: through <broadsheet-article> (shadow root,
// rendered in the browser), as a fragment in the light DOM of a page (a partner's server-side
// include), and as a whole standalone document (in same-origin iframes). Every element is then
// clicked, focused, hovered and sent the other events inline handlers listen for. The test passes when
//   - nothing ran: no __xss call, no alert/confirm/prompt/print, no dialog, no navigation;
//   - no javascript:, vbscript:, data: or other URL outside the policy is in any attribute;
//   - the DOM holds only elements and attributes of tests/security/markup-allowlist.json;
//   - each vector's letters and digits are still in the rendered text (escaped, not deleted), except
//     where it stood as a URL (checked per member, in Node, against an article without the vector).
// Many articles share a page and one browser serves every page, to stay well under five minutes.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../../scripts/serve.js';
import { createRenderer } from '../../web/broadsheet.js';
import { launchChromium } from '../helpers/browser.mjs';
import { repoRoot, testOutputDir } from '../helpers/paths.mjs';
import { articleWith, baseArticle, MEMBERS, SHOWN_KINDS } from './articles.mjs';
import { readableMarkdown, renderedText } from './text.mjs';

const here = path.join(repoRoot, 'tests', 'security');
const vectors = JSON.parse(readFileSync(path.join(here, 'xss-vectors.json'), 'utf8'));
const allowList = JSON.parse(readFileSync(path.join(here, 'markup-allowlist.json'), 'utf8'));

/**
 * The frames the base article's embed blocks load when their placeholder's button is clicked, rebuilt
 * by the core from the blocks' URLs (docs/embeds.md). A frame navigating anywhere else is a finding.
 */
const EMBED_FRAMES = new Set([
  'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
  'https://player.vimeo.com/video/76979871?dnt=1',
]);

/** Articles per page. Larger batches are faster; smaller ones make a failure cheaper to read. */
const BATCH = 100;

// The three articles each vector is tried in: members that must render (text), members the
// policy refuses or checks (urls), and the body as one CommonMark string.
const GROUPS = {
  text: MEMBERS.filter((m) => !['url', 'validated'].includes(m.kind) && m.path !== '/body'),
  urls: MEMBERS.filter((m) => ['url', 'validated'].includes(m.kind)),
  body: MEMBERS.filter((m) => m.path === '/body'),
};

// The ways an article reaches a page (see mount): <broadsheet-article> given the article object, the
// fragment HTML in the light DOM, the standalone document in an iframe.
const EMBEDDINGS = ['element', 'fragment', 'standalone'];

// ── In the page ─────────────────────────────────────────────────────────────────────────────────────

/** Installed in every frame before any content: records anything that runs. */
function recorder() {
  // Runs for every new document, and a frame's first document may share its window with the next.
  if (!window.__xssCalls) {
    const calls = [];
    Object.defineProperty(window, '__xssCalls', { value: calls });
    const record = (what) => (...args) => { calls.push(`${what}(${args.map(String).join(',')})`); };
    window.__xss = record('__xss');
    for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = record(name);
  }
  // Links are followed only when they could run script; every other click stays on the page. (On the
  // window: it outlives the frame's first document.)
  if (window.__xssGuarded) return;
  window.__xssGuarded = true;
  window.addEventListener('click', (event) => {
    const link = event.composedPath().find((node) => node instanceof Element && node.matches('a[href],area[href]'));
    if (link && /^[\s\u0000-\u001f]*(javascript|vbscript):/i.test(link.getAttribute('href'))) return;
    event.preventDefault();
  }, true);
  window.addEventListener('submit', (event) => event.preventDefault(), true);
}

/** Puts a batch of articles on the page and waits until they have rendered. */
async function mount({ embedding, items }) {
  const stage = document.getElementById('stage');
  stage.replaceChildren();
  const containers = [];
  for (const item of items) {
    const box = document.createElement('section');
    box.dataset.key = item.key;
    if (embedding === 'element') {
      const element = document.createElement('broadsheet-article');
      element.setAttribute('loading', 'eager');
      element.article = item.article;
      box.append(element);
    } else if (embedding === 'fragment') {
      box.innerHTML = item.html;
    } else {
      const frame = document.createElement('iframe');
      frame.srcdoc = item.html;
      frame.width = '800';
      frame.height = '600';
      box.append(frame);
    }
    stage.append(box);
    containers.push(box);
  }
  if (embedding === 'element') {
    await customElements.whenDefined('broadsheet-article');
    await Promise.all(containers.map((box) => box.firstElementChild.updateComplete));
  } else if (embedding === 'standalone') {
    await Promise.all(containers.map((box) => {
      const frame = box.firstElementChild;
      return frame.contentDocument?.readyState === 'complete' && frame.contentDocument.body?.childElementCount
        ? null
        : new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    }));
  }
  return containers.length;
}

/**
 * Walks every article on the page (into shadow roots and iframes), checks its markup against the
 * allow-list and its URLs against the policy, and fires every event an inline handler could wait
 * for. Returns the violations found, by article key.
 */
async function inspect({ allow, embedding }) {
  const violations = [];
  let visited = 0;
  const elements = new Set(allow.elements);
  const standaloneElements = new Set(allow.standaloneElements);
  const embeddingElements = new Set(allow.embedding.elements);
  const attributesOf = (table, name) => new Set([...(table['*'] ?? []), ...(table[name] ?? [])]);
  const urlProtocols = { a: ['http:', 'https:', 'mailto:'], link: ['http:', 'https:'], img: ['http:', 'https:'] };
  // Attributes a browser reads as a URL (only href and src are allowed at all; the rest would fail
  // the allow-list first, and are listed so that such a failure also names the URL).
  const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcset',
    'background', 'ping', 'cite', 'longdesc', 'lowsrc', 'dynsrc', 'codebase', 'manifest', 'icon']);
  // The events inline handlers most often wait for (click and focus are real, below).
  const events = ['mouseover', 'mouseenter', 'mousedown', 'mouseup', 'pointerover', 'pointerdown', 'focusin',
    'keydown', 'input', 'dblclick', 'contextmenu', 'animationstart', 'transitionend', 'toggle', 'load', 'error'];

  function check(element, key, context) {
    const name = element.localName;
    const where = `${key} <${name}>`;
    let allowedAttributes;
    if (context === 'embedding') {
      if (!embeddingElements.has(name)) violations.push(`${where}: element not allowed around the article`);
      allowedAttributes = attributesOf(allow.embedding.attributes, name);
    } else {
      const allowed = elements.has(name) || (context === 'standalone' && standaloneElements.has(name));
      if (!allowed) violations.push(`${where}: element outside the allow-list`);
      allowedAttributes = attributesOf(allow.attributes, name);
      if (context === 'element') for (const extra of allow.embedding.addedToCore) allowedAttributes.add(extra);
    }
    for (const attribute of element.attributes) {
      const value = attribute.value;
      if (!allowedAttributes.has(attribute.name)) violations.push(`${where}: attribute ${attribute.name}="${value.slice(0, 80)}"`);
      if (URL_ATTRIBUTES.has(attribute.name) && /^[\s\u0000-\u001f]*(javascript|vbscript|data|livescript|mocha)\s*:/i.test(value.replace(/[\t\n\r]/g, ''))) {
        violations.push(`${where}: ${attribute.name} holds a script URL: ${value.slice(0, 80)}`);
      }
    }
    const urlAttribute = allow.urlAttributes[name];
    if (urlAttribute && element.hasAttribute(urlAttribute)) {
      const resolved = element[urlAttribute === 'href' ? 'href' : 'src'];
      let protocol = '';
      try {
        protocol = new URL(resolved).protocol;
      } catch {
        protocol = 'unparsable';
      }
      if (!urlProtocols[name].includes(protocol)) violations.push(`${where}: ${urlAttribute} resolves to ${protocol} ${resolved.slice(0, 80)}`);
    }
    // Each srcset candidate is a URL too (written "url 400w, url 800w": URLs hold no white space).
    if (name === 'img' && element.hasAttribute('srcset')) {
      for (const candidate of element.getAttribute('srcset').split(/,\s+/)) {
        const url = candidate.trim().split(/\s+/)[0];
        let protocol = '';
        try {
          protocol = new URL(url, element.baseURI).protocol;
        } catch {
          protocol = 'unparsable';
        }
        if (!urlProtocols.img.includes(protocol)) violations.push(`${where}: a srcset candidate resolves to ${protocol} ${url.slice(0, 80)}`);
      }
    }
    if (name === 'script' && !allow.scriptTypes.includes(element.getAttribute('type'))) {
      violations.push(`${where}: a script of type ${element.getAttribute('type')}`);
    }
  }

  function interact(element) {
    visited += 1;
    for (const type of events) {
      try {
        element.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
      } catch { /* some events cannot be constructed this way: skip them */ }
    }
    if (element.tabIndex >= 0) element.focus?.();  // only what can take focus (focus() forces layout)
    element.click?.();
  }

  /** Every element under `root`, descending into shadow roots; iframes are returned apart. */
  function* descendants(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.currentNode; node; node = walker.nextNode()) {
      if (node === root && !(root instanceof Element)) continue;
      yield node;
      if (node.shadowRoot) yield* descendants(node.shadowRoot);
    }
  }

  for (const box of document.querySelectorAll('#stage > section')) {
    const key = box.dataset.key;
    if (embedding === 'element') {
      const host = box.firstElementChild;
      if (!host.shadowRoot) violations.push(`${key}: the element has no shadow root`);
      const article = host.shadowRoot?.querySelector('article');
      for (const node of descendants(host.shadowRoot)) {
        const inArticle = article?.contains(node);
        check(node, key, inArticle ? 'element' : 'embedding');
        interact(node);
      }
    } else if (embedding === 'fragment') {
      for (const node of box.querySelectorAll('*')) {
        check(node, key, 'fragment');
        interact(node);
      }
    } else {
      const doc = box.firstElementChild.contentDocument;
      if (!doc) {
        violations.push(`${key}: the standalone document did not load`);
        continue;
      }
      for (const node of doc.querySelectorAll('*')) {
        check(node, key, 'standalone');
        interact(node);
      }
    }
  }
  // Let what the events started (timers, image errors, navigations) happen before counting.
  await new Promise((resolve) => setTimeout(resolve, 250));
  return { violations, visited };
}

/** Every call recorded in the page and its frames. */
function collectCalls() {
  const calls = [...window.__xssCalls];
  for (const frame of document.querySelectorAll('iframe')) {
    const key = frame.closest('section')?.dataset.key;
    let inner;
    try {
      inner = frame.contentWindow.__xssCalls;
    } catch {
      calls.push(`${key}: the standalone document's frame left the page (cross-origin now)`);
      continue;
    }
    if (inner) calls.push(...inner.map((call) => `${key}: ${call}`));
  }
  return calls;
}

// ── Text kept ───────────────────────────────────────────────────────────────────────────────────────

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

/** How often each letter and digit occurs in `text`. */
function characterCounts(text) {
  const counts = new Map();
  for (const [c] of text.matchAll(LETTER_OR_DIGIT)) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

// ── The test ────────────────────────────────────────────────────────────────────────────────────────

describe('XSS corpus in Chromium', () => {
  let server;
  let baseUrl;
  let browser;
  let context;
  let renderer;

  before(async () => {
    server = startServer({ port: 0 });
    await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${server.address().port}`;
    [browser, renderer] = await Promise.all([launchChromium(), createRenderer()]);
    context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    await context.addInitScript(recorder);
    // Only the test server answers; every other request (images, links) fails at once, except the
    // frames of the base article's embeds, which the harness's clicks load (answered here, empty).
    await context.route((url) => !url.href.startsWith(baseUrl), (route) =>
      EMBED_FRAMES.has(route.request().url())
        ? route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><title>frame</title>' })
        : route.abort());
  });

  after(async () => {
    await browser?.close();
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  /**
   * One page: the batch mounted in one embedding, inspected and exercised. Returns what ran or broke
   * (`findings`), the dialogs that opened and how many elements were exercised.
   */
  async function runPage(embedding, batch) {
    const page = await context.newPage();
    const findings = [];
    page.on('dialog', (dialog) => {
      findings.push(`${embedding}: executed a ${dialog.type()} dialog: ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });
    page.on('pageerror', (error) => findings.push(`${embedding}: uncaught page error: ${error.message}`));
    const harness = `${baseUrl}/tests/security/xss-harness.html`;
    page.on('framenavigated', (frame) => {
      const url = frame.url();
      const expected = frame === page.mainFrame()
        ? url === harness
        : url === 'about:srcdoc' || url === 'about:blank' || EMBED_FRAMES.has(url);
      if (!expected) findings.push(`${embedding}: a frame navigated to ${url.slice(0, 120)}`);
    });
    await page.goto(harness);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    const mounted = await page.evaluate(mount, { embedding, items: batch });
    assert.equal(mounted, batch.length);
    const { violations, visited } = await page.evaluate(inspect, { allow: allowList, embedding });
    const calls = await page.evaluate(collectCalls);
    await page.close();
    findings.push(...violations.map((v) => `${embedding}: ${v}`), ...calls.map((c) => `${embedding}: executed ${c}`));
    return { findings, visited };
  }

  test('the corpus is complete and every member is covered', () => {
    assert.equal(vectors.length, 487);
    assert.equal(new Set(vectors.map((v) => v.id)).size, vectors.length);
    const grouped = Object.values(GROUPS).flat();
    assert.equal(grouped.length, MEMBERS.length);
    const clean = renderer.render(baseArticle());
    assert.deepEqual(clean.diagnostics.filter((d) => d.severity === 'error'), []);
  });

  test('the harness sees script that runs, script URLs and foreign markup (canary)', async () => {
    const unsafe = '<p onmouseover="__xss(\'canary-handler\')">x</p><img src="https://images.example/none.png" srcset="javascript:x 1w" ' +
      'onerror="__xss(\'canary-error\')"><a href="javascript:__xss(\'canary-link\')">link</a><script>__xss(\'canary-script\')</script>';
    for (const embedding of ['fragment', 'standalone']) {
      const html = embedding === 'fragment' ? unsafe : `<!DOCTYPE html><html><head></head><body>${unsafe}</body></html>`;
      const { findings } = await runPage(embedding, [{ key: 'canary', html }]);
      const text = findings.join('\n');
      for (const expected of ['canary-handler', 'canary-error', 'canary-link', 'attribute onmouseover', 'script URL', 'srcset candidate']) {
        assert.ok(text.includes(expected), `${embedding}: the harness reports ${expected}:\n${text}`);
      }
      if (embedding === 'standalone') assert.ok(text.includes('canary-script'), text);
    }
  });

  // The timeout only stops a hang: the 1,461 articles in three embeddings take about 250 s alone on a 2-core
  // machine (element 70, fragment 57, standalone 117) and more after the other suites; time is the
  // benchmarks' business.
  test('no vector runs, leaves a script URL or adds markup, in any member or embedding', { timeout: 600_000 }, async () => {
    const started = Date.now();
    // Every article, rendered once by the WASM build as a fragment and as a standalone document.
    const items = [];
    for (const vector of vectors) {
      for (const [group, members] of Object.entries(GROUPS)) {
        const article = articleWith(vector.vector, members);
        const fragment = renderer.render(article);
        const standalone = renderer.render(article, { standalone: true });
        assert.ok(fragment.html && standalone.html, `vector ${vector.id} (${group}) renders some HTML`);
        items.push({ key: `${vector.id}/${group}`, members: members.length, article, fragment: fragment.html, standalone: standalone.html });
      }
    }

    const findings = [];
    let visited = 0;
    const secondsPerEmbedding = {};
    for (const embedding of EMBEDDINGS) {
      const embeddingStarted = Date.now();
      for (let start = 0; start < items.length; start += BATCH) {
        const batch = items.slice(start, start + BATCH).map((item) => ({
          key: item.key,
          article: item.article,
          html: embedding === 'standalone' ? item.standalone : item.fragment,
        }));
        const page = await runPage(embedding, batch);
        findings.push(...page.findings);
        visited += page.visited;
      }
      secondsPerEmbedding[embedding] = Math.round((Date.now() - embeddingStarted) / 1000);
    }

    const placements = items.reduce((sum, item) => sum + item.members, 0);
    const summary = {
      vectors: vectors.length,
      members: MEMBERS.length,
      placements,
      renders: items.length * 2,
      embeddings: EMBEDDINGS,
      executions: findings.filter((f) => f.includes('executed')).length,
      findings: findings.length,
      elementsExercised: visited,
      seconds: Math.round((Date.now() - started) / 1000),
      secondsPerEmbedding,
    };
    writeFileSync(path.join(testOutputDir('security'), 'xss-summary.json'), `${JSON.stringify({ summary, findings }, null, 2)}\n`);
    console.log(`xss: ${summary.vectors} vectors × ${summary.members} members (${placements} placements), ` +
      `${EMBEDDINGS.length} embeddings, ${visited} elements exercised: ${summary.executions} executions, ` +
      `${summary.findings} findings, ${summary.seconds} s`);
    assert.ok(visited > items.length * 3 * 20, 'every article was walked');
    assert.deepEqual(findings.slice(0, 40), [], `${findings.length} findings (all in test-output/security/xss-summary.json)`);
  });

  test('every vector keeps its letters and digits in the rendered text, except where it was a URL', () => {
    const shown = MEMBERS.filter((m) => SHOWN_KINDS.has(m.kind));
    const lost = [];
    const baseCounts = new Map();
    for (const m of shown) {
      baseCounts.set(m.path, characterCounts(renderedText(renderer.render(articleWith('\u00a7', [m])).html)));
    }
    for (const vector of vectors) {
      for (const m of shown) {
        const result = renderer.render(articleWith(vector.vector, [m]));
        const counts = characterCounts(renderedText(result.html));
        const expected = characterCounts(m.kind === 'markdown' ? readableMarkdown(vector.vector, m.blocks) : vector.vector);
        const base = baseCounts.get(m.path);
        const missing = [...expected].filter(([c, n]) => (counts.get(c) ?? 0) - (base.get(c) ?? 0) < n).map(([c]) => c);
        if (!missing.length) continue;
        lost.push(`vector ${vector.id} in ${m.path}: lost ${missing.join('')}`);
      }
    }
    writeFileSync(path.join(testOutputDir('security'), 'xss-text-lost.txt'), `${lost.join('\n')}\n`);
    assert.deepEqual(lost.slice(0, 30), [], `${lost.length} placements lost text (all in test-output/security/xss-text-lost.txt)`);
  });
});
