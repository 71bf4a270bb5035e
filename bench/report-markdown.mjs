#!/usr/bin/env node
// Turns the reports of `npm run bench` (and of `npm run bench -- --browser`) into the Markdown tables
// of docs/performance.md.
//
//   node bench/report-markdown.mjs [bench/results/latest.json] [bench/results/browser-latest.json]
//                                  [bench/results/browser-throughput-latest.json]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './articles.mjs';

const nodeReport = JSON.parse(readFileSync(process.argv[2] ?? path.join(repoRoot, 'bench', 'results', 'latest.json'), 'utf8'));
const browserFile = process.argv[3] ?? path.join(repoRoot, 'bench', 'results', 'browser-latest.json');
const browserReport = existsSync(browserFile) ? JSON.parse(readFileSync(browserFile, 'utf8')) : null;
const throughputFile = process.argv[4] ?? path.join(repoRoot, 'bench', 'results', 'browser-throughput-latest.json');
const throughputReport = existsSync(throughputFile) ? JSON.parse(readFileSync(throughputFile, 'utf8')) : null;

const ms = (us) => (us >= 100_000 ? (us / 1000).toFixed(0) : us >= 10_000 ? (us / 1000).toFixed(1) : (us / 1000).toFixed(2));
const m = nodeReport.machine;
console.log(`Measured ${nodeReport.date.slice(0, 10)} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}; ` +
  `${nodeReport.settings.rounds} rounds, batches of ≥ ${nodeReport.settings.minMs} ms. Peers: ` +
  Object.entries(nodeReport.versions).map(([name, version]) => `${name} ${version}`).join(', ') + '.\n');

const contenders = [...new Map(nodeReport.results.map((r) => [r.contender, r.name])).entries()];
const articles = nodeReport.articles.map((a) => a.name);
console.log(`| contender | ${articles.map((a) => `${a}: ms median (min–max)`).join(' | ')} |`);
console.log(`|---|${articles.map(() => '---:').join('|')}|`);
for (const [id, name] of contenders) {
  const cells = articles.map((a) => {
    const r = nodeReport.results.find((x) => x.article === a && x.contender === id);
    return r ? `${ms(r.medianUs)} (${ms(r.minUs)}–${ms(r.maxUs)})` : '—';
  });
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
console.log('');
console.log(`| contender | ${articles.map((a) => `${a}: MB/s · Broadsheet ×`).join(' | ')} |`);
console.log(`|---|${articles.map(() => '---:').join('|')}|`);
for (const [id, name] of contenders) {
  const cells = articles.map((a) => {
    const r = nodeReport.results.find((x) => x.article === a && x.contender === id);
    return r ? `${r.articleMBps.toFixed(1)} · ${r.broadsheetSpeedup.toFixed(2)}` : '—';
  });
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}

if (nodeReport.phases?.length) {
  console.log('\n| article | where | render ms | JSON parse ms | JSON parse MB/s | JSON share |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const p of nodeReport.phases) {
    console.log(`| ${p.article} | ${p.where} | ${ms(p.renderUs)} | ${ms(p.jsonParseUs)} | ${p.jsonParseMBps.toFixed(0)} | ${(100 * p.jsonShare).toFixed(0)} % |`);
  }
}

console.log('\n| article | input | linear memory after the 1st render | after 6 | × input | reused |');
console.log('|---|---:|---:|---:|---:|---|');
for (const x of nodeReport.memory) {
  console.log(`| ${x.article} | ${(x.inputBytes / 1048576).toFixed(2)} MB | ${(x.afterFirstRender / 1048576).toFixed(1)} MB | ` +
    `${(x.afterSixRenders / 1048576).toFixed(1)} MB | ${x.ratioToInput.toFixed(1)} | ${x.reused ? 'yes' : 'no'} |`);
}

if (browserReport) {
  console.log(`\nChromium, ${browserReport.rounds} rounds, ${browserReport.date.slice(0, 10)}:\n`);
  console.log('| contender | download (gzip) | cold start ms: median (min–max) | markdown-wasm-relative | re-render µs: median (min–max) |');
  console.log('|---|---:|---:|---:|---:|');
  const mdwasm = browserReport.results.find((r) => r.id === 'markdown-wasm').cold.median;
  for (const r of browserReport.results) {
    console.log(`| ${r.name} | ${(r.downloadGzip / 1024).toFixed(1)} KB | ${r.cold.median.toFixed(0)} (${r.cold.min.toFixed(0)}–${r.cold.max.toFixed(0)}) | ` +
      `${(r.cold.median / mdwasm).toFixed(2)} | ${r.rerenderUs.median.toFixed(0)} (${r.rerenderUs.min.toFixed(0)}–${r.rerenderUs.max.toFixed(0)}) |`);
  }
}

if (throughputReport) {
  // Chromium beside Node for the articles both measured: Broadsheet's MB/s and its ratio to each peer
  // (the medians' ratio, and in brackets the least and greatest ratio within one round).
  const peers = [['sanitize-html', '× markdown-it + sanitize-html'], ['markdown-it', '× markdown-it (unsafe)'],
    ['dompurify', '× markdown-it + DOMPurify'], ['markdown-wasm', '× markdown-wasm'], ['md4w', '× md4w']];
  const cell = (r, cpu) => {
    const ratio = r?.[cpu ? 'broadsheetCpuSpeedup' : 'broadsheetSpeedup'];
    if (!Number.isFinite(ratio)) return '—';
    const per = r[cpu ? 'broadsheetCpuSpeedupPerRound' : 'broadsheetSpeedupPerRound'];
    return per?.length > 1 ? `${ratio.toFixed(2)} (${Math.min(...per).toFixed(2)}–${Math.max(...per).toFixed(2)})` : ratio.toFixed(2);
  };
  const t = throughputReport;
  console.log(`\nThroughput, Chromium ${t.chromium} (${t.settings.rounds} rounds, ${t.date.slice(11, 16)} UTC) and Node ` +
    `${nodeReport.machine.node} (${nodeReport.settings.rounds} rounds, ${nodeReport.date.slice(11, 16)} UTC):\n`);
  console.log(`| article | where, time | Broadsheet MB/s | ${peers.map(([, label]) => label).join(' | ')} |`);
  console.log(`|---|---|---:|${peers.map(() => '---:').join('|')}|`);
  for (const article of t.articles) {
    for (const [where, report] of [['Chromium', t], ['Node', nodeReport]]) {
      const find = (id) => report.results.find((x) => x.article === article.name && x.contender === id);
      const broadsheet = find('broadsheet');
      for (const cpu of [false, true]) {
        const mbps = cpu ? article.bytes / broadsheet?.cpuMedianUs : broadsheet?.articleMBps;
        console.log(`| ${article.name} (${(article.bytes / 1024).toFixed(1)} KB) | ${where}, ${cpu ? 'CPU' : 'wall'} | ` +
          `${Number.isFinite(mbps) ? mbps.toFixed(1) : '—'} | ${peers.map(([id]) => cell(find(id), cpu)).join(' | ')} |`);
      }
    }
  }
  console.log('\n| target | Chromium, wall | Chromium, CPU | Node, wall | Node, CPU |');
  console.log('|---|---|---|---|---|');
  for (const target of t.targets) {
    const node = nodeReport.targets.find((x) => x.target === target.target);
    const show = (ratio, required) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}× ${ratio >= required ? 'yes' : 'no'}` : '—');
    console.log(`| ${target.target} | ${show(target.measured, target.required)} | ${show(target.cpu, target.required)} | ` +
      `${show(node?.measured, target.required)} | ${show(node?.cpu, target.required)} |`);
  }
}
