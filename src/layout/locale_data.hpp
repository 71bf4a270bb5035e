// The tables scripts/generate-locale-data.mjs writes into the build directory (generated/locale_data.cpp),
// read by labels.cpp and language_names.cpp only.
#pragma once

#include <cstddef>
#include <string_view>

#include "layout/labels.hpp"

namespace broadsheet::layout {

// kLocales[0] is English, the fallback.
extern const Labels kLocales[];
extern const std::size_t kLocaleCount;

// CLDR likelySubtags: each language's script when the tag names none ("kk" -> Cyrl) ...
struct LanguageScript {
  std::string_view language;
  std::string_view script;
};
extern const LanguageScript kDefaultScripts[];
extern const std::size_t kDefaultScriptCount;

// ... and the regions where it is another ("zh-TW" -> Hant).
struct RegionScript {
  std::string_view language;
  std::string_view region;
  std::string_view script;
};
extern const RegionScript kRegionScripts[];
extern const std::size_t kRegionScriptCount;

}  // namespace broadsheet::layout
