// The download budget (issue 7): what a page loads to render an article, gzip -9, must stay within
// bench/size-budget.json. The budget goes down but for features that must cost bytes (its comment says which); `npm run size` shows the numbers.
import assert from 'node:assert/strict';
import test from 'node:test';
import { checkBudget, measureSizes, readBudget } from '../../bench/size.mjs';

test('the WASM core, its glue and the JS shell fit the size budget', () => {
  const sizes = measureSizes();
  const budget = readBudget();
  assert.ok(sizes.files.length >= 3, 'the core, its glue and the shell are measured');
  assert.deepEqual(checkBudget(sizes, budget), []);
});

test('the budget itself never exceeds the target of the performance issue', () => {
  const budget = readBudget();
  const sumOfFiles = Object.values(budget.gzip).reduce((sum, bytes) => sum + bytes, 0);
  assert.ok(budget.totalGzip <= sumOfFiles, 'the total budget is no looser than its files');
  assert.equal(budget.targetTotalGzip, 110 * 1024);
});

test('the budget check reports a file over its budget and a file without one', () => {
  const sizes = { missing: [], files: [{ file: 'a.wasm', gzip: 120 }, { file: 'b.js', gzip: 5 }], total: { gzip: 125 } };
  const problems = checkBudget(sizes, { gzip: { 'a.wasm': 100 }, totalGzip: 110, targetTotalGzip: 100 });
  assert.equal(problems.length, 3);
  assert.match(problems[0], /a\.wasm is 120 B gzip, over its budget of 100 B/);
  assert.match(problems[1], /b\.js .* has no budget/);
  assert.match(problems[2], /125 B gzip in all, over the budget of 110 B/);
});
