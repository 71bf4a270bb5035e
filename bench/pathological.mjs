// Pathological shapes against an ordinary article (issue 13), part of `npm run bench` and runnable
// alone: `node bench/pathological.mjs [--quick] [--bytes N] [--rounds N] [--core DIR] [--only id,id]`.
//
// For each shape of bench/pathological-shapes.mjs, at 2 MB: seconds per MB of input through the
// WebAssembly renderer in Node, its ratio to an ordinary article of the same size timed in the same
// run (target: ≤ 3×), and the peak WASM memory of a fresh renderer (linear memory only grows, so its
// size after the render is the peak) with its growth over the instance's initial memory (target:
// growth ≤ 10× the input; the initial few MB would dominate small inputs).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './articles.mjs';
import { ordinaryArticle, pathologicalShapes } from './pathological-shapes.mjs';
import { fixed, printTable, startBroadsheet, summary } from './stats.mjs';

const MB = 1e6;

/** Milliseconds of one render of `json`, the least of `rounds` (after one warm-up). */
export function renderMs(renderer, json, rounds) {
  const samples = [];
  renderer.render(json);
  for (let i = 0; i < rounds; ++i) {
    const started = performance.now();
    renderer.render(json);
    samples.push(performance.now() - started);
  }
  return summary(samples).min;
}

export async function runPathologicalBench({ quick = false, bytes = quick ? 200_000 : 2_000_000, rounds = quick ? 1 : 5, coreDir, only } = {}) {
  const core = coreDir ?? path.join(repoRoot, 'web', 'core');
  const { renderer } = await startBroadsheet(core);
  const shapes = [{ id: 'ordinary', what: 'the seed article, its body repeated', make: ordinaryArticle },
    ...pathologicalShapes.filter((shape) => !only || only.includes(shape.id))];
  const rows = [];
  for (const shape of shapes) {
    const json = shape.make(bytes);
    const inputBytes = Buffer.byteLength(json);
    const ms = renderMs(renderer, json, rounds);
    const fresh = await startBroadsheet(core);
    const initial = fresh.memoryBytes();
    const result = fresh.renderer.render(json);
    rows.push({
      shape: shape.id, what: shape.what, inputBytes, secondsPerMB: ms / 1e3 / (inputBytes / MB),
      peakMemoryBytes: fresh.memoryBytes(), initialMemoryBytes: initial, htmlBytes: Buffer.byteLength(result.html),
      diagnostics: result.diagnostics.length, internalError: result.diagnostics.some((d) => d.code === 'BS-INTERNAL'),
    });
  }
  const ordinary = rows[0].secondsPerMB;
  for (const row of rows) {
    row.timesOrdinary = row.secondsPerMB / ordinary;
    row.memoryTimesInput = (row.peakMemoryBytes - row.initialMemoryBytes) / row.inputBytes;
  }
  console.log(`\nPathological shapes at ${fixed(bytes / MB, 1)} MB (WASM in Node, least of ${rounds} renders; ` +
    'targets: ≤ 3× the ordinary article per byte, memory growth ≤ 10× the input):');
  printTable(['shape', 'input MB', 's/MB', '× ordinary', 'peak MB', 'growth × input', 'HTML MB', 'diagnostics', 'met'],
    rows.map((r) => [r.shape, fixed(r.inputBytes / MB, 2), fixed(r.secondsPerMB, 3), fixed(r.timesOrdinary, 2),
      fixed(r.peakMemoryBytes / MB, 1), fixed(r.memoryTimesInput, 1), fixed(r.htmlBytes / MB, 2), r.diagnostics,
      r.timesOrdinary <= 3 && r.memoryTimesInput <= 10 && !r.internalError ? 'yes' : 'NO']));
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  await runPathologicalBench({
    quick: args.includes('--quick'),
    bytes: option('--bytes') ? Number(option('--bytes')) : undefined,
    rounds: option('--rounds') ? Number(option('--rounds')) : undefined,
    coreDir: option('--core') ? path.resolve(option('--core')) : undefined,
    only: option('--only')?.split(','),
  });
}
