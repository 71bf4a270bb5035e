// Words and typographic conventions the layout adds around the author's text, per language.
// Unknown languages get English labels while the article keeps its own lang attribute.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace broadsheet::layout {

// CLDR plural categories used by "{n} min read"; languages without plural forms use `other` only.
enum class Plural { One, Two, Few, Many, Other };

struct Labels {
  std::string_view by;                // "By" before one author
  std::string_view byMany;            // before two or more ("Авторы:")
  std::string_view withAnalysisFrom;  // "With analysis from"
  std::string_view listSeparator;     // between list items but the last two: ", " ("A, B and C")
  std::string_view listAnd;           // before the last item: " and "
  std::string_view comma;             // between a name and a role: ", " ("، " in Arabic)
  std::string_view analysts;          // panel heading
  std::string_view editorsNote;
  std::string_view tags;
  std::string_view minutesRead[5];  // "{n} min read", indexed by Plural; empty forms fall back to Other
  Plural (*plural)(std::size_t) = nullptr;
  std::string_view publishedBy;
  std::string_view updated;                  // before the date of the last update
  std::string_view correction;               // heading of a correction appended to the article
  std::string_view update;                   // heading of an update appended to the article
  std::string_view otherLanguages;           // the language switcher's label: "Also in"
  const std::string_view* months = nullptr;  // twelve month names, in the form a date uses
  std::string_view dateOrder;                // "dmy" ("20 February 2007") or "ymd" ("2007 жылғы 20 ақпан")
  std::string_view yearSuffix;               // after the year: " г.", " жылғы"
  std::string_view openQuote;                // the outer quote marks that replace cmark's smart “…”
  std::string_view closeQuote;
  std::string_view innerOpenQuote;  // quote marks inside quotes
  std::string_view innerCloseQuote;
  int wordsPerMinute = 230;  // for reading time; documented in docs/layout.md
};

const Labels& labelsFor(std::string_view lang);

// "2007-02-20" (or a date-time) -> "20 February 2007" in the language's form; "" when empty.
std::string formatDate(std::string_view isoDate, const Labels& labels);

// "{n} min read" with n filled in, in the plural form the number takes.
std::string readingTime(std::size_t minutes, const Labels& labels);

// Between the i-th and (i+1)-th of `count` list items: ", " or " and " in the language's form.
std::string_view listSeparator(std::size_t i, std::size_t count, const Labels& labels);

}  // namespace broadsheet::layout
