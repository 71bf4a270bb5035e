// The benchmark is not a test, but it must keep running: one tiny round (`--quick`) of every
// contender on the 5 KB articles, checking only that it completes and prints its tables.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import test from 'node:test';
import { promisify } from 'node:util';
import { repoRoot } from '../helpers/paths.mjs';

test('npm run bench -- --quick runs every contender once', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(repoRoot, 'bench', 'run.mjs'), '--quick'],
    { cwd: repoRoot, timeout: 240_000, maxBuffer: 16 << 20 });
  for (const name of ['Broadsheet (WASM, Node)', 'markdown-it + template + sanitize-html', 'markdown-wasm', 'md4w', '@portabletext/to-html']) {
    assert.ok(stdout.includes(name), `the report names ${name}`);
  }
  assert.match(stdout, /seed 5 KB/);
  assert.match(stdout, /Targets \(issue 7\)/);
  assert.match(stdout, /element \(client render\) \/ markdown-wasm: \d+\.\d\d×/, 'the cold start in Chromium ran');
});
