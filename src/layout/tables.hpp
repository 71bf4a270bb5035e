// Tables (docs/layout.md#tables): which columns hold numbers, how each column is aligned, and the
// caption's id that labels the scroll region.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "format/article.hpp"
#include "layout/layout_tree.hpp"

namespace broadsheet::layout {

// Whether a cell's plain text is a number as articles write them: a sign (- + − ±), a currency
// symbol before or after, digits grouped by , . ' or spaces (space, no-break, thin, narrow no-break,
// figure space) with a decimal , or ., then %, ‰, a currency symbol or a magnitude (k, m, bn, млн,
// млрд, тыс. …). "1 234,5", "1,234.5", "-12%", "$3.4bn", "₸450 млн".
bool looksNumeric(std::string_view cell);

// The bytes of the table's texts (caption and cells), a bound on their words' length.
std::size_t tableSourceBytes(const format::Table& table);

// The layout of `table`, whose trees it takes; `captionId` names its caption.
std::unique_ptr<Table> layOutTable(format::Table& table, std::string captionId);

}  // namespace broadsheet::layout
