// Visual regression: the seed, the long analysis and the right-to-left brief at 320, 768 and 1280 px
// in the light and dark themes, and the seed and the brief as printed, screenshot in headless
// Chromium and compared with the committed baselines in tests/quality/baselines/ using pixelmatch.
//
//   Threshold: pixelmatch's per-pixel threshold is 0.1 (its default; OKLab distance, 1 = black against
//   white) and anti-aliased pixels are ignored; a screenshot passes when at most 0.1% of its pixels
//   differ and it has the baseline's exact size (a page that grew or shrank has changed its layout).
//   Regenerate: `npm run baselines` (UPDATE_BASELINES=1 node --test tests/quality/visual.test.mjs),
//   after `npm run build`, then look at the gallery before committing the new PNGs.
//   Gallery: test-output/visual/index.html — every current screenshot beside its baseline, and a
//   diff image (NAME.diff.png, differing pixels in red) for every one that does not match.
//
// Deterministic: fonts are DejaVu (installed with Chromium's dependencies; scripts/setup.sh names
// them), animations and transitions are off, and every image request gets a local placeholder. The
// baselines are reduced to 216 colours (png-palette.mjs) to stay small, and the current screenshot is
// reduced the same way before the comparison. Screenshots are cut at 4000 CSS px tall (only the long
// analysis is taller), which keeps each baseline under 200 KB.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pixelmatch from 'pixelmatch';
import pngjs from 'pngjs';
import { repoRoot, testOutputDir } from '../helpers/paths.mjs';
import { encodeIndexedPng, quantize } from './png-palette.mjs';
import { DETERMINISTIC_CSS, EMBED_EXAMPLE, EXAMPLES, exampleText, hostPage, IMAGES_EXAMPLE, loadAllImages, NOTES_EXAMPLE, openOfflinePage, TABLES_EXAMPLE } from './support.mjs';

const { PNG } = pngjs;

const WIDTHS = [320, 768, 1280];
const THEMES = ['light', 'dark'];
const PRINT_WIDTH = 720; // an A4 page's text width at 96 px per inch
const MAX_HEIGHT = 4000;
const PIXEL_THRESHOLD = 0.1;
const MAX_DIFF_RATIO = 0.001;
const MAX_BASELINE_BYTES = 200 * 1024;
const MAX_TOTAL_BYTES = 3 * 1024 * 1024;

const update = process.env.UPDATE_BASELINES === '1';
const baselineDir = path.join(repoRoot, 'tests', 'quality', 'baselines');
// Pixels are only comparable within one browser release: the baselines record the Chromium major
// version that drew them, and another release skips the comparison (saying so) until they are
// regenerated, rather than failing on anti-aliasing that no change of ours caused.
const browserVersionFile = path.join(baselineDir, 'chromium-version.txt');
const majorVersion = (version) => String(version).split('.')[0];

