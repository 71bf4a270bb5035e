#include "layout/labels.hpp"

#include <string>

#include "format/value_checks.hpp"

namespace broadsheet::layout {
namespace {

constexpr std::string_view kEnglishMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                               "July",    "August",   "September", "October", "November", "December"};
// Genitive forms: "20 февраля".
constexpr std::string_view kRussianMonths[] = {"января", "февраля", "марта",    "апреля",  "мая",    "июня",
                                               "июля",   "августа", "сентября", "октября", "ноября", "декабря"};
constexpr std::string_view kKazakhMonths[] = {"қаңтар", "ақпан", "наурыз",   "сәуір", "мамыр",  "маусым",
                                              "шілде",  "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"};
constexpr std::string_view kArabicMonths[] = {"يناير", "فبراير", "مارس",   "أبريل",  "مايو",   "يونيو",
                                              "يوليو", "أغسطس",  "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"};

Plural noPlural(std::size_t) { return Plural::Other; }

// CLDR's Arabic rule: 0 zero (as other here), 1 one, 2 two, n%100 in 3..10 few, n%100 in 11..99 many.
Plural arabicPlural(std::size_t n) {
  const std::size_t lastTwo = n % 100;
  if (n == 1) return Plural::One;
  if (n == 2) return Plural::Two;
  if (lastTwo >= 3 && lastTwo <= 10) return Plural::Few;
  if (lastTwo >= 11) return Plural::Many;
  return Plural::Other;
}

Labels english() {
  Labels l;
  l.by = "By";
  l.byMany = "By";
  l.withAnalysisFrom = "With analysis from";
  l.listSeparator = ", ";
  l.listAnd = " and ";
  l.comma = ", ";
  l.analysts = "Analysts";
  l.editorsNote = "Editor\u2019s note";
  l.tags = "Tags";
  l.minutesRead[static_cast<int>(Plural::Other)] = "{n} min read";
  l.plural = noPlural;
  l.publishedBy = "Published by";
  l.updated = "Updated";
  l.correction = "Correction";
  l.update = "Update";
  l.otherLanguages = "Also in";
  l.months = kEnglishMonths;
  l.dateOrder = "dmy";
  l.openQuote = "\u201C";
  l.closeQuote = "\u201D";
  l.innerOpenQuote = "\u2018";
  l.innerCloseQuote = "\u2019";
  l.wordsPerMinute = 230;  // IReST (Trauzettel-Klosinski & Dietz 2012): 228
  return l;
}

Labels russian() {
  Labels l = english();
  l.by = "Автор:";
  l.byMany = "Авторы:";
  l.withAnalysisFrom = "Комментарии экспертов:";
  l.listAnd = " и ";
  l.analysts = "Эксперты";
  l.editorsNote = "От редакции";
  l.tags = "Теги";
  l.minutesRead[static_cast<int>(Plural::Other)] = "{n} мин чтения";  // "мин" needs no plural form
  l.publishedBy = "Издатель:";
  l.updated = "Обновлено";
  l.correction = "Исправление";
  l.update = "Обновление";
  l.otherLanguages = "На других языках";
  l.months = kRussianMonths;
  l.yearSuffix = " г.";
  l.openQuote = "\u00AB";  // «ёлочки» outside, „лапки“ inside
  l.closeQuote = "\u00BB";
  l.innerOpenQuote = "\u201E";
  l.innerCloseQuote = "\u201C";
  l.wordsPerMinute = 180;  // IReST: 184
  return l;
}

Labels kazakh() {
  Labels l = russian();
  l.by = "Автор:";
  l.byMany = "Авторлар:";
  l.withAnalysisFrom = "Сарапшылар:";
  l.listAnd = " және ";
  l.analysts = "Сарапшылар";
  l.editorsNote = "Редакциядан";
  l.tags = "Тегтер";
  l.minutesRead[static_cast<int>(Plural::Other)] = "{n} мин оқу";
  l.publishedBy = "Баспагер:";
  l.updated = "Жаңартылды";
  l.correction = "Түзету";
  l.update = "Жаңарту";
  l.otherLanguages = "Басқа тілдерде";
  l.months = kKazakhMonths;
  l.dateOrder = "ymd";
  l.yearSuffix = " жылғы";
  l.wordsPerMinute = 165;  // IReST has no Kazakh; Turkish, also Turkic and agglutinative, reads 166
  return l;
}

Labels arabic() {
  Labels l = english();
  l.by = "بقلم";
  l.byMany = "بقلم";
  l.withAnalysisFrom = "بمشاركة تحليلات من";
  l.listSeparator = " و";  // CLDR: "A وB وC"; the conjunction joins the next word
  l.listAnd = " و";
  l.comma = "، ";  // Arabic comma
  l.analysts = "المحللون";
  l.editorsNote = "ملاحظة المحرر";
  l.tags = "الوسوم";
  l.minutesRead[static_cast<int>(Plural::One)] = "دقيقة واحدة للقراءة";
  l.minutesRead[static_cast<int>(Plural::Two)] = "دقيقتان للقراءة";
  l.minutesRead[static_cast<int>(Plural::Few)] = "{n} دقائق للقراءة";
  l.minutesRead[static_cast<int>(Plural::Many)] = "{n} دقيقة للقراءة";
  l.minutesRead[static_cast<int>(Plural::Other)] = "{n} دقيقة للقراءة";
  l.plural = arabicPlural;
  l.publishedBy = "نشر بواسطة";
  l.updated = "حُدّث في";
  l.correction = "تصحيح";
  l.update = "تحديث";
  l.otherLanguages = "بلغات أخرى";
  l.months = kArabicMonths;
  l.openQuote = "\u00AB";  // « and » are mirrored in right-to-left text
  l.closeQuote = "\u00BB";
  l.innerOpenQuote = "\u00AB";
  l.innerCloseQuote = "\u00BB";
  l.wordsPerMinute = 140;  // IReST: 138
  return l;
}

const Labels kEnglish = english();
const Labels kRussian = russian();
const Labels kKazakh = kazakh();
const Labels kArabic = arabic();

bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

const Labels& labelsFor(std::string_view lang) {
  const std::string language = format::primaryLanguage(lang);
  if (language == "ru") return kRussian;
  if (language == "kk") return kKazakh;
  if (language == "ar") return kArabic;
  return kEnglish;
}

std::string formatDate(std::string_view isoDate, const Labels& labels) {
  if (isoDate.size() < 10 || isoDate[4] != '-' || isoDate[7] != '-') return "";
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!isDigit(isoDate[i])) return "";
  }
  const std::string year(isoDate.substr(0, 4));
  const int month = (isoDate[5] - '0') * 10 + (isoDate[6] - '0');
  const int day = (isoDate[8] - '0') * 10 + (isoDate[9] - '0');
  if (month < 1 || month > 12 || day < 1) return "";
  const std::string dayText = std::to_string(day);
  const std::string monthText(labels.months[month - 1]);
  if (labels.dateOrder == "ymd") return year + std::string(labels.yearSuffix) + " " + dayText + " " + monthText;
  return dayText + " " + monthText + " " + year + std::string(labels.yearSuffix);
}

std::string readingTime(std::size_t minutes, const Labels& labels) {
  std::string_view form = labels.minutesRead[static_cast<int>(labels.plural ? labels.plural(minutes) : Plural::Other)];
  if (form.empty()) form = labels.minutesRead[static_cast<int>(Plural::Other)];
  std::string text(form);
  if (const std::size_t at = text.find("{n}"); at != std::string::npos) text.replace(at, 3, std::to_string(minutes));
  return text;
}

std::string_view listSeparator(std::size_t i, std::size_t count, const Labels& labels) {
  return i + 2 == count ? labels.listAnd : labels.listSeparator;
}

}  // namespace broadsheet::layout
