// The command-line interface (bin/broadsheet.js), run as a child process.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { diagnosticLine } from '../../bin/cli/terminal.js';
import { createRenderer, liteCoreOptions } from '../../web/broadsheet.js';
import { embedSnippet } from '../../web/embed-snippet.js';
import { cliPath, examplePath, exampleAnalysts, repoRoot } from '../helpers/paths.mjs';

const scratch = mkdtempSync(path.join(tmpdir(), 'broadsheet-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the CLI with arguments (and optional standard input); returns status, stdout and stderr. */
function cli(args, input) {
  const run = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: repoRoot,
    input: input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const DIAGNOSTIC_LINE = /^[^\s:]+(?::\d+:\d+)?: (error|warning): .+ \[BS-[A-Z0-9-]+\]$/;
const brokenJson = '{\n  "format": "broadsheet/article@1",\n  "headline": "x",,\n}\n';

describe('broadsheet render', () => {
  test('writes the article HTML to standard output', () => {
    const run = cli(['render', examplePath]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^<article class="bs-article"/);
    for (const name of exampleAnalysts) assert.ok(run.stdout.includes(name), name);
    assert.doesNotMatch(run.stderr, /BS-[A-Z-]+ /, 'no diagnostics for the example');
  });

  test('--format json writes the whole result', () => {
    const run = cli(['render', examplePath, '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.ok, true);
    assert.match(result.html, /class="bs-article"/);
    assert.ok(result.css.length > 0);
    assert.ok(Array.isArray(result.diagnostics));
    assert.equal(result.meta.analysts.length, 3);
  });

  test('--standalone writes a whole HTML document', () => {
    const run = cli(['render', '--standalone', examplePath]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^<!DOCTYPE html>/i);
    assert.match(run.stdout, /<style[^>]*>/);
  });

  test('-o writes to a file and nothing to standard output', () => {
    const out = path.join(scratch, 'article.html');
    const run = cli(['render', examplePath, '-o', out]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(readFileSync(out, 'utf8'), cli(['render', examplePath]).stdout);
  });

  test('- reads standard input', () => {
    const run = cli(['render', '-'], readFileSync(examplePath, 'utf8'));
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, cli(['render', examplePath]).stdout);
  });

  test('bad JSON exits 1 with a positioned BS-JSON-SYNTAX diagnostic on standard error', () => {
    const run = cli(['render', '-'], brokenJson);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '', 'no HTML for a document with errors');
    const line = run.stderr.split('\n').find((l) => l.includes('BS-JSON-SYNTAX'));
    assert.ok(line, run.stderr);
    assert.match(line, DIAGNOSTIC_LINE);
    assert.ok(line.startsWith('<stdin>:3:'), line);
    const [, row, column] = line.match(/^<stdin>:(\d+):(\d+): error: /);
    assert.equal(Number(row), 3);
    assert.ok(Number(column) > 0);
  });

  // A heading level of 5 is an error the core repairs (the heading is shown at level 2).
  const repairable = JSON.stringify({
    format: 'broadsheet/article@1',
    headline: 'Repairable',
    body: [{ type: 'heading', level: 5, text: 'Too deep' }, { type: 'paragraph', text: 'Still shown.' }],
  });

  test('a repairable error: writes the best-effort HTML, prints the error and exits 1', () => {
    const run = cli(['render', '-'], repairable);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^<article class="bs-article"/);
    assert.ok(run.stdout.includes('Still shown.'));
    const line = run.stderr.split('\n').find((l) => l.includes('"body[0].level"'));
    assert.ok(line, run.stderr);
    assert.match(line, DIAGNOSTIC_LINE);
    assert.match(line, / \[BS-VALUE\]$/);
  });

  test('--strict writes nothing when there are errors, still exits 1, and changes nothing without them', () => {
    const strict = cli(['render', '--strict', '-'], repairable);
    assert.equal(strict.status, 1);
    assert.equal(strict.stdout, '');
    assert.match(strict.stderr, /BS-VALUE/);

    const out = path.join(scratch, 'strict.html');
    const toFile = cli(['render', '--strict', '-', '-o', out], repairable);
    assert.equal(toFile.status, 1);
    assert.equal(existsSync(out), false, 'no output file is created');

    const json = cli(['render', '--strict', '--format', 'json', '-'], repairable);
    assert.equal(json.status, 1);
    assert.equal(json.stdout, '');

    const good = cli(['render', '--strict', examplePath]);
    assert.equal(good.status, 0, good.stderr);
    assert.equal(good.stdout, cli(['render', examplePath]).stdout);
  });

  test('a document error exits 1; --format json still writes the result', () => {
    const file = path.join(scratch, 'wrong-format.json');
    writeFileSync(file, JSON.stringify({ format: 'nope', headline: 'x', body: [] }));
    const run = cli(['render', file, '--format', 'json']);
    assert.equal(run.status, 1);
    const result = JSON.parse(run.stdout);
    assert.equal(result.ok, false);
    assert.ok(result.diagnostics.some((d) => d.severity === 'error' && d.path === '/format'));
    for (const line of run.stderr.trim().split('\n')) assert.match(line, DIAGNOSTIC_LINE);
  });
});

describe('text for the terminal', () => {
  // Raw ESC, BEL, C1 CSI (U+009B), bidi override and isolate: what would drive or reorder a terminal.
  const UNPRINTABLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  const hostileName = '\u001b]0;owned\u0007\u009b2J\u202eevil\u2066';
  const hostileArticle = `{"format": "broadsheet/article@1", "headline": "H \u202e \u0085", "body": "x",
    ${JSON.stringify(hostileName)}: 1}`;

  test('diagnostics show control and bidi characters from the article as \\uXXXX text', () => {
    const run = cli(['render', '-'], hostileArticle);
    assert.equal(run.status, 0, run.stderr);
    const line = run.stderr.split('\n').find((l) => l.includes('BS-UNKNOWN-MEMBER'));
    assert.ok(line, run.stderr);
    assert.doesNotMatch(run.stderr, UNPRINTABLE);
    assert.ok(line.startsWith('<stdin>:2:'), line);
    // The core's message already shows C0 controls as spaces; the C1 and bidi controls are escaped here.
    assert.ok(line.includes(']0;owned \\u009b2J\\u202eevil\\u2066" is not part'), line);
  });

  test('--format json escapes C1 and bidi characters and still means the same values', () => {
    const run = cli(['render', '--format', 'json', '-'], hostileArticle);
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stdout, UNPRINTABLE);
    const result = JSON.parse(run.stdout);
    assert.equal(result.meta.headline, 'H \u202e \u0085');
    assert.equal(result.diagnostics[0].path, `/${hostileName}`);
  });

  test('a file name is escaped in messages', () => {
    const name = path.join(scratch, 'missing-\u001b[2J-\u202e.json');
    const run = cli(['render', name]);
    assert.equal(run.status, 2);
    assert.doesNotMatch(run.stderr, UNPRINTABLE);
    assert.ok(run.stderr.includes('missing-\\u001b[2J-\\u202e.json: ENOENT'), run.stderr);
  });

  test('usage errors escape the arguments they quote', () => {
    const run = cli(['render', examplePath, '--format', 'x\u001b[31m']);
    assert.equal(run.status, 2);
    assert.doesNotMatch(run.stderr, UNPRINTABLE);
    assert.ok(run.stderr.includes("not 'x\\u001b[31m'"), run.stderr);
  });
});

describe('broadsheet embed', () => {
  const src = 'https://publisher.example/articles/nato.json';
  const script = 'https://publisher.example/broadsheet/web/embed.js';

  test('prints the recommended snippet: the module script, then the element pre-rendered with its JSON', async () => {
    const run = cli(['embed', examplePath, '--src', src, '--script', script]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '', 'no diagnostics and no warnings for the example');
    const [scriptLine, element] = run.stdout.split(/\n(?=<broadsheet-article)/);
    assert.equal(scriptLine, `<script type="module" src="${script}"></script>`);
    assert.match(element, /^<broadsheet-article src="https:\/\/publisher\.example\/articles\/nato\.json"><template shadowrootmode="open"><style>/);
    for (const name of exampleAnalysts) assert.ok(element.includes(name), name);
    const json = element.match(/<script type="application\/json">([^<]*)<\/script><\/broadsheet-article>\n<link /);
    assert.ok(json, 'the JSON is inlined last in the element');
    assert.ok(element.endsWith('</broadsheet-article>\n' +
      '<link rel="modulepreload" href="https://publisher.example/broadsheet/web/core/broadsheet-core.js">\n' +
      '<link rel="preload" href="https://publisher.example/broadsheet/web/core/broadsheet-core-lite.wasm" as="fetch" ' +
      'type="application/wasm" crossorigin>\n'), 'then the hints that fetch the core early: the lite one, which renders this article');
    assert.deepEqual(JSON.parse(json[1]), JSON.parse(readFileSync(examplePath, 'utf8')));

    // The playground's "Copy embed snippet" calls the same function.
    const shared = embedSnippet(await createRenderer(), readFileSync(examplePath, 'utf8'),
      { script, src, liteRenderer: await createRenderer(liteCoreOptions()) });
    assert.equal(run.stdout, shared.snippet);
  });

  test('the hints name the full core for an article the lite core hands on (tables, footnotes ...)', () => {
    const run = cli(['embed', path.join(repoRoot, 'tests', 'fixtures', 'rich', 'tables.json'), '--src', src, '--script', script]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /<link rel="preload" href="https:\/\/publisher\.example\/broadsheet\/web\/core\/broadsheet-core\.wasm" /);
    assert.doesNotMatch(run.stdout, /broadsheet-core-lite/);
  });

  test('--theme and --lang go on the element and into the rendering; -o writes a file', () => {
    const out = path.join(scratch, 'snippet.html');
    const run = cli(['embed', examplePath, '--src', src, '--script', script, '--theme', 'dark', '--lang', 'fr', '-o', out]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    const snippet = readFileSync(out, 'utf8');
    assert.match(snippet, /<broadsheet-article src="[^"]+" theme="dark" lang="fr">/);
    assert.match(snippet, /<article class="bs-article" part="article" lang="fr" dir="ltr" data-theme="dark">/);
  });

  test('warns about images without width and height, which move the page when they load', () => {
    const article = JSON.stringify({
      format: 'broadsheet/article@1',
      headline: 'Pictures',
      body: [
        { type: 'image', src: 'https://images.example/sized.jpg', alt: 'Sized', width: 800, height: 600 },
        { type: 'image', src: 'https://images.example/unsized.jpg', alt: 'Unsized' },
        { type: 'paragraph', text: 'Inline: ![map](https://images.example/map.png)' },
      ],
    });
    const run = cli(['embed', '-', '--src', src, '--script', script], article);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /unsized\.jpg/);
    assert.match(run.stderr, /^broadsheet: warning: 2 images have no width and height/m);
  });

  test('an article with errors: diagnostics, status 1, and the snippet of what the element shows', () => {
    const run = cli(['embed', '-', '--src', src, '--script', script], JSON.stringify({
      format: 'broadsheet/article@1',
      headline: 'Repairable',
      body: [{ type: 'heading', level: 5, text: 'Too deep' }],
    }));
    assert.equal(run.status, 1);
    assert.match(run.stderr, /BS-VALUE/);
    assert.match(run.stdout, /^<script type="module"/);
  });

  test('control and bidi characters of the article are escaped in the snippet, meaning the same', () => {
    const value = 'a\u007f\u009b\u202eb\u2067c';
    const text = JSON.stringify({ format: 'broadsheet/article@1', headline: `H ${value}`, body: value });
    const run = cli(['embed', '-', '--src', src, '--script', script], text);
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    assert.match(run.stdout, /&#x202e;/, 'as character references in the HTML');
    const json = run.stdout.match(/<script type="application\/json">([^<]*)<\/script>/)[1];
    assert.deepEqual(JSON.parse(json), JSON.parse(text));
  });

  const usageErrors = {
    'no --src': ['embed', examplePath, '--script', script],
    'no --script': ['embed', examplePath, '--src', src],
    'a javascript: URL': ['embed', examplePath, '--src', src, '--script', 'javascript:alert(1)'],
    'a bad --theme': ['embed', examplePath, '--src', src, '--script', script, '--theme', 'sepia'],
    '--format': ['embed', examplePath, '--src', src, '--script', script, '--format', 'json'],
  };
  for (const [name, args] of Object.entries(usageErrors)) {
    test(`${name} is a usage error`, () => {
      const run = cli(args);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /^broadsheet: embed: /);
      assert.equal(run.stdout, '');
    });
  }
});

describe('broadsheet validate', () => {
  test('exits 0 for the example and 1 for bad JSON', () => {
    const good = cli(['validate', examplePath]);
    assert.equal(good.status, 0, good.stderr);
    assert.equal(good.stdout, '');

    const bad = cli(['validate', '-'], brokenJson);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /BS-JSON-SYNTAX/);
  });

  test('--format json writes {ok, diagnostics}', () => {
    const run = cli(['validate', examplePath, '--format=json']);
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(result).sort(), ['diagnostics', 'ok']);
    assert.equal(result.ok, true);
  });
});

