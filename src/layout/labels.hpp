// Words the layout adds around the author's text, per language. Unknown languages get English
// labels while the article keeps its own lang attribute.
#pragma once

#include <string>
#include <string_view>

namespace broadsheet::layout {

struct Labels {
  std::string_view by;                // "By"
  std::string_view withAnalysisFrom;  // "With analysis from"
  std::string_view listAnd;           // before the last name of a list: "A, B and C"
  std::string_view analysts;          // panel heading
  std::string_view editorsNote;
  std::string_view tags;
  std::string_view minutesRead;       // "{n} min read"
  std::string_view publishedBy;
  std::string_view updated;
  const std::string_view* months;     // twelve month names, in the form a date uses
  std::string_view dateOrder;         // "dmy" ("20 February 2007") or "ymd" ("2007 жылғы 20 ақпан")
  std::string_view yearSuffix;        // after the year in "dmy" order (" г.") or before the day in "ymd"
  std::string_view openQuote;         // replaces the smart double quotes cmark produces
  std::string_view closeQuote;
  int wordsPerMinute;
};

const Labels& labelsFor(std::string_view lang);

// "2007-02-20" (or a date-time) -> "20 February 2007" in the language's form; "" when empty.
std::string formatDate(std::string_view isoDate, const Labels& labels);

// "{n} min read" with n filled in.
std::string readingTime(std::size_t minutes, const Labels& labels);

}  // namespace broadsheet::layout
