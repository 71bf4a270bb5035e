#include "layout/passage_words.hpp"

#include <cstring>

namespace broadsheet::layout {

namespace {

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

bool QuoteWords::add(std::string_view word, std::uint32_t quote) {
  if (2 * (words_.size() + 1) > slots_.size()) grow();
  const auto* bytes = reinterpret_cast<const unsigned char*>(word.data());
  const std::uint32_t hash = hashOf(bytes, word.size());
  std::uint32_t& slot = slots_[slotOf(bytes, word.size(), hash)];
  if (slot == 0) {
    words_.push_back({static_cast<std::uint32_t>(bytes_.size()), static_cast<std::uint32_t>(word.size()), hash, kNone});
    bytes_.append(word);
    slot = static_cast<std::uint32_t>(words_.size());
    lengthsByFirstByte_[bytes[0]] |= std::uint64_t{1} << lengthBit(word.size());
    lengthsByHash_[hash >> 24] |= std::uint64_t{1} << lengthBit(word.size());
  }
  Word& known = words_[slot - 1];
  if (known.lastEntry != kNone && entries_[known.lastEntry].quote == quote) return false;
  entries_.push_back({quote, known.lastEntry});
  known.lastEntry = static_cast<std::uint32_t>(entries_.size() - 1);
  return true;
}

std::uint32_t QuoteWords::findHashed(const unsigned char* word, std::size_t length, std::uint32_t hash) const {
  const std::uint32_t slot = slots_[slotOf(word, length, hash)];
  return slot == 0 ? kNone : slot - 1;
}

std::size_t QuoteWords::slotOf(const unsigned char* word, std::size_t length, std::uint32_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = hash >> slotShift_;; slot = (slot + 1) & mask) {
    const std::uint32_t entry = slots_[slot];
    if (entry == 0) return slot;
    const Word& known = words_[entry - 1];
    if (known.hash == hash && known.length == length && std::memcmp(bytes_.data() + known.offset, word, length) == 0)
      return slot;
  }
}

void QuoteWords::grow() {
  std::vector<std::uint32_t> slots(slots_.empty() ? 64 : slots_.size() * 2, 0);
  slotShift_ = slots_.empty() ? 32 - 6 : slotShift_ - 1;
  const std::size_t mask = slots.size() - 1;
  for (std::size_t number = 0; number < words_.size(); ++number) {
    std::size_t slot = words_[number].hash >> slotShift_;
    while (slots[slot] != 0) slot = (slot + 1) & mask;
    slots[slot] = static_cast<std::uint32_t>(number + 1);
  }
  slots_.swap(slots);
}

}  // namespace broadsheet::layout