describe('usage', () => {
  test('--help prints usage and exits 0', () => {
    for (const args of [['--help'], ['-h'], ['render', '--help']]) {
      const run = cli(args);
      assert.equal(run.status, 0, args.join(' '));
      assert.match(run.stdout, /Usage:\n\s+broadsheet render/);
    }
  });

  test('--version names the package and core versions', () => {
    const run = cli(['--version']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^broadsheet \d+\.\d+\.\d+ \(core .+\)\n$/);
  });

  const usageErrors = {
    'no command': [],
    'unknown command': ['frobnicate', examplePath],
    'missing file': ['render'],
    'unknown flag': ['render', examplePath, '--bogus'],
    'bad --format': ['render', examplePath, '--format', 'xml'],
    'flag of another command': ['validate', examplePath, '--standalone'],
    'several articles of render to standard output': ['render', examplePath, examplePath],
    'extra argument of embed': ['embed', examplePath, examplePath, '--src', 'a.json', '--script', 'e.js'],
    'missing -o value': ['render', examplePath, '-o'],
  };
  for (const [name, args] of Object.entries(usageErrors)) {
    test(`${name} exits 2 with a message`, () => {
      const run = cli(args);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /^broadsheet: /);
      assert.equal(run.stdout, '');
    });
  }

  test('an unreadable file exits 2 and names it', () => {
    const missing = path.join(scratch, 'missing.json');
    assert.equal(existsSync(missing), false);
    const run = cli(['render', missing]);
    assert.equal(run.status, 2);
    assert.ok(run.stderr.includes(`cannot read ${missing}: ENOENT`), run.stderr);
  });
});

