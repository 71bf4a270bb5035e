#!/usr/bin/env node
// Where the element's cold start goes, from Chromium traces (issue 19 point 2): the pages of
// bench/cold-start.mjs (element, markdown-wasm) loaded N times each, interleaved, a fresh context and
// one trace per load, and the renderer main thread's time split by what it did. Thread times (CPU time
// of the main thread) are given beside wall times: they survive a loaded machine, wall times do not.
//
//   node bench/cold-start-trace.mjs [--runs N] [--web DIR] [--keep DIR]
//
// --web DIR serves another web/ folder (with its core/) as the element's; --keep writes each trace
// (JSON, for chrome://tracing or Perfetto) into DIR. Per page, medians over the runs:
//
//   painted          navigation start -> the article painted (as in bench/cold-start.mjs; tracing slows it)
//   .wasm asked, in  the .wasm's request started, its response complete (resource timing)
//   compiled / instantiated / rendered: the compileStreaming and instantiate promises settled, the
//                    element's broadsheet:render (marks from the page)
//   render task      the main-thread task that renders (wall / thread ms), and in it V8's lazy
//                    compilation of WebAssembly functions (wasm.CompileLazy: count, wall / thread ms)
//   frame            the next frame's style recalc, layout, paint (wall / thread ms)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { asMarkdown, repoRoot, seedPath } from './articles.mjs';
import { MARKDOWN_WASM_PAGE_JS, page, serve } from './cold-start.mjs';
import { fixed, printTable, summary } from './stats.mjs';
import { launchChromium } from '../tests/helpers/browser.mjs';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.wasm', 'blink.user_timing', 'loading'];

/** Marks the compile, the instantiation and the render in the trace (performance.mark). */
const MARKS = `<script>
for (const [name, done] of [['compileStreaming', 'bs-compiled'], ['instantiate', 'bs-instantiated']]) {
  const original = WebAssembly[name];
  WebAssembly[name] = function (...args) { return original.apply(this, args).then((r) => { performance.mark(done); return r; }); };
}
document.addEventListener('broadsheet:render', () => performance.mark('bs-rendered'), { once: true });
</script>`;

/** The breakdown of one trace: times from navigation start, and main-thread wall / thread ms. */
export function breakdown(trace) {
  const events = trace.traceEvents ?? trace;
  const painted = events.find((e) => e.name === 'bs-rendered' || e.name === 'bs-in-dom');
  const { pid, tid } = painted;
  const mine = events.filter((e) => e.pid === pid);
  const start = mine.filter((e) => e.name === 'navigationStart').map((e) => e.ts).at(-1);
  const at = (name) => { const e = mine.find((x) => x.name === name && x.ts >= start); return e ? (e.ts - start) / 1000 : null; };
  const main = mine.filter((e) => e.tid === tid && e.ph === 'X' && e.ts >= start);
  const within = (outer, name) => main.filter((e) => e.name === name && e.ts >= outer.ts && e.ts <= outer.ts + outer.dur);
  const sum = (list) => ({ n: list.length, wall: list.reduce((a, e) => a + e.dur, 0) / 1000, thread: list.reduce((a, e) => a + (e.tdur ?? 0), 0) / 1000 });
  const tasks = main.filter((e) => e.name === 'RunTask');
  // The task in which the article went into the DOM: the last task that started before the mark.
  const renderTask = tasks.filter((t) => t.ts <= painted.ts).at(-1);
  const frameTask = tasks.find((t) => t.ts > painted.ts && main.some((e) => e.name === 'Layout' && e.ts >= t.ts && e.ts <= t.ts + t.dur));
  const lazy = renderTask ? sum(within(renderTask, 'wasm.CompileLazy')) : sum([]);
  const allLazy = sum(main.filter((e) => e.name === 'wasm.CompileLazy'));
  const phase = (name) => (frameTask ? sum(within(frameTask, name)) : sum([]));
  return {
    compiled: at('bs-compiled'), instantiated: at('bs-instantiated'), rendered: (painted.ts - start) / 1000,
    renderTask: renderTask ? { wall: renderTask.dur / 1000, thread: (renderTask.tdur ?? 0) / 1000 } : null,
    lazy, allLazy,
    frame: frameTask ? { wall: frameTask.dur / 1000, thread: (frameTask.tdur ?? 0) / 1000 } : null,
    style: phase('UpdateLayoutTree'), layout: phase('Layout'), paint: phase('Paint'),
    mainThreadTotal: sum(tasks.filter((t) => t.ts <= (frameTask ? frameTask.ts + frameTask.dur : painted.ts))).thread,
  };
}

