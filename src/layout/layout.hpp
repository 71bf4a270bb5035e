// The layout stage: typed Article -> LayoutTree, plus the facts callers get as Meta.
#pragma once

#include "broadsheet/broadsheet.hpp"
#include "format/article.hpp"
#include "format/diagnostics.hpp"
#include "layout/layout_tree.hpp"

namespace broadsheet::layout {

// The tree takes over the article's parsed texts (their trees are left empty, and the body's
// sources are released) and copies the rest of what it needs: it does not point into `article`.
// Pull quotes that find no slot or whose words are not in the body are reported to `sink` as warnings.
LayoutTree layOut(format::Article& article, const RenderOptions& options, format::DiagnosticSink& sink, Meta& meta);

}  // namespace broadsheet::layout