// ── Many articles, directories, outputs, options, watch ─────────────────────────────────────────────

const article = (headline, extra = {}) => JSON.stringify({
  format: 'broadsheet/article@1', headline, body: [{ type: 'paragraph', text: `Body of ${headline}.` }], ...extra,
}, null, 2);
const withError = JSON.stringify({
  format: 'broadsheet/article@1', headline: 'Broken', body: [{ type: 'heading', level: 5, text: 'Deep' }],
}, null, 2);

/** A fresh folder under the scratch folder with the given files ({ 'a/b.json': text }). */
function tree(files) {
  const root = mkdtempSync(path.join(scratch, 'tree-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('many articles in one call', () => {
  test('several files and -o DIR: one .html per input, each the same as rendering it alone', () => {
    const root = tree({ 'one.json': article('One'), 'two.json': article('Two') });
    const out = path.join(root, 'out');
    const run = cli(['render', path.join(root, 'one.json'), path.join(root, 'two.json'), '-o', out]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.deepEqual(readdirSync(out).sort(), ['one.html', 'two.html']);
    assert.equal(readFileSync(path.join(out, 'one.html'), 'utf8'), cli(['render', path.join(root, 'one.json')]).stdout);
    assert.match(readFileSync(path.join(out, 'two.html'), 'utf8'), /Body of Two\./);
  });

  test('a directory: every *.json inside, recursively, sorted; names mirrored under -o DIR', () => {
    const root = tree({
      'articles/z.json': article('Z'), 'articles/a/b.json': article('B'), 'articles/a.json': article('A'),
      'articles/notes.txt': 'not an article', 'articles/a/deeper/c.json': article('C'),
    });
    const input = path.join(root, 'articles');
    const out = path.join(root, 'site');
    const run = cli(['render', input, '-o', out]);
    assert.equal(run.status, 0, run.stderr);
    for (const [name, headline] of [['a.html', 'A'], ['z.html', 'Z'], ['a/b.html', 'B'], ['a/deeper/c.html', 'C']]) {
      assert.match(readFileSync(path.join(out, name), 'utf8'), new RegExp(`Body of ${headline}\\.`), name);
    }
    assert.equal(existsSync(path.join(out, 'notes.html')), false);

    const listed = cli(['validate', input, '--format', 'json']);
    assert.equal(listed.status, 0, listed.stderr);
    assert.deepEqual(JSON.parse(listed.stdout).map((r) => path.relative(input, r.file)),
      ['a.json', path.join('a', 'b.json'), path.join('a', 'deeper', 'c.json'), 'z.json']);
  });

  test('- among other inputs reads standard input and is written as stdin.html', () => {
    const root = tree({ 'one.json': article('One') });
    const out = path.join(root, 'out');
    const run = cli(['render', path.join(root, 'one.json'), '-', '-o', out], article('Piped'));
    assert.equal(run.status, 0, run.stderr);
    assert.match(readFileSync(path.join(out, 'stdin.html'), 'utf8'), /Body of Piped\./);
    assert.ok(existsSync(path.join(out, 'one.html')));
  });

  test('-o with one input: a file, or into a folder that exists or ends with /', () => {
    const root = tree({ 'one.json': article('One') });
    const input = path.join(root, 'one.json');
    const expected = cli(['render', input]).stdout;
    assert.equal(cli(['render', input, '-o', path.join(root, 'page.html')]).status, 0);
    assert.equal(readFileSync(path.join(root, 'page.html'), 'utf8'), expected);
    mkdirSync(path.join(root, 'existing'));
    assert.equal(cli(['render', input, '-o', path.join(root, 'existing')]).status, 0);
    assert.equal(readFileSync(path.join(root, 'existing', 'one.html'), 'utf8'), expected);
    assert.equal(cli(['render', input, '-o', `${path.join(root, 'new')}/`]).status, 0);
    assert.equal(readFileSync(path.join(root, 'new', 'one.html'), 'utf8'), expected);
  });

  test('-o makes the folders it needs; a file it cannot write is reported and the run fails', () => {
    const root = tree({ 'one.json': article('One'), blocker: 'a file, not a folder' });
    const input = path.join(root, 'one.json');
    const nested = cli(['render', input, '-o', path.join(root, 'a', 'b', 'page.html')]);
    assert.equal(nested.status, 0, nested.stderr);
    assert.match(readFileSync(path.join(root, 'a', 'b', 'page.html'), 'utf8'), /Body of One\./);
    const blocked = cli(['render', input, '-o', path.join(root, 'blocker', 'page.html')]);
    assert.equal(blocked.status, 2);
    assert.match(blocked.stderr, /broadsheet: cannot write .*blocker.*page\.html: ENOTDIR/);
  });

  test('--format json: one .json per input under -o DIR; a JSON array of {file, ...result} without -o', () => {
    const root = tree({ 'one.json': article('One'), 'two.json': withError });
    const inputs = [path.join(root, 'one.json'), path.join(root, 'two.json')];
    const out = path.join(root, 'out');
    const toFolder = cli(['render', ...inputs, '--format', 'json', '-o', out]);
    assert.equal(toFolder.status, 1);
    assert.deepEqual(JSON.parse(readFileSync(path.join(out, 'one.json'), 'utf8')), JSON.parse(cli(['render', inputs[0], '--format', 'json']).stdout));

    const listed = cli(['render', ...inputs, '--format', 'json']);
    assert.equal(listed.status, 1);
    const results = JSON.parse(listed.stdout);
    assert.deepEqual(results.map((r) => [r.file, r.ok]), [[inputs[0], true], [inputs[1], false]]);
    assert.match(results[0].html, /Body of One\./);

    const strict = JSON.parse(cli(['render', ...inputs, '--format', 'json', '--strict']).stdout);
    assert.deepEqual(strict.map((r) => r.file), [inputs[0]], '--strict leaves out the article with errors');
  });

  test('exit status: 1 when any article has errors, 2 when an input cannot be read (the others still rendered)', () => {
    const root = tree({ 'good.json': article('Good'), 'bad.json': withError });
    const out = path.join(root, 'out');
    const mixed = cli(['render', path.join(root, 'good.json'), path.join(root, 'bad.json'), '-o', out]);
    assert.equal(mixed.status, 1);
    assert.ok(existsSync(path.join(out, 'bad.html')), 'best-effort HTML without --strict');

    const strictOut = path.join(root, 'strict');
    const strict = cli(['render', path.join(root, 'good.json'), path.join(root, 'bad.json'), '-o', strictOut, '--strict']);
    assert.equal(strict.status, 1);
    assert.deepEqual(readdirSync(strictOut), ['good.html']);

    const missing = path.join(root, 'missing.json');
    const unreadable = cli(['render', missing, path.join(root, 'bad.json'), '-o', path.join(root, 'out2')]);
    assert.equal(unreadable.status, 2);
    assert.ok(unreadable.stderr.includes(`broadsheet: cannot read ${missing}: ENOENT`), unreadable.stderr);
    assert.ok(existsSync(path.join(root, 'out2', 'bad.html')));

    assert.equal(cli(['validate', path.join(root, 'good.json'), path.join(root, 'good.json')]).status, 0);
  });

  test('usage errors: several HTML outputs without -o, two inputs with one output name, an empty directory', () => {
    const root = tree({ 'a/x.json': article('A'), 'b/x.json': article('B') });
    mkdirSync(path.join(root, 'empty'));
    const cases = [
      [['render', path.join(root, 'a'), path.join(root, 'b')], /several articles need -o/],
      [['render', path.join(root, 'a/x.json'), path.join(root, 'b/x.json'), '-o', path.join(root, 'out')], /would both be written to/],
      [['validate', path.join(root, 'empty')], /no \.json files in/],
      [['render', '-', '-'], /- can be given once/],
    ];
    for (const [args, message] of cases) {
      const run = cli(args, article('stdin'));
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    }
    assert.equal(existsSync(path.join(root, 'out')), false, 'nothing written when names clash');
  });
});

describe('rendering options', () => {
  const image = JSON.stringify({
    format: 'broadsheet/article@1', headline: 'Options',
    body: [{ type: 'image', src: 'img/a.jpg', alt: 'A', width: 4, height: 3 }, { type: 'paragraph', text: 'Text.' }],
  });

  test('--theme, --lang, --heading-level and --base-url reach the rendering', () => {
    const plain = cli(['render', '-'], image).stdout;
    assert.match(plain, /<article class="bs-article" lang="en" dir="ltr" data-theme="auto">/);
    assert.match(plain, /<h1 class="bs-headline">/);
    assert.match(plain, /src="img\/a\.jpg"/);

    const run = cli(['render', '-', '--theme', 'dark', '--lang', 'fr', '--heading-level', '2',
      '--base-url', 'https://news.example/2024/story/'], image);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /<article class="bs-article" lang="fr" dir="ltr" data-theme="dark">/);
    assert.match(run.stdout, /<h2 class="bs-headline">/);
    assert.match(run.stdout, /src="https:\/\/news\.example\/2024\/story\/img\/a\.jpg"/);
    assert.match(cli(['render', '-', '--theme', 'light'], image).stdout, /data-theme="light"/);
  });

  test('validate takes --lang and --base-url', () => {
    const run = cli(['validate', '-', '--lang', 'de', '--base-url', 'https://news.example/', '--format', 'json'], image);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).ok, true);
  });

  const badValues = {
    '--theme sepia': ['--theme', 'sepia'],
    '--heading-level 7': ['--heading-level', '7'],
    '--heading-level two': ['--heading-level', 'two'],
    '--lang with a space': ['--lang', 'en GB'],
    '--base-url relative': ['--base-url', '/story/'],
    '--base-url javascript:': ['--base-url', 'javascript:alert(1)'],
    '--css with --format json': ['--css', 'inline', '--format', 'json'],
    '--theme for validate': ['--theme', 'dark'],
  };
  for (const [name, flags] of Object.entries(badValues)) {
    test(`${name} is a usage error`, () => {
      const command = name.endsWith('validate') ? 'validate' : 'render';
      const run = cli([command, '-', ...flags], image);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, new RegExp(`^broadsheet: ${command}: `));
      assert.equal(run.stdout, '');
    });
  }

  test('--css inline puts the stylesheet in a <style> before the fragment; a standalone document keeps its own', async () => {
    const { css } = await createRenderer();
    const run = cli(['render', '-', '--css', 'inline'], image);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.startsWith(`<style>\n${css}</style>\n<article class="bs-article"`));
    const standalone = cli(['render', '-', '--standalone'], image).stdout;
    assert.equal(cli(['render', '-', '--standalone', '--css', 'inline'], image).stdout, standalone);
  });

  test('--css FILE writes the stylesheet once and links it, relative to each output', async () => {
    const { css } = await createRenderer();
    const root = tree({ 'in/one.json': image, 'in/deep/two.json': image });
    const out = path.join(root, 'site');
    const sheet = path.join(out, 'assets', 'article.css');
    const run = cli(['render', path.join(root, 'in'), '-o', out, '--css', sheet]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(readFileSync(sheet, 'utf8'), css);
    assert.ok(readFileSync(path.join(out, 'one.html'), 'utf8').startsWith('<link rel="stylesheet" href="assets/article.css">\n<article'));
    assert.ok(readFileSync(path.join(out, 'deep', 'two.html'), 'utf8').startsWith('<link rel="stylesheet" href="../assets/article.css">\n'));

    const standalone = cli(['render', path.join(root, 'in', 'one.json'), '--standalone', '--css', sheet, '-o', path.join(out, 'page.html')]);
    assert.equal(standalone.status, 0, standalone.stderr);
    const page = readFileSync(path.join(out, 'page.html'), 'utf8');
    assert.match(page, /<link rel="stylesheet" href="assets\/article\.css">\n<\/head>/);
    // Only the page's own rules (its frame, docs/markup.md#standalone-documents) stay inline.
    assert.ok(!page.includes(css.slice(0, 200)), 'the stylesheet is linked instead of inlined');
    assert.equal(page.match(/<style>/g).length, 1);

    // To standard output the href is relative to the current folder; odd characters are percent-encoded.
    const odd = path.join(root, 'a "b" & <c>.css');
    const toStdout = cli(['render', path.join(root, 'in', 'one.json'), '--css', odd]);
    assert.ok(toStdout.stdout.startsWith(`<link rel="stylesheet" href="${path.relative(repoRoot, root).split(path.sep).join('/')}/a%20%22b%22%20%26%20%3Cc%3E.css">`), toStdout.stdout.slice(0, 200));
  });
});

