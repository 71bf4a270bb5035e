#include "format/closest_name.hpp"

#include <algorithm>
#include <array>

namespace broadsheet::format {
namespace {

constexpr std::size_t kLongestWord = 64;

char folded(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::size_t editDistance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t tooFar = limit + 1;
  if (a.size() > kLongestWord || b.size() > kLongestWord) return tooFar;
  const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > limit) return tooFar;
  // Three rows of the distance table: two rows back (for swaps), the previous one, the current one.
  std::array<std::size_t, kLongestWord + 1> before{}, previous{}, current{};
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    std::size_t rowMinimum = current[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const bool same = folded(a[i - 1]) == folded(b[j - 1]);
      std::size_t cost = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (same ? 0 : 1)});
      if (i > 1 && j > 1 && folded(a[i - 1]) == folded(b[j - 2]) && folded(a[i - 2]) == folded(b[j - 1])) {
        cost = std::min(cost, before[j - 2] + 1);
      }
      current[j] = cost;
      rowMinimum = std::min(rowMinimum, cost);
    }
    if (rowMinimum > limit) return tooFar;
    before = previous;
    previous = current;
  }
  return std::min(previous[b.size()], tooFar);
}

void ClosestName::consider(std::string_view candidate) {
  if (candidate == word_ || candidate.empty()) return;
  const std::size_t shorter = std::min(word_.size(), candidate.size());
  std::size_t limit = shorter <= 4 ? 1 : 2;
  limit = std::min(limit, shorter > 0 ? shorter - 1 : 0);  // "b" is not a misspelt "a": keep a character
  if (best_) {
    if (bestDistance_ == 0) return;
    limit = std::min(limit, bestDistance_ - 1);  // only a strictly nearer candidate replaces the first
  }
  const std::size_t distance = editDistance(word_, candidate, limit);
  if (distance > limit) return;
  best_ = candidate;
  bestDistance_ = distance;
}

}  // namespace broadsheet::format
