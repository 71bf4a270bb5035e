#include "layout/language_names.hpp"

#include <algorithm>
#include <cctype>

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

// `text` is `tag` (lower case, "-" between subtags) in any letter case, with "-" or "_".
bool sameTag(std::string_view text, std::string_view tag) {
  return text.size() == tag.size() && std::equal(text.begin(), text.end(), tag.begin(), [](char a, char b) {
           return (a == '_' ? '-' : std::tolower(static_cast<unsigned char>(a))) == b;
         });
}

std::string_view find(std::string_view tag) {
  for (const LanguageName& entry : kNames) {
    if (sameTag(tag, entry.tag)) return entry.name;
  }
  return {};
}

}  // namespace

std::string_view nativeLanguageName(std::string_view bcp47) {
  // language-Script first ("kk-Latn"), then the language alone; "_" separates too, as in labelsFor.
  const std::size_t first = bcp47.find_first_of("-_");
  if (first != std::string_view::npos) {
    const std::size_t end = bcp47.find_first_of("-_", first + 1);
    const std::string_view withScript = bcp47.substr(0, end);
    if (withScript.size() == first + 5) {
      const std::string_view name = find(withScript);
      if (!name.empty()) return name;
    }
  }
  return find(bcp47.substr(0, first));
}

}  // namespace broadsheet::layout
