// Generated documents for the security tests: valid articles with random structure and words (for
// the nothing-lost property and the survival run), and malformed inputs made from them. Everything is
// drawn from a seeded generator, so a failure names a seed that reproduces it.

/** mulberry32: a small, fast, seeded PRNG; returns floats in [0, 1). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Words of several scripts, some with digits or apostrophes; each is a run of letters and digits.
const WORDS = [
  'defence', 'minister', 'cooperation', 'Kazakhstan', 'NATO', 'analysts', 'reliance', 'priority', 'modernise',
  'troops', 'doctrine', 'relationship', 'Moscow', 'February', '2007', 'A400M', 'COVID19', 'x86',
  'Россия', 'оборона', 'сотрудничество', 'Қазақстан', 'әскер', 'التعاون', 'الدفاع', 'وزير', 'שלום',
  '防衛', '協力', 'ニュース', '한국', 'Ελλάδα', 'naïve', 'façade', 'Ångström', 'Straße', 'İstanbul', 'ﬁnal',
];

export function generator(seed) {
  const next = random(seed);
  const int = (low, high) => low + Math.floor(next() * (high - low + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;

  const word = () => pick(WORDS);
  const words = (low, high) => Array.from({ length: int(low, high) }, word).join(' ');

  /** Inline CommonMark whose every word is meant to be read: emphasis, code, links, punctuation. */
  function inline(low = 3, high = 14) {
    const parts = [];
    const count = int(low, high);
    for (let i = 0; i < count; i++) {
      const w = word();
      const form = int(0, 11);
      if (form === 0) parts.push(`*${w}*`);
      else if (form === 1) parts.push(`**${w}**`);
      else if (form === 2) parts.push(`\`${w}\``);
      else if (form === 3) parts.push(`[${w}](https://news.example/${int(1, 99)})`);
      else if (form === 4) parts.push(`“${w}”`);
      else if (form === 5) parts.push(`${w},`);
      else if (form === 6) parts.push(`(${w})`);
      else parts.push(w);
    }
    return parts.join(' ');
  }

  /** Block CommonMark: paragraphs, a list, a quote, a heading. */
  function blocks() {
    const out = [];
    for (let i = int(1, 4); i > 0; i--) {
      const form = int(0, 5);
      if (form === 0) out.push(`## ${inline(2, 5)}`);
      else if (form === 1) out.push(`- ${inline(1, 4)}\n- ${inline(1, 4)}`);
      else if (form === 2) out.push(`> ${inline()}`);
      else out.push(inline());
    }
    return out.join('\n\n');
  }

  function person(id) {
    const p = { name: words(1, 3) };
    if (id) p.id = id;
    if (chance(0.6)) p.role = words(1, 5);
    if (chance(0.4)) p.affiliation = words(1, 3);
    if (chance(0.3)) p.honorific = word();
    if (chance(0.3)) p.url = `https://people.example/${int(1, 999)}`;
    return p;
  }

  function image(asBlock) {
    const i = { src: `https://images.example/${int(1, 999)}.jpg`, alt: chance(0.2) ? '' : words(1, 6) };
    if (asBlock) i.type = 'image';
    if (chance(0.6)) i.caption = inline(2, 8);
    if (chance(0.4)) i.credit = words(1, 3);
    if (chance(0.5)) Object.assign(i, { width: int(100, 2000), height: int(100, 2000) });
    return i;
  }

  /** A valid article; `pullquotes` are drawn from its own paragraphs. */
  function article() {
    const analysts = Array.from({ length: int(0, 4) }, (_, i) => person(`a${i}`));
    const doc = { format: 'broadsheet/article@1', headline: inline(2, 10) };
    if (chance(0.7)) doc.standfirst = inline();
    if (chance(0.5)) doc.section = words(1, 3);
    if (chance(0.5)) doc.tags = Array.from({ length: int(1, 4) }, () => words(1, 2));
    if (chance(0.5)) doc.published = `20${int(10, 29)}-0${int(1, 9)}-1${int(0, 9)}`;
    if (chance(0.4)) doc.publisher = { name: words(1, 3), url: 'https://publisher.example/' };
    if (chance(0.5)) doc.authors = Array.from({ length: int(1, 2) }, () => person(null));
    if (analysts.length) doc.analysts = analysts;
    if (chance(0.5)) doc.image = image(false);
    const by = () => (analysts.length && chance(0.7) ? pick(analysts).id : undefined);
    const body = [];
    for (let i = int(1, 12); i > 0; i--) {
      const type = pick(['paragraph', 'paragraph', 'paragraph', 'heading', 'quote', 'pullquote', 'list', 'image', 'note', 'divider', 'markdown']);
      if (type === 'paragraph' || type === 'note') body.push({ type, text: inline(4, 30) });
      else if (type === 'heading') body.push({ type, level: int(2, 4), text: inline(2, 6) });
      else if (type === 'quote') {
        const quote = { type, text: inline() };
        const speaker = by();
        if (speaker) quote.by = speaker;
        else if (chance(0.5)) quote.attribution = words(1, 3);
        body.push(quote);
      } else if (type === 'pullquote') body.push({ type, text: inline(3, 10), ...(by() ? { by: by() } : {}) });
      else if (type === 'list') body.push({ type, ordered: chance(0.5), items: Array.from({ length: int(1, 4) }, () => inline(1, 6)) });
      else if (type === 'image') body.push(image(true));
      else if (type === 'divider') body.push({ type });
      else body.push({ type, text: blocks() });
    }
    doc.body = chance(0.1) ? blocks() : body;
    const paragraphs = Array.isArray(doc.body) ? doc.body.filter((b) => b.type === 'paragraph') : [];
    if (paragraphs.length && chance(0.5)) {
      doc.pullquotes = Array.from({ length: int(1, 2) }, () => ({ text: pick(paragraphs).text.split(' ').slice(0, 6).join(' ') }));
    } else if (chance(0.1)) {
      doc.pullquotes = 'auto';
    }
    if (chance(0.5)) doc.note = inline();
    if (chance(0.4)) doc.callToAction = { label: words(1, 4), url: 'https://publisher.example/support' };
    return doc;
  }

  /** A malformed or hostile input of some kind: string, object, bytes or options. */
  function malformed() {
    const text = JSON.stringify(article());
    switch (int(0, 13)) {
      case 0: return { input: text.slice(0, int(0, text.length - 1)) };                  // truncated
      case 1: {                                                                          // a byte changed
        const bytes = new TextEncoder().encode(text);
        bytes[int(0, bytes.length - 1)] = int(0, 255);
        return { input: bytes };
      }
      case 2: return { input: new Uint8Array(Array.from({ length: int(0, 300) }, () => int(0, 255))) };  // noise
      case 3: return { input: `${'['.repeat(int(65, 5000))}` };                            // deep
      case 4: return { input: { ...JSON.parse(text), format: 'broadsheet/article@2' } };  // wrong format
      case 5: return { input: { ...JSON.parse(text), body: int(0, 1) ? [] : 42 } };        // bad body
      case 6: return { input: { ...JSON.parse(text), headline: '' } };                    // empty headline
      case 7: return { input: text.replace(/"https:/g, '"javascript:') };                 // refused URLs
      case 8: return { input: text.replace(/"by":"a/g, '"by":"zz') };                     // dangling references
      case 9: return { input: text, options: { limits: { maxStringBytes: int(1, 40), maxBlocks: int(1, 3) } } };
      case 10: return { input: text, options: { headingLevel: int(-3, 9), theme: pick(['dark', 'neon', 7]), standalone: chance(0.5) } };
      case 11: return { input: `${text}\u0000` };                                          // trailing NUL
      case 12: return { input: pick([null, 42, true, [], 'null', '', '{}', '"x"', '1e400', '{"format":1}']) };
      default: return { input: text.replace(/ /g, () => pick([' ', '\\ud800', '\\u0000', '\\n', ' '])) };  // escapes
    }
  }

  return { article, malformed, int, pick, chance, next };
}
