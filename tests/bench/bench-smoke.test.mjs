// The benchmark is not a test, but it must keep running: one tiny round (`--quick`) of every
// contender on the seed article and the 5 KB articles, in Node and in Chromium, checking only that it
// completes and prints its tables (in Chromium, the page also checks that every contender gives there
// the same HTML as in Node).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import test from 'node:test';
import { promisify } from 'node:util';
import { repoRoot } from '../helpers/paths.mjs';

test('npm run bench -- --quick runs every contender once, in Node and in Chromium', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(repoRoot, 'bench', 'run.mjs'), '--quick'],
    { cwd: repoRoot, timeout: 240_000, maxBuffer: 16 << 20 });
  for (const name of ['Broadsheet (WASM, Node)', 'markdown-it + template + sanitize-html', 'markdown-wasm', 'md4w', '@portabletext/to-html']) {
    assert.ok(stdout.includes(name), `the report names ${name}`);
  }
  assert.match(stdout, /seed 5 KB/);
  assert.match(stdout, /seed itself — 3\.\d KB/, 'the seed article itself is measured');
  assert.match(stdout, /Targets \(issue 7\)/);
  assert.match(stdout, /element \(client render\) \/ markdown-wasm: \d+\.\d\d×/, 'the cold start in Chromium ran');
  // Throughput in Chromium: every peer that runs in a browser, with its MB/s and ratio, and the targets.
  assert.ok(stdout.includes('Throughput in Chromium'), 'the Chromium throughput ran');
  const chromium = stdout.slice(stdout.indexOf('Throughput in Chromium'));
  assert.match(chromium, /same outputs as in Node/);
  for (const name of ['Broadsheet (WASM, Chromium)', 'markdown-it + template (unsafe)', 'markdown-it + template + sanitize-html (esbuild bundle)',
    'markdown-it + template + DOMPurify (browser DOM)', 'markdown-wasm (body as Markdown)', 'md4w (body as Markdown)']) {
    assert.match(chromium, new RegExp(`${name.replace(/[()+.]/g, '\\$&')} +\\d+ +\\d+ +\\d+ +\\d+\\.\\d +\\d+\\.\\d\\d`), `Chromium row for ${name}`);
  }
  for (const article of ['seed itself', 'seed 5 KB', 'generated 5 KB']) assert.ok(chromium.includes(`${article} — `), `Chromium table for ${article}`);
  assert.match(chromium, /CPU µs +CPU × +per round/, 'CPU time beside wall time');
  assert.match(chromium, /Targets in Chromium \(issue 19 point 3\)/);
  assert.match(chromium, /speed ≥ 2× markdown-it \+ sanitize-html on seed itself +\d+\.\d\d/);
});
