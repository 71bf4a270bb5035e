// The WebAssembly core's C exports (wasm/bindings.cpp), called directly: the contract web/broadsheet.js
// relies on. The core decides `ok` (the entry point's status) and whether there is meta (JSON null when
// no article was read); the shell only decodes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { repoRoot } from '../helpers/paths.mjs';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const readable = JSON.stringify({ format: 'broadsheet/article@1', headline: 'Named', tags: [1], body: 'Text.' });
const sound = JSON.stringify({ format: 'broadsheet/article@1', headline: 'Named', body: 'Text.' });
const headless = JSON.stringify({ format: 'broadsheet/article@1', headline: ' ', body: 'Text.' });
const unreadable = '{"format": "broadsheet/article@1", "headline": ';

describe('the WebAssembly contract', () => {
  let core;
  before(async () => {
    const { default: factory } = await import('../../web/core/broadsheet-core.js');
    core = await factory({ wasmBinary: readFileSync(path.join(repoRoot, 'web', 'core', 'broadsheet-core.wasm')) });
  });

  /** Calls `entry` ('render' or 'validate') as the shell does; the status and the three results. */
  function call(entry, article, options = '') {
    const articleBytes = encoder.encode(article);
    const optionBytes = encoder.encode(options);
    const pointer = core._broadsheet_input(articleBytes.length + optionBytes.length);
    core.HEAPU8.set(articleBytes, pointer);
    core.HEAPU8.set(optionBytes, pointer + articleBytes.length);
    const status = core[`_broadsheet_${entry}`](articleBytes.length, optionBytes.length);
    const table = core._broadsheet_results() >>> 2;
    const [html, diagnostics, meta] = [0, 1, 2].map((index) => {
      const start = core.HEAPU32[table + 2 * index];
      return decoder.decode(core.HEAPU8.subarray(start, start + core.HEAPU32[table + 2 * index + 1]));
    });
    return { status, html, diagnostics: JSON.parse(diagnostics), meta: JSON.parse(meta) };
  }

  const hasError = (diagnostics) => diagnostics.some((d) => d.severity === 'error');

  test('exports named entry points, with no mode number to keep in step', () => {
    const exported = Object.keys(core).filter((name) => name.startsWith('_broadsheet_')).sort();
    assert.deepEqual(exported, ['_broadsheet_input', '_broadsheet_render', '_broadsheet_results',
      '_broadsheet_stylesheet', '_broadsheet_validate', '_broadsheet_version']);
  });

  test('render: status 0 exactly when no diagnostic is an error; meta exactly when an article was read', () => {
    const cases = [
      { article: sound, status: 0, meta: true },
      { article: readable, status: 1, meta: true },
      { article: headless, status: 1, meta: false },
      { article: unreadable, status: 1, meta: false },
    ];
    for (const { article, status, meta } of cases) {
      const result = call('render', article);
      assert.equal(result.status, status, article);
      assert.equal(result.status === 1, hasError(result.diagnostics), article);
      assert.equal(result.meta !== null, meta, article);
      assert.equal(result.html !== '', meta, article);
    }
    assert.equal(call('render', readable).meta.headline, 'Named');
  });

  test('validate: the same status and diagnostics as render, no html and no meta', () => {
    for (const article of [sound, readable, headless, unreadable]) {
      const rendered = call('render', article);
      const validated = call('validate', article);
      assert.equal(validated.html, '', article);
      assert.equal(validated.meta, null, article);
      assert.equal(validated.status, rendered.status, article);
      assert.deepEqual(validated.diagnostics, rendered.diagnostics, article);
    }
  });

  test('option warnings come first and leave the status alone', () => {
    const result = call('render', sound, '{"headingLevel": 9}');
    assert.equal(result.status, 0);
    assert.deepEqual(result.diagnostics.map((d) => [d.code, d.severity]), [['BS-OPTION', 'warning']]);
  });

  test('lengths that do not fit the input region give -1', () => {
    core._broadsheet_input(4);
    assert.equal(core._broadsheet_render(4, 1), -1);
    assert.equal(core._broadsheet_validate(5, 0), -1);
  });
});
