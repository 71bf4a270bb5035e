// The ::part() names of the markup contract (docs/markup.md): which of our classes carry one.
// A writer opens its elements with appendStartTag and the class it chose for that element;
// with the `parts` option the names follow from that class, so they come from the structure the
// writer built, never from the output's text (which article content could shape).
#pragma once

#include <string>
#include <string_view>

namespace broadsheet::html {

// `<tag class="classes"`, then ` part="…"` with the names of those classes when `parts` is set and
// any of them has one (`bs-figure bs-lead-image` -> `part="figure lead-image"`); the caller adds any
// other attributes and ends the tag. `classes` is markup the writer owns, space-separated, never content.
void appendStartTag(std::string& out, std::string_view tag, std::string_view classes, bool parts);

// The part name of one class, or "" when it has none.
std::string_view partName(std::string_view className);

}  // namespace broadsheet::html
