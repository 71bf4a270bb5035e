// The format corpus: every document under tests/format/ goes through the C++ validator (the WASM
// build, through renderer.validate) and through the JSON Schema (ajv), and the two must agree.
//
//   valid/    documents without errors (a sidecar NAME.expect.json lists their warnings, if any)
//   invalid/  documents with errors; NAME.expect.json lists every diagnostic, in document order
//   syntax/   raw text that is not JSON (NAME.txt), with the exact line and column expected
//   calls/    calls that fail before a document is read (BS-INPUT, BS-INTERNAL)
//
// A sidecar looks like {"description", "options"?, "renders"?, "diagnostics": [{code, path,
// severity?, line?, column?}]}; "options" are passed to validate() and render() as render options
// (limits, for instance); "renders": false marks a document of which nothing can be shown.
//
// Agreement rule: the schema rejects a document exactly when the core reports at least one error
// whose code docs/format.md marks "yes" in the table's Schema column. The codes marked "no" are
// the ones no JSON Schema can express (references between members, resource limits, options).
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { createRenderer } from '../../web/broadsheet.js';
import { repoRoot } from '../helpers/paths.mjs';

const corpusDir = path.join(repoRoot, 'tests', 'format');
const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema', 'article.schema.json'), 'utf8'));
const validateSchema = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
const codeTable = readCodeTable();
const schemaCodes = new Set([...codeTable].filter(([, row]) => row.schema).map(([code]) => code));

// ── Reading the fixtures and the documentation ───────────────────────────────────────────────────

/** The diagnostic code table of docs/format.md: code -> {severities, schema}. */
function readCodeTable() {
  const text = readFileSync(path.join(repoRoot, 'docs', 'format.md'), 'utf8');
  const section = text.split(/^## /m).find((part) => part.startsWith('Diagnostic codes'));
  assert.ok(section, 'docs/format.md has a "## Diagnostic codes" section');
  const table = new Map();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const row = /^(?:<a id="([a-z0-9-]+)"><\/a>)?`(BS-[A-Z0-9-]+)`$/.exec(cells[1] ?? '');
    if (!row) continue;
    const code = row[2];
    assert.equal(row[1], code.toLowerCase(), `${code}: the row has the anchor #${code.toLowerCase()}`);
    const severities = new Set(cells[2].split(/\s+or\s+/).map((s) => s.trim()));
    const schemaCell = cells[3].toLowerCase();
    assert.ok(/^(yes|no)\b/.test(schemaCell), `${code}: the Schema column says yes or no`);
    table.set(code, { severities, schema: schemaCell.startsWith('yes') });
  }
  return table;
}

function listFixtures(folder, extension) {
  return readdirSync(path.join(corpusDir, folder))
    .filter((name) => name.endsWith(extension) && !name.endsWith('.expect.json'))
    .sort()
    .map((name) => {
      const file = path.join(corpusDir, folder, name);
      const sidecar = file.slice(0, -extension.length) + '.expect.json';
      let expectation = null;
      try {
        expectation = JSON.parse(readFileSync(sidecar, 'utf8'));
      } catch (error) {
        if (error.code !== 'ENOENT') throw error;
      }
      return { folder, name, file, expectation };
    });
}

const documents = [
  ...listFixtures('valid', '.json'),
  ...listFixtures('invalid', '.json'),
  ...listFixtures('syntax', '.txt'),
];
const calls = listFixtures('calls', '.json').map((fixture) => ({ ...fixture, expectation: JSON.parse(readFileSync(fixture.file, 'utf8')) }));

/**
 * The document as a JSON Schema validator sees it, or undefined when it is not JSON. Strict as the
 * core is: UTF-8 only (a byte order mark is skipped) and no lone surrogates (I-JSON, RFC 7493).
 */
function parseStrictly(bytes) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const wellFormed = (v) => {
    if (typeof v === 'string') return v.isWellFormed();
    if (v === null || typeof v !== 'object') return true;
    return Object.entries(v).every(([key, item]) => key.isWellFormed() && wellFormed(item));
  };
  return wellFormed(value) ? { value, text } : undefined;
}

function resolvePointer(root, pointer) {
  if (pointer === '') return { found: true, value: root };
  let value = root;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, token)) return { found: false };
    value = value[token];
  }
  return { found: true, value };
}

/** The character at a 1-based line and column, counting characters (code points) as the core does. */
function characterAt(text, line, column) {
  const lineText = text.split('\n')[line - 1];
  return lineText === undefined ? undefined : Array.from(lineText)[column - 1];
}

