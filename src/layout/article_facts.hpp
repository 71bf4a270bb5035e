// The facts a standalone document states about the article in schema.org terms (its JSON-LD).
#pragma once

#include "broadsheet/broadsheet.hpp"
#include "format/article.hpp"
#include "layout/layout_tree.hpp"

namespace broadsheet::layout {

// From the article, and from what the layout found: `meta` (headline, language, word count) and
// the standfirst's plain text as the description.
ArticleFacts articleFacts(const format::Article& article, const Meta& meta, const text::Markdown& standfirst);

}  // namespace broadsheet::layout
