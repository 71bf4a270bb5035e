// The npm package as consumers get it: `npm pack`, installed (offline: it has no dependencies) into a
// fresh project, then used from Node ESM, from a browser bundle made with esbuild (rendered in headless
// Chromium), and from TypeScript (examples/typescript/ against the installed package). Its metadata,
// licence, docs, schema and custom elements manifest are checked in the tarball. Sizes go to
// test-output/package/size.json.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { NODE_ONLY_MODULES, shippedFiles } from '../../scripts/build-min.mjs';
import { startServer } from '../../scripts/serve.js';
import { collectPageErrors, launchChromium } from '../helpers/browser.mjs';
import { examplePath, repoRoot, testOutputDir } from '../helpers/paths.mjs';

const require = createRequire(import.meta.url);
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare'];
const DOCS = readdirSync(path.join(repoRoot, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`);
const EXPECTED_FILES = [
  'README.md', 'LICENSE', 'package.json', 'bin/broadsheet.js',
  'bin/cli/args.js', 'bin/cli/batch.js', 'bin/cli/file-worker.js', 'bin/cli/inputs.js', 'bin/cli/jobs.js', 'bin/cli/output.js', 'bin/cli/terminal.js',
  'bin/cli/watch.js',
  'web/broadsheet.js', 'web/index.d.ts', 'web/element.js', 'web/element.d.ts', 'web/element-markup.js',
  'web/embed.js', 'web/embed.d.ts', 'web/embed-snippet.js', 'web/embeds.js', 'web/ssr.js', 'web/ssr.d.ts', 'web/render-pool.js', 'web/render-worker.js',
  'web/worker-pool.js', 'web/html-decoder.js',
  'web/broadsheet-core.wasm.d.ts', 'web/jsx.d.ts', 'web/jsx-react.d.ts', 'web/jsx-preact.d.ts', 'web/jsx-solid.d.ts',
  'web/core/broadsheet-core.js', 'web/core/broadsheet-core.wasm', 'web/core/broadsheet-core-lite.wasm',
  // The minified embed (scripts/build-min.mjs: the bundle and the lazily imported embeds.min.js) and
  // their source maps, what the snippet loads.
  ...shippedFiles().flatMap((file) => [`web/${file}`, `web/${file}.map`]),
  'custom-elements.json', 'schema/article.schema.json', ...DOCS,
];
/** The JSX libraries the examples type-check against, linked from the repository's devDependencies (their own
 * dependencies resolve from there). */
const JSX_TYPES = ['@types/react', 'preact', 'solid-js'];

function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000, ...options });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function write(file, text) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe('npm package', () => {
  let work;
  let consumer;
  let packed;

  before(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-pack-'));
    consumer = path.join(work, 'consumer');
    [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], { cwd: repoRoot }));
    write(path.join(consumer, 'package.json'),
      JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }, null, 2));
    run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--cache', path.join(work, 'npm-cache'),
      path.join(work, packed.filename)], { cwd: consumer });
  });

  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('holds exactly the whitelisted files, has no install scripts, and its size is recorded', (t) => {
    assert.deepEqual(packed.files.map((f) => f.path).sort(), [...EXPECTED_FILES].sort());
    const manifest = JSON.parse(readFileSync(path.join(consumer, 'node_modules', 'broadsheet', 'package.json'), 'utf8'));
    for (const name of INSTALL_SCRIPTS) assert.equal(manifest.scripts?.[name], undefined, `no "${name}" script`);
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}), []);
    assert.deepEqual(Object.keys(manifest.exports), ['.', './element', './embed', './ssr', './jsx', './jsx-react',
      './jsx-preact', './jsx-solid', './broadsheet-core.wasm', './broadsheet-core-lite.wasm', './package.json', './custom-elements.json',
      './schema/article.schema.json']);

    const wasm = readFileSync(path.join(repoRoot, 'web', 'core', 'broadsheet-core.wasm'));
    const glue = readFileSync(path.join(repoRoot, 'web', 'core', 'broadsheet-core.js'));
    const sizes = {
      packageBytes: packed.size,
      unpackedBytes: packed.unpackedSize,
      wasmBytes: wasm.length,
      wasmGzipBytes: gzipSync(wasm, { level: 9 }).length,
      glueBytes: glue.length,
      glueGzipBytes: gzipSync(glue, { level: 9 }).length,
    };
    writeFileSync(path.join(testOutputDir('package'), 'size.json'), `${JSON.stringify(sizes, null, 2)}\n`);
    t.diagnostic(`package ${sizes.packageBytes} B packed, ${sizes.unpackedBytes} B unpacked; ` +
      `wasm ${sizes.wasmBytes} B (${sizes.wasmGzipBytes} B gzip)`);
  });

  test('its minified embed modules import only each other, the core and the Node-only modules it holds, and map back to sources it holds', () => {
    const installed = (...parts) => path.join(consumer, 'node_modules', 'broadsheet', 'web', ...parts);
    const minified = shippedFiles();
    for (const file of minified) {
      const text = readFileSync(installed(file), 'utf8');
      for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?"(\.[^"]+)"/g)) {
        const nodeOnly = NODE_ONLY_MODULES.includes(spec.slice(2)) && existsSync(installed(spec.slice(2)));
        assert.ok(minified.includes(spec.slice(2)) || spec === './core/broadsheet-core.js' || nodeOnly, `web/${file} imports ${spec}`);
      }
      assert.ok(text.endsWith(`//# sourceMappingURL=${file}.map\n`), `web/${file} links its map`);
      const map = JSON.parse(readFileSync(installed(`${file}.map`), 'utf8'));
      for (const [i, source] of map.sources.entries()) {
        assert.equal(map.sourcesContent[i], readFileSync(installed(source), 'utf8'), `${file}.map holds web/${source}`);
      }
    }
  });

  test('carries its licence, repository, homepage, bug tracker, docs, schema and custom elements manifest', () => {
    const installed = (...parts) => path.join(consumer, 'node_modules', 'broadsheet', ...parts);
    const manifest = JSON.parse(readFileSync(installed('package.json'), 'utf8'));
    assert.equal(manifest.license, 'MIT');
    const licence = readFileSync(installed('LICENSE'), 'utf8');
    assert.match(licence, /^MIT License\n\nCopyright \(c\) \d{4} /);
    assert.match(licence, /THE SOFTWARE IS PROVIDED "AS IS"/);
    // One repository, named alike by all three.
    const repository = manifest.repository.url.match(/^git\+(https:\/\/github\.com\/[^/]+\/[^/]+)\.git$/)?.[1];
    assert.ok(repository, manifest.repository.url);
    assert.equal(manifest.repository.type, 'git');
    assert.equal(manifest.homepage, `${repository}#readme`);
    assert.equal(manifest.bugs.url, `${repository}/issues`);

    for (const doc of ['README.md', ...DOCS, 'schema/article.schema.json', 'custom-elements.json']) {
      assert.equal(readFileSync(installed(doc), 'utf8'), readFileSync(path.join(repoRoot, doc), 'utf8'), doc);
    }
    assert.equal(manifest.customElements, 'custom-elements.json');
    const elements = JSON.parse(readFileSync(installed(manifest.customElements), 'utf8'));
    assert.match(elements.schemaVersion, /^1\./);
    // Every module the manifest names is in the package.
    for (const module of elements.modules) assert.ok(packed.files.some((f) => f.path === module.path), module.path);
    // The schema and the manifest resolve by name.
    const consumerRequire = createRequire(path.join(consumer, 'index.js'));
    assert.equal(consumerRequire.resolve('broadsheet/custom-elements.json'), installed('custom-elements.json'));
    assert.equal(consumerRequire('broadsheet/schema/article.schema.json').$id, 'urn:broadsheet:schema:article@1');
  });

  test('(a) Node ESM: imports every entry point by name and renders; the CLI runs', () => {
    write(path.join(consumer, 'node-consumer.mjs'), `
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createRenderer } from 'broadsheet';
import { BroadsheetArticle } from 'broadsheet/element';
import * as embed from 'broadsheet/embed';
import { renderElementHTML } from 'broadsheet/ssr';

const renderer = await createRenderer();
const input = await readFile(process.argv[2], 'utf8');
const result = renderer.render(input);
let deepImport = 'allowed';
try {
  await import('broadsheet/web/broadsheet.js');
} catch (error) {
  deepImport = error.code;
}
console.log(JSON.stringify({
  ok: result.ok,
  headline: result.meta.headline,
  ssr: renderElementHTML(renderer, input).html.startsWith('<broadsheet-article><template shadowrootmode="open">'),
  element: typeof BroadsheetArticle,
  embed: embed.BroadsheetArticle === BroadsheetArticle,
  wasm: createRequire(import.meta.url).resolve('broadsheet/broadsheet-core.wasm'),
  deepImport,
}));
`);
    const output = JSON.parse(run(process.execPath, ['node-consumer.mjs', examplePath], { cwd: consumer }));
    assert.equal(output.ok, true);
    assert.match(output.headline, /Russian Arms/);
    assert.equal(output.ssr, true);
    assert.equal(output.element, 'function');
    assert.equal(output.embed, true);
    assert.equal(output.wasm, path.join(consumer, 'node_modules', 'broadsheet', 'web', 'core', 'broadsheet-core.wasm'));
    assert.equal(output.deepImport, 'ERR_PACKAGE_PATH_NOT_EXPORTED');

    const cli = spawnSync(path.join(consumer, 'node_modules', '.bin', 'broadsheet'), ['render', examplePath],
      { cwd: consumer, encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.match(cli.stdout, /class="bs-article"/);
  });

  test('(b) bundled for browsers with esbuild, it renders in Chromium', async () => {
    // The documented recipe (docs/embed.md): the .wasm export through esbuild's file loader, whose URL
    // is handed to configureRenderer().
    write(path.join(consumer, 'src', 'main.js'), `
import { configureRenderer } from 'broadsheet/element';
import wasmUrl from 'broadsheet/broadsheet-core.wasm';

configureRenderer({ wasmUrl });
const article = document.querySelector('broadsheet-article');
const shown = await article.updateComplete;
window.__result = { shown, headline: article.meta?.headline ?? null, wasmUrl };
`);
    const esbuild = require('esbuild');
    await esbuild.build({
      absWorkingDir: consumer,
      entryPoints: ['src/main.js'],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      outdir: 'dist',
      publicPath: '/dist/',
      loader: { '.wasm': 'file' },
      logLevel: 'silent',
    });
    copyFileSync(examplePath, path.join(consumer, 'article.json'));
    write(path.join(consumer, 'index.html'), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>bundled</title><link rel="icon" href="data:,">
<script type="module" src="/dist/main.js"></script></head>
<body><broadsheet-article src="/article.json" loading="eager"></broadsheet-article></body></html>
`);

    const server = startServer({ port: 0, root: consumer });
    await new Promise((resolve) => server.once('listening', resolve));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`http://127.0.0.1:${server.address().port}/index.html`); // (`/` redirects to /web/)
      const result = await (await page.waitForFunction(() => window.__result, null, { timeout: 30_000 })).jsonValue();
      assert.equal(result.shown, true, JSON.stringify(result));
      assert.match(result.headline, /Russian Arms/);
      assert.match(result.wasmUrl, /^\/dist\/broadsheet-core-[A-Z0-9]+\.wasm$/);
      assert.match(await page.locator('broadsheet-article .bs-headline').innerText(), /Russian Arms/);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('(c) a TypeScript consumer type-checks against every entry point', () => {
    write(path.join(consumer, 'consumer.ts'), `
import { createRenderer, formatDiagnostic } from 'broadsheet';
import type { ArticleDocument, Renderer, RenderResult } from 'broadsheet';
import { BroadsheetArticle, TAG_NAME, configureRenderer, getSharedRenderer } from 'broadsheet/element';
import type { BroadsheetErrorEventDetail } from 'broadsheet/element';
import { BroadsheetArticle as EmbedElement } from 'broadsheet/embed';
import { renderElementHTML } from 'broadsheet/ssr';

export async function server(): Promise<string> {
  const renderer: Renderer = await createRenderer({ wasmBinary: new Uint8Array(8) });
  const result: RenderResult = renderer.render('{}', { theme: 'dark', headingLevel: 2 });
  const element = renderElementHTML(renderer, '{}', { theme: 'light', attributes: { id: 'story', hidden: true } });
  // @ts-expect-error theme is auto, light or dark
  renderElementHTML(renderer, '{}', { theme: 'sepia' });
  return element.html + (result.meta?.headline ?? '') + formatDiagnostic(result.diagnostics[0]!);
}

export async function browser(): Promise<boolean> {
  configureRenderer({ wasmUrl: '/assets/broadsheet-core.wasm' });
  const shared: Renderer = await getSharedRenderer();
  const existing: BroadsheetArticle | null = document.querySelector('broadsheet-article');
  const made = document.createElement(TAG_NAME);
  const article: ArticleDocument = { format: 'broadsheet/article@1', headline: 'Typed', body: 'Text.' };
  made.article = article;
  made.article = JSON.stringify(article);
  made.theme = 'dark';
  made.headingLevel = 3;
  made.loading = 'eager';
  made.addEventListener('broadsheet:render', (event) => {
    const headline: string = event.detail.meta.headline;
    console.log(headline, event.detail.diagnostics.length);
  });
  made.addEventListener('broadsheet:error', (event) => {
    const detail: BroadsheetErrorEventDetail = event.detail;
    if (detail.reason === 'document') event.preventDefault();
  });
  // @ts-expect-error theme is auto, light or dark
  made.theme = 'sepia';
  // @ts-expect-error the state is read-only
  made.state = 'rendered';
  // @ts-expect-error heading levels are 1 to 6
  made.headingLevel = 7;
  const ok: boolean = await made.updateComplete;
  return ok && existing instanceof EmbedElement && shared.version.length > 0;
}
`);
    const tsc = require.resolve('typescript/bin/tsc');
    const output = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext',
      '--moduleResolution', 'nodenext', '--lib', 'es2022,dom', 'consumer.ts'], { cwd: consumer, encoding: 'utf8', timeout: 120_000 });
    assert.equal(output.status, 0, `${output.stdout}${output.stderr}`);
  });

  test('(d) the TypeScript examples type-check against the installed package: Node without the DOM, browser, React, Preact, Solid', () => {
    const examples = path.join(consumer, 'typescript');
    cpSync(path.join(repoRoot, 'examples', 'typescript'), examples, { recursive: true });
    for (const name of JSX_TYPES) {
      const link = path.join(consumer, 'node_modules', name);
      mkdirSync(path.dirname(link), { recursive: true });
      symlinkSync(path.dirname(require.resolve(`${name}/package.json`)), link, 'dir');
    }
    const tsc = require.resolve('typescript/bin/tsc');
    for (const example of ['node', 'browser', 'react', 'preact', 'solid']) {
      const output = spawnSync(process.execPath, [tsc, '-p', `tsconfig.${example}.json`], { cwd: examples, encoding: 'utf8', timeout: 120_000 });
      assert.equal(output.status, 0, `${example}: ${output.stdout}${output.stderr}`);
    }
  });
});
