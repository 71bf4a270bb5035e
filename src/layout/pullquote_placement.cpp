#include "layout/pullquote_placement.hpp"

#include <cstdlib>
#include <limits>

namespace broadsheet::layout {

std::vector<std::optional<std::size_t>> placePullquotes(const std::vector<FlowItem>& flow, std::size_t count) {
  std::vector<std::size_t> slots;              // item index a pull quote may follow
  std::vector<std::size_t> wordsBeforeSlot;    // running word count at that slot
  std::size_t paragraphs = 0, words = 0, totalWords = 0;
  for (const FlowItem& item : flow) totalWords += item.words;
  for (std::size_t i = 0; i < flow.size(); ++i) {
    words += flow[i].words;
    if (!flow[i].isParagraph) continue;
    ++paragraphs;
    if (paragraphs >= 2 && i + 1 < flow.size() && flow[i + 1].isParagraph) {
      slots.push_back(i);
      wordsBeforeSlot.push_back(words);
    }
  }

  std::vector<std::optional<std::size_t>> placement(count);
  const std::size_t placed = count < slots.size() ? count : slots.size();
  std::size_t nextFree = 0;  // slots before this one are taken or behind us
  for (std::size_t j = 0; j < placed; ++j) {
    const double target = static_cast<double>(totalWords) * static_cast<double>(j + 1) / static_cast<double>(placed + 1);
    // Leave enough slots after this one for the pull quotes still to place.
    const std::size_t last = slots.size() - (placed - j);
    std::size_t best = nextFree;
    double bestDistance = std::numeric_limits<double>::max();
    for (std::size_t s = nextFree; s <= last; ++s) {
      const double distance = std::abs(static_cast<double>(wordsBeforeSlot[s]) - target);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = s;
      }
    }
    placement[j] = slots[best];
    nextFree = best + 1;
  }
  return placement;
}

}  // namespace broadsheet::layout
