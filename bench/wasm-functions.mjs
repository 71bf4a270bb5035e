// Where the bytes of a WebAssembly module go: sums function body sizes by demangled-name group, using
// the module's "name" section (build with --profiling-funcs to keep it). Used to find what to cut.
//
//   node bench/wasm-functions.mjs build/exp/o3prof/out/broadsheet-core.wasm [--top 40]
import { readFileSync } from 'node:fs';
import { originOf, readModule } from './wasm-module.mjs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/wasm-functions.mjs <module.wasm> [--top N]');
  process.exit(2);
}
const topIndex = process.argv.indexOf('--top');
const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 40;
const bytes = readFileSync(file);

const { sections, importedFunctions, functions } = readModule(bytes);
const bodySizes = functions.map((f) => f.size);
const demangled = functions.map((f) => f.name);


const totals = new Map();
const rows = [];
for (let i = 0; i < bodySizes.length; ++i) {
  const g = originOf(demangled[i]);
  totals.set(g, (totals.get(g) ?? 0) + bodySizes[i]);
  rows.push({ size: bodySizes[i], name: demangled[i], group: g });
}

console.log(`${file}: ${bytes.length} bytes, ${bodySizes.length} functions, ${importedFunctions} imported`);
console.log('\nsections:');
for (const s of sections) {
  const label = s.id === 0 ? `custom "${s.name}"` : ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'][s.id];
  console.log(`  ${label.padEnd(22)} ${String(s.size).padStart(8)}`);
}
console.log('\ncode by group:');
for (const [g, size] of [...totals].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${g.padEnd(30)} ${String(size).padStart(8)}`);
}
console.log(`\nlargest ${top} functions:`);
for (const row of rows.sort((a, b) => b.size - a.size).slice(0, top)) {
  console.log(`  ${String(row.size).padStart(7)}  ${row.group.padEnd(16).slice(0, 16)}  ${row.name.slice(0, 150)}`);
}
