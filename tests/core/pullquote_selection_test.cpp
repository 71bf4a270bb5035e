// Automatic pull-quote selection (src/layout/pullquote_selection.cpp) called directly on small
// hand-built bodies: which candidates qualify, how they rank, how many are wanted, the stretches,
// the words already taken and the order of the result. docs/layout.md, `"pullquotes": "auto"`.
#include <catch2/catch.hpp>

#include <cctype>
#include <string>
#include <vector>

#include "layout/pullquote_selection.hpp"

using broadsheet::layout::AttributedQuote;
using broadsheet::layout::kMaxTakenChecks;
using broadsheet::layout::PickedQuote;
using broadsheet::layout::pickPullquotes;
using broadsheet::layout::QuoteCandidateSource;

namespace {

// ASCII text of exactly `length` characters starting with `label` (which keeps texts from holding
// one another), ending in "." when `sentence`.
std::string text(const std::string& label, std::size_t length, bool sentence = true) {
  std::string out = label + " ";
  out.append(length - out.size() - (sentence ? 1 : 0), 'x');
  if (sentence) out += ".";
  REQUIRE(out.size() == length);
  return out;
}

QuoteCandidateSource paragraph(std::size_t words, std::vector<AttributedQuote> quotes = {}) {
  QuoteCandidateSource block;
  block.words = words;
  block.inlineQuotes = std::move(quotes);
  return block;
}

QuoteCandidateSource quoteBlock(std::size_t words, std::string_view plain, std::string_view by) {
  QuoteCandidateSource block;
  block.words = words;
  block.plain = plain;
  block.quoteBy = by;
  return block;
}

std::vector<std::string> plains(const std::vector<PickedQuote>& picks) {
  std::vector<std::string> out;
  for (const PickedQuote& pick : picks) out.push_back(pick.plain);
  return out;
}

std::vector<std::size_t> blocksOf(const std::vector<PickedQuote>& picks) {
  std::vector<std::size_t> out;
  for (const PickedQuote& pick : picks) out.push_back(pick.block);
  return out;
}

// The one pick of a short body (one stretch) whose first block is a quote block holding `inQuoteBlock`
// (unless empty) and whose second is a paragraph offering `inParagraph`.
std::string best(const std::string& inQuoteBlock, const std::vector<std::string>& inParagraph) {
  std::vector<AttributedQuote> quotes;
  for (const std::string& quote : inParagraph) quotes.push_back({quote, "an"});
  const std::vector<QuoteCandidateSource> body{quoteBlock(50, inQuoteBlock, inQuoteBlock.empty() ? "" : "qb"),
                                               paragraph(100, quotes)};
  const std::vector<PickedQuote> picks = pickPullquotes(body, 5, {});
  REQUIRE(picks.size() <= 1);
  return picks.empty() ? std::string() : picks.front().plain;
}

// `count` paragraphs of `words` words, each offering one 120-character sentence ("q<i> xxx...").
std::vector<std::string> sentences(std::size_t count) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) out.push_back(text("q" + std::to_string(i), 120));
  return out;
}

std::vector<QuoteCandidateSource> evenBody(const std::vector<std::string>& quotes, std::size_t words = 100) {
  std::vector<QuoteCandidateSource> body;
  for (const std::string& quote : quotes) body.push_back(paragraph(words, {{quote, "an"}}));
  return body;
}

}  // namespace

TEST_CASE("candidates are 20-300 characters, counted in code points", "[layout][pullquote][selection]") {
  CHECK(best("", {text("a", 19)}).empty());
  CHECK(best("", {text("a", 20)}) == text("a", 20));
  CHECK(best("", {text("a", 300)}) == text("a", 300));
  CHECK(best("", {text("a", 301)}).empty());
  CHECK(best(text("a", 301), {}).empty());
  // 19 Cyrillic letters are 38 bytes and still too short; 150 (300 bytes) are in the preferred range.
  std::string short19, long150;
  for (int i = 0; i < 19; ++i) short19 += "ж";
  for (int i = 0; i < 150; ++i) long150 += "ж";
  CHECK(best("", {short19}).empty());
  // 150 characters: preferred, beating a 59-character sentence (not preferred) despite being no sentence.
  CHECK(best("", {text("b", 59), long150}) == long150);
}

