#!/usr/bin/env node
// Bundles the playground's editor (web/playground/editor.js: CodeMirror 6 and the schema completion,
// with schema/article.schema.json read in at build time) into web/playground/dist/editor.js, minified,
// for the browser. The output is git-ignored and rebuilt by scripts/build.sh (`npm run build`,
// `npm start`). Nothing else of the playground is bundled: web/playground.js and the shell it imports are
// served as they are. The bundle must stay free of string-to-code (the page's CSP has no 'unsafe-eval'),
// which tests/browser/playground.test.mjs checks in the file and in Chromium.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const result = await build({
  absWorkingDir: repoRoot,
  entryPoints: ['web/playground/editor.js'],
  outfile: 'web/playground/dist/editor.js',
  bundle: true,
  format: 'esm',
  minify: true,
  target: ['es2022'],
  logLevel: 'warning',
  metafile: true,
});
const output = result.metafile.outputs['web/playground/dist/editor.js'];
console.log(`playground: web/playground/dist/editor.js, ${(output.bytes / 1024).toFixed(0)} KiB`);
