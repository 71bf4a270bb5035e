// Server-side rendering of <broadsheet-article> (web/ssr.js) and the element module under Node.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { embedSnippet } from '../../web/embed-snippet.js';
import { renderElementHTML } from '../../web/ssr.js';
import { examplePath } from '../helpers/paths.mjs';

const JSON_SCRIPT = '<script type="application/json">';

describe('renderElementHTML', () => {
  let renderer;
  before(async () => {
    renderer = await createRenderer();
  });

  test('the element with the article in a declarative shadow root, parts, styles and the JSON inlined', () => {
    const json = readFileSync(examplePath, 'utf8');
    const result = renderElementHTML(renderer, json, {
      theme: 'dark', lang: 'ru', headingLevel: 2, attributes: { id: 'story', loading: 'eager', hidden: false },
    });
    assert.deepEqual([result.ok, result.rendered], [true, true]);
    assert.match(result.meta.headline, /Russian Arms/);
    const { html } = result;
    assert.match(html, /^<broadsheet-article id="story" loading="eager" theme="dark" lang="ru" heading-level="2">/);
    assert.match(html, /<template shadowrootmode="open"><style>\s*:host[\s\S]*\.bs-article\s*\{[\s\S]*<\/style>/);
    assert.match(html, /<div class="frame" part="frame"><article class="bs-article" part="article" lang="ru"/);
    assert.match(html, /<h2 class="bs-headline" part="headline">/, 'rendered with the options');
    assert.match(html, /<\/template><script type="application\/json">\{/);
    assert.ok(html.endsWith('</script></broadsheet-article>'));
    // The inlined JSON is the input, character for character.
    const inlined = html.slice(html.indexOf(JSON_SCRIPT) + JSON_SCRIPT.length, -'</script></broadsheet-article>'.length);
    assert.equal(inlined, json);
  });

  test('inlined JSON cannot close its script element', () => {
    const article = {
      format: 'broadsheet/article@1',
      headline: 'A </script><script>alert(1)</script> headline <!-- comment',
      body: 'Text with </SCRIPT> in it.',
    };
    const { ok, html } = renderElementHTML(renderer, article);
    assert.equal(ok, true);
    assert.equal(html.match(/<\/script/gi).length, 1, 'only the real end tag');
    assert.doesNotMatch(html, /<!--/);
    const inlined = html.slice(html.indexOf(JSON_SCRIPT) + JSON_SCRIPT.length, html.lastIndexOf('</script>'));
    assert.deepEqual(JSON.parse(inlined), article, 'still the same JSON');
  });

  test('what rendered is server-rendered, errors and all; nothing without a headline, or with errors under strict', () => {
    const repairable = { format: 'broadsheet/article@1', headline: 'Dated badly', published: 'yesterday', body: 'Text.' };
    const shown = renderElementHTML(renderer, repairable);
    assert.deepEqual([shown.ok, shown.rendered], [false, true]);
    assert.deepEqual(shown.diagnostics.map((d) => d.code), ['BS-DATE']);
    assert.match(shown.html, /^<broadsheet-article><template shadowrootmode="open">[\s\S]*>Dated\sbadly<\/h1>/);

    const strict = renderElementHTML(renderer, repairable, { strict: true });
    assert.deepEqual([strict.ok, strict.rendered], [false, false]);
    assert.doesNotMatch(strict.html, /<template/);
    assert.match(strict.html, /^<broadsheet-article strict><script type="application\/json">/, 'the element is strict too');

    const headless = renderElementHTML(renderer, { format: 'broadsheet/article@1', headline: '' });
    assert.deepEqual([headless.ok, headless.rendered], [false, false]);
    assert.ok(headless.diagnostics.length > 0);
    assert.doesNotMatch(headless.html, /<template/);
    assert.match(headless.html, /^<broadsheet-article><script type="application\/json">/);
  });

  test("base, referrer policy and link rel: render options here, the element's attributes there", () => {
    const article = { format: 'broadsheet/article@1', headline: 'Pictures', body: 'Text.' };
    const { html } = renderElementHTML(renderer, article,
      { baseUrl: 'https://publisher.example/articles/', referrerPolicy: 'no-referrer', linkRel: 'nofollow ugc' });
    assert.match(html, /^<broadsheet-article base-url="https:\/\/publisher\.example\/articles\/" referrerpolicy="no-referrer" link-rel="nofollow ugc">/);
    assert.throws(() => renderElementHTML(renderer, article, { baseUrl: '/articles/' }), TypeError);
  });

  test('relative images resolve against baseUrl, and are left out without it (as the element does)', () => {
    const article = { format: 'broadsheet/article@1', headline: 'Pictures',
      body: [{ type: 'image', src: 'images/a.png', alt: 'A' }, { type: 'paragraph', text: 'Text.' }] };
    const dropped = renderElementHTML(renderer, article);
    assert.doesNotMatch(dropped.html, /<img/);
    assert.deepEqual(dropped.diagnostics.map((d) => d.code), ['BS-URL-RELATIVE']);
    const based = renderElementHTML(renderer, article, { baseUrl: 'https://publisher.example/articles/' });
    assert.match(based.html, /<img [^>]*src="https:\/\/publisher\.example\/articles\/images\/a\.png"/);
  });

  test("an absolute src is the base without baseUrl: the embed snippet's relative images resolve against it", () => {
    const article = { format: 'broadsheet/article@1', headline: 'Pictures',
      body: [{ type: 'image', src: 'images/a.png', alt: 'A', width: 4, height: 3 }, { type: 'paragraph', text: 'Text.' }] };
    const { snippet, diagnostics } = embedSnippet(renderer, JSON.stringify(article),
      { script: '/embed.js', src: 'https://publisher.example/articles/story.json' });
    assert.deepEqual(diagnostics, []);
    assert.match(snippet, /<img [^>]*src="https:\/\/publisher\.example\/articles\/images\/a\.png"/);
  });

  test('attribute values are escaped; invalid options throw TypeError', () => {
    const { html } = renderElementHTML(renderer, readFileSync(examplePath, 'utf8'),
      { attributes: { title: '"><script>x</script>', 'data-flag': true } });
    assert.match(html, /^<broadsheet-article title="&quot;&gt;&lt;script&gt;x&lt;\/script&gt;" data-flag>/);
    const input = readFileSync(examplePath, 'utf8');
    assert.throws(() => renderElementHTML(renderer, input, { theme: 'sepia' }), TypeError);
    assert.throws(() => renderElementHTML(renderer, input, { headingLevel: 7 }), TypeError);
    assert.throws(() => renderElementHTML(renderer, input, { tagName: 'article' }), TypeError);
    assert.throws(() => renderElementHTML(renderer, input, { attributes: { 'on click': 'x' } }), TypeError);
  });
});

test('the element module imports in Node without a DOM and registers nothing', async () => {
  const element = await import('../../web/element.js');
  assert.equal(typeof element.BroadsheetArticle, 'function');
  assert.equal(element.TAG_NAME, 'broadsheet-article');
  assert.equal(globalThis.customElements, undefined);
  const embed = await import('../../web/embed.js');
  assert.equal(embed.BroadsheetArticle, element.BroadsheetArticle);
  // The shared renderer works in Node too (it is the same createRenderer underneath).
  const renderer = await element.getSharedRenderer();
  assert.equal(renderer, await element.getSharedRenderer(), 'one shared renderer');
  assert.throws(() => element.configureRenderer({}), /before the first article loads/);
});