export async function runColdStartTrace({ runs = 5, web = path.join(repoRoot, 'web'), keep } = {}) {
  const json = readFileSync(seedPath, 'utf8');
  const files = new Map([
    ['/article.json', Buffer.from(json)],
    ['/article.md', Buffer.from(asMarkdown(JSON.parse(json)))],
    ['/markdown.wasm', readFileSync(path.join(repoRoot, 'node_modules', 'markdown-wasm', 'dist', 'markdown.wasm'))],
    ['/markdown-wasm-page.js', Buffer.from(MARKDOWN_WASM_PAGE_JS.replace('window.__articleInDom();', "performance.mark('bs-in-dom'); window.__articleInDom();"))],
    ['/element.html', Buffer.from(page(`${MARKS}<script type="module" src="/web/embed.min.js"></script>\n<broadsheet-article src="/article.json"></broadsheet-article>`))],
    ['/markdown-wasm.html', Buffer.from(page(`${MARKS}<script type="module" src="/markdown-wasm-page.js"></script>\n<div id="article"></div>`))],
  ]);
  const server = await serve(files, [['/web/', path.resolve(web)], ['/markdown-wasm/', path.join(repoRoot, 'node_modules', 'markdown-wasm', 'dist')]]);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  const ids = ['element', 'markdown-wasm'];
  const results = Object.fromEntries(ids.map((id) => [id, []]));
  if (keep) mkdirSync(keep, { recursive: true });
  try {
    for (let round = -1; round < runs; round += 1) {
      for (let i = 0; i < ids.length; i += 1) {
        const id = ids[(i + round + ids.length) % ids.length];
        const context = await browser.newContext();
        const tab = await context.newPage();
        await browser.startTracing(tab, { categories: CATEGORIES });
        await tab.goto(`${origin}/${id}.html`);
        const timing = await tab.evaluate(async () => ({
          painted: await window.__painted,
          wasmAsked: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.startTime ?? null,
          wasmIn: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd ?? null,
        }));
        const trace = JSON.parse(await browser.stopTracing());
        await context.close();
        if (round < 0) continue;
        if (keep) writeFileSync(path.join(keep, `${id}-${round}.json`), JSON.stringify(trace));
        results[id].push({ ...timing, ...breakdown(trace) });
      }
      process.stderr.write(round < 0 ? 'trace warm-up round done\n' : `trace round ${round + 1}/${runs} done\n`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  const med = (list, pick) => { const values = list.map(pick).filter((v) => typeof v === 'number'); return values.length ? fixed(summary(values).median, 1) : ''; };
  const pair = (list, pick) => `${med(list, (r) => pick(r)?.wall)} / ${med(list, (r) => pick(r)?.thread)}`;
  const rows = ids.map((id) => {
    const list = results[id];
    return [id, med(list, (r) => r.painted), med(list, (r) => r.wasmAsked), med(list, (r) => r.wasmIn), med(list, (r) => r.compiled), med(list, (r) => r.instantiated),
      med(list, (r) => r.rendered), pair(list, (r) => r.renderTask), `${med(list, (r) => r.lazy.n)}: ${pair(list, (r) => r.lazy)}`,
      `${med(list, (r) => r.allLazy.n)}: ${pair(list, (r) => r.allLazy)}`, pair(list, (r) => r.style), pair(list, (r) => r.layout),
      pair(list, (r) => r.paint), pair(list, (r) => r.frame), med(list, (r) => r.mainThreadTotal)];
  });
  console.log(`\nCold start traced (${runs} runs per page, medians; wall / thread ms)\n`);
  printTable(['page', 'painted', '.wasm asked', '.wasm in', 'compiled', 'instantiated', 'in DOM', 'render task', 'lazy compile in it', 'lazy compile in all',
    'style', 'layout', 'paint', 'frame task', 'main thread total'], rows);
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  await runColdStartTrace({ runs: Number(option('--runs') ?? 5), web: option('--web'), keep: option('--keep') });
}
