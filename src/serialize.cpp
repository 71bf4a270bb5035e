// JSON forms of diagnostics and meta, for the WASM bindings and the native CLI.
#include <nlohmann/json.hpp>

#include "broadsheet/broadsheet.hpp"

namespace broadsheet {
namespace {

using Json = nlohmann::json;

// Messages quote the author's text, which is valid UTF-8 once parsed, except in syntax errors,
// which may quote a broken byte: replace rather than fail.
std::string dump(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace

std::string diagnosticsToJson(const std::vector<Diagnostic>& diagnostics) {
  Json list = Json::array();
  for (const Diagnostic& d : diagnostics) {
    list.push_back({{"severity", d.severity == Severity::Error ? "error" : "warning"},
                    {"code", d.code},
                    {"message", d.message},
                    {"path", d.path},
                    {"line", d.line},
                    {"column", d.column}});
  }
  return dump(list);
}

std::string metaToJson(const Meta& meta) {
  Json analysts = Json::array();
  for (const AnalystSummary& analyst : meta.analysts) {
    analysts.push_back({{"id", analyst.id}, {"name", analyst.name}, {"role", analyst.role}});
  }
  return dump({{"headline", meta.headline},
               {"lang", meta.lang},
               {"dir", meta.dir},
               {"canonicalUrl", meta.canonicalUrl},
               {"wordCount", meta.wordCount},
               {"readingMinutes", meta.readingMinutes},
               {"analysts", analysts},
               {"pullquotes", {{"placed", meta.pullquotesPlaced}, {"dropped", meta.pullquotesDropped}}}});
}

}  // namespace broadsheet
