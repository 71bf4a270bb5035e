// Small helpers shared by the benchmark modes: timing batches, summaries, tables, machine facts.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './articles.mjs';

/** Runs `fn` until at least `minMs` have passed; returns microseconds per call (`info.calls`: how many). */
export function timeBatch(fn, minMs, info) {
  let calls = 0;
  let keep = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  const min = BigInt(Math.round(minMs * 1e6));
  do {
    keep += fn() ? 1 : 0;
    ++calls;
    elapsed = process.hrtime.bigint() - start;
  } while (elapsed < min);
  if (keep < 0) console.log(keep);  // never: keeps results alive
  if (info) info.calls = calls;
  return Number(elapsed) / 1e3 / calls;
}

export function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Prints rows (arrays of cells) as an aligned text table; numbers are right-aligned. */
export function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (typeof c === 'number' || /^[\d.,×x%-]+$/.test(String(c))
    ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/**
 * The contender's time over Broadsheet's in each round (samples of one round are taken close together,
 * so their ratio drifts less with the machine's load than either): the spread beside the medians' ratio.
 */
export function perRoundRatios(contenderSamples, broadsheetSamples) {
  return contenderSamples.map((us, round) => us / broadsheetSamples[round]);
}

export const ratioRange = (ratios) => (ratios.every(Number.isFinite)
  ? `${fixed(Math.min(...ratios), 2)}–${fixed(Math.max(...ratios), 2)}` : '—');

/**
 * CPU time beside wall time: on this shared machine (2 cores, load often 10+) a batch of 150 ms of wall
 * time may get 20 ms of CPU, and how much depends on the moment; the CPU time a batch used per call
 * depends far less on what else runs. Node: process.cpuUsage() (user + system, all of the process's
 * threads: V8's background compilation and GC included). `NaN` where it cannot be measured.
 */
export const cpuMedian = (samples) => (samples.every(Number.isFinite) ? summary(samples).median : NaN);

export const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

export function packageVersion(name) {
  try {
    return JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/** Starts Broadsheet from `dir`, keeping a handle on the Emscripten module to read its memory. */
export async function startBroadsheet(dir) {
  const { createRenderer } = await import('../web/broadsheet.js');
  const factory = (await import(pathToFileURL(path.join(dir, 'broadsheet-core.js')).href)).default;
  let module = null;
  const renderer = await createRenderer({
    wasmBinary: readFileSync(path.join(dir, 'broadsheet-core.wasm')),
    moduleFactory: (m) => { module = m; return factory(m); },
  });
  return { renderer, memoryBytes: () => module.HEAPU8.buffer.byteLength };
}

/**
 * One article's results, one entry per contender (the first is Broadsheet, the others' ratios are to it),
 * and its table printed: median, least and greatest time, MB/s of the article JSON, the ratio of the
 * medians with its per-round spread, and the same of the CPU time. `samplesOf`/`cpuSamplesOf` give a
 * contender's samples in µs.
 */
export function reportArticle(article, contenders, samplesOf, cpuSamplesOf) {
  const results = [];
  const rows = [];
  const broadsheet = contenders[0];
  const base = summary(samplesOf(broadsheet));
  for (const c of contenders) {
    const s = summary(samplesOf(c));
    const mbps = article.bytes / s.median;  // bytes per µs = MB/s (of the article JSON, for all)
    const speedup = s.median / base.median;  // > 1: Broadsheet is that many times faster
    const perRound = perRoundRatios(samplesOf(c), samplesOf(broadsheet));
    const cpuUs = cpuMedian(cpuSamplesOf(c));
    const cpuSpeedup = cpuUs / cpuMedian(cpuSamplesOf(broadsheet));
    const cpuPerRound = perRoundRatios(cpuSamplesOf(c), cpuSamplesOf(broadsheet));
    results.push({ article: article.name, sizeLabel: article.sizeLabel, kind: article.kind, articleBytes: article.bytes,
      contender: c.id, name: c.name, input: c.input, samplesUs: samplesOf(c),
      medianUs: s.median, minUs: s.min, maxUs: s.max, articleMBps: mbps, broadsheetSpeedup: speedup, broadsheetSpeedupPerRound: perRound,
      cpuSamplesUs: cpuSamplesOf(c), cpuMedianUs: cpuUs, broadsheetCpuSpeedup: cpuSpeedup, broadsheetCpuSpeedupPerRound: cpuPerRound });
    const own = c === broadsheet;
    rows.push([c.name, fixed(s.median, 0), fixed(s.min, 0), fixed(s.max, 0), fixed(mbps, 1),
      own ? '1.00' : fixed(speedup, 2), own ? '' : ratioRange(perRound),
      fixed(cpuUs, 0), own ? '1.00' : fixed(cpuSpeedup, 2), own ? '' : ratioRange(cpuPerRound)]);
  }
  printTable(['contender', 'median µs', 'min µs', 'max µs', 'MB/s', 'Broadsheet ×', 'per round', 'CPU µs', 'CPU ×', 'per round'], rows);
  return results;
}
