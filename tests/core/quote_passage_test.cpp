// QuoteSearch::closestPassage, the paraphrase hint: the sentence sharing the most distinct words with
// a pull quote, the first one on a tie, from an index of the body built once and shared by every
// quote (checked here against a plain reading of the same rule, on bodies drawn at random).
#include <catch2/catch.hpp>

#include <cctype>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "layout/quote_search.hpp"

using namespace broadsheet;

namespace {

layout::BodyItem paragraph(const std::string& markdown) {
  layout::BodyItem item;
  item.text = text::Markdown(markdown, text::Flavor::Inline);
  return item;
}

std::string lowered(std::string word) {
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return word;
}

// The rule read plainly, for texts of ASCII words, commas and sentences ending in "." or "?".
struct Sentence {
  std::string text;
  std::set<std::string> words;
};

std::string expectedPassage(const std::vector<std::vector<Sentence>>& items, const std::string& quote) {
  std::set<std::string> quoteWords;
  std::string word;
  for (const char c : quote + " ") {
    if (c == ' ') {
      if (!word.empty()) quoteWords.insert(word);
      word.clear();
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
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
  CHECK(search.closestPassage("“Energy deal waits for WATER”, said the minister") ==
        "The energy deal waits for water, water and water.");
  CHECK(search.closestPassage("Talks stalled!") == "Water talks stalled.");
  CHECK(search.closestPassage("Nobody.") == "Nobody spoke.");
  CHECK(search.closestPassage("unrelated phrase") == "");
  CHECK(search.closestPassage("... , --") == "");                            // no word at all
  CHECK(search.find("nobody spoke").item == std::optional<std::size_t>(1));  // find() after the index is built
  CHECK(search.closestPassage("common words") == "No words in common here?");
}

TEST_CASE("the closest passage is the first sentence sharing the most distinct words, for any quote",
          "[layout][pullquote]") {
  const std::vector<std::string> vocabulary = {"water", "energy",   "deal",   "border", "river",  "dam",
                                               "talks", "minister", "summer", "Water",  "ENERGY", "Deal"};
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
          sentence.words.insert(lowered(word));
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
    for (int q = 0; q < 4; ++q) {  // several quotes on one search: the index is built by the first
      std::string quote;
      for (std::size_t w = 0, words = 1 + pick(6); w < words; ++w) {
        quote += (w ? " " : "") + (pick(4) == 0 ? std::string("absent") : vocabulary[pick(vocabulary.size())]) +
                 (pick(5) == 0 ? "." : "");
      }
      INFO("round " << round << ", quote \"" << quote << "\"");
      CHECK(search.closestPassage(quote) == expectedPassage(items, quote));
    }
  }
}
