// Responsive images in Chromium (issue 16 point 2): tests/fixtures/rich/images.json (a lead image, an
// image block and a gallery, each with sources, width and height) as a standalone document at 320, 768
// and 1280px. Every image is a real PNG of the width its URL names, made here, and answered 800 ms late.
//
// - No layout shift: a `layout-shift` PerformanceObserver adds up every shift while the page loads, is
//   scrolled to the end (the lazy images load) and every image has arrived; the sum must be 0. The
//   boxes are reserved from width/height before a byte of any image arrives.
// - The browser picks a candidate from srcset fit for the width the image is shown at: the smallest
//   candidate at least as wide as the box, or the one below it when Chromium's geometric-mean rule
//   takes that one (never a smaller one, never a larger one).
// - The lead image is requested eagerly and first-priority; the others lazily.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { launchChromium } from '../helpers/browser.mjs';
import { repoRoot, testOutputDir } from '../helpers/paths.mjs';

const FIXTURE = path.join(repoRoot, 'tests', 'fixtures', 'rich', 'images.json');
const ORIGIN = 'http://127.0.0.1:9';  // never contacted: every request is answered by the test
const PAGE_URL = `${ORIGIN}/rich/images.html`;
const IMAGE_DELAY_MS = 800;
const VIEWPORTS = [320, 768, 1280];
const outputDir = testOutputDir('responsive-images');

