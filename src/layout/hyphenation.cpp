#include "layout/hyphenation.hpp"

#include <vector>

namespace broadsheet::layout {
namespace {

constexpr std::string_view kSoftHyphen = "\u00AD";

enum class Language { None, Belarusian, Uzbek, OtherCyrillic };

Language languageOf(std::string_view tag) {
  const std::size_t end = tag.find_first_of("-_");
  const std::string_view primary = tag.substr(0, end);
  if (primary.size() != 2) return Language::None;
  const char a = static_cast<char>(primary[0] | 0x20), b = static_cast<char>(primary[1] | 0x20);
  const auto is = [&](const char* code) { return a == code[0] && b == code[1]; };
  if (is("be")) return Language::Belarusian;
  if (is("uz")) return Language::Uzbek;
  if (is("ru") || is("uk") || is("kk") || is("ky") || is("tg")) return Language::OtherCyrillic;
  return Language::None;
}

// One code point of UTF-8 text: its value and its bytes. A malformed byte is one code point that is
// no letter.
struct CodePoint {
  char32_t value;
  std::size_t begin;
  std::size_t size;
};

std::vector<CodePoint> decode(std::string_view text) {
  std::vector<CodePoint> out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t size = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    char32_t value = size == 1 ? lead : size == 2 ? (lead & 0x1F) : size == 3 ? (lead & 0x0F) : (lead & 0x07);
    bool valid = size != 0 && i + size <= text.size();
    for (std::size_t k = 1; valid && k < size; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      valid = (next & 0xC0) == 0x80;
      value = (value << 6) | (next & 0x3F);
    }
    if (!valid) {
      size = 1;
      value = 0xFFFD;
    }
    out.push_back({value, i, size});
    i += size;
  }
  return out;
}

// The lower-case form of a Cyrillic letter (U+0400–U+04FF), or the code point unchanged.
char32_t lowerCyrillic(char32_t c) {
  if (c >= 0x0400 && c <= 0x040F) return c + 0x50;
  if (c >= 0x0410 && c <= 0x042F) return c + 0x20;
  if ((c >= 0x0460 && c <= 0x04BF) || (c >= 0x04D0 && c <= 0x04FF)) return c | 1;  // even: capital
  if (c >= 0x04C1 && c <= 0x04CE) return (c & 1) ? c + 1 : c;                      // odd: capital
  return c;
}

bool isCyrillicLetter(char32_t c) { return c >= 0x0400 && c <= 0x04FF && !(c >= 0x0482 && c <= 0x0489); }
bool isLatinLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7);
}
// The Uzbek ʻ of oʻ and gʻ as authors type it (ʻ, ʼ, ‘, ’ or '), and apostrophes inside Cyrillic
// words (Ukrainian, Belarusian): part of the word, never a letter of its own.
bool isModifier(char32_t c) { return c == 0x02BB || c == 0x02BC || c == 0x2018 || c == 0x2019 || c == '\''; }

enum class Kind { Vowel, Consonant, Sticky };  // Sticky: stays with the letter before it

Kind cyrillicKind(char32_t c, Language language) {
  switch (lowerCyrillic(c)) {
    case U'а':
    case U'е':
    case U'ё':
    case U'и':
    case U'о':
    case U'у':
    case U'ы':
    case U'э':
    case U'ю':
    case U'я':
    case U'і':
    case U'ї':
    case U'є':  // uk, be, kk
    case U'ә':
    case U'ө':
    case U'ұ':
    case U'ү':  // kk, ky
    case U'ӣ':
    case U'ӯ':  // tg
      return Kind::Vowel;
    case U'ў':  // a vowel in Uzbek, a non-syllabic consonant in Belarusian
      return language == Language::Belarusian ? Kind::Sticky : Kind::Vowel;
    case U'й':
    case U'ь':
    case U'ъ': return Kind::Sticky;
    default: return Kind::Consonant;
  }
}

Kind latinKind(char32_t c) {
  switch (c | 0x20) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u': return Kind::Vowel;
    default: return Kind::Consonant;
  }
}

// A unit of a word: one letter with the modifiers after it, or an Uzbek Latin digraph (sh, ch, ng).
struct Unit {
  Kind kind;
  std::size_t begin;    // byte offset in the text
  std::size_t letters;  // letters it holds (1, or 2 for a digraph)
};

