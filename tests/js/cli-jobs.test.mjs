// `broadsheet render --jobs N`, `validate --jobs N` and `head --jobs N`: with worker threads the CLI prints and writes
// exactly what it does with one job, in the same order, with the same exit status.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { randomArticles } from '../helpers/article-generator.mjs';
import { cliPath, repoRoot } from '../helpers/paths.mjs';
import { renderInOrder, startJobs } from '../../bin/cli/jobs.js';
import { createRenderer } from '../../web/broadsheet.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'broadsheet-cli-jobs-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const articles = path.join(scratch, 'articles');

function cli(args, input = '') {
  const run = spawnSync(process.execPath, [cliPath, ...args], { cwd: scratch, input, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file under `dir` (relative path -> contents), for byte-for-byte comparison of output folders. */
function tree(dir) {
  const files = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath ?? entry.path, entry.name);
      files[path.relative(dir, file)] = readFileSync(file).toString('base64');
    }
  }
  return files;
}

describe('broadsheet --jobs', () => {
  before(() => {
    // Valid, invalid and unparsable fixtures, the examples, generated articles, an empty file, a file
    // that is not UTF-8, and (on the command line) one that does not exist: every path through the CLI.
    for (const kind of ['valid', 'invalid', 'syntax']) {
      cpSync(path.join(repoRoot, 'tests', 'format', kind), path.join(articles, kind), {
        recursive: true, filter: (source) => !source.endsWith('.expect.json'),
      });
    }
    cpSync(path.join(repoRoot, 'examples'), path.join(articles, 'examples'), {
      recursive: true, filter: (source) => !/\.(ts|tsx|html)$/.test(source),
    });
    const generator = randomArticles(2019);
    mkdirSync(path.join(articles, 'generated'));
    for (let i = 0; i < 30; i += 1) {
      writeFileSync(path.join(articles, 'generated', `g${String(i).padStart(2, '0')}.json`), JSON.stringify(generator.article(), null, 1));
    }
    writeFileSync(path.join(articles, 'empty.json'), '');
    writeFileSync(path.join(articles, 'latin1.json'), Buffer.from('{"format":"broadsheet/article@1","headline":"Caf\xe9","body":"x"}', 'latin1'));
    symlinkSync(path.join(scratch, 'nowhere.json'), path.join(articles, 'gone.json')); // skipped
  });

  const runs = {
    'render --format json (one JSON array on standard output)': (jobs) => ['render', articles, 'missing.json', '--format', 'json', '--jobs', jobs],
    'render -o <folder> --standalone --css <file>': (jobs) => ['render', articles, 'missing.json', '--standalone', '--css', `out-${jobs}/style.css`, '-o', `out-${jobs}`, '--jobs', jobs],
    'render --strict -o <folder>': (jobs) => ['render', articles, 'missing.json', '--strict', '-o', `strict-${jobs}`, '-j', jobs],
    'validate --format json': (jobs) => ['validate', articles, 'missing.json', '--format', 'json', '-j', jobs],
    'head --format json': (jobs) => ['head', articles, 'missing.json', '--format', 'json', '-j', jobs],
    'head -o <folder>': (jobs) => ['head', articles, 'missing.json', '-o', `head-${jobs}`, '-j', jobs],
  };
  for (const [name, args] of Object.entries(runs)) {
    test(`${name}: --jobs 2 and 3 give byte for byte what --jobs 1 gives`, () => {
      const one = cli(args('1'));
      assert.equal(one.status, 2, 'the missing file makes it 2 (and there are documents with errors)');
      assert.match(one.stderr, /missing\.json/);
      assert.match(one.stderr, /\[BS-JSON-SYNTAX\]/);
      const folder = args('1').find((arg) => /^(out|strict|head)-1$/.test(arg));
      for (const jobs of ['2', '3']) {
        const many = cli(args(jobs));
        assert.equal(many.status, one.status, `status with --jobs ${jobs}`);
        assert.equal(many.stderr, one.stderr, `diagnostics with --jobs ${jobs}`);
        assert.equal(many.stdout, one.stdout, `standard output with --jobs ${jobs}`);
        if (folder) {
          const written = tree(path.join(scratch, folder.replace('-1', `-${jobs}`)));
          assert.ok(Object.keys(written).length > 60, 'the articles were written');
          assert.deepEqual(written, tree(path.join(scratch, folder)), `files written with --jobs ${jobs}`);
        }
      }
    });
  }

  test('a file the workers cannot write is reported in order, and the rest are written', () => {
    const runs = {};
    for (const jobs of ['1', '2']) {
      const folder = path.join(scratch, `blocked-${jobs}`);
      mkdirSync(path.join(folder, 'examples', 'long-analysis.html'), { recursive: true }); // a folder in the file's place
      runs[jobs] = cli(['render', articles, '-o', folder, '--jobs', jobs]);
      assert.match(runs[jobs].stderr, new RegExp(`cannot write ${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/examples/long-analysis\\.html: EISDIR`));
      assert.ok(readFileSync(path.join(folder, 'examples', 'nbca-russian-arms-nato.html'), 'utf8').includes('bs-article'));
    }
    assert.equal(runs['2'].status, 2);
    assert.equal(runs['2'].status, runs['1'].status);
    assert.equal(runs['2'].stderr.replaceAll('blocked-2', 'blocked-1'), runs['1'].stderr);
  });

  test('standard input among the files is read once, by whichever thread renders it', () => {
    const piped = readFileSync(path.join(repoRoot, 'examples', 'nbca-russian-arms-nato.json'), 'utf8');
    const args = (jobs) => ['render', path.join(articles, 'generated'), '-', '-o', `stdin-${jobs}`, '--jobs', jobs];
    const one = cli(args('1'), piped);
    assert.equal(one.status, 0, one.stderr);
    const many = cli(args('3'), piped);
    assert.deepEqual({ ...many, stderr: many.stderr.replaceAll('stdin-3', 'stdin-1') }, one);
    const written = tree(path.join(scratch, 'stdin-3'));
    assert.match(Buffer.from(written['stdin.html'], 'base64').toString(), /bs-article/);
    assert.deepEqual(written, tree(path.join(scratch, 'stdin-1')));
  });

  test('one article with --jobs 2 is the same as without', () => {
    const file = path.join(repoRoot, 'examples', 'nbca-russian-arms-nato.json');
    assert.deepEqual(cli(['render', file, '--jobs', '2']), cli(['render', file]));
  });

  test('--jobs must be a whole number from 1', () => {
    for (const jobs of ['0', '-1', '1.5', 'two', '']) {
      const run = cli(['render', articles, '--format', 'json', '--jobs', jobs]);
      assert.equal(run.status, 2, jobs);
      assert.match(run.stderr, /--jobs must be a whole number|argument missing|requires a value|ambiguous/i, jobs);
    }
    assert.match(cli(['render', '--help']).stdout, /--jobs <n>/);
    assert.match(cli(['validate', '--help']).stdout, /--jobs <n>/);
    assert.match(cli(['head', '--help']).stdout, /--jobs <n>/);
  });
});

