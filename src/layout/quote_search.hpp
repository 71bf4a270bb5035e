// Where a pull quote's words are in the body. The body's words are normalised for matching (see
// normalizeForMatch) only as far as the searches so far have needed: a quote found early in the body
// leaves the rest untouched.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "layout/layout_tree.hpp"
#include "layout/words.hpp"

namespace broadsheet::layout {

// Appends an item's words as a reader meets them: its text, list entries and caption.
void appendItemWords(std::string& out, const BodyItem& item);

struct QuoteSource {
  std::optional<std::size_t> item;  // the first body item that holds the words (pull quotes excluded)
  bool inBody = false;              // whether the body holds them at all (they may run across items)
};

class QuoteSearch {
 public:
  // Searches the first `items` items of `body` (the body before placement, which must not change
  // while this is used); `sizeHint` is about how many bytes their normalised words take.
  QuoteSearch(const std::vector<BodyItem>& body, std::size_t items, std::size_t sizeHint);
  QuoteSource find(std::string_view quote);
  // For each quote, the sentence of the body (pull quotes excluded) that shares the most words with
  // it (the first on a tie), as the reader sees it and shortened to about kPassageCharacters; ""
  // when no sentence shares a word. It is only a hint in a warning, so it reads at most
  // kPassageScanBytes of the body, once for all the quotes.
  std::vector<std::string> closestPassages(const std::vector<std::string_view>& quotes);
  static constexpr std::size_t kPassageCharacters = 160;
  static constexpr std::size_t kPassageScanBytes = 256 * 1024;
  static constexpr std::size_t kPassageWords = 64;

 private:
  std::string_view normalizedItem(std::size_t i);
  QuoteSource findOneFragment(const QuoteMatcher& matcher);

  const std::vector<BodyItem>& body_;
  std::size_t items_;
  std::size_t sizeHint_;
  std::string words_;  // one item's words, reused
  // The first spans_.size() items' normalised words, separated by '\n' ("" for pull quotes), and
  // each one's (start, length) in it.
  std::string normalized_;
  std::vector<std::pair<std::size_t, std::size_t>> spans_;
};

}  // namespace broadsheet::layout
