// Word-level helpers the layout uses to count, match and pick the author's words.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::layout {

// Words in plain text: runs separated by white space that hold at least one letter or digit
// (any non-ASCII character counts as a letter).
std::size_t countWords(std::string_view text);

// Lower-cased ASCII, typographic quotes and apostrophes made plain, white space collapsed: the form
// in which a pull quote is looked for in the body.
std::string normalizeForMatch(std::string_view text);

// True when every fragment of `quote` (split at "…" or "...") appears in `body`; both normalized.
bool quoteAppearsIn(std::string_view quote, std::string_view normalizedBody);

// The spans of `text` between typographic double quotes (“…”, «…»), without the quote marks.
std::vector<std::string> quotedSpans(std::string_view text);

}  // namespace broadsheet::layout
