#!/usr/bin/env node
// `npm run size`: what a browser downloads to render an article, gzip -9 per file and in total (and
// brotli quality 11 beside it, as CDNs serve it), checked against bench/size-budget.json (gzip;
// tests/size/size.test.mjs runs the same check in CI). The JS counted is the minified embed that the
// snippet loads (scripts/build-min.mjs): one bundle, web/embed.min.js (element, shell, markup), and
// web/embeds.min.js, which it imports only for articles with embed blocks (counted: such a page
// downloads it); the unminified modules are for bundlers.
//
//   node bench/size.mjs [--json]
//
// The embed and the element render with the lite core (web/core/broadsheet-core-lite.wasm; docs/
// performance.md, "The lite core for the element"), so that is the download counted; the full core is
// printed after the total as what a page adds when one of its articles needs it (embed, gallery or
// table blocks, footnotes, sources), and what createRenderer, SSR and the CLI load. Both are checked
// against their budgets.
//
// The stylesheet (src/html/broadsheet.css, minified at build time by scripts/generate-stylesheet.mjs) is
// compiled into the WASM module and handed out by `renderer.css`, so it is shown (as it ships, minified)
// but not added twice; a stylesheet shipped as its own file under web/ would be counted.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { minifiedStylesheet } from '../scripts/generate-stylesheet.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const budgetPath = path.join(repoRoot, 'bench', 'size-budget.json');

/** Files a page loads to render with Broadsheet; the optional ones count once they exist. */
const downloaded = [
  { file: 'web/core/broadsheet-core-lite.wasm', what: 'WASM lite core (includes the stylesheet)', required: true },
  { file: 'web/core/broadsheet-core.js', what: 'Emscripten glue', required: true },
  { file: 'web/embed.min.js', what: 'embed: element, JS shell, markup (one minified bundle)', required: true },
  { file: 'web/broadsheet.css', what: 'stylesheet file' },
];
/** Files a page loads only when one of its articles needs them, beside the download counted. */
const onDemand = [
  { file: 'web/core/broadsheet-core.wasm', what: 'full WASM core: added for rich articles; createRenderer', required: true },
  { file: 'web/embeds.min.js', what: 'embed blocks, click to load (minified; only with embed blocks, which only the full core writes)' },
];
const embedded = [{ file: 'src/html/broadsheet.css', what: 'stylesheet, minified (inside the WASM core)',
  text: () => minifiedStylesheet() }];

function measure({ file, what, text }) {
  const bytes = text ? Buffer.from(text(), 'utf8') : readFileSync(path.join(repoRoot, file));
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { file, what, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli };
}

/** Sizes of every downloaded file that exists, their total, and the embedded stylesheet. */
export function measureSizes() {
  const present = (d) => existsSync(path.join(repoRoot, d.file));
  const missing = [...downloaded, ...onDemand].filter((d) => d.required && !present(d)).map((d) => d.file);
  const files = downloaded.filter(present).map(measure);
  const total = files.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip, brotli: sum.brotli + f.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  return { files, total, onDemand: onDemand.filter(present).map(measure), embedded: embedded.map(measure), missing };
}

export function readBudget() {
  return JSON.parse(readFileSync(budgetPath, 'utf8'));
}

/** Problems with `sizes` against `budget` (gzip bytes): over a file's budget, no budget, over total. */
export function checkBudget(sizes, budget) {
  const problems = sizes.missing.map((file) => `${file} is missing: run \`npm run build\` first`);
  for (const f of [...sizes.files, ...(sizes.onDemand ?? [])]) {
    const limit = budget.gzip[f.file];
    if (limit === undefined) {
      problems.push(`${f.file} (${f.gzip} B gzip) has no budget: add it to bench/size-budget.json ` +
        `(target: ${budget.targetTotalGzip} B gzip in all)`);
    } else if (f.gzip > limit) {
      problems.push(`${f.file} is ${f.gzip} B gzip, over its budget of ${limit} B`);
    }
  }
  if (sizes.total.gzip > budget.totalGzip) {
    problems.push(`the download is ${sizes.total.gzip} B gzip in all, over the budget of ${budget.totalGzip} B`);
  }
  return problems;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = measureSizes();
  const budget = readBudget();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ ...sizes, budget }, null, 2));
  } else {
    const header = ['file', 'what', 'raw', 'gzip -9', 'brotli 11', 'budget (gzip)'];
    const rows = [...sizes.files.map((f) => [f.file, f.what, kb(f.raw), kb(f.gzip), kb(f.brotli), budget.gzip[f.file] ? kb(budget.gzip[f.file]) : '—']),
      ['total', 'downloaded to render', kb(sizes.total.raw), kb(sizes.total.gzip), kb(sizes.total.brotli), kb(budget.totalGzip)],
      ...sizes.onDemand.map((f) => [f.file, f.what, kb(f.raw), kb(f.gzip), kb(f.brotli), budget.gzip[f.file] ? kb(budget.gzip[f.file]) : '—']),
      ...sizes.embedded.map((f) => [f.file, f.what, kb(f.raw), kb(f.gzip), kb(f.brotli), '(counted in the WASM)'])];
    const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i].length)));
    for (const row of [header, ...rows]) {
      console.log(row.map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  '));
    }
    console.log(`\ntarget (issue 7): ${kb(budget.targetTotalGzip)} gzip in all`);
  }
  const problems = checkBudget(sizes, budget);
  for (const p of problems) console.error(`over budget: ${p}`);
  process.exitCode = problems.length ? 1 : 0;
}
