// The layout stage: pull-quote placement, bylines, attributions, labels.
#include <catch2/catch.hpp>

#include "format/value_checks.hpp"
#include "layout/labels.hpp"
#include "layout/pullquote_placement.hpp"
#include "layout/quote_search.hpp"
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

TEST_CASE("slots lie between two paragraphs, from the second paragraph on", "[layout][pullquote]") {
  // p p H p p Q p p L p : H heading, Q quote (or anchored pull quote), L list
  const std::vector<FlowItem> flow = {{true, 10}, {true, 10}, {false, 2}, {true, 10}, {true, 10}, {false, 10},
                                      {true, 10}, {true, 10}, {false, 5}, {true, 10}};
  CHECK(layout::pullquoteSlots(flow) == std::vector<std::size_t>{3, 6});
  CHECK(layout::pullquoteSlots(paragraphs(2)) == std::vector<std::size_t>{});  // only after the last
  CHECK(layout::pullquoteSlots(paragraphs(3)) == std::vector<std::size_t>{1});
  CHECK(layout::pullquoteSlots({}).empty());
}

TEST_CASE("anchored pull quotes occupy their place", "[layout][pullquote]") {
  // p p p A p p p : A, an anchored pull quote, is not a paragraph, so nothing goes next to it.
  std::vector<FlowItem> flow = paragraphs(7);
  flow[3] = {false, 12};
  const auto placement = placePullquotes(flow, 4);
  CHECK(placement[0] == std::optional<std::size_t>(1));
  CHECK(placement[1] == std::optional<std::size_t>(4));
  CHECK(placement[2] == std::optional<std::size_t>(5));
  CHECK_FALSE(placement[3].has_value());
}

TEST_CASE("with more pull quotes than slots the first ones are kept, in order", "[layout][pullquote]") {
  const auto placement = placePullquotes(paragraphs(4), 3);  // slots after paragraphs 2 and 3
  CHECK(placement[0] == std::optional<std::size_t>(1));
  CHECK(placement[1] == std::optional<std::size_t>(2));
  CHECK_FALSE(placement[2].has_value());
  CHECK(placePullquotes(paragraphs(1), 1) == std::vector<std::optional<std::size_t>>{std::nullopt});
  CHECK(placePullquotes(paragraphs(5), 0).empty());
}

TEST_CASE("a pull quote follows the passage it quotes when that costs at most half a spacing", "[layout][pullquote]") {
  using layout::PullquoteRequest;
  // Eight paragraphs of 50 words: W = 400, one pull quote aims at 200 words (after paragraph 4,
  // index 3). Half a spacing is 400 / (2 * 2) = 100 words.
  const auto flow = paragraphs(8);
  CHECK(placePullquotes(flow, {PullquoteRequest{}})[0] == std::optional<std::size_t>(3));
  // Quoting paragraph index 4: the slot after it is 50 words off the aim, better than 0 + 100.
  CHECK(placePullquotes(flow, {PullquoteRequest{4}})[0] == std::optional<std::size_t>(4));
  // Quoting the very paragraph before the ideal slot: that slot is already after it.
  CHECK(placePullquotes(flow, {PullquoteRequest{3}})[0] == std::optional<std::size_t>(3));
  // Quoting index 5: after it is 100 words off, a tie with 0 + 100; the earlier slot wins.
  CHECK(placePullquotes(flow, {PullquoteRequest{5}})[0] == std::optional<std::size_t>(3));
  // Quoting index 6: 150 words off is worse than going before it.
  CHECK(placePullquotes(flow, {PullquoteRequest{6}})[0] == std::optional<std::size_t>(3));
  // Quoting the last paragraph: no slot after it exists, so the nearest to the aim.
  CHECK(placePullquotes(flow, {PullquoteRequest{7}})[0] == std::optional<std::size_t>(3));
}

