// The lite core (web/core/broadsheet-core-lite.wasm, docs/performance.md "The lite core for the
// element"): for every article it renders, its result is byte for byte the full core's; every other
// article, and standalone documents and head tags, it hands to the full core with meta.needsFullCore
// and nothing else. Over every JSON file of examples/ and tests/ (articles, broken documents, the rich
// fixtures) and the bench's generated articles, with the options the element passes and with none.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { benchArticles } from '../../bench/articles.mjs';
import { createRenderer, liteCoreOptions } from '../../web/broadsheet.js';
import { repoRoot } from '../helpers/paths.mjs';

const LITE_ONLY = { needsFullCore: true };
// What <broadsheet-article> passes (web/element.js, #renderOptions), and the defaults.
const OPTION_SETS = [
  {},
  { parts: true, relativeImages: 'drop', baseUrl: 'https://partner.example/news/', theme: 'dark', embeds: 'link' },
];
// A rich block, footnotes or sources in the output: what the lite core must hand to the full one.
const RICH_MARKUP = /class="[^"]*\bbs-(embed|gallery|table|footnotes|sources)\b/;

function* jsonFiles(dir) {
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) yield* jsonFiles(file);
    else if (name.endsWith('.json') && !name.endsWith('.expect.json')) yield file;
  }
}

