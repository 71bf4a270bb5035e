// Writes the fuzzer's generated seeds into the folder given (scripts/fuzz.sh adds the examples and every
// test fixture beside them): each pathological shape of bench/pathological-shapes.mjs at 3 KB, and
// ordinary articles from the shared generator (tests/helpers/article-generator.mjs), a generated
// analysis piece and random articles that use every member and block type. Small, so that libFuzzer's
// mutations reach every part of them quickly.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathologicalShapes } from '../bench/pathological-shapes.mjs';
import { generatedArticle, randomArticles } from '../tests/helpers/article-generator.mjs';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node fuzz/seeds.mjs DIR');

const seeds = {};
for (const shape of pathologicalShapes) seeds[`shape-${shape.id}`] = shape.make(3000);
seeds['generated-analysis'] = JSON.stringify(generatedArticle(4 * 1024));
const random = randomArticles(1);
for (let i = 1; i <= 20; i++) seeds[`random-${i}`] = JSON.stringify(random.article());

for (const [name, text] of Object.entries(seeds)) writeFileSync(path.join(dir, `${name}.json`), `${text}\n`);
console.log(`fuzz: ${Object.keys(seeds).length} generated seeds (fuzz/seeds.mjs)`);