TEST_CASE("automatic pull quotes aim at their own passage", "[layout][pullquote]") {
  using layout::PullquoteRequest;
  const auto flow = paragraphs(10);
  // Right after the source paragraph, wherever it is.
  CHECK(placePullquotes(flow, {PullquoteRequest{7, true}})[0] == std::optional<std::size_t>(7));
  CHECK(placePullquotes(flow, {PullquoteRequest{2, true}, PullquoteRequest{3, true}}) ==
        std::vector<std::optional<std::size_t>>{std::size_t{2}, std::size_t{3}});
  // The last paragraph has no slot after it: the nearest one before.
  CHECK(placePullquotes(flow, {PullquoteRequest{9, true}})[0] == std::optional<std::size_t>(8));
  // The first paragraph has no slot after it either: the first slot.
  CHECK(placePullquotes(flow, {PullquoteRequest{0, true}})[0] == std::optional<std::size_t>(1));
}

TEST_CASE("pull quotes keep their order and leave room for each other", "[layout][pullquote]") {
  using layout::PullquoteRequest;
  // Both quote the last paragraphs: the first cannot take the last slot, or the second would have none.
  const auto placement = placePullquotes(paragraphs(6), {PullquoteRequest{5}, PullquoteRequest{5}});
  REQUIRE(placement.size() == 2);
  REQUIRE(placement[0].has_value());
  REQUIRE(placement[1].has_value());
  CHECK(*placement[0] < *placement[1]);
  // Three pull quotes on a three-slot body fill every slot.
  CHECK(placePullquotes(paragraphs(5), 3) ==
        std::vector<std::optional<std::size_t>>{std::size_t{1}, std::size_t{2}, std::size_t{3}});
}

TEST_CASE("word helpers", "[layout]") {
  CHECK(layout::countWords("  Kazakstan’s new military doctrine — maintains ") == 5);
  CHECK(layout::countWords("\u0421\u043B\u043E\u0432\u043E \u2026 «два»") == 2);
  CHECK(layout::normalizeForMatch("“Russia  Will”\u00A0give") == "\"russia will\" give");
  const std::string body = layout::normalizeForMatch("He said, “The emphasis will be on Russian technology. Russia will give discounts.”");
  CHECK(layout::QuoteMatcher("The emphasis will be on Russian technology").appearsIn(body));
  CHECK(layout::QuoteMatcher("“The emphasis will be … Russia will give discounts.”").appearsIn(body));
  CHECK_FALSE(layout::QuoteMatcher("Russia will give everything away").appearsIn(body));
  const auto spans = layout::quotedSpans("A said, “one two” and «три».");
  REQUIRE(spans.size() == 2);
  CHECK(spans[0] == "one two");
  CHECK(spans[1] == "три");
}

TEST_CASE("labels and dates follow the language", "[layout]") {
  CHECK(layout::formatDate("2007-02-20", layout::labelsFor("en")) == "20 February 2007");
  CHECK(layout::formatDate("2007-02-20T10:00Z", layout::labelsFor("ru-RU")) == "20 февраля 2007 г.");
  CHECK(layout::formatDate("2007-02-20", layout::labelsFor("kk")) == "2007 жылғы 20 ақпан");
  CHECK(layout::formatDate("2024-03-10", layout::labelsFor("ar")) == "10 مارس 2024");
  CHECK(layout::formatDate("2024-13-10", layout::labelsFor("en")).empty());
  // One primary-language rule for the format stage and the labels: case-blind, "-" or "_".
  CHECK(&layout::labelsFor("RU_ru") == &layout::labelsFor("ru"));
  CHECK(&layout::labelsFor("Kk-Cyrl") == &layout::labelsFor("kk"));
  CHECK(format::primaryLanguage("AR-eg") == "ar");
  CHECK(format::isRightToLeft("ckb-IQ"));
  CHECK_FALSE(format::isRightToLeft("kk-Arab-CN"));  // by language, not script
  CHECK(layout::formatDate("", layout::labelsFor("en")).empty());
  CHECK(layout::labelsFor("xx").by == "By");
  CHECK(layout::labelsFor("KK-Cyrl-KZ").listAnd == " және ");
  CHECK(layout::readingTime(3, layout::labelsFor("en")) == "3 min read");
  CHECK(layout::readingTime(3, layout::labelsFor("ru")) == "3 мин чтения");
  CHECK(layout::readingTime(3, layout::labelsFor("kk")) == "3 мин оқу");
  // Arabic counts have their own forms.
  const layout::Labels& arabic = layout::labelsFor("ar");
  CHECK(layout::readingTime(1, arabic) == "دقيقة واحدة للقراءة");
  CHECK(layout::readingTime(2, arabic) == "دقيقتان للقراءة");
  CHECK(layout::readingTime(5, arabic) == "5 دقائق للقراءة");
  CHECK(layout::readingTime(11, arabic) == "11 دقيقة للقراءة");
  CHECK(layout::readingTime(100, arabic) == "100 دقيقة للقراءة");
}