function screenshotCases() {
  const cases = [];
  for (const example of EXAMPLES) {
    for (const theme of THEMES) {
      for (const width of WIDTHS) cases.push({ name: `${example.name}-${theme}-${width}`, example, theme, width, media: 'screen' });
    }
  }
  // Embed placeholders (issue 16), light at three widths and dark on a phone.
  for (const width of WIDTHS) cases.push({ name: `${EMBED_EXAMPLE.name}-light-${width}`, example: EMBED_EXAMPLE, theme: 'light', width, media: 'screen' });
  cases.push({ name: `${EMBED_EXAMPLE.name}-dark-320`, example: EMBED_EXAMPLE, theme: 'dark', width: 320, media: 'screen' });
  for (const example of [EXAMPLES[0], EXAMPLES[2]]) {
    cases.push({ name: `${example.name}-print`, example, theme: 'auto', width: PRINT_WIDTH, media: 'print' });
  }
  // Responsive images and a gallery (issue 16 point 2): the grid at one, two and three columns.
  for (const theme of THEMES) {
    for (const width of WIDTHS) cases.push({ name: `${IMAGES_EXAMPLE.name}-${theme}-${width}`, example: IMAGES_EXAMPLE, theme, width, media: 'screen' });
  }
  cases.push({ name: `${IMAGES_EXAMPLE.name}-print`, example: IMAGES_EXAMPLE, theme: 'auto', width: PRINT_WIDTH, media: 'print' });
  // Footnotes and sources (issue 16 point 4): three widths in light, one in dark, and print.
  for (const width of WIDTHS) cases.push({ name: `notes-light-${width}`, example: NOTES_EXAMPLE, theme: 'light', width, media: 'screen' });
  cases.push({ name: 'notes-dark-768', example: NOTES_EXAMPLE, theme: 'dark', width: 768, media: 'screen' });
  cases.push({ name: 'notes-print', example: NOTES_EXAMPLE, theme: 'auto', width: PRINT_WIDTH, media: 'print' });
  // Tables (issue 16): three widths light, a phone dark, print, and a dark standalone document
  // (the whole page, to show it has no white frame).
  for (const width of WIDTHS) cases.push({ name: `tables-light-${width}`, example: TABLES_EXAMPLE, theme: 'light', width, media: 'screen' });
  cases.push({ name: 'tables-dark-320', example: TABLES_EXAMPLE, theme: 'dark', width: 320, media: 'screen' });
  cases.push({ name: 'tables-print', example: TABLES_EXAMPLE, theme: 'auto', width: PRINT_WIDTH, media: 'print' });
  cases.push({ name: 'tables-standalone-dark-768', example: TABLES_EXAMPLE, theme: 'auto', width: 768, media: 'screen', standalone: true, scheme: 'dark' });
  return cases;
}

/** The fonts the pages name, with the styles the articles use. */
function missingFonts() {
  const installed = execFileSync('fc-list', [':', 'family', 'style'], { encoding: 'utf8' });
  const needed = [['DejaVu Serif', 'Book'], ['DejaVu Serif', 'Bold'], ['DejaVu Serif', 'Italic'], ['DejaVu Sans', 'Book'],
    ['DejaVu Sans', 'Bold'], ['DejaVu Sans Mono', 'Book']];
  return needed.filter(([family, style]) => !installed.split('\n').some((line) => line.startsWith(`${family}:`) && line.includes(style)))
    .map((pair) => pair.join(' '));
}

