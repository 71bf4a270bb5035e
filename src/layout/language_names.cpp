#include "layout/language_names.hpp"

#include "layout/labels.hpp"

namespace broadsheet::layout {

std::string_view nativeLanguageName(std::string_view bcp47) {
  const Labels& labels = labelsFor(bcp47);
  // labelsFor falls back to English for what it does not carry (xx, zh-Hant): those have no name here.
  const std::string_view language = labels.locale.substr(0, labels.locale.find('-'));
  const std::string_view asked = bcp47.substr(0, bcp47.find_first_of("-_"));
  if (asked.size() != language.size()) return "";
  for (std::size_t i = 0; i < asked.size(); ++i) {
    const char c = asked[i] >= 'A' && asked[i] <= 'Z' ? static_cast<char>(asked[i] - 'A' + 'a') : asked[i];
    if (c != language[i]) return "";
  }
  return labels.autonym;
}

}  // namespace broadsheet::layout
