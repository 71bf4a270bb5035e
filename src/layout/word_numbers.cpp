#include "layout/word_numbers.hpp"

#include <array>

namespace broadsheet::layout {

void WordNumbers::grow() {
  std::vector<std::uint32_t> slots(slots_.empty() ? 1024 : slots_.size() * 2, 0);
  const std::size_t mask = slots.size() - 1;
  for (std::size_t number = 0; number < words_.size(); ++number) {
    std::size_t slot = words_[number].hash & mask;
    while (slots[slot] != 0) slot = (slot + 1) & mask;
    slots[slot] = static_cast<std::uint32_t>(number + 1);
  }
  slots_.swap(slots);
}

namespace {

// What a byte is to appendPassageTokens: most bytes are none of these, so a word is read at one
// table lookup per byte.
enum ByteRole : unsigned char {
  kWordByte = 0,
  kBreak = 1,       // ASCII white space that separates words: ' ' '\t' '\n' '\r'
  kMaybeBreak = 2,  // 0xC2, a break when 0xA0 follows (the no-break space)
};
constexpr auto kByteRoles = [] {
  std::array<unsigned char, 256> table{};
  for (const unsigned char c : {' ', '\t', '\n', '\r'}) table[c] = kBreak;
  table[0xC2] = kMaybeBreak;
  return table;
}();

// The punctuation trimmed from both ends of a word.
constexpr auto kTrimmed = [] {
  std::array<bool, 256> table{};
  for (const unsigned char c : std::string_view(" \"'.,;:!?()[]-")) table[c] = true;
  return table;
}();

bool endsWithBytes(std::string_view word, std::string_view tail) {
  return word.size() >= tail.size() && word.substr(word.size() - tail.size()) == tail;
}

}  // namespace

bool endsSentence(std::string_view word) {
  while (!word.empty()) {
    const char last = word.back();
    if (last == '.' || last == '!' || last == '?') return true;
    if (endsWithBytes(word, "\u2026")) return true;
    if (last == '"' || last == ')' || last == '\'') word.remove_suffix(1);
    else if (endsWithBytes(word, "\u00BB")) word.remove_suffix(2);
    else if (endsWithBytes(word, "\u201D") || endsWithBytes(word, "\u201C")) word.remove_suffix(3);
    else return false;
  }
  return false;
}

namespace {

// Only these last bytes can end a sentence (those of . ! ? " ) ' … » ” “): most words are decided
// by this one lookup.
constexpr auto kMayEndSentence = [] {
  std::array<bool, 256> table{};
  for (const unsigned char c : {'.', '!', '?', '"', ')', '\'', '\xA6', '\xBB', '\x9D', '\x9C'}) table[c] = true;
  return table;
}();

}  // namespace

void appendPassageTokens(std::string_view text, std::size_t from, std::size_t to, WordNumbers& numbers,
                         std::vector<std::uint32_t>& tokens) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t at = from; at <= to;) {
    std::size_t end = at, breakLength = 0;
    for (; end < to; ++end) {
      const unsigned char role = kByteRoles[bytes[end]];
      if (role == kWordByte) continue;
      if (role == kBreak) {
        breakLength = 1;
        break;
      }
      if (end + 1 < to && bytes[end + 1] == 0xA0) {
        breakLength = 2;
        break;
      }
    }
    std::size_t first = at, last = end;
    while (first < last && kTrimmed[bytes[first]]) ++first;
    while (last > first && kTrimmed[bytes[last - 1]]) --last;
    if (first < last) tokens.push_back(numbers.add(text, first, last - first));
    const bool textEnds = end >= to;
    if (textEnds || (end > at && kMayEndSentence[bytes[end - 1]] && endsSentence(text.substr(at, end - at))))
      tokens.push_back(kSentenceEnd);
    at = textEnds ? end + 1 : end + breakLength;
  }
}

}  // namespace broadsheet::layout
