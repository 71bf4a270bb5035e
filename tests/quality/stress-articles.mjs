// Generated articles that push the markup where the examples do not go: every CommonMark construct,
// headings in careless orders, characters HTML forbids, hostile strings in every member, loose date
// forms, a crowd of pull quotes, mixed scripts and a very large body. Deterministic (no randomness
// but the seeded generator of tests/helpers/article-generator.mjs), so a failure always reproduces.
import { longAnalysis } from '../helpers/article-generator.mjs';

const FORMAT = 'broadsheet/article@1';

const KITCHEN_SINK_MARKDOWN = [
  '# A level-one heading in the body',
  '###### Then a level-six one, five levels down',
  'Setext heading\n==============',
  'Another setext\n--------------',
  '#### [Linked](https://example.com/h) heading with `code` and ![an image](https://example.com/h.png)',
  '> A quotation\n>> nested **strong** and _emphasis_\n>>> three deep\n>\n> - a list in a quote\n> - # a heading in a list in a quote',
  '- tight\n- list\n  1. nested\n  2. ordered\n     - deeper\n       - deepest',
  '0. starts at zero\n1. one',
  '123456789. a large start',
  '- loose\n\n- list\n\n  with two paragraphs',
  '- \n- an empty item above',
  '```js\n<script>alert(1)</script>\n</code></pre><p>\n```',
  '    indented code with <b>tags</b> & ampersands',
  '<div onclick="alert(1)">a raw HTML block</div>',
  '<!-- a comment -->',
  '<?php echo 1; ?>',
  '<![CDATA[ x ]]>',
  '<!DOCTYPE html>',
  '<script>alert(1)</script>',
  'Inline <span style="color:red">raw HTML</span>, entities &amp; &copy; &nbsp; &#0; &#x110000; &#xD800; &NotAnEntity;',
  'Links: [titled](https://example.com/a "a \\"title\\" with <brackets>"), <https://example.com/auto>, <mailto:desk@example.com>, ' +
    '[refused](javascript:alert(1)), [empty]() and [](https://example.com/no-text), [![](https://example.com/i.png)](https://example.com/image-link), ' +
    '[reference][ref] and [collapsed][].',
  'Images: ![alt with *emphasis* and `code`](https://example.com/a.png "title"), ![](https://example.com/decorative.png), ![refused](javascript:x)',
  'A hard break with spaces  \nand with a backslash\\\nand a soft one\nhere.',
  '***',
  '[ref]: https://example.com/ref "Reference"\n[collapsed]: https://example.com/collapsed',
  'Emphasis ***strong and em***, `` code with ` backtick ``, ~~not strike~~, and a very long word: ' + 'Donaudampfschifffahrtsgesellschaftskapitän'.repeat(6),
].join('\n\n');

// Characters HTML forbids in a document (C1 controls, noncharacters), controls, bidi overrides,
// joiners, combining marks, astral characters, and strings that try to leave their context.
const HOSTILE = 'C0 \u0001\u0008\u000b\u000c\u001f\u007f C1 \u0080\u0085\u009f nonchars \ufdd0\ufdef\ufffe\uffff\u{1fffe}\u{10ffff} ' +
  'bidi \u202eevil\u202c \u2066iso\u2069 zw a\u200db\u200c e\u0301 emoji \u{1f600}\u{1f1f0}\u{1f1ff} ' +
  'breakouts </script><!-- <style></style> --> " \' < > & \u2028 \u2029';

function kitchenSink() {
  return {
    format: FORMAT,
    id: 'stress-kitchen-sink',
    headline: 'Every *construct* with `code`, [a link](https://example.com/headline) and "quotes"',
    standfirst: 'A standfirst with a [link](https://example.com/s) and ![an image](https://example.com/s.png)\n\n# that tries a heading',
    section: 'Stress',
    published: '2024-05-15',
    image: { src: 'https://example.com/lead.jpg', alt: 'A lead image', caption: 'A *caption* with a [link](https://example.com/c)', credit: 'Credit **bold**', width: 1600, height: 900 },
    body: KITCHEN_SINK_MARKDOWN,
    note: 'An editor\'s note with a [link](https://example.com/n).',
    tags: ['one', 'two & three', '<four>'],
    callToAction: { label: 'Support us', url: 'https://example.com/support' },
    publisher: { name: 'Example Press', url: 'https://example.com/' },
    canonicalUrl: 'https://example.com/stress/kitchen-sink',
  };
}

