#!/usr/bin/env node
// The CLI's cost per call: one article in one call against 100 articles in one call (one process, one
// renderer), and against 100 calls of one article each (what scripts had to do before). Then --jobs:
// 500 generated articles (10-100 KB) rendered to a folder with --jobs 2 against --jobs 1.
//
//   node bench/cli.mjs [--rounds N] [--skip-per-call] [--jobs-only] [--articles N]
//
// Wall-clock medians over N rounds (default 5), interleaved. A benchmark, not a test: the figures
// depend on the machine and its load; the ratio of the two one-call figures is what counts (target:
// 100 files under 3x one file).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedArticle } from '../tests/helpers/article-generator.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(repoRoot, 'bin', 'broadsheet.js');
const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 5;
const perCall = !args.includes('--skip-per-call');
const jobsOnly = args.includes('--jobs-only');
const articlesAt = args.indexOf('--articles');
const manyCount = articlesAt >= 0 ? Number(args[articlesAt + 1]) : 500;

const work = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bench-cli-'));
const articles = path.join(work, 'articles');
mkdirSync(articles);
const example = readFileSync(path.join(repoRoot, 'examples', 'nbca-russian-arms-nato.json'));
for (let i = 0; i < 100; i += 1) writeFileSync(path.join(articles, `article-${String(i).padStart(3, '0')}.json`), example);
const one = path.join(articles, 'article-000.json');

function time(run) {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
const call = (...cliArgs) => execFileSync(process.execPath, [cli, ...cliArgs], { stdio: 'ignore' });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const samples = { one: [], hundred: [], perCall: [], jobs1: [], jobs2: [] };
// --jobs: many generated articles of 10-100 KB, so that rendering, not start-up, is most of the time.
const many = path.join(work, 'many');
mkdirSync(many);
let manyBytes = 0;
for (let i = 0; i < manyCount; i += 1) {
  const json = JSON.stringify(generatedArticle(10_240 + (i * 7919) % 92_160, i + 1));
  manyBytes += json.length;
  writeFileSync(path.join(many, `article-${String(i).padStart(3, '0')}.json`), json);
}
call('render', many, '-o', path.join(work, 'warm-many')); // file cache
for (let round = 0; round < rounds; round += 1) {
  // Alternate which goes first, so that drift in the machine's load hits both alike.
  const order = round % 2 ? ['2', '1'] : ['1', '2'];
  for (const jobs of order) samples[`jobs${jobs}`].push(time(() => call('render', many, '-o', path.join(work, `many-${jobs}`), '--jobs', jobs)));
}
call('render', one, '-o', path.join(work, 'warm.html')); // file cache
for (let round = 0; round < (jobsOnly ? 0 : rounds); round += 1) {
  samples.one.push(time(() => call('render', one, '-o', path.join(work, 'one.html'))));
  samples.hundred.push(time(() => call('render', articles, '-o', path.join(work, 'out'))));
  if (perCall && round === 0) {
    samples.perCall.push(time(() => {
      for (let i = 0; i < 100; i += 1) call('render', path.join(articles, `article-${String(i).padStart(3, '0')}.json`), '-o', path.join(work, 'each.html'));
    }));
  }
}
rmSync(work, { recursive: true, force: true });

const [jobs1, jobs2] = [median(samples.jobs1), median(samples.jobs2)];
const perRound = samples.jobs2.map((ms, i) => (ms / samples.jobs1[i]).toFixed(2)).join(' ');
console.log(`${manyCount} generated articles (${(manyBytes / 1048576).toFixed(1)} MB), -o folder, ${rounds} rounds interleaved, ` +
  `${os.availableParallelism?.() ?? os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`--jobs 1:  ${jobs1.toFixed(0)} ms`);
console.log(`--jobs 2:  ${jobs2.toFixed(0)} ms  (${(jobs2 / jobs1).toFixed(2)}x --jobs 1; target <= 0.6 on an idle 2-core machine; per round: ${perRound})`);
if (jobsOnly) process.exit(0);
const oneMs = median(samples.one);
const hundredMs = median(samples.hundred);
console.log(`article: examples/nbca-russian-arms-nato.json (${example.length} bytes), ${rounds} rounds, node ${process.version}`);
console.log(`1 file, one call:      ${oneMs.toFixed(0)} ms`);
console.log(`100 files, one call:   ${hundredMs.toFixed(0)} ms  (${(hundredMs / oneMs).toFixed(2)}x one file; target < 3x)`);
if (samples.perCall.length) {
  const perCallMs = samples.perCall[0];
  console.log(`100 files, 100 calls:  ${perCallMs.toFixed(0)} ms  (${(perCallMs / hundredMs).toFixed(1)}x the one call; one round)`);
}
