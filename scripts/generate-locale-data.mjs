#!/usr/bin/env node
// Writes the core's locale data (a C++ source) from the pinned CLDR packages on npm and the
// hand-written labels of src/layout/locale/labels.json. Run by the CMake build, native and
// Emscripten alike (add_custom_command in CMakeLists.txt), into the build directory:
//   node scripts/generate-locale-data.mjs OUTPUT.cpp
//   node scripts/generate-locale-data.mjs --json     the same data as JSON, for tests and docs
// Per locale it keeps only what the renderer uses (docs/locales.md): the long date pattern and the
// month names it needs, the short time pattern with AM/PM, the short localised GMT offset, the
// default numbering system's digits and grouping, the integer plural rule, the autonym, and the
// labels. Anything CLDR has that the generator does not understand stops the build, rather than
// being dropped silently.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const cldr = (file) => require(file);

const labelsFile = path.join(root, 'src/layout/locale/labels.json');
const { locales: labelSets } = JSON.parse(readFileSync(labelsFile, 'utf8'));

const PLURAL_CATEGORIES = ['one', 'two', 'few', 'many', 'other', 'zero']; // the C++ enum's order
const LABEL_FIELDS = [
  'by', 'byMany', 'withAnalysisFrom', 'listSeparator', 'listAnd', 'comma', 'analysts', 'editorsNote', 'tags',
  'publishedBy', 'updated', 'firstPublishedBy', 'republishedUnder', 'correction', 'update', 'otherLanguages',
  'notes', 'backToReference', 'sources',
];
// Labels a locale may leave out: English's are used instead (the embed placeholder's words).
const OPTIONAL_LABEL_FIELDS = ['embedPrivacy', 'embedLoad', 'embedOriginal'];

function fail(message) {
  throw new Error(`generate-locale-data: ${message}`);
}

// ── CLDR patterns ────────────────────────────────────────────────────────────────────────────────
// Splits an LDML pattern into fields (runs of one letter) and literal text ('quoted' or not).
export function tokenize(pattern) {
  const tokens = [];
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ literal: "'" });
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) fail(`unclosed quote in ${JSON.stringify(pattern)}`);
      tokens.push({ literal: pattern.slice(i + 1, end) });
      i = end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      tokens.push({ field: c, width: j - i });
      i = j;
    } else {
      tokens.push({ literal: c });
      i += 1;
    }
  }
  return tokens;
}

// The fields the core's formatter reads (labels.cpp formatPattern): anything else stops the build.
const SUPPORTED_FIELDS = { y: [1, 4], M: [1, 2, 4], d: [1, 2], H: [1, 2], h: [1, 2], m: [1, 2], a: [1], v: [1] };

function checkPattern(pattern, what) {
  for (const token of tokenize(pattern)) {
    if (token.field && !(SUPPORTED_FIELDS[token.field] ?? []).includes(token.width)) {
      fail(`${what} ${JSON.stringify(pattern)}: field ${token.field.repeat(token.width)} is not supported`);
    }
  }
  return pattern;
}