describe('diagnostics for editors', () => {
  test('file:line:column: severity: message [CODE], the file as given on the command line', () => {
    const root = tree({ 'broken.json': brokenJson, 'warned.json': article('W', { headlin: 1 }) });
    const broken = path.relative(repoRoot, path.join(root, 'broken.json'));
    const warned = path.relative(repoRoot, path.join(root, 'warned.json'));
    const run = cli(['validate', broken, warned]);
    assert.equal(run.status, 1);
    const lines = run.stderr.trim().split('\n');
    assert.match(lines[0], new RegExp(`^${broken}:3:\\d+: error: .+ \\[BS-JSON-SYNTAX\\]$`));
    assert.equal(lines[1], `${warned}:10:14: warning: "headlin" is not part of the article format and is ignored; did you mean \`headline\`? [BS-UNKNOWN-MEMBER]`);
    for (const line of lines) assert.match(line, DIAGNOSTIC_LINE);
  });

  test('a diagnostic without a position (line 0) is file: severity: message [CODE]', () => {
    const d = { severity: 'warning', code: 'BS-OPTION', message: 'm\u001b', path: '', line: 0, column: 0 };
    assert.equal(diagnosticLine('a\u202e.json', d, false), 'a\\u202e.json: warning: m\\u001b [BS-OPTION]');
  });

  test('no colour when standard error is not a terminal', () => {
    const run = cli(['validate', '-'], brokenJson);
    assert.equal(run.status, 1);
    assert.doesNotMatch(run.stderr, /\u001b/);
  });

  // script(1) runs the command on a pseudo-terminal, where colour is on unless NO_COLOR is set.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  test('colour on a terminal, none when NO_COLOR is set', { skip: !hasScript && 'no script(1)' }, () => {
    const root = tree({ 'broken.json': brokenJson });
    const command = `${process.execPath} ${cliPath} validate ${path.join(root, 'broken.json')}`;
    const onTty = (env) => spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, ...env } });
    const coloured = onTty({ NO_COLOR: '' });
    assert.match(coloured.stdout, /\u001b\[1m[^\u001b]*broken\.json:3:\d+:\u001b\[0m \u001b\[1;31merror:\u001b\[0m .+ \u001b\[2m\[BS-JSON-SYNTAX\]\u001b\[0m/);
    assert.doesNotMatch(onTty({ NO_COLOR: '1' }).stdout, /\u001b/);
  });

  test('control characters in file names are escaped in diagnostic lines, colour or not', () => {
    const root = tree({});
    const file = path.join(root, 'evil-\u001b[2J-\u202e-\u0085.json');
    writeFileSync(file, brokenJson);
    const run = cli(['validate', root]);
    assert.equal(run.status, 1);
    assert.doesNotMatch(run.stderr, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    assert.ok(run.stderr.includes('evil-\\u001b[2J-\\u202e-\\u0085.json:3:'), run.stderr);
  });
});

describe('--watch', () => {
  /** Resolves when `check()` holds, polling; rejects after the time-out with `what`. */
  async function eventually(check, what, ms = 20_000) {
    const until = Date.now() + ms;
    while (!check()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  for (const kind of ['a file', 'a directory']) {
    test(`renders again when ${kind} changes, until killed`, async () => {
      const root = tree({ 'in/story.json': article('First version') });
      const input = kind === 'a file' ? path.join(root, 'in', 'story.json') : path.join(root, 'in');
      const out = path.join(root, 'out');
      const child = spawn(process.execPath, [cliPath, 'render', input, '-o', `${out}/`, '--watch'], { cwd: repoRoot });
      let stderr = '';
      child.stderr.on('data', (chunk) => { stderr += chunk; });
      const output = path.join(out, 'story.html');
      const read = () => (existsSync(output) ? readFileSync(output, 'utf8') : '');
      try {
        await eventually(() => read().includes('Body of First version.') && stderr.includes('watching'), 'the first render');
        assert.equal(child.exitCode, null, 'still running');
        // Saved the way editors do: a new file renamed over the old one.
        writeFileSync(path.join(root, 'in', 'story.json.tmp'), article('Second version'));
        renameSync(path.join(root, 'in', 'story.json.tmp'), path.join(root, 'in', 'story.json'));
        await eventually(() => read().includes('Body of Second version.'), 'the render after the change');
        writeFileSync(path.join(root, 'in', 'story.json'), withError);
        // The diagnostic and the run's summary are two writes: wait for both.
        await eventually(() => /story\.json:\d+:\d+: error: .+\[BS-VALUE\]/.test(stderr) && /rendered 1 article, 1 with errors/.test(stderr),
          'the diagnostic and the summary after the second change');
      } finally {
        child.kill();
      }
      await new Promise((resolve) => child.once('exit', resolve));
    });
  }

  test('--watch with standard input is a usage error', () => {
    const run = cli(['render', '-', '--watch'], article('x'));
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--watch cannot watch standard input/);
  });
});

describe('broadsheet head', () => {
  const syndicated = path.join(repoRoot, 'tests', 'fixtures', 'syndication', 'nbca-syndicated.json');

  test('prints the head tags, the same as renderer.headTags() and a standalone document\'s head', async () => {
    const run = cli(['head', syndicated]);
    assert.equal(run.status, 0, run.stderr);
    const renderer = await createRenderer();
    const json = readFileSync(syndicated, 'utf8');
    assert.equal(run.stdout, renderer.headTags(json));
    assert.match(run.stdout, /^<link rel="canonical" href="https:\/\/iwpr\.net\/global-voices\/[^"]+">\n/);
    assert.match(run.stdout, /<meta property="og:title" content="[^"]+">\n/);
    assert.match(run.stdout, /<script type="application\/ld\+json">\{.+\}<\/script>\n$/);
    const standalone = renderer.render(json, { standalone: true }).html;
    assert.ok(standalone.includes(`</title>\n${run.stdout}<style>`), 'the standalone head holds the same tags');
  });

  test('--format json writes {ok, head, diagnostics}; --lang reaches og:locale', () => {
    const run = cli(['head', examplePath, '--format', 'json', '--lang', 'kk-KZ']);
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(result).sort(), ['diagnostics', 'head', 'ok']);
    assert.equal(result.ok, true);
    assert.match(result.head, /<meta property="og:locale" content="kk_KZ">/);
  });

  test('several inputs: -o DIR gets one .html each; without -o they need --format json', () => {
    const out = path.join(scratch, 'heads');
    const run = cli(['head', examplePath, path.join(repoRoot, 'tests', 'fixtures', 'syndication'), '-o', out]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(readdirSync(out).sort(), ['nbca-russian-arms-nato.html', 'nbca-syndicated.html']);
    const refused = cli(['head', examplePath, syndicated]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /head: several articles need -o/);
  });

  test('a document with errors: diagnostics on standard error, status 1, --strict prints nothing', () => {
    const broken = '{"format":"broadsheet/article@1","headline":"H","body":"B","syndication":{"source":{"name":"S"},' +
      '"originalUrl":"https://s.example/a","license":"CC-BY-4.0","readUrl":"http://s.example/r"}}';
    const run = cli(['head', '-'], broken);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /<stdin>:1:\d+: error: .+ \[BS-URL-SCHEME\]/);
    assert.match(run.stdout, /^<link rel="canonical" href="https:\/\/s\.example\/a">/);
    const strict = cli(['head', '-', '--strict'], broken);
    assert.equal(strict.status, 1);
    assert.equal(strict.stdout, '');
    const options = cli(['head', examplePath, '--standalone']);
    assert.equal(options.status, 2, 'render options that make no sense for head are usage errors');
  });
});

describe('help per command', () => {
  for (const command of ['render', 'validate', 'head', 'embed']) {
    test(`${command} --help describes ${command} and the exit status`, () => {
      const run = cli([command, '--help']);
      assert.equal(run.status, 0);
      assert.match(run.stdout, new RegExp(`^Usage:\\n  broadsheet ${command} `));
      assert.match(run.stdout, /Exit status: 0 no document has errors, 1 a document has errors .+\n2 usage error/);
    });
  }

  test('render --help documents every option of render', () => {
    const help = cli(['render', '--help']).stdout;
    for (const flag of ['--format', '--standalone', '--strict', '--css inline', '--css <file>', '--theme', '--lang',
      '--heading-level', '--base-url', '-o, --output', '--watch', '-h, --help']) {
      assert.ok(help.includes(`  ${flag}`), flag);
    }
  });

  test('broadsheet --help lists the commands, the inputs, the diagnostic format and the exit status', () => {
    const help = cli(['--help']).stdout;
    assert.match(help, /broadsheet render <input>\.\.\./);
    assert.match(help, /file:line:column: severity: message \[CODE\]/);
    assert.match(help, /Exit status: 0/);
  });
});