function firstCharacterOf(value) {
  if (typeof value === 'string') return /^"$/;
  if (Array.isArray(value)) return /^\[$/;
  if (value === null) return /^n$/;
  if (typeof value === 'object') return /^\{$/;
  if (typeof value === 'boolean') return value ? /^t$/ : /^f$/;
  return /^[-0-9]$/;
}

const summary = (diagnostics) => diagnostics.map((d) => `${d.code} ${JSON.stringify(d.path)}`);

// ── The corpus ───────────────────────────────────────────────────────────────────────────────────

describe('format corpus: C++ core and JSON Schema agree', () => {
  let renderer;
  before(async () => {
    renderer = await createRenderer();
  });

  test('the corpus has at least 60 documents', () => {
    assert.ok(documents.length >= 60, `${documents.length} documents`);
    for (const { folder, name, expectation } of documents) {
      if (folder !== 'valid') assert.ok(expectation, `${folder}/${name} has a sidecar .expect.json`);
    }
  });

  for (const fixture of documents) {
    test(`${fixture.folder}/${fixture.name}`, () => {
      const bytes = readFileSync(fixture.file);
      const expected = fixture.expectation?.diagnostics ?? [];
      const options = fixture.expectation?.options;
      const { diagnostics } = renderer.validate(bytes, options);

      assert.deepEqual(summary(diagnostics), summary(expected), 'codes and paths, in document order');
      const errors = diagnostics.filter((d) => d.severity === 'error');
      if (fixture.folder === 'valid') assert.equal(errors.length, 0, 'a valid document has no errors');
      else assert.ok(errors.length > 0, 'an invalid document has errors');

      const parsed = parseStrictly(bytes);
      diagnostics.forEach((d, i) => {
        const want = expected[i];
        const where = `diagnostic ${i} (${d.code} ${d.path})`;
        assert.ok(codeTable.get(d.code)?.severities.has(d.severity), `${where}: severity ${d.severity} is documented`);
        if (want.severity) assert.equal(d.severity, want.severity, `${where}: severity`);
        assert.match(d.message, /^[^\n]+[.?]$/, `${where}: the message is one sentence-like line (a statement or a question)`);
        if (want.line !== undefined) assert.equal(d.line, want.line, `${where}: line`);
        if (want.column !== undefined) assert.equal(d.column, want.column, `${where}: column`);
        if (d.code === 'BS-OPTION') {
          assert.deepEqual([d.line, d.column], [0, 0], `${where}: an option is not in the document`);
          return;
        }
        assert.ok(d.line >= 1 && d.column >= 1, `${where}: has a position, got ${d.line}:${d.column}`);
        if (!parsed) return;
        // The position is the first character of the value, or of the closest enclosing value that
        // exists when the member is missing.
        let pointer = d.path;
        let target = resolvePointer(parsed.value, pointer);
        while (!target.found) {
          pointer = pointer.slice(0, pointer.lastIndexOf('/'));
          target = resolvePointer(parsed.value, pointer);
        }
        assert.match(characterAt(parsed.text, d.line, d.column) ?? '', firstCharacterOf(target.value),
          `${where}: ${d.line}:${d.column} is where ${JSON.stringify(pointer)} starts`);
      });

      const schemaValid = parsed !== undefined && validateSchema(parsed.value);
      const coreRejects = errors.some((d) => schemaCodes.has(d.code));
      assert.equal(schemaValid, !coreRejects,
        `the schema ${schemaValid ? 'accepts' : 'rejects'} the document, the core reports ${summary(errors).join(', ') || 'no errors'}` +
        (schemaValid ? '' : `; schema errors: ${JSON.stringify(validateSchema.errors?.slice(0, 3))}`));

      // render reports the same, never throws, is ok exactly when there are no errors, and shows what
      // it can: only documents without a usable headline and body (sidecar "renders": false) and
      // text that is not JSON render nothing.
      const rendered = renderer.render(bytes, options);
      assert.deepEqual(rendered.diagnostics, diagnostics);
      assert.equal(rendered.ok, errors.length === 0);
      const rendersNothing = fixture.folder === 'syntax' || fixture.expectation?.renders === false;
      if (rendersNothing) assert.equal(rendered.html, '', 'nothing renders');
      else assert.match(rendered.html, /^<article class="bs-article"/, 'the rest of the article renders');
    });
  }

  for (const fixture of calls) {
    test(`calls/${fixture.name}`, async () => {
      const { input, fault, diagnostics: expected } = fixture.expectation;
      let target = renderer;
      let trapNext = false;
      if (fault === 'core-throws') {
        // Whatever the core calls its functions, the first one called while trapNext is set traps.
        const { default: realFactory } = await import('../../web/core/broadsheet-core.js');
        const moduleFactory = (args) => realFactory(args).then((core) => new Proxy(core, {
          get(target, key) {
            const value = Reflect.get(target, key);
            if (typeof value !== 'function' || !trapNext) return value;
            return () => {
              trapNext = false;
              throw new WebAssembly.RuntimeError('unreachable');
            };
          },
        }));
        target = await createRenderer({ moduleFactory });
        trapNext = true;
      } else {
        assert.equal(fault, undefined, 'known fault');
      }
      const result = target.validate(input);
      assert.equal(result.ok, false);
      assert.deepEqual(summary(result.diagnostics), summary(expected));
      for (const d of result.diagnostics) {
        assert.ok(codeTable.get(d.code)?.severities.has(d.severity), `${d.code}: severity ${d.severity} is documented`);
        assert.deepEqual([d.line, d.column], [0, 0]);
      }
      if (fault) assert.equal(target.validate(input).ok, true, 'the renderer recovers');
    });
  }

  test('every documented code has at least one fixture, and every code is documented', () => {
    const header = readFileSync(path.join(repoRoot, 'src', 'format', 'diagnostics.hpp'), 'utf8');
    const shell = readFileSync(path.join(repoRoot, 'web', 'broadsheet.js'), 'utf8');
    const inSources = new Set([
      ...[...header.matchAll(/"(BS-[A-Z0-9-]+)"/g)].map((m) => m[1]),
      ...[...shell.matchAll(/'(BS-[A-Z0-9-]+)'/g)].map((m) => m[1]),
    ]);
    assert.deepEqual([...codeTable.keys()].sort(), [...inSources].sort(), 'the table lists exactly the codes in the sources');

    const covered = new Map();
    for (const { expectation } of [...documents, ...calls]) {
      for (const { code } of expectation?.diagnostics ?? []) covered.set(code, (covered.get(code) ?? 0) + 1);
    }
    const missing = [...codeTable.keys()].filter((code) => !covered.has(code));
    assert.deepEqual(missing, [], 'codes without a fixture');
  });
});

describe('schema', () => {
  let renderer;
  before(async () => {
    renderer = await createRenderer();
  });

  test('every example validates against the schema and in the core', () => {
    const dir = path.join(repoRoot, 'examples');
    const examples = readdirSync(dir).filter((name) => name.endsWith('.json'));
    assert.ok(examples.length > 0);
    for (const name of examples) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      assert.ok(validateSchema(JSON.parse(text)), `${name}: ${JSON.stringify(validateSchema.errors)}`);
      const errors = renderer.validate(text).diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(errors, [], name);
    }
  });

  test('every valid fixture validates against the schema', () => {
    for (const { folder, name, file } of documents) {
      if (folder !== 'valid') continue;
      const parsed = parseStrictly(readFileSync(file));
      assert.ok(parsed && validateSchema(parsed.value), `${name}: ${JSON.stringify(validateSchema.errors)}`);
    }
  });

  // The patterns for URLs, dates and language tags, member by member against the core.
  const base = { format: 'broadsheet/article@1', headline: 'H', body: 'x' };
  const members = {
    canonicalUrl: ['https://example.com/a?b#c', 'HTTP://EXAMPLE.COM', 'http:x', '/relative', 'page.html', '//cdn.example/x',
      '?q=1', '#top', '', ' ', ' https://x', 'index.html?x=1&y=2', 'a/b:c', '1abc:x', 'https', 'java\tscript:x',
      'javascript:alert(1)', 'JaVaScRiPt:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'mailto:a@example.com',
      'ftp://x', 'a b:c', 'h\ttps://x', '%6Aavascript:x', 'jav&#x61;script:x', 'javascript&colon;x', '\\\\evil.example',
      'https://x\\y', '\u0001', 'tel:123', './my%20file.pdf'],
    published: ['2007-02-20', '2024-02-29', '2000-02-29', '0000-02-29', '1900-02-29', '2100-02-29', '2023-02-29', '2007-02-20T09:30:00Z',
      '2007-02-20T09:30+06:00', '2007-02-20T09:30:00.123Z', '2007-02-20 09:30', '2007-02-20t09:30z', '2007-02-20T23:59:60',
      '2007-02-20T09:30:61', '2007-02-20T09:30:00.', '2007-02-20T09', '2007-02-20T09:30+6:00', '2007-02-20T09:30+06',
      '2007-02-20T', '2007-04-31', '2007-11-30', '2007-13-01', '2007-02-20T24:00', '20/02/2007', 'yesterday', '',
      '２００７-02-20'],
    lang: ['en', 'kk-Cyrl', 'zh-Hant-TW', 'sgn-BE-FR', 'de-1996', 'EN', 'e', 'english', 'en-', 'en--US', 'en_US', '',
      'x-private', 'en-abcdefghi'],
    dir: ['ltr', 'rtl', 'auto', 'LTR', ''],
    headline: ['x', ' x ', '\u00a0', ' ', '\t\n', ''],
  };
  for (const [member, values] of Object.entries(members)) {
    test(`the schema and the core agree on ${member}`, () => {
      for (const value of values) {
        const document = { ...base, [member]: value };
        const coreValid = !renderer.validate(document).diagnostics.some((d) => d.severity === 'error');
        assert.equal(validateSchema(document), coreValid, `${member}: ${JSON.stringify(value)}`);
      }
    });
  }

  test('where the schema is stricter than the core (documented in docs/format.md)', () => {
    // Relative URLs with % or & in their first segment: the core decodes before judging.
    for (const value of ['my%20file.pdf', 'http%3A//example.com']) {
      const document = { ...base, canonicalUrl: value };
      assert.equal(validateSchema(document), false, value);
      assert.equal(renderer.validate(document).ok, true, value);
    }
  });
});
