// Type tests of the .d.ts files: TypeScript files using the package by name (through package.json
// "exports") must compile under --strict, and each `@ts-expect-error` line must really be an error. The
// consumer examples (examples/typescript/: Node without the DOM library, a browser bundle, JSX for React,
// Preact and Solid) are compiled as they are. The types are also held to what is true: the meta of a real
// render, the codes and options of docs/format.md, the placement reasons the core writes. And the custom
// elements manifest (custom-elements.json) is held to element.js and the docs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { createRenderer, liteCoreOptions } from '../../web/broadsheet.js';
import { BroadsheetArticle } from '../../web/element.js';
import { FRAME_CLASS } from '../../web/element-markup.js';
import { repoRoot, testOutputDir } from '../helpers/paths.mjs';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const read = (...parts) => readFileSync(path.join(repoRoot, ...parts), 'utf8');

const usage = `
import { DEFAULT_MAX_INPUT_BYTES, createRenderer, formatDiagnostic } from 'broadsheet';
import type { ArticleDocument, Diagnostic, RenderResult, Renderer, ValidateResult } from 'broadsheet';

export async function use(): Promise<string> {
  const renderer: Renderer = await createRenderer();
  await createRenderer({ wasmUrl: new URL('https://example.org/core.wasm') });
  await createRenderer({ wasmUrl: '/core.wasm', wasmBinary: new Uint8Array(8) });
  await createRenderer({ memoryResetBytes: 32 * 1024 * 1024 });
  const memory: number = renderer.memoryBytes + DEFAULT_MAX_INPUT_BYTES;
  renderer.render('{}', { limits: { maxInputBytes: memory } });

  const article: ArticleDocument = {
    format: 'broadsheet/article@1',
    headline: 'Headline',
    analysts: [{ id: 'a', name: 'A. Analyst', role: 'observer' }],
    body: [
      { type: 'paragraph', text: 'Text' },
      { type: 'quote', text: 'Quoted', by: 'a' },
      { type: 'heading', level: 2, text: 'Section' },
      { type: 'divider' },
    ],
    pullquotes: [{ text: 'Quoted', by: 'a' }],
    callToAction: { label: 'Act', url: 'https://example.org/' },
  };
  const result: RenderResult = renderer.render(article, { standalone: true, theme: 'dark', headingLevel: 2 });
  renderer.render('{}');
  renderer.render(new Uint8Array(2));
  const checked: ValidateResult = renderer.validate(article);
  const first: Diagnostic | undefined = checked.diagnostics[0];
  const severity: 'error' | 'warning' | undefined = first?.severity;
  const words: number | undefined = result.meta?.wordCount;
  const css: string = renderer.css + result.css + renderer.version;

  // @ts-expect-error headingLevel is 1 to 6
  renderer.render(article, { headingLevel: 7 });
  // @ts-expect-error theme is auto, light or dark
  renderer.render(article, { theme: 'sepia' });
  // @ts-expect-error a number is not an article
  renderer.render(42);
  // @ts-expect-error the format is fixed
  const wrongFormat: ArticleDocument = { format: 'broadsheet/article@2', headline: 'x' };
  // @ts-expect-error validate results have no html
  checked.html;
  // @ts-expect-error css is read-only
  renderer.css = '';
  // @ts-expect-error memoryBytes is read-only
  renderer.memoryBytes = 0;

  return [formatDiagnostic(first!), severity, words, css, wrongFormat].join();
}
`;

