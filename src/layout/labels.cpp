#include "layout/labels.hpp"

#include <string>

#include "layout/locale_data.hpp"

namespace broadsheet::layout {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
bool isAlpha(std::string_view s) {
  for (char c : s) {
    if (lower(c) < 'a' || lower(c) > 'z') return false;
  }
  return !s.empty();
}
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isDigits(std::string_view s) {
  for (char c : s) {
    if (!isDigit(c)) return false;
  }
  return !s.empty();
}

// The parts of a BCP 47 tag the locale depends on, in canonical case ("kk", "Cyrl", "KZ"); '_' is
// read as '-' ("ru_RU"). Variants and extensions do not change the locale.
struct Tag {
  std::string language, script, region;
};

Tag parseTag(std::string_view tag) {
  Tag parsed;
  std::size_t index = 0;
  while (!tag.empty()) {
    const std::size_t end = tag.find_first_of("-_");
    const std::string_view subtag = tag.substr(0, end);
    tag = end == std::string_view::npos ? std::string_view() : tag.substr(end + 1);
    if (index == 0) {
      for (char c : subtag) parsed.language.push_back(lower(c));
    } else if (subtag.size() == 4 && isAlpha(subtag) && parsed.script.empty() && parsed.region.empty()) {
      for (char c : subtag) parsed.script.push_back(parsed.script.empty() ? upper(c) : lower(c));
    } else if (((subtag.size() == 2 && isAlpha(subtag)) || (subtag.size() == 3 && isDigits(subtag))) &&
               parsed.region.empty()) {
      for (char c : subtag) parsed.region.push_back(upper(c));
    } else if (!(index == 1 && subtag.size() == 3 && isAlpha(subtag))) {  // an extended language subtag is skipped
      break;
    }
    ++index;
  }
  return parsed;
}

std::string_view defaultScript(std::string_view language) {
  for (std::size_t i = 0; i < kDefaultScriptCount; ++i) {
    if (kDefaultScripts[i].language == language) return kDefaultScripts[i].script;
  }
  return {};
}

std::string_view regionScript(std::string_view language, std::string_view region) {
  for (std::size_t i = 0; i < kRegionScriptCount; ++i) {
    if (kRegionScripts[i].language == language && kRegionScripts[i].region == region) return kRegionScripts[i].script;
  }
  return {};
}

// UTF-8 of the digit `value` (0-9) in the locale's numbering system.
void appendDigit(std::string& out, int value, const Labels& labels) {
  const char32_t c = labels.zeroDigit + static_cast<char32_t>(value);
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// At least `width` digits, no grouping (dates and times).
void appendPadded(std::string& out, std::uint64_t value, int width, const Labels& labels) {
  const std::string decimal = std::to_string(value);
  for (int i = static_cast<int>(decimal.size()); i < width; ++i) appendDigit(out, 0, labels);
  for (char c : decimal) appendDigit(out, c - '0', labels);
}

// What a pattern's fields stand for; offsetMinutes is used by `v` (and only when hasOffset).
struct Moment {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0;
  int offsetMinutes = 0;
};

std::string formatOffset(int offsetMinutes, const Labels& labels);

// The LDML pattern subset the generator lets through (scripts/generate-locale-data.mjs,
// SUPPORTED_FIELDS): y M MM MMMM d dd H HH h hh m mm a v, 'quoted' text, '' for a quote.
std::string formatPattern(std::string_view pattern, const Moment& moment, const Labels& labels) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    const char c = pattern[i];
    if (c == '\'') {
      if (i + 1 < pattern.size() && pattern[i + 1] == '\'') {
        out.push_back('\'');
        i += 2;
        continue;
      }
      std::size_t end = pattern.find('\'', i + 1);
      if (end == std::string_view::npos) end = pattern.size();
      out.append(pattern.substr(i + 1, end - i - 1));
      i = end + 1;
      continue;
    }
    if (lower(c) < 'a' || lower(c) > 'z') {
      out.push_back(c);
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < pattern.size() && pattern[end] == c) ++end;
    const int width = static_cast<int>(end - i);
    i = end;
    switch (c) {
      case 'y': appendPadded(out, static_cast<std::uint64_t>(moment.year), width == 1 ? 1 : width, labels); break;
      case 'M':
        if (width >= 3) {
          out.append(labels.months[moment.month - 1]);
        } else {
          appendPadded(out, static_cast<std::uint64_t>(moment.month), width, labels);
        }
        break;
      case 'd': appendPadded(out, static_cast<std::uint64_t>(moment.day), width, labels); break;
      case 'H': appendPadded(out, static_cast<std::uint64_t>(moment.hour), width, labels); break;
      case 'h':
        appendPadded(out, static_cast<std::uint64_t>(moment.hour % 12 == 0 ? 12 : moment.hour % 12), width, labels);
        break;
      case 'm': appendPadded(out, static_cast<std::uint64_t>(moment.minute), width, labels); break;
      case 'a': out.append(moment.hour < 12 ? labels.am : labels.pm); break;
      case 'v': out += formatOffset(moment.offsetMinutes, labels); break;
      default: break;  // the generator lets no other field through
    }
  }
  return out;
}

