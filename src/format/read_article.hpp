// nlohmann::json -> typed Article. Every member is checked; a bad member is reported and left out,
// a bad block is reported and dropped, and the rest of the article is kept.
#pragma once

#include <nlohmann/json.hpp>

#include "broadsheet/broadsheet.hpp"
#include "format/article.hpp"
#include "format/diagnostics.hpp"

namespace broadsheet::format {

inline constexpr std::string_view kFormatV1 = "broadsheet/article@1";

// Returns false when the document has no usable headline and body, so nothing can be shown. The
// document's strings are moved into the article: it is spent afterwards.
bool readArticle(nlohmann::json& document, const Limits& limits, Article& article,
                 DiagnosticSink& sink);

}  // namespace broadsheet::format
