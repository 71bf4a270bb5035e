// The one generator of ordinary articles, for the benchmark (bench/articles.mjs), the tests (security's
// random articles, quality's long analysis) and the fuzzer's seeds (fuzz/seeds.mjs). Hostile and
// pathological inputs are made from these elsewhere (tests/security/generate.mjs,
// tests/quality/stress-articles.mjs, bench/pathological-shapes.mjs).
//
// Every article is drawn from a seeded generator, so it is the same bytes on every run and machine:
// benchmark figures compare across days, and a test that names a seed reproduces. Changing how
// anything here draws changes those articles; tests/bench/articles.test.mjs pins the benchmark's.
import { readFileSync } from 'node:fs';
import { examplePath } from './paths.mjs';

/** mulberry32: a small seeded generator of floats in [0, 1). */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws from `next`: a whole number from `low` to `high`, an element of a list, a yes with probability p. */
export function draws(next) {
  return {
    int: (low, high) => low + Math.floor(next() * (high - low + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

/** `low` to `high` words of `vocabulary` joined by spaces, each passed through `dress(word, i)` (which may draw). */
export function phrase(next, vocabulary, low, high, dress = (word) => word) {
  const { int, pick } = draws(next);
  const words = [];
  for (let i = 0, count = int(low, high); i < count; ++i) words.push(dress(pick(vocabulary), i));
  return words.join(' ');
}

const capitalized = (text) => `${text[0].toUpperCase()}${text.slice(1)}`;

const stringify = (doc) => JSON.stringify(doc, null, 2);

/** `doc` with the body `moreBlocks(0)`, `moreBlocks(1)`, … until its JSON (2-space indent) reaches about `bytes`. */
export function grow(doc, bytes, moreBlocks) {
  const grown = { ...doc, body: [] };
  let size = stringify({ ...doc, body: [] }).length;
  for (let i = 0; size < bytes; ++i) {
    const block = moreBlocks(i);
    grown.body.push(block);
    size += stringify(block).length + 6;  // indentation and the comma
  }
  return grown;
}

// ── The seed article at any size ─────────────────────────────────────────────────────────────────

/** The seed article (examples/nbca-russian-arms-nato.json), its body repeated in whole blocks to about `bytes`. */
export function scaledSeed(bytes) {
  const seed = JSON.parse(readFileSync(examplePath, 'utf8'));
  const blocks = seed.body;
  return grow(seed, bytes, (i) => blocks[i % blocks.length]);
}

// ── A generated analysis piece at any size (the benchmark's "generated" articles) ────────────────

const ANALYSIS_WORDS = ('the river treaty water basin delta minister agreement season flow power station ' +
  'farmers upstream downstream analysts government border trade cotton reservoir winter summer ' +
  'hydropower cascade negotiation ministry region economy export security cooperation partners ' +
  'observers budget drought irrigation canal province parliament election reform market prices ' +
  'investment sanctions pipeline railway corridor élite café naïve Zürich Ardenvale Lowmere Amerel').split(' ');

/** A sentence of 8 to 25 words, some with inline CommonMark (emphasis, code, links, quotes), now and then a dash. */
function analysisSentence(next) {
  const { pick } = draws(next);
  const text = phrase(next, ANALYSIS_WORDS, 8, 25, (word, i) => {
    const roll = next();
    if (roll < 0.03) return `*${word}*`;
    if (roll < 0.05) return `**${word}**`;
    if (roll < 0.06) return `\`${word}\``;
    if (roll < 0.075) return `[${word}](https://example.org/${word.replace(/\W/g, '')}/${i})`;
    if (roll < 0.085) return `"${word}"`;
    if (roll < 0.09) return `${word}'s`;
    return word;
  });
  return `${capitalized(text)}${next() < 0.1 ? ' — ' + pick(ANALYSIS_WORDS) : ''}.`;
}

function analysisParagraph(next, sentences) {
  const out = [];
  for (let i = 0; i < sentences; ++i) out.push(analysisSentence(next));
  return out.join(' ');
}

/** An analysis piece of about `bytes`: paragraphs with inline markup, headings, quotes, lists, pull quotes. */
export function generatedArticle(bytes, seed = 7) {
  const next = random(seed);
  const { int, pick } = draws(next);
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
    image: {
      src: 'https://example.org/images/dam.jpg', alt: 'The Tessaly Ford dam at dawn', caption: 'The dam',
      credit: 'Bench', width: 1200, height: 800,
    },
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
      return { type: 'heading', level: next() < 0.8 ? 2 : 3, text: analysisSentence(next).slice(0, 60) };
    }
    if (roll < 0.08) return { type: 'quote', text: analysisParagraph(next, 2), by: pick(analysts).id };
    if (roll < 0.1) {
      return { type: 'quote', text: analysisSentence(next), attribution: 'Amerel Accord (1988), Article 9' };
    }
    if (roll < 0.13) {
      const items = [];
      for (let i = 0, n = int(3, 5); i < n; ++i) items.push(analysisSentence(next));
      return { type: 'list', ordered: next() < 0.3, items };
    }
    if (roll < 0.14) return { type: 'pullquote', text: analysisSentence(next), by: pick(analysts).id };
    if (roll < 0.145) return { type: 'divider' };
    return { type: 'paragraph', text: analysisParagraph(next, int(2, 5)) };
  };
  return grow(doc, bytes, block);
}

// ── A long analysis: 400 blocks, Markdown blocks and automatic pull quotes ───────────────────────

const LONG_ANALYSIS_WORDS = ['arms', 'treaty', 'analysts', 'Kazakhstan', 'NATO', 'procurement', 'security', 'said',
  'the', 'of', 'and', 'partnership', 'Moscow', 'Astana', 'budget', 'interoperability', 'equipment', 'training',
  '“quoted”', 'reform'];

/** 400 blocks of plain sentences (headings, quotes, lists, Markdown, paragraphs) and `"auto"` pull quotes. */
export function longAnalysis(seed = 20070220) {
  const next = random(seed);
  const { int, chance } = draws(next);
  const sentence = () => `${capitalized(phrase(next, LONG_ANALYSIS_WORDS, 6, 23))}.`;
  const body = [];
  for (let i = 0; i < 400; i++) {
    const roll = next();
    if (roll < 0.06) body.push({ type: 'heading', level: int(2, 4), text: sentence() });
    else if (roll < 0.1) body.push({ type: 'quote', text: sentence(), by: chance(0.5) ? 'a' : 'b' });
    else if (roll < 0.13) {
      body.push({ type: 'list', ordered: chance(0.5), items: [sentence(), sentence(), sentence()] });
    } else if (roll < 0.15) {
      body.push({ type: 'markdown', text: `### ${sentence()}\n\n${sentence()}\n\n> ${sentence()}` });
    } else {
      body.push({ type: 'paragraph', text: Array.from({ length: int(1, 5) }, sentence).join(' ') });
    }
  }
  return {
    format: 'broadsheet/article@1',
    id: `long-analysis-${seed}`,
    headline: 'A very long analysis',
    analysts: [{ id: 'a', name: 'First Analyst', role: 'one' }, { id: 'b', name: 'Second Analyst', role: 'two' }],
    pullquotes: 'auto',
    body,
  };
}

// ── Random articles of every shape the format allows ─────────────────────────────────────────────

// Words of several scripts, some with digits or apostrophes; each is a run of letters and digits.
const MANY_SCRIPTS_WORDS = [
  'defence', 'minister', 'cooperation', 'Kazakhstan', 'NATO', 'analysts', 'reliance', 'priority', 'modernise',
  'troops', 'doctrine', 'relationship', 'Moscow', 'February', '2007', 'A400M', 'COVID19', 'x86',
  'Россия', 'оборона', 'сотрудничество', 'Қазақстан', 'әскер', 'التعاون', 'الدفاع', 'وزير', 'שלום',
  '防衛', '協力', 'ニュース', '한국', 'Ελλάδα', 'naïve', 'façade', 'Ångström', 'Straße', 'İstanbul', 'ﬁnal',
];

/**
 * Valid articles of random structure and words, every member and block type in play: `article()` draws
 * the next one. The draws are shared, so a caller that mixes its own (`int`, `pick`, `chance`, `next`)
 * with articles still gets one reproducible sequence per seed.
 */
export function randomArticles(seed) {
  const next = random(seed);
  const { int, pick, chance } = draws(next);

  const word = () => pick(MANY_SCRIPTS_WORDS);
  const words = (low, high) => Array.from({ length: int(low, high) }, word).join(' ');

  /** Inline CommonMark whose every word is meant to be read: emphasis, code, links, punctuation. */
  function inline(low = 3, high = 14) {
    return phrase(next, MANY_SCRIPTS_WORDS, low, high, (w) => {
      const form = int(0, 11);
      if (form === 0) return `*${w}*`;
      if (form === 1) return `**${w}**`;
      if (form === 2) return `\`${w}\``;
      if (form === 3) return `[${w}](https://news.example/${int(1, 99)})`;
      if (form === 4) return `“${w}”`;
      if (form === 5) return `${w},`;
      if (form === 6) return `(${w})`;
      return w;
    });
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
      const type = pick(['paragraph', 'paragraph', 'paragraph', 'heading', 'quote', 'pullquote', 'list', 'image',
        'note', 'divider', 'markdown']);
      if (type === 'paragraph' || type === 'note') body.push({ type, text: inline(4, 30) });
      else if (type === 'heading') body.push({ type, level: int(2, 4), text: inline(2, 6) });
      else if (type === 'quote') {
        const quote = { type, text: inline() };
        const speaker = by();
        if (speaker) quote.by = speaker;
        else if (chance(0.5)) quote.attribution = words(1, 3);
        body.push(quote);
      } else if (type === 'pullquote') body.push({ type, text: inline(3, 10), ...(by() ? { by: by() } : {}) });
      else if (type === 'list') {
        body.push({ type, ordered: chance(0.5), items: Array.from({ length: int(1, 4) }, () => inline(1, 6)) });
      }
      else if (type === 'image') body.push(image(true));
      else if (type === 'divider') body.push({ type });
      else body.push({ type, text: blocks() });
    }
    doc.body = chance(0.1) ? blocks() : body;
    const paragraphs = Array.isArray(doc.body) ? doc.body.filter((b) => b.type === 'paragraph') : [];
    if (paragraphs.length && chance(0.5)) {
      const opening = () => pick(paragraphs).text.split(' ').slice(0, 6).join(' ');
      doc.pullquotes = Array.from({ length: int(1, 2) }, () => ({ text: opening() }));
    } else if (chance(0.1)) {
      doc.pullquotes = 'auto';
    }
    if (chance(0.5)) doc.note = inline();
    if (chance(0.4)) doc.callToAction = { label: words(1, 4), url: 'https://publisher.example/support' };
    return doc;
  }

  return { article, int, pick, chance, next };
}
