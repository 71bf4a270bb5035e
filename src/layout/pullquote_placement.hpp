// Where floating pull quotes go. Pure functions of the body's shape, so the rules are easy to pin in
// tests; docs/layout.md states them.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace broadsheet::layout {

// One body item as placement sees it.
struct FlowItem {
  bool isParagraph = false;
  std::size_t words = 0;
};

// One floating pull quote to place, in the order given.
struct PullquoteRequest {
  std::optional<std::size_t> source;  // index of the body item that holds its words, if any
  bool aimAtSource = false;           // aim at the end of the source rather than at j/(k+1) of the words
};

// The items a pull quote may follow: paragraph i is a slot when paragraph i+1 follows it and at
// least two paragraphs have been read by the end of i. So a pull quote never comes before the
// second paragraph or after the last item, and never touches a heading, image, quote, list, callout,
// divider, anchored pull quote or the note (they are not paragraphs). Anchored pull quotes thereby
// occupy their place.
std::vector<std::size_t> pullquoteSlots(const std::vector<FlowItem>& flow);

// For each request, in order, the index of the body item it follows, or nothing when it was
// dropped. Rules (docs/layout.md):
//   - only the slots above are used, each by at most one pull quote, and the pull quotes keep the
//     order they were given in; when there are more pull quotes than slots, the first ones are kept;
//   - with k pull quotes placed over a body of W words, the j-th (from 1) aims at the point j/(k+1)
//     of the running word count, or, with aimAtSource, at the running count through its source
//     (automatic pull quotes, already spread by their choice); a slot's distance is
//     |words up to the slot - that point|;
//   - a slot before the item the pull quote quotes counts half a spacing (W/(2(k+1)) words) farther
//     away, so a pull quote follows the passage it repeats unless that costs more than half a spacing;
//   - in order, each pull quote takes the nearest slot after the previous one's that still leaves a
//     slot for every pull quote after it; on a tie, the earlier slot.
std::vector<std::optional<std::size_t>> placePullquotes(const std::vector<FlowItem>& flow,
                                                        const std::vector<PullquoteRequest>& requests);

// The same for `count` pull quotes with no known source.
std::vector<std::optional<std::size_t>> placePullquotes(const std::vector<FlowItem>& flow, std::size_t count);

}  // namespace broadsheet::layout
