// Layout shift of an embed in the first viewport, measured in Chromium: a partner page with some text,
// the snippet, then more of the partner's content; the module script (embed.js) arrives 700 ms late. A
// `layout-shift` PerformanceObserver (buffered, shifts after input left out) adds up every shift until
// the element's update is complete and the page has settled. That sum is at least the page's CLS (which
// only counts the worst burst of shifts), so holding the sum to 0.05 holds CLS to 0.05 too.
//
// The recommended snippet (`broadsheet embed`, web/embed-snippet.js) must stay at or under 0.05 at
// 375x667 and 1280x800 for the three examples and for a short brief (shorter than a viewport: the case a
// fixed reservation gets wrong). Two others are measured for the record: the naive
// snippet (the element with only `src`), and the same with a `:not(:defined)` rule that reserves one
// viewport height before the module arrives. test-output/layout-shift/cls.json has every figure, and
// docs/embed.md the results.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { embedSnippet } from '../../web/embed-snippet.js';
import { launchChromium } from '../helpers/browser.mjs';
import { repoRoot, testOutputDir } from '../helpers/paths.mjs';
import { DETERMINISTIC_CSS, EXAMPLES } from '../quality/support.mjs';
import { startLoggingServer } from './support.mjs';

const MODULE_DELAY_MS = 700;
const CLS_LIMIT = 0.05;
const VIEWPORTS = [{ width: 375, height: 667 }, { width: 1280, height: 800 }];
const outputDir = testOutputDir('layout-shift');
const SHORT_BRIEF = {
  name: 'short',
  file: 'short-brief.json',
  text: JSON.stringify({
    format: 'broadsheet/article@1',
    headline: 'Ferry timetable changes from Monday',
    standfirst: 'Two early crossings are cancelled while the harbour wall is repaired.',
    body: 'The 06:10 and 06:40 sailings will not run for three weeks.\n\nAll other crossings keep their times.',
  }, null, 2),
};
const ARTICLES = [
  ...EXAMPLES.map((example) => ({ ...example, text: readFileSync(path.join(repoRoot, 'examples', example.file), 'utf8') })),
  SHORT_BRIEF,
];

