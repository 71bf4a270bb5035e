// The closest passage's reading of the body's normalised words (QuoteSearch::closestPassages): words
// and sentence ends, and the table of the pull quotes' words that each body word is looked up in.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "layout/byte_search.hpp"

namespace broadsheet::layout {

// Whether `word` ends a sentence: its last character is . ! ? or …, closing quote marks and
// brackets after it aside («…».» or “…?”).
bool endsSentence(std::string_view word);

namespace passage_bytes {

// What a byte is to forEachPassageWord: most bytes are none of these, so a word is read at one
// table lookup per byte.
enum Role : unsigned char {
  kWordByte = 0,
  kBreak = 1,       // ASCII white space that separates words: ' ' '\t' '\n' '\r'
  kMaybeBreak = 2,  // 0xC2, a break when 0xA0 follows (the no-break space)
};
inline constexpr auto kRoles = [] {
  std::array<unsigned char, 256> table{};
  for (const unsigned char c : {' ', '\t', '\n', '\r'}) table[c] = kBreak;
  table[0xC2] = kMaybeBreak;
  return table;
}();

// The punctuation trimmed from both ends of a word: " \"'.,;:!?()[]-".
inline constexpr auto kTrimmed = [] {
  std::array<bool, 256> table{};
  for (const unsigned char c : std::string_view(" \"'.,;:!?()[]-")) table[c] = true;
  return table;
}();

// Only these last bytes can end a sentence (those of . ! ? " ) ' … » ” “): most words are decided
// by this one lookup.
inline constexpr auto kMayEndSentence = [] {
  std::array<bool, 256> table{};
  for (const unsigned char c : {'.', '!', '?', '"', ')', '\'', '\xA6', '\xBB', '\x9D', '\x9C'}) table[c] = true;
  return table;
}();

// The first byte at or after `at` (before `to`) that may be a break: white space or a control
// character (below 0x21), or 0xC2; `to` when there is none. Eight bytes at a time: most words are
// shorter than that, so this is one step for most words.
inline std::size_t nextCandidate(const unsigned char* bytes, std::size_t at, std::size_t to) {
  return byte_search::findFirst(
      bytes, at, to,
      [](std::uint64_t chunk) { return byte_search::below(chunk, 0x21) | byte_search::equalTo(chunk, 0xC2); },
      [](unsigned char byte) { return byte < 0x21 || byte == 0xC2; });
}

}  // namespace passage_bytes

// Reads one item's normalised words, text.substr(from, to - from), as the closest passage does:
// words split at ASCII white space and the no-break space, the punctuation " \"'.,;:!?()[]-" around
// them trimmed; calls word(offset, length) for each word left non-empty (offset into `text`) and
// sentenceEnd() after each sentence (a word ending in . ! ? or …, closing quote marks and brackets
// aside, ends one, and so does the text's end). One pass over the bytes, eight at a time between
// breaks (nextCandidate).
template <typename Word, typename SentenceEnd>
void forEachPassageWord(std::string_view text, std::size_t from, std::size_t to, Word word, SentenceEnd sentenceEnd) {
  using namespace passage_bytes;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t at = from; at <= to;) {
    std::size_t end = at, breakLength = 0;
    for (; end < to; ++end) {
      end = nextCandidate(bytes, end, to);
      if (end >= to) break;
      const unsigned char role = kRoles[bytes[end]];
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
    if (first < last) word(first, last - first);
    const bool textEnds = end >= to;
    if (textEnds || (end > at && kMayEndSentence[bytes[end - 1]] && endsSentence(text.substr(at, end - at))))
      sentenceEnd();
    at = textEnds ? end + 1 : end + breakLength;
  }
}

// The distinct words of a few pull quotes (at most QuoteSearch::kPassageWords each), numbered in
// the order they are first added, each with the quotes that hold it. The body's words are looked up
// here one by one, and few of them are quote words: a word is first checked by its first byte and
// length (a bit per length for each first byte), so most cost one lookup; Cyrillic words all start
// with D0 or D1, so those that pass are checked again by their hash and length (a bit per length
// for each top byte of the hash) before the table is probed.
class QuoteWords {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  // Adds `word` (not empty) to quote `quote`; quotes are added in increasing order. False when the
  // quote holds the word already.
  bool add(std::string_view word, std::uint32_t quote);
  // The number of the word `length` bytes at `word`, kNone when no quote holds it.
  std::uint32_t find(const unsigned char* word, std::size_t length) const {
    if (((lengthsByFirstByte_[word[0]] >> lengthBit(length)) & 1) == 0) return kNone;
    const std::uint32_t hash = hashOf(word, length);
    if (((lengthsByHash_[hash >> 24] >> lengthBit(length)) & 1) == 0) return kNone;
    return findHashed(word, length, hash);
  }
  std::size_t size() const { return words_.size(); }
  // The quotes holding word `number`, as indices into entries(): the first, then each one's next.
  struct Entry {
    std::uint32_t quote;
    std::uint32_t next;  // the entry of the quote added before that holds the word too, or kNone
  };
  std::uint32_t firstEntry(std::uint32_t number) const { return words_[number].lastEntry; }
  const Entry& entry(std::uint32_t index) const { return entries_[index]; }
  std::size_t entries() const { return entries_.size(); }

 private:
  struct Word {
    std::uint32_t offset, length, hash, lastEntry;
  };
  static std::uint32_t lengthBit(std::size_t length) { return length < 63 ? static_cast<std::uint32_t>(length) : 63; }
  // A word's first two bytes, its last two and its length, mixed by a multiplication (by 2^32/φ:
  // each bit of the product depends on every bit of the input below it, so the top bits on all of
  // them). Most of the body words hashed are quote words (common words of the 1 MB article's 17
  // quotes), and reading every byte (FNV-1a) was a quarter of their lookup; words alike in these
  // bytes and length are told apart by comparing their bytes.
  static std::uint32_t hashOf(const unsigned char* word, std::size_t length) {
    const std::size_t last = length - 1, second = length > 1 ? 1 : 0;
    const std::uint32_t ends = word[0] | word[second] << 8 | word[last - second] << 16 | word[last] << 24;
    return (ends ^ static_cast<std::uint32_t>(length) * 0x01000193u) * 0x9E3779B1u;
  }
  std::uint32_t findHashed(const unsigned char* word, std::size_t length, std::uint32_t hash) const;
  // The slot holding the word or the empty slot where it would go: the hash's top bits (the low ones
  // of a multiplicative hash depend only on the first bytes).
  std::size_t slotOf(const unsigned char* word, std::size_t length, std::uint32_t hash) const;
  void grow();

  std::array<std::uint64_t, 256> lengthsByFirstByte_{};  // bit lengthBit(length) of each word, by its first byte
  std::array<std::uint64_t, 256> lengthsByHash_{};       // the same by the top byte of its hash
  unsigned slotShift_ = 32;                              // 32 - log2(slots_.size())
  std::string bytes_;                                    // the words' bytes, one after another
  std::vector<Word> words_;
  std::vector<Entry> entries_;
  std::vector<std::uint32_t> slots_;  // number + 1; 0 is empty. Size a power of two, at most half full
};

}  // namespace broadsheet::layout
