// The head tags (issue 15, point 2) judged by the Nu Html Checker: put into a host page's <head> as
// renderer.headTags() gives them, with the article's fragment (and its provenance line) in the body,
// and as a standalone document's head; for the syndicated sample in English, Russian, Kazakh and
// Arabic, a licence URL, an image and tags, and an article whose every value tries to break out.
// Zero errors. (The same documents' JSON-LD is parsed in tests/js/head-tags.test.mjs.) The documents
// are left in test-output/quality/head-tags/.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { repoRoot, testOutputDir } from '../helpers/paths.mjs';

const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));
const javaCommand = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
const sample = JSON.parse(readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'syndication', 'nbca-syndicated.json'), 'utf8'));

/** Variants of the syndicated sample: name -> article. */
function articles() {
  const hostile = '"><script>alert(1)</script>\'</title><!-- & \u2028';
  return {
    sample,
    russian: { ...sample, lang: 'ru-RU' },
    kazakh: { ...sample, lang: 'kk-KZ' },
    arabic: { ...sample, lang: 'ar', dir: 'rtl' },
    // The sample with its Kazakh and Russian versions: hreflang alternates and og:locale:alternate.
    'with-translations': {
      ...sample,
      translations: [
        { lang: 'kk', url: 'https://iwpr.net/kk/global-voices/reliance', headline: 'Ресей қаруына тәуелділік НАТО-мен байланысқа кедергі емес' },
        { lang: 'ru', url: 'https://iwpr.net/ru/global-voices/reliance' },
      ],
    },
    'license-url-image-tags': {
      ...sample,
      tags: ['Kazakhstan', 'NATO', 'Arms'],
      image: { src: 'https://images.example/lead.jpg', alt: 'A parade', width: 1600, height: 900 },
      syndication: { ...sample.syndication, license: 'https://iwpr.net/republishing-terms?x=1&y=2' },
    },
    hostile: {
      ...sample,
      headline: hostile,
      standfirst: hostile,
      section: hostile,
      tags: [hostile],
      publisher: { name: hostile, url: 'https://steppe.example/' },
      syndication: { ...sample.syndication, source: { name: hostile, url: 'https://iwpr.net/' }, attribution: hostile,
        originalUrl: `https://iwpr.net/a?q=${encodeURIComponent(hostile)}` },
    },
  };
}

function hostPage(head, fragment, lang) {
  return `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<title>Host page</title>\n${head}</head>\n` +
    `<body>\n<main>\n${fragment}</main>\n</body>\n</html>\n`;
}

function runVnu(files) {
  return new Promise((resolve, reject) => {
    execFile(javaCommand, ['-Xss8m', '-jar', vnuJar, '--format', 'json', '--stdout', '--exit-zero-always', '--no-langdetect', ...files],
      { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => (error ? reject(new Error(`vnu did not run: ${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout))));
  });
}

test('head tags in a host page and in standalone documents: valid HTML (Nu Html Checker)', async (t) => {
  const renderer = await createRenderer();
  const outDir = testOutputDir('quality', 'head-tags');
  const files = [];
  for (const [name, article] of Object.entries(articles())) {
    const head = renderer.headTags(article);
    assert.match(head, /^<link rel="canonical" /, name);
    const { html, meta } = renderer.render(article);
    assert.match(html, /class="bs-provenance"/, name);
    const hostFile = path.join(outDir, `${name}.host.html`);
    writeFileSync(hostFile, hostPage(head, html, meta.lang));
    const standaloneFile = path.join(outDir, `${name}.standalone.html`);
    writeFileSync(standaloneFile, renderer.render(article, { standalone: true }).html);
    files.push(hostFile, standaloneFile);
  }
  const report = await runVnu(files);
  const problems = report.messages
    .filter((message) => message.type === 'error')
    // vnu's CSS checker predates container queries (see html-validity.test.mjs): only those are set aside.
    .filter((message) => !/^CSS: (“container-(type|name)”|Unrecognized at-rule “@container”|“[a-z-]+”: Parse Error\.)/.test(message.message))
    .map((message) => `${path.basename(new URL(message.url).pathname)}:${message.lastLine}: ${message.message}`);
  assert.deepEqual(problems, []);
  t.diagnostic(`vnu: ${files.length} documents, 0 errors`);
});
