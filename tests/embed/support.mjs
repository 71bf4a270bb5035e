// Shared by the embed browser tests: a server that logs requests, pages that record CSP violations,
// Broadsheet events and WebAssembly instantiations from before any page script runs.
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PARTNER_CSP, startServer } from '../../scripts/serve.js';
import { testOutputDir } from '../helpers/paths.mjs';

/** Starts the repository's server on a free port; `requests` logs every request it receives (with headers). */
export async function startLoggingServer(options = {}) {
  const server = startServer({ port: 0, ...options });
  await once(server, 'listening');
  const requests = [];
  server.on('request', (request) => requests.push({ url: request.url, headers: request.headers }));
  return {
    server,
    requests,
    baseUrl: `http://127.0.0.1:${server.address().port}`,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Runs in the page before its own scripts: records CSP violations, Broadsheet events, layout shifts
 * and the WebAssembly compilations and instantiations (to count module instances) in `window.__recorded`.
 */
function recordInPage() {
  const recorded = { violations: [], events: [], layoutShifts: [], compilations: 0, instantiations: 0 };
  Object.defineProperty(window, '__recorded', { value: recorded });
  new PerformanceObserver((list) => {
    for (const shift of list.getEntries()) recorded.layoutShifts.push(shift.value);
  }).observe({ type: 'layout-shift', buffered: true });
  document.addEventListener('securitypolicyviolation', (event) => {
    recorded.violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
  });
  for (const type of ['broadsheet:render', 'broadsheet:error']) {
    document.addEventListener(type, (event) => {
      recorded.events.push({ type, id: event.target.id, reason: event.detail.reason ?? null });
    });
  }
  for (const name of ['compile', 'compileStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      recorded.compilations += 1;
      return original.apply(this, args);
    };
  }
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    recorded.instantiations += 1;
    return instantiate.apply(this, args);
  };
  // The shell instantiates synchronously where the browser allows it (web/broadsheet.js).
  WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
    construct(target, args, newTarget) {
      recorded.instantiations += 1;
      return Reflect.construct(target, args, newTarget);
    },
  });
}

/**
 * A new page with the recorders installed. `problems` collects console errors and page errors, each as
 * `{text, url}` (the URL of the resource a "Failed to load resource" message is about); `requested(suffix)`
 * counts the page's requests for paths ending with `suffix`.
 */
export async function openRecordedPage(browser, options = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  const problems = [];
  const urls = [];
  page.on('request', (request) => urls.push(new URL(request.url()).pathname));
  const requested = (suffix) => urls.filter((url) => url.endsWith(suffix)).length;
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push({ text: `console: ${message.text()}`, url: message.location().url });
  });
  page.on('pageerror', (error) => problems.push({ text: `pageerror: ${error.message}`, url: '' }));
  await page.addInitScript(recordInPage);
  return { page, problems, requested };
}

/** Scrolls each matching element into view (they load lazily) and waits until it has settled. */
export async function settleAll(page, selector = 'broadsheet-article') {
  for (const element of await page.locator(selector).all()) {
    await element.scrollIntoViewIfNeeded();
    await element.evaluate((node) => node.updateComplete);
  }
}

/**
 * Every computed style property (and the size) of every element in a host's shadow root. Custom
 * properties inherit into the frame by design (that is how `--bs-*` theming works); the frame's are left
 * out, and the article's, which it defines for itself, are kept.
 */
export function shadowComputedStyles(locator) {
  return locator.evaluate((host) => [...host.shadowRoot.querySelectorAll('*')].map((node) => {
    const style = getComputedStyle(node);
    const properties = { '(size)': `${node.getBoundingClientRect().width}x${node.getBoundingClientRect().height}` };
    for (const name of style) {
      if (!(node.className === 'frame' && name.startsWith('--'))) properties[name] = style.getPropertyValue(name);
    }
    return { node: `${node.localName}.${node.className}`, properties };
  }));
}

/** Every computed style property of the light-DOM elements with the given ids. */
export function computedStylesById(page, ids) {
  return page.evaluate((list) => Object.fromEntries(list.map((id) => {
    const style = getComputedStyle(document.getElementById(id));
    return [id, Object.fromEntries([...style].map((name) => [name, style.getPropertyValue(name)]))];
  })), ids);
}

/** The differences between two snapshots of computed styles, as readable lines (at most `limit`). */
export function styleDifferences(actual, expected, limit = 20) {
  const lines = [];
  const walk = (a, b, where) => {
    for (const key of new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])) {
      const [x, y] = [a?.[key], b?.[key]];
      if (typeof x === 'object' || typeof y === 'object') walk(x, y, `${where}/${key}`);
      else if (x !== y) lines.push(`${where}/${key}: ${JSON.stringify(x)} ≠ ${JSON.stringify(y)}`);
    }
  };
  walk(actual, expected, '');
  return lines.slice(0, limit);
}

/**
 * Writes a partner page (the partner CSP in a meta element) holding `body` to test-output/FOLDER/NAME,
 * and returns its path on the logging server.
 */
export function writePartnerPage(folder, name, body) {
  writeFileSync(path.join(testOutputDir(folder), name), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${name}</title><link rel="icon" href="data:,">
<meta http-equiv="Content-Security-Policy" content="${PARTNER_CSP}">
</head><body>
${body}
</body></html>
`);
  return `/test-output/${folder}/${name}`;
}
