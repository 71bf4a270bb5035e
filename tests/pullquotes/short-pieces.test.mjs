// Issue 14: short, quote-heavy NBCentralAsia-style pieces in Russian, Kazakh, Kyrgyz, Uzbek and
// English (tests/fixtures/short-pieces/). Every pull quote, anchored and listed, finds a place within
// the placement rules (docs/layout.md); invented pull quotes are flagged as paraphrases; `"auto"`
// picks an analyst's own words; `meta.pullquotes.items` and `meta.quotes` report what happened, with
// speakers recognised from declined names ("по словам Алимовой", "Қасымовқа", "Alimovaning").
//
// Runs in Node on the WebAssembly core; the HTML is read with a small tag scanner, enough for the
// core's own markup (no raw HTML reaches it).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { createRenderer } from '../../web/broadsheet.js';
import { cliPath, repoRoot } from '../helpers/paths.mjs';

const FIXTURE_DIR = path.join(repoRoot, 'tests', 'fixtures', 'short-pieces');

// What each fixture holds, written down by hand so the renderer's answers can be checked against it.
//   quotes:      every inline «…» / “…” span of a paragraph, in reading order: where it is, how it
//                starts, whose words it is (null: not an analyst's), and the form that names the
//                speaker in its sentence.
//   paraphrases: indices into `pullquotes` of the invented ones (words not in the body); the other
//                entries, and every anchored pull quote, repeat the body word for word.
const FIXTURES = {
  ru: {
    paraphrases: [1],
    quotes: [
      { path: '/body/1', starts: 'Обмен воды на энергию работает', speaker: 'alimova', form: 'Динара Алимова (after the quote)' },
      { path: '/body/3', starts: 'Кыргызстан продаёт летнюю воду', speaker: 'kasymov', form: 'Ерлана Касымова (genitive; "Касымова" is also a woman\'s nominative)' },
      { path: '/body/7', starts: 'после пограничного конфликта', speaker: 'alimova', form: 'Алимовой (surname only, genitive)' },
      { path: '/body/8', starts: 'график попусков воды', speaker: null, form: 'Министерство энергетики (no analyst)' },
      { path: '/body/8', starts: 'Если зимой снова начнутся', speaker: 'vishnevsky', form: 'Вишневского (-ский genitive; previous sentence names no one)' },
    ],
  },
  kk: {
    paraphrases: [1],
    quotes: [
      { path: '/body/1', starts: 'билік тарифті сайлаудан', speaker: 'alimova', form: 'Алимованың (genitive)' },
      { path: '/body/3', starts: 'соңғы он жылда тариф', speaker: 'kasymov', form: 'Қасымовтың (genitive after -в)' },
      { path: '/body/7', starts: 'инвестор тариф келесі', speaker: 'sarsenova', form: 'Сәрсенованың (genitive)' },
      { path: '/body/9', starts: 'тарифтің өсуі әлеуметтік', speaker: null, form: 'Министрлік (no analyst)' },
      { path: '/body/9', starts: 'Атаулы көмек алатындар', speaker: 'kasymov', form: 'Қасымовқа (dative)' },
    ],
  },
  ky: {
    paraphrases: [],
    quotes: [
      { path: '/body/1', starts: 'Россиядагы ар бир жаңы мыйзам', speaker: 'alimova', form: 'Алимованын (genitive)' },
      { path: '/body/4', starts: 'акча которуулары үй-бүлөлөрдү', speaker: 'mambetov', form: 'Мамбетовдун (genitive after -в)' },
      { path: '/body/7', starts: 'үйгө кайткан жигиттер', speaker: 'toktogulova', form: 'Токтогулованын (genitive)' },
      { path: '/body/9', starts: 'Ар бир үчүнчү үй-бүлөнүн', speaker: 'alimova', form: 'Динара Алимовага (dative)' },
    ],
  },
  uz: {
    paraphrases: [],
    quotes: [
      { path: '/body/1', starts: 'Toshkent Tolibon bilan', speaker: 'alimova', form: 'Alimovaning (genitive)' },
      { path: '/body/4', starts: 'kanal toʻliq ishga tushsa', speaker: 'qodirov', form: 'Qodirovning (genitive)' },
      { path: '/body/8', starts: 'tomchilatib sugʻorish', speaker: 'toshpulatov', form: 'Farrux Toshpoʻlatovning (genitive, ʻ inside the name)' },
      { path: '/body/9', starts: 'bu yilgi suv limitlari', speaker: null, form: 'Suv xoʻjaligi vazirligi (no analyst)' },
      { path: '/body/9', starts: 'Limitlar qogʻozda bajariladi', speaker: 'alimova', form: 'Alimovaga (dative)' },
    ],
  },
  en: {
    paraphrases: [1],
    quotes: [
      { path: '/body/1', starts: 'The country loses almost a fifth', speaker: 'nazarov', form: 'Rustam Nazarov (after the quote)' },
      { path: '/body/4', starts: 'Dushanbe needs hard currency', speaker: 'karimova', form: 'Karimova’s (possessive)' },
      { path: '/body/8', starts: 'the price of a kilowatt-hour', speaker: 'nazarov', form: 'Nazarov’s (possessive)' },
      { path: '/body/9', starts: 'no household will be left', speaker: null, form: 'The energy ministry (no analyst)' },
      { path: '/body/9', starts: 'We heard the same promise', speaker: 'sharipov', form: 'Sharipov (surname only)' },
    ],
  },
};

