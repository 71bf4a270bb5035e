#include "layout/words.hpp"

namespace broadsheet::layout {
namespace {

bool isSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// ASCII only, without the C library's locale-aware calls, which are not inlined (isalnum and tolower
// were 9% of a 1 MB article's native render; docs/performance.md).
bool isAsciiAlnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
unsigned char asciiLower(unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + ('a' - 'A')) : c; }

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
  if (c < 0x80) return isAsciiAlnum(c);
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
      normalized.push_back(static_cast<char>(asciiLower(c)));
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
    fragments_.emplace_back(fragment.substr(first, last - first + 1));
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

TextSearch::TextSearch(std::string_view needle) : needle_(needle), failure_(needle.size(), 0) {
  // failure_[i]: the length of the longest proper prefix of needle[0..i] that is also its suffix.
  for (std::size_t i = 1, k = 0; i < needle_.size(); ++i) {
    while (k > 0 && needle_[i] != needle_[k]) k = failure_[k - 1];
    if (needle_[i] == needle_[k]) ++k;
    failure_[i] = k;
  }
}

std::size_t TextSearch::in(std::string_view text, std::size_t* scanned) const {
  if (needle_.empty()) return 0;
  std::size_t i = 0;
  std::size_t found = std::string_view::npos;
  for (std::size_t k = 0; i < text.size(); ++i) {
    while (k > 0 && text[i] != needle_[k]) k = failure_[k - 1];
    if (text[i] == needle_[k]) ++k;
    if (k == needle_.size()) {
      found = i + 1 - k;
      ++i;
      break;
    }
  }
  if (scanned) *scanned += i;
  return found;
}

bool QuoteMatcher::appearsIn(std::string_view normalizedBody) const {
  if (fragments_.empty()) return false;
  // Each fragment scans at most the whole body; a quote of very many fragments gives up (as if
  // paraphrased) once the body has been scanned kScanBudget times, so the cost stays linear.
  constexpr std::size_t kScanBudget = 8;
  const std::size_t budget = kScanBudget * (normalizedBody.size() + 1);
  std::size_t scanned = 0;
  for (const TextSearch& fragment : fragments_) {
    if (fragment.in(normalizedBody, &scanned) == std::string_view::npos || scanned >= budget) return false;
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
