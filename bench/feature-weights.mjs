#!/usr/bin/env node
// What the embed's features weigh in the lite core's download: for each feature, the module with the
// bodies of that feature's functions replaced by `unreachable` and everything then unreachable removed
// (`wasm-opt --remove-unused-module-elements`, the same pass run on the untouched module as the
// baseline), compressed as `npm run size` does. Needs a --profiling-funcs link, whose "name" section
// gives the functions' names (docs/performance.md, "What the embed's features weigh"):
//
//   node bench/feature-weights.mjs build/exp/prof/out/broadsheet-core-lite.wasm [--list]
//
// --list prints each feature's functions instead (to check the patterns after the code changes).
//
// The figures are lower bounds: LTO inlines some of a feature's code into its callers, which stay, and
// data (message texts, tables) is left in place. A stubbed module does not run; it is only measured.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { encodeLeb, originOf, readModule } from './wasm-module.mjs';

// By the function's own name (its demangled name without the parameter list, so that a function that
// only takes a feature's type as an argument is not counted in it). `required`: what the brief or the issues ask of every article (the article format's
// reader, CommonMark, the URL policy that keeps links and images safe), shown for scale.
const FEATURES = [
  { name: 'automatic pull quotes (selection, placement, paraphrase search)',
    pattern: /placePullquotes|pickPullquotes|QuoteSearch|QuoteMatcher|Candidate|PendingPullquote|attributeInlineQuotes|reportParaphrase|::Sequence\b|appendForMatch|appendItemWords|PlacementReason|sentenceEnds|endsSentence|FlowItem/ },
  { name: 'analysts named in declined forms (Russian, Kazakh)', pattern: /surnameDeclension|nounDeclension|SpeakerName|Paradigm|lowerCase\(char32/ },
  { name: 'diagnostics: line:column, JSON Pointer, did-you-mean', pattern: /locateDiagnostics|PointerScanner|positionOfOffset|editDistance|didYouMean|ClosestName|childPointer|reportUnknown/ },
  { name: 'display text (no widows, soft hyphens)', pattern: /setAsDisplayText|hyphenat/ },
  { name: 'locale formatting (dates, numbers, labels)', pattern: /formatPattern|decodeLocale|formatTime|formatDate|labelsFor|Labels::|readingTime|LocaleNumbers/ },
  { name: 'bidi isolation', pattern: /isRightToLeft|withoutUnpairedBidi|directionOtherThanArticle|Bidi/ },
  { name: 'URL policy (required: safe links and images)', pattern: /^broadsheet::policy::/, required: true },
  { name: 'CommonMark: cmark (required)', pattern: { test: (name) => originOf(name) === 'cmark' }, required: true },
  { name: 'JSON: nlohmann-json (required)', pattern: { test: (name) => originOf(name) === 'nlohmann-json' }, required: true },
];

/** The demangled name up to its parameter list: `ns::f(int)` is `ns::f`, `std::vector<A>::push_back(A&&)` `std::vector<A>::push_back`. */
function ownName(fullName) {
  const name = fullName.replaceAll('(anonymous namespace)', '{anonymous}');
  let depth = 0;
  for (let i = 0; i < name.length; i += 1) {
    if (name[i] === '<') depth += 1;
    else if (name[i] === '>') depth -= 1;
    else if (name[i] === '(' && depth === 0 && i > 0) return name.slice(0, i);
  }
  return name;
}

const [file, listFlag] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/feature-weights.mjs <module.wasm built with --profiling-funcs> [--list]');
  process.exit(2);
}
const bytes = readFileSync(file);
const { sections, functions } = readModule(bytes);
if (!sections.some((s) => s.id === 0 && s.name === 'name')) {
  console.error(`${file} has no "name" section: link it with --profiling-funcs`);
  process.exit(2);
}
for (const f of functions) f.own = ownName(f.name);
const code = sections.find((s) => s.id === 10);
const UNREACHABLE_BODY = Buffer.from([0x03, 0x00, 0x00, 0x0b]); // size 3: no locals, unreachable, end
const workDir = mkdtempSync(path.join(os.tmpdir(), 'feature-weights-'));

/** The module with the matching functions stubbed and the unreachable rest removed, and its sizes. */
function measure(matches) {
  const bodies = [encodeLeb(functions.length)];
  let stubbed = 0;
  let codeBytes = 0;
  for (const f of functions) {
    if (matches(f.own)) {
      bodies.push(UNREACHABLE_BODY);
      stubbed += 1;
      codeBytes += f.size;
    } else {
      bodies.push(encodeLeb(f.size), bytes.subarray(f.start, f.start + f.size));
    }
  }
  const content = Buffer.concat(bodies);
  const headerStart = code.start - encodeLeb(code.size).length - 1;
  const input = path.join(workDir, 'in.wasm');
  const output = path.join(workDir, 'out.wasm');
  writeFileSync(input, Buffer.concat([bytes.subarray(0, headerStart), Buffer.from([10]), encodeLeb(content.length), content,
    bytes.subarray(code.start + code.size)]));
  execFileSync('wasm-opt', [input, '--enable-bulk-memory', '--enable-mutable-globals', '--enable-sign-ext',
    '--remove-unused-module-elements', '--strip-debug', '--strip-producers', '-o', output]);
  const module = readFileSync(output);
  return { stubbed, codeBytes, raw: module.length, gzip: gzipSync(module, { level: 9 }).length,
    brotli: brotliCompressSync(module, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length };
}

if (listFlag === '--list') {
  for (const feature of FEATURES) {
    console.log(`${feature.name}:`);
    for (const f of functions.filter((g) => feature.pattern.test(g.own))) console.log(`  ${String(f.size).padStart(6)}  ${f.own.slice(0, 140)}`);
  }
  process.exit(0);
}

try {
  const base = measure(() => false);
  const rows = [['feature', 'functions', 'their code', 'module raw', 'gzip', 'brotli']];
  const row = (name, r) => [name, String(r.stubbed), `${r.codeBytes} B`, `−${base.raw - r.raw} B`, `−${base.gzip - r.gzip} B`,
    `−${base.brotli - r.brotli} B`];
  for (const feature of FEATURES) rows.push(row(feature.name, measure((name) => feature.pattern.test(name))));
  const optional = FEATURES.filter((feature) => !feature.required);
  const without = measure((name) => optional.some((feature) => feature.pattern.test(name)));
  rows.push(row('all but the required, together', without));
  console.log(`${file}, names stripped and unused elements removed: ${base.raw} B raw, ${base.gzip} B gzip -9, ${base.brotli} B brotli -q 11`);
  const widths = rows[0].map((_, column) => Math.max(...rows.map((r) => r[column].length)));
  for (const r of rows) console.log(r.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]))).join('  '));
  console.log(`without all but the required: ${without.gzip} B gzip, ${without.brotli} B brotli`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
