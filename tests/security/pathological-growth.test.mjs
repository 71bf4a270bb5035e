// Linear time on every pathological shape (issue 13): the time per input byte of each shape of
// bench/pathological-shapes.mjs at 2 MB stays within 3× its time per byte at 200 KB, through the
// WebAssembly build. Growth, not absolute time: the machine's speed cancels out, and a quadratic path
// (a line search per member name took 13 s for 810 KB) grows by 10× between the two sizes. The
// least of a few renders is compared, so that a busy machine does not fail the test; `npm run bench`
// reports the figures against an ordinary article.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { ordinaryArticle, pathologicalShapes } from '../../bench/pathological-shapes.mjs';

const small = 200_000;
const large = 2_000_000;

// The least of several renders: a pause on a loaded machine (the 2 MB renders take tens of
// milliseconds, long enough to meet one) rarely spoils every one of them.
function leastMsPerByte(renderer, json, rounds) {
  let least = Infinity;
  renderer.render(json);  // warm-up
  for (let i = 0; i < rounds; ++i) {
    const started = performance.now();
    const result = renderer.render(json);
    least = Math.min(least, performance.now() - started);
    assert.ok(!result.diagnostics.some((d) => d.code === 'BS-INTERNAL'), JSON.stringify(result.diagnostics[0]));
    assert.ok(result.diagnostics.length <= 201, `${result.diagnostics.length} diagnostics`);
  }
  return least / json.length;
}

describe('pathological shapes grow linearly', () => {
  let renderer;
  before(async () => {
    renderer = await createRenderer();
  });

  for (const shape of [{ id: 'ordinary', make: ordinaryArticle }, ...pathologicalShapes]) {
    test(`${shape.id}: time per byte at 2 MB ≤ 3× at 200 KB`, () => {
      const atSmall = leastMsPerByte(renderer, shape.make(small), 5);
      const atLarge = leastMsPerByte(renderer, shape.make(large), 4);
      const growth = atLarge / atSmall;
      assert.ok(growth <= 3, `per byte: ${(atSmall * 1e6).toFixed(1)} ns at 200 KB, ${(atLarge * 1e6).toFixed(1)} ns at 2 MB (${growth.toFixed(2)}×)`);
    });
  }
});
