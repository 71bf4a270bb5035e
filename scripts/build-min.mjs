#!/usr/bin/env node
// What a partner page downloads for the embed, minified (issue 19 points 1 and 2):
//
//   web/embed.min.js   ONE module: web/embed.js bundled with everything it imports statically (the
//                      element, the JS shell, the element's markup), so that the page asks for the core
//                      and the article after one module hop instead of three (docs/performance.md,
//                      "Cold start in Chromium").
//   web/embeds.min.js  the embed block's click-to-load (web/embeds.js), on its own: the element imports
//                      it dynamically, only when a rendered article holds an embed placeholder.
//
// Each has a linked source map (NAME.min.js.map, holding the original sources). What stays outside the
// bundle, by design: the Emscripten glue (`./core/broadsheet-core.js`, imported dynamically by
// web/broadsheet.js; already minified by Emscripten, requested together with the .wasm and the article,
// and named by the snippet's modulepreload hint) and the lazy modules above. The bundle sits beside the
// originals in web/, so `new URL('./core/broadsheet-core.wasm', import.meta.url)` and the glue's import
// resolve exactly as before and the snippet's preload hints (web/embed-snippet.js) stay right. The
// unminified modules stay the package's exports, for bundlers. Git-ignored; written by
// scripts/build.sh; measured by bench/size.mjs.
//
//   node scripts/build-min.mjs [--glue-in-bundle]   (the flag: only to measure that choice again)
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const webDir = path.join(repoRoot, 'web');

/** The embed's entry point; its minified bundle is what the snippet and docs/embed.md tell partners to load. */
export const BUNDLE_ENTRY = 'embed.js';
/** Modules of web/ that the bundle's code imports dynamically, shipped minified on their own. */
export const LAZY_MODULES = ['embeds.js'];
/** Modules of web/ that only Node imports (dynamically, behind a check): left out of the bundle. */
export const NODE_ONLY_MODULES = ['html-decoder.js'];
/** The core's glue, relative to web/: outside the bundle unless measured otherwise (--glue-in-bundle). */
const GLUE = 'core/broadsheet-core.js';
/** Per-module minified files that earlier builds wrote and nothing loads any more: removed when found. */
const OBSOLETE = ['element.min.js', 'element-markup.min.js', 'broadsheet.min.js'];

/** web/NAME.js -> web/NAME.min.js */
export const minName = (file) => file.replace(/\.js$/, '.min.js');

/** The minified files a build writes, relative to web/: the bundle first. */
export function shippedFiles() {
  return [minName(BUNDLE_ENTRY), ...LAZY_MODULES.filter((f) => existsSync(path.join(webDir, f))).map(minName)];
}

const common = {
  absWorkingDir: repoRoot,
  outdir: webDir,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  sourcesContent: true,
  legalComments: 'inline',
  charset: 'utf8',
  logLevel: 'warning',
  write: true,
  metafile: true,
};

/** Relative path of `args.path` from web/, as written in an import in a file of web/. */
function fromWeb(args) {
  const from = path.posix.relative(webDir.split(path.sep).join('/'), args.resolveDir.split(path.sep).join('/'));
  return path.posix.normalize(path.posix.join(from, args.path));
}

export async function buildMin({ glueInBundle = false } = {}) {
  if (!existsSync(path.join(webDir, BUNDLE_ENTRY))) throw new Error(`build-min: missing web/${BUNDLE_ENTRY}`);
  // The bundle: web/ modules are bundled; a lazy module becomes an import of its minified copy (with no
  // side effects, so a re-export nothing uses, like broadsheet.js's of embeds.js, leaves nothing
  // behind); the glue, Node-only modules and anything not relative (Node built-ins, imported
  // dynamically) stay external.
  const splitImports = {
    name: 'split-imports',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (!/^\.\.?\//.test(args.path)) return { path: args.path, external: true };
        const target = fromWeb(args);
        if (LAZY_MODULES.includes(target)) return { path: minName(args.path), external: true, sideEffects: false };
        if (target === GLUE && !glueInBundle) return { path: args.path, external: true };
        if (NODE_ONLY_MODULES.includes(target)) return { path: args.path, external: true };
        return undefined; // bundled
      });
    },
  };
  const bundle = await esbuild.build({
    ...common,
    entryPoints: [{ in: path.join('web', BUNDLE_ENTRY), out: minName(BUNDLE_ENTRY).replace(/\.js$/, '') }],
    bundle: true,
    plugins: [splitImports],
  });
  const lazy = LAZY_MODULES.filter((f) => existsSync(path.join(webDir, f)));
  const alone = await esbuild.build({
    ...common,
    entryPoints: lazy.map((file) => ({ in: path.join('web', file), out: minName(file).replace(/\.js$/, '') })),
    bundle: true,
    // A lazy module stays one file: whatever it imports is left to load as it is.
    plugins: [{ name: 'external', setup: (b) => b.onResolve({ filter: /.*/ }, (a) => (a.kind === 'entry-point' ? undefined : { path: a.path, external: true })) }],
  });
  if (bundle.errors.length || alone.errors.length) throw new Error('build-min: esbuild failed');
  for (const file of OBSOLETE) {
    for (const name of [file, `${file}.map`]) rmSync(path.join(webDir, name), { force: true });
  }
  return { files: shippedFiles(), bundled: bundledSources(bundle.metafile) };
}

/** The web/ sources inside the bundle, from esbuild's metafile. */
function bundledSources(metafile) {
  const output = metafile.outputs[path.posix.join('web', minName(BUNDLE_ENTRY))];
  return Object.keys(output?.inputs ?? {}).map((input) => path.posix.relative('web', input)).sort();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { files, bundled } = await buildMin({ glueInBundle: process.argv.includes('--glue-in-bundle') });
  console.log(`build-min: ${files.map((f) => `web/${f}`).join(', ')} (web/${minName(BUNDLE_ENTRY)} bundles ${bundled.join(', ')})`);
}
