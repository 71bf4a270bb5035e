#include "layout/word_numbers.hpp"

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

}  // namespace broadsheet::layout
