// renderMany (web/ssr.js) and the worker-thread pool behind it (web/render-pool.js): results in input
// order and exactly what one renderer gives, for valid, invalid and unreadable articles alike.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { createRenderPool } from '../../web/render-pool.js';
import { renderMany } from '../../web/ssr.js';
import { randomArticles } from '../helpers/article-generator.mjs';
import { repoRoot } from '../helpers/paths.mjs';

/** Every kind of input the API takes, and every outcome: valid, warnings, errors, no article at all. */
function variedInputs() {
  const fixtures = ['valid', 'invalid', 'syntax'].flatMap((kind) => {
    const dir = path.join(repoRoot, 'tests', 'format', kind);
    return readdirSync(dir).filter((name) => name.endsWith('.json') && !name.endsWith('.expect.json')).sort()
      .slice(0, 12).map((name) => readFileSync(path.join(dir, name)));
  });
  const generator = randomArticles(19);
  return [
    ...fixtures,                                  // Uint8Arrays (Buffers) of fixtures
    readFileSync(path.join(repoRoot, 'examples', 'long-analysis.json'), 'utf8'), // a string
    ...Array.from({ length: 6 }, () => generator.article()), // article objects
    '{"format": "broadsheet/article@1", "headline": ',        // cut short
    '',                                           // nothing
    42,                                           // not an input: BS-INPUT
    new Uint8Array([0xff, 0xfe, 0x00]),           // not UTF-8
  ];
}

describe('renderMany', () => {
  let renderer;
  let inputs;
  before(async () => {
    renderer = await createRenderer();
    inputs = variedInputs();
  });

  test('with jobs 2, the results are in input order and equal to one renderer\'s, errors and all', async () => {
    const expected = inputs.map((input) => renderer.render(input));
    assert.ok(expected.some((r) => r.ok) && expected.some((r) => !r.ok && r.meta) && expected.some((r) => r.meta === null),
      'the inputs cover rendered, rendered with errors and not rendered');
    const results = await renderMany(inputs, { jobs: 2 });
    assert.equal(results.length, inputs.length);
    results.forEach((result, i) => assert.deepEqual(result, expected[i], `input ${i}`));
    // Also as text, to be sure the members are in the same order (the CLI prints them as JSON).
    assert.equal(JSON.stringify(results), JSON.stringify(expected));
  });

  test('jobs 1 and jobs 3 give the same; render options apply to every article', async () => {
    const options = { standalone: true, theme: 'dark', headingLevel: 2 };
    const [one, three] = await Promise.all([renderMany(inputs, { ...options, jobs: 1 }), renderMany(inputs, { ...options, jobs: 3 })]);
    assert.equal(JSON.stringify(three), JSON.stringify(one));
    assert.equal(JSON.stringify(one), JSON.stringify(inputs.map((input) => renderer.render(input, options))));
    assert.match(one[0].html, /^<!DOCTYPE html>/i);
  });

  test('validate: only diagnostics, as renderer.validate', async () => {
    const results = await renderMany(inputs, { jobs: 2, validate: true });
    assert.equal(JSON.stringify(results), JSON.stringify(inputs.map((input) => renderer.validate(input))));
    assert.deepEqual(Object.keys(results[0]), ['ok', 'diagnostics']);
  });

  test('no inputs, one input, more jobs than inputs', async () => {
    assert.deepEqual(await renderMany([], { jobs: 2 }), []);
    assert.deepEqual(await renderMany([inputs[0]], { jobs: 4 }), [renderer.render(inputs[0])]);
    assert.deepEqual(await renderMany(inputs.slice(0, 2), { jobs: 8 }), inputs.slice(0, 2).map((input) => renderer.render(input)));
  });

  test('invalid jobs reject with a TypeError', async () => {
    for (const jobs of [0, -1, 1.5, '2', Number.NaN]) {
      await assert.rejects(renderMany(inputs, { jobs }), TypeError, String(jobs));
    }
  });
});

describe('the render pool', () => {
  test('shares out work to every worker and reports the core\'s stylesheet and version', async () => {
    const renderer = await createRenderer();
    const pool = await createRenderPool({ jobs: 2 });
    try {
      assert.equal(pool.css, renderer.css);
      assert.equal(pool.version, renderer.version);
      const json = readFileSync(path.join(repoRoot, 'examples', 'nbca-russian-arms-nato.json'));
      const results = await Promise.all(Array.from({ length: 20 }, () => pool.render(json)));
      for (const result of results) assert.deepEqual(result, renderer.render(json));
    } finally {
      await pool.close();
    }
    await assert.rejects(pool.render('{}'), /closed/);
  });

  test('a moduleFactory cannot go to a worker; jobs must be at least 1', async () => {
    await assert.rejects(createRenderPool({ jobs: 2, rendererOptions: { moduleFactory: () => {} } }), TypeError);
    await assert.rejects(createRenderPool({ jobs: 0 }), TypeError);
  });
});
