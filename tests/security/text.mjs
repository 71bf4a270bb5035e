// What a reader gets from rendered HTML, and what an author wrote in an article's text members: the
// two sides of the "nothing lost" checks (tests/security/nothing-lost.test.mjs, xss.test.mjs).

/**
 * The text of an article fragment as a reader gets it: element text and image alt text, character
 * references decoded, soft hyphens and zero-width characters (line-breaking hints) removed.
 */
export function renderedText(html) {
  return html
    .replace(/<img\b[^>]*\balt="([^"]*)"[^>]*>/g, ' $1 ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '');
}

/**
 * The words of CommonMark source a reader should find: without link destinations and titles,
 * character references, and (in block CommonMark) reference definitions, fence info strings and list
 * numbers, which are syntax rather than words.
 */
export function readableMarkdown(source, blocks) {
  let text = source.replace(/\]\((?:[^()]|\([^()]*\))*\)/g, ']');
  text = text.replace(/&#?[A-Za-z0-9]+;/g, ' ');
  if (blocks) {
    text = text.replace(/^ {0,3}\[[^\]]+\]:.*$/gm, ' ');
    text = text.replace(/^ {0,3}(```|~~~).*$/gm, ' ');
    text = text.replace(/^[ >]*\d{1,9}[.)](?=\s|$)/gm, ' ');
  }
  return text;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** How often each word (a run of letters and digits) occurs in `text`. */
export function wordCounts(text, counts = new Map()) {
  for (const [w] of text.matchAll(WORD)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/**
 * Every text member of an article (docs/format.md) as { path, text, markdown, blocks }: what an author
 * wrote for readers. Not included: identifiers, `by` references, URLs, values with a grammar (lang,
 * dir, dates, format, block types) and pull quotes, whose words repeat the body. A footnote reference
 * `[^id]` naming a footnote is syntax (it becomes the note's number), and a footnote no text refers to
 * is left out by design (BS-FOOTNOTE), so its words are not wanted either.
 */
export function textMembers(doc) {
  const out = [];
  const footnoteIds = new Set(Array.isArray(doc.footnotes) ? doc.footnotes.map((note) => note?.id).filter((id) => typeof id === 'string') : []);
  const referenced = new Set();
  const withoutReferences = (text) => text.replace(/\[\^([^\]\s]+)\]/g, (whole, id) => {
    if (!footnoteIds.has(id)) return whole;
    referenced.add(id);
    return ' ';
  });
  const add = (path, text, markdown = false, blocks = false) => {
    if (typeof text === 'string') out.push({ path, text: markdown ? withoutReferences(text) : text, markdown, blocks });
  };
  add('/headline', doc.headline, true);
  add('/standfirst', doc.standfirst, true);
  add('/section', doc.section);
  if (Array.isArray(doc.tags)) doc.tags.forEach((tag, i) => add(`/tags/${i}`, tag));
  add('/publisher/name', doc.publisher?.name);
  for (const list of ['authors', 'analysts']) {
    if (!Array.isArray(doc[list])) continue;
    doc[list].forEach((person, i) => {
      for (const key of ['honorific', 'name', 'role', 'affiliation']) add(`/${list}/${i}/${key}`, person?.[key]);
    });
  }
  const image = (path, value) => {
    add(`${path}/alt`, value?.alt);
    add(`${path}/caption`, value?.caption, true);
    add(`${path}/credit`, value?.credit, true);
  };
  if (doc.image) image('/image', doc.image);
  if (typeof doc.body === 'string') {
    add('/body', doc.body, true, true);
  } else if (Array.isArray(doc.body)) {
    doc.body.forEach((block, i) => {
      const path = `/body/${i}`;
      if (['paragraph', 'heading', 'quote', 'note'].includes(block?.type)) add(`${path}/text`, block.text, true);
      if (block?.type === 'markdown') add(`${path}/text`, block.text, true, true);
      if (block?.type === 'quote') add(`${path}/attribution`, block.attribution);
      if (block?.type === 'list' && Array.isArray(block.items)) block.items.forEach((item, j) => add(`${path}/items/${j}`, item, true));
      if (block?.type === 'image') image(path, block);
      if (block?.type === 'gallery') {
        add(`${path}/caption`, block.caption, true);
        add(`${path}/credit`, block.credit, true);
        if (Array.isArray(block.images)) block.images.forEach((entry, j) => image(`${path}/images/${j}`, entry));
      }
      if (block?.type === 'table') {
        add(`${path}/caption`, block.caption, true);
        if (Array.isArray(block.header)) block.header.forEach((cell, j) => add(`${path}/header/${j}`, cell, true));
        // Cells past the table's width (the header's, else the first row's) are cut by design (BS-TABLE-SHAPE).
        if (Array.isArray(block.rows)) {
          const width = Array.isArray(block.header) && block.header.length ? block.header.length : block.rows[0]?.length ?? 0;
          block.rows.forEach((row, j) => Array.isArray(row) && row.slice(0, width).forEach((cell, k) => add(`${path}/rows/${j}/${k}`, cell, true)));
        }
      }
      if (block?.type === 'embed') {
        add(`${path}/title`, block.title);
        add(`${path}/caption`, block.caption, true);
      }
    });
  }
  if (Array.isArray(doc.footnotes)) {
    doc.footnotes.forEach((note, i) => referenced.has(note?.id) && add(`/footnotes/${i}/text`, note.text, true));
  }
  if (Array.isArray(doc.sources)) {
    doc.sources.forEach((source, i) => {
      add(`/sources/${i}/title`, source?.title);
      add(`/sources/${i}/publisher`, source?.publisher);
    });
  }
  if (Array.isArray(doc.corrections)) doc.corrections.forEach((entry, i) => add(`/corrections/${i}/text`, entry?.text, true));
  add('/note', doc.note, true);
  add('/callToAction/label', doc.callToAction?.label);
  return out;
}

/** The words a reader must find for one member. */
export function memberWords(member) {
  return wordCounts(member.markdown ? readableMarkdown(member.text, member.blocks) : member.text);
}