function galleryHtml(results) {
  const rows = results.map(({ name, status, detail }) => {
    const diff = status === 'different' ? `<figure><img src="${name}.diff.png" alt=""><figcaption>diff</figcaption></figure>` : '';
    return `<section><h2>${name}: ${status}</h2><p>${detail}</p>
<figure><img src="../../tests/quality/baselines/${name}.png" alt=""><figcaption>baseline</figcaption></figure>
<figure><img src="${name}.png" alt=""><figcaption>current</figcaption></figure>${diff}</section>`;
  }).join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Broadsheet visual regression</title>
<style>body{font:14px system-ui,sans-serif;margin:1em}section{border-top:1px solid #ccc}figure{display:inline-block;vertical-align:top;margin:0 1em 1em 0}
img{max-width:420px;border:1px solid #ccc}</style></head><body><h1>Broadsheet visual regression</h1>
<p>Threshold ${PIXEL_THRESHOLD} per pixel, at most ${MAX_DIFF_RATIO * 100}% of pixels different. Regenerate: <code>npm run baselines</code>.</p>
${rows}</body></html>\n`;
}

describe('visual regression (Chromium screenshots against committed baselines)', () => {
  let renderer;
  let browser;
  let page;
  let pageErrors;
  let otherBrowser = '';  // set when this Chromium's major version is not the baselines'
  const galleryDir = testOutputDir('visual');
  const results = [];

  before(async () => {
    ({ renderer, browser, page, pageErrors } = await openOfflinePage({ width: 1280, height: 900 }));
    for (const stale of readdirSync(galleryDir).filter((name) => name.endsWith('.png'))) rmSync(path.join(galleryDir, stale));
    if (update) {
      mkdirSync(baselineDir, { recursive: true });
      writeFileSync(browserVersionFile, `${majorVersion(browser.version())}\n`);
    } else if (existsSync(browserVersionFile)) {
      const recorded = readFileSync(browserVersionFile, 'utf8').trim();
      if (recorded !== majorVersion(browser.version())) {
        otherBrowser = `baselines were drawn by Chromium ${recorded}, this is ${browser.version()}: run npm run baselines`;
      }
    }
  });

  after(async () => {
    await browser?.close();
    writeFileSync(path.join(galleryDir, 'index.html'), galleryHtml(results));
  });

  test('the fonts the screenshots use are installed (scripts/setup.sh installs them)', () => {
    assert.deepEqual(missingFonts(), []);
  });

  for (const shot of screenshotCases()) {
    test(`${shot.name} matches its baseline`, async (t) => {
      if (otherBrowser) {
        t.skip(otherBrowser);
        return;
      }
      const { example, theme, width, media, standalone = false, scheme = theme === 'dark' ? 'dark' : 'light' } = shot;
      const { ok, html, css, meta } = renderer.render(exampleText(example), { ...example.options, theme, standalone });
      assert.ok(ok, `${example.file} renders`);
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ media, colorScheme: scheme, reducedMotion: 'reduce' });
      // A standalone document is the whole page, with only the fonts made deterministic.
      await page.setContent(standalone ? html.replace('</head>', `<style>${DETERMINISTIC_CSS}</style></head>`)
        : hostPage({ html, css, width, lang: meta.lang, dir: meta.dir }), { waitUntil: 'load' });
      await loadAllImages(page);
      await page.evaluate(() => document.fonts.ready);
      const height = Math.min(MAX_HEIGHT, await page.evaluate(() => document.documentElement.scrollHeight));
      const shotPng = await page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width, height }, animations: 'disabled', caret: 'hide' });
      writeFileSync(path.join(galleryDir, `${shot.name}.png`), shotPng);

      const current = PNG.sync.read(shotPng);
      quantize(current.data);
      const baselineFile = path.join(baselineDir, `${shot.name}.png`);
      if (update) {
        writeFileSync(baselineFile, encodeIndexedPng(current.width, current.height, current.data));
        results.push({ name: shot.name, status: 'baseline written', detail: `${current.width}×${current.height}` });
        return;
      }
      assert.ok(existsSync(baselineFile), `no baseline ${path.relative(repoRoot, baselineFile)}: run npm run baselines`);
      const baseline = PNG.sync.read(readFileSync(baselineFile));
      if (baseline.width !== current.width || baseline.height !== current.height) {
        const detail = `size ${current.width}×${current.height}, baseline ${baseline.width}×${baseline.height}`;
        results.push({ name: shot.name, status: 'resized', detail });
        assert.fail(`${shot.name}: the layout changed (${detail}); see test-output/visual/index.html, then npm run baselines if intended`);
      }
      const diff = new PNG({ width: current.width, height: current.height });
      const differing = pixelmatch(baseline.data, current.data, diff.data, current.width, current.height, { threshold: PIXEL_THRESHOLD });
      const ratio = differing / (current.width * current.height);
      const detail = `${differing} pixels differ (${(ratio * 100).toFixed(3)}%)`;
      if (ratio > MAX_DIFF_RATIO) {
        writeFileSync(path.join(galleryDir, `${shot.name}.diff.png`), PNG.sync.write(diff));
        results.push({ name: shot.name, status: 'different', detail });
        assert.fail(`${shot.name}: ${detail}, more than ${MAX_DIFF_RATIO * 100}%; see test-output/visual/${shot.name}.diff.png and index.html`);
      }
      results.push({ name: shot.name, status: 'matches', detail });
    });
  }

  test('the baselines stay small: each under 200 KB, all under 3 MB, none left over', () => {
    const expected = new Set(screenshotCases().map((shot) => `${shot.name}.png`));
    const files = readdirSync(baselineDir).filter((name) => name.endsWith('.png'));
    assert.deepEqual(files.filter((name) => !expected.has(name)), [], 'baselines of screenshots no test takes');
    let total = 0;
    for (const name of files) {
      const { size } = statSync(path.join(baselineDir, name));
      assert.ok(size < MAX_BASELINE_BYTES, `${name} is ${Math.round(size / 1024)} KB`);
      total += size;
    }
    assert.ok(total < MAX_TOTAL_BYTES, `baselines total ${Math.round(total / 1024)} KB`);
  });

  test('no console errors', () => {
    assert.deepEqual(pageErrors.filter((e) => !/ERR_FAILED|net::/.test(e)), []);
  });
});