// The custom element (element.d.ts, embed.d.ts) and server-side rendering (ssr.d.ts).
const elementUsage = `
import { BroadsheetArticle, TAG_NAME, configureRenderer, getSharedRenderer } from 'broadsheet/element';
import type { BroadsheetArticleState, BroadsheetErrorEventDetail, BroadsheetRenderEventDetail } from 'broadsheet/element';
import * as embed from 'broadsheet/embed';
import { renderElementHTML } from 'broadsheet/ssr';
import type { ElementHTMLResult } from 'broadsheet/ssr';
import type { ArticleDocument, Renderer } from 'broadsheet';

export async function use(): Promise<string> {
  configureRenderer({ wasmUrl: new URL('https://example.org/core.wasm') });
  const renderer: Renderer = await getSharedRenderer();
  const fromQuery: BroadsheetArticle | null = document.querySelector('broadsheet-article');
  const element = document.createElement(TAG_NAME);
  const same: typeof BroadsheetArticle = embed.BroadsheetArticle;
  const article: ArticleDocument = { format: 'broadsheet/article@1', headline: 'H', body: 'Text.' };
  element.article = article;
  element.article = '{"format": "broadsheet/article@1"}';
  element.article = null;
  element.src = '/article.json';
  element.theme = 'light';
  element.headingLevel = 2;
  element.loading = 'eager';
  element.strict = true;
  element.fetchTimeout = 5000;
  element.credentials = 'same-origin';
  element.baseUrl = 'https://publisher.example/articles/';
  element.referrerPolicy = 'no-referrer';
  element.linkRel = 'nofollow ugc';
  element.requestUpdate();
  const shown: boolean = await element.updateComplete;
  const state: BroadsheetArticleState = element.state;
  const words: number | undefined = element.meta?.wordCount;
  element.addEventListener('broadsheet:render', (event) => {
    const detail: BroadsheetRenderEventDetail = event.detail;
    console.log(detail.ok, detail.meta.headline, detail.diagnostics.length);
  });
  element.addEventListener('broadsheet:error', (event) => {
    const detail: BroadsheetErrorEventDetail = event.detail;
    if (detail.reason === 'document') event.preventDefault();
  });
  element.addEventListener('click', (event) => event.clientX);

  const ssr: ElementHTMLResult = renderElementHTML(renderer, article, {
    theme: 'dark', lang: 'en', headingLevel: 3, strict: true, baseUrl: 'https://publisher.example/', referrerPolicy: 'no-referrer',
    linkRel: 'nofollow', attributes: { id: 'x', hidden: true, tabindex: 0 },
  });
  const rendered: boolean = ssr.rendered;

  // @ts-expect-error theme is auto, light or dark
  element.theme = 'sepia';
  // @ts-expect-error heading levels are 1 to 6
  element.headingLevel = 0;
  // @ts-expect-error loading is lazy or eager
  element.loading = 'later';
  // @ts-expect-error state is read-only
  element.state = 'rendered';
  // @ts-expect-error updateComplete is read-only
  element.updateComplete = Promise.resolve(true);
  // @ts-expect-error the error reasons are fixed
  const reason: BroadsheetErrorEventDetail['reason'] = 'network';
  // @ts-expect-error numbers are not articles
  element.article = 42;
  // @ts-expect-error credentials modes are omit, same-origin or include
  element.credentials = 'always';

  return [fromQuery?.id, same.name, shown, state, words, ssr.html, rendered, reason].join();
}
`;

/** Writes `source` to test-output/types/NAME.ts and compiles it with tsc --strict (no output). */
function typeCheck(name, source) {
  const file = path.join(testOutputDir('types'), `${name}.ts`);
  writeFileSync(file, source);
  const run = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022',
    '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2022,dom', file], {
    cwd: repoRoot, encoding: 'utf8', timeout: 120_000,
  });
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
}

test('index.d.ts describes the API (tsc --strict)', () => {
  typeCheck('usage', usage);
});

test('element.d.ts, embed.d.ts and ssr.d.ts describe the element and server-side rendering (tsc --strict)', () => {
  typeCheck('element-usage', elementUsage);
});

test('the consumer examples type-check in strict mode: Node without the DOM, a browser bundle, React, Preact, Solid', () => {
  for (const example of ['node', 'browser', 'react', 'preact', 'solid']) {
    const run = spawnSync(process.execPath, [tsc, '-p', `examples/typescript/tsconfig.${example}.json`], {
      cwd: repoRoot, encoding: 'utf8', timeout: 120_000,
    });
    assert.equal(run.status, 0, `${example}: ${run.stdout}${run.stderr}`);
  }
  const nodeConfig = JSON.parse(read('examples', 'typescript', 'tsconfig.node.json'));
  assert.deepEqual(nodeConfig.compilerOptions.lib, ['es2022'], 'the Node example has no DOM library');
});

// ── The declarations, read with TypeScript's parser ──

function declarations(file) {
  const source = ts.createSourceFile(file, read('web', file), ts.ScriptTarget.ES2022, true);
  const found = new Map();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) found.set(node.name.text, node);
  });
  return found;
}
const indexTypes = declarations('index.d.ts');

