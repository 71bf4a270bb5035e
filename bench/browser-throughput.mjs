// Throughput in headless Chromium (issue 19 point 3: "in Node and in Chromium"): the articles of the
// Node run that the targets are judged on (the seed scaled and the generated piece in the 20–200 KB
// classes of bench/articles.mjs, and the seed article itself), rendered by Broadsheet and by the peers
// that run in a browser, all in ONE page, contenders interleaved and their order rotated every round,
// each sample a batch of renders of at least `minMs` timed inside the page with performance.now()
// (coarsened to 100 µs without cross-origin isolation: irrelevant against batches of ≥ 150 ms).
//
//   npm run bench -- --browser [--rounds N] [--min-ms N]   (after the cold start and re-render figures)
//   npm run bench                                           (a full run ends with it)
//   node bench/browser-throughput.mjs [--quick] [--rounds N] [--min-ms N] [--out FILE]   (this part alone)
//
// Contenders, each loaded as a page would load it:
//   Broadsheet      /web/broadsheet.js + web/core (createRenderer, render(json).html)
//   markdown-it (+ sanitize-html, + DOMPurify)  bench/js-pipeline.mjs bundled for the browser by esbuild
//                   (platform "browser": sanitize-html's htmlparser2 and postcss bundle as they are, the
//                   same code as in Node); DOMPurify on the page's own DOM, the sanitizer browsers use
//   markdown-wasm, md4w   their own ES modules and .wasm files (md4w's "fast" build, as in Node)
//   JSON.parse      the browser's, a reference
// Before timing, every contender's output for every article is compared with what the same code gives
// in Node (bench/run.mjs's contenders), so the figures are of the same work; DOMPurify (no Node twin
// here: Node's runs on jsdom) and JSON.parse are only checked to give something.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchArticles, isTargetArticle, repoRoot, sampleArticle, sizeClasses } from './articles.mjs';
import { bundleDir, serve } from './browser.mjs';
import { renderArticle, sanitizeHtmlOptions } from './js-pipeline.mjs';
import { fixed, machine, packageVersion, printTable, ratioRange, reportArticle, startBroadsheet } from './stats.mjs';
import { launchChromium } from '../tests/helpers/browser.mjs';

export const contenders = [
  { id: 'broadsheet', name: 'Broadsheet (WASM, Chromium)', input: 'json' },
  { id: 'markdown-it', name: 'markdown-it + template (unsafe)', input: 'json' },
  { id: 'sanitize-html', name: 'markdown-it + template + sanitize-html (esbuild bundle)', input: 'json' },
  { id: 'dompurify', name: 'markdown-it + template + DOMPurify (browser DOM)', input: 'json' },
  { id: 'markdown-wasm', name: 'markdown-wasm (body as Markdown)', input: 'markdown' },
  { id: 'md4w', name: 'md4w (body as Markdown)', input: 'markdown' },
  { id: 'json-parse', name: 'JSON.parse alone (reference)', input: 'json' },
];

async function bundlePeers() {
  const esbuild = await import('esbuild');
  mkdirSync(bundleDir, { recursive: true });
  const entry = path.join(bundleDir, 'js-peers-entry.mjs');
  writeFileSync(entry, `import DOMPurify from 'dompurify';
import sanitizeHtml from 'sanitize-html';
import { renderArticle, sanitizeHtmlOptions } from ${JSON.stringify(path.join(repoRoot, 'bench', 'js-pipeline.mjs'))};
export { renderArticle };
export const withSanitizeHtml = (json) => sanitizeHtml(renderArticle(json), sanitizeHtmlOptions);
export const withDomPurify = (json) => DOMPurify.sanitize(renderArticle(json));
`);
  await esbuild.build({
    entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser',
    outfile: path.join(bundleDir, 'js-peers.js'), nodePaths: [path.join(repoRoot, 'node_modules')], logLevel: 'error',
  });
}

/** What the Node twins of the contenders give for `article` (the browser's outputs must be the same). */
async function nodeOutputs(articles) {
  const { renderer } = await startBroadsheet(path.join(repoRoot, 'web', 'core'));
  const sanitizeHtml = (await import('sanitize-html')).default;
  const markdownWasm = (await import('markdown-wasm')).default;
  await markdownWasm.ready;
  const md4w = await import('md4w');
  await md4w.init('fast');
  return articles.map((a) => ({
    broadsheet: renderer.render(a.json).html,
    'markdown-it': renderArticle(a.json),
    'sanitize-html': sanitizeHtml(renderArticle(a.json), sanitizeHtmlOptions),
    'markdown-wasm': markdownWasm.parse(a.markdown),
    md4w: md4w.mdToHtml(a.markdown),
  }));
}

