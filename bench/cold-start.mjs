#!/usr/bin/env node
// Cold start in headless Chromium: navigation start to the first article painted, for Broadsheet's
// embed against markdown-wasm rendering the same article's text on an equivalent page.
//
//   node bench/cold-start.mjs [--runs N] [--baseline REV] [--variant NAME=WEBDIR ...] [--latency MS] [--out FILE]
//   npm run bench -- --cold-start [--runs N] [--baseline REV]      (a full `npm run bench` runs it too)
//
// One warm-up round (every page once, not counted: the browser's own start-up lands there) comes first.
// Every run is a new browser context (no HTTP cache, no code cache) loading one page from a server on
// 127.0.0.1 that compresses what it serves (brotli when asked, else gzip — Chromium asks for brotli
// only over HTTPS — with Content-Encoding, and the .wasm as application/wasm so that compileStreaming
// takes it as it arrives). Pages, run interleaved (the order rotates every round):
//
//   element        <script type=module src=embed.min.js> + <broadsheet-article src=article.json> (the one-line
//                  embed, with the script partners are told to load): the element fetches the article and
//                  renders it on the client.
//   snippet        what `broadsheet embed` prints for the article (web/embed-snippet.js): the article
//                  pre-rendered in a declarative shadow root, hydrated when the module arrives.
//   markdown-wasm  <script type=module> importing markdown-wasm, fetching the article as Markdown
//                  (bench/articles.mjs asMarkdown) and setting it into a <div>.
//   --baseline REV adds `element` and `snippet` served from the web/ of that commit (the same core
//                  build: web/core is not in git; its embed.min.js built by that commit's
//                  scripts/build-min.mjs, embed.js where it has none), to measure a change to the
//                  loading path in one run.
//   --variant NAME=WEBDIR  adds `element-NAME`: the element page loading WEBDIR/embed.min.js (a web/
//                  folder built another way, e.g. `node scripts/build-min.mjs --glue-in-bundle` copied aside).
//
// "Painted": when the article is in the DOM (the element's `broadsheet:render`, or the markdown-wasm
// page's innerHTML), the next animation frame and then a message-channel task, i.e. after that frame's
// paint; read as performance.now(), whose origin is the navigation start. For the snippet the article
// is already in the HTML, so its first paint is the first-contentful-paint entry (the page has nothing
// else to paint); its hydration (the element's own render) is reported beside it. Beside the paint,
// when the page asked for the .wasm and for the article (resource timing's startTime, median): what
// the module hops before them cost.
//
// Beside the ratios of medians, the median (and range) of per-round ratios: each round's element over
// the same round's markdown-wasm (and main's element with --baseline), steadier on a shared machine.
//
// --latency MS adds that much latency to every response (Chromium's network emulation, per request),
// as a mobile network would: on 127.0.0.1 a module hop costs little more than parsing the module.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { asMarkdown, repoRoot, seedPath } from './articles.mjs';
import { fixed, machine, packageVersion, printTable, summary } from './stats.mjs';
import { launchChromium } from '../tests/helpers/browser.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.json': 'application/json', '.md': 'text/markdown; charset=utf-8' };

/** Measures in the page, before anything else runs: see the header. */
export const RECORDER = `<script>
window.__painted = new Promise((resolve) => {
  const afterPaint = () => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(0);
  });
  document.addEventListener('broadsheet:render', afterPaint, { once: true });
  window.__articleInDom = afterPaint;
});
window.__fcp = new Promise((resolve) => new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') resolve(entry.startTime);
}).observe({ type: 'paint', buffered: true }));
</script>`;