const validateSchema = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(
  JSON.parse(readFileSync(path.join(repoRoot, 'schema', 'article.schema.json'), 'utf8')),
);

const PLACED_REASONS = new Set(['between-paragraphs', 'after-paragraph', 'authored', 'moved']);

// ---- text helpers ----------------------------------------------------------------------------

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', shy: '\u00AD' };

/** The text of an HTML fragment: tags removed, character references decoded. */
function htmlText(fragment) {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
      if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/**
 * The comparison form of text, as issue 14 describes the paraphrase check: quotes, dashes, case,
 * ё/е and soft hyphens normalised, white space collapsed.
 */
function norm(text) {
  return text
    .normalize('NFC')
    .replace(/[\u00AD\u200B\u2060]/g, '')
    .replace(/[«»“”„‟"]/g, '"')
    .replace(/[‘’‚‛']/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00A0\u202F]+/g, ' ')
    .trim();
}

/** norm() without the quote marks and sentence punctuation around it. */
function core(text) {
  return norm(text).replace(/^[\s"'.,;:!?…-]+|[\s"'.,;:!?…-]+$/g, '');
}

/** The inline quoted spans of a paragraph, in the order issue 14's meta.quotes lists them. */
function quotedSpans(text) {
  return [...text.matchAll(/«([^»]*)»|“([^”]*)”/g)].map((m) => m[1] ?? m[2]);
}

// ---- HTML structure --------------------------------------------------------------------------

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * The direct children of the article's .bs-body, in order: { tag, cls, inner }. A scanner of the
 * core's own markup, which is well-formed and has no raw text containing "<".
 */
function bodyChildren(html) {
  const open = /<div class="bs-body"[^>]*>/.exec(html);
  assert.ok(open, 'the article has a .bs-body');
  const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g;
  tagPattern.lastIndex = open.index + open[0].length;
  const children = [];
  let depth = 0;
  let current = null;
  for (let m = tagPattern.exec(html); m; m = tagPattern.exec(html)) {
    const [whole, closing, rawName, attrs] = m;
    const name = rawName.toLowerCase();
    if (closing) {
      if (depth === 0) break; // </div> of .bs-body
      depth -= 1;
      if (depth === 0) {
        current.inner = html.slice(current.start, m.index);
        children.push(current);
        current = null;
      }
      continue;
    }
    const selfClosing = VOID.has(name) || attrs.endsWith('/');
    if (depth === 0) {
      const cls = /\bclass="([^"]*)"/.exec(attrs)?.[1] ?? '';
      current = { tag: name, cls, start: m.index + whole.length, inner: '' };
      if (selfClosing) {
        children.push(current);
        current = null;
        continue;
      }
    }
    if (!selfClosing) depth += 1;
  }
  return children.map(({ tag, cls, inner }) => ({ tag, cls: cls.split(/\s+/).filter(Boolean), inner }));
}

// Each takes a body child or undefined (before the first, after the last).
const isPullquote = (child) => Boolean(child?.cls.includes('bs-pullquote'));
const isFloating = (child) => Boolean(child?.cls.includes('bs-pullquote--floating'));
const isParagraph = (child) => child?.tag === 'p';

/** The words of a pull quote aside (without its attribution line). */
function pullquoteText(child) {
  const m = /<p class="bs-pullquote-text"[^>]*>([\s\S]*?)<\/p>/.exec(child.inner);
  return m ? htmlText(m[1]) : htmlText(child.inner);
}

/**
 * For each body child, the JSON Pointer of the document block it shows (null for floating pull
 * quotes, which come from `pullquotes`). The fixtures have no markdown blocks and nothing is left
 * out, so every block is exactly one child.
 */
function childSources(children, doc) {
  const sources = [];
  let block = 0;
  for (const child of children) sources.push(isFloating(child) ? null : `/body/${block++}`);
  assert.equal(block, doc.body.length, 'every body block is one child of .bs-body');
  return sources;
}

/** The placement rules of AGREEMENTS-14.md, checked on the body as rendered. Returns the problems. */
function placementProblems(children) {
  const problems = [];
  const firstParagraph = children.findIndex(isParagraph);
  children.forEach((child, i) => {
    if (!isPullquote(child)) return;
    const where = `child ${i} ("${core(pullquoteText(child)).slice(0, 40)}…")`;
    if (isPullquote(children[i - 1]) || isPullquote(children[i + 1])) problems.push(`${where} is next to another pull quote`);
    if (!isFloating(child)) return;
    if (i === children.length - 1) problems.push(`${where} is the last block of the body`);
    if (firstParagraph === -1 || i < firstParagraph) problems.push(`${where} comes before the first paragraph`);
    if (!isParagraph(children[i - 1])) problems.push(`${where} follows ${children[i - 1] ? `a <${children[i - 1].tag}>` : 'nothing'}, not a paragraph`);
  });
  return problems;
}

// ---- loading ---------------------------------------------------------------------------------

function loadFixture(lang) {
  return JSON.parse(readFileSync(path.join(FIXTURE_DIR, `${lang}.json`), 'utf8'));
}

/** Everything a test needs about one rendering. */
function renderCase(renderer, doc) {
  const result = renderer.render(doc);
  const children = result.html ? bodyChildren(result.html) : [];
  return { doc, result, children, sources: children.length ? childSources(children, doc) : [] };
}

const byCode = (result, code) => result.diagnostics.filter((d) => d.code === code);
const items = (result) => {
  const list = result.meta?.pullquotes?.items;
  assert.ok(Array.isArray(list), 'meta.pullquotes.items is an array (AGREEMENTS-14.md)');
  return list;
};

/** The anchored pull quote blocks and listed pull quotes of a document, with their JSON Pointers. */
function authoredPullquotes(doc) {
  const anchored = doc.body.flatMap((block, i) => (block.type === 'pullquote' ? [{ origin: 'anchored', path: `/body/${i}`, text: block.text, by: block.by }] : []));
  const listed = Array.isArray(doc.pullquotes) ? doc.pullquotes.map((entry, i) => ({ origin: 'listed', path: `/pullquotes/${i}/text`, text: entry.text, by: entry.by })) : [];
  return [...anchored, ...listed];
}

/** All the text of the body blocks, normalised: where a paraphrase's "closest passage" must come from. */
function bodyText(doc) {
  return norm(doc.body.flatMap((block) => [block.text ?? '', ...(block.items ?? [])]).join(' \n '));
}

/**
 * Checks one meta.pullquotes item against the rendered body: its index points at a pull quote
 * aside with its words, `after` names the block before it, and `reason` describes the neighbours.
 */
function checkItemAgainstHtml(item, { children, sources, result }) {
  const label = `${item.origin} pull quote ${item.path}`;
  assert.equal(item.placed, true, `${label} is placed`);
  assert.ok(PLACED_REASONS.has(item.reason), `${label}: reason "${item.reason}" is a reason for a placed pull quote`);
  assert.ok(Number.isInteger(item.index) && item.index >= 0 && item.index < children.length, `${label}: index ${item.index} is a body child`);
  const child = children[item.index];
  assert.ok(isPullquote(child), `${label}: body child ${item.index} is a pull quote (it is <${child.tag} class="${child.cls.join(' ')}">)`);
  assert.equal(core(pullquoteText(child)), core(item.text), `${label}: body child ${item.index} shows its text`);
  assert.equal(isFloating(child), item.origin !== 'anchored', `${label}: ${item.origin === 'anchored' ? 'anchored' : 'floating'} markup`);
  assert.ok(item.index > 0, `${label}: something comes before it`);
  assert.equal(item.after, sources[item.index - 1], `${label}: "after" names the block before it`);
  const previous = children[item.index - 1];
  const next = children[item.index + 1];
  switch (item.reason) {
    case 'between-paragraphs':
      assert.ok(isParagraph(previous) && isParagraph(next), `${label}: between-paragraphs, but it sits between <${previous.tag}> and <${next?.tag}>`);
      break;
    case 'after-paragraph':
      assert.ok(isParagraph(previous), `${label}: after-paragraph, but it follows <${previous.tag}>`);
      break;
    case 'authored':
      assert.equal(item.origin, 'anchored', `${label}: only anchored pull quotes keep an authored place`);
      assert.equal(sources[item.index], item.path, `${label}: kept where it was written`);
      break;
    case 'moved':
      assert.equal(item.origin, 'anchored', `${label}: only anchored pull quotes move`);
      assert.ok(byCode(result, 'BS-PULLQUOTE-MOVED').some((d) => d.path.startsWith(item.path)), `${label}: moved, with a BS-PULLQUOTE-MOVED warning`);
      break;
    default:
      break;
  }
}

// ---- the tests -------------------------------------------------------------------------------

let renderer;
before(async () => {
  renderer = await createRenderer();
});

for (const [lang, spec] of Object.entries(FIXTURES)) {
  describe(`short piece: ${lang}`, () => {
    const doc = loadFixture(lang);
    const authored = authoredPullquotes(doc);
    let listed; // the document as written
    let auto; // the same with "pullquotes": "auto"
    before(() => {
      listed = renderCase(renderer, doc);
      auto = renderCase(renderer, { ...doc, pullquotes: 'auto' });
    });

    test('the fixture is what the brief asks for (8–12 blocks, quote-heavy, the spec table complete)', () => {
      assert.ok(doc.body.length >= 8 && doc.body.length <= 12, `${doc.body.length} body blocks`);
      const paragraphs = doc.body.filter((b) => b.type === 'paragraph');
      assert.ok(paragraphs.length >= 6, 'at least six paragraphs, so "auto" must place one');
      assert.ok(doc.analysts.length >= 2 && doc.analysts.length <= 3, '2–3 analysts');
      assert.ok(doc.body.some((b) => b.type === 'quote' && b.by), 'a quote block with `by`');
      assert.ok(doc.body.some((b) => b.type === 'pullquote'), 'an anchored pull quote');
      assert.ok(authored.length >= 2 && authored.length <= 3, '2–3 pull quotes');
      // The table above lists every inline quote of every paragraph, in order.
      const spans = doc.body.flatMap((b, i) => (b.type === 'paragraph' ? quotedSpans(b.text).map((text) => ({ path: `/body/${i}`, text })) : []));
      assert.deepEqual(spans.map((s) => s.path), spec.quotes.map((q) => q.path), 'spec.quotes covers every inline quote');
      spans.forEach((s, i) => assert.ok(core(s.text).startsWith(core(spec.quotes[i].starts)), `spec.quotes[${i}] starts "${spec.quotes[i].starts}"`));
      const ids = new Set(doc.analysts.map((a) => a.id));
      for (const q of spec.quotes) if (q.speaker) assert.ok(ids.has(q.speaker), `${q.speaker} is an analyst`);
      // Exact pull quotes repeat an analyst's words from the body; invented ones do not.
      const body = bodyText({ body: doc.body.filter((b) => b.type !== 'pullquote') });
      for (const [i, entry] of doc.pullquotes.entries()) {
        assert.equal(body.includes(core(entry.text)), !spec.paraphrases.includes(i), `pullquotes[${i}] ${spec.paraphrases.includes(i) ? 'is invented' : 'is in the body'}`);
      }
    });

    test('renders without errors, and validates (API, CLI, JSON Schema)', () => {
      const errors = listed.result.diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(errors, []);
      assert.equal(listed.result.ok, true);
      assert.equal(auto.result.ok, true);
      const validation = renderer.validate(doc);
      assert.equal(validation.ok, true, JSON.stringify(validation.diagnostics));
      const codes = new Set(validation.diagnostics.map((d) => d.code));
      for (const code of codes) assert.ok(code.startsWith('BS-PULLQUOTE-'), `only pull quote warnings, not ${code}`);
      // `broadsheet validate` exits 0 (it throws otherwise) and reports no error.
      const cli = JSON.parse(execFileSync(process.execPath, [cliPath, 'validate', path.join(FIXTURE_DIR, `${lang}.json`), '--format', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
      assert.deepEqual(cli.diagnostics.filter((d) => d.severity === 'error'), []);
      assert.ok(validateSchema(doc), JSON.stringify(validateSchema.errors));
      assert.ok(validateSchema({ ...doc, pullquotes: 'auto' }), JSON.stringify(validateSchema.errors));
    });

    test('every pull quote, anchored and listed, is placed', () => {
      const { result, children } = listed;
      assert.deepEqual(result.meta.pullquotes.dropped, []);
      assert.deepEqual(byCode(result, 'BS-PULLQUOTE-DROPPED'), []);
      assert.equal(children.filter(isPullquote).length, authored.length, 'one aside per pull quote');
      assert.equal(result.meta.pullquotes.placed, authored.length);
    });

    test('placement rules hold in the rendered body', () => {
      assert.deepEqual(placementProblems(listed.children), []);
      assert.deepEqual(placementProblems(auto.children), []);
    });

    test('meta.pullquotes.items: one per pull quote, consistent with the HTML', () => {
      const list = items(listed.result);
      assert.deepEqual(
        list.map((item) => `${item.origin} ${item.path}`).sort(),
        authored.map((pq) => `${pq.origin} ${pq.path}`).sort(),
        'one item per anchored and listed pull quote',
      );
      for (const item of list) {
        const source = authored.find((pq) => pq.path === item.path);
        assert.equal(core(item.text), core(source.text), `${item.path}: text`);
        assert.equal(item.speaker, source.by, `${item.path}: speaker is its \`by\``);
        checkItemAgainstHtml(item, listed);
      }
      // Anchored pull quotes in these fixtures stand after a paragraph, away from other pull quotes.
      for (const item of list.filter((i) => i.origin === 'anchored')) assert.equal(item.reason, 'authored', `${item.path} keeps its place`);
      assert.deepEqual(byCode(listed.result, 'BS-PULLQUOTE-MOVED'), []);
      // Every pull quote aside is reported.
      const reported = new Set(list.map((item) => item.index));
      listed.children.forEach((child, i) => {
        if (isPullquote(child)) assert.ok(reported.has(i), `body child ${i} (a pull quote) has an item`);
      });
      assert.equal(list.filter((item) => item.placed).length, listed.result.meta.pullquotes.placed);
    });

    test('invented pull quotes are flagged as paraphrases, quoting the closest passage; exact ones are not', () => {
      const { result, doc: document } = listed;
      const warnings = byCode(result, 'BS-PULLQUOTE-PARAPHRASE');
      const body = bodyText(document);
      const list = result.meta.pullquotes.items;
      for (const pq of authored) {
        const index = pq.origin === 'listed' ? Number(pq.path.split('/')[2]) : -1;
        const invented = spec.paraphrases.includes(index);
        const mine = warnings.filter((d) => (pq.origin === 'listed' ? d.path === pq.path : d.path === pq.path || d.path.startsWith(`${pq.path}/`)));
        if (!invented) {
          assert.deepEqual(mine, [], `${pq.path} repeats the body: no paraphrase warning`);
          if (list) assert.equal(list.find((item) => item.path === pq.path)?.inBody, true, `${pq.path}: inBody`);
          continue;
        }
        assert.equal(mine.length, 1, `${pq.path} is invented: one BS-PULLQUOTE-PARAPHRASE warning at its text`);
        assert.equal(mine[0].severity, 'warning');
        const passage = /closest passage is "(.*)"/s.exec(mine[0].message)?.[1];
        assert.ok(passage, `the message quotes the closest passage: ${mine[0].message}`);
        const fragments = passage.split(/…|\.\.\./).map(core).filter(Boolean);
        assert.ok(fragments.length > 0, 'the passage is not empty');
        for (const fragment of fragments) assert.ok(body.includes(fragment), `the passage "${fragment}" is from the body`);
        if (list) assert.equal(list.find((item) => item.path === pq.path)?.inBody, false, `${pq.path}: inBody is false`);
      }
      assert.equal(warnings.length, spec.paraphrases.length, 'no other paraphrase warnings');
    });

    test('"auto" places an analyst\'s own words, attributed to them', () => {
      const { result, children } = auto;
      assert.equal(result.ok, true);
      assert.deepEqual(result.meta.pullquotes.dropped, []);
      assert.ok(children.some(isFloating), 'at least one floating pull quote');
      const list = items(result);
      const picks = list.filter((item) => item.origin === 'auto');
      assert.ok(picks.length >= 1, 'at least one auto pick');
      assert.equal(picks.length, children.filter(isFloating).length, 'one item per floating pull quote');
      const analysts = new Set(doc.analysts.map((a) => a.id));
      for (const pick of picks) {
        checkItemAgainstHtml(pick, auto);
        assert.ok(analysts.has(pick.speaker), `auto pick "${pick.text}" has an analyst as speaker (${pick.speaker})`);
        // Its source: an inline quote of that analyst in the paragraph at `path`, or their quote block there.
        const sources = [
          ...spec.quotes.filter((q) => q.path === pick.path && q.speaker === pick.speaker).map((q) => {
            const block = doc.body[Number(q.path.split('/')[2])];
            return quotedSpans(block.text).find((span) => core(span).startsWith(core(q.starts)));
          }),
          ...doc.body.flatMap((block, i) => (`/body/${i}` === pick.path && block.type === 'quote' && block.by === pick.speaker ? [block.text] : [])),
        ];
        assert.ok(sources.some((words) => norm(words).includes(core(pick.text))), `auto pick "${pick.text}" is a span of ${pick.speaker}'s words at ${pick.path}`);
        assert.equal(pick.inBody, true);
      }
      // The anchored pull quote is still reported and kept.
      for (const pq of authored.filter((p) => p.origin === 'anchored')) {
        assert.equal(list.find((item) => item.path === pq.path)?.placed, true, `${pq.path} placed with "auto"`);
      }
      assert.deepEqual(byCode(result, 'BS-PULLQUOTE-PARAPHRASE'), []);
    });

    test('meta.quotes: inline quotes tied to their speakers, whatever the form of the name', () => {
      const quotes = listed.result.meta.quotes;
      assert.ok(Array.isArray(quotes), 'meta.quotes is an array (AGREEMENTS-14.md)');
      assert.equal(quotes.length, spec.quotes.length, 'one entry per inline quote of the paragraphs');
      for (const expected of spec.quotes) {
        const found = quotes.filter((q) => q.path === expected.path && core(q.text).startsWith(core(expected.starts)));
        assert.equal(found.length, 1, `one meta.quotes entry at ${expected.path} starting "${expected.starts}"`);
        assert.equal(found[0].speaker, expected.speaker, `"${expected.starts}…" (${expected.form}) is ${expected.speaker ?? 'no analyst'}'s`);
      }
      // The same with "auto": attribution does not depend on the pull quotes.
      assert.deepEqual(auto.result.meta.quotes, quotes);
    });
  });
}
