// Articles that carry one attack string (or any text) in chosen members, for the security tests.
//
// `MEMBERS` lists every member of the article format that holds a string, with what the renderer
// does with it: `markdown` (inline or block CommonMark, shown as text), `plain` (shown as text as
// written), `alt` (an image's alt attribute), `hidden` (read but shown nowhere: identifiers), `url`
// (checked by the URL policy), `validated` (a language tag, direction or date: refused unless valid),
// and `markdown-url` (the string put where inline CommonMark expects a URL or title).
// A member's `set` writes a value into an article; members are put in the neutral `baseArticle()`.

/** Text with no letters or digits, so that what a member adds to the rendered text can be counted. */
export const FILLER = '§';

/** A valid article with every member present and every text member neutral (FILLER). */
export function baseArticle() {
  return {
    format: 'broadsheet/article@1',
    id: 'base',
    lang: 'en',
    dir: 'ltr',
    headline: FILLER,
    standfirst: FILLER,
    published: '2007-02-20',
    updated: '2007-02-21',
    section: FILLER,
    tags: [FILLER, `${FILLER}${FILLER}`],
    publisher: { name: FILLER, url: 'https://publisher.example/' },
    canonicalUrl: 'https://publisher.example/article',
    authors: [{ id: 'au', name: FILLER, role: FILLER, affiliation: FILLER, honorific: FILLER, url: 'https://publisher.example/au' }],
    analysts: [
      { id: 'a1', name: FILLER, role: FILLER, affiliation: FILLER, honorific: FILLER, url: 'https://publisher.example/a1' },
      { id: 'a2', name: FILLER, role: FILLER },
    ],
    image: {
      src: 'https://images.example/lead.jpg', alt: FILLER, caption: FILLER, credit: FILLER, width: 800, height: 450,
      sources: [{ src: 'https://images.example/lead-400.jpg', width: 400 }, { src: 'https://images.example/lead.jpg', width: 800 }],
    },
    body: [
      { type: 'paragraph', text: FILLER },
      { type: 'paragraph', text: FILLER },
      { type: 'heading', level: 2, text: FILLER },
      { type: 'quote', text: FILLER, by: 'a1' },
      { type: 'quote', text: FILLER, attribution: FILLER },
      { type: 'pullquote', text: FILLER, by: 'a2' },
      { type: 'paragraph', text: FILLER },
      { type: 'list', ordered: true, items: [FILLER, FILLER] },
      { type: 'image', src: 'https://images.example/body.jpg', alt: FILLER, caption: FILLER, credit: FILLER, width: 800, height: 600,
        sources: [{ src: 'https://images.example/body-400.jpg', width: 400 }] },
      { type: 'note', text: FILLER },
      { type: 'markdown', text: FILLER },
      { type: 'paragraph', text: FILLER },
      { type: 'paragraph', text: FILLER },
      { type: 'divider' },
      { type: 'paragraph', text: FILLER },
      { type: 'markdown', text: FILLER },
      { type: 'gallery', caption: FILLER, credit: FILLER, images: [
        { src: 'https://images.example/g1.jpg', alt: FILLER, caption: FILLER, credit: FILLER, width: 4, height: 3,
          sources: [{ src: 'https://images.example/g1-320.jpg', width: 320 }] },
        { src: 'https://images.example/g2.jpg', alt: FILLER, width: 4, height: 3 },
      ] },
      { type: 'paragraph', text: `${FILLER}[^n1][^n2]` },  // footnote references
      { type: 'embed', provider: 'youtube', url: 'https://youtu.be/dQw4w9WgXcQ', title: FILLER, caption: FILLER },
      { type: 'embed', provider: 'vimeo', url: 'https://vimeo.com/76979871', title: FILLER, aspectRatio: 1.5 },
      { type: 'table', caption: FILLER, header: [FILLER, FILLER], rows: [[FILLER, FILLER]], align: ['auto', 'end'], rowHeaders: true },
    ],
    pullquotes: [{ text: FILLER, by: 'a1' }],
    note: FILLER,
    callToAction: { label: FILLER, url: 'https://publisher.example/support' },
    corrections: [{ date: '2007-02-22', text: FILLER }, { date: '2007-02-23', text: FILLER, kind: 'update' }],
    translations: [{ lang: 'kk', url: 'https://publisher.example/kk/article', headline: FILLER }],
    translationOf: { lang: 'ru', url: 'https://publisher.example/ru/article' },
    footnotes: [{ id: 'n1', text: FILLER }, { id: 'n2', text: FILLER }],
    sources: [{ title: FILLER, url: 'https://sources.example/report', publisher: FILLER, date: '2007-02-19' }],
  };
}

function at(path) {
  return (article, value) => {
    const keys = path.split('/');
    let node = article;
    for (const key of keys.slice(0, -1)) node = node[key];
    node[keys.at(-1)] = value;
  };
}

const member = (path, kind, set = at(path)) => ({
  path: `/${path}`,
  kind,
  set,
  // Block CommonMark (a markdown block, a string body) rather than one inline run.
  blocks: path === 'body/10/text' || path === 'body',
});

