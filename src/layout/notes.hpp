// Footnotes and cited sources after the body (docs/layout.md, "Footnotes and sources").
#pragma once

#include <string>
#include <vector>

#include "format/article.hpp"
#include "layout/labels.hpp"
#include "layout/layout_tree.hpp"

namespace broadsheet::layout {

// Numbers the footnote references of the body (already in reading order, pull quotes placed) in the
// order each note is first referred to, and lists the notes in that order with their back-links.
void buildFootnotes(LayoutTree& tree, std::vector<format::Footnote>& footnotes, const Labels& labels);

void buildSources(LayoutTree& tree, const std::vector<format::Source>& sources, const Labels& labels);

}  // namespace broadsheet::layout
