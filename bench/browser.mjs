// `npm run bench -- --browser`: the browser figures, in headless Chromium (Debian's, driven by
// playwright-core with the flags of the browser tests).
//
// Cold start: a new browser context (empty HTTP and code caches) opens a blank page, then the page
// fetches, compiles and instantiates the renderer and renders the seed article once; timed inside the
// page from before the first import to after the first render. Contenders: Broadsheet (web/broadsheet.js
// + web/core), markdown-wasm (the seed as Markdown), and the JS pipeline (markdown-it + template +
// DOMPurify on the browser's own DOM, bundled and minified by esbuild).
// Re-render: the seed rendered again and again in a warm page; median time per render.
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { asMarkdown, repoRoot, seedPath } from './articles.mjs';
import { fixed, machine, packageVersion, printTable, summary } from './stats.mjs';
import { launchChromium } from '../tests/helpers/browser.mjs';

export const bundleDir = path.join(repoRoot, 'build', 'bench');

async function bundleJsPipeline() {
  const esbuild = await import('esbuild');
  mkdirSync(bundleDir, { recursive: true });
  const entry = path.join(bundleDir, 'js-pipeline-entry.mjs');
  writeFileSync(entry, `import DOMPurify from 'dompurify';
import { renderArticle } from ${JSON.stringify(path.join(repoRoot, 'bench', 'js-pipeline.mjs'))};
export const render = (json) => DOMPurify.sanitize(renderArticle(json));
`);
  await esbuild.build({
    entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser',
    outfile: path.join(bundleDir, 'js-pipeline.js'), nodePaths: [path.join(repoRoot, 'node_modules')], logLevel: 'error',
  });
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

/** Serves the few folders the pages need, on 127.0.0.1 only (bench/browser-throughput.mjs too). */
export function serve() {
  const routes = [
    ['/web/', path.join(repoRoot, 'web')],
    ['/bench-page/markdown.wasm', path.join(repoRoot, 'node_modules', 'markdown-wasm', 'dist', 'markdown.wasm')],
    ['/markdown-wasm/', path.join(repoRoot, 'node_modules', 'markdown-wasm', 'dist')],
    ['/md4w/', path.join(repoRoot, 'node_modules', 'md4w', 'js')],
    ['/bundle/', bundleDir],
  ];
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    if (url.pathname === '/bench-page/') {
      response.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
      response.end('<!doctype html><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,"><div id="out"></div>');
      return;
    }
    for (const [prefix, target] of routes) {
      if (!url.pathname.startsWith(prefix)) continue;
      const file = prefix.endsWith('/') ? path.join(target, path.normalize(url.pathname.slice(prefix.length))) : target;
      if (!file.startsWith(target)) break;
      try {
        const body = readFileSync(file);
        response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      } catch {
        break;
      }
      return;
    }
    response.writeHead(404);
    response.end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// Each runs in the page: load everything, render once, return { ms, length }.
const coldStart = {
  broadsheet: async (input) => {
    const t0 = performance.now();
    const { createRenderer } = await import('/web/broadsheet.js');
    const renderer = await createRenderer();
    const html = renderer.render(input).html;
    const ms = performance.now() - t0;
    window.renderAgain = () => renderer.render(input).html;
    return { ms, length: html.length };
  },
  'markdown-wasm': async (input) => {
    const t0 = performance.now();
    const markdown = await import('/markdown-wasm/markdown.es.js');
    await markdown.ready;
    const html = markdown.parse(input);
    const ms = performance.now() - t0;
    window.renderAgain = () => markdown.parse(input);
    return { ms, length: html.length };
  },
  'js-pipeline': async (input) => {
    const t0 = performance.now();
    const { render } = await import('/bundle/js-pipeline.js');
    const html = render(input);
    const ms = performance.now() - t0;
    window.renderAgain = () => render(input);
    return { ms, length: html.length };
  },
};

const names = {
  broadsheet: 'Broadsheet (WASM)',
  'markdown-wasm': 'markdown-wasm (seed as Markdown)',
  'js-pipeline': 'markdown-it + template + DOMPurify (esbuild bundle)',
};

function downloadSizes() {
  const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
  return {
    broadsheet: ['web/broadsheet.js', 'web/core/broadsheet-core.js', 'web/core/broadsheet-core.wasm'].reduce((s, f) => s + gz(path.join(repoRoot, f)), 0),
    'markdown-wasm': gz(path.join(repoRoot, 'node_modules/markdown-wasm/dist/markdown.es.js')) + gz(path.join(repoRoot, 'node_modules/markdown-wasm/dist/markdown.wasm')),
    'js-pipeline': gz(path.join(bundleDir, 'js-pipeline.js')),
  };
}

export async function runBrowserBench({ quick, rounds, out }) {
  await bundleJsPipeline();
  const seedJson = readFileSync(seedPath, 'utf8');
  const inputs = { broadsheet: seedJson, 'markdown-wasm': asMarkdown(JSON.parse(seedJson)), 'js-pipeline': seedJson };
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  const ids = Object.keys(coldStart);
  const cold = Object.fromEntries(ids.map((id) => [id, []]));
  const rerender = Object.fromEntries(ids.map((id) => [id, []]));
  const rendersPerBatch = quick ? 20 : 200;
  try {
    for (let round = 0; round < rounds; ++round) {
      for (let i = 0; i < ids.length; ++i) {
        const id = ids[(i + round) % ids.length];
        const context = await browser.newContext();
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${origin}/bench-page/`);
        const result = await page.evaluate(coldStart[id], inputs[id]);
        if (errors.length || !result.length) throw new Error(`${id} failed in the browser: ${errors.join('; ') || 'empty output'}`);
        cold[id].push(result.ms);
        // Re-render latency in the now warm page: batches, so the timer's resolution does not matter.
        const perRender = await page.evaluate((n) => {
          const times = [];
          for (let b = 0; b < 5; ++b) {
            const t0 = performance.now();
            for (let k = 0; k < n; ++k) window.renderAgain();
            times.push((performance.now() - t0) / n);
          }
          return times.sort((a, b) => a - b)[2];
        }, rendersPerBatch);
        rerender[id].push(perRender * 1000);
        await context.close();
      }
      process.stderr.write(`browser round ${round + 1}/${rounds} done\n`);
    }
  } finally {
    await browser.close();
    server.close();
  }

  const sizes = downloadSizes();
  const base = summary(cold.broadsheet);
  const rows = ids.map((id) => {
    const c = summary(cold[id]);
    const r = summary(rerender[id]);
    return { id, name: names[id], downloadGzip: sizes[id], cold: c, rerenderUs: r, coldRatio: base.median / c.median };
  });
  console.log(`\nChromium (${browser.version?.() ?? 'headless'}), seed article (${(seedJson.length / 1024).toFixed(1)} KB JSON), ${rounds} round(s)\n`);
  printTable(['contender', 'download gz', 'cold median ms', 'min', 'max', 'Broadsheet cold / this', 're-render median µs', 'min', 'max'],
    rows.map((r) => [r.name, `${(r.downloadGzip / 1024).toFixed(1)} KB`, fixed(r.cold.median, 1), fixed(r.cold.min, 1), fixed(r.cold.max, 1),
      fixed(r.coldRatio, 2), fixed(r.rerenderUs.median, 0), fixed(r.rerenderUs.min, 0), fixed(r.rerenderUs.max, 0)]));
  const vsMarkdownWasm = rows.find((r) => r.id === 'markdown-wasm').coldRatio;
  const target = { target: 'cold start ≤ 1.5× markdown-wasm', measured: vsMarkdownWasm, required: 1.5, met: vsMarkdownWasm <= 1.5 };
  console.log(`\nTarget (issue 7): ${target.target}: measured ${fixed(vsMarkdownWasm, 2)}× — ${target.met ? 'met' : 'NOT met'}`);

  const file = out ?? (quick ? undefined : path.join(repoRoot, 'bench', 'results', 'browser-latest.json'));
  if (file) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({
      date: new Date().toISOString(), machine: machine(), rounds,
      versions: { 'markdown-wasm': packageVersion('markdown-wasm'), 'markdown-it': packageVersion('markdown-it'), dompurify: packageVersion('dompurify'), 'playwright-core': packageVersion('playwright-core') },
      results: rows, samples: { cold, rerenderUs: rerender }, target,
    }, null, 2) + '\n');
    console.log(`report: ${path.relative(repoRoot, file)}`);
  }
}
