// Word-level helpers the layout uses to count, match and pick the author's words.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::layout {

// Words in plain text: runs separated by white space that hold at least one letter or digit
// (any non-ASCII character counts as a letter).
std::size_t countWords(std::string_view text);

// The form in which a pull quote is looked for in the body: ASCII, Latin-1 and Cyrillic letters
// lower-cased, ё as е, typographic quotes, apostrophes, hyphens and dashes made plain, soft hyphens
// and zero-width characters dropped, white space collapsed.
std::string normalizeForMatch(std::string_view text);

// Appends normalizeForMatch(text) to `out`.
void appendForMatch(std::string& out, std::string_view text);  // A needle to look for in texts, in time linear in the
                                                               // text searched whatever the needle: memmem
// is the Two-Way algorithm in both C libraries we build with (glibc, and musl under Emscripten),
// where std::string::find compares up to the needle's length at every position, so a hostile needle
// such as "a a a ... a b" against "a a a ..." makes it quadratic.
class TextSearch {
 public:
  explicit TextSearch(std::string_view needle) : needle_(needle) {}
  // The position of the first occurrence in `text`, or npos. When `scanned` is given, adds how many
  // characters of `text` were read.
  std::size_t in(std::string_view text, std::size_t* scanned = nullptr) const;
  bool foundIn(std::string_view text) const { return in(text) != std::string_view::npos; }

 private:
  std::string needle_;
};

// A pull quote prepared for looking up in body text: normalized, split at "…" or "..." into
// fragments, each ready for a search in time linear in the body (see words.cpp). Build one per quote
// when it is looked up in many texts.
class QuoteMatcher {
 public:
  explicit QuoteMatcher(std::string_view quote);
  // True when every fragment appears in `normalizedBody` (see normalizeForMatch).
  bool appearsIn(std::string_view normalizedBody) const;
  // A quote without ellipses is one fragment; positionIn gives where it first appears, or npos.
  bool isOneFragment() const { return fragments_.size() == 1; }
  std::size_t positionIn(std::string_view normalizedText) const { return fragments_.front().in(normalizedText); }

 private:
  std::vector<TextSearch> fragments_;
};

}  // namespace broadsheet::layout
