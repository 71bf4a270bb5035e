// The JavaScript API (web/broadsheet.js) against the real WebAssembly core.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createRenderer, formatDiagnostic } from '../../web/broadsheet.js';
import { examplePath, exampleAnalysts, repoRoot } from '../helpers/paths.mjs';

const wasmPath = path.join(repoRoot, 'web', 'core', 'broadsheet-core.wasm');
const exampleText = readFileSync(examplePath, 'utf8');

/** A small valid article; `fields` override or add members. */
function article(fields = {}) {
  return {
    format: 'broadsheet/article@1',
    headline: 'A small headline',
    body: [{ type: 'paragraph', text: 'One paragraph of body text.' }],
    ...fields,
  };
}

const errorsOf = (result) => result.diagnostics.filter((d) => d.severity === 'error');
const DEFAULT_LIMIT = 8 * 1024 * 1024;
const MiB = 1024 * 1024;

/** An article of about 6.3 MB: seven paragraphs of 900 kB (under the 1 MiB string limit). */
function largeArticle() {
  const text = 'lorem '.repeat(150_000).trim();
  return article({ body: Array.from({ length: 7 }, () => ({ type: 'paragraph', text })) });
}

describe('createRenderer', () => {
  let renderer;
  before(async () => {
    renderer = await createRenderer();
  });

  test('renders the example article with all its parts', () => {
    const result = renderer.render(exampleText);
    assert.deepEqual(errorsOf(result), []);
    assert.equal(result.ok, true);
    assert.match(result.html, /class="bs-article"/);
    for (const part of ['bs-headline', 'bs-byline', 'bs-pullquote', 'bs-analysts', 'bs-cta']) {
      assert.ok(result.html.includes(part), `html has ${part}`);
    }
    for (const name of exampleAnalysts) assert.ok(result.html.includes(name), `html names ${name}`);
    assert.ok(result.css.length > 0, 'css is not empty');
    assert.equal(result.css, renderer.css);
    assert.ok(result.meta, 'meta is present');
    assert.match(result.meta.headline, /Russian Arms/);
    assert.equal(result.meta.analysts.length, 3);
    assert.ok(result.meta.wordCount > 100, `wordCount ${result.meta.wordCount}`);
  });

  test('has a version and a stylesheet', () => {
    assert.equal(typeof renderer.version, 'string');
    assert.ok(renderer.version.length > 0);
    assert.ok(renderer.css.includes('.bs-article'), 'stylesheet styles .bs-article');
  });

  test('malformed JSON gives BS-JSON-SYNTAX with a line and column; the renderer stays usable', () => {
    const broken = '{\n  "format": "broadsheet/article@1",\n  "headline": \n}\n';
    const result = renderer.render(broken);
    assert.equal(result.ok, false);
    const syntax = result.diagnostics.find((d) => d.code === 'BS-JSON-SYNTAX');
    assert.ok(syntax, `diagnostics: ${JSON.stringify(result.diagnostics)}`);
    assert.equal(syntax.severity, 'error');
    assert.ok(syntax.line > 0 && syntax.column > 0, `position ${syntax.line}:${syntax.column}`);
    assert.equal(syntax.line, 4, 'the error is where the value should have been');

    const again = renderer.render(exampleText);
    assert.equal(again.ok, true);
    assert.match(again.html, /class="bs-article"/);
  });

  test('columns count characters, not bytes or UTF-16 units', () => {
    const columns = ['abc', 'ééé', '😀😀😀'].map((text) => {
      const [syntax] = renderer.render(`{"a": "${text}", x}`).diagnostics;
      assert.equal(syntax.code, 'BS-JSON-SYNTAX');
      return syntax.column;
    });
    assert.deepEqual(columns, [columns[0], columns[0], columns[0]]);
  });

  test('object, string, Uint8Array, Buffer and ArrayBuffer inputs render the same', () => {
    const fromString = renderer.render(exampleText);
    const fromObject = renderer.render(JSON.parse(exampleText));
    const bytes = readFileSync(examplePath);
    const fromBuffer = renderer.render(bytes);
    const fromUint8Array = renderer.render(new Uint8Array(bytes));
    const fromArrayBuffer = renderer.render(new Uint8Array(bytes).buffer);
    for (const result of [fromObject, fromBuffer, fromUint8Array, fromArrayBuffer]) {
      assert.equal(result.ok, true);
      assert.equal(result.html, fromString.html);
    }
  });

  test('non-string, non-object input gives BS-INPUT without throwing', () => {
    for (const input of [42, undefined, null, true, Symbol('x'), () => {}, 10n]) {
      const result = renderer.render(input);
      assert.equal(result.ok, false, String(typeof input));
      assert.equal(result.html, '');
      assert.equal(result.meta, null);
      assert.equal(result.css, renderer.css);
      assert.deepEqual(result.diagnostics.map((d) => d.code), ['BS-INPUT']);
      assert.equal(renderer.validate(input).diagnostics[0].code, 'BS-INPUT');
    }
    const cyclic = article();
    cyclic.self = cyclic;
    assert.equal(renderer.render(cyclic).diagnostics[0].code, 'BS-INPUT');
    assert.equal(renderer.render(article(), 'standalone').diagnostics[0].code, 'BS-INPUT');
    assert.equal(renderer.render(article()).ok, true, 'still usable');
  });

  test('validate reports diagnostics without rendering', () => {
    const good = renderer.validate(exampleText);
    assert.deepEqual(good, { ok: true, diagnostics: good.diagnostics });
    assert.deepEqual(errorsOf(good), []);

    const bad = renderer.validate('{"format": "broadsheet/article@1", "headline": ');
    assert.equal(bad.ok, false);
    assert.equal(bad.diagnostics[0].code, 'BS-JSON-SYNTAX');

    const invalid = renderer.validate(article({ headline: undefined, format: 'something/else' }));
    assert.equal(invalid.ok, false);
    assert.ok(errorsOf(invalid).length > 0);
  });

  test('document errors are reported with JSON Pointer paths', () => {
    const result = renderer.render(article({ format: 'nope' }));
    assert.equal(result.ok, false);
    const error = errorsOf(result).find((d) => d.path === '/format');
    assert.ok(error, `diagnostics: ${JSON.stringify(result.diagnostics)}`);
    assert.match(error.code, /^BS-[A-Z0-9-]+$/);
  });

  test('options reach the core, after string and byte input alike', () => {
    const options = { headingLevel: 2, theme: 'dark', lang: 'kk' };
    for (const input of [article(), JSON.stringify(article()), new TextEncoder().encode(JSON.stringify(article()))]) {
      const result = renderer.render(input, options);
      assert.equal(result.ok, true, JSON.stringify(result.diagnostics));
      assert.match(result.html, /^<article class="bs-article" lang="kk"[^>]* data-theme="dark"/);
      // \s: the headline's last two words are bound by a no-break space (no widow).
      assert.match(result.html, /<h2 class="bs-headline">A small\sheadline<\/h2>/);
    }
    // A bad option is the caller's slip: a warning, and the default is used.
    const bad = renderer.render(article(), { theme: 'neon' });
    assert.equal(bad.ok, true);
    assert.deepEqual(bad.diagnostics.map((d) => [d.severity, d.code, d.path]), [['warning', 'BS-OPTION', '/theme']]);
    assert.match(bad.html, /data-theme="auto"/);
  });

  test('standalone gives a whole HTML document with the stylesheet inlined', () => {
    const result = renderer.render(exampleText, { standalone: true });
    assert.equal(result.ok, true);
    assert.match(result.html, /^<!DOCTYPE html>/i);
    assert.match(result.html, /<style[^>]*>/);
    assert.match(result.html, /class="bs-article"/);
    const fragment = renderer.render(exampleText);
    assert.doesNotMatch(fragment.html, /<!DOCTYPE/i);
  });

  test('script in the headline and body comes out escaped or dropped', () => {
    const result = renderer.render(article({
      headline: '<script>alert(1)</script> and <img src=x onerror=alert(2)>',
      standfirst: '"><script>alert(3)</script>',
      body: [
        { type: 'paragraph', text: '[click](javascript:alert(4)) <b onmouseover=alert(5)>x</b>' },
        { type: 'markdown', text: '<script>alert(6)</script>\n\n<iframe src="javascript:alert(7)"></iframe>' },
      ],
    }));
    assert.doesNotMatch(result.html, /<script/i);
    assert.doesNotMatch(result.html, /<img[^>]*onerror/i);
    assert.doesNotMatch(result.html, /<b[^>]*onmouseover/i);
    assert.doesNotMatch(result.html, /<iframe/i);
    assert.doesNotMatch(result.html, /href\s*=\s*["']?\s*javascript:/i);
  });

  test('non-ASCII text survives the trip through linear memory', () => {
    const headline = 'Қазақстан «тест» — naïve ☃ 😀 عربى';
    const result = renderer.render(article({ headline }));
    assert.equal(result.ok, true);
    // The headline's last two words are bound by a no-break space (no widow).
    assert.ok(result.html.replaceAll('\u00a0', ' ').includes(headline), result.html.slice(0, 400));
    assert.equal(result.meta.headline, headline);
  });

  test('a large document grows memory and still renders; small ones still work after it', () => {
    const word = 'lorem ';
    const text = word.repeat(150_000).trim(); // 900 kB, under the 1 MiB string limit
    const body = Array.from({ length: 7 }, () => ({ type: 'paragraph', text })); // 6.3 MB in all
    const result = renderer.render(article({ body }));
    assert.equal(result.ok, true, JSON.stringify(result.diagnostics.slice(0, 3)));
    assert.ok(result.html.length > 6_000_000);
    assert.ok(result.html.includes(word.repeat(1000)));
    assert.ok(result.meta.wordCount >= 7 * 150_000, `wordCount ${result.meta.wordCount}`);
    assert.equal(renderer.render(article()).ok, true);
  });

  test('documents over the size limit give BS-LIMIT, not a failure', () => {
    const result = renderer.render(article({ body: [{ type: 'paragraph', text: 'x'.repeat(9 * 1024 * 1024) }] }));
    assert.equal(result.ok, false);
    assert.ok(result.diagnostics.some((d) => d.code === 'BS-LIMIT'), JSON.stringify(result.diagnostics));
    assert.equal(renderer.render(article()).ok, true);
  });

  test('input over maxInputBytes is refused before it is copied into the core', async () => {
    const { default: realFactory } = await import('../../web/core/broadsheet-core.js');
    const copied = [];
    const moduleFactory = (args) => realFactory(args).then((core) => {
      const input = core._broadsheet_input;
      const counted = (length) => { copied.push(length); return input(length); };
      // A property the glue cannot overwrite: its export stubs replace themselves on first call.
      Object.defineProperty(core, '_broadsheet_input', { get: () => counted, set() {} });
      return core;
    });
    const counting = await createRenderer({ moduleFactory });
    const baseline = counting.memoryBytes;
    const limitCodes = (result) => result.diagnostics.filter((d) => d.code === 'BS-LIMIT').map((d) => d.message);

    // More UTF-16 code units than the limit allows bytes; fewer code units but more UTF-8 bytes (€ is 3);
    // bytes; and an article object, written out first.
    const overByUnits = counting.render('x'.repeat(DEFAULT_LIMIT + 1));
    assert.deepEqual(limitCodes(overByUnits), [`The document is at least ${DEFAULT_LIMIT + 1} bytes long; the limit is ${DEFAULT_LIMIT} bytes.`]);
    assert.deepEqual([overByUnits.ok, overByUnits.html, overByUnits.meta], [false, '', null]);
    const euros = `"${'€'.repeat(3_000_000)}"`;
    assert.ok(euros.length < DEFAULT_LIMIT);
    assert.deepEqual(limitCodes(counting.render(euros)), [`The document is 9000002 bytes long; the limit is ${DEFAULT_LIMIT} bytes.`]);
    assert.deepEqual(limitCodes(counting.validate(new Uint8Array(DEFAULT_LIMIT + 5))),
      [`The document is ${DEFAULT_LIMIT + 5} bytes long; the limit is ${DEFAULT_LIMIT} bytes.`]);
    assert.equal(limitCodes(counting.render(article({ body: 'x'.repeat(DEFAULT_LIMIT) }))).length, 1);
    assert.deepEqual(copied, [], 'nothing reached the core');
    assert.equal(counting.memoryBytes, baseline, 'and its memory did not grow');

    // Measured and placed as the core does (its native build reports these for the same bytes): a byte
    // order mark is not counted, and the position is the root value's first character.
    const marked = Buffer.concat([Buffer.from('\ufeff\r\n "'), Buffer.alloc(DEFAULT_LIMIT + 1, 'x'), Buffer.from('"')]);
    assert.deepEqual(counting.render(marked).diagnostics.map(({ message, line, column }) => ({ message, line, column })),
      [{ message: `The document is ${DEFAULT_LIMIT + 6} bytes long; the limit is ${DEFAULT_LIMIT} bytes.`, line: 2, column: 2 }]);
    const indented = counting.validate(`\n\n  "${'x'.repeat(DEFAULT_LIMIT)}"`).diagnostics[0];
    assert.deepEqual([indented.line, indented.column], [3, 3]);
    const atLimit = `\ufeff"${'x'.repeat(98)}"`; // 100 bytes after the mark
    assert.equal(limitCodes(counting.validate(atLimit, { limits: { maxInputBytes: 100 } })).length, 0);
    assert.equal(copied.length, 1, 'a document at the limit, with its mark, goes to the core');
    copied.length = 0;

    // The limit option is the one that counts; at the limit exactly, the core gets the document.
    const small = JSON.stringify(article());
    const bytes = Buffer.byteLength(small);
    assert.equal(counting.render(small, { limits: { maxInputBytes: bytes } }).ok, true);
    assert.equal(copied.length, 1);
    const refused = counting.render(`${small}é`, { limits: { maxInputBytes: bytes + 1 } });
    assert.deepEqual(limitCodes(refused), [`The document is ${bytes + 2} bytes long; the limit is ${bytes + 1} bytes.`]);
    assert.equal(copied.length, 1);
  });

  test('formatDiagnostic writes path line:column code message', () => {
    assert.equal(formatDiagnostic({ severity: 'error', code: 'BS-X', message: 'm', path: '/body/2', line: 3, column: 14 }),
      '/body/2 3:14 BS-X m');
    assert.equal(formatDiagnostic({ severity: 'error', code: 'BS-INPUT', message: 'bad', path: '', line: 0, column: 0 }),
      '/ 0:0 BS-INPUT bad');
  });
});

describe('loading options', () => {
  test('wasmBinary and wasmUrl load the core', async () => {
    const fromBinary = await createRenderer({ wasmBinary: readFileSync(wasmPath) });
    assert.equal(fromBinary.render(exampleText).ok, true);
    const fromUrl = await createRenderer({ wasmUrl: pathToFileURL(wasmPath) });
    assert.equal(fromUrl.render(exampleText).ok, true);
    const fromPath = await createRenderer({ wasmUrl: wasmPath });
    assert.equal(fromPath.version, fromUrl.version);
  });

  test('wasmUrl over HTTP: streamed with the wasm MIME type, compiled from bytes without it', async () => {
    const bytes = readFileSync(wasmPath);
    const server = createServer((request, response) => {
      if (request.url === '/missing.wasm') return response.writeHead(404).end();
      const type = request.url === '/core.wasm' ? 'application/wasm' : 'application/octet-stream';
      response.writeHead(200, { 'Content-Type': type }).end(bytes);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const base = `http://127.0.0.1:${server.address().port}`;
      for (const file of ['/core.wasm', '/mislabelled.wasm']) {
        const renderer = await createRenderer({ wasmUrl: new URL(file, base) });
        assert.equal(renderer.render(exampleText).ok, true, file);
      }
      await assert.rejects(createRenderer({ wasmUrl: `${base}/missing.wasm` }), /HTTP 404/);
    } finally {
      server.close();
    }
  });

  test('memory grown past memoryResetBytes returns to its baseline: the instance is replaced', async () => {
    const { default: realFactory } = await import('../../web/core/broadsheet-core.js');
    let instances = 0;
    const moduleFactory = (args) => { instances += 1; return realFactory(args); };
    const renderer = await createRenderer({ moduleFactory, memoryResetBytes: 16 * MiB });
    const baseline = renderer.memoryBytes;
    assert.ok(baseline > 0 && baseline <= 4 * MiB, `baseline ${baseline}`);
    assert.equal(renderer.render(article()).ok, true);
    assert.equal(renderer.memoryBytes, baseline, 'a small render does not grow memory');
    assert.equal(instances, 1);

    const large = renderer.render(largeArticle());
    assert.equal(large.ok, true, 'the large render itself is whole');
    assert.ok(large.html.length > 6_000_000);
    assert.equal(instances, 2, 'replaced at once (synchronously)');
    assert.equal(renderer.memoryBytes, baseline, 'back to the baseline');
    assert.equal(renderer.render(exampleText).ok, true, 'the fresh instance renders');
    assert.equal(renderer.render(largeArticle()).html, large.html, 'and renders the same');

    // Under the threshold (the default is 64 MiB), the grown instance is kept.
    const keeping = await createRenderer({ moduleFactory });
    instances = 0;
    keeping.render(largeArticle());
    assert.equal(instances, 0);
    assert.ok(keeping.memoryBytes > 16 * MiB && keeping.memoryBytes <= 64 * MiB, `grown to ${keeping.memoryBytes}`);
    await assert.rejects(createRenderer({ memoryResetBytes: 0 }), TypeError);
  });

  test('where an instance cannot be made synchronously, the grown one serves until its replacement is ready', async () => {
    const renderer = await createRenderer({ memoryResetBytes: 16 * MiB });
    const baseline = renderer.memoryBytes;
    const { Instance } = WebAssembly;
    // As on a browser's main thread that refuses synchronous instantiation of a large module.
    WebAssembly.Instance = function () { throw new RangeError('synchronous instantiation refused'); };
    try {
      assert.equal(renderer.render(largeArticle()).ok, true);
      assert.ok(renderer.memoryBytes > 16 * MiB, 'still the grown instance');
      assert.equal(renderer.render(article()).ok, true, 'which renders meanwhile');
    } finally {
      WebAssembly.Instance = Instance;
    }
    for (let turn = 0; turn < 100 && renderer.memoryBytes !== baseline; turn += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.equal(renderer.memoryBytes, baseline, 'replaced once ready');
    assert.equal(renderer.render(exampleText).ok, true);
  });

  test('a missing core rejects with a helpful message', async () => {
    await assert.rejects(createRenderer({ wasmUrl: path.join(repoRoot, 'no-such-core.wasm') }),
      /npm run build/);
  });

  test('after the core throws, the call reports BS-INTERNAL and a fresh instance takes over', async () => {
    const { default: realFactory } = await import('../../web/core/broadsheet-core.js');
    let instances = 0;
    let trapNext = false;
    const moduleFactory = (args) => {
      instances += 1;
      return realFactory(args).then((core) => {
        const render = core._broadsheet_render;
        core._broadsheet_render = (...callArgs) => {
          if (trapNext) {
            trapNext = false;
            throw new WebAssembly.RuntimeError('unreachable');
          }
          return render.apply(core, callArgs);
        };
        return core;
      });
    };
    const renderer = await createRenderer({ moduleFactory });
    assert.equal(instances, 1);

    trapNext = true;
    const failed = renderer.render(exampleText);
    assert.equal(failed.ok, false);
    assert.equal(failed.html, '');
    assert.deepEqual(failed.diagnostics.map((d) => d.code), ['BS-INTERNAL']);
    assert.match(failed.diagnostics[0].message, /RuntimeError/);
    assert.equal(instances, 2, 'a new instance was created');

    const next = renderer.render(exampleText);
    assert.equal(next.ok, true, 'the very next call works');
    assert.match(next.html, /class="bs-article"/);

    // Where the replacement cannot be made synchronously, calls say so until it is ready. (A turn
    // first, for moduleFactory's trap to be put on the new instance.)
    await new Promise((resolve) => setTimeout(resolve, 0));
    const { Instance } = WebAssembly;
    WebAssembly.Instance = function () { throw new RangeError('synchronous instantiation refused'); };
    try {
      trapNext = true;
      assert.deepEqual(renderer.render(exampleText).diagnostics.map((d) => d.code), ['BS-INTERNAL']);
      const waiting = renderer.render(exampleText);
      assert.match(waiting.diagnostics[0].message, /restarting/);
      assert.equal(renderer.memoryBytes, 0);
    } finally {
      WebAssembly.Instance = Instance;
    }
    for (let turn = 0; turn < 100 && renderer.memoryBytes === 0; turn += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.equal(renderer.render(exampleText).ok, true, 'then the new instance renders');
  });
});