describe('the lite core', () => {
  let full;
  let lite;
  const cases = [];

  before(async () => {
    full = await createRenderer();
    lite = await createRenderer(liteCoreOptions());
    for (const top of ['examples', 'tests']) {
      for (const file of jsonFiles(path.join(repoRoot, top))) {
        cases.push({ name: path.relative(repoRoot, file), json: readFileSync(file, 'utf8') });
      }
    }
    for (const article of benchArticles()) cases.push({ name: `bench ${article.name}`, json: article.json });
  });

  test('has the full core\'s imports and exports, so the one glue serves both', () => {
    const module = (name) => new WebAssembly.Module(readFileSync(path.join(repoRoot, 'web', 'core', name)));
    const [a, b] = [module('broadsheet-core.wasm'), module('broadsheet-core-lite.wasm')];
    assert.deepEqual(WebAssembly.Module.exports(b), WebAssembly.Module.exports(a));
    assert.deepEqual(WebAssembly.Module.imports(b), WebAssembly.Module.imports(a));
    assert.equal(lite.css, full.css);
    assert.equal(lite.version, full.version);
  });

  test('renders every article it accepts byte for byte as the full core; hands on the rest', () => {
    let accepted = 0;
    let handedOn = 0;
    for (const { name, json } of cases) {
      for (const options of OPTION_SETS) {
        const mine = lite.render(json, options);
        const theirs = full.render(json, options);
        if (mine.meta?.needsFullCore) {
          handedOn += 1;
          assert.deepEqual(mine, { ok: true, html: '', css: full.css, diagnostics: [], meta: LITE_ONLY }, name);
          continue;
        }
        accepted += 1;
        assert.equal(mine.html, theirs.html, `${name} ${JSON.stringify(options)}: html`);
        assert.deepEqual(mine, theirs, `${name} ${JSON.stringify(options)}`);
        assert.doesNotMatch(theirs.html, RICH_MARKUP, name);
      }
    }
    // Most of the corpus is plain; the rich fixtures and the footnote and block cases are not.
    assert.ok(accepted > 250, `accepted ${accepted}`);
    assert.ok(handedOn >= 10, `handed on ${handedOn}`);
  });

  test('hands on every rich fixture, and every article whose full render holds a rich block', () => {
    for (const { name, json } of cases) {
      const theirs = full.render(json, {});
      if (name.startsWith('tests/fixtures/rich/') && !name.endsWith('images.json') || RICH_MARKUP.test(theirs.html)) {
        assert.deepEqual(lite.render(json, {}).meta, LITE_ONLY, name);
      }
    }
  });

  test('the XSS corpus in the text members of a plain article: the full core\'s output, byte for byte', () => {
    const vectors = JSON.parse(readFileSync(path.join(repoRoot, 'tests', 'security', 'xss-vectors.json'), 'utf8'));
    let accepted = 0;
    for (const { id, vector } of vectors) {
      const json = JSON.stringify({
        format: 'broadsheet/article@1', headline: vector, standfirst: vector, note: vector, section: vector,
        image: { src: 'https://img.example/a.jpg', alt: vector, caption: vector, credit: vector },
        body: [{ type: 'paragraph', text: vector }, { type: 'quote', text: vector, by: vector },
          { type: 'list', items: [vector] }, { type: 'markdown', text: vector }],
        callToAction: { label: vector, url: 'https://publisher.example/' },
      });
      const mine = lite.render(json, OPTION_SETS[1]);
      if (mine.meta?.needsFullCore) continue; // a vector that holds "[^"
      accepted += 1;
      assert.deepEqual(mine, full.render(json, OPTION_SETS[1]), `vector ${id}`);
    }
    assert.ok(accepted > vectors.length * 0.9, `accepted ${accepted} of ${vectors.length}`);
  });

  test('hands on a [^label] reference, footnotes or sources even when the full core shows none of them', () => {
    const article = (extra) => JSON.stringify({ format: 'broadsheet/article@1', headline: 'H', ...extra });
    for (const json of [
      article({ body: 'A reference[^x] to no note.' }),
      article({ body: [{ type: 'list', items: ['one[^1]'] }] }),
      article({ body: 'Plain.', footnotes: [] }),
      article({ body: 'Plain.', sources: 'not a list' }),
      article({ body: [{ type: 'table', rows: 'wrong' }] }),
    ]) {
      assert.deepEqual(lite.render(json).meta, LITE_ONLY, json);
    }
    assert.equal(lite.render(article({ body: 'Plain [x] text.' })).html, full.render(article({ body: 'Plain [x] text.' })).html);
  });

  test('decodes the common HTML entities as the full core; hands on an article naming any other', () => {
    const article = (text) => JSON.stringify({ format: 'broadsheet/article@1', headline: `H ${text}`, body: [
      { type: 'paragraph', text }, { type: 'quote', text }], standfirst: text });
    const common = 'caf&eacute; &mdash; &hellip; &nbsp;&copy; &euro;5 &rarr; &Omega; &lsquo;a&rsquo; &amp;c &frac12; &#x2713;';
    const mine = lite.render(article(common), OPTION_SETS[1]);
    assert.equal(mine.meta?.needsFullCore, undefined);
    assert.deepEqual(mine, full.render(article(common), OPTION_SETS[1]));
    assert.match(mine.html, /café — … .© €5 → Ω ‘a’ &amp;c ½ ✓/u);
    // Rare entities (the lite core has no table for them), and names that are no entity at all.
    for (const text of ['done &check;', '&NotNestedGreaterGreater;', 'a &notanentity; b', '[link](https://a.example/?q=&sqcup;)']) {
      assert.deepEqual(lite.render(article(text)).meta, LITE_ONLY, text);
      assert.ok(full.render(article(text)).html.includes('bs-article'), text);
    }
    assert.match(full.render(article('done &check;')).html, /done ✓/);
    assert.match(full.render(article('a &notanentity; b')).html, /a &amp;notanentity; b/);
  });

  test('hands on a text that is not JSON (the full core says what is wrong); reports the limits itself', () => {
    for (const json of ['{"format": "broadsheet/article@1", "headline": "H" "body": "x"}', '{"headline": "H",}', '',
      '[1, 2', 'not json', '{"headline": "caf\\u00e"}']) {
      assert.deepEqual(lite.render(json).meta, LITE_ONLY, json);
      const theirs = full.render(json);
      assert.equal(theirs.ok, false, json);
      assert.equal(theirs.diagnostics[0].code, 'BS-JSON-SYNTAX', json);
    }
    // The full core's strict reader words the problem (json_syntax_problem.cpp), with the member's name.
    assert.match(full.render('{"headline": "H" "body": "x"}').diagnostics[0].message, /headline/);
    // Too deep or too long is said the same by both, with no second download.
    for (const [json, options] of [['['.repeat(5000), {}], [`{"headline": "${'x'.repeat(64)}"}`, { limits: { maxInputBytes: 32 } }]]) {
      const mine = lite.render(json, options);
      assert.equal(mine.meta?.needsFullCore, undefined, json.slice(0, 20));
      assert.deepEqual(mine, full.render(json, options));
      assert.equal(mine.diagnostics[0].code, 'BS-LIMIT');
    }
  });

  test('hands on standalone documents and head tags', () => {
    const json = readFileSync(path.join(repoRoot, 'examples', 'arabic-brief.json'), 'utf8');
    assert.equal(lite.render(json).meta.needsFullCore, undefined);
    assert.deepEqual(lite.render(json, { standalone: true }).meta, LITE_ONLY);
    assert.deepEqual(lite.render(json, { headTags: true }).meta, LITE_ONLY);
    assert.equal(lite.headTags(json), '', 'the lite core writes no head tags');
  });

  test('liteCoreOptions: beside the module, or liteWasmUrl, or none when a core is named', () => {
    assert.match(liteCoreOptions().wasmUrl, /\/web\/core\/broadsheet-core-lite\.wasm$/);
    assert.equal(liteCoreOptions({ wasmUrl: '/assets/broadsheet-core.wasm' }), null);
    assert.deepEqual(liteCoreOptions({ wasmUrl: '/a/full.wasm', liteWasmUrl: '/a/lite.wasm', memoryResetBytes: 5 }),
      { wasmUrl: '/a/lite.wasm', wasmBinary: undefined, wasmModule: undefined, memoryResetBytes: 5 });
  });
});
