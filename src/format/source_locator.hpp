// Finds where JSON Pointers point in the original text. The reader (nlohmann's SAX events carry no
// positions) only names paths; this fills in line and column afterwards, with one scan of the text,
// and only when there are diagnostics to place.
#pragma once

#include <string_view>
#include <vector>

#include "broadsheet/broadsheet.hpp"

namespace broadsheet::format {

struct TextPosition {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in Unicode characters
};

// A UTF-8 byte order mark is accepted and is not counted as a character.
std::string_view withoutByteOrderMark(std::string_view text);

// Line and column of a byte offset; `text` starts after any byte order mark.
TextPosition positionOfOffset(std::string_view text, std::size_t byteOffset);

// Sets line/column of each diagnostic from its path (for a member that does not exist, the position
// of its nearest existing ancestor) and orders the diagnostics as their values appear in the text.
// `text` is normally valid JSON; on text that is not (a parse stopped by the depth limit) this still
// terminates, in time linear in the text, and leaves unplaced diagnostics at 0:0.
void locateDiagnostics(std::string_view text, std::vector<Diagnostic>& diagnostics);

}  // namespace broadsheet::format