// Runs in the page: loads every contender, makes one task per article and contender, checks outputs.
async function setUpPage({ articles, warmMs }) {
  const { createRenderer } = await import('/web/broadsheet.js');
  const renderer = await createRenderer();
  const markdownWasm = await import('/markdown-wasm/markdown.es.js');
  await markdownWasm.ready;
  const md4w = await import('/md4w/index.js');
  await md4w.init('fast');
  const peers = await import('/bundle/js-peers.js');
  const make = {
    broadsheet: (a) => () => renderer.render(a.json).html,
    'markdown-it': (a) => () => peers.renderArticle(a.json),
    'sanitize-html': (a) => () => peers.withSanitizeHtml(a.json),
    dompurify: (a) => () => peers.withDomPurify(a.json),
    'markdown-wasm': (a) => () => markdownWasm.parse(a.markdown),
    md4w: (a) => () => md4w.mdToHtml(a.markdown),
    'json-parse': (a) => () => JSON.parse(a.json),
  };
  window.__timeBatch = (fn, minMs) => {
    let calls = 0;
    let keep = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      keep += fn() ? 1 : 0;
      ++calls;
      elapsed = performance.now() - start;
    } while (elapsed < minMs);
    window.__keep = keep;  // keeps results alive
    return { us: (elapsed * 1000) / calls, calls };
  };
  window.__tasks = new Map();
  const outputs = [];
  for (const a of articles) {
    const out = {};
    if (!renderer.render(a.json).ok) throw new Error(`Broadsheet did not render ${a.name}`);
    for (const [id, factory] of Object.entries(make)) {
      const fn = factory(a);
      window.__tasks.set(`${a.name}\u0000${id}`, fn);
      const result = fn();
      out[id] = typeof result === 'string' ? result : JSON.stringify(result).length;
      window.__timeBatch(fn, warmMs);  // warm-up: JIT tiers, the module's first compilation of each function
    }
    outputs.push(out);
  }
  return outputs;
}

/**
 * Runs the throughput comparison in Chromium; prints the tables and the targets, returns the report.
 * @param {{quick?: boolean, rounds?: number, minMs?: number, out?: string}} [options]
 */
