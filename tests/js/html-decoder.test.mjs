// web/html-decoder.js: in Node, texts outside ASCII are transcoded by ICU instead of TextDecoder; the
// string must be TextDecoder's for every input, valid UTF-8 or not.
import assert from 'node:assert/strict';
import { transcode } from 'node:buffer';
import { test } from 'node:test';
import { htmlDecoder } from '../../web/html-decoder.js';

const reference = new TextDecoder();

/** A deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Code points of every UTF-8 length: ASCII markup, Latin-1, curly quotes and dashes, Cyrillic and
// Kazakh, Arabic, CJK, the byte order mark, the last BMP character, emoji (surrogate pairs in UTF-16).
const SAMPLES = ['<p>', 'a', ' ', '&amp;', 'é', 'ß', '\u201c', '\u2014', 'ж', 'қ', 'ә', 'ب', '中', '\ufeff', '\uffff', '😀', '𝄞'];

function text(next, length) {
  let out = '';
  while (out.length < length) out += SAMPLES[Math.floor(next() * SAMPLES.length)];
  return out;
}

test('this Node can transcode, so the tests below exercise the transcoding path', () => {
  assert.equal(transcode(new Uint8Array([0xc3, 0xa9]), 'utf8', 'utf16le').toString('utf16le'), 'é');
});

test('valid UTF-8 of every length class decodes to what TextDecoder gives', async () => {
  const decode = await htmlDecoder();
  const next = random(19);
  const encoder = new TextEncoder();
  for (let i = 0; i < 2000; i += 1) {
    const bytes = encoder.encode(text(next, Math.floor(next() * 6000)));
    // Inside a larger buffer, as the core's results are views of linear memory.
    const memory = new Uint8Array(bytes.length + 64);
    memory.set(bytes, 32);
    const view = memory.subarray(32, 32 + bytes.length);
    assert.equal(decode(view), reference.decode(view), `case ${i}`);
  }
});

test('bytes that are not valid UTF-8, and a leading byte order mark, decode as TextDecoder decodes them', async () => {
  const decode = await htmlDecoder();
  const next = random(7);
  const encoder = new TextEncoder();
  for (let i = 0; i < 2000; i += 1) {
    const bytes = encoder.encode(text(next, 1024 + Math.floor(next() * 3000)));
    // Lone continuation bytes, truncated sequences, overlong forms, surrogates encoded in UTF-8, bytes never valid.
    const damage = [[0x80], [0xc3], [0xe2, 0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xf4, 0x90, 0x80, 0x80]];
    const broken = Uint8Array.from(bytes);
    if (i % 2) broken.set(damage[Math.floor(next() * damage.length)], Math.floor(next() * (bytes.length - 4)));
    const withMark = i % 3 === 0 ? Uint8Array.from([0xef, 0xbb, 0xbf, ...broken]) : broken;
    assert.equal(decode(withMark), reference.decode(withMark), `case ${i}`);
  }
});