export const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cold start</title>
<link rel="icon" href="data:,">${RECORDER}</head><body>
${body}
</body></html>
`;

export const MARKDOWN_WASM_PAGE_JS = `import * as markdown from '/markdown-wasm/markdown.es.js';
const [text] = await Promise.all([fetch('/article.md').then((response) => response.text()), markdown.ready]);
document.getElementById('article').innerHTML = markdown.parse(text);
window.__articleInDom();
`;

/**
 * The web/ folder of commit `rev`, with this checkout's core build (web/core is built, not in git) and
 * the minified embed built by that commit's own scripts/build-min.mjs. Returns the folder and the
 * entry script partners loaded at that commit.
 */
function baselineWeb(rev, scratch) {
  const listed = execFileSync('git', ['-C', repoRoot, 'ls-tree', '--name-only', rev, 'scripts/build-min.mjs'], { encoding: 'utf8' });
  const paths = listed.trim() ? ['web', 'scripts/build-min.mjs'] : ['web'];
  const archive = execFileSync('git', ['-C', repoRoot, 'archive', rev, ...paths], { maxBuffer: 64 << 20 });
  execFileSync('tar', ['-x', '-C', scratch], { input: archive });
  cpSync(path.join(repoRoot, 'web', 'core'), path.join(scratch, 'web', 'core'), { recursive: true });
  if (!listed.trim()) return { dir: path.join(scratch, 'web'), entry: 'embed.js' };
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(scratch, 'node_modules'));
  execFileSync(process.execPath, [path.join(scratch, 'scripts', 'build-min.mjs')], { stdio: 'ignore' });
  return { dir: path.join(scratch, 'web'), entry: 'embed.min.js' };
}

/** Serves `files` (URL path -> bytes or file) compressed, and folders by prefix; 127.0.0.1 only. */
export function serve(files, folders) {
  const cache = new Map();
  const compressed = (key, body, encoding) => {
    const id = `${encoding}\u0000${key}`;
    if (!cache.has(id)) {
      cache.set(id, encoding === 'br'
        ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
        : gzipSync(body, { level: 9 }));
    }
    return cache.get(id);
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    let body = files.get(url.pathname);
    let name = url.pathname;
    if (body === undefined) {
      for (const [prefix, folder] of folders) {
        if (!url.pathname.startsWith(prefix)) continue;
        const file = path.join(folder, path.normalize(decodeURIComponent(url.pathname.slice(prefix.length))));
        if (!file.startsWith(folder)) break;
        try {
          body = readFileSync(file);
          name = file;
        } catch {
          // 404 below
        }
        break;
      }
    }
    if (body === undefined) {
      response.writeHead(404, { 'cache-control': 'no-store' });
      response.end();
      return;
    }
    const accepted = String(request.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
    const headers = { 'content-type': TYPES[path.extname(url.pathname)] ?? 'application/octet-stream',
      'cache-control': 'no-store', vary: 'accept-encoding' };
    if (encoding) headers['content-encoding'] = encoding;
    response.writeHead(200, headers);
    response.end(encoding ? compressed(name, body, encoding) : body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function snippetFor(webDir, script, json) {
  const { createRenderer } = await import(pathToFileURL(path.join(webDir, 'broadsheet.js')).href);
  const { embedSnippet } = await import(pathToFileURL(path.join(webDir, 'embed-snippet.js')).href);
  return embedSnippet(await createRenderer(), json, { script, src: '/article.json' }).snippet;
}

/**
 * Runs the cold-start comparison; prints the table and the ratio, returns the report.
 * @param {{runs?: number, baseline?: string, variants?: {name: string, dir: string}[], latency?: number, out?: string}} [options]
 */
export async function runColdStartBench({ runs = 15, baseline, variants = [], latency = 0, out } = {}) {
  const json = readFileSync(seedPath, 'utf8');
  const markdown = asMarkdown(JSON.parse(json));
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-cold-'));
  const files = new Map([
    ['/article.json', Buffer.from(json)],
    ['/article.md', Buffer.from(markdown)],
    ['/markdown-wasm-page.js', Buffer.from(MARKDOWN_WASM_PAGE_JS)],
    ['/markdown.wasm', readFileSync(path.join(repoRoot, 'node_modules', 'markdown-wasm', 'dist', 'markdown.wasm'))],
  ]);
  const folders = [['/web/', path.join(repoRoot, 'web')],
    ['/markdown-wasm/', path.join(repoRoot, 'node_modules', 'markdown-wasm', 'dist')]];
  const pages = {
    element: page('<script type="module" src="/web/embed.min.js"></script>\n' +
      '<broadsheet-article src="/article.json"></broadsheet-article>'),
    snippet: page(await snippetFor(path.join(repoRoot, 'web'), '/web/embed.min.js', json)),
    'markdown-wasm': page('<script type="module" src="/markdown-wasm-page.js"></script>\n<div id="article"></div>'),
  };
  if (baseline) {
    const before = baselineWeb(baseline, scratch);
    folders.unshift(['/web-before/', before.dir]);
    pages['element-before'] = page(`<script type="module" src="/web-before/${before.entry}"></script>\n` +
      '<broadsheet-article src="/article.json"></broadsheet-article>');
    pages['snippet-before'] = page(await snippetFor(before.dir, `/web-before/${before.entry}`, json));
  }
  for (const { name, dir } of variants) {
    folders.unshift([`/web-${name}/`, path.resolve(dir)]);
    pages[`element-${name}`] = page(`<script type="module" src="/web-${name}/embed.min.js"></script>\n` +
      '<broadsheet-article src="/article.json"></broadsheet-article>');
  }
  for (const [id, html] of Object.entries(pages)) files.set(`/${id}.html`, Buffer.from(html));

  const server = await serve(files, folders);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  const ids = Object.keys(pages);
  const painted = Object.fromEntries(ids.map((id) => [id, []]));
  const firstPaint = Object.fromEntries(ids.map((id) => [id, []]));
  const requested = Object.fromEntries(ids.map((id) => [id, { wasm: [], article: [] }]));
  try {
    for (let round = -1; round < runs; round += 1) { // round -1: the warm-up
      for (let i = 0; i < ids.length; i += 1) {
        const id = ids[(i + round + ids.length) % ids.length];
        const context = await browser.newContext();
        const tab = await context.newPage();
        if (latency > 0) {
          const cdp = await context.newCDPSession(tab);
          await cdp.send('Network.enable');
          await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
        }
        const errors = [];
        tab.on('pageerror', (error) => errors.push(error.message));
        tab.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
        await tab.goto(`${origin}/${id}.html`);
        const times = await tab.evaluate(async () => {
          const painted = await window.__painted;
          const start = (suffix) => performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.endsWith(suffix))?.startTime ?? null;
          return { painted, fcp: await window.__fcp, wasm: start('.wasm'), article: start('/article.json') ?? start('/article.md') };
        });
        if (errors.length) throw new Error(`${id}: ${errors.join('; ')}`);
        if (round >= 0) {
          painted[id].push(times.painted);
          firstPaint[id].push(times.fcp);
          if (times.wasm !== null) requested[id].wasm.push(times.wasm);
          if (times.article !== null) requested[id].article.push(times.article);
        }
        await context.close();
      }
      process.stderr.write(round < 0 ? 'cold start warm-up round done\n' : `cold start round ${round + 1}/${runs} done\n`);
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(scratch, { recursive: true, force: true });
  }

  // The first article painted: the element's (or markdown-wasm's) render after its paint; the
  // snippet's first contentful paint, the article being in its HTML.
  const articlePainted = (id) => (id.startsWith('snippet') ? firstPaint[id] : painted[id]);
  const base = summary(painted['markdown-wasm']).median;
  const rows = ids.map((id) => {
    const s = summary(articlePainted(id));
    const median = (list) => (list.length ? summary(list).median : null);
    return { id, articlePaintedMs: s, hydratedMs: id.startsWith('snippet') ? summary(painted[id]) : null,
      wasmRequestedMs: median(requested[id].wasm), articleRequestedMs: median(requested[id].article),
      firstContentfulPaintMs: summary(firstPaint[id]), timesMarkdownWasm: s.median / base };
  });
  console.log(`\nCold start in Chromium: ${path.relative(repoRoot, seedPath)} (${(json.length / 1024).toFixed(1)} KB JSON, ` +
    `${(markdown.length / 1024).toFixed(1)} KB as Markdown), ${runs} interleaved runs per page (after a warm-up round), fresh context each` +
    `${latency > 0 ? `, ${latency} ms latency per response` : ''}; ` +
    `load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} cores)\n`);
  const ms = (value) => (value === null ? '' : fixed(value, 1));
  printTable(['page', 'article painted ms: median', 'min', 'max', '× markdown-wasm', 'snippet hydrated ms', '.wasm asked ms', 'article asked ms'],
    rows.map((r) => [r.id, fixed(r.articlePaintedMs.median, 1), fixed(r.articlePaintedMs.min, 1), fixed(r.articlePaintedMs.max, 1),
      fixed(r.timesMarkdownWasm, 2), r.hydratedMs ? fixed(r.hydratedMs.median, 1) : '', ms(r.wasmRequestedMs), ms(r.articleRequestedMs)]));
  const ratio = rows.find((r) => r.id === 'element').timesMarkdownWasm;
  console.log(`\nelement (client render) / markdown-wasm: ${fixed(ratio, 2)}× (target ≤ 1.5×)`);
  console.log(`snippet first paint / markdown-wasm: ${fixed(rows.find((r) => r.id === 'snippet').timesMarkdownWasm, 2)}×`);
  if (baseline) {
    for (const id of ['element', 'snippet']) {
      const now = rows.find((r) => r.id === id);
      const before = rows.find((r) => r.id === `${id}-before`);
      const key = id === 'snippet' ? 'hydratedMs' : 'articlePaintedMs';
      console.log(`${id}: ${key === 'hydratedMs' ? 'hydrated' : 'painted'} now / at ${baseline}: ` +
        `${fixed(now[key].median / before[key].median, 2)}×`);
    }
  }
  for (const { name } of variants) {
    const row = rows.find((r) => r.id === `element-${name}`);
    console.log(`element-${name} / element: ${fixed(row.articlePaintedMs.median / rows.find((r) => r.id === 'element').articlePaintedMs.median, 2)}×`);
  }
  // Per round: each round's time over the same round's time of another page, then the median and the
  // spread of those ratios. On a shared machine the load changes from minute to minute, and a round's
  // pages are loaded within seconds of each other, so these are steadier than ratios of medians.
  const perRound = {};
  const roundRatios = (id, over) => {
    const ratios = articlePainted(id).map((value, round) => value / articlePainted(over)[round]);
    const s = summary(ratios);
    perRound[`${id} / ${over}`] = { median: s.median, min: s.min, max: s.max };
    console.log(`per round, ${id} / ${over}: median ${fixed(s.median, 2)}× (${fixed(s.min, 2)}–${fixed(s.max, 2)}×)`);
  };
  roundRatios('element', 'markdown-wasm');
  roundRatios('snippet', 'markdown-wasm');
  if (baseline) roundRatios('element', 'element-before');
  for (const { name } of variants) roundRatios(`element-${name}`, 'element');
  const report = { date: new Date().toISOString(), machine: machine(), runs, baseline: baseline ?? null, latency, perRound,
    variants: variants.map(({ name }) => name), load: os.loadavg(),
    versions: { 'markdown-wasm': packageVersion('markdown-wasm'), 'playwright-core': packageVersion('playwright-core') },
    results: rows, samples: { painted, firstPaint, requested }, elementTimesMarkdownWasm: ratio };
  if (out) {
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
    console.log(`report: ${path.relative(repoRoot, out)}`);
  }
  return report;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const variants = args.flatMap((arg, i) => (args[i - 1] === '--variant' ? [arg] : []))
    .map((spec) => ({ name: spec.slice(0, spec.indexOf('=')), dir: spec.slice(spec.indexOf('=') + 1) }));
  await runColdStartBench({ runs: Number(option('--runs') ?? 15), baseline: option('--baseline'), variants,
    latency: Number(option('--latency') ?? 0), out: option('--out') });
}
