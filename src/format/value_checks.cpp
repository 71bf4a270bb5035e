#include "format/value_checks.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <string>

namespace broadsheet::format {
namespace {

bool isDigits(std::string_view text, std::size_t from, std::size_t count) {
  if (from + count > text.size()) return false;
  for (std::size_t i = from; i < from + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

int number(std::string_view text, std::size_t from, std::size_t count) {
  int value = 0;
  for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

// `text` is `lower` in any letter case (ASCII).
bool sameLetters(std::string_view text, std::string_view lower) {
  return text.size() == lower.size() && std::equal(text.begin(), text.end(), lower.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

}  // namespace

std::string primaryLanguage(std::string_view tag) {
  std::string language(tag.substr(0, tag.find_first_of("-_")));
  for (char& c : language) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return language;
}

bool isBlank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

std::string quotedUrl(std::string_view url) {
  constexpr std::size_t kShown = 60;
  std::string shown;
  for (char c : url) {
    if (shown.size() >= kShown && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      shown += "...";
      break;
    }
    shown.push_back(static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c);
  }
  return "\"" + shown + "\"";
}

bool isIsoDate(std::string_view text) {
  if (!isDigits(text, 0, 4) || text.size() < 10 || text[4] != '-' || !isDigits(text, 5, 2) || text[7] != '-' ||
      !isDigits(text, 8, 2)) {
    return false;
  }
  const int year = number(text, 0, 4), month = number(text, 5, 2), day = number(text, 8, 2);
  static constexpr int kDaysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDaysInMonth[month - 1]) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29 && !leap) return false;
  if (text.size() == 10) return true;

  std::size_t i = 10;
  if (text[i] != 'T' && text[i] != 't' && text[i] != ' ') return false;
  ++i;
  if (!isDigits(text, i, 2) || i + 2 >= text.size() || text[i + 2] != ':' || !isDigits(text, i + 3, 2)) return false;
  if (number(text, i, 2) > 23 || number(text, i + 3, 2) > 59) return false;
  i += 5;
  if (i < text.size() && text[i] == ':') {
    if (!isDigits(text, i + 1, 2) || number(text, i + 1, 2) > 60) return false;
    i += 3;
    if (i < text.size() && text[i] == '.') {
      std::size_t digits = 0;
      for (++i; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) ++digits;
      if (digits == 0) return false;
    }
  }
  if (i == text.size()) return true;
  if ((text[i] == 'Z' || text[i] == 'z') && i + 1 == text.size()) return true;
  if (text[i] != '+' && text[i] != '-') return false;
  return text.size() == i + 6 && isDigits(text, i + 1, 2) && text[i + 3] == ':' && isDigits(text, i + 4, 2) &&
         number(text, i + 1, 2) <= 23 && number(text, i + 4, 2) <= 59;
}

// A well-formed BCP 47 tag in the common shape: a 2-3 letter language, then subtags of 1-8

bool isLanguageTag(std::string_view tag) {
  std::size_t start = 0, index = 0;
  while (start <= tag.size()) {
    std::size_t end = tag.find('-', start);
    if (end == std::string_view::npos) end = tag.size();
    const std::string_view subtag = tag.substr(start, end - start);
    const bool alnum =
        std::all_of(subtag.begin(), subtag.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
    const bool alpha =
        std::all_of(subtag.begin(), subtag.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    if (index == 0 ? !(alpha && subtag.size() >= 2 && subtag.size() <= 3)
                   : !(alnum && !subtag.empty() && subtag.size() <= 8)) {
      return false;
    }
    start = end + 1;
    ++index;
  }
  return true;
}

bool isRightToLeft(std::string_view tag) {
  // A script subtag decides first ("az-Arab", "ug-Latn"), then the language's usual script.
  // Constant lists, not a std::set built on first use: that would be allocated in the middle of the
  // first render's memory and stay there, splitting the free space every later render reuses.
  static constexpr std::string_view kRightToLeftScripts[] = {"arab", "hebr", "thaa", "syrc", "nkoo",
                                                             "adlm", "rohg", "mand", "samr"};
  static constexpr std::string_view kRightToLeft[] = {"ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"};
  const std::size_t first = tag.find_first_of("-_");
  const std::string_view language = tag.substr(0, first);
  if (first != std::string_view::npos) {
    const std::string_view rest = tag.substr(first + 1);
    const std::string_view second = rest.substr(0, rest.find_first_of("-_"));
    if (second.size() == 4 && std::isalpha(static_cast<unsigned char>(second[0]))) {
      return std::any_of(std::begin(kRightToLeftScripts), std::end(kRightToLeftScripts),
                         [&](std::string_view script) { return sameLetters(second, script); });
    }
  }
  return std::any_of(std::begin(kRightToLeft), std::end(kRightToLeft),
                     [&](std::string_view rtl) { return sameLetters(language, rtl); });
}

std::optional<double> wholeNumber(const KeptValue& value) {
  if (value.kind != JsonKind::Number) return std::nullopt;
  if (!std::isfinite(value.number) || std::floor(value.number) != value.number) return std::nullopt;
  return value.number;
}

}  // namespace broadsheet::format
