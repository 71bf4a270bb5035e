#!/usr/bin/env node
// Compares WASM builds made by bench/build-variants.sh: size (raw, gzip -9) and speed of the core
// measured with each build's timing tool (tools/broadsheet_bench.cpp compiled alike), variants
// interleaved round by round. Prints a Markdown table for docs/performance.md: the fastest of the
// rounds (the least disturbed by other work on the machine) and the median.
//
//   node bench/variants.mjs [--rounds N] build/exp/O3 build/exp/Oz ...
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchArticles, sizeClasses } from './articles.mjs';
import { fixed, summary } from './stats.mjs';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 5;
const dirs = args.filter((a, i) => !a.startsWith('--') && (roundsAt < 0 || i !== roundsAt + 1));
const variants = dirs.map((dir) => ({
  name: path.basename(dir),
  wasm: path.join(dir, 'out', 'broadsheet-core.wasm'),
  glue: path.join(dir, 'out', 'broadsheet-core.js'),
  tool: path.join(dir, 'broadsheet_bench_wasm.cjs'),
})).filter((v) => existsSync(v.wasm) && existsSync(v.tool));

const articles = benchArticles(sizeClasses.slice(1, 2));  // the 50 KB articles
const tmp = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-variants-'));
for (const a of articles) {
  a.file = path.join(tmp, `${a.name.replace(/\W+/g, '-')}.json`);
  writeFileSync(a.file, a.json);
}

const samples = new Map();
const push = (key, value) => samples.set(key, [...(samples.get(key) ?? []), value]);
for (let round = 0; round < rounds; ++round) {
  for (let i = 0; i < variants.length; ++i) {
    const v = variants[(i + round) % variants.length];
    for (const mode of [[], ['--json-only']]) {
      const out = execFileSync(process.execPath, ['--no-experimental-fetch', v.tool, '--min-ms', '100', ...mode, ...articles.map((a) => a.file)],
        { encoding: 'utf8', maxBuffer: 16 << 20 });
      out.trim().split('\n').forEach((line, k) => push(`${v.name}|${mode.length ? 'json' : 'render'}|${articles[k].name}`, JSON.parse(line).samples[0] / 1e3));
    }
  }
  process.stderr.write(`round ${round + 1}/${rounds}\n`);
}
rmSync(tmp, { recursive: true, force: true });

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const header = ['variant', 'wasm raw', 'wasm gz', 'glue gz',
  ...articles.map((a) => `render ${a.name}: best / median µs (best MB/s)`), ...articles.map((a) => `JSON parse ${a.name}: best / median MB/s`)];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map((_, i) => (i ? '---:' : '---')).join('|')}|`);
for (const v of variants) {
  const cells = [v.name, `${(readFileSync(v.wasm).length / 1024).toFixed(1)} KB`, `${(gz(v.wasm) / 1024).toFixed(1)} KB`, `${(gz(v.glue) / 1024).toFixed(1)} KB`];
  for (const a of articles) {
    const s = summary(samples.get(`${v.name}|render|${a.name}`));
    cells.push(`${fixed(s.min, 0)} / ${fixed(s.median, 0)} (${fixed(a.bytes / s.min, 1)})`);
  }
  for (const a of articles) {
    const s = summary(samples.get(`${v.name}|json|${a.name}`));
    cells.push(`${fixed(a.bytes / s.min, 1)} / ${fixed(a.bytes / s.median, 1)}`);
  }
  console.log(`| ${cells.join(' | ')} |`);
}
console.log(`\n${rounds} rounds; MB/s of article JSON.`);
