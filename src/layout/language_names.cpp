#include "layout/language_names.hpp"

#include "layout/labels.hpp"

namespace broadsheet::layout {

namespace {

// Whether a locale's language subtag ("kk" of "kk-Latn") is `language`, in any letter case.
bool sameLanguage(std::string_view locale, std::string_view language) {
  const std::string_view carried = locale.substr(0, locale.find('-'));
  if (carried.size() != language.size()) return false;
  for (std::size_t i = 0; i < language.size(); ++i) {
    const char c = language[i] >= 'A' && language[i] <= 'Z' ? static_cast<char>(language[i] - 'A' + 'a') : language[i];
    if (c != carried[i]) return false;
  }
  return true;
}

}  // namespace

std::string_view nativeLanguageName(std::string_view bcp47) {
  // labelsFor falls back to English for a script it does not carry (zh-Hant, kk-Arab): the language's
  // name is still the one its carried locale gives ("中文"). Languages not carried have no name here.
  const std::string_view language = bcp47.substr(0, bcp47.find_first_of("-_"));
  for (std::string_view tag : {bcp47, language}) {
    const Labels& labels = labelsFor(tag);
    if (sameLanguage(labels.locale, language)) return labels.autonym;
  }
  return "";
}

}  // namespace broadsheet::layout
