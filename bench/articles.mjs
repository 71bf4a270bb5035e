// The articles every contender renders (made by the shared generator, tests/helpers/article-generator.mjs),
// and their equivalent forms for the peers that do not read Broadsheet JSON: the body as one CommonMark
// document (markdown-wasm) and a Portable Text document (@portabletext/to-html). Everything is
// deterministic, so runs on different days compare; tests/bench/articles.test.mjs holds them to it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { generatedArticle, scaledSeed } from '../tests/helpers/article-generator.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const seedPath = path.join(repoRoot, 'examples', 'nbca-russian-arms-nato.json');

export const sizeClasses = [
  { label: '5 KB', bytes: 5 * 1024 },
  { label: '50 KB', bytes: 50 * 1024 },
  { label: '1 MB', bytes: 1024 * 1024 },
];

const stringify = (doc) => JSON.stringify(doc, null, 2);

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

/**
 * The seed article itself, the bytes of its file (issue 19's "sample article"): measured beside the
 * scaled and generated ones, in Node and in Chromium. Not pinned by tests/bench/articles.test.mjs (it is
 * an example, which may change with the format); its size is in every report.
 */
export function sampleArticle() {
  const json = readFileSync(seedPath, 'utf8');
  const doc = JSON.parse(json);
  const bytes = Buffer.byteLength(json);
  return {
    name: 'seed itself',
    kind: 'sample',
    sizeLabel: `${(bytes / 1024).toFixed(1)} KB`,
    doc,
    json,
    bytes,
    markdown: asMarkdown(doc),
    portableTextJson: JSON.stringify(asPortableText(doc)),
  };
}

/** The articles issue 19's throughput targets are judged on: 20–200 KB, and the seed itself. */
export const isTargetArticle = (article) => article.kind === 'sample' || (article.bytes >= 20 * 1024 && article.bytes <= 200 * 1024);
