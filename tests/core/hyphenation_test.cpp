// Soft-hyphen insertion for display text (src/layout/hyphenation.hpp): where long words may break.
#include <catch2/catch.hpp>

#include <string>

#include "layout/hyphenation.hpp"

using broadsheet::layout::hyphenatesLanguage;
using broadsheet::layout::insertSoftHyphens;

namespace {

// The expected form, written with "|" where a soft hyphen goes.
std::string withSoftHyphens(std::string expected) {
  for (std::size_t at; (at = expected.find('|')) != std::string::npos;) expected.replace(at, 1, "\u00AD");
  return expected;
}

struct Case {
  const char* language;
  const char* word;
  const char* expected;
};

}  // namespace

TEST_CASE("long words get soft hyphens between syllables, by language", "[hyphenation]") {
  const Case cases[] = {
      // Russian: V-CV, VC-CV (a cluster splits after its first consonant), never between two vowels.
      {"ru", "межгосударственных", "меж|го|су|дар|ствен|ных"},
      {"ru", "геополитический", "гео|по|ли|ти|чес|кий"},
      {"ru", "Межгосударственный", "Меж|го|су|дар|ствен|ный"},
      {"ru", "ГЕОПОЛИТИЧЕСКИЙ", "ГЕО|ПО|ЛИ|ТИ|ЧЕС|КИЙ"},
      // й, ь, ъ stay with the letter before them.
      {"ru", "восьмидесятилетний", "вось|ми|де|ся|ти|лет|ний"},
      {"ru", "объединившихся", "объ|еди|нив|шихся"},
      {"ru", "районирование", "рай|они|ро|ва|ние"},
      // Twelve letters or fewer: never.
      {"ru", "безопасности", "безопасности"},
      {"ru", "политический", "политический"},
      // Kazakh: its own vowels (ә ө ұ ү і).
      {"kk", "мемлекеттерінің", "мем|ле|кет|те|рі|нің"},
      {"kk", "қауіпсіздігінің", "қауіп|сіз|ді|гі|нің"},
      {"kk", "халықаралықтағы", "халы|қа|ра|лық|тағы"},
      {"kk-Cyrl-KZ", "Қазақстанның", "Қазақстанның"},
      {"kk", "экономикалық", "экономикалық"},
      // Kyrgyz, Tajik, Ukrainian, Belarusian (ў stays with its vowel).
      {"ky", "Кыргызстандагы", "Кыр|гыз|стан|дагы"},
      {"tg", "мутахассисони", "мута|хас|си|сони"},
      {"uk", "відповідальністю", "від|по|ві|даль|ністю"},
      {"be", "супрацоўніцтва", "суп|ра|цоў|ніц|тва"},
      // Uzbek, Cyrillic (ў is a vowel) and Latin (oʻ and gʻ one letter, sh, ch, ng never split).
      {"uz", "Ўзбекистоннинг", "Ўзбе|кис|тон|нинг"},
      {"uz-Latn", "O\u02BBzbekistonning", "O\u02BBzbe|kis|ton|ning"},
      {"uz", "tashkilotlarining", "tash|ki|lot|la|ri|ning"},
  };
  for (const Case& c : cases) {
    INFO(c.language << " " << c.word);
    CHECK(insertSoftHyphens(c.word, c.language) == withSoftHyphens(c.expected));
  }
}

TEST_CASE("soft hyphens go into running text and nothing else changes", "[hyphenation]") {
  CHECK(insertSoftHyphens("Это «геополитический» вопрос, 2024 г.", "ru") ==
        withSoftHyphens("Это «гео|по|ли|ти|чес|кий» вопрос, 2024 г."));
  CHECK(insertSoftHyphens("военно-политический межгосударственных\u00A0связей", "ru") ==
        withSoftHyphens("военно-политический меж|го|су|дар|ствен|ных\u00A0связей"));
  // Latin words in a Russian text (names, English terms) are not Russian.
  CHECK(insertSoftHyphens("Administration", "ru") == "Administration");
  // A word the author already hyphenated is theirs.
  CHECK(insertSoftHyphens("меж\u00ADгосударственных", "ru") == "меж\u00ADгосударственных");
  // Malformed UTF-8 is copied as it is.
  CHECK(insertSoftHyphens(std::string("\xFF межгосударственных \xD0"), "ru") ==
        withSoftHyphens("\xFF меж|го|су|дар|ствен|ных \xD0"));
}

TEST_CASE("languages without rules get no soft hyphens", "[hyphenation]") {
  for (const char* language : {"ru", "RU", "uk", "be", "kk", "kk-Cyrl-KZ", "ky", "uz", "uz_Latn", "tg"}) {
    INFO(language);
    CHECK(hyphenatesLanguage(language));
  }
  for (const char* language : {"en", "ar", "de", "", "rus", "r"}) {
    INFO(language);
    CHECK_FALSE(hyphenatesLanguage(language));
  }
  CHECK(insertSoftHyphens("internationalization межгосударственных", "en") ==
        "internationalization межгосударственных");
}
