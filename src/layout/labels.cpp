#include "layout/labels.hpp"

#include <cctype>
#include <string>

namespace broadsheet::layout {
namespace {

constexpr std::string_view kEnglishMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                               "July",    "August",   "September", "October", "November", "December"};
constexpr std::string_view kRussianMonths[] = {"января", "февраля", "марта",    "апреля",  "мая",    "июня",
                                               "июля",   "августа", "сентября", "октября", "ноября", "декабря"};
constexpr std::string_view kKazakhMonths[] = {"қаңтар", "ақпан", "наурыз",   "сәуір", "мамыр",  "маусым",
                                              "шілде",  "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"};
constexpr std::string_view kArabicMonths[] = {"يناير",  "فبراير", "مارس",   "أبريل",  "مايو",   "يونيو",
                                              "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"};

const Labels kEnglish{"By", "With analysis from", " and ", "Analysts", "Editor\u2019s note", "Tags", "{n} min read",
                      "Published by", "Updated", kEnglishMonths, "dmy", "", "\u201C", "\u201D", 230};
const Labels kRussian{"Автор:", "Комментарии экспертов:", " и ", "Эксперты", "От редакции", "Теги", "{n} мин чтения",
                      "Издатель:", "Обновлено", kRussianMonths, "dmy", " г.", "\u00AB", "\u00BB", 180};
const Labels kKazakh{"Авторы:", "Сарапшылар:", " және ", "Сарапшылар", "Редакциядан", "Тегтер", "{n} мин оқу",
                     "Баспагер:", "Жаңартылды", kKazakhMonths, "ymd", " жылғы", "\u00AB", "\u00BB", 170};
const Labels kArabic{"بقلم", "بمشاركة تحليلات من", " و", "المحللون", "ملاحظة المحرر", "الوسوم", "{n} دقائق قراءة",
                     "نشر بواسطة", "حُدّث", kArabicMonths, "dmy", "", "\u00AB", "\u00BB", 180};

std::string primaryLanguage(std::string_view tag) {
  std::string language(tag.substr(0, tag.find('-')));
  for (char& c : language) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return language;
}

}  // namespace

const Labels& labelsFor(std::string_view lang) {
  const std::string language = primaryLanguage(lang);
  if (language == "ru") return kRussian;
  if (language == "kk") return kKazakh;
  if (language == "ar") return kArabic;
  return kEnglish;
}

std::string formatDate(std::string_view isoDate, const Labels& labels) {
  if (isoDate.size() < 10) return "";
  const std::string year(isoDate.substr(0, 4));
  const int month = (isoDate[5] - '0') * 10 + (isoDate[6] - '0');
  const int day = (isoDate[8] - '0') * 10 + (isoDate[9] - '0');
  const std::string dayText = std::to_string(day);
  const std::string monthText(labels.months[month - 1]);
  if (labels.dateOrder == "ymd") return year + std::string(labels.yearSuffix) + " " + dayText + " " + monthText;
  return dayText + " " + monthText + " " + year + std::string(labels.yearSuffix);
}

std::string readingTime(std::size_t minutes, const Labels& labels) {
  std::string text(labels.minutesRead);
  text.replace(text.find("{n}"), 3, std::to_string(minutes));
  return text;
}

}  // namespace broadsheet::layout
