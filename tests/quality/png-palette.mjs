// Small committed screenshots: colours reduced to a fixed 6×6×6 cube (216 colours, the levels 0, 51,
// 102, 153, 204 and 255 per channel) and written as an indexed PNG (colour type 3), which is 4–5 times
// smaller than Chromium's RGB PNG of the same page. Layout, text and the theme's colours all survive;
// shades closer than one step (51) do not, which the visual comparison ignores anyway. pngjs reads
// these files back; it cannot write indexed PNGs, hence this writer.
import { deflateSync } from 'node:zlib';

const LEVELS = 6;
const STEP = 255 / (LEVELS - 1);

/** Maps every pixel of an RGBA buffer to the nearest colour of the cube (in place); alpha becomes 255. */
export function quantize(rgba) {
  for (let i = 0; i < rgba.length; i += 4) {
    rgba[i] = Math.round(Math.round(rgba[i] / STEP) * STEP);
    rgba[i + 1] = Math.round(Math.round(rgba[i + 1] / STEP) * STEP);
    rgba[i + 2] = Math.round(Math.round(rgba[i + 2] / STEP) * STEP);
    rgba[i + 3] = 255;
  }
  return rgba;
}

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(bytes) {
  let c = -1;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** An indexed PNG of an RGBA buffer already reduced by quantize(). */
export function encodeIndexedPng(width, height, rgba) {
  const palette = Buffer.alloc(LEVELS ** 3 * 3);
  for (let index = 0; index < LEVELS ** 3; index++) {
    palette[index * 3] = Math.round(Math.floor(index / LEVELS ** 2) * STEP);
    palette[index * 3 + 1] = Math.round((Math.floor(index / LEVELS) % LEVELS) * STEP);
    palette[index * 3 + 2] = Math.round((index % LEVELS) * STEP);
  }
  const rows = Buffer.alloc((width + 1) * height); // each row: filter type 0 (none), then the indices
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      const level = (value) => Math.round(value / STEP);
      rows[y * (width + 1) + 1 + x] = (level(rgba[p]) * LEVELS + level(rgba[p + 1])) * LEVELS + level(rgba[p + 2]);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per index
  header[9] = 3; // indexed colour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', palette),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
