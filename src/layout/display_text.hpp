// Typography of display text (the headline, the standfirst and pull quotes), put into the text's
// words by the layout so that the html stage writes them as they are (docs/layout.md, "Typography").
#pragma once

#include <string_view>

#include "text/markdown.hpp"

namespace broadsheet::layout {

// Long words get soft hyphens in the languages that have rules for them (layout/hyphenation.hpp).
// With `noWidow`, an inline text's last two words are bound by no-break spaces when they fit the
// narrowest line, so no word stands alone on the last line.
void setAsDisplayText(text::Markdown& markdown, std::string_view lang, bool noWidow);

}  // namespace broadsheet::layout
