// The playground's pieces that need no browser, called from node: schema completion on half-typed JSON
// (web/playground/schema-completion.js) and the share link's encoding (web/playground/share.js). The
// browser-side behaviour is in playground.test.mjs; these pin the cases one by one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { jsonContextAt, schemaCompletions } from '../../web/playground/schema-completion.js';
import { decodeDraft, encodeDraft } from '../../web/playground/share.js';
import { repoRoot } from '../helpers/paths.mjs';

const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema', 'article.schema.json'), 'utf8'));
const blockTypes = schema.$defs.block.properties.type.enum;

/** The completions at the `|` of a text. */
function completionsAt(marked) {
  const pos = marked.indexOf('|');
  const context = jsonContextAt(marked.slice(0, pos) + marked.slice(pos + 1), pos);
  return { context, labels: schemaCompletions(schema, context).map((option) => option.label) };
}

describe('schema completion', () => {
  test('top-level member names: every member of the schema not yet present, required ones first', () => {
    const { context, labels } = completionsAt('{\n  "format": "broadsheet/article@1",\n  "hea|\n  "body": []\n}');
    assert.equal(context.role, 'key');
    assert.equal(context.prefix, 'hea');
    const expected = Object.keys(schema.properties).filter((name) => !['format', 'body'].includes(name));
    assert.deepEqual([...labels].sort(), [...expected].sort());
    assert.equal(labels[0], 'headline', 'the required member that is missing comes first');
  });

  test('a member name being typed, with its closing quote already there, is not counted as present', () => {
    const { labels } = completionsAt('{"headline": "h", "no|"}');
    assert.ok(labels.includes('note'));
    assert.ok(!labels.includes('headline'));
  });

  test('a block\'s members depend on its type, wherever the type is written', () => {
    assert.deepEqual(completionsAt('{"body": [{"type": "quote", "|"}]}').labels.sort(),
      ['attribution', 'by', 'dir', 'lang', 'text']);  // every block may carry its own lang and dir
    assert.deepEqual(completionsAt('{"body": [{"|": 1, "type": "list"}]}').labels.sort(), ['dir', 'items', 'lang', 'ordered']);
    assert.deepEqual(completionsAt('{"body": [{"type": "image", |}]}').labels.sort(),
      ['alt', 'caption', 'credit', 'dir', 'height', 'lang', 'sources', 'src', 'width']);
    assert.deepEqual(completionsAt('{"body": [{"type": "gallery", |}]}').labels.sort(), ['caption', 'credit', 'dir', 'images', 'lang']);
    assert.deepEqual(completionsAt('{"body": [{"type": "gallery", "images": [{|}]}]}').labels.sort(),
      ['alt', 'caption', 'credit', 'height', 'sources', 'src', 'width']);
  });

  test('nested objects: analysts, publisher, the lead image', () => {
    assert.deepEqual(completionsAt('{"analysts": [{"id": "a", "na|').labels.sort(),
      ['affiliation', 'honorific', 'name', 'role', 'url']);
    assert.deepEqual(completionsAt('{"publisher": {|}}').labels.sort(), ['name', 'url']);
    assert.ok(completionsAt('{"image": {"|').labels.includes('alt'));
  });

  test('values: block types, dir, format, pullquotes "auto", booleans', () => {
    assert.deepEqual(completionsAt('{"body": [{"type": "pu|"}]}').labels, blockTypes);
    assert.deepEqual(completionsAt('{"dir": |}').labels, schema.properties.dir.enum);
    assert.deepEqual(completionsAt('{"format": "|"}').labels, ['broadsheet/article@1']);
    assert.deepEqual(completionsAt('{"pullquotes": "a|"}').labels, ['auto']);
    assert.deepEqual(completionsAt('{"body": [{"type": "list", "ordered": t|}]}').labels, ['true', 'false']);
    assert.deepEqual(completionsAt('{"headline": "|"}').labels, [], 'free text: nothing to offer');
  });

  test('the token being typed is found whole: from its opening quote to its end', () => {
    const text = '{"body": [{"type": "pull"}]}';
    const context = jsonContextAt(text, text.indexOf('pull') + 2);
    assert.deepEqual({ kind: context.kind, from: context.from, to: context.to },
      { kind: 'string', from: text.indexOf('"pull"'), to: text.indexOf('"pull"') + 6 });
  });

  test('strings with escapes and brackets inside do not confuse the scan', () => {
    const { context, labels } = completionsAt('{"headline": "a \\" { [ b", "body": [{"text": "}]", "type": "note", "|"}]}');
    assert.deepEqual(context.frames.map((frame) => frame.segment), [null, 'body', 0]);
    assert.deepEqual(labels, ['lang', 'dir']); // a note has `text` and `type`, both present, and lang and dir
  });
});

describe('share links', () => {
  test('a draft survives the fragment unchanged: non-ASCII, long, and it shrinks', async () => {
    for (const file of ['examples/arabic-brief.json', 'examples/long-analysis.json', 'web/playground/samples/kk.json']) {
      const text = readFileSync(path.join(repoRoot, file), 'utf8');
      const fragment = await encodeDraft(text);
      assert.match(fragment, /^draft=[A-Za-z0-9_-]+$/);
      assert.ok(fragment.length < Buffer.byteLength(text), `${file}: ${fragment.length} < ${Buffer.byteLength(text)}`);
      assert.equal(await decodeDraft(`#${fragment}`), text, file);
    }
    assert.equal(await decodeDraft(`#${await encodeDraft('')}`), '');
  });

  test('no draft in the fragment is null; a damaged one is an error, not another text', async () => {
    assert.equal(await decodeDraft(''), null);
    assert.equal(await decodeDraft('#section-2'), null);
    const fragment = await encodeDraft(readFileSync(path.join(repoRoot, 'examples', 'arabic-brief.json'), 'utf8'));
    await assert.rejects(decodeDraft(`#${fragment.slice(0, 80)}`));
    await assert.rejects(decodeDraft('#draft=not base64!'));
  });
});
