// Pathological article shapes (issue 13): documents of any size built from one repeated piece that
// stresses one part of the core, each within the default limits (8 MiB input, 10,000 blocks, 1 MiB a
// string), so that they are read and rendered in full. `npm run bench` times each at 2 MB against an
// ordinary article of the same size (bench/pathological.mjs); tests/security/pathological-growth.test.mjs
// checks that time per byte does not grow between 200 KB and 2 MB.
import { scaledSeed } from '../tests/helpers/article-generator.mjs';

const head = '{"format":"broadsheet/article@1","headline":"Pathological shape"';
const paragraph = (text) => JSON.stringify({ type: 'paragraph', text });

/** `before` + as many `piece(i)` as reach `bytes` (joined by `separator`) + `after`. */
function fill(bytes, before, piece, after, separator = ',') {
  const parts = [];
  let size = before.length + after.length;
  for (let i = 0; size < bytes; ++i) {
    const part = piece(i);
    parts.push(part);
    size += part.length + separator.length;
  }
  return before + parts.join(separator) + after;
}

// Markdown blocks of at most this many bytes of text: big enough that a parser's superlinear cost
// within one text shows, well under the 1 MiB string limit; 2 MB is a few of them.
const kTextBytes = 256 * 1024;

/** A body of `type` blocks whose texts repeat `unit` (a JSON-escaped fragment) up to `bytes` in all. */
function textBlocks(bytes, type, unit) {
  const perBlock = Math.max(1, Math.floor(kTextBytes / unit.length));
  const blockCount = Math.max(1, Math.round(bytes / (perBlock * unit.length)));
  const repeats = Math.max(1, Math.floor(bytes / blockCount / unit.length));
  const block = `{"type":"${type}","text":"${unit.repeat(repeats)}"}`;
  return `${head},"body":[${Array(blockCount).fill(block).join(',')}]}`;
}

const name = (i) => i.toString(36);