TEST_CASE("candidates rank by 40+, 60-200, whole sentence, paragraph, closeness to 120, reading order",
          "[layout][pullquote][selection]") {
  // 40 characters or more beats anything shorter, even a poor one from a quote block.
  CHECK(best(text("long", 300, false), {text("short", 39)}) == text("long", 300, false));
  CHECK(best("", {text("a", 39), text("b", 40, false)}) == text("b", 40, false));
  // 60-200 beats outside it.
  CHECK(best(text("pref", 200, false), {text("near", 59)}) == text("pref", 200, false));
  CHECK(best("", {text("a", 201), text("b", 60, false)}) == text("b", 60, false));
  // A whole sentence beats a fragment, even from a quote block; "!", "?" and "…" end sentences too.
  CHECK(best(text("whole", 200), {text("part", 120, false)}) == text("whole", 200));
  CHECK(best("", {text("a", 120, false), text("b", 180, false) + "!"}) == text("b", 180, false) + "!");
  CHECK(best("", {text("a", 120, false), text("b", 180, false) + "?"}) == text("b", 180, false) + "?");
  CHECK(best("", {text("a", 120, false), text("b", 180, false) + "\u2026"}) == text("b", 180, false) + "\u2026");
  // A paragraph's quotation beats a quote block's.
  CHECK(best(text("block", 120), {text("para", 190)}) == text("para", 190));
  // Then the length closest to 120.
  CHECK(best("", {text("a", 100), text("b", 130), text("c", 95)}) == text("b", 130));
  CHECK(best(text("a", 119), {}) == text("a", 119));
  // Equal scores: reading order (the quote block comes first, then the paragraph's quotations in order).
  CHECK(best("", {text("a", 110), text("b", 130)}) == text("a", 110));
  CHECK(best("", {text("a", 130), text("b", 110)}) == text("a", 130));
}

TEST_CASE("a quote block is a candidate only when attributed to an analyst", "[layout][pullquote][selection]") {
  const std::string words = text("block", 120);
  QuoteCandidateSource unattributed = quoteBlock(100, words, "");
  CHECK(pickPullquotes({unattributed, paragraph(100)}, 5, {}).empty());
  const std::vector<PickedQuote> picks = pickPullquotes({quoteBlock(100, words, "poletaev"), paragraph(100)}, 5, {});
  REQUIRE(picks.size() == 1);
  CHECK(picks[0].block == 0);
  CHECK(picks[0].by == "poletaev");
  CHECK(picks[0].plain == words);
}

TEST_CASE("one pull quote per 300 words, one to five, never more than the places", "[layout][pullquote][selection]") {
  CHECK(pickPullquotes(evenBody(sentences(2), 140), 5, {}).size() == 1);   // 280 words: at least one
  CHECK(pickPullquotes(evenBody(sentences(6), 99), 5, {}).size() == 1);    // 594 words
  CHECK(pickPullquotes(evenBody(sentences(6), 100), 5, {}).size() == 2);   // 600 words
  CHECK(pickPullquotes(evenBody(sentences(12), 100), 5, {}).size() == 4);  // 1200 words
  CHECK(pickPullquotes(evenBody(sentences(30), 100), 5, {}).size() == 5);  // 3000 words: at most five
  CHECK(pickPullquotes(evenBody(sentences(30), 100), 7, {}).size() == 5);
  CHECK(pickPullquotes(evenBody(sentences(12), 100), 2, {}).size() == 2);  // the places cap it
  CHECK(pickPullquotes(evenBody(sentences(12), 100), 0, {}).empty());
  CHECK(pickPullquotes({paragraph(3000)}, 5, {}).empty());  // no candidates, none
  CHECK(pickPullquotes({}, 5, {}).empty());
  // Fewer candidates than wanted: each is the best of its own stretch.
  const std::vector<std::string> twelve = sentences(12);
  std::vector<QuoteCandidateSource> body = evenBody(twelve, 100);
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (i != 1 && i != 10) body[i].inlineQuotes.clear();
  }
  CHECK(blocksOf(pickPullquotes(body, 5, {})) == std::vector<std::size_t>{1, 10});
}

TEST_CASE("each stretch of equal words gives its best candidate, or nothing", "[layout][pullquote][selection]") {
  // 1200 words, four stretches of 300 words: blocks 0-2, 3-5, 6-8, 9-11 (a block is in the stretch of its end).
  const std::vector<std::string> twelve = sentences(12);
  CHECK(blocksOf(pickPullquotes(evenBody(twelve), 5, {})) == std::vector<std::size_t>{0, 3, 6, 9});
  // A better candidate later in a stretch wins that stretch only.
  std::vector<std::string> quotes;
  for (std::size_t i = 0; i < 12; ++i) quotes.push_back(text("q" + std::to_string(i), 130));
  quotes[4] = text("better", 120);
  CHECK(blocksOf(pickPullquotes(evenBody(quotes), 5, {})) == std::vector<std::size_t>{0, 4, 6, 9});
  // The analysts speak only in the second half: the first two stretches give nothing.
  std::vector<QuoteCandidateSource> late = evenBody(twelve, 100);
  for (std::size_t i = 0; i < 6; ++i) late[i].inlineQuotes.clear();
  CHECK(blocksOf(pickPullquotes(late, 5, {})) == std::vector<std::size_t>{6, 9});
  // Blocks without candidates (headings, lists, left-out blocks) count their words all the same.
  const std::string early = text("early", 120), later = text("late", 120);
  std::vector<QuoteCandidateSource> spread{paragraph(10, {{early, "an"}}), paragraph(1190),
                                           paragraph(10, {{later, "an"}})};
  CHECK(blocksOf(pickPullquotes(spread, 5, {})) == std::vector<std::size_t>{0, 2});
}

