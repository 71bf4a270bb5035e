// Distinct words numbered in the order they are first added, found again by their bytes: an
// open-addressing hash table whose keys are spans of one caller-owned text (the body's normalised
// words), so that a word costs no allocation and the text may grow (and move) between calls.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace broadsheet::layout {

class WordNumbers {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  // The number of the word `text.substr(offset, length)`, numbering it when it is new. `text` must
  // hold the same bytes at the spans of earlier words in every call.
  std::uint32_t add(std::string_view text, std::size_t offset, std::size_t length) {
    if (2 * (words_.size() + 1) > slots_.size()) grow();
    const char* word = text.data() + offset;
    const std::uint32_t hash = hashOf(word, length);
    std::uint32_t& slot = slots_[slotOf(text.data(), word, length, hash)];
    if (slot == 0) {
      words_.push_back({static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(length), hash});
      slot = static_cast<std::uint32_t>(words_.size());
    }
    return slot - 1;
  }
  // The number of `word`, kNone when it was never added; `text` as given to add().
  std::uint32_t find(std::string_view text, std::string_view word) const {
    if (slots_.empty()) return kNone;
    const std::uint32_t slot = slots_[slotOf(text.data(), word.data(), word.size(), hashOf(word.data(), word.size()))];
    return slot == 0 ? kNone : slot - 1;
  }
  std::size_t size() const { return words_.size(); }

 private:
  struct Word {
    std::uint32_t offset, length, hash;
  };
  // FNV-1a: words are a few bytes long, so a byte at a time is as fast as anything wider.
  static std::uint32_t hashOf(const char* word, std::size_t length) {
    std::uint32_t hash = 2166136261u;
    for (std::size_t i = 0; i < length; ++i) hash = (hash ^ static_cast<unsigned char>(word[i])) * 16777619u;
    return hash;
  }
  // The slot holding the word or the empty slot where it would go.
  std::size_t slotOf(const char* text, const char* word, std::size_t length, std::uint32_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
      const std::uint32_t entry = slots_[slot];
      if (entry == 0) return slot;
      const Word& known = words_[entry - 1];
      if (known.hash == hash && known.length == length && std::memcmp(text + known.offset, word, length) == 0)
        return slot;
    }
  }
  void grow();

  std::vector<Word> words_;
  std::vector<std::uint32_t> slots_;  // number + 1; 0 is empty. Size a power of two, at most half full
};

// The closest passage's reading of one item's normalised words, text.substr(from, to - from):
// appends each word's number in `numbers` (words split at ASCII white space and the no-break space,
// the punctuation " \"'.,;:!?()[]-" around them trimmed, words left empty skipped) and
// kSentenceEnd after each sentence (a word ending in . ! ? or …, closing quote marks and brackets
// aside, ends one, and so does the text's end). One pass over the bytes, a table lookup each.
// Whether `word` ends a sentence: its last character is . ! ? or …, closing quote marks and
// brackets after it aside («…».» or “…?”).
bool endsSentence(std::string_view word);

constexpr std::uint32_t kSentenceEnd = WordNumbers::kNone;
void appendPassageTokens(std::string_view text, std::size_t from, std::size_t to, WordNumbers& numbers,
                         std::vector<std::uint32_t>& tokens);

}  // namespace broadsheet::layout