describe('--jobs workers sharing out a run (bin/cli/jobs.js)', () => {
  test('a worker lost in the middle: at most its article is an internal error, every other one is answered, in order', { timeout: 60_000 }, async () => {
    const renderer = await createRenderer();
    const request = { command: 'validate', format: 'text', renderOptions: {}, strict: false, css: undefined };
    const folder = path.join(scratch, 'lost');
    mkdirSync(folder);
    const generator = randomArticles(77);
    const entries = Array.from({ length: 60 }, (_, i) => {
      const file = path.join(folder, `a${i}.json`);
      writeFileSync(file, JSON.stringify(generator.article()));
      return { name: file, file, key: file };
    });
    const expected = entries.map(({ file }) => renderer.validate(readFileSync(file)));
    const pool = await startJobs(3, request, renderer);
    try {
      while (!pool.workers.every((worker) => worker.ready)) await new Promise((resolve) => setTimeout(resolve, 5));
      const outcomes = [];
      for await (const outcome of renderInOrder(entries, request, renderer, pool)) {
        if (outcomes.length === 3) await pool.workers[0].thread.terminate();
        outcomes.push(outcome);
      }
      assert.deepEqual(outcomes.map(({ entry }) => entry), entries);
      const lost = outcomes.filter(({ result }) => result.diagnostics.some(({ code }) => code === 'BS-INTERNAL'));
      assert.ok(lost.length <= 1, `${lost.length} internal errors`);
      for (const [i, { result }] of outcomes.entries()) {
        if (!lost.includes(outcomes[i])) assert.deepEqual(result, expected[i], entries[i].file);
      }
      assert.ok(pool.workers[0].lost && !pool.workers[1].lost);
    } finally {
      await pool.close();
    }
  });
});