export async function runBrowserThroughput({ quick = false, rounds = quick ? 1 : 7, minMs = quick ? 5 : 150, out } = {}) {
  // The Node run's articles that the targets are judged on; a smoke run takes the 5 KB ones instead.
  const classes = quick ? sizeClasses.slice(0, 1) : sizeClasses;
  const articles = [sampleArticle(), ...benchArticles(classes).filter((a) => quick || isTargetArticle(a))];
  await bundlePeers();
  const expected = await nodeOutputs(articles);
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  const samples = new Map();  // `${article}\u0000${contender}` -> µs per render, one per round
  // The same, CPU µs per render: the page's main thread's CPU time over the batch (the DevTools protocol's
  // ThreadTime, read before and after; V8's background compilation and GC threads are not in it, nor is
  // the ~0.1 ms of the protocol's own calls worth subtracting from batches of tens of ms).
  const cpuSamples = new Map();
  const key = (a, c) => `${a.name}\u0000${c.id}`;
  let version;
  try {
    version = browser.version();
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('response', (response) => { if (!response.ok()) errors.push(`${response.status()} ${response.url()}`); });
    await page.goto(`${origin}/bench-page/`);
    const outputs = await page.evaluate(setUpPage, {
      articles: articles.map((a) => ({ name: a.name, json: a.json, markdown: a.markdown })),
      // V8 starts WASM on its baseline compiler (Liftoff) and JS on its interpreter and tiers hot
      // functions up in the background: a render of a 50 KB article took about 1 s of rendering to reach
      // its steady speed, in Chromium as in Node. So each task is warmed for 300 ms before round 1.
      warmMs: quick ? Math.min(minMs, 50) : 300,
    });
    if (errors.length) throw new Error(`Chromium: ${errors.join('; ')}`);
    articles.forEach((a, i) => {
      for (const c of contenders) {
        const got = outputs[i][c.id];
        if (!got) throw new Error(`${c.id} gave nothing for ${a.name} in Chromium`);
        if (c.id in expected[i] && got !== expected[i][c.id]) {
          throw new Error(`${c.id} gives other HTML for ${a.name} in Chromium than in Node`);
        }
      }
    });
    console.log(`\nThroughput in Chromium ${version} (headless): ${articles.length} articles × ${contenders.length} contenders, ` +
      `${rounds} round(s), batches of ≥ ${minMs} ms, one page, same outputs as in Node\n`);
    for (let round = 0; round < rounds; ++round) {
      for (const article of articles) {
        // Rotate the order every round so no contender always runs first (or right after a heavy one).
        const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]);
        for (const c of order) {
          const cpuBefore = await threadTime();
          const { us, calls } = await page.evaluate(([k, ms]) => window.__timeBatch(window.__tasks.get(k), ms), [key(article, c), minMs]);
          const cpuUs = ((await threadTime()) - cpuBefore) * 1e6 / calls;
          if (!samples.has(key(article, c))) samples.set(key(article, c), []);
          samples.get(key(article, c)).push(us);
          if (!cpuSamples.has(key(article, c))) cpuSamples.set(key(article, c), []);
          cpuSamples.get(key(article, c)).push(cpuUs);
        }
      }
      if (errors.length) throw new Error(`Chromium: ${errors.join('; ')}`);
      process.stderr.write(`Chromium throughput round ${round + 1}/${rounds} done\n`);
    }
  } finally {
    await browser.close();
    server.close();
  }

  const results = [];
  for (const article of articles) {
    console.log(`${article.name} — ${(article.bytes / 1024).toFixed(1)} KB of article JSON ` +
      `(Markdown form ${(Buffer.byteLength(article.markdown) / 1024).toFixed(1)} KB)`);
    results.push(...reportArticle(article, contenders, (c) => samples.get(key(article, c)), (c) => cpuSamples.get(key(article, c))));
    console.log('');
  }
  console.log('MB/s: article JSON bytes per second for every contender (same article); ' +
    '"Broadsheet ×": contender time / Broadsheet time (above 1: Broadsheet is faster), of the medians; ' +
    '"per round": the least and greatest of that ratio within one round; "CPU": the same of the CPU time per render ' +
    '(the page\'s main thread, less disturbed by other processes than wall time).');

  const targets = [];
  for (const article of articles.filter(isTargetArticle)) {
    for (const [id, required, what] of [['sanitize-html', 2, 'speed ≥ 2× markdown-it + sanitize-html'],
      ['markdown-it', 1.2, 'speed ≥ 1.2× markdown-it unsafe'], ['markdown-wasm', 0.6, 'speed ≥ 0.6× markdown-wasm']]) {
      const r = results.find((x) => x.article === article.name && x.contender === id);
      targets.push({ target: `${what} on ${article.name}`, measured: r.broadsheetSpeedup, perRound: r.broadsheetSpeedupPerRound, cpu: r.broadsheetCpuSpeedup,
        required, met: r.broadsheetSpeedup >= required });
    }
  }
  if (targets.length) {
    console.log('\nTargets in Chromium (issue 19 point 3):');
    printTable(['target', 'measured', 'per round', 'by CPU time', 'met'], targets.map((t) => [t.target, fixed(t.measured, 2), ratioRange(t.perRound), fixed(t.cpu, 2), t.met ? 'yes' : 'NO']));
  }

  const report = {
    date: new Date().toISOString(), machine: machine(), chromium: version,
    settings: { rounds, minMs, quick },
    versions: Object.fromEntries(['markdown-it', 'sanitize-html', 'dompurify', 'markdown-wasm', 'md4w', 'esbuild', 'playwright-core']
      .map((name) => [name, packageVersion(name)])),
    articles: articles.map((a) => ({ name: a.name, bytes: a.bytes, markdownBytes: Buffer.byteLength(a.markdown) })),
    results, targets,
  };
  const file = out ?? (quick ? undefined : path.join(repoRoot, 'bench', 'results', 'browser-throughput-latest.json'));
  if (file) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
    console.log(`report: ${path.relative(repoRoot, file)}`);
  }
  return report;
}

// `node bench/browser-throughput.mjs [--quick] [--rounds N] [--min-ms N] [--out FILE]`: this part alone.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const quick = args.includes('--quick');
  await runBrowserThroughput({ quick, rounds: Number(option('--rounds') ?? (quick ? 1 : 7)),
    minMs: Number(option('--min-ms') ?? (quick ? 5 : 150)), out: option('--out') });
}
