// The articles every contender renders, and their equivalent forms for the peers that do not read
// Broadsheet JSON: the body as one CommonMark document (markdown-wasm) and a Portable Text document
// (@portabletext/to-html). Everything is deterministic, so runs on different days compare.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const seedPath = path.join(repoRoot, 'examples', 'nbca-russian-arms-nato.json');

export const sizeClasses = [
  { label: '5 KB', bytes: 5 * 1024 },
  { label: '50 KB', bytes: 50 * 1024 },
  { label: '1 MB', bytes: 1024 * 1024 },
];

const stringify = (doc) => JSON.stringify(doc, null, 2);

/** Repeats the body of `doc` (whole blocks, in order) until its JSON reaches about `bytes`. */
function grow(doc, bytes, moreBlocks) {
  const grown = { ...doc, body: [] };
  const base = stringify({ ...doc, body: [] }).length;
  let size = base;
  for (let i = 0; size < bytes; ++i) {
    const block = moreBlocks(i);
    grown.body.push(block);
    size += stringify(block).length + 6;  // indentation and the comma
  }
  return grown;
}

/** The seed article with its body repeated to the target size. */
export function scaledSeed(bytes) {
  const seed = JSON.parse(readFileSync(seedPath, 'utf8'));
  const blocks = seed.body;
  return grow(seed, bytes, (i) => blocks[i % blocks.length]);
}

// A small deterministic generator (mulberry32).
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = ('the river treaty water basin delta minister agreement season flow power station ' +
  'farmers upstream downstream analysts government border trade cotton reservoir winter summer ' +
  'hydropower cascade negotiation ministry region economy export security cooperation partners ' +
  'observers budget drought irrigation canal province parliament election reform market prices ' +
  'investment sanctions pipeline railway corridor élite café naïve Zürich Ardenvale Lowmere Amerel').split(' ');

function sentence(next) {
  const length = 8 + Math.floor(next() * 18);
  const parts = [];
  for (let i = 0; i < length; ++i) {
    let word = words[Math.floor(next() * words.length)];
    const roll = next();
    if (roll < 0.03) word = `*${word}*`;
    else if (roll < 0.05) word = `**${word}**`;
    else if (roll < 0.06) word = `\`${word}\``;
    else if (roll < 0.075) word = `[${word}](https://example.org/${word.replace(/\W/g, '')}/${i})`;
    else if (roll < 0.085) word = `"${word}"`;
    else if (roll < 0.09) word = `${word}'s`;
    parts.push(word);
  }
  const text = parts.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}${next() < 0.1 ? ' — ' + words[Math.floor(next() * words.length)] : ''}.`;
}

function paragraph(next, sentences) {
  const out = [];
  for (let i = 0; i < sentences; ++i) out.push(sentence(next));
  return out.join(' ');
}

/** A generated analysis piece: paragraphs with inline markup, headings, quotes, lists, pull quotes. */
export function generatedArticle(bytes, seed = 7) {
  const next = random(seed);
  const analysts = [
    { id: 'amara', name: 'Amara Osei', role: 'hydrologist', affiliation: 'Delta Institute' },
    { id: 'petrov', name: 'Ilya Petrov', role: 'energy economist' },
    { id: 'haddad', name: 'Leila Haddad', honorific: 'Dr', role: 'treaty lawyer' },
    { id: 'brandt', name: 'Jonas Brandt', role: 'former negotiator', affiliation: 'Basin Commission' },
  ];
  const doc = {
    format: 'broadsheet/article@1',
    id: `generated-${bytes}`,
    lang: 'en',
    headline: 'A *treaty* written for a wetter river',
    standfirst: 'Upstream dams and downstream farms: four analysts on what the **Amerel Accord** leaves unsaid.',
    section: 'Analysis',
    tags: ['Water', 'Energy', 'Treaties', 'Agriculture', 'Central Asia'],
    publisher: { name: 'Broadsheet Bench', url: 'https://example.org/' },
    canonicalUrl: 'https://example.org/analysis/wetter-river',
    published: '2024-03-14',
    updated: '2024-03-15T09:30:00Z',
    authors: [{ id: 'writer', name: 'Nadia Karimova', role: 'correspondent' }],
    analysts,
    image: { src: 'https://example.org/images/dam.jpg', alt: 'The Tessaly Ford dam at dawn', caption: 'The dam', credit: 'Bench', width: 1200, height: 800 },
    body: [],
    pullquotes: [
      { text: 'The drafters never said what happens when there is not enough water.', by: 'haddad' },
      { text: 'Every winter megawatt is a summer hectare somewhere else.', by: 'petrov' },
      { text: 'Nobody reads the Accord; everybody quotes it.', by: 'brandt' },
    ],
    note: 'Every name, place and number in this article is invented for the benchmark.',
    callToAction: { label: 'Support independent analysis', url: 'https://example.org/support' },
  };
  let sinceHeading = 0;
  const block = () => {
    const roll = next();
    ++sinceHeading;
    if (sinceHeading > 7 && roll < 0.3) {
      sinceHeading = 0;
      return { type: 'heading', level: next() < 0.8 ? 2 : 3, text: sentence(next).slice(0, 60) };
    }
    if (roll < 0.08) return { type: 'quote', text: paragraph(next, 2), by: analysts[Math.floor(next() * analysts.length)].id };
    if (roll < 0.1) return { type: 'quote', text: sentence(next), attribution: 'Amerel Accord (1988), Article 9' };
    if (roll < 0.13) {
      const items = [];
      for (let i = 0, n = 3 + Math.floor(next() * 3); i < n; ++i) items.push(sentence(next));
      return { type: 'list', ordered: next() < 0.3, items };
    }
    if (roll < 0.14) return { type: 'pullquote', text: sentence(next), by: analysts[Math.floor(next() * analysts.length)].id };
    if (roll < 0.145) return { type: 'divider' };
    return { type: 'paragraph', text: paragraph(next, 2 + Math.floor(next() * 4)) };
  };
  return grow(doc, bytes, block);
}

// ── Equivalent forms for the peers ───────────────────────────────────────────────────────────────

function analystName(doc, id) {
  const person = (doc.analysts ?? []).find((a) => a.id === id);
  return person ? [person.honorific, person.name].filter(Boolean).join(' ') : '';
}

/** The article as one CommonMark document: what a Markdown-only renderer would be given. */
export function asMarkdown(doc) {
  const out = [`# ${doc.headline}`, doc.standfirst ?? ''];
  for (const block of doc.body) {
    switch (block.type) {
      case 'heading': out.push(`${'#'.repeat(block.level)} ${block.text}`); break;
      case 'quote': {
        const by = block.by ? analystName(doc, block.by) : block.attribution;
        out.push(`> ${block.text}${by ? `\n>\n> — ${by}` : ''}`);
        break;
      }
      case 'pullquote': out.push(`> ${block.text}`); break;
      case 'list': out.push(block.items.map((item, i) => (block.ordered ? `${i + 1}. ` : '- ') + item).join('\n')); break;
      case 'image': out.push(`![${block.alt}](${block.src})`); break;
      case 'divider': out.push('---'); break;
      default: out.push(block.text);
    }
  }
  if (doc.note) out.push(doc.note);
  return out.join('\n\n') + '\n';
}

