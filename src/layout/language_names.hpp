// Names of languages in themselves, for the language switcher ("қазақ тілі", "русский").
#pragma once

#include <string_view>

namespace broadsheet::layout {

// The language's name in itself, as CLDR spells it, for the languages the renderer has labels for and
// the ones issue 15 lists; "" when unknown. A script subtag picks the script's spelling ("uz-Cyrl" ->
// "ўзбекча"); region and other subtags are ignored.
std::string_view nativeLanguageName(std::string_view bcp47);

}  // namespace broadsheet::layout
