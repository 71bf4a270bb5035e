#!/usr/bin/env node
// `npm run bench`: Broadsheet against the renderers users would otherwise pick, in one process, on the
// same articles, contenders interleaved round by round so that drift hits them all alike.
//
//   node bench/run.mjs [--quick] [--browser] [--rounds N] [--min-ms N] [--core DIR] [--native FILE]
//                      [--out FILE] [--only a,b]
//
//   --quick     one small round on the 5 KB articles (a smoke run; writes no report unless --out)
//   --pathological  only the pathological shapes (bench/pathological.mjs), which a full run ends with
//   --browser   headless Chromium instead: cold start and re-render latency (bench/browser.mjs), then
//               throughput against the peers that run in a browser (bench/browser-throughput.mjs),
//               which a full run ends with too
//   --cold-start  only the page cold start in Chromium against markdown-wasm (bench/cold-start.mjs;
//               --runs N, default 15; --baseline REV adds the loading path of that commit), which a
//               full run ends with
//   --core DIR  benchmark another build of the core (a folder with broadsheet-core.{js,wasm}, such as
//               build/exp/Oz/out from bench/build-variants.sh) instead of web/core
//   --native F  the native timing tool (default build/native/broadsheet_bench)
//   --wasm-tool F  the same tool compiled to WASM (default: next to --core's build, else build/wasm)
//
// Benchmarks are not tests: numbers depend on the machine and its load. Ratios measured in one run
// are what count. The report goes to bench/results/latest.json (git-ignored).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchArticles, isTargetArticle, repoRoot, sampleArticle, sizeClasses } from './articles.mjs';
import { renderArticle, sanitizeHtmlOptions } from './js-pipeline.mjs';
import { runPathologicalBench } from './pathological.mjs';
import { measureSizes } from './size.mjs';
import { fixed, machine, packageVersion, printTable, reportArticle, startBroadsheet, summary, timeBatch } from './stats.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};

if (flag('--browser')) {
  const { runBrowserBench } = await import('./browser.mjs');
  const { runBrowserThroughput } = await import('./browser-throughput.mjs');
  const browserRounds = Number(option('--rounds', flag('--quick') ? 1 : 7));
  await runBrowserBench({ quick: flag('--quick'), rounds: browserRounds, out: option('--out') });
  await runBrowserThroughput({ quick: flag('--quick'), rounds: browserRounds, minMs: Number(option('--min-ms', flag('--quick') ? 5 : 150)) });
  process.exit(0);
}

if (flag('--cold-start')) {
  const { runColdStartBench } = await import('./cold-start.mjs');
  await runColdStartBench({ runs: Number(option('--runs', 15)), baseline: option('--baseline'),
    out: option('--out', path.join(repoRoot, 'bench', 'results', 'cold-start-latest.json')) });
  process.exit(0);
}

const quick = flag('--quick');
if (flag('--pathological')) {
  await runPathologicalBench({ quick, coreDir: path.resolve(option('--core', path.join(repoRoot, 'web', 'core'))) });
  process.exit(0);
}
const rounds = Number(option('--rounds', quick ? 1 : 7));
const minMs = Number(option('--min-ms', quick ? 5 : 150));
const coreDir = path.resolve(option('--core', path.join(repoRoot, 'web', 'core')));
const nativeTool = path.resolve(option('--native', path.join(repoRoot, 'build', 'native', 'broadsheet_bench')));
const wasmTool = path.resolve(option('--wasm-tool', [path.join(coreDir, '..', 'broadsheet_bench_wasm.cjs'),
  path.join(repoRoot, 'build', 'wasm', 'broadsheet_bench_wasm.cjs')].find((file) => existsSync(file)) ?? 'none'));
const only = option('--only')?.split(',');
const outFile = option('--out', quick ? undefined : path.join(repoRoot, 'bench', 'results', 'latest.json'));

// ── Contenders ───────────────────────────────────────────────────────────────────────────────────