TEST_CASE("lists are joined by the language's rules", "[layout]") {
  auto join = [](std::size_t count, const char* lang) {
    const std::string names[] = {"A", "B", "C", "D"};
    std::string out = names[0];
    for (std::size_t i = 1; i < count; ++i) out += std::string(layout::listSeparator(i - 1, count, layout::labelsFor(lang))) + names[i];
    return out;
  };
  CHECK(join(1, "en") == "A");
  CHECK(join(2, "en") == "A and B");
  CHECK(join(3, "en") == "A, B and C");
  CHECK(join(4, "ru") == "A, B, C и D");
  CHECK(join(3, "kk") == "A, B және C");
  CHECK(join(3, "ar") == "A وB وC");
}

TEST_CASE("words normalised for matching", "[layout]") {
  const std::string text = "  “Kazakstan’s  new” military\u00A0doctrine — «maintains» A\tB\n c ";
  CHECK(layout::normalizeForMatch(text) == "\"kazakstan's new\" military doctrine - \"maintains\" a b c");
  std::string appended = "kept|";
  layout::appendForMatch(appended, "  Two  words ");
  CHECK(appended == "kept|two words");
  CHECK(layout::countWords(text) == 8);  // "—" holds no letter or digit
}

TEST_CASE("text search stays linear on hostile needles", "[layout]") {
  std::string haystack;
  for (int i = 0; i < 200000; ++i) haystack += "a ";
  std::string needle;
  for (int i = 0; i < 2000; ++i) needle += "a ";
  const layout::TextSearch search(needle + "b");
  std::size_t scanned = 0;
  CHECK(search.in(haystack, &scanned) == std::string_view::npos);
  CHECK(scanned == haystack.size());
  CHECK(layout::TextSearch("a b").in("a a a b") == 4);
}

TEST_CASE("quote search finds the first item holding the words, however far it has indexed", "[layout]") {
  std::vector<layout::BodyItem> body(40);
  for (std::size_t i = 0; i < body.size(); ++i) {
    body[i].text = text::Markdown("Filler paragraph number " + std::to_string(i) + ".", text::Flavor::Inline);
  }
  body[30].kind = layout::BodyItem::Kind::PullQuote;  // pull quotes are not where words are looked for
  body[30].text = text::Markdown("The needle, in plain words.", text::Flavor::Inline);
  body[35].text = text::Markdown("He said: “The *needle*, in plain words.”", text::Flavor::Inline);
  layout::QuoteSearch search(body, body.size(), 4096);

  const auto last = search.find("paragraph number 39");  // indexes the whole body
  REQUIRE(last.item.has_value());
  CHECK(*last.item == 39);
  const auto needle = search.find("“the needle, in plain words”");
  REQUIRE(needle.item.has_value());
  CHECK(*needle.item == 35);
  CHECK(*search.find("number 3").item == 3);  // the first of 3, 30... 39

  const auto across = search.find("number 7. … filler paragraph number 8");  // two fragments, two items
  CHECK_FALSE(across.item.has_value());
  CHECK(across.inBody);
  const auto paraphrase = search.find("a needle in other words");
  CHECK_FALSE(paraphrase.item.has_value());
  CHECK_FALSE(paraphrase.inBody);
}
