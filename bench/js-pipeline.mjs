// The JavaScript pipeline users would otherwise build: JSON.parse, markdown-it for every text member, a
// template producing the same structure as Broadsheet's markup (header, byline, attributed quotes,
// pull quotes, note, analyst panel, tags, call to action), then, optionally, a sanitizer over the
// result. Plain strings are escaped by the template; link policy is left to markdown-it and the
// sanitizer, as such pipelines usually do. Runs in Node and, bundled, in the browser.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, typographer: true, linkify: false });

const escapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => escapes[c]);
const inline = (text) => md.renderInline(String(text ?? ''));
const safeUrl = (url) => (/^(https?:|mailto:|\/|#)/i.test(url ?? '') ? escape(url) : '');

function personName(person) {
  return [person.honorific, person.name].filter(Boolean).join(' ');
}

function listNames(names) {
  if (names.length < 2) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function attribution(doc, block) {
  const person = block.by ? (doc.analysts ?? []).find((a) => a.id === block.by) : null;
  if (person) {
    const role = person.role ? `, ${escape(person.role)}` : '';
    return `<figcaption class="bs-attribution">— <span class="bs-person">${escape(personName(person))}</span>${role}</figcaption>`;
  }
  return block.attribution ? `<figcaption class="bs-attribution">— ${inline(block.attribution)}</figcaption>` : '';
}

function pullquote(doc, quote, floating) {
  const person = quote.by ? (doc.analysts ?? []).find((a) => a.id === quote.by) : null;
  const by = person ? `<p class="bs-pullquote-by">${escape(personName(person))}</p>` : '';
  const cls = floating ? 'bs-pullquote bs-pullquote--floating' : 'bs-pullquote';
  return `<aside class="${cls}" aria-hidden="true"><p class="bs-pullquote-text">${inline(quote.text)}</p>${by}</aside>\n`;
}

function image(img, cls) {
  const caption = img.caption || img.credit
    ? `<figcaption>${inline(img.caption ?? '')}${img.credit ? ` <span class="bs-credit">${escape(img.credit)}</span>` : ''}</figcaption>` : '';
  const size = img.width ? ` width="${Number(img.width)}" height="${Number(img.height)}"` : '';
  return `<figure class="${cls}"><img src="${safeUrl(img.src)}" alt="${escape(img.alt)}"${size} loading="lazy">${caption}</figure>\n`;
}

function body(doc) {
  let out = '<div class="bs-body">\n';
  const floating = Array.isArray(doc.pullquotes) ? doc.pullquotes : [];
  let paragraphs = 0;
  let nextFloating = 0;
  let lastWasPullquote = false;
  for (const block of Array.isArray(doc.body) ? doc.body : [{ type: 'markdown', text: doc.body }]) {
    lastWasPullquote = false;
    switch (block.type) {
      case 'paragraph': out += `<p>${inline(block.text)}</p>\n`; ++paragraphs; break;
      case 'heading': out += `<h${block.level} class="bs-heading">${inline(block.text)}</h${block.level}>\n`; break;
      case 'quote': out += `<figure class="bs-quote"><blockquote><p>${inline(block.text)}</p></blockquote>${attribution(doc, block)}</figure>\n`; break;
      case 'pullquote': out += pullquote(doc, block, false); lastWasPullquote = true; break;
      case 'list': {
        const tag = block.ordered ? 'ol' : 'ul';
        out += `<${tag}>${block.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${tag}>\n`;
        break;
      }
      case 'image': out += image(block, 'bs-figure'); break;
      case 'note': out += `<aside class="bs-inline-note"><p>${inline(block.text)}</p></aside>\n`; break;
      case 'divider': out += '<hr class="bs-divider">\n'; break;
      case 'markdown': out += md.render(String(block.text ?? '')); break;
      default: break;
    }
    // Floating pull quotes: never before the second paragraph, never two in a row, then spaced out.
    if (paragraphs >= 2 && !lastWasPullquote && nextFloating < floating.length && paragraphs % 4 === 2) {
      out += pullquote(doc, floating[nextFloating++], true);
    }
  }
  return `${out}</div>\n`;
}

/** Renders article JSON (a string) to HTML, like Broadsheet's fragment. */
export function renderArticle(json) {
  const doc = JSON.parse(json);
  const lang = escape(doc.lang ?? 'en');
  const analysts = doc.analysts ?? [];
  const authors = doc.authors ?? [];
  let out = `<article class="bs-article" lang="${lang}" dir="${escape(doc.dir ?? 'ltr')}" data-theme="auto">\n<header class="bs-header">\n`;
  if (doc.section) out += `<p class="bs-section">${escape(doc.section)}</p>\n`;
  out += `<h1 class="bs-headline">${inline(doc.headline)}</h1>\n`;
  if (doc.standfirst) out += `<p class="bs-standfirst">${inline(doc.standfirst)}</p>\n`;
  const byline = [];
  if (authors.length) byline.push(`By ${listNames(authors.map((a) => `<span class="bs-person">${escape(personName(a))}</span>`))}`);
  if (analysts.length) byline.push(`With analysis from ${listNames(analysts.map((a) => `<span class="bs-person">${escape(personName(a))}</span>`))}`);
  if (byline.length) out += `<p class="bs-byline">${byline.join(' ')}</p>\n`;
  if (doc.published) out += `<p class="bs-meta"><time class="bs-date" datetime="${escape(doc.published)}">${escape(doc.published)}</time></p>\n`;
  out += '</header>\n';
  if (doc.image) out += image(doc.image, 'bs-lead-image');
  out += body(doc);
  if (doc.note) out += `<aside class="bs-note"><h2 class="bs-note-label">Editor’s note</h2>\n<p>${inline(doc.note)}</p></aside>\n`;
  out += '<footer class="bs-footer">\n';
  if (analysts.length) {
    out += '<section class="bs-analysts" aria-label="Analysts"><h2 class="bs-analysts-title">Analysts</h2>\n<ul class="bs-analyst-list">\n';
    for (const a of analysts) {
      out += `<li class="bs-analyst"><span class="bs-analyst-name">${escape(personName(a))}</span>` +
        (a.role ? ` <span class="bs-analyst-role">${escape(a.role)}</span>` : '') +
        (a.affiliation ? ` <span class="bs-analyst-affiliation">${escape(a.affiliation)}</span>` : '') + '</li>\n';
    }
    out += '</ul></section>\n';
  }
  if (doc.tags?.length) out += `<ul class="bs-tags" aria-label="Tags">${doc.tags.map((t) => `<li class="bs-tag">${escape(t)}</li>`).join('')}</ul>\n`;
  if (doc.callToAction) out += `<p class="bs-cta-wrap"><a class="bs-cta" href="${safeUrl(doc.callToAction.url)}">${escape(doc.callToAction.label)}</a></p>\n`;
  if (doc.publisher) out += `<p class="bs-publisher">Published by <a href="${safeUrl(doc.publisher.url)}">${escape(doc.publisher.name)}</a></p>\n`;
  return `${out}</footer>\n</article>\n`;
}

/** What sanitize-html must let through for that markup. */
export const sanitizeHtmlOptions = {
  allowedTags: ['article', 'header', 'footer', 'section', 'aside', 'figure', 'figcaption', 'blockquote', 'p', 'h1',
    'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'a', 'em', 'strong', 'code', 'pre', 'span', 'time', 'img',
    'hr', 'br', 'div'],
  allowedAttributes: {
    '*': ['class', 'lang', 'dir', 'aria-hidden', 'aria-label', 'data-theme'],
    a: ['href'], time: ['datetime'], img: ['src', 'alt', 'width', 'height', 'loading'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
};
