// The layout stage: pull-quote placement, bylines, attributions, labels.
#include <catch2/catch.hpp>

#include "layout/labels.hpp"
#include "layout/pullquote_placement.hpp"
#include "layout/words.hpp"
#include "test_support.hpp"

using namespace broadsheet;
using broadsheet::layout::FlowItem;
using broadsheet::layout::placePullquotes;

namespace {

std::vector<FlowItem> paragraphs(std::size_t count, std::size_t words = 50) {
  return std::vector<FlowItem>(count, FlowItem{true, words});
}

}  // namespace

TEST_CASE("pull quotes never go before the second paragraph or after the last", "[layout][pullquote]") {
  const auto placement = placePullquotes(paragraphs(3), 5);
  REQUIRE(placement.size() == 5);
  CHECK(placement[0] == std::optional<std::size_t>(1));  // after paragraph 2, before paragraph 3
  for (std::size_t i = 1; i < 5; ++i) CHECK_FALSE(placement[i].has_value());
}

TEST_CASE("pull quotes need a paragraph on both sides", "[layout][pullquote]") {
  // p p H p p Q p : slots after 1 (p|H no), after 3 (p|p yes), after 4 (p|Q no)
  std::vector<FlowItem> flow = {{true, 10}, {true, 10}, {false, 2}, {true, 10}, {true, 10}, {false, 10}, {true, 10}};
  const auto placement = placePullquotes(flow, 3);
  CHECK(placement[0] == std::optional<std::size_t>(3));
  CHECK_FALSE(placement[1].has_value());
  CHECK_FALSE(placement[2].has_value());
}

TEST_CASE("pull quotes spread by running word count, not block count", "[layout][pullquote]") {
  // Words are concentrated at the start: the middle of the text is after paragraph 2.
  std::vector<FlowItem> flow = {{true, 10}, {true, 400}, {true, 10}, {true, 10}, {true, 10}, {true, 10}, {true, 10}};
  const auto placement = placePullquotes(flow, 1);
  CHECK(placement[0] == std::optional<std::size_t>(1));

  const auto even = placePullquotes(paragraphs(12), 3);
  CHECK(even[0] == std::optional<std::size_t>(2));
  CHECK(even[1] == std::optional<std::size_t>(5));
  CHECK(even[2] == std::optional<std::size_t>(8));
}

TEST_CASE("word helpers", "[layout]") {
  CHECK(layout::countWords("  Kazakstan’s new military doctrine — maintains ") == 5);
  CHECK(layout::countWords("\u0421\u043B\u043E\u0432\u043E \u2026 «два»") == 2);
  CHECK(layout::normalizeForMatch("“Russia  Will”\u00A0give") == "\"russia will\" give");
  const std::string body = layout::normalizeForMatch("He said, “The emphasis will be on Russian technology. Russia will give discounts.”");
  CHECK(layout::quoteAppearsIn("The emphasis will be on Russian technology", body));
  CHECK(layout::quoteAppearsIn("“The emphasis will be … Russia will give discounts.”", body));
  CHECK_FALSE(layout::quoteAppearsIn("Russia will give everything away", body));
  const auto spans = layout::quotedSpans("A said, “one two” and «три».");
  REQUIRE(spans.size() == 2);
  CHECK(spans[0] == "one two");
  CHECK(spans[1] == "три");
}

TEST_CASE("labels and dates follow the language", "[layout]") {
  CHECK(layout::formatDate("2007-02-20", layout::labelsFor("en")) == "20 February 2007");
  CHECK(layout::formatDate("2007-02-20T10:00Z", layout::labelsFor("ru-RU")) == "20 февраля 2007 г.");
  CHECK(layout::formatDate("2007-02-20", layout::labelsFor("kk")) == "2007 жылғы 20 ақпан");
  CHECK(layout::labelsFor("xx").by == "By");
  CHECK(layout::readingTime(3, layout::labelsFor("en")) == "3 min read");
}
