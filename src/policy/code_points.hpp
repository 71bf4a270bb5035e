// Which code points HTML forbids in a document. Shared by the html stage's escaping, which drops or
// escapes them, and the URL policy, which judges a URL as it will reach the page.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace broadsheet::policy {

// HTML forbids C1 controls (U+0080-U+009F) and noncharacters (U+FDD0-U+FDEF and every code point
// ending in FFFE or FFFF) in a document. Returns the byte length of the UTF-8 sequence at `i` when
// it encodes one of them, else 0, and sets `codePoint`.
std::size_t forbiddenCodePointAt(std::string_view text, std::size_t i, char32_t& codePoint);

// `text` without the code points HTML forbids in a document (C1 controls, noncharacters): what the
// html stage's appendText and appendAttribute leave of it.
std::string withoutForbiddenCodePoints(std::string_view text);

}  // namespace broadsheet::policy
