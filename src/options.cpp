// RenderOptions from their JSON form, as bindings and tools receive them.
#include <cstdint>

#include <nlohmann/json.hpp>

#include "broadsheet/broadsheet.hpp"
#include "format/diagnostics.hpp"
#include "format/json_pointer.hpp"

namespace broadsheet {
namespace {

using Json = nlohmann::json;

// A bad option is the caller's slip, not the document's: warn and keep the default.
void optionError(std::vector<Diagnostic>& diagnostics, std::string_view key, std::string message) {
  diagnostics.push_back({Severity::Warning, std::string(format::code::Option), std::move(message),
                         format::childPointer("", key), 0, 0});
}

void readLimit(const Json& limits, std::string_view key, std::size_t& value, std::vector<Diagnostic>& diagnostics) {
  const auto found = limits.find(key);
  if (found == limits.end()) return;
  if (!found->is_number_unsigned() || found->get<std::uint64_t>() == 0) {
    optionError(diagnostics, "limits", "The option limits." + std::string(key) + " must be a positive whole number.");
    return;
  }
  value = static_cast<std::size_t>(found->get<std::uint64_t>());
}

}  // namespace

RenderOptions parseOptions(std::string_view json, std::vector<Diagnostic>& diagnostics) {
  RenderOptions options;
  if (json.empty()) return options;
  const Json parsed = Json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) {
    optionError(diagnostics, "", "The render options must be a JSON object.");
    return options;
  }
  for (const auto& [key, value] : parsed.items()) {
    if (key == "standalone" && value.is_boolean()) {
      options.standalone = value.get<bool>();
    } else if (key == "headingLevel" && value.is_number_integer() && value.get<long long>() >= 1 && value.get<long long>() <= 6) {
      options.headingLevel = static_cast<int>(value.get<long long>());
    } else if (key == "theme" && value.is_string() && (value == "auto" || value == "light" || value == "dark")) {
      options.theme = value == "dark" ? Theme::Dark : value == "light" ? Theme::Light : Theme::Auto;
    } else if (key == "lang" && value.is_string()) {
      options.lang = value.get<std::string>();
    } else if (key == "limits" && value.is_object()) {
      readLimit(value, "maxInputBytes", options.limits.maxInputBytes, diagnostics);
      readLimit(value, "maxDepth", options.limits.maxDepth, diagnostics);
      readLimit(value, "maxBlocks", options.limits.maxBlocks, diagnostics);
      readLimit(value, "maxStringBytes", options.limits.maxStringBytes, diagnostics);
      readLimit(value, "maxPeople", options.limits.maxPeople, diagnostics);
      readLimit(value, "maxPullquotes", options.limits.maxPullquotes, diagnostics);
    } else {
      optionError(diagnostics, key, "The option \"" + key + "\" is unknown or has a value of the wrong kind; it is ignored.");
    }
  }
  return options;
}

}  // namespace broadsheet