function careless() {
  const body = [
    { type: 'heading', level: 4, text: 'A level-4 heading straight after the headline' },
    { type: 'paragraph', text: 'First paragraph.' },
    { type: 'heading', level: 2, text: 'Back to level 2' },
    { type: 'heading', level: 4, text: 'Down two levels at once' },
    { type: 'markdown', text: '##### A Markdown heading far down\n\nA paragraph in Markdown.\n\n# A Markdown top heading' },
    { type: 'heading', level: 3, text: 'Level 3 with a [link](https://example.com/l3)' },
    { type: 'paragraph', text: 'Second paragraph, with an analyst named: Ada Lovelace says "these are words of sufficient length to be chosen as an automatic pull quote, surely".' },
    { type: 'quote', text: 'A quote block with **strong** words and [a link](https://example.com/q).', by: 'ada' },
    { type: 'quote', text: 'A second quote from the same analyst.', by: 'ada' },
    { type: 'quote', text: 'A quote with a free-text attribution.', attribution: 'A bystander, *quoted*' },
    { type: 'quote', text: 'A quote attributed to nobody.' },
    { type: 'pullquote', text: 'An anchored pull quote with a [link](https://example.com/pq).', by: 'ada' },
    { type: 'pullquote', text: 'An anchored paraphrase nobody said.' },
    { type: 'list', ordered: true, items: ['one', 'two with `code`', '- a dash that is not a list'] },
    { type: 'list', items: ['alpha', 'beta\n\nwith a second paragraph'] },
    { type: 'image', src: 'https://example.com/body.png', alt: 'A body image', caption: 'A caption', credit: 'A credit' },
    { type: 'image', src: 'https://example.com/decorative.png', alt: '' },
    { type: 'image', src: 'javascript:alert(1)', alt: 'A refused image' },
    { type: 'note', text: 'A callout block.\n\nWith a second paragraph.' },
    { type: 'divider' },
    { type: 'paragraph', text: 'Third paragraph.' },
    { type: 'paragraph', text: 'Fourth paragraph.' },
  ];
  return {
    format: FORMAT,
    id: 'stress-careless-headings',
    headline: 'Headings in a careless order',
    analysts: [
      { id: 'ada', name: 'Ada Lovelace', honorific: 'Countess', role: 'analyst', affiliation: 'Analytical Engines', url: 'https://example.com/ada' },
      { id: 'bob', name: 'Bob', role: 'never quoted' },
    ],
    authors: [{ name: 'A. Writer', url: 'https://example.com/writer' }, { name: 'B. Writer' }],
    pullquotes: 'auto',
    body,
    note: 'A note.',
  };
}

function hostile() {
  return {
    format: FORMAT,
    id: 'stress-hostile',
    lang: 'en-GB',
    headline: `Hostile ${HOSTILE}`,
    standfirst: HOSTILE,
    section: HOSTILE,
    published: '2024-02-29T23:59:60.123456z',
    updated: '2024-03-01t00:00:00.5-05:00',
    image: { src: 'https://example.com/a.png?q="x"&y=<z>', alt: HOSTILE, caption: HOSTILE, credit: HOSTILE },
    authors: [{ name: HOSTILE, role: HOSTILE, url: 'https://example.com/"onmouseover="x' }],
    analysts: [{ id: 'h', name: `Analyst ${HOSTILE}`, role: HOSTILE, affiliation: HOSTILE, honorific: 'Dr.', url: 'https://example.com/h?a=1&b=2' }],
    body: [
      { type: 'paragraph', text: HOSTILE },
      { type: 'paragraph', text: `A [link ${HOSTILE}](https://example.com/x?a=1&b=%22 "${HOSTILE.replace(/"/g, '')}")` },
      { type: 'heading', level: 2, text: HOSTILE },
      { type: 'quote', text: HOSTILE, by: 'h' },
      { type: 'paragraph', text: 'Another paragraph.' },
      { type: 'list', items: [HOSTILE, HOSTILE] },
      { type: 'markdown', text: `${HOSTILE}\n\n\`\`\`\n${HOSTILE}\n\`\`\`` },
      { type: 'paragraph', text: 'Last paragraph.' },
    ],
    pullquotes: [{ text: HOSTILE, by: 'h' }, { text: 'Another paragraph.' }],
    note: HOSTILE,
    tags: [HOSTILE],
    callToAction: { label: HOSTILE, url: 'https://example.com/cta?x=<y>' },
    publisher: { name: HOSTILE, url: 'https://example.com/' },
    canonicalUrl: 'https://example.com/a?b=</script>',
  };
}

