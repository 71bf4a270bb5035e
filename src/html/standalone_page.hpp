// The page rules of a standalone document (not of the article's stylesheet, which partners put in
// their own pages and which styles nothing outside .bs-article).
#pragma once

#include <string_view>

namespace broadsheet::html {

// The html and body elements take the article's theme, so a dark article fills its page with no
// white frame, and print on white; `html[data-theme]` is the article's `theme` (docs/markup.md).
std::string_view standalonePageStyle();

}  // namespace broadsheet::html
