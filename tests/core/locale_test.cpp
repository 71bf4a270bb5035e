// The locale data compiled into the core (scripts/generate-locale-data.mjs, docs/locales.md): which
// locale a tag gets, and each locale's dates, times, numbers, plural forms and labels.
//
// tests/core/fixtures/locale/formats.txt records every locale's outputs; tests/js/locale-data.test.mjs
// checks the same outputs against CLDR's JSON. After a deliberate change, rewrite and review it:
//   BROADSHEET_UPDATE_GOLDEN=1 ./build/native/tests/core/broadsheet_tests "[locale]"
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <string>

#include "test_support.hpp"

#include "layout/labels.hpp"
#include "layout/language_names.hpp"

using namespace broadsheet;
using layout::formatDate;
using layout::formatNumber;
using layout::formatTimeWithOffset;
using layout::labelsFor;
using layout::Plural;
using layout::readingTime;

namespace {

const char* const kLocales[] = {"en", "ru", "uk", "kk", "kk-Latn", "ky", "uz", "uz-Cyrl",
                                "tg", "tk", "tr", "fa", "ps",      "ar", "zh"};

// Every output of one locale, one per line, the way formats.txt records them.
std::string describe(const char* tag) {
  const layout::Labels& l = labelsFor(tag);
  std::string out = "[" + std::string(tag) + "] " + std::string(layout::nativeLanguageName(tag)) + "\n";
  for (const char* date : {"2007-02-20", "2024-12-01"})
    out += "date " + std::string(date) + " " + formatDate(date, l) + "\n";
  for (const char* time :
       {"2007-02-20T14:05:30+06:00", "2007-02-20T00:07Z", "2007-02-20T09:30-03:30", "2007-02-20T12:00+05:45"})
    out += "time " + std::string(time) + " " + formatTimeWithOffset(time, l) + "\n";
  for (std::uint64_t n : {0u, 7u, 1234u, 1234567u})
    out += "number " + std::to_string(n) + " " + formatNumber(n, l) + "\n";
  for (std::size_t n : {1u, 2u, 3u, 5u, 11u, 21u, 22u, 100u, 101u})
    out += "read " + std::to_string(n) + " " + readingTime(n, l) + "\n";
  const std::string_view labels[] = {
      l.by,      l.byMany,           l.withAnalysisFrom, l.analysts,   l.editorsNote, l.tags,          l.publishedBy,
      l.updated, l.firstPublishedBy, l.republishedUnder, l.correction, l.update,      l.otherLanguages};
  out += "labels";
  for (std::string_view label : labels) out += " | " + std::string(label);
  out += "\nlist A" + std::string(layout::listSeparator(0, 3, l)) + "B" + std::string(layout::listSeparator(1, 3, l)) +
         "C";
  out += " quotes " + std::string(l.openQuote) + std::string(l.innerOpenQuote) + "…" + std::string(l.innerCloseQuote) +
         std::string(l.closeQuote) + " wpm " + std::to_string(l.wordsPerMinute) + "\n";
  return out;
}

bool updatingGolden() {
  const char* update = std::getenv("BROADSHEET_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

}  // namespace

TEST_CASE("every locale's dates, times, numbers, plural forms and labels are as recorded", "[locale][golden]") {
  std::string all;
  for (const char* tag : kLocales) {
    INFO(tag);
    CHECK(labelsFor(tag).locale == tag);
    all += describe(tag);
  }
  const std::string goldenPath = "tests/core/fixtures/locale/formats.txt";
  if (updatingGolden()) {
    std::ofstream(std::string(BROADSHEET_SOURCE_DIR) + "/" + goldenPath, std::ios::binary) << all;
    return;
  }
  CHECK(all == test::readSourceFile(goldenPath));
}

TEST_CASE("every locale has every label, and month names where its date spells the month", "[locale]") {
  for (const char* tag : kLocales) {
    INFO(tag);
    const layout::Labels& l = labelsFor(tag);
    for (std::string_view label : {l.by,
                                   l.byMany,
                                   l.withAnalysisFrom,
                                   l.listSeparator,
                                   l.listAnd,
                                   l.comma,
                                   l.analysts,
                                   l.editorsNote,
                                   l.tags,
                                   l.publishedBy,
                                   l.updated,
                                   l.firstPublishedBy,
                                   l.republishedUnder,
                                   l.correction,
                                   l.update,
                                   l.otherLanguages,
                                   l.openQuote,
                                   l.closeQuote,
                                   l.innerOpenQuote,
                                   l.innerCloseQuote,
                                   l.autonym})
      CHECK_FALSE(label.empty());
    CHECK_FALSE(l.minutesRead[static_cast<int>(Plural::Other)].empty());
    const bool spellsMonth = l.datePattern.find("MMMM") != std::string_view::npos;
    for (std::string_view month : l.months) CHECK(month.empty() != spellsMonth);
    CHECK(l.wordsPerMinute > 0);
  }
}

TEST_CASE("a tag takes its language and script; regions fall back silently, other scripts to English", "[locale]") {
  const auto locale = [](const char* tag) { return std::string(labelsFor(tag).locale); };
  CHECK(locale("kk-KZ") == "kk");
  CHECK(locale("kk-Cyrl-KZ") == "kk");
  CHECK(locale("KK_cyrl_kz") == "kk");
  CHECK(locale("ru-KZ") == "ru");
  CHECK(locale("RU_ru") == "ru");
  CHECK(locale("kk-Latn") == "kk-Latn");
  CHECK(locale("kk-latn-KZ") == "kk-Latn");
  CHECK(locale("kk-Arab") == "en");  // CLDR: kk-Arab's parent is root; we carry no Arabic-script Kazakh
  CHECK(locale("kk-CN") == "en");    // likelySubtags: kk-CN is kk-Arab-CN
  CHECK(locale("uz") == "uz");
  CHECK(locale("uz-Latn-UZ") == "uz");  // Latin is Uzbek's default script
  CHECK(locale("uz-Cyrl") == "uz-Cyrl");
  CHECK(locale("uz-Cyrl-UZ") == "uz-Cyrl");
  CHECK(locale("uz-AF") == "en");  // uz-Arab-AF
  CHECK(locale("zh") == "zh");
  CHECK(locale("zh-CN") == "zh");
  CHECK(locale("zh-Hans-SG") == "zh");
  CHECK(locale("zh-Hant") == "en");  // CLDR: zh-Hant's parent is root, not zh
  CHECK(locale("zh-TW") == "en");    // zh-Hant-TW
  CHECK(locale("en-GB") == "en");
  CHECK(locale("ky-KG") == "ky");
  CHECK(locale("tg-Cyrl-TJ") == "tg");
  CHECK(locale("fa-AF") == "fa");
  CHECK(locale("ar-EG") == "ar");
  CHECK(locale("xx") == "en");
  CHECK(locale("") == "en");
  CHECK(locale("kk-x-private") == "kk");
  CHECK(locale("tlh-Latn") == "en");

  CHECK(layout::nativeLanguageName("kk") == "қазақ тілі");
  CHECK(layout::nativeLanguageName("ru-RU") == "русский");
  CHECK(layout::nativeLanguageName("en") == "English");
  CHECK(layout::nativeLanguageName("uz") == "o‘zbek");
  CHECK(layout::nativeLanguageName("uz-Cyrl") == "ўзбекча");
  CHECK(layout::nativeLanguageName("fa") == "فارسی");
  CHECK(layout::nativeLanguageName("zh-CN") == "中文");
  CHECK(layout::nativeLanguageName("xx").empty());
  CHECK(layout::nativeLanguageName("zh-Hant") == "中文");  // a script not carried: the language's carried name
  CHECK(layout::nativeLanguageName("").empty());
}

TEST_CASE("plural categories follow CLDR's integer rules", "[locale]") {
  const auto plural = [](const char* tag, std::uint64_t n) { return labelsFor(tag).plural(n); };
  CHECK(plural("en", 1) == Plural::One);
  CHECK(plural("en", 0) == Plural::Other);
  CHECK(plural("en", 2) == Plural::Other);
  for (const char* slavic : {"ru", "uk"}) {
    CHECK(plural(slavic, 1) == Plural::One);
    CHECK(plural(slavic, 21) == Plural::One);
    CHECK(plural(slavic, 11) == Plural::Many);
    CHECK(plural(slavic, 2) == Plural::Few);
    CHECK(plural(slavic, 24) == Plural::Few);
    CHECK(plural(slavic, 12) == Plural::Many);
    CHECK(plural(slavic, 5) == Plural::Many);
    CHECK(plural(slavic, 0) == Plural::Many);
    CHECK(plural(slavic, 111) == Plural::Many);
  }
  CHECK(plural("ar", 0) == Plural::Zero);
  CHECK(plural("ar", 1) == Plural::One);
  CHECK(plural("ar", 2) == Plural::Two);
  CHECK(plural("ar", 3) == Plural::Few);
  CHECK(plural("ar", 110) == Plural::Few);
  CHECK(plural("ar", 11) == Plural::Many);
  CHECK(plural("ar", 99) == Plural::Many);
  CHECK(plural("ar", 100) == Plural::Other);
  CHECK(plural("ar", 102) == Plural::Other);
  CHECK(plural("fa", 0) == Plural::One);  // i = 0 or n = 1
  CHECK(plural("fa", 1) == Plural::One);
  CHECK(plural("fa", 2) == Plural::Other);
  for (const char* turkic : {"kk", "ky", "uz", "tk", "tr", "ps"}) {
    CHECK(plural(turkic, 1) == Plural::One);
    CHECK(plural(turkic, 0) == Plural::Other);
    CHECK(plural(turkic, 11) == Plural::Other);
  }
  CHECK(plural("tg", 1) == Plural::Other);  // CLDR 48.2 has no rules for tg: root's
  CHECK(plural("zh", 1) == Plural::Other);
}

TEST_CASE("numbers, times and offsets in the locale's digits and forms", "[locale]") {
  CHECK(formatNumber(1234567, labelsFor("en")) == "1,234,567");
  CHECK(formatNumber(1234, labelsFor("ru")) == "1\u00A0234");
  CHECK(formatNumber(999, labelsFor("ru")) == "999");
  CHECK(formatNumber(1234, labelsFor("tr")) == "1.234");
  CHECK(formatNumber(12345, labelsFor("fa")) == "۱۲٬۳۴۵");
  CHECK(formatNumber(305, labelsFor("ps")) == "۳۰۵");
  CHECK(formatNumber(305, labelsFor("ar")) == "305");  // CLDR 48: Arabic's default numbering system is latn

  CHECK(formatDate("2007-02-20", labelsFor("fa")) == "۲۰ فوریهٔ ۲۰۰۷");
  CHECK(formatDate("2007-02-20", labelsFor("uk")) == "20 лютого 2007\u202Fр.");
  CHECK(formatDate("2007-02-20", labelsFor("kk-Latn")) == "20.02.2007");  // CLDR has no Latin Kazakh month names
  CHECK(formatDate("2007-02-20", labelsFor("zh")) == "2007年2月20日");
  CHECK(formatDate("2007-02", labelsFor("en")).empty());

  CHECK(formatTimeWithOffset("2007-02-20T14:05:30+06:00", labelsFor("kk")) == "14:05 GMT+6");
  CHECK(formatTimeWithOffset("2007-02-20T14:05+06:00", labelsFor("en")) == "2:05\u202FPM GMT+6");
  CHECK(formatTimeWithOffset("2007-02-20T00:05Z", labelsFor("en")) == "12:05\u202FAM GMT");
  CHECK(formatTimeWithOffset("2007-02-20T09:30-03:30", labelsFor("ru")) == "09:30 GMT-3:30");
  CHECK(formatTimeWithOffset("2007-02-20T14:05+04:30", labelsFor("fa")) == "۱۴:۰۵ \u200E+۴:۳۰ گرینویچ");
  CHECK(formatTimeWithOffset("2007-02-20T14:05+08:00", labelsFor("zh")) == "GMT+8 14:05");
  CHECK(formatTimeWithOffset("2007-02-20T14:05+05:00", labelsFor("uz")) == "14:05 (GMT+5)");
  CHECK(formatTimeWithOffset("2007-02-20T14:05:00.25+03:00", labelsFor("ar")) == "2:05 م غرينتش+3");
  CHECK(formatTimeWithOffset("2007-02-20T14:05", labelsFor("en")).empty());  // no offset: ambiguous
  CHECK(formatTimeWithOffset("2007-02-20", labelsFor("en")).empty());

  CHECK(readingTime(5, labelsFor("fa")) == "۵ دقیقه مطالعه");
  CHECK(readingTime(1, labelsFor("ps")) == "۱ دقیقه لوستل");
  CHECK(readingTime(3, labelsFor("ps")) == "۳ دقیقې لوستل");
  CHECK(readingTime(1234, labelsFor("ru")) == "1\u00A0234 мин чтения");
}
