// The benchmark's articles stay the same bytes, so that figures measured on different days (bench/results/,
// docs/performance.md) compare. They come from the shared generator (tests/helpers/article-generator.mjs)
// and the seed example; a change to either shows here. When an article must change, the figures start
// anew: update the digests below and say so in docs/performance.md.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import test from 'node:test';
import { benchArticles } from '../../bench/articles.mjs';

const SHA256 = {
  'seed 5 KB': '506d84298b028883bfed0e7e71199164450c02468115439d5a500bfdce31155d',
  'generated 5 KB': 'f46f801d37fd72c228d0feb916f6a4a02029d1a656eac02debb6616da3caf113',
  'seed 50 KB': '2dbf2310582862d6cc540eb0bf8016efae2080962b841682ec8727b7516bc378',
  'generated 50 KB': '861a8e456d84e2242c75207c8ee0cb5d7b57e963a1849cefe1ddb84abc3d8d84',
  'seed 1 MB': 'a327a8d07b641cdfc510ec18f6ca0d84553f2d4188801e14ab31262b76781daf',
  'generated 1 MB': '1484faa9a1811ef75ff03fc31d74fe225077298cbf8c660b728d5ac9936822bb',
};

test('the benchmark articles are byte for byte the ones its figures were measured on', () => {
  const sha256 = (text) => createHash('sha256').update(text).digest('hex');
  const digests = Object.fromEntries(benchArticles().map((article) => [article.name, sha256(article.json)]));
  assert.deepEqual(digests, SHA256);
});
