// Escaping for each context our output writes into. All text from an article reaches the output
// through one of these.
#pragma once

#include <string>
#include <string_view>

namespace broadsheet::html {

// Text content: & < > are escaped; NUL becomes U+FFFD and other C0 controls (but tab and newline)
// are dropped, as they have no business in prose.
void appendText(std::string& out, std::string_view text);

// A double-quoted attribute value: & < > " ' are escaped, controls handled as in appendText.
void appendAttribute(std::string& out, std::string_view value);

// JSON string contents for a <script type="application/ld+json"> block: besides JSON's own escapes,
// '<', '>', '&', U+2028 and U+2029 become \u escapes so no sequence can close the script element.
void appendScriptJsonString(std::string& out, std::string_view value);

}  // namespace broadsheet::html
