// Which way a text's words run, judged from its letters: for display texts (the headline, the
// standfirst) written in another script than the article's language.
#pragma once

#include <string_view>

namespace broadsheet::layout {

// "rtl" when most of the text's words start (at their first letter) in a right-to-left script
// (Arabic, Hebrew, Syriac, Thaana, N'Ko...), "ltr" when most start in a left-to-right one, and at a
// tie the direction of the first letter; "" when the text has no letter. Words, not the first letter
// alone as dir="auto" decides: an English headline that opens with an Arabic name stays ltr.
std::string_view textDirection(std::string_view utf8);

}  // namespace broadsheet::layout
