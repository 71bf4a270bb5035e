// A table body item -> its markup (docs/markup.md#tables): a labelled, focusable scroll region
// holding the table, its caption, header cells and rows, with the classes the layout's decisions name.
#pragma once

#include <string>
#include <string_view>

#include "html/markdown_html.hpp"
#include "layout/layout_tree.hpp"

namespace broadsheet::html {

// Appends the table; `lang` and `dir` are the block's own (empty: the article's).
void appendTable(std::string& out, const layout::Table& table, const TextStyle& style, std::string_view lang,
                 std::string_view dir);

}  // namespace broadsheet::html
