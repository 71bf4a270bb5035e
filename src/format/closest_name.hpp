// Did-you-mean: the known name closest to a misspelt one, for messages (unknown members, block
// types, allowed values, analyst ids, JSON's true/false/null).
#pragma once

#include <initializer_list>
#include <optional>
#include <string_view>

namespace broadsheet::format {

// Edit distance (Damerau-Levenshtein in its optimal-string-alignment form: insertions, deletions,
// substitutions and swaps of two neighbours each count 1), comparing ASCII letters case-blind.
// Gives up (returns limit + 1) as soon as the distance must exceed `limit`.
std::size_t editDistance(std::string_view a, std::string_view b, std::size_t limit);

// The first candidate nearest to `word` that differs from it, when near enough: at most 1 edit when
// the shorter of the two has 4 characters or fewer, otherwise at most 2, and always fewer edits than
// the shorter has characters (a one-letter name only for a change of case). Words longer than 64 bytes
// get no suggestion, which keeps the cost at most 64 x 64 steps a candidate.
class ClosestName {
 public:
  explicit ClosestName(std::string_view word) : word_(word) {}
  void consider(std::string_view candidate);
  std::optional<std::string_view> best() const { return best_; }

 private:
  std::string_view word_;
  std::optional<std::string_view> best_;
  std::size_t bestDistance_ = 0;
};

template <typename Range>
std::optional<std::string_view> closestName(std::string_view word, const Range& candidates) {
  ClosestName closest(word);
  for (const auto& candidate : candidates) closest.consider(candidate);
  return closest.best();
}

inline std::optional<std::string_view> closestName(std::string_view word,
                                                   std::initializer_list<std::string_view> candidates) {
  return closestName<std::initializer_list<std::string_view>>(word, candidates);
}

}  // namespace broadsheet::format
