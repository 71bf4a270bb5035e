// Pathological inputs through the JavaScript API and the WebAssembly build (issue 6): the cases only
// JavaScript can make (byte arrays of invalid UTF-8, strings with lone surrogates, values JSON cannot
// hold), and the large ones once more at the boundary. The C++ side of the list is
// tests/core/pathological_test.cpp, which also runs as WebAssembly. Each returns diagnostics and
// never throws; limits give BS-LIMIT.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';

const codes = (result) => result.diagnostics.map((d) => d.code);
const article = (fields = {}) => ({ format: 'broadsheet/article@1', headline: 'Headline', body: [{ type: 'paragraph', text: 'Words.' }], ...fields });

describe('pathological inputs through WebAssembly', () => {
  let renderer;
  before(async () => {
    renderer = await createRenderer();
  });

  /** Renders, asserting it neither throws nor takes long, and that the renderer is still sound after. */
  function render(input, options, budgetMs = 10_000) {
    const started = performance.now();
    let result;
    assert.doesNotThrow(() => { result = renderer.render(input, options); });
    assert.ok(performance.now() - started < budgetMs, `took ${Math.round(performance.now() - started)} ms`);
    assert.ok(Array.isArray(result.diagnostics));
    assert.ok(!codes(result).includes('BS-INTERNAL'), JSON.stringify(result.diagnostics[0]));
    assert.equal(renderer.render(article()).ok, true, 'the next render works');
    return result;
  }

  test('invalid UTF-8 in a Uint8Array is a syntax error with line and column', () => {
    const prefix = new TextEncoder().encode('{"format":"broadsheet/article@1",\n"headline":"ok ');
    const suffix = new TextEncoder().encode('","body":"b"}');
    for (const bad of [[0xff], [0xc0, 0xaf], [0xe2, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xfe, 0xff]]) {
      const bytes = new Uint8Array([...prefix, ...bad, ...suffix]);
      const result = render(bytes);
      assert.deepEqual(codes(result), ['BS-JSON-SYNTAX'], `bytes ${bad.map((b) => b.toString(16))}`);
      assert.equal(result.diagnostics[0].line, 2);
      assert.ok(result.diagnostics[0].column > 1);
      assert.equal(result.html, '');
    }
  });

  test('lone surrogates: in a string they become U+FFFD, as JSON escapes they are syntax errors', () => {
    // A JS string is UTF-16: TextEncoder writes a lone surrogate as U+FFFD, so the text renders.
    const fromString = render(JSON.stringify(article({ headline: 'a' })).replace('"a"', '"a\ud800b"'));
    assert.equal(fromString.ok, true);
    assert.ok(fromString.html.includes('a\ufffdb'));
    // JSON.stringify writes a lone surrogate of an object as the escape \ud800, which JSON text may
    // not pair with nothing: the core reports where.
    for (const headline of ['\ud800', 'x\udc00y', '\udbff\udbff']) {
      const result = render(article({ headline }));
      assert.deepEqual(codes(result), ['BS-JSON-SYNTAX'], JSON.stringify(headline));
      assert.equal(result.diagnostics[0].line, 1);
    }
  });

  test('NUL and control characters never reach the HTML', () => {
    const result = render(article({ headline: 'a\u0000b', section: '\u0001\u0007\u001b[31m', body: [{ type: 'paragraph', text: 'x\u0000\u007f\u0085y' }] }));
    assert.equal(result.ok, true);
    assert.doesNotMatch(result.html, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    assert.ok(result.html.includes('a\ufffdb'));
  });

  test('numbers JSON can write but doubles cannot hold are diagnostics', () => {
    for (const number of ['1e400', '-1e400', '1e-400', '123456789012345678901234567890']) {
      const text = `{"format":"broadsheet/article@1","headline":"H","image":{"src":"https://e.example/a.jpg","alt":"","width":${number}},` +
        `"body":[{"type":"heading","level":${number},"text":"T"}]}`;
      const result = render(text);
      assert.ok(result.diagnostics.length > 0, number);
      assert.ok(result.html.includes('</article>'), number);
      assert.ok(render(article(), { headingLevel: Number(number), limits: { maxDepth: Number(number) } }).diagnostics.some((d) => d.code === 'BS-OPTION'));
    }
    // JavaScript's own non-finite numbers become null in JSON: a type error, not a crash.
    const result = render(article({ image: { src: 'https://e.example/a.jpg', alt: '', width: Infinity, height: NaN } }));
    assert.ok(codes(result).includes('BS-TYPE'));
  });

  test('a 16 MB string meets the input limit; raised limits let it through', () => {
    const big = 'a'.repeat(16 * 1024 * 1024);
    const refused = render(article({ body: [{ type: 'paragraph', text: big }] }));
    assert.deepEqual(codes(refused), ['BS-LIMIT']);
    assert.equal(refused.diagnostics[0].path, '');
    const stringLimit = render(article({ body: [{ type: 'paragraph', text: big }] }), { limits: { maxInputBytes: 32 * 1024 * 1024 } });
    assert.ok(stringLimit.diagnostics.some((d) => d.code === 'BS-LIMIT' && d.path === '/body/0/text'));
    const bytes = render(new TextEncoder().encode(JSON.stringify(article({ body: [{ type: 'paragraph', text: big }] }))));
    assert.deepEqual(codes(bytes), ['BS-LIMIT']);
  });

  test('100,000 levels of nesting, 100,000 blocks, 10,000 analysts, 100,000 pull quotes', () => {
    assert.deepEqual(codes(render('['.repeat(100_000) + ']'.repeat(100_000))), ['BS-LIMIT']);
    assert.deepEqual(codes(render(`{"format":"broadsheet/article@1","headline":"H","body":${'[{"a":'.repeat(50_000)}`)), ['BS-LIMIT']);

    const blocks = render(article({ body: Array.from({ length: 100_000 }, () => ({ type: 'paragraph', text: 'p' })) }));
    assert.ok(blocks.diagnostics.some((d) => d.code === 'BS-LIMIT' && d.path === '/body'));
    assert.equal(blocks.html.split('<p>p</p>').length - 1, 10_000);

    const analysts = Array.from({ length: 10_000 }, (_, i) => ({ id: `a${i}`, name: `Analyst ${i}`, role: 'role' }));
    const people = render(article({ analysts, pullquotes: 'auto' }));
    assert.ok(people.diagnostics.some((d) => d.code === 'BS-LIMIT' && d.path === '/analysts'));
    const lifted = render(article({ analysts }), { limits: { maxPeople: 10_000 } });
    assert.equal(lifted.ok, true);
    assert.equal(lifted.meta.analysts.length, 10_000);

    const quotes = render(article({ body: Array.from({ length: 50 }, () => ({ type: 'paragraph', text: 'a b c' })),
      pullquotes: Array.from({ length: 100_000 }, () => ({ text: 'a b c' })) }));
    assert.ok(quotes.diagnostics.some((d) => d.code === 'BS-LIMIT' && d.path === '/pullquotes'));
  });

  test('8 MB of tags that are not strings: at most 201 diagnostics, and the article', () => {
    const tags = Array(4_150_000).fill(1);
    const result = render(article({ tags }), undefined, 30_000);
    assert.equal(result.diagnostics.length, 201);
    assert.equal(result.diagnostics.filter((d) => d.code === 'BS-TYPE').length, 200);
    const limit = result.diagnostics.find((d) => d.code === 'BS-LIMIT');
    assert.equal(limit.severity, 'warning');
    assert.equal(limit.path, '');
    assert.match(limit.message, /4149800 more/);
    assert.equal(result.ok, false);
    assert.match(result.html, /Words\./);
    const capped = render(article({ tags: [1, 2, 3] }), { limits: { maxDiagnostics: 1 } });
    assert.deepEqual(codes(capped), ['BS-LIMIT', 'BS-TYPE']);
  });

  test('7.5 MB of empty headings render as no heading at all', () => {
    // Five texts of a million bytes each, "#\n" escaped as three bytes of JSON.
    const body = Array.from({ length: 5 }, () => ({ type: 'markdown', text: '#\n'.repeat(500_000) }));
    const result = render(article({ body: [{ type: 'paragraph', text: 'Words.' }, ...body] }), undefined, 30_000);
    assert.equal(result.ok, true);
    // Each text is reported: its empty headings, or the line from which the tree budget left it out, or both.
    const count = (code) => result.diagnostics.filter((d) => d.code === code).length;
    assert.ok(count('BS-EMPTY-BLOCK') >= 1);
    assert.ok(count('BS-EMPTY-BLOCK') + count('BS-LIMIT') >= 5);
    assert.ok(result.html.length < 10_000, `${result.html.length} bytes of HTML`);
    assert.doesNotMatch(result.html, /<h2/);
  });

  test('limits.maxOutputBytes stops the HTML with an error', () => {
    const body = Array.from({ length: 2000 }, (_, i) => ({ type: 'paragraph', text: `Paragraph ${i} of many words.` }));
    const result = render(article({ body }), { limits: { maxOutputBytes: 10_000 } });
    assert.equal(result.ok, false);
    const limit = result.diagnostics.find((d) => d.code === 'BS-LIMIT');
    assert.equal(limit.severity, 'error');
    assert.ok(result.html.length < 11_000);
    assert.match(result.html, /<\/article>\n$/);
  });

  test("cmark's quadratic shapes come back as plain text, quickly", () => {
    for (const text of ['![[]()'.repeat(100_000), `${'>'.repeat(50_000)}${'a*'.repeat(50_000)}`, `${'- '.repeat(20_000)}x${'\n'.repeat(20_000)}`]) {
      const result = render(article({ body: [{ type: 'markdown', text }] }), undefined, 5_000);
      assert.equal(result.ok, true);
      assert.ok(result.diagnostics.some((d) => d.code === 'BS-LIMIT' && d.severity === 'warning'));
    }
  });
});
