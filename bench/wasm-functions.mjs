// Where the bytes of a WebAssembly module go: sums function body sizes by demangled-name group, using
// the module's "name" section (build with --profiling-funcs to keep it). Used to find what to cut.
//
//   node bench/wasm-functions.mjs build/exp/o3prof/out/broadsheet-core.wasm [--top 40]
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/wasm-functions.mjs <module.wasm> [--top N]');
  process.exit(2);
}
const topIndex = process.argv.indexOf('--top');
const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 40;
const bytes = readFileSync(file);

function readLeb(state) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[state.at++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) return result;
  }
}

function readName(state) {
  const length = readLeb(state);
  const text = bytes.subarray(state.at, state.at + length).toString('utf8');
  state.at += length;
  return text;
}

const sections = [];
const state = { at: 8 };
while (state.at < bytes.length) {
  const id = bytes[state.at++];
  const size = readLeb(state);
  const start = state.at;
  const section = { id, size, start };
  if (id === 0) section.name = readName({ at: start });
  sections.push(section);
  state.at = start + size;
}

// Imported functions come first in the function index space.
let importedFunctions = 0;
const importSection = sections.find((s) => s.id === 2);
if (importSection) {
  const s = { at: importSection.start };
  const count = readLeb(s);
  for (let i = 0; i < count; ++i) {
    readName(s);
    readName(s);
    const kind = bytes[s.at++];
    if (kind === 0) { readLeb(s); importedFunctions++; }
    else if (kind === 1) { s.at++; const flags = readLeb(s); readLeb(s); if (flags & 1) readLeb(s); }
    else if (kind === 2) { const flags = readLeb(s); readLeb(s); if (flags & 1) readLeb(s); }
    else if (kind === 3) { s.at += 2; }
  }
}

const bodySizes = [];
const codeSection = sections.find((s) => s.id === 10);
{
  const s = { at: codeSection.start };
  const count = readLeb(s);
  for (let i = 0; i < count; ++i) {
    const size = readLeb(s);
    bodySizes.push(size);
    s.at += size;
  }
}

const names = new Map();
const nameSection = sections.find((s) => s.id === 0 && s.name === 'name');
if (nameSection) {
  const s = { at: nameSection.start };
  readName(s);
  while (s.at < nameSection.start + nameSection.size) {
    const sub = bytes[s.at++];
    const size = readLeb(s);
    const end = s.at + size;
    if (sub === 1) {
      const count = readLeb(s);
      for (let i = 0; i < count; ++i) {
        const index = readLeb(s);
        names.set(index, readName(s));
      }
    }
    s.at = end;
  }
}

const mangled = bodySizes.map((_, i) => names.get(i + importedFunctions) ?? `func${i + importedFunctions}`);
let demangled = mangled;
try {
  demangled = execFileSync('c++filt', { input: mangled.join('\n'), maxBuffer: 64 << 20 }).toString().split('\n');
} catch {
  // Without c++filt the mangled names still group reasonably.
}

function group(name) {
  if (/nlohmann/.test(name)) return 'nlohmann-json';
  if (/^broadsheet::/.test(name) || /\bbroadsheet::/.test(name.slice(0, 80))) return 'broadsheet core';
  if (/^(cmark|S_|houdini|_scan_|_cmark|subject|parse_inline|handle_|try_|finalize|add_child|process_|make_|scan_)/.test(name)) return 'cmark';
  if (/emscripten::|embind|_embind|EmscriptenBindingInitializer/.test(name)) return 'embind';
  if (/printf|vfprintf|fmt_|pop_arg|__towrite|__fwrite|out$|pad$|fwrite|fputs|__stdio|strtod|strtof|__floatscan|__shgetc|scanf|__intscan|frexp|__string_read/.test(name)) return 'libc stdio/number formatting';
  if (/malloc|free$|dlmalloc|emmalloc|sbrk|realloc|calloc|memalign/.test(name)) return 'allocator';
  if (/^std::|__cxa|__cxxabiv|__gxx|operator new|operator delete|std::__2/.test(name)) return 'libc++/libc++abi';
  return 'other (libc, runtime)';
}

const totals = new Map();
const rows = [];
for (let i = 0; i < bodySizes.length; ++i) {
  const g = group(demangled[i]);
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
