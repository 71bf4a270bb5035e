#include "layout/language_names.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>

#include "format/value_checks.hpp"

namespace broadsheet::layout {
namespace {

struct LanguageName {
  std::string_view tag;  // lower case: "uz" or "uz-cyrl"
  std::string_view name;
};

// Hand-written from CLDR 48's own names (localeDisplayNames of each locale). The CLDR-generated
// table replaces this one; it must give at least these.
constexpr LanguageName kNames[] = {
    {"en", "English"},  {"ru", "русский"}, {"uk", "українська"},   {"kk", "қазақ тілі"}, {"kk-latn", "qazaq tili"},
    {"ky", "кыргызча"}, {"uz", "o‘zbek"},  {"uz-cyrl", "ўзбекча"}, {"tg", "тоҷикӣ"},     {"tk", "türkmen dili"},
    {"tr", "Türkçe"},   {"fa", "فارسی"},   {"ps", "پښتو"},         {"ar", "العربية"},    {"zh", "中文"},
};

std::string_view find(std::string_view tag) {
  const auto* found =
      std::find_if(std::begin(kNames), std::end(kNames), [&](const LanguageName& entry) { return entry.tag == tag; });
  return found == std::end(kNames) ? std::string_view() : found->name;
}

}  // namespace

std::string_view nativeLanguageName(std::string_view bcp47) {
  std::string lower(bcp47);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string language = format::primaryLanguage(lower);
  // language-Script first ("kk-latn"), then the language alone.
  if (lower.size() >= language.size() + 5 && lower[language.size()] == '-') {
    const std::string_view script = std::string_view(lower).substr(language.size() + 1, 4);
    const bool isScript = lower.size() == language.size() + 5 || lower[language.size() + 5] == '-';
    if (isScript && std::all_of(script.begin(), script.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      const std::string_view name = find(language + "-" + std::string(script));
      if (!name.empty()) return name;
    }
  }
  return find(language);
}

}  // namespace broadsheet::layout
