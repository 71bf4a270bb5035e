// QuoteSearch::closestPassages, the paraphrase hint: the sentence sharing the most distinct words with
// a pull quote, the first one on a tie, for all the paraphrased quotes of an article in one reading
// of the body (checked here against a plain reading of the same rule, on bodies drawn at random).
#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "layout/quote_search.hpp"
#include "layout/words.hpp"

using namespace broadsheet;

namespace {

layout::BodyItem paragraph(const std::string& markdown) {
  layout::BodyItem item;
  item.text = text::Markdown(markdown, text::Flavor::Inline);
  return item;
}

// One quote's passage, asked alone.
std::string closestPassage(layout::QuoteSearch& search, std::string_view quote) {
  return search.closestPassages({quote}).front();
}

// The rule read plainly, for texts of words (compared as normalizeForMatch makes them), commas and
// sentences ending in "." or "?".
struct Sentence {
  std::string text;
  std::set<std::string> words;
};

std::string expectedPassage(const std::vector<std::vector<Sentence>>& items, const std::string& quote) {
  std::set<std::string> quoteWords;
  std::string word;
  for (const char c : quote + " ") {
    if (c == ' ') {
      if (!word.empty()) quoteWords.insert(layout::normalizeForMatch(word));
      word.clear();
    } else if (c != '.' && c != ',') {
      word += c;
    }
  }
  std::size_t best = 0;
  std::string passage;
  for (const auto& sentences : items) {
    for (const Sentence& sentence : sentences) {
      std::size_t shared = 0;
      for (const std::string& w : sentence.words) shared += quoteWords.count(w);
      if (shared > best) {
        best = shared;
        passage = sentence.text;
      }
    }
  }
  return passage;
}

}  // namespace

TEST_CASE("the closest passage counts each word once per sentence and keeps the first on a tie",
          "[layout][pullquote]") {
  std::vector<layout::BodyItem> body;
  body.push_back(paragraph("Water talks stalled. The *energy* deal waits for water, water and water."));
  body.push_back(paragraph("The energy deal waits for water. Nobody spoke."));
  body.push_back(paragraph("No words in common here?"));
  layout::QuoteSearch search(body, body.size(), 0);  // no room reserved: the index's text moves as it grows
  // "water" thrice in the second sentence counts once: a tie of 5 with item 1's first sentence.
  CHECK(closestPassage(search, "“Energy deal waits for WATER”, said the minister") ==
        "The energy deal waits for water, water and water.");
  CHECK(closestPassage(search, "Talks stalled!") == "Water talks stalled.");
  CHECK(closestPassage(search, "Nobody.") == "Nobody spoke.");
  CHECK(closestPassage(search, "unrelated phrase") == "");
  CHECK(closestPassage(search, "... , --") == "");                           // no word at all
  CHECK(search.find("nobody spoke").item == std::optional<std::size_t>(1));  // find() after the index is built
  CHECK(closestPassage(search, "common words") == "No words in common here?");
}

