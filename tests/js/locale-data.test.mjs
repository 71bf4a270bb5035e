// The core's locale data against CLDR itself: for every locale the core carries, an article rendered
// by the WASM core shows the date, the same-day update time and the reading time that this file
// computes on its own from the CLDR JSON packages (no Intl, no code shared with
// scripts/generate-locale-data.mjs) and the hand-written labels of src/layout/locale/labels.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { repoRoot } from '../helpers/paths.mjs';

const require = createRequire(path.join(repoRoot, 'package.json'));
const { locales } = JSON.parse(readFileSync(path.join(repoRoot, 'src/layout/locale/labels.json'), 'utf8'));

const gregorian = (l) => require(`cldr-dates-full/main/${l}/ca-gregorian.json`).main[l].dates.calendars.gregorian;
const zoneNames = (l) => require(`cldr-dates-full/main/${l}/timeZoneNames.json`).main[l].dates.timeZoneNames;
const numbers = (l) => require(`cldr-numbers-full/main/${l}/numbers.json`).main[l].numbers;
const numberingSystems = require('cldr-core/supplemental/numberingSystems.json').supplemental.numberingSystems;
const plurals = require('cldr-core/supplemental/plurals.json').supplemental['plurals-type-cardinal'];

function localDigits(text, cldrLocale) {
  const digits = [...numberingSystems[numbers(cldrLocale).defaultNumberingSystem]._digits];
  return text.replace(/[0-9]/g, (d) => digits[Number(d)]);
}

/** CLDR's cardinal category of the integer n, by evaluating the rule text. */
function pluralCategory(language, n) {
  const rules = plurals[language] ?? {};
  const operand = (name) => ({ n, i: n }[name] ?? 0);
  const holds = (relation) => {
    const [, name, mod, op, list] = /^(\w)\s*(?:%\s*(\d+))?\s*(!?=)\s*(.+)$/.exec(relation.trim());
    const value = mod ? operand(name) % Number(mod) : operand(name);
    const inList = list.split(',').some((range) => {
      const [low, high = low] = range.split('..').map(Number);
      return value >= low && value <= high;
    });
    return op === '=' ? inList : !inList;
  };
  for (const [key, rule] of Object.entries(rules)) {
    const condition = rule.split('@')[0].trim();
    if (condition && condition.split(' or ').some((and) => and.split(' and ').every(holds))) {
      return key.replace('pluralRule-count-', '');
    }
  }
  return 'other';
}

/** An LDML pattern with the given field values (only what the patterns at hand hold). */
function ldml(pattern, values) {
  let out = '';
  for (const match of pattern.matchAll(/'([^']*)'|([A-Za-z])\2*|[^A-Za-z']+/g)) {
    if (match[1] !== undefined) out += match[1] === '' ? "'" : match[1];
    else if (match[2] !== undefined) out += values(match[0]);
    else out += match[0];
  }
  return out;
}

function expectedDate(id, set, [year, month, day]) {
  const source = set.cldr?.locale ?? id;
  const g = gregorian(source);
  const [group, name] = (set.cldr?.date ?? 'dateFormats/long').split('/');
  const pattern = group === 'dateFormats' ? g.dateFormats[name] : g.dateTimeFormats.availableFormats[name];
  const pad = (value, width) => String(value).padStart(width, '0');
  return ldml(pattern, (field) => {
    if (field === 'MMMM') return g.months.format.wide[month];
    if (field[0] === 'M') return localDigits(pad(month, field.length), source);
    if (field[0] === 'd') return localDigits(pad(day, field.length), source);
    if (field[0] === 'y') return localDigits(String(year), source);
    throw new Error(`${id}: date field ${field}`);
  });
}

function expectedTime(id, set, hour, minute, offsetHours) {
  const source = set.cldr?.locale ?? id;
  const g = gregorian(source);
  const zones = zoneNames(source);
  const twelveHour = /h/.test(g.timeFormats.short.replace(/'[^']*'/g, ''));
  const pattern = g.dateTimeFormats.availableFormats[twelveHour ? 'hmv' : 'Hmv'];
  // The short localised GMT format of a whole-hour, positive offset: hourFormat's positive part with
  // the minutes and what comes before them dropped, the hour unpadded.
  const hourPart = zones.hourFormat.split(';')[0].replace(/[^H]*mm/, '').replace('HH', 'H');
  const offset = zones.gmtFormat.replace('{0}', localDigits(hourPart.replace('H', String(offsetHours)), source));
  const periods = g.dayPeriods.format.abbreviated;
  return ldml(pattern, (field) => {
    if (field === 'HH') return localDigits(String(hour).padStart(2, '0'), source);
    if (field === 'H') return localDigits(String(hour), source);
    if (field === 'h') return localDigits(String(hour % 12 || 12), source);
    if (field === 'mm') return localDigits(String(minute).padStart(2, '0'), source);
    if (field === 'a') return hour < 12 ? periods.am : periods.pm;
    if (field === 'v') return offset;
    throw new Error(`${id}: time field ${field}`);
  });
}

function articleIn(lang, paragraphs) {
  const words = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
  return JSON.stringify({
    format: 'broadsheet/article@1',
    headline: 'Headline',
    lang,
    published: '2007-02-20',
    updated: '2007-02-20T14:05:00+06:00',
    authors: [{ name: 'A' }],
    body: Array.from({ length: paragraphs }, () => ({ type: 'paragraph', text: words })),
  });
}

describe('locale data against CLDR', () => {
  let renderer;
  before(async () => {
    renderer = await createRenderer();
  });

  for (const [id, set] of Object.entries(locales)) {
    test(`${id}: date, same-day update time, reading time and byline as CLDR and labels.json say`, () => {
      const language = id.split('-')[0];
      for (const paragraphs of [1, 4, 13, 60]) {
        const result = renderer.render(articleIn(id, paragraphs));
        assert.equal(result.ok, true);
        assert.deepEqual(result.diagnostics, []);
        const { html, meta } = result;
        assert.ok(html.includes(`datetime="2007-02-20">${expectedDate(id, set, [2007, 2, 20])}</time>`), html);
        assert.ok(
          html.includes(`${set.updated} <time datetime="2007-02-20T14:05:00+06:00">${expectedTime(id, set, 14, 5, 6)}</time>`),
          html,
        );
        const n = meta.readingMinutes;
        const form = set.minutesRead[pluralCategory(language, n)] ?? set.minutesRead.other;
        const reading = form.replace('{n}', localDigits(String(n), set.cldr?.locale ?? id));
        assert.ok(html.includes(`<span class="bs-reading-time">${reading}</span>`), `${n}: ${html}`);
        assert.ok(html.includes(set.by), html);
      }
    });
  }

  test('region subtags fall back silently; unknown languages get English', () => {
    for (const [lang, like] of [
      ['kk-KZ', 'kk'],
      ['ru-KZ', 'ru'],
      ['uz-Cyrl-UZ', 'uz-Cyrl'],
      ['zh-Hant-TW', 'en'],
      ['xx', 'en'],
    ]) {
      const result = renderer.render(articleIn(lang, 1));
      assert.deepEqual(result.diagnostics, [], lang);
      const expected = renderer.render(articleIn(like, 1)).html.replace(`lang="${like}"`, `lang="${lang}"`);
      assert.equal(result.html.replace(/ dir="(ltr|rtl)"/, ''), expected.replace(/ dir="(ltr|rtl)"/, ''), lang);
    }
  });
});