// LDML's short localised GMT format: "GMT+6", "GMT-3:30", "GMT" for zero.
std::string formatOffset(int offsetMinutes, const Labels& labels) {
  if (offsetMinutes == 0) return std::string(labels.gmtZero);
  const bool negative = offsetMinutes < 0;
  const int magnitude = negative ? -offsetMinutes : offsetMinutes;
  Moment moment;
  moment.hour = magnitude / 60;
  moment.minute = magnitude % 60;
  const std::string_view pattern = labels.offsetPatterns[(negative ? 2 : 0) + (moment.minute != 0 ? 1 : 0)];
  return formatPattern(pattern, moment, labels);
}

int number(std::string_view text, std::size_t from, std::size_t count) {
  int value = 0;
  for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

bool digitsAt(std::string_view text, std::size_t from, std::size_t count) {
  return from + count <= text.size() && isDigits(text.substr(from, count));
}

// The calendar date of "YYYY-MM-DD..." as written.
bool readDate(std::string_view iso, Moment& moment) {
  if (!digitsAt(iso, 0, 4) || iso.size() < 10 || iso[4] != '-' || !digitsAt(iso, 5, 2) || iso[7] != '-' ||
      !digitsAt(iso, 8, 2)) {
    return false;
  }
  moment.year = number(iso, 0, 4);
  moment.month = number(iso, 5, 2);
  moment.day = number(iso, 8, 2);
  return moment.month >= 1 && moment.month <= 12 && moment.day >= 1;
}

std::string_view nextText(const char*& at) {
  const std::string_view text(at);
  at += text.size() + 1;
  return text;
}

// The order of localeTexts in scripts/generate-locale-data.mjs.
void decodeLocale(const char*& at, const LocaleNumbers& numbers, Labels& l) {
  for (std::string_view* text : {&l.locale, &l.by, &l.byMany, &l.withAnalysisFrom, &l.listSeparator, &l.listAnd,
                                 &l.comma, &l.analysts, &l.editorsNote, &l.tags})
    *text = nextText(at);
  for (std::string_view& form : l.minutesRead) form = nextText(at);
  for (std::string_view* text : {&l.publishedBy, &l.updated, &l.firstPublishedBy, &l.republishedUnder, &l.correction,
                                 &l.update, &l.otherLanguages, &l.notes, &l.backToReference, &l.sources, &l.openQuote,
                                 &l.closeQuote, &l.innerOpenQuote, &l.innerCloseQuote, &l.datePattern})
    *text = nextText(at);
  for (std::string_view& month : l.months) month = nextText(at);
  for (std::string_view* text : {&l.timePattern, &l.am, &l.pm}) *text = nextText(at);
  for (std::string_view& pattern : l.offsetPatterns) pattern = nextText(at);
  for (std::string_view* text : {&l.gmtZero, &l.group, &l.autonym}) *text = nextText(at);
  for (std::string_view* text : {&l.embedPrivacy, &l.embedLoad, &l.embedOriginal}) *text = nextText(at);
  l.plural = numbers.plural;
  l.zeroDigit = numbers.zeroDigit;
  l.wordsPerMinute = numbers.wordsPerMinute;
  l.groupingSize = numbers.groupingSize;
  l.minimumGroupingDigits = numbers.minimumGroupingDigits;
}

// The locales, decoded once into static storage (no allocation in the middle of a render's memory).
const Labels* locales() {
  static const bool decoded = [] {
    const char* at = kLocaleTexts;
    for (std::size_t i = 0; i < kLocaleCount; ++i) decodeLocale(at, kLocaleNumbers[i], kLocales[i]);
    return true;
  }();
  (void)decoded;
  return kLocales;
}

}  // namespace

