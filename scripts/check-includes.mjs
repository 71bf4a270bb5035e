#!/usr/bin/env node
// Checks that #include arrows run only down the pipeline (DEVELOPERS.md, "Arrows run down the
// pipeline"): a stage sees the stages before it, never one after it, so each stage can be read, tested
// and changed on its own.
// Reads every #include "..." line under src/, wasm/ and include/; prints each arrow that breaks the
// order as file:line and exits 1. Headers that are not ours (cmark's, generated ones) are not checked.
//
//   node scripts/check-includes.mjs
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// What each stage may include besides itself and the public header (include/broadsheet/broadsheet.hpp,
// whose options and limits every stage reads). `headers` lets a stage see single headers of a stage it
// may not otherwise include. `rank` orders the pipeline, for saying which way a bad arrow points; the
// API and the bindings stand outside it.
const stages = {
  text: { rank: 0, includes: [] },
  policy: { rank: 0, includes: [] },
  format: { rank: 1, includes: ['text', 'policy'] },
  layout: { rank: 2, includes: ['format', 'text', 'policy'] },
  // Emission stops with the output-limit error, a diagnostic of the format's kind.
  html: { rank: 3, includes: ['layout', 'text', 'policy'], headers: ['format/diagnostics.hpp'] },
  pipeline: { rank: 4, includes: ['format', 'text', 'layout', 'html', 'policy'] },  // src/*.cpp
  public: { includes: [] },  // include/: the API, which knows no stage
  wasm: { includes: [] },    // wasm/: the bindings see only the API
};

const sourceDirs = ['src', 'wasm', 'include'];
const sourceFile = /\.(c|cc|cpp|h|hpp)(\.in)?$/;

// The stage a repository-relative path belongs to, or null for a file outside the checked folders.
export function stageOf(file) {
  const parts = file.split('/');
  if (parts[0] === 'include') return 'public';
  if (parts[0] === 'wasm') return 'wasm';
  if (parts[0] !== 'src') return null;
  if (parts.length === 2) return 'pipeline';
  return parts[1] in stages ? parts[1] : null;
}

// Where `#include "name"` in `file` points among `known` paths, as the build's include path finds it
// (the including file's folder, then src/ and include/), or null when it is not one of ours.
function resolve(name, file, known) {
  const candidates = [path.posix.join(path.posix.dirname(file), name), `src/${name}`, `include/${name}`];
  return candidates.find((candidate) => known.has(candidate)) ?? null;
}

// Why including `header` from `stage` is wrong, or null when it is allowed.
function whyNot(stage, header, headerStage) {
  if (headerStage === stage || headerStage === 'public') return null;
  const rule = stages[stage];
  if (rule.includes.includes(headerStage)) return null;
  const shortName = header.replace(/^src\//, '');
  if (rule.headers?.includes(shortName)) return null;
  if (stages[headerStage].rank > rule.rank) return 'which comes later in the pipeline';
  if (stage === 'wasm') return 'but wasm/ may include only the public header';
  if (rule.headers?.some((allowed) => allowed.startsWith(`${headerStage}/`))) {
    return `of which ${stage} may include only ${rule.headers.join(', ')}`;
  }
  return `which ${stage} may not include (${stage} may include ${rule.includes.join(', ') || 'no other stage'})`;
}

// The include arrows of `files` ({ path, text }, paths relative to the repository) that break the
// stage order: { file, line, stage, header, headerStage, reason } each, in file and line order.
export function findViolations(files) {
  const known = new Set(files.map((file) => file.path));
  const violations = [];
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const stage = stageOf(file.path);
    if (!stage) continue;
    file.text.split('\n').forEach((text, index) => {
      const include = /^\s*#\s*include\s*"([^"]+)"/.exec(text);
      if (!include) return;
      const header = resolve(include[1], file.path, known);
      const headerStage = header && stageOf(header);
      if (!headerStage) return;
      const reason = whyNot(stage, header, headerStage);
      if (reason) violations.push({ file: file.path, line: index + 1, stage, header: include[1], headerStage, reason });
    });
  }
  return violations;
}

export function describeViolation({ file, line, stage, header, headerStage, reason }) {
  return `${file}:${line}: ${stage} includes ${header} (${headerStage}), ${reason}`;
}

// Every C and C++ file of the checked folders, as findViolations takes them.
export function readSources(directory = root) {
  const files = [];
  const walk = (relative) => {
    for (const entry of readdirSync(path.join(directory, relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (sourceFile.test(entry.name)) {
        files.push({ path: child, text: readFileSync(path.join(directory, child), 'utf8') });
      }
    }
  };
  sourceDirs.forEach(walk);
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = readSources();
  const violations = findViolations(files);
  for (const violation of violations) console.log(describeViolation(violation));
  if (violations.length > 0) {
    console.log(`${violations.length} against the stage order (DEVELOPERS.md, "Arrows run down the pipeline")`);
    process.exit(1);
  }
  const folders = sourceDirs.map((dir) => `${dir}/`).join(', ');
  console.log(`include direction: every #include of ${files.length} files under ${folders} runs down the pipeline`);
}