// Appends the word [first, last) of `points` to `out`, with soft hyphens when it qualifies.
void appendWord(std::string& out, std::string_view text, const std::vector<CodePoint>& points, std::size_t first,
                std::size_t last, Language language) {
  const std::size_t wordBegin = points[first].begin;
  const std::size_t wordEnd = points[last - 1].begin + points[last - 1].size;
  const std::string_view word = text.substr(wordBegin, wordEnd - wordBegin);

  bool cyrillic = false, latin = false, authorHyphens = false;
  std::vector<Unit> units;
  std::size_t letters = 0;
  for (std::size_t i = first; i < last; ++i) {
    const char32_t c = points[i].value;
    if (c == 0x00AD) {
      authorHyphens = true;
    } else if (isModifier(c)) {
      if (!units.empty() && units.back().kind == Kind::Consonant && latin) continue;  // gʻ: part of its letter
      if (!units.empty() && units.back().kind == Kind::Vowel && latin) continue;      // oʻ
      units.push_back({Kind::Sticky, points[i].begin, 0});                            // a Cyrillic apostrophe: like ъ
    } else if (isCyrillicLetter(c)) {
      cyrillic = true;
      units.push_back({cyrillicKind(c, language), points[i].begin, 1});
      ++letters;
    } else {
      latin = true;
      const char32_t lower = c | 0x20;
      if (!units.empty() && units.back().letters == 1 && units.back().kind == Kind::Consonant && c < 0x80 &&
          i > first) {
        const char32_t previous = points[i - 1].value | 0x20;
        if (((previous == 's' || previous == 'c') && lower == 'h') || (previous == 'n' && lower == 'g')) {
          units.back().letters = 2;  // sh, ch, ng: one sound
          ++letters;
          continue;
        }
      }
      units.push_back({latinKind(c), points[i].begin, 1});
      ++letters;
    }
  }
  // Latin words only in Uzbek; mixed scripts, the author's own soft hyphens and short words as they are.
  if (authorHyphens || (cyrillic && latin) || (latin && language != Language::Uzbek) ||
      letters <= kMinHyphenatedLetters) {
    out.append(word);
    return;
  }

  // Letters before each unit, to keep kMinLettersAtEdge on either side of a break.
  std::vector<std::size_t> before(units.size() + 1, 0);
  for (std::size_t u = 0; u < units.size(); ++u) before[u + 1] = before[u] + units[u].letters;

  std::vector<std::size_t> breaks;  // unit indices a break goes before
  std::size_t previousVowel = units.size();
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (units[u].kind != Kind::Vowel) continue;
    if (previousVowel < units.size()) {
      const std::size_t cluster = u - previousVowel - 1;          // units between the two vowels
      if (cluster > 0) {                                          // never between two vowels
        std::size_t at = previousVowel + (cluster == 1 ? 1 : 2);  // V-CV, or VC-CV after the first consonant
        while (at < u && units[at].kind == Kind::Sticky) ++at;    // й, ь, ъ stay with the letter before
        const std::size_t since = breaks.empty() ? before[at] : before[at] - before[breaks.back()];
        if (before[at] >= kMinLettersAtEdge && letters - before[at] >= kMinLettersAtEdge && since >= 2)
          breaks.push_back(at);
      }
    }
    previousVowel = u;
  }

  std::size_t copied = wordBegin;
  for (const std::size_t at : breaks) {
    out.append(text.substr(copied, units[at].begin - copied));
    out.append(kSoftHyphen);
    copied = units[at].begin;
  }
  out.append(text.substr(copied, wordEnd - copied));
}

}  // namespace

bool hyphenatesLanguage(std::string_view languageTag) { return languageOf(languageTag) != Language::None; }

std::string insertSoftHyphens(std::string_view text, std::string_view languageTag) {
  const Language language = languageOf(languageTag);
  if (language == Language::None) return std::string(text);
  const std::vector<CodePoint> points = decode(text);
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  std::size_t copied = 0;  // bytes of `text` written
  for (std::size_t i = 0; i < points.size();) {
    const char32_t c = points[i].value;
    if (!isCyrillicLetter(c) && !isLatinLetter(c)) {
      ++i;
      continue;
    }
    // A word: letters, with modifiers and soft hyphens inside it.
    std::size_t end = i + 1;
    while (end < points.size()) {
      const char32_t next = points[end].value;
      if (isCyrillicLetter(next) || isLatinLetter(next) || next == 0x00AD) {
        ++end;
      } else if (isModifier(next) && end + 1 < points.size() &&
                 (isCyrillicLetter(points[end + 1].value) || isLatinLetter(points[end + 1].value))) {
        ++end;  // an apostrophe or ʻ between letters
      } else if (isModifier(next) && next != '\'' && next != 0x2019 && next != 0x2018) {
        ++end;  // ʻ or ʼ ending a word (Uzbek oʻ)
      } else {
        break;
      }
    }
    out.append(text.substr(copied, points[i].begin - copied));
    appendWord(out, text, points, i, end, language);
    copied = points[end - 1].begin + points[end - 1].size;
    i = end;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace broadsheet::layout
