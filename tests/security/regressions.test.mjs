// Regression fixtures (tests/security/regressions/README.md): inputs that once crashed, hung or lost
// text, rendered through the WebAssembly build with their expectations.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { repoRoot } from '../helpers/paths.mjs';

const folder = path.join(repoRoot, 'tests', 'security', 'regressions');
const fixtures = readdirSync(folder).filter((f) => !f.endsWith('.expect.json') && !f.endsWith('.md')).sort();

describe('regression fixtures', () => {
  let renderer;
  before(async () => {
    renderer = await createRenderer();
  });

  for (const file of fixtures) {
    test(file, () => {
      const expectFile = path.join(folder, file.replace(/\.json$/, '') + '.expect.json');
      const expected = existsSync(expectFile) ? JSON.parse(readFileSync(expectFile, 'utf8')) : {};
      const bytes = readFileSync(path.join(folder, file));
      const started = performance.now();
      const result = renderer.render(new Uint8Array(bytes));
      assert.ok(performance.now() - started < 2_000, 'renders quickly');
      const codes = result.diagnostics.map((d) => d.code);
      assert.ok(!codes.includes('BS-INTERNAL'), result.diagnostics[0]?.message);
      for (const code of expected.codes ?? []) assert.ok(codes.includes(code), `reports ${code}; got ${codes.join(', ')}`);
      for (const text of expected.contains ?? []) assert.ok(result.html.includes(text), `the HTML holds ${text}`);
    });
  }
});
