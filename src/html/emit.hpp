// The html stage's entry: LayoutTree -> HTML. It walks the tree in order and writes our own fixed
// markup around the author's (escaped) words; docs/markup.md is the contract for that markup.
#pragma once

#include <string>

#include "broadsheet/broadsheet.hpp"
#include "format/diagnostics.hpp"
#include "layout/layout_tree.hpp"

namespace broadsheet::html {

// How long the HTML may grow (limits.maxOutputBytes, resolved) and where to say that it stopped.
struct OutputBudget {
  std::size_t maxBytes;
  format::DiagnosticSink& sink;
};

// The article fragment: <article class="bs-article" ...>...</article>. The body's items are
// released as they are written (the tree's body is spent afterwards). Once the HTML is longer than
// the budget, no further item is written (nor the note and footer): the elements open are closed and
// a BS-LIMIT error is reported.
void appendArticle(std::string& out, layout::LayoutTree& tree, OutputBudget budget);

// The tags a page showing the article puts in its <head> (docs/embed.md#head-tags): the canonical
// link, description, Open Graph and Twitter card tags and the JSON-LD script, each escaped for its
// context. A standalone document's head holds them too.
void appendHeadTags(std::string& out, const layout::ArticleFacts& facts);

// A whole HTML document around the fragment, with the stylesheet inlined and schema.org
// NewsArticle JSON-LD stating the tree's facts. Spends the tree's body like appendArticle.
void appendStandaloneDocument(std::string& out, layout::LayoutTree& tree, OutputBudget budget);

}  // namespace broadsheet::html