async function contenders() {
  const { renderer } = await startBroadsheet(coreDir);
  const sanitizeHtml = (await import('sanitize-html')).default;
  const { JSDOM } = await import('jsdom');
  const purify = (await import('dompurify')).default(new JSDOM('').window);
  const { toHTML } = await import('@portabletext/to-html');
  const markdownWasm = (await import('markdown-wasm')).default;
  await markdownWasm.ready;
  // md4w: md4c again (the parser markdown-wasm wraps), built with Zig; its faster build ("fast", the
  // one it picks for itself in Node).
  const md4w = await import('md4w');
  await md4w.init('fast');
  const portableTextComponents = {
    types: {
      divider: () => '<hr>',
      image: ({ value }) => `<img src="${value.src}" alt="${value.alt}">`,
    },
  };
  const list = [
    { id: 'broadsheet', name: 'Broadsheet (WASM, Node)', input: 'json', make: (a) => () => renderer.render(a.json).html },
    { id: 'native', name: 'Broadsheet native (g++ -O3)', input: 'json', native: true },
    { id: 'markdown-it', name: 'markdown-it + template (unsafe)', input: 'json', make: (a) => () => renderArticle(a.json) },
    { id: 'sanitize-html', name: 'markdown-it + template + sanitize-html', input: 'json', make: (a) => () => sanitizeHtml(renderArticle(a.json), sanitizeHtmlOptions) },
    { id: 'dompurify', name: 'markdown-it + template + DOMPurify (jsdom)', input: 'json', make: (a) => () => purify.sanitize(renderArticle(a.json)) },
    { id: 'portabletext', name: '@portabletext/to-html (JSON.parse + toHTML)', input: 'portable text', make: (a) => () => toHTML(JSON.parse(a.portableTextJson), { components: portableTextComponents }) },
    { id: 'markdown-wasm', name: 'markdown-wasm (body as Markdown)', input: 'markdown', make: (a) => () => markdownWasm.parse(a.markdown) },
    { id: 'md4w', name: 'md4w (body as Markdown)', input: 'markdown', make: (a) => () => md4w.mdToHtml(a.markdown) },
    { id: 'json-parse', name: 'JSON.parse alone (reference)', input: 'json', make: (a) => () => JSON.parse(a.json) },
  ];
  return list.filter((c) => !only || only.includes(c.id) || c.id === 'broadsheet');
}