TEST_CASE("words already taken are skipped", "[layout][pullquote][selection]") {
  const std::string first = text("first", 120), second = text("second", 150);
  const std::vector<QuoteCandidateSource> body{paragraph(100, {{first, "an"}, {second, "an"}})};
  CHECK(plains(pickPullquotes(body, 5, {})) == std::vector<std::string>{first});
  // An anchored pull quote repeating the words, holding them, or held by them; matched after
  // normalisation (case, typographic quotes).
  CHECK(plains(pickPullquotes(body, 5, {first})) == std::vector<std::string>{second});
  CHECK(plains(pickPullquotes(body, 5, {"He said: " + first + " And more."})) == std::vector<std::string>{second});
  CHECK(plains(pickPullquotes(body, 5, {first.substr(0, 30)})) == std::vector<std::string>{second});
  std::string upper = first;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(plains(pickPullquotes(body, 5, {upper})) == std::vector<std::string>{second});
  CHECK(pickPullquotes(body, 5, {first, second}).empty());
  // Unrelated anchored words take nothing.
  CHECK(plains(pickPullquotes(body, 5, {"Something else entirely."})) == std::vector<std::string>{first});
  // A pick is taken for the later stretches: the same words repeated later are not picked twice.
  const std::string other = text("other", 170);
  const std::vector<QuoteCandidateSource> repeated{paragraph(300, {{first, "an"}}),
                                                   paragraph(300, {{first, "an"}, {other, "an"}})};
  const std::vector<PickedQuote> picks = pickPullquotes(repeated, 5, {});
  CHECK(plains(picks) == std::vector<std::string>{first, other});
  CHECK(blocksOf(picks) == std::vector<std::size_t>{0, 1});
}

TEST_CASE("at most kMaxTakenChecks candidates are checked per stretch", "[layout][pullquote][selection]") {
  // kMaxTakenChecks + 1 candidates of equal score; all but the last are taken.
  std::vector<std::string> words;
  for (std::size_t i = 0; i <= kMaxTakenChecks; ++i) words.push_back(text("w" + std::to_string(i + 100), 120));
  std::vector<AttributedQuote> quotes;
  for (const std::string& w : words) quotes.push_back({w, "an"});
  const std::vector<QuoteCandidateSource> body{paragraph(100, quotes)};
  std::vector<std::string> taken(words.begin(), words.end() - 1);
  CHECK(pickPullquotes(body, 5, taken).empty());  // the last would be the (kMaxTakenChecks + 1)-th check
  taken.pop_back();
  CHECK(plains(pickPullquotes(body, 5, taken)) == std::vector<std::string>{words[kMaxTakenChecks - 1]});
}

TEST_CASE("the picks come back in reading order", "[layout][pullquote][selection]") {
  // The best candidate overall is in the last stretch; inside a block, quotations keep their order.
  const std::string poor = text("poor", 250, false), mid = text("mid", 150), good = text("good", 120);
  const std::vector<QuoteCandidateSource> body{paragraph(300, {{poor, "a"}}), quoteBlock(300, mid, "b"),
                                               paragraph(300, {{good, "c"}})};
  const std::vector<PickedQuote> picks = pickPullquotes(body, 5, {});
  CHECK(blocksOf(picks) == std::vector<std::size_t>{0, 1, 2});
  CHECK(plains(picks) == std::vector<std::string>{poor, mid, good});
  CHECK(picks[0].by == "a");
  CHECK(picks[1].by == "b");
  CHECK(picks[2].by == "c");
}

TEST_CASE("a trailing comma, semicolon, colon or space is dropped", "[layout][pullquote][selection]") {
  const std::string words = text("said", 120, false);
  CHECK(best("", {words + ","}) == words);
  CHECK(best("", {words + ";"}) == words);
  CHECK(best("", {words + ": "}) == words);
  CHECK(best("", {words + " ,;: ,"}) == words);
  CHECK(best(words + ",", {}) == words);  // quote blocks too
  CHECK(best("", {words + "."}) == words + ".");
  // The length is counted after trimming: 19 characters and a comma are too short.
  CHECK(best("", {text("a", 19, false) + ","}).empty());
  CHECK(best("", {text("a", 20, false) + ",,,"}) == text("a", 20, false));
}

TEST_CASE("the chosen words are escaped as inline CommonMark", "[layout][pullquote][selection]") {
  const std::string words =
      "Costs rose 5% [sic] *twice* in `Q1` <b> & #2 \u2014 \u00abreally\u00bb, said_he! {ok} ~x~ \\ | done.";
  const std::vector<PickedQuote> picks = pickPullquotes({paragraph(100, {{words, "an"}})}, 5, {});
  REQUIRE(picks.size() == 1);
  CHECK(picks[0].plain == words);
  CHECK(picks[0].text ==
        "Costs rose 5\\% \\[sic\\] \\*twice\\* in \\`Q1\\` \\<b\\> \\& \\#2 \u2014 \u00abreally\u00bb\\, said\\_he\\! "
        "\\{ok\\} \\~x\\~ \\\\ \\| done\\.");
}
