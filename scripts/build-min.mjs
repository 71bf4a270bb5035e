#!/usr/bin/env node
// Minified copies of the modules a partner page downloads for the embed (issue 19 point 1): each
// web/NAME.js becomes web/NAME.min.js with a linked source map (web/NAME.min.js.map, holding the
// original source). They sit beside the originals, so what they find by relative URL — the core's glue
// `./core/broadsheet-core.js` and `new URL('./core/broadsheet-core.wasm', import.meta.url)` — resolves
// exactly as before and the snippet's preload hints (web/embed-snippet.js) stay right; only imports of
// other minified modules are rewritten, `./element.js` -> `./element.min.js`. The unminified files stay
// the package's exports for bundlers. Git-ignored; written by scripts/build.sh; measured by bench/size.mjs.
//
//   node scripts/build-min.mjs
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const webDir = path.join(repoRoot, 'web');

/**
 * The browser modules of the embed, relative to web/. Optional ones are minified once they exist. Any
 * other module of web/ that these import is minified too (found by following their imports), so a new
 * import cannot leave a minified module loading an unminified one; list it here anyway, to be explicit.
 */
export const MODULES = [
  { file: 'embed.js', required: true },
  { file: 'element.js', required: true },
  { file: 'element-markup.js', required: true },
  { file: 'broadsheet.js', required: true },
  { file: 'embeds.js' },
];

/** web/NAME.js -> web/NAME.min.js */
export const minName = (file) => file.replace(/\.js$/, '.min.js');

/** Relative static imports and re-exports of a module's source (before minification). */
function relativeImports(file) {
  const text = readFileSync(path.join(webDir, file), 'utf8');
  const found = new Set();
  for (const match of text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+['"](\.\.?\/[^'"]+)['"]/gm)) found.add(match[1]);
  for (const match of text.matchAll(/^\s*import\s+['"](\.\.?\/[^'"]+)['"]/gm)) found.add(match[1]);
  return [...found].map((spec) => path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
}

/** The modules to minify: the listed ones that exist and every web/ module they import (not web/core/). */
export function modulesToMinify() {
  const missing = MODULES.filter((m) => m.required && !existsSync(path.join(webDir, m.file))).map((m) => m.file);
  if (missing.length) throw new Error(`build-min: missing ${missing.map((f) => `web/${f}`).join(', ')}`);
  const queue = MODULES.filter((m) => existsSync(path.join(webDir, m.file))).map((m) => m.file);
  const seen = new Set();
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const dep of relativeImports(file)) {
      // The core is already minified by Emscripten and is loaded from web/core/ as it is.
      if (!dep.startsWith('core/') && !dep.startsWith('../') && dep.endsWith('.js')) queue.push(dep);
    }
  }
  return [...seen];
}

export async function buildMin() {
  const files = modulesToMinify();
  const minified = new Set(files);
  // Every import stays external: a relative import of a module being minified is pointed at its
  // minified copy, anything else (the core's glue, Node built-ins imported dynamically) is left alone.
  const rewriteImports = {
    name: 'rewrite-imports',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (/^\.\.?\//.test(args.path)) {
          const from = path.posix.relative(webDir.split(path.sep).join('/'), args.resolveDir.split(path.sep).join('/'));
          const target = path.posix.normalize(path.posix.join(from, args.path));
          if (minified.has(target)) return { path: minName(args.path), external: true };
        }
        return { path: args.path, external: true };
      });
    },
  };
  const result = await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: files.map((file) => ({ in: path.join('web', file), out: minName(file).replace(/\.js$/, '') })),
    outdir: webDir,
    bundle: true, // only so that the plugin sees the imports; every one is external
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    minify: true,
    sourcemap: 'linked',
    sourcesContent: true,
    legalComments: 'inline',
    charset: 'utf8',
    plugins: [rewriteImports],
    logLevel: 'warning',
    write: true,
  });
  if (result.errors.length) throw new Error('build-min: esbuild failed');
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const files = await buildMin();
  console.log(`build-min: ${files.map((f) => `web/${minName(f)}`).join(', ')}`);
}
