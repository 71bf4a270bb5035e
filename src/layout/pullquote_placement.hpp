// Where pull quotes go. A pure function of the body's shape (what kind each item is and how many
// words it holds) and of where each pull quote's words are, so the rules are pinned by small golden
// fixtures (tests/core/fixtures/placement.txt); docs/layout.md states them.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace broadsheet::layout {

// One body item as placement sees it.
struct FlowItem {
  enum class Kind { Paragraph, Heading, Quote, PullQuote, Other };
  Kind kind = Kind::Paragraph;
  std::size_t words = 0;
};

// One floating pull quote to place, in the order given.
struct PullquoteRequest {
  std::optional<std::size_t> source;  // index of the flow item that holds its words, if any
  bool aimAtSource = false;           // aim at the end of the source rather than at j/(k+1) of the words
};

// Why a pull quote is where it is, or why it is not there at all.
enum class PlacementReason {
  BetweenParagraphs,  // floating: after a paragraph that another paragraph follows (the best kind of place)
  AfterParagraph,     // floating: after a paragraph followed by a heading, quote, list, image...
  Authored,           // anchored: where the author put it
  Moved,              // anchored: where the author put it broke a rule, so it moved to the nearest good place
  TooFewParagraphs,   // left out: the body has fewer than two paragraphs
  NoRoom,             // left out: every place after a paragraph is taken
};

// The reason as meta.pullquotes.items and the fixtures write it: "between-paragraphs", "moved", ...
const char* reasonName(PlacementReason reason);

// One entry of the body in its final order: a flow item (anchored pull quotes included, wherever
// they ended up) or the j-th floating pull quote.
struct PlacedEntry {
  bool floating = false;
  std::size_t index = 0;  // into the flow, or into the requests when floating
};

struct PullquotePlan {
  std::vector<PlacedEntry> order;         // the body as it will read; pull quotes left out are not in it
  std::vector<PlacementReason> anchored;  // per PullQuote item of the flow, in flow order
  std::vector<PlacementReason> floating;  // per request
};

// How many places after a paragraph the body offers floating pull quotes (before anchored ones that
// break a rule move): an upper bound on how many can be placed.
std::size_t pullquotePlaces(const std::vector<FlowItem>& flow);

// The rules (docs/layout.md, "Pull quotes"):
//   - a pull quote follows a paragraph; it is never before the first paragraph, never the body's last
//     item, never next to another pull quote; the body needs two paragraphs for any pull quote;
//   - an anchored pull quote that breaks one of these moves to the place after a paragraph nearest
//     (in words) to where the author put it, or is left out when there is none;
//   - floating pull quotes keep their order, the first ones are kept when there are more than places,
//     and together they take the places of least total cost, where a place costs
//       * its distance from the pull quote's aim: j/(k+1) of the running word count for the j-th of
//         k, or the end of its source with aimAtSource;
//       * half a spacing (W/(2(k+1)) words) when it comes before the passage the pull quote repeats;
//       * half a spacing when the next item is not a paragraph;
//       * more than all of that together when only one paragraph separates it from another pull
//         quote, so that happens only when the body leaves no other way.
//   Equal costs go to the earlier places. All costs are integers, so every build agrees.
PullquotePlan planPullquotes(const std::vector<FlowItem>& flow, const std::vector<PullquoteRequest>& requests);

}  // namespace broadsheet::layout
