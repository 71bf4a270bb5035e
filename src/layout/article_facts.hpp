// The facts a standalone document states about the article in schema.org terms (its JSON-LD).
#pragma once

#include "broadsheet/broadsheet.hpp"
#include "format/article.hpp"
#include "layout/layout_tree.hpp"

namespace broadsheet::layout {

// From the article, and from what the layout found: `meta` (headline, language, word count) and
// the standfirst's plain text as the description.
ArticleFacts articleFacts(const format::Article& article, const Meta& meta, const text::Markdown& standfirst);

// The hreflang alternates and og:locale alternates of a page in `lang` at `ownUrl` ("" when the article
// has no address of its own), from facts.translations and facts.translationOf.
void addLanguageAlternates(ArticleFacts& facts, std::string_view lang, std::string_view ownUrl);

}  // namespace broadsheet::layout
