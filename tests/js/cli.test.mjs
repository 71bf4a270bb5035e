// The command-line interface (bin/broadsheet.js), run as a child process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
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
    const json = element.match(/<script type="application\/json">([^<]*)<\/script><\/broadsheet-article>\n$/);
    assert.ok(json, 'the JSON is inlined last');
    assert.deepEqual(JSON.parse(json[1]), JSON.parse(readFileSync(examplePath, 'utf8')));

    // The playground's "Copy embed snippet" calls the same function.
    const shared = embedSnippet(await createRenderer(), readFileSync(examplePath, 'utf8'), { script, src });
    assert.equal(run.stdout, shared.snippet);
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
