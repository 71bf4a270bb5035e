// A text dump of a layout tree, for golden tests of the layout's decisions: one line per node,
// children indented by two spaces, each line the node's name, then its decisions as key=value pairs,
// then its words in quotes. Stable (no addresses, no hash order) and diff-friendly: a changed
// decision changes one line.
//
//   pullquote floating side=end repeatsBody=1 words=0 "Russia will give Kazakstan discounts."
//
// Texts are shown as their words (text::Markdown::plainText) with `"`, `\` and control characters
// escaped, and the typography the layout put in shown as \u00A0 (no-break space) and \u00AD (soft
// hyphen).
#pragma once

#include <string>

#include "layout/layout_tree.hpp"

namespace broadsheet::layout {

std::string dumpTree(const LayoutTree& tree);

}  // namespace broadsheet::layout