function crowdedPullquotes() {
  const body = [];
  for (let i = 1; i <= 24; i++) {
    body.push({ type: 'paragraph', text: `Paragraph ${i}: the analyst said "words number ${i} that a pull quote repeats" and went on.` });
  }
  return {
    format: FORMAT,
    id: 'stress-pullquotes',
    lang: 'en-US',
    headline: 'Twenty pull quotes, some dropped, some paraphrased, some with markup',
    analysts: [{ id: 'a', name: 'Analyst One', role: 'role' }],
    body,
    pullquotes: Array.from({ length: 20 }, (_, i) => (i % 3 === 2
      ? { text: `A paraphrase, number ${i + 1}, with **markup** and a [link](https://example.com/${i}).` }
      : { text: `words number ${i + 1} that a pull quote repeats`, by: 'a' })),
  };
}

function russianAuto() {
  return {
    format: FORMAT,
    id: 'stress-ru-auto',
    lang: 'ru',
    headline: 'Автоматические "цитаты" на полях',
    published: '2007-02-20 09:30',
    updated: '2007-02-21T10:15:30+06:00',
    analysts: [
      { id: 'p', name: 'Эдуард Полетаев', role: 'политолог' },
      { id: 'd', name: 'Даур Досыбиев', role: 'эксперт', url: 'https://example.com/d' },
    ],
    pullquotes: 'auto',
    body: Array.from({ length: 12 }, (_, i) => ({
      type: 'paragraph',
      text: i % 2
        ? `Полетаев считает: "Это достаточно длинное высказывание номер ${i}, чтобы стать цитатой на полях, и в нём есть "вложенные" кавычки."`
        : `Абзац ${i} о политике, экономике и "кавычках" в тексте.`,
    })),
  };
}

function rtlMixed() {
  return {
    format: FORMAT,
    id: 'stress-rtl-mixed',
    lang: 'he',  // right to left, with no labels of its own: English labels, Hebrew lang and dir
    headline: 'כותרת עם English words ו-123 מספרים',
    standfirst: 'תקציר עם [קישור](https://example.com/he) ו-(סוגריים)',
    analysts: [{ id: 'x', name: 'ישראל ישראלי', role: 'analyst (English)' }],
    body: [
      { type: 'paragraph', text: 'פסקה ראשונה עם ‎LTR‎ text.' },
      { type: 'paragraph', text: 'פסקה שנייה: "ציטוט" ו-«גרשיים».' },
      { type: 'quote', text: 'ציטוט מ-ישראלי.', by: 'x' },
      { type: 'paragraph', text: 'פסקה שלישית.' },
      { type: 'paragraph', text: 'פסקה רביעית.' },
    ],
    pullquotes: [{ text: 'פסקה שלישית.', by: 'x' }],
  };
}

function large() {
  return { ...longAnalysis(), id: 'stress-large' };
}

function minimal() {
  return { format: FORMAT, id: 'stress-minimal', headline: 'x', body: 'x' };
}

/**
 * The stress articles, each with the render options to use: the careless-headings article is also
 * rendered at every headline level, the others at the default level.
 * @returns {{name: string, input: object, options: object}[]}
 */
export function stressArticles() {
  const articles = [kitchenSink(), careless(), hostile(), crowdedPullquotes(), russianAuto(), rtlMixed(), large(), minimal()];
  const cases = articles.map((input) => ({ name: input.id, input, options: {} }));
  for (const headingLevel of [2, 3, 6]) {
    cases.push({ name: `stress-careless-headings-h${headingLevel}`, input: careless(), options: { headingLevel } });
  }
  cases.push({ name: 'stress-kitchen-sink-dark', input: kitchenSink(), options: { theme: 'dark', lang: 'kk-KZ' } });
  return cases;
}
