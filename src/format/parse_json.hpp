// JSON text -> nlohmann::json, with syntax errors and limits reported as diagnostics.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "broadsheet/broadsheet.hpp"
#include "format/diagnostics.hpp"

namespace broadsheet::format {

// Returns false (and reports why) when the text is not JSON or breaks a limit. `text` must not
// start with a byte order mark (see withoutByteOrderMark).
bool parseJson(std::string_view text, const Limits& limits, nlohmann::json& out, DiagnosticSink& sink);

}  // namespace broadsheet::format