function nativeSample(file) {
  const out = execFileSync(nativeTool, ['--min-ms', String(minMs), file], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n')[0]).samples[0] / 1e3;
}

// ── Running ──────────────────────────────────────────────────────────────────────────────────────

// The seed article itself first (issue 19 judges throughput on it too), then the scaled and generated ones.
const articles = [sampleArticle(), ...benchArticles(quick ? sizeClasses.slice(0, 1) : sizeClasses)];
const list = await contenders();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bench-'));
for (const article of articles) {
  article.file = path.join(tmp, `${article.name.replace(/\W+/g, '-')}.json`);
  writeFileSync(article.file, article.json);
}
const haveNative = existsSync(nativeTool);
if (!haveNative) console.warn(`(no native timing: ${nativeTool} is missing; run npm run build)`);
const active = list.filter((c) => !c.native || haveNative);

console.log(`Broadsheet benchmark: ${articles.length} articles × ${active.length} contenders, ${rounds} round(s), ` +
  `batches of ≥ ${minMs} ms, core from ${path.relative(repoRoot, coreDir) || coreDir}\n`);

const samples = new Map();  // `${article}\u0000${contender}` -> µs per render, one per round
const cpuSamples = new Map();  // the same, CPU µs per render (NaN for the native tool, another process)
const key = (a, c) => `${a.name}\u0000${c.id}`;
const tasks = new Map();
for (const article of articles) {
  for (const c of active) {
    if (c.native) continue;
    const fn = c.make(article);
    tasks.set(key(article, c), fn);
    timeBatch(fn, Math.min(minMs, 50));  // warm-up: JIT, instantiation, caches
  }
}

for (let round = 0; round < rounds; ++round) {
  for (const article of articles) {
    // Rotate the order every round so no contender always runs first (or right after a heavy one).
    const order = active.map((_, i) => active[(i + round) % active.length]);
    for (const c of order) {
      let us;
      let cpuUs = NaN;
      if (c.native) {
        us = nativeSample(article.file);
      } else {
        const info = {};
        const cpuBefore = process.cpuUsage();
        us = timeBatch(tasks.get(key(article, c)), minMs, info);
        const cpu = process.cpuUsage(cpuBefore);
        cpuUs = (cpu.user + cpu.system) / info.calls;
      }
      if (!samples.has(key(article, c))) samples.set(key(article, c), []);
      samples.get(key(article, c)).push(us);
      if (!cpuSamples.has(key(article, c))) cpuSamples.set(key(article, c), []);
      cpuSamples.get(key(article, c)).push(cpuUs);
    }
  }
  process.stderr.write(`round ${round + 1}/${rounds} done\n`);
}

// ── Phases: how much of a render is nlohmann-json's DOM parse, natively and in WASM ─────────────

function toolSamples(command, toolArgs) {
  const out = execFileSync(command[0], [...command.slice(1), ...toolArgs], { encoding: 'utf8', maxBuffer: 16 << 20 });
  return out.trim().split('\n').map((line) => JSON.parse(line));
}
const phases = [];
const phaseTools = [['native', [nativeTool]], ['WASM', [process.execPath, '--no-experimental-fetch', wasmTool]]]
  .filter(([, command]) => existsSync(command[command.length - 1]));
const phaseBatches = quick ? 1 : 5;
for (const [where, command] of phaseTools) {
  const files = articles.map((a) => a.file);
  const common = ['--min-ms', String(Math.max(minMs / 3, 5)), '--batches', String(phaseBatches)];
  const renders = toolSamples(command, [...common, ...files]);
  const parses = toolSamples(command, [...common, '--json-only', ...files]);
  articles.forEach((article, i) => {
    const render = summary(renders[i].samples).median / 1e3;
    const parse = summary(parses[i].samples).median / 1e3;
    phases.push({ article: article.name, where, renderUs: render, jsonParseUs: parse, jsonShare: parse / render,
      jsonParseMBps: article.bytes / parse, renderMBps: article.bytes / render });
  });
}

// ── Memory: linear memory after the largest article, and whether a second render reuses it ─────

const memory = [];
for (const article of articles.filter((a) => a.sizeLabel === articles[articles.length - 1].sizeLabel)) {
  const fresh = await startBroadsheet(coreDir);
  const before = fresh.memoryBytes();
  fresh.renderer.render(article.json);
  const afterFirst = fresh.memoryBytes();
  for (let i = 0; i < 5; ++i) fresh.renderer.render(article.json);
  const afterSixth = fresh.memoryBytes();
  memory.push({ article: article.name, inputBytes: article.bytes, initialBytes: before, afterFirstRender: afterFirst,
    afterSixRenders: afterSixth, ratioToInput: afterFirst / article.bytes, reused: afterSixth === afterFirst });
}

// ── Report ───────────────────────────────────────────────────────────────────────────────────────

const results = [];
for (const article of articles) {
  console.log(`\n${article.name} — ${(article.bytes / 1024).toFixed(1)} KB of article JSON ` +
    `(Markdown form ${(Buffer.byteLength(article.markdown) / 1024).toFixed(1)} KB, Portable Text ${(Buffer.byteLength(article.portableTextJson) / 1024).toFixed(1)} KB)`);
  results.push(...reportArticle(article, active, (c) => samples.get(key(article, c)), (c) => cpuSamples.get(key(article, c))));
}
console.log('\nMB/s: article JSON bytes per second for every contender (same article); ' +
  '"Broadsheet ×": contender time / Broadsheet time (above 1: Broadsheet is faster), of the medians; ' +
  '"per round": the least and greatest of that ratio within one round; "CPU": the same of the CPU time per render ' +
  '(process.cpuUsage, less disturbed by other processes than wall time).');

if (phases.length) {
  console.log('\nJSON parsing inside a render (the timing tool; nlohmann-json DOM parse alone vs a whole render):');
  printTable(['article', 'where', 'render µs', 'render MB/s', 'JSON parse µs', 'JSON MB/s', 'JSON share'],
    phases.map((p) => [p.article, p.where, fixed(p.renderUs, 0), fixed(p.renderMBps, 1), fixed(p.jsonParseUs, 0),
      fixed(p.jsonParseMBps, 1), `${fixed(100 * p.jsonShare, 0)}%`]));
}

console.log('\nMemory (WASM linear memory, fresh renderer):');
printTable(['article', 'input', 'initial', 'after 1st render', 'after 6', '× input', 'reused'],
  memory.map((m) => [m.article, `${(m.inputBytes / 1048576).toFixed(2)} MB`, `${(m.initialBytes / 1048576).toFixed(1)} MB`,
    `${(m.afterFirstRender / 1048576).toFixed(1)} MB`, `${(m.afterSixRenders / 1048576).toFixed(1)} MB`,
    fixed(m.ratioToInput, 1), m.reused ? 'yes' : 'no']));

const find = (article, id) => results.find((r) => r.article === article && r.contender === id);
const targets = [];
for (const article of articles.filter(isTargetArticle)) {
  const versus = (id, minimum, what) => {
    const r = find(article.name, id);
    if (r) targets.push({ target: `${what} on ${article.name}`, measured: r.broadsheetSpeedup, cpu: r.broadsheetCpuSpeedup, required: minimum, met: r.broadsheetSpeedup >= minimum });
  };
  versus('sanitize-html', 2, 'speed ≥ 2× markdown-it + sanitize-html');
  versus('markdown-it', 1.2, 'speed ≥ 1.2× markdown-it unsafe');
  versus('markdown-wasm', 0.6, 'speed ≥ 0.6× markdown-wasm');
}
for (const m of memory.filter((entry) => entry.inputBytes >= 512 * 1024)) {
  targets.push({ target: `linear memory ≤ 8× input on ${m.article}`, measured: m.ratioToInput, required: 8, met: m.ratioToInput <= 8 && m.reused });
}
const pathological = await runPathologicalBench({ quick, coreDir });
for (const row of pathological.filter((r) => r.shape !== 'ordinary')) {
  targets.push({ target: `${row.shape}: time per byte ≤ 3× the ordinary article's`, measured: row.timesOrdinary, required: 3, met: row.timesOrdinary <= 3 });
  targets.push({ target: `${row.shape}: WASM memory growth ≤ 10× the input`, measured: row.memoryTimesInput, required: 10, met: row.memoryTimesInput <= 10 });
}
const sizes = measureSizes();
targets.push({ target: 'download ≤ 110 KB gzip (npm run size)', measured: sizes.total.gzip / 1024, required: 110, met: sizes.total.gzip <= 110 * 1024 });
if (targets.length) {
  console.log('\nTargets (issue 7):');
  printTable(['target', 'measured', 'by CPU time', 'met'], targets.map((t) => [t.target, fixed(t.measured, 2), t.cpu === undefined ? '' : fixed(t.cpu, 2), t.met ? 'yes' : 'NO']));
}

const report = {
  date: new Date().toISOString(),
  machine: machine(),
  settings: { rounds, minMs, quick, core: path.relative(repoRoot, coreDir) },
  versions: Object.fromEntries(['markdown-it', 'sanitize-html', 'dompurify', 'jsdom', '@portabletext/to-html', 'markdown-wasm', 'md4w']
    .map((name) => [name, packageVersion(name)])),
  core: {
    wasmBytes: readFileSync(path.join(coreDir, 'broadsheet-core.wasm')).length,
  },
  articles: articles.map((a) => ({ name: a.name, bytes: a.bytes, markdownBytes: Buffer.byteLength(a.markdown), portableTextBytes: Buffer.byteLength(a.portableTextJson) })),
  results,
  phases,
  memory,
  pathological,
  sizes,
  targets,
};
if (outFile) {
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nreport: ${path.relative(repoRoot, outFile)}`);
}
rmSync(tmp, { recursive: true, force: true });

// The page cold start in Chromium (a smoke run's one round only checks that it runs).
const { runColdStartBench } = await import('./cold-start.mjs');
await runColdStartBench({ runs: quick ? 1 : 15, out: quick ? undefined : path.join(repoRoot, 'bench', 'results', 'cold-start-latest.json') });

// Throughput in Chromium: the same articles (those the targets are judged on) against the peers that run
// in a browser, in one page (a smoke run's one round of 5 ms batches only checks that it runs).
const { runBrowserThroughput } = await import('./browser-throughput.mjs');
await runBrowserThroughput({ quick, rounds, minMs });
