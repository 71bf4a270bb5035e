// Head tags for the host page (issue 15, point 2): renderer.headTags(), meta.head (the headTags render
// option, and server-side rendering) and the standalone document's head come from one emitter; the
// JSON-LD they carry states a syndicated article's provenance and licence; every value stays in its
// context. (Nu checker on a page with the tags: tests/quality/head-tags.test.mjs.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { renderElementHTML } from '../../web/ssr.js';
import { examplePath, repoRoot } from '../helpers/paths.mjs';

const syndicatedPath = path.join(repoRoot, 'tests', 'fixtures', 'syndication', 'nbca-syndicated.json');
const syndicated = readFileSync(syndicatedPath, 'utf8');
const seed = readFileSync(examplePath, 'utf8');

/** The JSON-LD object of a string of head tags. */
function jsonLd(head) {
  const match = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(head);
  assert.ok(match, 'a JSON-LD script');
  return JSON.parse(match[1]);
}

/** The content of each <meta> by its name or property, in order: name -> [content]. */
function metaTags(head) {
  const tags = new Map();
  for (const [, , key, content] of head.matchAll(/<meta (name|property)="([^"]+)" content="([^"]*)">/g)) {
    tags.set(key, [...(tags.get(key) ?? []), content]);
  }
  return tags;
}

