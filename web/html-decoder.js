// Decoding the core's HTML (UTF-8 bytes in linear memory) into a string, as fast as the platform allows.
//
// Node's TextDecoder, like V8's own UTF-8 decoder, takes about 15 times longer per byte once a text
// holds one character outside ASCII (a curly quote is enough): 96 µs for a 49 KB article with 146 of
// them, 650 µs for the same article in Cyrillic, against 7 µs in ASCII. Node's ICU transcoding to
// UTF-16 followed by a copy into a two-byte string takes 37 and 54 µs (docs/performance.md, "Decoding
// the HTML in Node"). Browsers have no such transcoder: web/broadsheet.js imports this module in Node only.

const decoder = new TextDecoder();
const decode = (bytes) => decoder.decode(bytes);
// A specifier in a variable, so that bundlers leave this Node built-in alone.
const NODE_BUFFER = 'node:buffer';
// Below this, the transcoder's fixed cost is more than TextDecoder's.
const TRANSCODE_FROM_BYTES = 1024;

/**
 * A function from UTF-8 bytes to the string TextDecoder makes of them (for every input: texts that
 * are not valid UTF-8, which the core never writes, and texts starting with a byte order mark, which
 * TextDecoder drops, go to TextDecoder itself).
 * @returns {Promise<(bytes: Uint8Array) => string>}
 */
export async function htmlDecoder() {
  const { isAscii, isUtf8, transcode } = await import(/* webpackIgnore: true */ /* @vite-ignore */ NODE_BUFFER);
  if (typeof transcode !== 'function' || typeof isAscii !== 'function' || typeof isUtf8 !== 'function') return decode;
  try {
    transcode(new Uint8Array([0xc3, 0xa9]), 'utf8', 'utf16le'); // a Node built without ICU throws
  } catch {
    return decode;
  }
  return (bytes) => {
    if (bytes.length < TRANSCODE_FROM_BYTES || bytes[0] === 0xef || isAscii(bytes) || !isUtf8(bytes)) return decode(bytes);
    return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
  };
}
