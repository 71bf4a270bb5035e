// Where floating pull quotes go. Pure functions of the body's shape, so the rules are easy to pin in
// tests; docs/layout.md states them.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace broadsheet::layout {

struct FlowItem {
  bool isParagraph = false;
  std::size_t words = 0;
};

// For each of `count` pull quotes, in order, the index of the body item it follows, or nothing when
// it found no slot. Rules:
//   - a slot lies between two paragraphs (so never next to a heading, image, quote, anchored pull
//     quote, the note or another placed pull quote) and after at least two paragraphs (never before
//     the second paragraph, never after the last);
//   - pull quotes are spread evenly by running word count: the j-th of k aims at (j+1)/(k+1) of the
//     body's words and takes the free slot closest to that point, in reading order;
//   - when there are more pull quotes than slots, the first ones are kept.
std::vector<std::optional<std::size_t>> placePullquotes(const std::vector<FlowItem>& flow, std::size_t count);

}  // namespace broadsheet::layout
