// Type test of web/index.d.ts: a TypeScript file using the package by name (through package.json
// "exports") must compile under --strict, and each `@ts-expect-error` line must really be an error.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot, testOutputDir } from '../helpers/paths.mjs';

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
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
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
