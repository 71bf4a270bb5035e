// The tables scripts/generate-locale-data.mjs writes into the build directory (generated/locale_data.cpp),
// read by labels.cpp and language_names.cpp only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "layout/labels.hpp"

namespace broadsheet::layout {

// Every locale's texts, each ended by a NUL, in the order decodeLocale (labels.cpp) reads them.
extern const char kLocaleTexts[];

// What is not text, per locale.
struct LocaleNumbers {
  Plural (*plural)(std::uint64_t);
  char32_t zeroDigit;
  int wordsPerMinute;
  int groupingSize;
  int minimumGroupingDigits;
};
extern const LocaleNumbers kLocaleNumbers[];

// Filled from the two above on first use (labels.cpp); kLocales[0] is English, the fallback.
extern Labels kLocales[];
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