const inlineParser = new MarkdownIt({ html: false, typographer: true });

/** Inline CommonMark as Portable Text spans (emphasis, strong, code, links). */
function spans(text, keyPrefix) {
  const children = [];
  const markDefs = [];
  const marks = [];
  let n = 0;
  const tokens = inlineParser.parseInline(text, {})[0]?.children ?? [];
  for (const token of tokens) {
    switch (token.type) {
      case 'em_open': marks.push('em'); break;
      case 'strong_open': marks.push('strong'); break;
      case 'link_open': {
        const key = `${keyPrefix}l${markDefs.length}`;
        markDefs.push({ _key: key, _type: 'link', href: token.attrGet('href') });
        marks.push(key);
        break;
      }
      case 'em_close': case 'strong_close': case 'link_close': marks.pop(); break;
      case 'code_inline': children.push({ _type: 'span', _key: `${keyPrefix}s${n++}`, text: token.content, marks: [...marks, 'code'] }); break;
      case 'softbreak': case 'hardbreak': children.push({ _type: 'span', _key: `${keyPrefix}s${n++}`, text: ' ', marks: [...marks] }); break;
      default: if (token.content) children.push({ _type: 'span', _key: `${keyPrefix}s${n++}`, text: token.content, marks: [...marks] });
    }
  }
  return { children, markDefs };
}

/** The article as a Portable Text document (the body, headline and standfirst as blocks). */
export function asPortableText(doc) {
  const blocks = [];
  let key = 0;
  const textBlock = (text, style, extra = {}) => {
    const k = `b${key++}`;
    blocks.push({ _type: 'block', _key: k, style, ...spans(text, k), ...extra });
  };
  textBlock(doc.headline, 'h1');
  if (doc.standfirst) textBlock(doc.standfirst, 'normal');
  for (const block of doc.body) {
    switch (block.type) {
      case 'heading': textBlock(block.text, `h${block.level}`); break;
      case 'quote': case 'pullquote': textBlock(block.text, 'blockquote'); break;
      case 'list': for (const item of block.items) textBlock(item, 'normal', { listItem: block.ordered ? 'number' : 'bullet', level: 1 }); break;
      case 'divider': blocks.push({ _type: 'divider', _key: `b${key++}` }); break;
      case 'image': blocks.push({ _type: 'image', _key: `b${key++}`, src: block.src, alt: block.alt }); break;
      default: textBlock(block.text, 'normal');
    }
  }
  if (doc.note) textBlock(doc.note, 'normal');
  return blocks;
}

/** Every benchmark article: the seed scaled and a generated one, at each size. */
export function benchArticles(classes = sizeClasses) {
  const articles = [];
  for (const size of classes) {
    for (const [kind, make] of [['seed', scaledSeed], ['generated', generatedArticle]]) {
      const doc = make(size.bytes);
      const json = stringify(doc);
      articles.push({
        name: `${kind} ${size.label}`,
        kind,
        sizeLabel: size.label,
        doc,
        json,
        bytes: Buffer.byteLength(json),
        markdown: asMarkdown(doc),
        portableTextJson: JSON.stringify(asPortableText(doc)),
      });
    }
  }
  return articles;
}
