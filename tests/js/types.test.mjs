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
import { createRenderer, formatDiagnostic } from 'broadsheet';
import type { ArticleDocument, Diagnostic, RenderResult, Renderer, ValidateResult } from 'broadsheet';

export async function use(): Promise<string> {
  const renderer: Renderer = await createRenderer();
  await createRenderer({ wasmUrl: new URL('https://example.org/core.wasm') });
  await createRenderer({ wasmUrl: '/core.wasm', wasmBinary: new Uint8Array(8) });

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

  return [formatDiagnostic(first!), severity, words, css, wrongFormat].join();
}
`;

test('index.d.ts describes the API (tsc --strict)', () => {
  const dir = testOutputDir('types');
  const file = path.join(dir, 'usage.ts');
  writeFileSync(file, usage);
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022',
    '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2022,dom', file], {
    cwd: repoRoot, encoding: 'utf8', timeout: 120_000,
  });
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
});
