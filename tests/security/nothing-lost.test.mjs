// Nothing lost (issue 6): every word of every text member of a valid document appears in the rendered
// text, as often as the author wrote it (pull quotes aside: their words repeat the body). Checked over
// the examples, the valid format fixtures and generated documents (tests/security/generate.mjs), all
// rendered by the WebAssembly build.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { repoRoot } from '../helpers/paths.mjs';
import { generator } from './generate.mjs';
import { memberWords, renderedText, textMembers, wordCounts } from './text.mjs';

const GENERATED = 400;

/** The members of `doc` whose words are missing from its rendering, as messages. */
function lostWords(doc, html) {
  const shown = wordCounts(renderedText(html));
  const wanted = new Map();
  for (const member of textMembers(doc)) {
    for (const [word, count] of memberWords(member)) {
      const entry = wanted.get(word) ?? { count: 0, paths: [] };
      entry.count += count;
      entry.paths.push(member.path);
      wanted.set(word, entry);
    }
  }
  const lost = [];
  for (const [word, { count, paths }] of wanted) {
    const found = shown.get(word) ?? 0;
    if (found < count) lost.push(`"${word}" ×${count - found} (written in ${[...new Set(paths)].join(', ')})`);
  }
  return lost;
}

function fixtureDocuments() {
  const documents = [];
  for (const file of readdirSync(path.join(repoRoot, 'examples')).filter((f) => f.endsWith('.json'))) {
    documents.push({ name: `examples/${file}`, text: readFileSync(path.join(repoRoot, 'examples', file), 'utf8') });
  }
  const valid = path.join(repoRoot, 'tests', 'format', 'valid');
  for (const file of readdirSync(valid).filter((f) => f.endsWith('.json') && !f.endsWith('.expect.json'))) {
    const expectFile = path.join(valid, file.replace(/\.json$/, '.expect.json'));
    let options;
    try {
      options = JSON.parse(readFileSync(expectFile, 'utf8')).options;
    } catch { /* no expectations: default options */ }
    documents.push({ name: `tests/format/valid/${file}`, text: readFileSync(path.join(valid, file), 'utf8'), options });
  }
  return documents;
}

describe('nothing lost', () => {
  let renderer;
  before(async () => {
    renderer = await createRenderer();
  });

  test('examples and valid fixtures keep every word of every text member', () => {
    const documents = fixtureDocuments();
    assert.ok(documents.length >= 3);
    const failures = [];
    let checked = 0;
    for (const { name, text, options } of documents) {
      const result = renderer.render(text, options);
      if (!result.ok) continue;  // not a valid document under these options
      checked += 1;
      const doc = JSON.parse(text.replace(/^\uFEFF/, ''));
      const lost = lostWords(doc, result.html);
      if (lost.length) failures.push(`${name}: ${lost.slice(0, 5).join('; ')}`);
    }
    assert.ok(checked >= 3, `${checked} valid documents checked`);
    assert.deepEqual(failures, []);
  });

  test(`${GENERATED} generated documents keep every word of every text member`, () => {
    const failures = [];
    for (let seed = 1; seed <= GENERATED; seed++) {
      const doc = generator(seed).article();
      const result = renderer.render(doc);
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(errors, [], `seed ${seed} generates a valid document`);
      const lost = lostWords(doc, result.html);
      if (lost.length) failures.push(`seed ${seed}: ${lost.slice(0, 5).join('; ')}`);
    }
    assert.deepEqual(failures.slice(0, 10), [], `${failures.length} of ${GENERATED} documents lost words`);
  });
});
