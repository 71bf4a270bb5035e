#!/usr/bin/env node
// Prints a digest of what the renderer writes for every article fixture in the repository (HTML,
// diagnostics and meta, plain and standalone), one line per fixture, so that a refactoring can show
// it changed no output: run it before and after and diff the two listings.
//
//   node scripts/fixture-outputs.mjs [--core DIR] > before.txt
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRenderer } from '../web/broadsheet.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const coreIndex = process.argv.indexOf('--core');
let renderer;
if (coreIndex > 0) {
  const dir = path.resolve(process.argv[coreIndex + 1]);
  const factory = (await import(pathToFileURL(path.join(dir, 'broadsheet-core.js')).href)).default;
  renderer = await createRenderer({ wasmBinary: readFileSync(path.join(dir, 'broadsheet-core.wasm')), moduleFactory: factory });
} else {
  renderer = await createRenderer();
}

function* articleFiles(dir) {
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(file).isDirectory()) yield* articleFiles(file);
    else if (name.endsWith('.json') && !name.endsWith('.expect.json')) yield file;
  }
}

for (const top of ['examples', 'tests']) {
  for (const file of articleFiles(path.join(root, top))) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('"broadsheet/article@1"')) continue;
    const digest = createHash('sha256');
    for (const standalone of [false, true]) {
      const { ok, html, diagnostics, meta } = renderer.render(text, { standalone });
      digest.update(JSON.stringify({ ok, html, diagnostics, meta }));
    }
    console.log(`${digest.digest('hex').slice(0, 16)}  ${path.relative(root, file)}`);
  }
}
