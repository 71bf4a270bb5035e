// Issue 15 through the JavaScript API: the sample article with a Kazakh translation link and a
// correction (tests/fixtures/versions/), its markup and its JSON-LD as a consumer parses it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { repoRoot } from '../helpers/paths.mjs';

const sample = readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'versions', 'nbca-russian-arms-nato.json'), 'utf8');
const original = readFileSync(path.join(repoRoot, 'examples', 'nbca-russian-arms-nato.json'), 'utf8');
let renderer;
before(async () => {
  renderer = await createRenderer();
});

test('the sample article with versions renders without diagnostics; the article itself is unchanged', () => {
  const result = renderer.render(sample);
  assert.equal(result.ok, true);
  assert.deepEqual(result.diagnostics, []);
  const plain = renderer.render(original);
  // Same body, same meta but the fixture's own id (corrections are not counted as words); only the
  // switcher and the block are new.
  assert.deepEqual({ ...result.meta, id: plain.meta.id }, plain.meta);
  const withoutNew = result.html
    .replace(/<nav class="bs-translations"[\s\S]*?<\/nav>\n/, '')
    .replace(/<div class="bs-corrections">[\s\S]*?<\/div>\n(?=<aside class="bs-note">)/, '');
  assert.equal(withoutNew, plain.html);
});

test('the language switcher links the Kazakh and Russian versions, each named in itself', () => {
  const { html } = renderer.render(sample);
  const nav = /<nav class="bs-translations"[\s\S]*?<\/nav>/.exec(html)?.[0];
  assert.ok(nav, html);
  assert.match(nav, /aria-label="Also in"/);
  assert.match(nav, /<a class="bs-translation" href="https:\/\/iwpr\.net\/kk\/global-voices\/reliance-russian-arms-wont-hamper-nato-ties" rel="alternate" hreflang="kk" lang="kk" dir="ltr">қазақ тілі<\/a>/);
  assert.match(nav, /hreflang="ru" lang="ru" dir="ltr">русский<\/a>/);
  // In the header, after the date line.
  assert.ok(html.indexOf('<nav class="bs-translations"') > html.indexOf('<p class="bs-meta">'));
  assert.ok(html.indexOf('<nav class="bs-translations"') < html.indexOf('</header>'));
});

test('the correction and the update follow the body, before the editor\'s note, with their dates', () => {
  const { html } = renderer.render(sample);
  const block = /<div class="bs-corrections">[\s\S]*?\n<\/div>\n/.exec(html)?.[0];
  assert.ok(block);
  assert.ok(html.indexOf(block) > html.indexOf('<div class="bs-body">') && html.indexOf(block) < html.indexOf('<aside class="bs-note">'));
  assert.match(block, /bs-correction--correction"><h2 class="bs-correction-title"><span class="bs-correction-label">Correction<\/span> <time class="bs-correction-date" datetime="2007-02-21">February 21, 2007<\/time><\/h2>/);
  assert.match(block, /bs-correction--update"><h2 class="bs-correction-title"><span class="bs-correction-label">Update<\/span> <time class="bs-correction-date" datetime="2007-02-22T10:15\+06:00">February 22, 2007<\/time><\/h2>/);
  assert.match(block, /<a href="https:\/\/iwpr\.net\/" rel="noopener">NBCentralAsia<\/a>/);
  // Rendered in Kazakh, the labels and dates are Kazakh.
  const kazakh = renderer.render(sample, { lang: 'kk' }).html;
  assert.match(kazakh, />Түзету<\/span> <time class="bs-correction-date" datetime="2007-02-21">2007\u202Fж. 21 ақпан<\/time>/);
  assert.match(kazakh, /aria-label="Басқа тілдерде:"/);
});

test('JSON-LD: workTranslation and the correction, as a consumer parses them', () => {
  const { html } = renderer.render(sample, { standalone: true });
  const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
  const data = JSON.parse(json);
  assert.deepEqual(data.workTranslation, [
    {
      '@type': 'NewsArticle',
      url: 'https://iwpr.net/kk/global-voices/reliance-russian-arms-wont-hamper-nato-ties',
      inLanguage: 'kk',
      headline: 'Ресей қаруына тәуелділік НАТО-мен байланысқа кедергі емес',
    },
    { '@type': 'NewsArticle', url: 'https://iwpr.net/ru/global-voices/reliance-russian-arms-wont-hamper-nato-ties', inLanguage: 'ru' },
  ]);
  assert.deepEqual(data.correction, [{
    '@type': 'CorrectionComment',
    text: 'An earlier version of this article misspelt the name of the Kazakstan Defence Ministry’s NATO liaison office.',
    datePublished: '2007-02-21',
  }]);
  assert.equal(data.translationOfWork, undefined);
  const translated = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(renderer.render(
    { ...JSON.parse(sample), lang: 'kk', translations: [], translationOf: { lang: 'en', url: 'https://iwpr.net/en/x' } },
    { standalone: true }).html)[1]);
  assert.deepEqual(translated.translationOfWork, { '@type': 'NewsArticle', url: 'https://iwpr.net/en/x', inLanguage: 'en' });
});
