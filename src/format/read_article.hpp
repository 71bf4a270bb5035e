// Article JSON -> typed Article, in one pass over the text: nlohmann's SAX events build the kept
// document (format/kept_document.hpp: only what the format reads, no JSON document), and the reader
// reads the format from it. Every member is checked; a bad member is reported and left out, a bad
// block is reported and dropped, and the rest is kept.
#pragma once

#include <string_view>

#include "broadsheet/broadsheet.hpp"
#include "format/article.hpp"
#include "format/diagnostics.hpp"
#include "policy/url_policy.hpp"

namespace broadsheet::format {

inline constexpr std::string_view kFormatV1 = "broadsheet/article@1";

// Returns false when the text is not a JSON object (syntax errors and limits included) or has no
// usable headline and body, so nothing can be shown. `json` must not start with a byte order mark.
// URL members come out resolved as `urls` says (policy::decideUrl); links and images inside CommonMark
// are checked against the same context, and resolved by the html stage.
bool readArticle(std::string_view json, const Limits& limits, Article& article, DiagnosticSink& sink,
                 const policy::UrlContext& urls = {});

}  // namespace broadsheet::format
