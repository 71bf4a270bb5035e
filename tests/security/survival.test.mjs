// Instance survival and memory (issue 6): one instance of the WebAssembly core takes 10,000 renders of
// mixed valid, malformed and hostile inputs. Nothing throws into JavaScript, nothing traps, a valid
// document keeps rendering identically, and linear memory stops growing: the same 2,500 inputs run
// four times; no pass may change a single result, and the last two passes may not grow memory at all
// (the second may, once: the allocator's free lists settle after the first). A leak of even a few
// bytes per render would show as growth in every pass. The high-water mark is printed and written to
// test-output/security/survival.json.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { examplePath, repoRoot, testOutputDir } from '../helpers/paths.mjs';
import { generator } from './generate.mjs';

const PASS = 2_500;  // distinct inputs
const PASSES = 4;   // each input is rendered this often
const example = readFileSync(examplePath, 'utf8');

/**
 * A renderer whose core instances the test can see (to read the size of linear memory), optionally
 * with every call of the core's render entry point going through `wrapRender`.
 */
async function observedRenderer(wrapRender) {
  const { default: realFactory } = await import('../../web/core/broadsheet-core.js');
  const cores = [];
  const moduleFactory = (args) => {
    if (wrapRender) {
      // Installed before the instance exists, as an accessor: Emscripten's glue assigns the export
      // (and reassigns it on first call), and a restart must be wrapped from its very first call.
      let inner;
      const wrapped = (...callArgs) => wrapRender(() => inner.apply(null, callArgs));
      Object.defineProperty(args, '_broadsheet_render', {
        configurable: true,
        enumerable: true,
        get: () => (inner ? wrapped : undefined),
        set: (value) => { inner = value; },
      });
    }
    return realFactory(args).then((core) => {
      cores.push(core);
      return core;
    });
  };
  const renderer = await createRenderer({ moduleFactory });
  return { renderer, cores, memoryBytes: () => cores.at(-1).HEAPU8.byteLength };
}

/** The inputs of one pass: generated articles, malformed and hostile inputs, fixtures, large ones. */
function inputs() {
  const gen = generator(20240601);
  const fixtures = [];
  for (const dir of ['tests/format/valid', 'tests/format/invalid', 'tests/format/syntax', 'examples']) {
    const folder = path.join(repoRoot, dir);
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.json') && !f.endsWith('.expect.json'))) {
      fixtures.push(readFileSync(path.join(folder, file), 'utf8'));
    }
  }
  const list = [
    // The largest first, so the high-water mark is reached early: a long valid document, one over
    // the input limit, a string over the string limit, deep nesting.
    { input: JSON.stringify({ format: 'broadsheet/article@1', headline: 'Long', body: Array.from({ length: 5000 }, (_, i) => ({ type: 'paragraph', text: `Paragraph ${i} ${'words and more words '.repeat(40)}` })) }) },
    { input: `{"format":"broadsheet/article@1","headline":"Big","body":"${'x'.repeat(9 * 1024 * 1024)}"}` },
    { input: { format: 'broadsheet/article@1', headline: 'Long string', body: [{ type: 'paragraph', text: 'y'.repeat(2 * 1024 * 1024) }] } },
    { input: '['.repeat(200_000) },
  ];
  while (list.length < PASS) {
    const roll = gen.next();
    if (roll < 0.4) list.push({ input: gen.article(), options: gen.chance(0.2) ? { standalone: true } : undefined });
    else if (roll < 0.9) list.push(gen.malformed());
    else list.push({ input: gen.pick(fixtures) });
    if (gen.chance(0.1)) list.at(-1).validate = true;
  }
  return list;
}

function fingerprint(result) {
  return createHash('sha1').update(JSON.stringify([result.ok, result.html, result.diagnostics, result.meta])).digest('hex');
}

describe('instance survival', () => {
  test(`${PASSES * PASS} mixed renders in one instance: nothing escapes, nothing grows, nothing changes`, { timeout: 240_000 }, async () => {
    const { renderer, cores, memoryBytes } = await observedRenderer();
    const reference = renderer.render(example);
    assert.equal(reference.ok, true);
    const list = inputs();
    const thrown = [];
    const internal = [];
    const firstPass = [];
    const memoryAfterPass = [];
    let highWater = 0;
    const started = Date.now();

    for (let pass = 0; pass < PASSES; pass++) {
      for (let i = 0; i < list.length; i++) {
        const { input, options, validate } = list[i];
        let result;
        try {
          result = validate ? renderer.validate(input, options) : renderer.render(input, options);
        } catch (error) {
          thrown.push(`input ${i}: ${error}`);
          continue;
        }
        assert.ok(Array.isArray(result.diagnostics), `input ${i} returns diagnostics`);
        if (result.diagnostics.some((d) => d.code === 'BS-INTERNAL')) internal.push(`input ${i}: ${result.diagnostics[0].message}`);
        const print = fingerprint(result);
        if (pass === 0) firstPass.push(print);
        else assert.equal(print, firstPass[i], `input ${i} renders the same in pass ${pass + 1}`);
        highWater = Math.max(highWater, memoryBytes());
        if (i % 500 === 0) assert.equal(renderer.render(example).html, reference.html, `the example still renders identically after ${pass * PASS + i} renders`);
      }
      memoryAfterPass.push(memoryBytes());
    }

    const final = renderer.render(example);
    const report = {
      renders: PASSES * list.length,
      instances: cores.length,
      thrown: thrown.length,
      internalErrors: internal.length,
      memoryAfterEachPassBytes: memoryAfterPass,
      highWaterBytes: highWater,
      highWaterMiB: Math.round((highWater / 1024 / 1024) * 10) / 10,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
    writeFileSync(path.join(testOutputDir('security'), 'survival.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`survival: ${report.renders} renders in ${report.seconds} s, one instance, ` +
      `memory high-water mark ${report.highWaterMiB} MiB (${highWater} bytes)`);

    assert.deepEqual(thrown, [], 'no exception reached JavaScript');
    assert.deepEqual(internal, [], 'the core never failed internally');
    assert.equal(cores.length, 1, 'the first instance served every render');
    assert.equal(memoryAfterPass.at(-1), memoryAfterPass[1], 'linear memory stopped growing after the second pass');
    assert.equal(final.html, reference.html, 'the example renders as it did at the start');
  });

  test('a trap mid-run is reported as BS-INTERNAL, a new instance takes over, and renders are unchanged', async () => {
    let calls = 0;
    const trapAt = new Set([7, 8, 40]);  // two in a row: the replacement instance must cope too
    const { renderer, cores } = await observedRenderer((render) => {
      calls += 1;
      if (trapAt.has(calls)) throw new WebAssembly.RuntimeError('unreachable executed');
      return render();
    });
    const reference = renderer.render(example);
    const gen = generator(99);
    let reported = 0;
    for (let i = 0; i < 60; i++) {
      const input = i % 3 === 0 ? example : gen.chance(0.5) ? gen.article() : gen.malformed().input;
      let result;
      assert.doesNotThrow(() => { result = renderer.render(input); });
      if (result.diagnostics.some((d) => d.code === 'BS-INTERNAL')) {
        reported += 1;
        assert.equal(result.ok, false);
        assert.equal(result.html, '');
        continue;
      }
      if (input === example) assert.equal(result.html, reference.html, `render ${i} after recovery is unchanged`);
    }
    assert.equal(reported, trapAt.size, 'each trap was reported once');
    await new Promise((resolve) => setTimeout(resolve, 50));  // the instances' promises settle
    assert.equal(cores.length, 1 + trapAt.size, 'each trap replaced the instance');
  });
});