export const MEMBERS = [
  // Inline CommonMark shown as text
  member('headline', 'markdown'),
  member('standfirst', 'markdown'),
  member('note', 'markdown'),
  member('callToAction/label', 'plain'),
  member('image/caption', 'markdown'),
  member('image/credit', 'markdown'),
  member('body/0/text', 'markdown'),   // paragraph
  member('body/2/text', 'markdown'),   // heading
  member('body/3/text', 'markdown'),   // quote
  member('body/5/text', 'markdown'),   // pull quote block
  member('body/7/items/0', 'markdown'),  // list item
  member('body/8/caption', 'markdown'),
  member('body/8/credit', 'markdown'),
  member('body/9/text', 'markdown'),   // note block
  member('body/16/caption', 'markdown'),  // gallery
  member('body/16/credit', 'markdown'),
  member('body/16/images/0/caption', 'markdown'),
  member('body/16/images/0/credit', 'markdown'),
  member('body/10/text', 'markdown'),  // markdown block (block CommonMark)
  member('body/18/caption', 'markdown'),  // an embed's caption
  member('pullquotes/0/text', 'markdown'),
  member('corrections/0/text', 'markdown'),
  member('corrections/1/text', 'markdown'),  // an update
  member('footnotes/0/text', 'markdown'),
  member('body/20/caption', 'markdown'),  // a table's caption, header cell, row header and cell
  member('body/20/header/0', 'markdown'),
  member('body/20/rows/0/0', 'markdown'),
  member('body/20/rows/0/1', 'markdown'),
  // Plain text shown as written
  member('section', 'plain'),
  member('tags/0', 'plain'),
  member('publisher/name', 'plain'),
  member('authors/0/name', 'plain'),
  member('authors/0/honorific', 'plain'),
  member('authors/0/role', 'plain'),
  member('authors/0/affiliation', 'plain'),
  member('analysts/0/name', 'plain'),
  member('analysts/0/honorific', 'plain'),
  member('analysts/0/role', 'plain'),
  member('analysts/0/affiliation', 'plain'),
  member('analysts/1/name', 'plain'),
  member('body/4/attribution', 'plain'),
  member('sources/0/title', 'plain'),
  member('sources/0/publisher', 'plain'),
  member('body/18/title', 'plain'),  // an embed's title: the placeholder's heading and the frame's title
  // Alt text
  member('image/alt', 'alt'),
  member('body/8/alt', 'alt'),
  member('body/16/images/0/alt', 'alt'),
  member('body/16/images/1/alt', 'alt'),
  // Identifiers: read, shown nowhere
  member('id', 'hidden'),
  member('translations/0/headline', 'hidden'),  // JSON-LD only (the switcher shows the language's name)
  member('authors/0/id', 'hidden'),
  member('analysts/1/id', 'hidden', (article, value) => {
    article.analysts[1].id = value;
    article.body[5].by = value;  // the pull quote block still names this analyst
  }),
  // A footnote's label, in its definition and its reference: never written as an id or anywhere (the
  // reference is shown as written when the label is refused)
  // (the second footnote's, so that the first one's text shows whatever this value does)
  member('footnotes/1/id', 'hidden', (article, value) => {
    article.footnotes[1].id = value;
    article.body[16].text = `${FILLER}[^n1][^${value}]`;
  }),
  // URL members
  member('canonicalUrl', 'url'),
  member('publisher/url', 'url'),
  member('callToAction/url', 'url'),
  member('authors/0/url', 'url'),
  member('analysts/0/url', 'url'),
  member('image/src', 'url'),
  member('body/8/src', 'url'),
  member('image/sources/0/src', 'url'),  // srcset candidates
  member('body/8/sources/0/src', 'url'),
  member('body/16/images/0/src', 'url'),
  member('body/16/images/0/sources/0/src', 'url'),
  member('translations/0/url', 'url'),
  member('translationOf/url', 'url'),
  member('sources/0/url', 'url'),
  member('body/18/url', 'url'),  // an embed's URL: rebuilt from ids, or a plain link, or left out
  member('body/19/url', 'url'),
  // Values checked against a grammar
  member('lang', 'validated'),
  member('dir', 'validated'),
  member('published', 'validated'),
  member('updated', 'validated'),
  member('format', 'validated'),
  member('corrections/0/date', 'validated'),
  member('translations/0/lang', 'validated'),
  member('translationOf/lang', 'validated'),
  member('sources/0/date', 'validated'),
  member('body/0/lang', 'validated'),  // a block's own language and direction
  member('body/3/dir', 'validated'),
  member('body/19/provider', 'validated'),  // an unknown provider: BS-EMBED-PROVIDER, a link
  member('body/20/align/1', 'validated'),  // a table column's alignment
  // Where inline CommonMark expects a URL: link and image destinations, a link title, an autolink
  member('body/1/text#link', 'markdown-url', (article, value) => { article.body[1].text = `[words](${value})`; }),
  member('body/6/text#image', 'markdown-url', (article, value) => { article.body[6].text = `![picture](${value})`; }),
  member('body/11/text#title', 'markdown-url', (article, value) => { article.body[11].text = `[words](https://e.example/ "${value}")`; }),
  member('body/12/text#autolink', 'markdown-url', (article, value) => { article.body[12].text = `<${value}>`; }),
  member('body/15/text#reference', 'markdown-url', (article, value) => {
    article.body[15].text = `[words][ref]\n\n[ref]: ${value}`;
  }),
  // The whole body as one CommonMark string
  member('body', 'markdown', (article, value) => { article.body = value; }),
];

/** The base article with `value` in each of `members`. */
export function articleWith(value, members) {
  const article = baseArticle();
  for (const m of members) m.set(article, value);
  return article;
}

/** The members the renderer shows as text (the ones whose characters must survive). */
export const SHOWN_KINDS = new Set(['markdown', 'plain', 'alt']);