const Labels& labelsFor(std::string_view lang) {
  const Labels* const all = locales();
  const Tag tag = parseTag(lang);
  const std::string_view byDefault = defaultScript(tag.language);
  if (byDefault.empty()) return all[0];
  std::string_view script = tag.script;
  if (script.empty()) script = regionScript(tag.language, tag.region);
  if (script.empty()) script = byDefault;
  // CLDR's parentLocales sends a script other than the language's default to root, not to the
  // language (zh-Hant is not zh): English here, unless we carry that script.
  const std::string locale = script == byDefault ? tag.language : tag.language + "-" + std::string(script);
  for (std::size_t i = 0; i < kLocaleCount; ++i) {
    if (all[i].locale == locale) return all[i];
  }
  return all[0];
}

std::string formatDate(std::string_view isoDate, const Labels& labels) {
  Moment moment;
  if (!readDate(isoDate, moment)) return "";
  return formatPattern(labels.datePattern, moment, labels);
}

std::string formatTimeWithOffset(std::string_view iso, const Labels& labels) {
  Moment moment;
  if (!readDate(iso, moment) || iso.size() < 16 || (iso[10] != 'T' && iso[10] != 't' && iso[10] != ' ') ||
      !digitsAt(iso, 11, 2) || iso[13] != ':' || !digitsAt(iso, 14, 2)) {
    return "";
  }
  moment.hour = number(iso, 11, 2);
  moment.minute = number(iso, 14, 2);
  // Seconds and fractions are skipped; the offset is what follows them.
  std::size_t at = 16;
  while (at < iso.size() && (isDigit(iso[at]) || iso[at] == ':' || iso[at] == '.')) ++at;
  const std::string_view zone = iso.substr(at);
  if (zone == "Z" || zone == "z") {
    moment.offsetMinutes = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && digitsAt(zone, 1, 2) && zone[3] == ':' &&
             digitsAt(zone, 4, 2)) {
    const int minutes = number(zone, 1, 2) * 60 + number(zone, 4, 2);
    moment.offsetMinutes = zone[0] == '-' ? -minutes : minutes;
  } else {
    return "";
  }
  return formatPattern(labels.timePattern, moment, labels);
}

std::string formatNumber(std::uint64_t value, const Labels& labels) {
  const std::string decimal = std::to_string(value);
  const std::size_t size = decimal.size();
  const auto groupSize = static_cast<std::size_t>(labels.groupingSize);
  const bool grouped = groupSize > 0 && size >= groupSize + static_cast<std::size_t>(labels.minimumGroupingDigits);
  std::string out;
  for (std::size_t i = 0; i < size; ++i) {
    if (grouped && i > 0 && (size - i) % groupSize == 0) out.append(labels.group);
    appendDigit(out, decimal[i] - '0', labels);
  }
  return out;
}

std::string readingTime(std::size_t minutes, const Labels& labels) {
  std::string_view form = labels.minutesRead[static_cast<int>(labels.plural(minutes))];
  if (form.empty()) form = labels.minutesRead[static_cast<int>(Plural::Other)];
  std::string text(form);
  if (const std::size_t at = text.find("{n}"); at != std::string::npos)
    text.replace(at, 3, formatNumber(minutes, labels));
  return text;
}

std::string_view listSeparator(std::size_t i, std::size_t count, const Labels& labels) {
  return i + 2 == count ? labels.listAnd : labels.listSeparator;
}

}  // namespace broadsheet::layout