// Literal text in the core's pattern syntax: letters and quotes quoted, so the formatter never
// reads them as fields.
function quoteLiteral(text) {
  if (!/[A-Za-z']/.test(text)) return text;
  return `'${text.replace(/'/g, "''")}'`;
}

function untokenize(tokens) {
  return tokens.map((t) => (t.field ? t.field.repeat(t.width) : quoteLiteral(t.literal))).join('');
}

// LDML's short localised GMT format ("GMT+6", "GMT+5:30"): the hour without padding, and minutes
// only when they are not zero. From CLDR's hourFormat ("+HH:mm;-HH:mm") and gmtFormat ("GMT{0}"),
// the way LDML derives it: the hour-only form drops the minutes field and the literal before it.
function offsetPatterns(zoneNames, locale) {
  const [positive, negative] = zoneNames.hourFormat.split(';');
  if (!negative) fail(`${locale}: hourFormat ${zoneNames.hourFormat} has no negative pattern`);
  const gmt = zoneNames.gmtFormat;
  if (!gmt.includes('{0}')) fail(`${locale}: gmtFormat ${gmt} has no {0}`);
  const [before, after] = gmt.split('{0}');
  const shortHour = (tokens) => tokens.map((t) => (t.field === 'H' ? { field: 'H', width: 1 } : t));
  const forms = (sub) => {
    const tokens = shortHour(tokenize(sub));
    if (!tokens.some((t) => t.field === 'H') || !tokens.some((t) => t.field === 'm')) {
      fail(`${locale}: hourFormat part ${sub} lacks H or mm`);
    }
    const minutesAt = tokens.findIndex((t) => t.field === 'm');
    let cut = minutesAt;
    while (cut > 0 && tokens[cut - 1].literal !== undefined) cut--;
    const hourOnly = [...tokens.slice(0, cut), ...tokens.slice(minutesAt + 1)];
    const wrap = (t) => quoteLiteral(before) + untokenize(t) + quoteLiteral(after);
    return [wrap(hourOnly), wrap(tokens)];
  };
  const [posHour, posHourMinute] = forms(positive);
  const [negHour, negHourMinute] = forms(negative);
  return { offsetPatterns: [posHour, posHourMinute, negHour, negHourMinute], gmtZero: zoneNames.gmtZeroFormat };
}

// ── Plural rules ─────────────────────────────────────────────────────────────────────────────────
// CLDR's rule syntax for integers only ("N min read"): n and i are the number, v w f t e c are 0.
function pluralCondition(rule) {
  const condition = rule.split('@')[0].trim();
  if (!condition) return null; // "other"
  const relation = (text) => {
    const match = /^([niwvftec])\s*(?:%\s*(\d+))?\s*(!?=)\s*([\d.,\s]+)$/.exec(text.trim());
    if (!match) fail(`plural relation ${JSON.stringify(text)} is not understood`);
    const [, operand, modulus, op, list] = match;
    if (!'ni'.includes(operand)) {
      // v w f t e c are 0 for an integer: the relation is decided here.
      const holds = list.split(',').some((item) => {
        const [low, high = low] = item.trim().split('..').map(Number);
        return low <= 0 && 0 <= high;
      });
      return String(holds === (op === '='));
    }
    const value = modulus ? `n % ${modulus}` : 'n';
    const alternatives = list.split(',').map((item) => {
      const [low, high] = item.trim().split('..');
      return high === undefined ? `${value} == ${low}` : `(${value} >= ${low} && ${value} <= ${high})`;
    });
    const any = alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' || ')})`;
    return op === '=' ? any : `!${any.startsWith('(') ? any : `(${any})`}`;
  };
  return condition
    .split(/\s+or\s+/)
    .map((and) => {
      const relations = and.split(/\s+and\s+/).map(relation);
      if (relations.includes('false')) return null;
      const kept = relations.filter((r) => r !== 'true');
      return kept.length ? kept.join(' && ') : 'true';
    })
    .filter((and) => and !== null)
    .join(' || ') || 'false';
}

function pluralRules(language) {
  const all = cldr('cldr-core/supplemental/plurals.json').supplemental['plurals-type-cardinal'];
  // CLDR gives some languages (tg in 48.2) no rules: they take root's, "other" only.
  const rules = all[language] ?? { 'pluralRule-count-other': '' };
  const cases = [];
  for (const [key, rule] of Object.entries(rules)) {
    const category = key.replace('pluralRule-count-', '');
    if (!PLURAL_CATEGORIES.includes(category)) fail(`${language}: plural category ${category}`);
    const condition = pluralCondition(rule);
    if (condition) cases.push({ category, condition });
  }
  return { categories: Object.keys(rules).map((k) => k.replace('pluralRule-count-', '')), cases };
}

// ── Locale matching ──────────────────────────────────────────────────────────────────────────────
// Each language's default script, and the regions whose likely script differs (zh-TW is Hant), from
// likelySubtags; parentLocales sends every script other than the default to root, which is English
// here.
function matching(languages) {
  const likely = cldr('cldr-core/supplemental/likelySubtags.json').supplemental.likelySubtags;
  const defaultScript = {};
  const regionScripts = [];
  for (const language of languages) {
    const full = likely[language];
    if (!full) fail(`no likely subtags for ${language}`);
    defaultScript[language] = full.split('-')[1];
  }
  for (const [from, to] of Object.entries(likely)) {
    const [language, region] = from.split('-');
    if (!languages.includes(language) || !region || !/^([A-Z]{2}|\d{3})$/.test(region)) continue;
    const script = to.split('-')[1];
    if (script !== defaultScript[language]) regionScripts.push({ language, region, script });
  }
  return { defaultScript, regionScripts };
}

// ── One locale ───────────────────────────────────────────────────────────────────────────────────
function localeData(id, set) {
  // A locale CLDR lacks (kk-Latn) names the CLDR locale its script-free data comes from.
  const source = set.cldr?.locale ?? id;
  const language = id.split('-')[0];
  const gregorian = cldr(`cldr-dates-full/main/${source}/ca-gregorian.json`).main[source].dates.calendars.gregorian;
  const zoneNames = cldr(`cldr-dates-full/main/${source}/timeZoneNames.json`).main[source].dates.timeZoneNames;
  const numbers = cldr(`cldr-numbers-full/main/${source}/numbers.json`).main[source].numbers;
  const numberingSystems = cldr('cldr-core/supplemental/numberingSystems.json').supplemental.numberingSystems;

  const dateFrom = set.cldr?.date ?? 'dateFormats/long';
  const [group, name] = dateFrom.split('/');
  const datePattern =
    group === 'dateFormats' ? gregorian.dateFormats[name] : gregorian.dateTimeFormats.availableFormats[name];
  if (typeof datePattern !== 'string') fail(`${id}: no ${dateFrom} in ${source}`);
  checkPattern(datePattern, `${id} date`);
  const monthWidth = tokenize(datePattern).find((t) => t.field === 'M')?.width;
  // The pattern is a format pattern, so its month names are the format (not stand-alone) forms:
  // CLDR puts the genitive there where a language needs it (ru "февраля", uk "лютого").
  const months = monthWidth === 4 ? Object.values(gregorian.months.format.wide) : [];
  if (monthWidth === 4 && months.length !== 12) fail(`${id}: ${months.length} months`);

  // The short time with its zone: CLDR's availableFormats skeleton Hmv or hmv, whichever clock the
  // short time format uses; the core fills v with the short GMT offset.
  const clock = tokenize(gregorian.timeFormats.short).some((t) => t.field === 'h') ? 'hmv' : 'Hmv';
  const timePattern = checkPattern(gregorian.dateTimeFormats.availableFormats[clock], `${id} ${clock}`);
  const periods = gregorian.dayPeriods.format.abbreviated;
  const offsets = offsetPatterns(zoneNames, id);
  for (const pattern of offsets.offsetPatterns) checkPattern(pattern, `${id} offset`);

  const system = numbers.defaultNumberingSystem;
  const digits = [...numberingSystems[system]._digits];
  const zero = digits[0].codePointAt(0);
  if (digits.length !== 10 || digits.some((d, i) => d.codePointAt(0) !== zero + i)) {
    fail(`${id}: digits of ${system} are not ten consecutive code points`);
  }
  const symbols = numbers[`symbols-numberSystem-${system}`];
  const decimalPattern = numbers[`decimalFormats-numberSystem-${system}`].standard;
  const grouping = /#,(#*)0/.exec(decimalPattern.split(';')[0].split('.')[0]);
  const secondary = /,([#0]*),[#0]*$/.exec(decimalPattern.split('.')[0]);
  const groupingSize = grouping ? grouping[1].length + 1 : 0;
  if (secondary && secondary[1].length !== groupingSize) fail(`${id}: secondary grouping in ${decimalPattern}`);

  const autonyms = cldr(`cldr-localenames-full/main/${source}/languages.json`).main[source].localeDisplayNames.languages;
  const autonym = set.autonym ?? autonyms[id] ?? autonyms[language];
  if (!autonym) fail(`${id}: no autonym`);

  const plural = pluralRules(language);
  for (const category of Object.keys(set.minutesRead)) {
    if (!plural.categories.includes(category)) fail(`${id}: minutesRead.${category} is no CLDR category of ${language}`);
  }
  if (!set.minutesRead.other) fail(`${id}: minutesRead.other is missing`);
  for (const field of LABEL_FIELDS) if (typeof set[field] !== 'string') fail(`${id}: label ${field} is missing`);
  if (!set.firstPublishedBy.includes('{source}')) fail(`${id}: firstPublishedBy has no {source}`);
  if (!set.republishedUnder.includes('{license}')) fail(`${id}: republishedUnder has no {license}`);
  if (!set.backToReference.includes('{n}')) fail(`${id}: backToReference has no {n}`);
  if (!Array.isArray(set.quotes) || set.quotes.length !== 4) fail(`${id}: quotes needs four marks`);
  for (const field of OPTIONAL_LABEL_FIELDS) {
    const text = set[field] ?? labelSets.en[field];
    if (typeof text !== 'string') fail(`${id}: label ${field} is missing, and English has none`);
    if (field !== 'embedLoad' && !text.includes('{provider}')) fail(`${id}: ${field} has no {provider}`);
  }

  return {
    id,
    cldrLocale: source,
    datePattern,
    dateSource: dateFrom,
    months,
    timePattern,
    timeSource: clock,
    // Day periods only where the pattern shows them.
    am: tokenize(timePattern).some((t) => t.field === 'a') ? periods.am : '',
    pm: tokenize(timePattern).some((t) => t.field === 'a') ? periods.pm : '',
    ...offsets,
    numberingSystem: system,
    zeroDigit: zero,
    group: symbols.group,
    groupingSize,
    minimumGroupingDigits: Number(numbers.minimumGroupingDigits),
    autonym,
    plural,
    labels: set,
  };
}

export function buildLocaleData() {
  const ids = Object.keys(labelSets);
  if (ids[0] !== 'en') fail('en must come first: it is the fallback');
  const locales = ids.map((id) => localeData(id, labelSets[id]));
  const languages = [...new Set(ids.map((id) => id.split('-')[0]))];
  return { locales, ...matching(languages), cldrVersion: cldr('cldr-core/package.json').version };
}

// ── C++ ──────────────────────────────────────────────────────────────────────────────────────────
// A C++ string literal: JSON's escapes are C++'s too, and other characters stay UTF-8 in the source.
const str = (text) => JSON.stringify(text);

function pluralFunctions(locales) {
  const functions = new Map(); // body -> name
  const named = {};
  for (const locale of locales) {
    const body = locale.plural.cases
      .map(({ category, condition }) => `  if (${condition}) return Plural::${category[0].toUpperCase()}${category.slice(1)};`)
      .join('\n');
    if (!functions.has(body)) functions.set(body, `plural${functions.size}`);
    named[locale.id] = functions.get(body);
  }
  const code = [...functions]
    .map(([body, name]) => {
      const usesN = /\bn\b/.test(body);
      return `Plural ${name}(std::uint64_t${usesN ? ' n' : ''}) {\n${body ? `${body}\n` : ''}  return Plural::Other;\n}`;
    })
    .join('\n\n');
  return { code, named };
}

// A locale's texts in the order decodeLocale (labels.cpp) reads them, each ended by a NUL.
function localeTexts(locale) {
  const l = locale.labels;
  return [
    locale.id,
    ...LABEL_FIELDS.slice(0, 9).map((f) => l[f]),
    ...PLURAL_CATEGORIES.map((c) => l.minutesRead[c] ?? ''),
    ...LABEL_FIELDS.slice(9).map((f) => l[f]),
    ...l.quotes,
    locale.datePattern,
    ...(locale.months.length ? locale.months : Array(12).fill('')),
    locale.timePattern,
    locale.am,
    locale.pm,
    ...locale.offsetPatterns,
    locale.gmtZero,
    locale.group,
    locale.autonym,
    ...OPTIONAL_LABEL_FIELDS.map((f) => l[f] ?? labelSets.en[f]),
  ];
}

export function cppSource(data) {
  const { code, named } = pluralFunctions(data.locales);
  const languages = Object.entries(data.defaultScript);
  return `// Generated by scripts/generate-locale-data.mjs from CLDR ${data.cldrVersion} (npm cldr-*-full, cldr-core)
// and src/layout/locale/labels.json. Do not edit: the build writes it again.
#include "layout/locale_data.hpp"

namespace broadsheet::layout {
namespace {

${code}

}  // namespace

// Every locale's texts, NUL after each, in the order decodeLocale (labels.cpp) reads them: one
// block of text is a third the size of a table of string_views once compressed.
const char kLocaleTexts[] =
${data.locales.map((l) => localeTexts(l).map((t) => `    ${str(t).slice(0, -1)}\\0"`).join('\n')).join('\n')};

const LocaleNumbers kLocaleNumbers[] = {
${data.locales
  .map((l) => `    {${named[l.id]}, ${l.zeroDigit}, ${l.labels.wordsPerMinute}, ${l.groupingSize}, ${l.minimumGroupingDigits}}`)
  .join(',\n')}};

Labels kLocales[${data.locales.length}];
const std::size_t kLocaleCount = ${data.locales.length};

const LanguageScript kDefaultScripts[] = {
${languages.map(([language, script]) => `    {${str(language)}, ${str(script)}}`).join(',\n')}};
const std::size_t kDefaultScriptCount = ${languages.length};

const RegionScript kRegionScripts[] = {
${data.regionScripts.map((r) => `    {${str(r.language)}, ${str(r.region)}, ${str(r.script)}}`).join(',\n')}};
const std::size_t kRegionScriptCount = ${data.regionScripts.length};

}  // namespace broadsheet::layout
`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const data = buildLocaleData();
  const target = process.argv[2];
  if (target === '--json') process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  else if (target) writeFileSync(target, cppSource(data));
  else fail('usage: generate-locale-data.mjs OUTPUT.cpp | --json');
}
