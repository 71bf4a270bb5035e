// Bidi controls in plain-text members. An embedding (U+202A, U+202B), override (U+202D, U+202E) or
// isolate (U+2066-U+2068) left open reorders the text that follows it, and a stray closer (U+202C,
// U+2069) ends someone else's: "Ann\u202E, analyst" reads backwards from the name on. Controls that
// open and close in well-nested pairs only shape the value itself, which the html stage isolates.
#pragma once

#include <string>

namespace broadsheet::format {

// Removes from `text` (UTF-8) the bidi embedding, override and isolate controls that are not in
// well-nested pairs (an embedding or override closed by U+202C, an isolate by U+2069, each inside
// the pair around it). Returns how many were removed.
std::size_t removeUnpairedBidiControls(std::string& text);

}  // namespace broadsheet::format