// ── PNGs ─────────────────────────────────────────────────────────────────────────────────────────────

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A width x height RGB PNG: a flat colour with a darker band, so it is a real picture to decode. */
export function png(width, height, [r, g, b]) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);  // 8 bits per channel, RGB, no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const band = y > height * 0.6 ? 0.7 : 1;
    for (let x = 0; x < width; x++) rows.set([r * band, g * band, b * band].map(Math.round), y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Every image URL of the article -> its PNG: as wide as the URL's candidate, at the image's proportions. */
function imagesOf(article) {
  const images = [article.image];
  for (const block of article.body) {
    if (block.type === 'image') images.push(block);
    if (block.type === 'gallery') images.push(...block.images);
  }
  const files = new Map();
  const colours = [[154, 149, 140], [94, 129, 172], [163, 22, 43], [80, 140, 90]];
  images.forEach((image, index) => {
    const candidates = [{ src: image.src, width: image.width }, ...(image.sources ?? [])];
    for (const { src, width } of candidates) {
      const height = Math.round((width * image.height) / image.width);
      files.set(new URL(src, PAGE_URL).href, png(width, height, colours[index % colours.length]));
    }
  });
  return files;
}

// ── In the page ──────────────────────────────────────────────────────────────────────────────────────

function recordLayoutShifts() {
  const recorded = { sum: 0, shifts: [] };
  Object.defineProperty(window, '__layoutShift', { value: recorded });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      recorded.sum += entry.value;
      recorded.shifts.push({ value: entry.value, at: Math.round(entry.startTime),
        sources: entry.sources.map((source) => source.node?.nodeName ?? '?') });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** Scrolls to the end and back (lazy images start), waits for every image, then two frames and a pause. */
async function loadEverything() {
  for (let y = 0; y <= document.documentElement.scrollHeight; y += innerHeight / 2) {
    scrollTo(0, y);
    await new Promise(requestAnimationFrame);
  }
  const images = [...document.images];
  await Promise.all(images.map((img) => (img.complete ? null : new Promise((resolve) => {
    img.addEventListener('load', resolve, { once: true });
    img.addEventListener('error', resolve, { once: true });
  }))));
  for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
  await new Promise((resolve) => setTimeout(resolve, 300));
  return images.map((img) => ({
    src: img.getAttribute('src'),
    currentSrc: img.currentSrc,
    naturalWidth: img.naturalWidth,
    shownWidth: img.getBoundingClientRect().width,
    srcset: img.getAttribute('srcset'),
    loading: img.loading,
    fetchPriority: img.fetchPriority,
  }));
}

// ── Tests ────────────────────────────────────────────────────────────────────────────────────────────

/** The candidates the browser may fairly pick for a box `needed` device pixels wide. */
function fitCandidates(srcset, needed) {
  const candidates = srcset.split(/,\s+/).map((entry) => {
    const [url, descriptor] = entry.trim().split(/\s+/);
    return { url, width: Number.parseInt(descriptor, 10) };
  }).sort((a, b) => a.width - b.width);
  let index = candidates.findIndex((candidate) => candidate.width >= needed);
  if (index < 0) index = candidates.length - 1;
  const fit = [candidates[index]];
  // Chromium takes the candidate below when the geometric mean of the two densities exceeds the need.
  if (index > 0 && Math.sqrt(candidates[index - 1].width * candidates[index].width) > needed) fit.push(candidates[index - 1]);
  return fit;
}

describe('responsive images: no layout shift and a fitting candidate, images 800 ms late', () => {
  let browser;
  let html;
  let files;

  before(async () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const renderer = await createRenderer();
    const result = renderer.render(text, { standalone: true });
    assert.equal(result.ok, true);
    assert.deepEqual(result.diagnostics, [], 'every image has its size');
    html = result.html;
    writeFileSync(path.join(outputDir, 'images.html'), html);
    files = imagesOf(JSON.parse(text));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  for (const width of VIEWPORTS) {
    test(`${width}px wide: CLS 0 and every image from a candidate that fits its box`, async (t) => {
      const page = await browser.newPage({ viewport: { width, height: 800 }, deviceScaleFactor: 1 });
      const requested = [];
      try {
        await page.addInitScript(recordLayoutShifts);
        await page.route('**/*', async (route) => {
          const url = route.request().url();
          if (url === PAGE_URL) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
          const body = files.get(url);
          if (!body) return route.fulfill({ status: 404, body: '' });
          requested.push(new URL(url).pathname);
          await new Promise((resolve) => setTimeout(resolve, IMAGE_DELAY_MS));
          return route.fulfill({ status: 200, contentType: 'image/png', body });
        });
        await page.goto(PAGE_URL);
        const images = await page.evaluate(loadEverything);
        const recorded = await page.evaluate(() => window.__layoutShift);
        t.diagnostic(`requests: ${requested.join(' ')}`);
        t.diagnostic(`chosen: ${images.map((i) => `${new URL(i.currentSrc).pathname} for ${Math.round(i.shownWidth)}px`).join(', ')}`);

        assert.equal(images.length, 6, 'the lead, the map and four gallery images');
        assert.equal(recorded.sum, 0, `layout shifts: ${JSON.stringify(recorded.shifts)}`);
        assert.equal(images[0].loading, 'eager');
        assert.equal(images[0].fetchPriority, 'high');
        assert.ok(images.slice(1).every((image) => image.loading === 'lazy'));
        assert.match(requested[0], /^\/rich\/images\/lead-/, 'the lead image is requested first');
        for (const image of images) {
          assert.ok(image.naturalWidth > 0, `${image.currentSrc} loaded`);
          const fit = fitCandidates(image.srcset, image.shownWidth);
          const chosen = new URL(image.currentSrc).href;
          assert.ok(fit.some((candidate) => new URL(candidate.url, PAGE_URL).href === chosen),
            `${image.src} shown ${image.shownWidth}px wide: chose ${chosen}, expected one of ${fit.map((c) => c.url).join(', ')}`);
        }
        // The gallery is a grid where the container allows (2 columns from a 420px content box, 3 from
        // 700px); the lead image is as wide as that box.
        const box = images[0].shownWidth;
        const columns = box >= 700 ? 3 : box >= 420 ? 2 : 1;
        if (width === 320) assert.equal(columns, 1, 'one column on a phone');
        if (width === 1280) assert.equal(columns, 3, 'three columns on a wide screen');
        const cell = images[2].shownWidth;
        assert.ok(Math.abs(cell * columns - images[0].shownWidth) < 14 * columns,
          `${columns} gallery columns: a cell is ${cell}px of a ${images[0].shownWidth}px column`);
        // Only the candidates chosen were fetched: one request per image.
        assert.equal(requested.length, images.length, `requests: ${requested.join(' ')}`);
      } finally {
        await page.close();
      }
    });
  }
});
