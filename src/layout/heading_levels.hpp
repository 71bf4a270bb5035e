// The element level of every heading in a laid-out article: the headline, the body's headings (its
// heading blocks and the headings in its Markdown), the corrections', the note's label and the analyst
// panel's title.
#pragma once

#include "layout/layout_tree.hpp"

namespace broadsheet::layout {

// Sets tree.headlineLevel, each body item's heading levels, correctionLevel, noteLabelLevel and analystPanelLevel, for
// a headline at `headlineLevel` (1-6). Body headings sit below the headline by the level the author
// chose, as one outline: capped at h6, and never more than one level below the heading before them
// (an h4 straight after the h1 headline becomes an h2), which markup and screen readers need. Call
// it once the body is in its final order.
void assignHeadingLevels(LayoutTree& tree, int headlineLevel);

}  // namespace broadsheet::layout