describe('head tags', () => {
  let renderer;
  before(async () => { renderer = await createRenderer(); });

  test('headTags() is meta.head of a render with headTags, and the standalone head holds the same', () => {
    const head = renderer.headTags(syndicated);
    assert.ok(head.length > 0);
    assert.equal(renderer.render(syndicated, { headTags: true }).meta.head, head);
    assert.equal(renderer.headTags(syndicated, { standalone: true }), head, 'standalone makes no difference');
    const standalone = renderer.render(syndicated, { standalone: true }).html;
    assert.ok(standalone.includes(`</title>\n${head}<style>`));
    assert.equal(renderer.render(syndicated).meta.head, undefined, 'only when asked for');
    for (const line of head.trimEnd().split('\n')) assert.match(line, /^<(link|meta|script) /, line);
  });

  test('the tags of the syndicated sample: canonical to the original, Open Graph, Twitter card', () => {
    const head = renderer.headTags(syndicated);
    const article = JSON.parse(syndicated);
    assert.ok(head.startsWith(`<link rel="canonical" href="${article.syndication.originalUrl}">\n`));
    const tags = metaTags(head);
    assert.deepEqual(tags.get('og:type'), ['article']);
    assert.deepEqual(tags.get('og:url'), [article.syndication.originalUrl]);
    assert.deepEqual(tags.get('og:title'), ['Reliance on Russian Arms Won\u2019t Hamper NATO Ties']);
    assert.match(tags.get('description')[0], /^Kazakstan\u2019s continuing dependence/);
    assert.deepEqual(tags.get('og:description'), tags.get('description'));
    assert.deepEqual(tags.get('og:site_name'), ['Steppe Daily']);
    assert.deepEqual(tags.get('og:locale'), ['en']);
    assert.deepEqual(tags.get('article:published_time'), ['2007-02-20']);
    assert.deepEqual(tags.get('article:section'), ['Frontline Updates']);
    assert.deepEqual(tags.get('article:tag'), ['Kazakhstan']);
    assert.deepEqual(tags.get('twitter:card'), ['summary']);
    assert.deepEqual(tags.get('twitter:title'), tags.get('og:title'));
  });

  test('without syndication the canonical link is canonicalUrl; a lead image makes a large card', () => {
    const article = { ...JSON.parse(seed), image: { src: 'https://images.example/lead.jpg', alt: 'A map' }, tags: ['A', 'B'] };
    const head = renderer.headTags(article, { lang: 'ru-RU' });
    assert.ok(head.startsWith(`<link rel="canonical" href="${article.canonicalUrl}">`));
    const tags = metaTags(head);
    assert.deepEqual(tags.get('og:image'), ['https://images.example/lead.jpg']);
    assert.deepEqual(tags.get('twitter:image'), ['https://images.example/lead.jpg']);
    assert.deepEqual(tags.get('twitter:card'), ['summary_large_image']);
    assert.deepEqual(tags.get('article:tag'), ['A', 'B']);
    assert.deepEqual(tags.get('og:locale'), ['ru_RU']);
    const data = jsonLd(head);
    for (const key of ['isBasedOn', 'license', 'copyrightHolder', 'sourceOrganization']) assert.equal(data[key], undefined, key);
  });

  test('the JSON-LD parses and states the original, the licence, the copyright holder and the source', () => {
    const data = jsonLd(renderer.headTags(syndicated));
    assert.equal(data['@context'], 'https://schema.org');
    assert.equal(data['@type'], 'NewsArticle');
    assert.deepEqual(data.isBasedOn, {
      '@type': 'NewsArticle',
      url: 'https://iwpr.net/global-voices/reliance-russian-arms-wont-hamper-nato-ties',
      datePublished: '2007-02-20',
    });
    assert.equal(data.license, 'https://creativecommons.org/licenses/by-nd/4.0/');
    const source = { '@type': 'Organization', name: 'NBCentralAsia', url: 'https://iwpr.net/', logo: 'https://iwpr.net/logo.png' };
    assert.deepEqual(data.copyrightHolder, source);
    assert.deepEqual(data.sourceOrganization, source);
    assert.deepEqual(data.publisher, { '@type': 'Organization', name: 'Steppe Daily', url: 'https://steppe.example/' });
    assert.equal(data.url, 'https://steppe.example/world/reliance-russian-arms-wont-hamper-nato-ties');
  });

  test('a licence URL is the JSON-LD licence; an unknown id states none', () => {
    const article = JSON.parse(syndicated);
    article.syndication.license = 'https://partner.example/terms?a=1&b=2';
    assert.equal(jsonLd(renderer.headTags(article)).license, 'https://partner.example/terms?a=1&b=2');
    article.syndication.license = 'LicenseRef-Agreement';
    assert.equal(jsonLd(renderer.headTags(article)).license, undefined);
  });

  test('meta carries the id and the https readUrl the element needs', () => {
    const { meta } = renderer.render(syndicated);
    assert.equal(meta.id, 'nbca-russian-arms-nato-steppe');
    assert.equal(meta.readUrl, 'https://iwpr.net/syndication/read');
    assert.equal(renderer.render(seed).meta.readUrl, null);
  });

  test('server-side rendering gives meta.head', () => {
    const { meta } = renderElementHTML(renderer, syndicated);
    assert.equal(meta.head, renderer.headTags(syndicated, { parts: true, relativeImages: 'drop' }));
  });

  test('nothing to read, bad options: an empty string, never an exception', () => {
    assert.equal(renderer.headTags('{'), '');
    assert.equal(renderer.headTags('{"format":"broadsheet/article@1"}'), '');
    assert.equal(renderer.headTags(syndicated, 'standalone'), '');
    assert.equal(renderer.headTags(42), '');
  });

  test('every value stays in its context: attributes escaped, the script unbroken', () => {
    const hostile = '"><script>__xss(1)</script><img src=x onerror=__xss(2)>\'</title></head>\u2028';
    const article = JSON.parse(syndicated);
    article.headline = `*${hostile}*`;
    article.standfirst = hostile;
    article.section = hostile;
    article.tags = [hostile];
    article.publisher.name = hostile;
    article.syndication.source.name = hostile;
    article.syndication.originalUrl = `https://iwpr.net/a?q=${hostile}`;
    article.image = { src: `https://images.example/a.jpg?${hostile}`, alt: hostile };
    const head = renderer.headTags(article);
    const [beforeScript, script] = head.split('<script type="application/ld+json">');
    assert.doesNotMatch(beforeScript, /<(?!link |meta )/, 'only link and meta tags before the script');
    for (const [, value] of beforeScript.matchAll(/(?:content|href)="([^"]*)"/g)) assert.doesNotMatch(value, /[<>']/);
    assert.equal(script.indexOf('</script>'), script.length - '</script>\n'.length, 'one end, its own');
    assert.doesNotMatch(script.slice(0, -'</script>\n'.length), /[<>&\u2028]/);
    const data = jsonLd(head);
    assert.ok(data.headline.includes('<script>__xss(1)</script>'), 'the words are kept, as data');
    assert.equal(data.sourceOrganization.name, hostile);
  });
  test('the sample syndicated with a Kazakh translation: hreflang alternates (itself included), og:locale:alternate, JSON-LD', () => {
    const article = {
      ...JSON.parse(syndicated),
      canonicalUrl: 'https://steppe.example/en/reliance',
      translations: [{ lang: 'kk', url: 'https://iwpr.net/kk/reliance', headline: 'Ресей қаруына тәуелділік' }],
      translationOf: { lang: 'ru', url: 'https://iwpr.net/ru/reliance' },
    };
    const head = renderer.headTags(JSON.stringify(article));
    const alternates = [...head.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(alternates, [
      [article.lang ?? 'en', 'https://steppe.example/en/reliance'],
      ['ru', 'https://iwpr.net/ru/reliance'],
      ['kk', 'https://iwpr.net/kk/reliance'],
    ]);
    assert.deepEqual(metaTags(head).get('og:locale:alternate'), ['ru', 'kk']);
    const facts = jsonLd(head);
    assert.equal(facts.isBasedOn.url, article.syndication.originalUrl);
    assert.deepEqual(facts.workTranslation.map((work) => [work.inLanguage, work.url, work.headline]),
      [['kk', 'https://iwpr.net/kk/reliance', 'Ресей қаруына тәуелділік']]);
    assert.equal(facts.translationOfWork.url, 'https://iwpr.net/ru/reliance');
    // An article with no other version states none.
    assert.doesNotMatch(renderer.headTags(syndicated), /hreflang|og:locale:alternate/);
  });
});
