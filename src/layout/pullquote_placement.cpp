#include "layout/pullquote_placement.hpp"

#include <cstdint>
#include <limits>

namespace broadsheet::layout {

std::vector<std::size_t> pullquoteSlots(const std::vector<FlowItem>& flow) {
  std::vector<std::size_t> slots;
  std::size_t paragraphs = 0;
  for (std::size_t i = 0; i < flow.size(); ++i) {
    if (!flow[i].isParagraph) continue;
    ++paragraphs;
    if (paragraphs >= 2 && i + 1 < flow.size() && flow[i + 1].isParagraph) slots.push_back(i);
  }
  return slots;
}

std::vector<std::optional<std::size_t>> placePullquotes(const std::vector<FlowItem>& flow,
                                                        const std::vector<PullquoteRequest>& requests) {
  const std::vector<std::size_t> slots = pullquoteSlots(flow);
  std::vector<std::optional<std::size_t>> placement(requests.size());
  const std::size_t placed = requests.size() < slots.size() ? requests.size() : slots.size();
  if (placed == 0) return placement;

  // Running word count through each item, at each slot, and in total.
  std::vector<std::int64_t> wordsThrough;
  std::vector<std::int64_t> wordsAtSlot;
  std::int64_t words = 0;
  for (std::size_t i = 0, s = 0; i < flow.size(); ++i) {
    words += static_cast<std::int64_t>(flow[i].words);
    wordsThrough.push_back(words);
    if (s < slots.size() && slots[s] == i) {
      wordsAtSlot.push_back(words);
      ++s;
    }
  }
  const std::int64_t total = words;

  // Costs in units of 1/(2(k+1)) word, so every quantity is an integer: the j-th target j/(k+1)·W
  // becomes 2·j·W, a running count w becomes 2(k+1)·w and half a spacing W/(2(k+1)) becomes W.
  const auto k = static_cast<std::int64_t>(placed);
  const std::int64_t beforeSourcePenalty = total;
  std::size_t nextFree = 0;  // slots before this one are taken or behind the previous pull quote
  for (std::size_t j = 0; j < placed; ++j) {
    const PullquoteRequest& request = requests[j];
    const bool atSource = request.aimAtSource && request.source && *request.source < flow.size();
    const std::int64_t target = atSource ? 2 * (k + 1) * wordsThrough[*request.source] : 2 * static_cast<std::int64_t>(j + 1) * total;
    const std::size_t last = slots.size() - (placed - j);  // leave a slot for each pull quote after this one
    std::size_t best = nextFree;
    std::int64_t bestCost = std::numeric_limits<std::int64_t>::max();
    for (std::size_t s = nextFree; s <= last; ++s) {
      const std::int64_t at = 2 * (k + 1) * wordsAtSlot[s];
      std::int64_t cost = at > target ? at - target : target - at;
      if (request.source && slots[s] < *request.source) cost += beforeSourcePenalty;
      if (cost < bestCost) {
        bestCost = cost;
        best = s;
      }
    }
    placement[j] = slots[best];
    nextFree = best + 1;
  }
  return placement;
}

std::vector<std::optional<std::size_t>> placePullquotes(const std::vector<FlowItem>& flow, std::size_t count) {
  return placePullquotes(flow, std::vector<PullquoteRequest>(count));
}

}  // namespace broadsheet::layout
