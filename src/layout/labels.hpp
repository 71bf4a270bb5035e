// Words, dates, times and numbers the layout adds around the author's text, per locale. The data is
// compiled in: CLDR's (dates, times, digits, plural rules, language names) and our hand-written
// labels, generated at build time by scripts/generate-locale-data.mjs (docs/locales.md). No Intl:
// Node and every browser get the same bytes.
// Unknown languages get English labels while the article keeps its own lang attribute.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace broadsheet::layout {

// CLDR plural categories ("{n} min read"); languages without plural forms use `other` only.
enum class Plural { One, Two, Few, Many, Other, Zero };
constexpr int kPluralCount = 6;

// One locale's data, read from the generated source (build/.../generated/locale_data.cpp) by
// labels.cpp; the views point into that source's constant text.
struct Labels {
  std::string_view locale;  // "kk", "uz-Cyrl": the locale these are

  // Hand-written (src/layout/locale/labels.json).
  std::string_view by;                // "By" before one author
  std::string_view byMany;            // before two or more ("Авторы:")
  std::string_view withAnalysisFrom;  // "With analysis from"
  std::string_view listSeparator;     // between list items but the last two: ", " ("A, B and C")
  std::string_view listAnd;           // before the last item: " and "
  std::string_view comma;             // between a name and a role: ", " ("، " in Arabic)
  std::string_view analysts;          // panel heading
  std::string_view editorsNote;
  std::string_view tags;
  std::string_view minutesRead[kPluralCount];  // "{n} min read", indexed by Plural; empty forms take Other's
  std::string_view publishedBy;
  std::string_view updated;           // before the date (or time) of the last update
  std::string_view firstPublishedBy;  // "First published by {source}."
  std::string_view republishedUnder;  // "Republished under {license}."
  std::string_view correction;
  std::string_view update;
  std::string_view otherLanguages;   // the language switcher's label
  std::string_view notes;            // the footnotes' heading
  std::string_view backToReference;  // a footnote's back-link: "Back to reference {n}"
  std::string_view sources;          // the sources list's heading
  std::string_view openQuote;        // the outer quote marks that replace cmark's smart “…”
  std::string_view closeQuote;
  std::string_view innerOpenQuote;  // quote marks inside quotes
  std::string_view innerCloseQuote;
  int wordsPerMinute;  // for reading time; documented in docs/layout.md
  // The embed placeholder's words (English's where a locale has none); {provider}: the provider's name.
  std::string_view embedPrivacy;   // "Loading this content from {provider} lets {provider} set cookies…"
  std::string_view embedLoad;      // the button
  std::string_view embedOriginal;  // the link to the original: "Open on {provider}"

  // From CLDR.
  Plural (*plural)(std::uint64_t);     // the cardinal rule for integers
  std::string_view datePattern;        // LDML pattern of a published/updated date: "d MMMM y 'г'."
  std::string_view months[12];         // format/wide names, when the pattern has MMMM
  std::string_view timePattern;        // short time with zone (v): "HH:mm v", "h:mm a v"
  std::string_view am, pm;             // day periods for `a`
  std::string_view offsetPatterns[4];  // short GMT offset: +H, +H:mm, -H, -H:mm ("'GMT'+H")
  std::string_view gmtZero;            // offset 0: "GMT"
  char32_t zeroDigit;                  // the default numbering system's 0 ('0', U+06F0 for fa)
  std::string_view group;              // grouping separator
  int groupingSize;                    // digits per group, 0 for none
  int minimumGroupingDigits;           // CLDR: 1234 stays ungrouped when 2
  std::string_view autonym;            // the language's name in itself
};

// The locale for a BCP 47 tag: language, then script (explicit or CLDR's likely one for the region),
// region ignored; any other language or script is English (docs/locales.md).
const Labels& labelsFor(std::string_view lang);

// "2007-02-20" (or a date-time) -> "20 February 2007" in the locale's form; "" when not a date.
std::string formatDate(std::string_view isoDate, const Labels& labels);

// The time of day of an ISO date-time with its offset ("2007-02-20T14:05+06:00" -> "14:05 GMT+6"),
// as written (no conversion); "" when it has no time or no offset.
std::string formatTimeWithOffset(std::string_view isoDateTime, const Labels& labels);

// An integer in the locale's digits and grouping: 12345 -> "12 345" (ru), "۱۲٬۳۴۵" (fa).
std::string formatNumber(std::uint64_t number, const Labels& labels);

// "{n} min read" with n filled in, in the plural form the number takes.
std::string readingTime(std::size_t minutes, const Labels& labels);

// Between the i-th and (i+1)-th of `count` list items: ", " or " and " in the language's form.
std::string_view listSeparator(std::size_t i, std::size_t count, const Labels& labels);

}  // namespace broadsheet::layout