/** A partner's page: a header and a paragraph, the snippet, then enough of its own content to scroll. */
function hostPage(snippet) {
  const more = Array.from({ length: 12 }, (_, i) => `<h2>More from the partner, ${i + 1}</h2>
<p>The partner's own story continues here, with a few lines of text that a reader sees move if the
embed above it changes its height while the page is being read.</p>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partner page</title><link rel="icon" href="data:,">
<style>${DETERMINISTIC_CSS}
body { font: 18px/1.5 "DejaVu Sans", sans-serif; color: #222 }
main { max-width: 760px; margin: 0 auto; padding: 0 16px }
</style></head>
<body><main>
<h1>Partner News</h1>
<p>Our partner's introduction to the syndicated article below.</p>
${snippet}
${more}
</main></body></html>
`;
}

/** The sizes the article declares for its images, so that the placeholder served for each matches it. */
function declaredImageSizes(article) {
  const sizes = new Map();
  for (const image of [article.image, ...(Array.isArray(article.body) ? article.body : [])]) {
    if (image?.src && image.width && image.height) sizes.set(image.src, image);
  }
  return sizes;
}

/**
 * In the page, before anything else: adds up layout shifts (leaving out those after input, as CLS does)
 * and notes when the element's module defined it.
 */
function recordLayoutShifts() {
  const recorded = { sum: 0, shifts: [], definedAt: null };
  Object.defineProperty(window, '__layoutShift', { value: recorded });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      recorded.sum += entry.value;
      recorded.shifts.push({
        value: entry.value,
        at: Math.round(entry.startTime),
        sources: entry.sources.map((source) => source.node?.nodeName ?? '?'),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  customElements.whenDefined('broadsheet-article').then(() => { recorded.definedAt = performance.now(); });
}

describe('layout shift of an embed in the first viewport, module 700 ms late', () => {
  let site;
  let browser;
  let renderer;
  const figures = [];

  before(async () => {
    [site, browser, renderer] = await Promise.all([startLoggingServer(), launchChromium(), createRenderer()]);
  });

  after(async () => {
    writeFileSync(path.join(outputDir, 'cls.json'), `${JSON.stringify(figures, null, 2)}\n`);
    await browser?.close();
    await site?.close();
  });

  /** The two snippets for an example, written as host pages under test-output/layout-shift/. */
  function writePages(example) {
    const { text } = example;
    writeFileSync(path.join(outputDir, example.file), text);
    const script = `${site.baseUrl}/web/embed.js`;
    const src = `${site.baseUrl}/test-output/layout-shift/${example.file}`;
    const recommended = embedSnippet(renderer, text, { script, src });
    assert.equal(recommended.ok, true, JSON.stringify(recommended.diagnostics));
    assert.deepEqual(recommended.warnings, [], 'the articles declare the size of every image');
    const naive = `<script type="module" src="${script}"></script>\n<broadsheet-article src="${src}"></broadsheet-article>`;
    const snippets = {
      naive,
      undefinedRule: `<style>broadsheet-article:not(:defined) { display: block; min-height: 100vh }</style>\n${naive}`,
      recommended: recommended.snippet,
    };
    const pages = {};
    for (const [variant, snippet] of Object.entries(snippets)) {
      writeFileSync(path.join(outputDir, `${variant}-${example.name}.html`), hostPage(snippet));
      pages[variant] = `${site.baseUrl}/test-output/layout-shift/${variant}-${example.name}.html`;
    }
    return { pages, imageSizes: declaredImageSizes(JSON.parse(text)) };
  }

  /** Opens a host page at a viewport and returns the sum of its layout shifts once the embed has settled. */
  async function measure(url, viewport, imageSizes) {
    const page = await browser.newPage({ viewport });
    try {
      await page.addInitScript(recordLayoutShifts);
      await page.route('**/*', async (route) => {
        const request = route.request();
        const requested = new URL(request.url());
        if (requested.origin === site.baseUrl) {
          if (requested.pathname === '/web/embed.js') await new Promise((resolve) => setTimeout(resolve, MODULE_DELAY_MS));
          return route.continue();
        }
        // The articles' images, served here: a flat picture of the size the article declares.
        if (request.resourceType() === 'image') {
          const { width = 4, height = 3 } = imageSizes.get(request.url()) ?? {};
          const body = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
            `<rect width="${width}" height="${height}" fill="#9a958c"/></svg>`;
          return route.fulfill({ status: 200, contentType: 'image/svg+xml', body });
        }
        return route.abort();
      });
      await page.goto(url);
      const element = page.locator('broadsheet-article');
      assert.ok((await element.boundingBox()).y < viewport.height / 2, 'the element starts in the first viewport');
      await page.waitForFunction(() => window.__layoutShift.definedAt !== null);
      const shown = await element.evaluate((node) => node.updateComplete);
      assert.equal(shown, true, 'the article is shown');
      // Settle: the images the article shows have loaded, then two frames and a pause for late shifts.
      await element.evaluate(async (node) => {
        await Promise.all([...node.shadowRoot.querySelectorAll('img')].filter((img) => img.loading !== 'lazy' ||
          img.getBoundingClientRect().top < innerHeight).map((img) => img.decode().catch(() => {})));
        for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      const recorded = await page.evaluate(() => window.__layoutShift);
      assert.ok(recorded.definedAt >= MODULE_DELAY_MS, `the module arrived late (${recorded.definedAt} ms)`);
      const state = await element.evaluate((node) => node.state);
      return { ...recorded, state };
    } finally {
      await page.close();
    }
  }

  for (const example of ARTICLES) {
    for (const viewport of VIEWPORTS) {
      test(`${example.name} at ${viewport.width}x${viewport.height}: CLS ≤ ${CLS_LIMIT} with the recommended snippet`, async (t) => {
        const { pages, imageSizes } = writePages(example);
        const naive = await measure(pages.naive, viewport, imageSizes);
        const undefinedRule = await measure(pages.undefinedRule, viewport, imageSizes);
        const recommended = await measure(pages.recommended, viewport, imageSizes);
        const round = (value) => Number(value.toFixed(4));
        figures.push({
          article: example.file,
          viewport: `${viewport.width}x${viewport.height}`,
          naive: round(naive.sum),
          undefinedRule: round(undefinedRule.sum),
          recommended: round(recommended.sum),
          shifts: { naive: naive.shifts, undefinedRule: undefinedRule.shifts, recommended: recommended.shifts },
        });
        t.diagnostic(`layout shift: naive ${naive.sum.toFixed(4)}, :not(:defined) 100vh ` +
          `${undefinedRule.sum.toFixed(4)}, recommended ${recommended.sum.toFixed(4)}`);
        assert.equal(recommended.state, 'rendered', 'the element hydrated');
        assert.ok(recommended.sum <= CLS_LIMIT,
          `layout shift ${recommended.sum.toFixed(4)} > ${CLS_LIMIT}: ${JSON.stringify(recommended.shifts)}`);
      });
    }
  }
});