/** The names of an interface's members, or of a type literal's. */
function memberNames(node) {
  return node.members.map((member) => member.name.text).sort();
}

/** The string literals of a union type (or of the union a type alias names). */
function literals(typeNode) {
  const types = ts.isUnionTypeNode(typeNode) ? typeNode.types : [typeNode];
  return types.map((type) => {
    assert.ok(ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal), `${type.getText()} is a string literal`);
    return type.literal.text;
  }).sort();
}

function member(node, name) {
  const found = node.members.find((m) => m.name.text === name);
  assert.ok(found, `${node.name?.text ?? 'type'} has ${name}`);
  return found;
}

/** The first column of the first Markdown table under `heading` in a doc, backticks (and a leading
 * `<a id>` anchor, as the diagnostic codes' rows have) removed. */
function tableKeys(doc, heading) {
  const text = read('docs', doc);
  const start = text.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `${doc} has "${heading}"`);
  const lines = text.slice(start + 1).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const end = lines.findIndex((line, i) => i > first && !line.startsWith('|'));
  return lines.slice(first + 2, end).map((row) => row.match(/^\| (?:<a id="[^"]*"><\/a>)?`([^`]+)`/)[1]).sort();
}

test('DiagnosticCode is the table of docs/format.md, and Diagnostic.code is a DiagnosticCode', () => {
  const documented = tableKeys('format.md', '## Diagnostic codes');
  assert.ok(documented.length >= 20, `${documented.length} codes documented`);
  assert.deepEqual(literals(indexTypes.get('DiagnosticCode').type), documented);
  assert.equal(member(indexTypes.get('Diagnostic'), 'code').type.getText(), 'DiagnosticCode');
});

test('RenderOptions and its limits are the tables of docs/format.md', () => {
  const options = indexTypes.get('RenderOptions');
  assert.deepEqual(memberNames(options), tableKeys('format.md', '## Render options'));
  assert.deepEqual(memberNames(member(options, 'limits').type), tableKeys('format.md', '## Limits'));
});

test('the result and meta types have exactly the members of a real render', async () => {
  const renderer = await createRenderer();
  const article = JSON.parse(read('examples', 'long-analysis.json'));
  article.pullquotes = 'auto';
  // headTags: meta.head is there only when asked for.
  const result = renderer.render(article, { standalone: false, headTags: true });
  assert.ok(result.meta.pullquotes.items.length > 0 && result.meta.quotes.length > 0);
  const checks = [
    ['RenderResult', result],
    ['ArticleMeta', result.meta],
    ['PullquotePlacement', result.meta.pullquotes.items[0]],
    ['Diagnostic', renderer.render('{"format": "broadsheet/article@1", "headline": "H", "body": "B", "x": 1}').diagnostics[0]],
    ['ValidateResult', renderer.validate(article)],
    ['NeedsFullCoreMeta', (await createRenderer(liteCoreOptions())).render(article, { standalone: true }).meta],
  ];
  for (const [name, value] of checks) assert.deepEqual(memberNames(indexTypes.get(name)), Object.keys(value).sort(), name);
  const meta = indexTypes.get('ArticleMeta');
  const typeArgument = (name) => member(meta, name).type.elementType ?? member(meta, name).type.typeArguments[0];
  assert.deepEqual(memberNames(typeArgument('analysts')), Object.keys(result.meta.analysts[0]).sort());
  assert.deepEqual(memberNames(typeArgument('quotes')), Object.keys(result.meta.quotes[0]).sort());
  assert.deepEqual(memberNames(member(meta, 'pullquotes').type), Object.keys(result.meta.pullquotes).sort());

  // Every placement reason the core can write (src/layout/pullquote_placement.cpp), no more.
  const written = [...read('src', 'layout', 'pullquote_placement.cpp').matchAll(/case PlacementReason::\w+: return "([a-z-]+)";/g)]
    .map((m) => m[1]).sort();
  assert.deepEqual(literals(member(indexTypes.get('PullquotePlacement'), 'reason').type), written);
  const origins = literals(member(indexTypes.get('PullquotePlacement'), 'origin').type);
  for (const item of result.meta.pullquotes.items) assert.ok(origins.includes(item.origin), item.origin);
});

// ── The custom elements manifest ──

const manifest = JSON.parse(read('custom-elements.json'));
const elementModule = manifest.modules.find((m) => m.path === 'web/element.js');
const element = elementModule.declarations.find((d) => d.customElement);

test('custom-elements.json is a Custom Elements Manifest 1.x for <broadsheet-article>', () => {
  assert.match(manifest.schemaVersion, /^1\.\d+\.\d+$/);
  assert.equal(JSON.parse(read('package.json')).customElements, 'custom-elements.json');
  assert.equal(element.tagName, 'broadsheet-article');
  assert.equal(element.name, BroadsheetArticle.name);
  const definitions = manifest.modules.flatMap((m) => m.exports.filter((e) => e.kind === 'custom-element-definition'));
  // Both entry points define the element; the class is declared once, in element.js.
  assert.deepEqual(definitions.map((e) => e.declaration),
    Array(2).fill({ name: 'BroadsheetArticle', module: 'web/element.js' }));
  for (const exported of elementModule.exports.filter((e) => e.kind === 'js')) {
    assert.ok(elementModule.declarations.some((d) => d.name === exported.declaration.name), exported.name);
  }
});

test('custom-elements.json: attributes are element.js observedAttributes, with docs/embed.md properties', () => {
  assert.deepEqual(element.attributes.map((a) => a.name), BroadsheetArticle.observedAttributes);
  const documented = new Map([...read('docs', 'embed.md').matchAll(/^\| `([a-z-]+)` \| `([A-Za-z]+)` \|/gm)]
    .map((m) => [m[1], m[2]]));
  for (const attribute of element.attributes) {
    assert.equal(attribute.fieldName, documented.get(attribute.name), attribute.name);
  }
});

test('custom-elements.json: members are the class\'s public API, events the ones element.js dispatches', () => {
  const lifecycle = new Set(['constructor', 'connectedCallback', 'disconnectedCallback', 'attributeChangedCallback']);
  const own = Object.getOwnPropertyNames(BroadsheetArticle.prototype).filter((name) => !lifecycle.has(name));
  assert.deepEqual(element.members.map((m) => m.name).sort(), own.sort());
  for (const field of element.members.filter((m) => m.kind === 'field')) {
    const descriptor = Object.getOwnPropertyDescriptor(BroadsheetArticle.prototype, field.name);
    assert.equal(Boolean(field.readonly), descriptor.set === undefined, `${field.name} readonly`);
    if (field.attribute) assert.equal(element.attributes.find((a) => a.name === field.attribute)?.fieldName, field.name);
  }
  const dispatched = [...read('web', 'element.js').matchAll(/new CustomEvent\('([^']+)'/g)].map((m) => m[1]);
  assert.deepEqual(element.events.map((e) => e.name).sort(), [...new Set(dispatched)].sort());
  const slots = [...read('web', 'element.js').matchAll(/slot\.name = '([^']+)'/g)].map((m) => m[1]);
  assert.deepEqual(element.slots.map((s) => s.name).sort(), ['', ...slots].sort());
});

test('custom-elements.json: CSS parts are docs/markup.md\'s table and the element\'s own; custom properties docs/theming.md\'s', async () => {
  const markup = read('docs', 'markup.md');
  const table = markup.slice(markup.indexOf('| Part | On |'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  // Each row holds three (part, on) pairs: the part cells are the even ones.
  const articleParts = rows.flatMap((row) => row.trim().slice(1, -1).split('|').filter((_, i) => i % 2 === 0))
    .flatMap((cell) => [...cell.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]));
  const elementParts = [FRAME_CLASS, ...[...read('web', 'element.js').matchAll(/setAttribute\('part', '([a-z-]+)'\)/g)].map((m) => m[1])];
  assert.ok(articleParts.length >= 20, articleParts.join());
  assert.deepEqual(element.cssParts.map((p) => p.name).sort(), [...articleParts, ...elementParts].sort());

  const documented = tableKeys('theming.md', '## Properties');
  assert.deepEqual(element.cssProperties.map((p) => p.name).sort(), documented);
  const { css } = await createRenderer();
  for (const property of documented) assert.ok(css.includes(`var(${property}`), `the stylesheet uses ${property}`);
});
