#!/usr/bin/env node
// Writes the core's stylesheet source (src/html/stylesheet.cpp.in filled in) with src/html/broadsheet.css
// minified by esbuild (a pinned devDependency), so the repository keeps the readable stylesheet and
// what ships (`renderer.css`, the standalone document's <style>, inside the .wasm) is the minified one.
// Run by the CMake build, native and Emscripten alike (add_custom_command in CMakeLists.txt), into the
// build directory:
//   node scripts/generate-stylesheet.mjs OUTPUT.cpp
//   node scripts/generate-stylesheet.mjs --css     the minified stylesheet alone, on standard output
// esbuild only removes what CSS does not read (comments, whitespace, quotes and `::` where one colon
// means the same) and keeps every declaration, fallbacks included (`float: left; float: inline-start`);
// it lowers nothing, as no target is given. A warning from esbuild stops the build rather than shipping
// a stylesheet it did not understand. tests/quality/stylesheet-minified.test.mjs compares the two
// stylesheets as Chromium parses them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const stylesheetSource = path.join(root, 'src/html/broadsheet.css');
const template = path.join(root, 'src/html/stylesheet.cpp.in');
// The raw string literal's end in stylesheet.cpp.in: the stylesheet must not contain it.
const RAW_STRING_END = ')broadsheet_css"';

/** The stylesheet as it ships: broadsheet.css minified (UTF-8 kept as it is, one final newline). */
export function minifiedStylesheet(css = readFileSync(stylesheetSource, 'utf8')) {
  const result = esbuild.transformSync(css, {
    loader: 'css',
    minify: true,
    charset: 'utf8',
    sourcefile: 'src/html/broadsheet.css',
    logLevel: 'silent',
  });
  const problems = [...result.warnings];
  if (problems.length) {
    const text = esbuild.formatMessagesSync(problems, { kind: 'warning' });
    throw new Error(`generate-stylesheet: esbuild warned about src/html/broadsheet.css:\n${text.join('\n')}`);
  }
  if (result.code.includes(RAW_STRING_END)) throw new Error(`generate-stylesheet: the stylesheet contains ${RAW_STRING_END}`);
  return result.code;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [output] = process.argv.slice(2);
  if (!output) {
    console.error('usage: node scripts/generate-stylesheet.mjs OUTPUT.cpp | --css');
    process.exit(2);
  }
  const css = minifiedStylesheet();
  if (output === '--css') {
    process.stdout.write(css);
  } else {
    const cpp = readFileSync(template, 'utf8').replace('@BROADSHEET_CSS@', () => css);
    mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
    writeFileSync(output, cpp);
  }
}