TEST_CASE("the closest passage is the first sentence sharing the most distinct words, for any quote",
          "[layout][pullquote]") {
  const std::vector<std::string> vocabulary = {"water",    "energy", "deal",  "border", "river", "dam",  "talks",
                                               "minister", "summer", "Water", "ENERGY", "Deal",  "су",   "Су",
                                               "СУ",       "өзен",   "Өзен",  "қазақ",  "Қазақ", "ёлка", "Елка",
                                               "ұлт",      "Ұлт",    "Café",  "CAFÉ"};
  std::mt19937 random(19);
  const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  for (int round = 0; round < 200; ++round) {
    std::vector<layout::BodyItem> body;
    std::vector<std::vector<Sentence>> items;
    const std::size_t itemCount = 1 + pick(8);
    for (std::size_t i = 0; i < itemCount; ++i) {
      std::string markdown;
      std::vector<Sentence> sentences;
      for (std::size_t s = 0, count = 1 + pick(4); s < count; ++s) {
        Sentence sentence;
        for (std::size_t w = 0, words = 1 + pick(7); w < words; ++w) {
          const std::string& word = vocabulary[pick(vocabulary.size())];
          const bool emphasis = pick(5) == 0, comma = w + 1 < words && pick(4) == 0;
          sentence.words.insert(layout::normalizeForMatch(word));
          sentence.text += (w ? " " : "") + word + (comma ? "," : "");
          markdown += (markdown.empty() ? "" : " ") + (emphasis ? "*" + word + "*" : word) + (comma ? "," : "");
        }
        const char* end = pick(2) ? "." : "?";
        sentence.text += end;
        markdown += end;
        sentences.push_back(std::move(sentence));
      }
      if (pick(6) == 0) {  // a pull quote: never where a passage comes from
        body.push_back(paragraph(markdown));
        body.back().kind = layout::BodyItem::Kind::PullQuote;
        continue;
      }
      body.push_back(paragraph(markdown));
      items.push_back(std::move(sentences));
    }
    layout::QuoteSearch search(body, body.size(), 16);
    // Several quotes in one reading of the body, then each alone on the same search.
    std::vector<std::string> quotes(pick(6));
    for (std::string& quote : quotes) {
      for (std::size_t w = 0, words = 1 + pick(6); w < words; ++w) {
        quote += (w ? " " : "") + (pick(4) == 0 ? std::string("absent") : vocabulary[pick(vocabulary.size())]) +
                 (pick(5) == 0 ? "." : "");
      }
    }
    const std::vector<std::string> passages = search.closestPassages({quotes.begin(), quotes.end()});
    REQUIRE(passages.size() == quotes.size());
    for (std::size_t q = 0; q < quotes.size(); ++q) {
      INFO("round " << round << ", quote " << q << " \"" << quotes[q] << "\"");
      CHECK(passages[q] == expectedPassage(items, quotes[q]));
      CHECK(closestPassage(search, quotes[q]) == passages[q]);
    }
  }
}

TEST_CASE("quotes that share words are each scored alone, in one reading", "[layout][pullquote]") {
  std::vector<layout::BodyItem> body;
  body.push_back(paragraph("Су тасқыны келді. Өзен су арнасынан шықты, су көп."));
  body.push_back(paragraph("Water talks stalled. Talks on the river went on."));
  layout::QuoteSearch search(body, body.size(), 0);
  const std::vector<std::string_view> quotes = {"«Өзен су» деді", "talks, talks and TALKS", "су",
                                                "nothing here",   "Talks on water",         "«Өзен су» деді"};
  const std::vector<std::string> expected = {
      "Өзен су арнасынан шықты, су көп.", "Water talks stalled.", "Су тасқыны келді.", "", "Water talks stalled.",
      "Өзен су арнасынан шықты, су көп."};
  CHECK(search.closestPassages(quotes) == expected);
  CHECK(search.closestPassages({}).empty());
}

TEST_CASE("the closest passage is looked for in the first kPassageScanBytes of the body, whole items",
          "[layout][pullquote]") {
  // Items are read while fewer than kPassageScanBytes of normalised words came before them.
  for (const std::size_t before :
       {layout::QuoteSearch::kPassageScanBytes - 1, layout::QuoteSearch::kPassageScanBytes}) {
    std::vector<layout::BodyItem> body;
    const std::string first = "alpha beta.";
    std::string filler;
    while (filler.size() + 7 < before - first.size()) filler += "filler ";  // then 1 to 7 letters
    filler += std::string(before - first.size() - filler.size(), 'f');
    body.push_back(paragraph(first));
    body.push_back(paragraph(filler));
    body.push_back(paragraph("Gamma delta."));
    body.push_back(paragraph("Gamma delta epsilon."));
    layout::QuoteSearch search(body, body.size(), 0);
    INFO("bytes before the third item: " << before);
    const std::vector<std::string> passages = search.closestPassages({"gamma delta epsilon", "alpha"});
    CHECK(passages[0] == (before < layout::QuoteSearch::kPassageScanBytes ? "Gamma delta." : ""));
    CHECK(passages[1] == "alpha beta.");
  }
}
