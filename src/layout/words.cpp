#include "layout/words.hpp"

#include <cctype>

namespace broadsheet::layout {
namespace {

bool isSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

struct Replacement {
  std::string_view from;
  std::string_view to;
};

// Typographic punctuation that authors and cmark's smart mode use interchangeably with ASCII.
constexpr Replacement kPlainPunctuation[] = {
    {"\u201C", "\""}, {"\u201D", "\""}, {"\u00AB", "\""}, {"\u00BB", "\""}, {"\u201E", "\""},
    {"\u2018", "'"},  {"\u2019", "'"},  {"\u2013", "-"},  {"\u2014", "-"},  {"\u00A0", " "},
};

// Decodes the UTF-8 sequence at text[i] (advancing i past it); invalid bytes decode as themselves.
char32_t nextCodePoint(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i++]);
  const int length = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  char32_t codePoint = length == 0 ? lead : lead & (0x3F >> length);
  for (int k = 0; k < length && i < text.size(); ++k) codePoint = (codePoint << 6) | (static_cast<unsigned char>(text[i++]) & 0x3F);
  return codePoint;
}

// Letters and digits of any script; Latin-1 and general punctuation (dashes, quotes, ellipses)
// and white space are not.
bool isWordCharacter(char32_t c) {
  if (c < 0x80) return std::isalnum(static_cast<int>(c)) != 0;
  if (c >= 0xA0 && c <= 0xBF) return false;
  if (c >= 0x2000 && c <= 0x206F) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  return true;
}

}  // namespace

std::size_t countWords(std::string_view text) {
  std::size_t words = 0;
  bool inWord = false, wordHasLetter = false;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = nextCodePoint(text, i);
    if (c < 0x80 ? isSpace(static_cast<unsigned char>(c)) : (c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x3000)) {
      if (inWord && wordHasLetter) ++words;
      inWord = wordHasLetter = false;
      continue;
    }
    inWord = true;
    if (isWordCharacter(c)) wordHasLetter = true;
  }
  if (inWord && wordHasLetter) ++words;
  return words;
}

std::string normalizeForMatch(std::string_view text) {
  std::string normalized;
  normalized.reserve(text.size());
  bool pendingSpace = false;
  for (std::size_t i = 0; i < text.size();) {
    std::string_view replacement;
    std::size_t consumed = 1;
    // Every replacement starts with a non-ASCII byte: most bytes need no comparison (this loop was
    // a third of a render's time in WASM before; see docs/performance.md).
    const bool ascii = static_cast<unsigned char>(text[i]) < 0x80;
    for (const Replacement& r : kPlainPunctuation) {
      if (ascii) break;
      if (text.substr(i, r.from.size()) == r.from) {
        replacement = r.to;
        consumed = r.from.size();
        break;
      }
    }
    const std::string_view piece = replacement.data() ? replacement : text.substr(i, 1);
    i += consumed;
    for (char ch : piece) {
      const auto c = static_cast<unsigned char>(ch);
      if (isSpace(c)) {
        pendingSpace = !normalized.empty();
        continue;
      }
      if (pendingSpace) normalized.push_back(' ');
      pendingSpace = false;
      normalized.push_back(static_cast<char>(std::tolower(c)));
    }
  }
  return normalized;
}

QuoteMatcher::QuoteMatcher(std::string_view quote) {
  const std::string normalized = normalizeForMatch(quote);
  const std::string_view text = normalized;
  // Ellipses ("…", "...") mark words left out: each remaining fragment must be the author's. One
  // pass, so a quote of many ellipses costs no more than any other.
  auto addFragment = [this](std::string_view fragment) {
    // Quote marks and sentence punctuation around a fragment are the pull quote's, not the speaker's.
    const std::string_view trim = " \"'.,;:!?";
    const std::size_t first = fragment.find_first_not_of(trim);
    if (first == std::string_view::npos) return;
    const std::size_t last = fragment.find_last_not_of(trim);
    fragments_.push_back(prepare(fragment.substr(first, last - first + 1)));
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t marker = text.compare(i, 3, "\u2026") == 0 || text.compare(i, 3, "...") == 0 ? 3
                               : text[i] == '|'                                                ? 1
                                                                                              : 0;
    if (marker == 0) {
      ++i;
      continue;
    }
    addFragment(text.substr(start, i - start));
    i += marker;
    start = i;
  }
  addFragment(text.substr(start));
}

// Knuth-Morris-Pratt: the failure table makes every search linear in the text searched, whatever
// the fragment (std::string_view::find is quadratic on inputs like "a a a ... a b").
QuoteMatcher::Fragment QuoteMatcher::prepare(std::string_view text) {
  Fragment fragment{std::string(text), std::vector<std::size_t>(text.size(), 0)};
  for (std::size_t i = 1, k = 0; i < text.size(); ++i) {
    while (k > 0 && text[i] != text[k]) k = fragment.failure[k - 1];
    if (text[i] == text[k]) ++k;
    fragment.failure[i] = k;
  }
  return fragment;
}

bool QuoteMatcher::appearsIn(std::string_view normalizedBody) const {
  if (fragments_.empty()) return false;
  // Each fragment scans at most the whole body; a quote of very many fragments gives up (as if
  // paraphrased) once the body has been scanned kScanBudget times, so the cost stays linear.
  constexpr std::size_t kScanBudget = 8;
  std::size_t budget = kScanBudget * (normalizedBody.size() + 1);
  for (const Fragment& fragment : fragments_) {
    const std::string& pattern = fragment.text;
    bool found = false;
    std::size_t i = 0;
    for (std::size_t k = 0; i < normalizedBody.size(); ++i) {
      while (k > 0 && normalizedBody[i] != pattern[k]) k = fragment.failure[k - 1];
      if (normalizedBody[i] == pattern[k]) ++k;
      if (k == pattern.size()) {
        found = true;
        ++i;
        break;
      }
    }
    if (!found || i >= budget) return false;
    budget -= i;
  }
  return true;
}

bool quoteAppearsIn(std::string_view quote, std::string_view normalizedBody) {
  return QuoteMatcher(quote).appearsIn(normalizedBody);
}

std::vector<std::string> quotedSpans(std::string_view text) {
  static constexpr std::string_view kPairs[][2] = {{"\u201C", "\u201D"}, {"\u00AB", "\u00BB"}};
  std::vector<std::string> spans;
  for (const auto& pair : kPairs) {
    for (std::size_t open = text.find(pair[0]); open != std::string_view::npos; open = text.find(pair[0], open + 1)) {
      const std::size_t start = open + pair[0].size();
      const std::size_t close = text.find(pair[1], start);
      if (close == std::string_view::npos) break;
      spans.emplace_back(text.substr(start, close - start));
      open = close;
    }
  }
  return spans;
}

}  // namespace broadsheet::layout