export const pathologicalShapes = [
  {
    id: 'distinct-keys',
    what: 'distinct unknown member names in the document object',
    make: (bytes) => fill(bytes, `${head},"body":[${paragraph('Words.')}],`, (i) => `"k${name(i)}":0`, '}'),
  },
  {
    id: 'block-keys',
    what: 'distinct unknown member names in one block',
    make: (bytes) => fill(bytes, `${head},"body":[{"type":"paragraph","text":"Words.",`, (i) => `"k${name(i)}":0`, '}]}'),
  },
  {
    id: 'duplicate-keys',
    what: 'one member given again and again',
    make: (bytes) => fill(bytes, `${head},"body":[${paragraph('Words.')}],`, () => '"section":"Again"', '}'),
  },
  {
    id: 'duplicate-body',
    what: 'a body with a bad block, given again and again',
    make: (bytes) => fill(bytes, `${head},`, () => `"body":[${paragraph('Words.')},{"type":"bogus"}]`, '}'),
  },
  {
    id: 'unknown-members',
    what: 'blocks with unknown members (diagnostics)',
    make: (bytes) => fill(bytes, `${head},"body":[`,
      (i) => `{"type":"paragraph","text":"Words ${i}.",${Array.from({ length: 12 }, (_, k) => `"extra${k}":${k}`).join(',')}}`, ']}'),
  },
  {
    id: 'invalid-tags',
    what: 'tags that are not strings (diagnostics)',
    make: (bytes) => fill(bytes, `${head},"body":[${paragraph('Words.')}],"tags":[`, () => '1', ']}'),
  },
  {
    id: 'analyst-quotes',
    what: 'quotes and pull quotes referencing 100 analysts',
    make: (bytes) => {
      const analysts = Array.from({ length: 100 }, (_, i) => ({ id: `a${i}`, name: `Analyst Number${i}`, role: 'analyst' }));
      const before = `${head},"pullquotes":"auto","analysts":${JSON.stringify(analysts)},"body":[`;
      return fill(bytes, before, (i) => [
        JSON.stringify({ type: 'quote', text: `Quoted words of analyst ${i % 100}, long enough to be a pull quote candidate here.`, by: `a${i % 100}` }),
        JSON.stringify({ type: 'quote', text: 'Quoted words of nobody the article knows.', by: `missing${i}` }),
        paragraph(`Number${i % 100} said “these are quoted words long enough to be picked as an automatic pull quote, ${i}”, and more.`),
        paragraph('Plain words between quotes.'),
      ].join(','), ']}');
    },
  },
  {
    id: 'long-pullquotes',
    what: '20 long paraphrased pull quotes against a long body',
    make: (bytes) => {
      const sentence = 'the river treaty water basin delta minister agreement season flow power station ';
      const quote = sentence.repeat(Math.max(1, Math.floor(bytes / 2 / 20 / sentence.length))) + 'but not quite';
      const pullquotes = JSON.stringify(Array.from({ length: 20 }, () => ({ text: quote })));
      return fill(bytes, `${head},"pullquotes":${pullquotes},"body":[`, () => paragraph(sentence.repeat(4)), ']}');
    },
  },
  { id: 'star-runs', what: 'runs of * and _ in Markdown', make: (bytes) => textBlocks(bytes, 'markdown', '*a **b _c __d ***') },
  { id: 'bracket-runs', what: 'runs of [ and ![ in Markdown', make: (bytes) => textBlocks(bytes, 'markdown', '[a ![b [](c) ') },
  { id: 'backtick-runs', what: 'runs of backticks of growing length', make: (bytes) => textBlocks(bytes, 'markdown', '` `` ``` a ````') },
  { id: 'angle-runs', what: 'runs of < (HTML, autolinks, comments)', make: (bytes) => textBlocks(bytes, 'markdown', '<a <!-- <? <![CDATA[ <http:x ') },
  { id: 'empty-headings', what: 'empty ATX headings in Markdown', make: (bytes) => textBlocks(bytes, 'markdown', '#\\n') },
  { id: 'empty-list-items', what: 'empty list items in Markdown', make: (bytes) => textBlocks(bytes, 'markdown', '-\\n') },
  // More blocks of a node for every byte or few (cmark's nodes are ~100 bytes): what the tree budget bounds.
  { id: 'empty-ordered-items', what: 'empty ordered list items in Markdown', make: (bytes) => textBlocks(bytes, 'markdown', '1.\\n') },
  { id: 'thematic-breaks', what: 'thematic breaks in Markdown', make: (bytes) => textBlocks(bytes, 'markdown', '***\\n') },
  { id: 'empty-quotes', what: 'empty block quotes in Markdown', make: (bytes) => textBlocks(bytes, 'markdown', '>\\n\\n') },
  { id: 'setext-headings', what: 'one-letter setext headings in Markdown', make: (bytes) => textBlocks(bytes, 'markdown', 'a\\n=\\n') },
  { id: 'nested-list-lines', what: 'lines of list markers 30 deep in Markdown', make: (bytes) => textBlocks(bytes, 'markdown', `${'- '.repeat(30)}a\\n\\n`) },
  { id: 'nested-quote-lines', what: 'lines of quote markers 60 deep in Markdown', make: (bytes) => textBlocks(bytes, 'markdown', `${'>'.repeat(60)}a\\n\\n`) },
  { id: 'delimiter-alternation', what: 'alternating * and _ (a text node a byte) in Markdown', make: (bytes) => textBlocks(bytes, 'markdown', '*_') },
  {
    id: 'deep-nesting',
    what: 'nesting just under the limits: JSON 60 deep, Markdown quotes 60 deep',
    make: (bytes) => fill(bytes, `${head},"body":[`, (i) => (i % 2
      ? `{"type":"paragraph","text":"Words.","deep":${'['.repeat(60)}${']'.repeat(60)}}`
      : `{"type":"markdown","text":"${('>'.repeat(60) + ' a\\n').repeat(8)}"}`), ']}'),
  },
];

/** An ordinary article of about `bytes`: the seed article with its body repeated. */
export const ordinaryArticle = (bytes) => JSON.stringify(scaledSeed(bytes), null, 2);
