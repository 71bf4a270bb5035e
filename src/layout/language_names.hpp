// Names of languages in themselves, for links to other language versions of an article.
#pragma once

#include <string_view>

namespace broadsheet::layout {

// The language's name in itself ("қазақ тілі", "русский", "English") from CLDR, for the locales the
// core carries (docs/locales.md); "" for any other language or script.
std::string_view nativeLanguageName(std::string_view bcp47);

}  // namespace broadsheet::layout
