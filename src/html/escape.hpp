// Escaping for each context our output writes into. All text from an article reaches the output
// through one of these.
#pragma once

#include <string>
#include <string_view>

namespace broadsheet::html {

// Text content: & < > are escaped; NUL becomes U+FFFD and other C0 controls (but tab and newline)
// are dropped, as they have no business in prose. So are C1 controls and noncharacters, which HTML
// forbids in a document.
void appendText(std::string& out, std::string_view text);

// A double-quoted attribute value: & < > " ' are escaped, controls handled as in appendText.
void appendAttribute(std::string& out, std::string_view value);

// JSON string contents for a <script type="application/ld+json"> block: besides JSON's own escapes,
// '<', '>', '&', U+2028 and U+2029 become \u escapes so no sequence can close the script element;
// DEL, C1 controls and noncharacters become \u escapes too, since HTML forbids them in a document.
void appendScriptJsonString(std::string& out, std::string_view value);

}  // namespace broadsheet::html
