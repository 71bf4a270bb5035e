#include "layout/speakers.hpp"

#include <string.h>  // memchr

#include <algorithm>
#include <array>
#include <initializer_list>

#include "layout/byte_search.hpp"

namespace broadsheet::layout {
namespace {

constexpr std::size_t npos = std::string_view::npos;

// ---------------------------------------------------------------------------------------------
// Code points

// Decodes the UTF-8 sequence at text[i], setting `next` past it; a byte that starts no valid
// sequence decodes as itself, so any input is read in one pass.
char32_t decodeAt(std::string_view text, std::size_t i, std::size_t& next) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const int length = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  char32_t c = length == 0 ? lead : lead & (0x3Fu >> length);
  next = i + 1;
  for (int k = 0; k < length && next < text.size(); ++k) {
    const auto byte = static_cast<unsigned char>(text[next]);
    if ((byte & 0xC0) != 0x80) break;
    c = (c << 6) | (byte & 0x3Fu);
    ++next;
  }
  return c;
}

// The start of the code point before text[i].
std::size_t previousCodePoint(std::string_view text, std::size_t i) {
  std::size_t start = i - 1;
  for (int k = 0; k < 3 && start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80; ++k) --start;
  return start;
}

// What a code point is to a word. Joiners (apostrophes, including Uzbek ʻ, and hyphens) belong to a
// word only between two letters: "Oʻzbek", "Алимова-ро". Ignorable ones (soft hyphens, combining
// stress marks) are skipped inside a word. Any other non-ASCII code point outside the punctuation
// blocks is a letter, so every script forms words.
enum class Kind { Letter, Joiner, Ignorable, Other };

constexpr Kind kindOf(char32_t c) {
  if (c < 0x80) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Kind::Letter;
    return c == '\'' || c == '-' ? Kind::Joiner : Kind::Other;
  }
  if (c == 0x02BB || c == 0x02BC || c == 0x2018 || c == 0x2019 || c == 0x2010 || c == 0x2011) return Kind::Joiner;
  if (c == 0x00AD || (c >= 0x0300 && c <= 0x036F)) return Kind::Ignorable;
  if (c <= 0xBF || c == 0xD7 || c == 0xF7) return Kind::Other;
  if ((c >= 0x2000 && c <= 0x206F) || (c >= 0x2E00 && c <= 0x2E7F) || (c >= 0x3000 && c <= 0x303F) || c == 0xFEFF)
    return Kind::Other;
  return Kind::Letter;
}

// Lower case for Latin (ASCII, Latin-1, Latin Extended-A, Ə) and Cyrillic with its extensions
// (Ә Ғ Қ Ң Ө Ұ Ү Һ І Ӣ Ӯ Ҳ Ҷ Ў …): the scripts of the languages we read, without a locale.
char32_t lowerCase(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + ('a' - 'A');
  if (c < 0xC0) return c;
  if (c <= 0xDE) return c == 0xD7 ? c : c + 0x20;
  if (c >= 0x100 && c <= 0x17F) {
    if (c == 0x130) return 'i';
    if (c == 0x178) return 0xFF;
    if (c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F) return c;
    const bool oddIsUpper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    return c % 2 == (oddIsUpper ? 1u : 0u) ? c + 1 : c;
  }
  if (c == 0x18F) return 0x259;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c >= 0x460 && c <= 0x52F) {
    if (c == 0x4C0) return 0x4CF;
    if ((c >= 0x482 && c <= 0x489) || c == 0x4CF) return c;
    if (c >= 0x4C1 && c <= 0x4CE) return c % 2 == 1 ? c + 1 : c;
    return c % 2 == 0 ? c + 1 : c;
  }
  return c;
}

bool isUpperCase(char32_t c) { return lowerCase(c) != c; }

// The form in which words are compared: lower case, ё as е (the dots are optional in Russian), every
// apostrophe as ʻ and every hyphen as '-'.
char32_t fold(char32_t c) {
  if (kindOf(c) == Kind::Joiner) return c == '-' || c == 0x2010 || c == 0x2011 ? U'-' : U'\u02BB';
  const char32_t lower = lowerCase(c);
  return lower == U'ё' ? U'е' : lower;
}

bool isSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F;
}

// ---------------------------------------------------------------------------------------------
// Words

// No form of a name is longer than this (in code points); longer words are skipped unread.
constexpr std::size_t kLongestWord = 64;

struct Word {
  std::size_t begin = 0, end = 0;  // bytes of the text
  bool capitalised = false;
  std::size_t length = 0;  // code points folded; kLongestWord + 1 when the word is longer
  std::array<char32_t, kLongestWord> folded{};
  std::u32string_view view() const {
    return length <= kLongestWord ? std::u32string_view(folded.data(), length) : std::u32string_view();
  }
};

// kindOf for ASCII, one lookup per byte.
constexpr auto kAsciiKinds = [] {
  std::array<Kind, 128> table{};
  for (char32_t c = 0; c < 128; ++c) table[c] = kindOf(c);
  return table;
}();

bool isAsciiLetter(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x80 && kAsciiKinds[byte] == Kind::Letter;
}

// Whether text[i] starts a well-formed two-byte sequence of U+0400-U+07FF (lead D0-DF: Cyrillic
// with Kazakh's letters, Armenian, Hebrew, Arabic), all letters as kindOf says: read without decoding.
bool isTwoByteLetter(std::string_view text, std::size_t i) {
  return (static_cast<unsigned char>(text[i]) & 0xF0) == 0xD0 && i + 1 < text.size() &&
         (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80;
}

// Whether text[i] is a lower-case Russian letter other than ё (а-п D0 B0-BF, р-я D1 80-8F): no
// capital, so a word it starts is stepped over unfolded when only names are read.
bool isLowerRussian(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if ((lead & 0xFE) != 0xD0 || i + 1 >= text.size()) return false;  // most words of a Latin text: one test
  const unsigned second = static_cast<unsigned char>(text[i + 1]) & 0xF0;
  return second == (lead == 0xD0 ? 0xB0u : 0x80u);
}

// Where the run of well-formed two-byte sequences with lead D0-DF (isTwoByteLetter) at text[i]
// stops being read four at a time: at its end, or where fewer than eight bytes are left. Each
// little-endian 16-bit lane of a chunk masked to C0F0 is 80D0 for them alone.
std::size_t twoByteLettersEnd(std::string_view text, std::size_t i) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (; i + 8 <= text.size(); i += 8) {
    const std::uint64_t misses = (byte_search::chunkAt(bytes + i) & 0xC0F0'C0F0'C0F0'C0F0u) ^ 0x80D0'80D0'80D0'80D0u;
    if (misses != 0) return i + static_cast<std::size_t>(__builtin_ctzll(misses)) / 16 * 2;
  }
  return i;
}

// Reads the first word at or after `from` into `word`; false when there is none. `from` must not
// be inside a word. With `capitalisedOnly`, a word that is not capitalised is read without its
// folded letters (length 0), and so is one whose first letter, folded, is not in `initials` when
// they are given (it can be no form of a name that starts with one of them).
bool nextWord(std::string_view text, std::size_t from, Word& word, bool capitalisedOnly = false,
              const std::u32string* initials = nullptr) {
  std::size_t i = from, next = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {  // spaces and punctuation, a byte at a time
      if (isAsciiLetter(text[i])) break;
      ++i;
      continue;
    }
    if (isTwoByteLetter(text, i) || kindOf(decodeAt(text, i, next)) == Kind::Letter) break;
    i = next;
  }
  if (i >= text.size()) return false;
  word.begin = i;
  word.length = 0;
  // Most words of a Russian text start with a lower-case letter: not decoded when only names are read.
  const bool lowerRussian = capitalisedOnly && isLowerRussian(text, i);
  const char32_t first = lowerRussian ? 0 : decodeAt(text, i, next);
  word.capitalised = !lowerRussian && isUpperCase(first);
  // When the caller reads only names, a word that is not capitalised (or cannot start a name) is
  // stepped over unfolded, ASCII letters a byte at a time (most words of running text; folding them
  // was half of reading a paragraph for names).
  const bool folded =
      !capitalisedOnly || (word.capitalised && (!initials || initials->find(fold(first)) != std::u32string::npos));
  while (i < text.size()) {
    if (!folded && isAsciiLetter(text[i])) {
      ++i;  // a letter, as kindOf says
      continue;
    }
    if (!folded && isTwoByteLetter(text, i)) {
      i = twoByteLettersEnd(text, i + 2);
      continue;
    }
    const char32_t c = decodeAt(text, i, next);
    const Kind kind = kindOf(c);
    if (kind == Kind::Other) break;
    if (kind == Kind::Joiner) {
      std::size_t afterNext = 0;
      if (next >= text.size() || kindOf(decodeAt(text, next, afterNext)) != Kind::Letter) break;
    }
    if (folded && kind != Kind::Ignorable && word.length <= kLongestWord) {
      if (word.length < kLongestWord) word.folded[word.length] = fold(c);
      ++word.length;
    }
    i = next;
  }
  word.end = i;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Declension

bool endsWith(std::u32string_view word, std::u32string_view tail) {
  return word.size() > tail.size() && word.substr(word.size() - tail.size()) == tail;
}

bool endsWithAny(std::u32string_view word, std::initializer_list<std::u32string_view> tails) {
  return std::any_of(tails.begin(), tails.end(), [&](std::u32string_view tail) { return endsWith(word, tail); });
}

bool isCyrillic(char32_t c) { return c >= 0x400 && c <= 0x52F; }

bool isCyrillicVowel(char32_t c) { return std::u32string_view(U"аеиоуыэюяіїєәөүұӯӣ").find(c) != npos; }

// How one word of a name changes: the last `cut` code points give way to each of `endings`.
// `changesInRussian` is false for surnames that Russian leaves as they are (-енко, -ых, -о …).
struct Declension {
  std::size_t cut = 0;
  std::vector<std::u32string_view> endings;
  bool changesInRussian = true;
};

// Nouns: first names, and surnames of no Russian surname pattern (Жумабай, Нургуль, Окуджава).
// Russian and Ukrainian case endings; Belarusian ones where they differ from both.
Declension nounDeclension(std::u32string_view word) {
  const char32_t last = word.back();
  if (endsWith(word, U"ия") || endsWith(word, U"ія")) return {1, {U"я", U"и", U"ю", U"ей", U"ею", U"ї", U"єю"}};
  if (last == U'а') return {1, {U"а", U"ы", U"и", U"е", U"у", U"ой", U"ою", U"ей", U"ею", U"і"}};
  if (last == U'я') return {1, {U"я", U"и", U"е", U"ю", U"ей", U"ею", U"і", U"ї", U"єю"}};
  if (last == U'й') return {1, {U"й", U"я", U"ю", U"ем", U"е", U"єм", U"єві", U"ї"}};
  // -ь is masculine (Игорь: Игоря, Игорем) or feminine (Нургуль: Нургули, Нургулью).
  if (last == U'ь') return {1, {U"ь", U"я", U"ю", U"ем", U"е", U"и", U"ью", U"і", U"еві"}};
  if (isCyrillicVowel(last)) return {0, {U""}, false};
  if (std::u32string_view(U"жшчщц").find(last) != npos) return {0, {U"", U"а", U"у", U"ем", U"ом", U"е", U"ові", U"і"}};
  return {0, {U"", U"а", U"у", U"ом", U"е", U"ові", U"і"}};
}

// Surnames: the Russian, Ukrainian and Belarusian patterns, feminine and masculine kept apart
// (Алимова's forms never include Алимов, nor Алимов's Алимовой), then nouns.
Declension surnameDeclension(std::u32string_view word) {
  if (endsWith(word, U"ая") && word.size() >= 5)
    return {2, {U"ая", U"ой", U"ую", U"ою", U"ай", U"аю"}};  // Вишневская, Bel -ская
  if (endsWithAny(word, {U"ська", U"цька"})) return {1, {U"а", U"ої", U"ій", U"у", U"ою"}};  // Ukr Вишневська
  if (endsWith(word, U"кий")) return {2, {U"ий", U"ого", U"ому", U"им", U"ом", U"ім"}};  // Вишневский, Ukr -ський
  if (endsWith(word, U"ый")) return {2, {U"ый", U"ого", U"ому", U"ым", U"ом"}};  // Белый
  if (endsWith(word, U"ой") && word.size() >= 5)
    return {2, {U"ой", U"ого", U"ому", U"ым", U"им", U"ом"}};  // Трубецкой, Толстой
  if (endsWithAny(word, {U"скі", U"цкі"})) return {1, {U"і", U"ага", U"аму", U"ім"}};  // Bel Вішнеўскі
  if (word.size() > 4 && endsWithAny(word, {U"ова", U"ева", U"ина", U"ына", U"іна", U"їна", U"єва", U"ава"})) {
    return {1, {U"а", U"ой", U"у", U"ою", U"ої", U"ій", U"ай", U"аю"}};  // Алимова, Ukr -ової, Bel -ава
  }
  if (endsWithAny(word, {U"ов", U"ев", U"ин", U"ын", U"ін", U"їн", U"єв"})) {
    return {0, {U"", U"а", U"у", U"ым", U"им", U"ом", U"е", U"і"}};  // Алимов, Ukr Алимові, Алимовим
  }
  if (endsWithAny(word, {U"аў", U"оў", U"еў"})) return {1, {U"ў", U"ва", U"ву", U"вым", U"ве"}};  // Bel Алімаў
  // Russian leaves -енко/-ко as they are; Ukrainian declines them (Шевченка, Шевченкові).
  if (endsWith(word, U"ко")) return {1, {U"о", U"а", U"ові", U"у", U"ом", U"і"}, false};
  if (endsWithAny(word, {U"ых", U"их"})) return {0, {U""}, false};  // Черных
  return nounDeclension(word);
}

// Case suffixes written after a name, joined or hyphenated: Kazakh and Kyrgyz genitive, dative,
// accusative, locative, ablative and instrumental; Uzbek -нинг/-га/-ни/-да/-дан; Tajik -ро and the
// izofa -и/-йи.
constexpr std::u32string_view kCyrillicSuffixes[] = {
    U"ның", U"нің", U"дың",   U"дің",   U"тың",   U"тің",  U"нын", U"нин", U"дын", U"дин", U"тын", U"тин", U"дун",
    U"дүн", U"тун", U"түн",   U"нун",   U"нүн",   U"нинг", U"ға",  U"ге",  U"қа",  U"ке",  U"га",  U"го",  U"гө",
    U"ка",  U"ко",  U"кө",    U"ны",    U"ні",    U"ды",   U"ді",  U"ты",  U"ті",  U"ну",  U"нү",  U"ду",  U"дү",
    U"ту",  U"тү",  U"ни",    U"ди",    U"ти",    U"да",   U"де",  U"та",  U"те",  U"до",  U"дө",  U"то",  U"тө",
    U"дан", U"ден", U"тан",   U"тен",   U"нан",   U"нен",  U"дон", U"дөн", U"тон", U"төн", U"нон", U"нөн", U"мен",
    U"бен", U"пен", U"менен", U"бенен", U"пенен", U"ро",   U"и",   U"йи"};
// Uzbek Latin, and the English possessive ('s, with the apostrophe folded).
constexpr std::u32string_view kLatinSuffixes[] = {U"ning", U"ga", U"ka", U"qa", U"ni", U"da", U"dan", U"\u02BBs"};

bool isCaseSuffix(std::u32string_view suffix, bool cyrillic) {
  const auto matches = [&](std::u32string_view known) { return known == suffix; };
  if (cyrillic) return std::any_of(std::begin(kCyrillicSuffixes), std::end(kCyrillicSuffixes), matches);
  return std::any_of(std::begin(kLatinSuffixes), std::end(kLatinSuffixes), matches);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// SpeakerName

SpeakerName::SpeakerName(std::string_view name) {
  // The name's words, found as in running text: "Д." gives "д", "Петров-Водкин" is one word.
  std::vector<std::u32string> words;
  std::vector<bool> capitalised;
  Word word;
  for (std::size_t at = 0; nextWord(name, at, word); at = word.end) {
    if (word.length > kLongestWord) continue;
    words.emplace_back(word.view());
    capitalised.push_back(word.capitalised);
  }
  if (words.empty()) return;
  // The surname is the last capitalised word: particles such as "уулу", "кызы" or "ibn" are not it.
  std::size_t surname = words.size() - 1;
  for (std::size_t k = words.size(); k-- > 0;) {
    if (capitalised[k]) {
      surname = k;
      break;
    }
  }
  const auto add = [this](std::u32string_view nameWord, const Declension& declension) {
    const bool cyrillic = isCyrillic(nameWord.back());
    if (!cyrillic) {  // Latin-script names keep their form; only suffixes attach
      paradigms_.push_back({std::u32string(nameWord), {U""}, false});
      return;
    }
    paradigms_.push_back(
        {std::u32string(nameWord.substr(0, nameWord.size() - declension.cut)), declension.endings, true});
  };
  const std::u32string_view last = words[surname];
  if (surname == 0) {
    // A one-word name declines as a surname when it looks like one (Алимов, Вишневская), else as a
    // first name (Нургуль); -ина is far more often a first name (Марина, Карина) than a surname alone.
    add(last, endsWithAny(last, {U"ина", U"ына"}) ? nounDeclension(last) : surnameDeclension(last));
    return;
  }
  const Declension declension = surnameDeclension(last);
  add(last, declension);
  // A surname that stays the same in Russian leaves the first name as the form that tells the case.
  const std::u32string_view first = words.front();
  if (!declension.changesInRussian && isCyrillic(last.back()) && first.size() > 1) add(first, nounDeclension(first));
}

bool SpeakerName::isMention(std::u32string_view foldedWord) const {
  for (const Paradigm& paradigm : paradigms_) {
    if (foldedWord.substr(0, paradigm.stem.size()) != paradigm.stem) continue;
    const std::u32string_view rest = foldedWord.substr(paradigm.stem.size());
    for (std::u32string_view ending : paradigm.endings) {
      if (rest.substr(0, ending.size()) != ending) continue;
      std::u32string_view suffix = rest.substr(ending.size());
      if (suffix.empty()) return true;
      if (suffix.front() == U'-') suffix.remove_prefix(1);
      if (isCaseSuffix(suffix, paradigm.cyrillic)) return true;
    }
  }
  return false;
}

std::size_t SpeakerName::firstMentionIn(std::string_view text) const {
  if (paradigms_.empty()) return npos;
  Word word;
  for (std::size_t at = 0; nextWord(text, at, word, /*capitalisedOnly=*/true); at = word.end) {
    // Names are capitalised: "роза" is a flower, "Роза" and "РОЗА" may be the analyst.
    if (word.capitalised && isMention(word.view())) return word.begin;
  }
  return npos;
}

// ---------------------------------------------------------------------------------------------
// Inline quotes

namespace {

enum class Mark { None, OpenGuillemet, CloseGuillemet, OpenDouble, CloseDouble, LowDouble };

// The quote mark at text[i] («, », “, ”, „) and its length in bytes.
Mark markAt(std::string_view text, std::size_t i, std::size_t& length) {
  const auto byte = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0; };
  if (byte(0) == 0xC2 && (byte(1) == 0xAB || byte(1) == 0xBB)) {
    length = 2;
    return byte(1) == 0xAB ? Mark::OpenGuillemet : Mark::CloseGuillemet;
  }
  if (byte(0) == 0xE2 && byte(1) == 0x80 && byte(2) >= 0x9C && byte(2) <= 0x9E) {
    length = 3;
    return byte(2) == 0x9C ? Mark::OpenDouble : byte(2) == 0x9D ? Mark::CloseDouble : Mark::LowDouble;
  }
  length = 1;
  return Mark::None;
}

struct Span {
  std::size_t open = 0;   // the opening mark
  std::size_t close = 0;  // just after the closing mark (the paragraph's end when never closed)
  bool closed = false;
};

// The outermost quoted spans, in one pass. Marks inside a span nest on a stack of the closers they
// expect: » for «, ” for “, “ or ” for „. A stray closer is ignored, except that » closes an open « even
// when an inner quote was left open.
std::vector<Span> findSpans(std::string_view text) {
  enum Closer : char { Guillemet = 'G', Double = 'D', Low = 'L' };
  std::vector<Span> spans;
  std::string expected;
  std::size_t openGuillemets = 0;  // how many of `expected` are », so unwinding to one is O(1) when there is none
  const auto push = [&](Mark mark) {
    expected += mark == Mark::OpenGuillemet ? Guillemet : mark == Mark::OpenDouble ? Double : Low;
    if (mark == Mark::OpenGuillemet) ++openGuillemets;
  };
  const auto pop = [&] {
    if (expected.back() == Guillemet) --openGuillemets;
    expected.pop_back();
  };
  // Every mark starts with 0xC2 or 0xE2: memchr (vectorised) finds the next of each, and each is
  // looked for again only once passed, so the scan stays linear.
  const auto nextByte = [&](unsigned char byte, std::size_t from) {
    const void* found = from < text.size() ? memchr(text.data() + from, byte, text.size() - from) : nullptr;
    return found ? static_cast<std::size_t>(static_cast<const char*>(found) - text.data()) : text.size();
  };
  std::size_t nextC2 = nextByte(0xC2, 0), nextE2 = nextByte(0xE2, 0);
  for (std::size_t i = 0, length = 0; i < text.size(); i += length) {
    if (nextC2 < i) nextC2 = nextByte(0xC2, i);
    if (nextE2 < i) nextE2 = nextByte(0xE2, i);
    i = std::min(nextC2, nextE2);
    length = 1;
    if (i >= text.size()) break;
    const Mark mark = markAt(text, i, length);
    if (mark == Mark::None) continue;
    const bool opens = mark == Mark::OpenGuillemet || mark == Mark::OpenDouble || mark == Mark::LowDouble;
    if (expected.empty()) {
      if (!opens) continue;
      spans.push_back({i, text.size(), false});
      push(mark);
      continue;
    }
    const char top = expected.back();
    const bool closesTop = (mark == Mark::CloseGuillemet && top == Guillemet) ||
                           (mark == Mark::CloseDouble && (top == Double || top == Low)) ||
                           (mark == Mark::OpenDouble && top == Low);
    if (closesTop) {
      pop();
    } else if (opens) {
      push(mark);
    } else if (mark == Mark::CloseGuillemet && openGuillemets > 0) {
      while (expected.back() != Guillemet) pop();
      pop();
    }
    if (expected.empty()) spans.back() = {spans.back().open, i + length, true};
  }
  return spans;
}

bool isTerminator(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }

// The first byte at or after `i` (before `to`) that may start a terminator: . ! ? or 0xE2 (…), eight
// bytes at a time (sentences are long, and most bytes are none of these).
std::size_t nextMayStartTerminator(std::string_view text, std::size_t i, std::size_t to) {
  using namespace byte_search;
  return findFirst(
      reinterpret_cast<const unsigned char*>(text.data()), i, to,
      [](std::uint64_t chunk) {
        return equalTo(chunk, '.') | equalTo(chunk, '!') | equalTo(chunk, '?') | equalTo(chunk, 0xE2);
      },
      [](unsigned char byte) { return byte == '.' || byte == '!' || byte == '?' || byte == 0xE2; });
}

// The position of the first code point at or after `i` that is not a space (the text's size if none).
std::size_t skipSpaces(std::string_view text, std::size_t i) {
  for (std::size_t next = 0; i < text.size() && isSpace(decodeAt(text, i, next)); i = next) {
  }
  return i;
}

// The code point at text[i], or 0 at the end.
char32_t codePointAt(std::string_view text, std::size_t i) {
  std::size_t next = 0;
  return i < text.size() ? decodeAt(text, i, next) : 0;
}

// A full stop after these does not end a sentence ("проф. Алимова", "Dr. Smith").
bool isAbbreviation(std::u32string_view folded) {
  static constexpr std::u32string_view kAbbreviations[] = {U"проф", U"акад", U"доц",  U"им", U"ст", U"гг",
                                                           U"др",   U"тов",  U"англ", U"dr", U"mr", U"mrs",
                                                           U"ms",   U"prof", U"st",   U"jr", U"sr", U"vs"};
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), folded) != std::end(kAbbreviations);
}

// Whether the full stop at text[dot] follows an initial ("Д. Алимова") or an abbreviation.
bool stopsAnAbbreviation(std::string_view text, std::size_t dot) {
  constexpr std::size_t kLongest = 5;
  // The letters before the dot, up to one more than kLongest, filled from the back (no allocation:
  // this runs at every full stop).
  std::array<char32_t, kLongest + 1> letters{};
  std::size_t count = 0;
  for (std::size_t i = dot; i > 0 && count <= kLongest;) {
    const std::size_t start = previousCodePoint(text, i);
    std::size_t next = 0;
    const char32_t c = decodeAt(text, start, next);
    if (kindOf(c) != Kind::Letter) break;
    letters[kLongest - count++] = fold(c);
    i = start;
  }
  const std::u32string_view word(letters.data() + letters.size() - count, count);
  return count == 1 || (count <= kLongest && isAbbreviation(word));
}

// Where sentences end, in order: after a run of . ! ? … outside the spans, unless the run is a full
// stop after an initial or abbreviation or the next word is lower case, a number or a clause goes on
// (, ; :); and after a span whose quoted words end a sentence ("«Это провал.» Затем…") when a
// capitalised word or another quote follows.
std::vector<std::size_t> sentenceEnds(std::string_view text, const std::vector<Span>& spans) {
  std::vector<std::size_t> ends;
  const auto continues = [](char32_t next) {
    return next != 0 &&
           ((kindOf(next) == Kind::Letter && !isUpperCase(next)) || next == ',' || next == ';' || next == ':');
  };
  const auto scanOutside = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from, next = 0; i < to; i = next) {
      // Terminators are ASCII or start with 0xE2 (…): other bytes are skipped without decoding.
      i = nextMayStartTerminator(text, i, to);
      if (i >= to) break;
      const char32_t c = decodeAt(text, i, next);
      if (!isTerminator(c)) continue;
      const std::size_t runStart = i;
      std::size_t runEnd = next;
      while (runEnd < to && isTerminator(decodeAt(text, runEnd, next))) runEnd = next;
      next = runEnd;
      if (c == '.' && runEnd == runStart + 1 && stopsAnAbbreviation(text, runStart)) continue;
      if (!continues(codePointAt(text, skipSpaces(text, runEnd)))) ends.push_back(runEnd);
    }
  };
  // The text outside the spans is scanned at one place (the stretch before each span, then the
  // rest after the last), so the scan's code is in the module once.
  std::size_t outside = 0;
  for (std::size_t s = 0;; ++s) {
    scanOutside(outside, s < spans.size() ? spans[s].open : text.size());
    if (s == spans.size()) break;
    const Span& span = spans[s];
    outside = span.close;
    if (!span.closed) continue;
    // The last quoted character, spaces aside, and what follows the closing mark.
    char32_t lastQuoted = 0;
    for (std::size_t i = previousCodePoint(text, span.close); i > span.open;) {
      i = previousCodePoint(text, i);
      lastQuoted = codePointAt(text, i);
      if (!isSpace(lastQuoted)) break;
    }
    const std::size_t following = skipSpaces(text, span.close);
    std::size_t length = 0;
    const Mark followingMark = following < text.size() ? markAt(text, following, length) : Mark::None;
    const bool quoteFollows =
        followingMark == Mark::OpenGuillemet || followingMark == Mark::OpenDouble || followingMark == Mark::LowDouble;
    if (isTerminator(lastQuoted) &&
        (following == text.size() || isUpperCase(codePointAt(text, following)) || quoteFollows))
      ends.push_back(span.close);
  }
  return ends;
}

struct Mention {
  std::size_t position;
  std::size_t speaker;
};

}  // namespace

std::vector<InlineQuote> attributeInlineQuotes(std::string_view paragraph, const std::vector<SpeakerName>& speakers) {
  const std::vector<Span> spans = findSpans(paragraph);
  if (spans.empty()) return {};
  const std::vector<std::size_t> ends = sentenceEnds(paragraph, spans);

  // Every mention outside the spans, in reading order: each word is read once and offered to each
  // speaker, so the cost is linear in the paragraph. A word whose first letter starts no form of any
  // name is not folded (most capitalised words of an article), unless some form's stem is empty.
  std::u32string initials;
  bool everyStemStarts = true;
  for (const SpeakerName& speaker : speakers) {
    for (const SpeakerName::Paradigm& paradigm : speaker.paradigms_) {
      if (paradigm.stem.empty()) everyStemStarts = false;
      else if (initials.find(paradigm.stem.front()) == std::u32string::npos) initials.push_back(paradigm.stem.front());
    }
  }
  std::vector<Mention> mentions;
  const auto byPosition = [](const Mention& mention, std::size_t position) { return mention.position < position; };
  const auto findMentions = [&](std::size_t from, std::size_t to) {
    const std::string_view stretch = paragraph.substr(0, to);
    Word word;
    for (std::size_t at = from;
         nextWord(stretch, at, word, /*capitalisedOnly=*/true, everyStemStarts ? &initials : nullptr); at = word.end) {
      if (!word.capitalised) continue;
      // Each word is read and folded once, then offered to every speaker (re-reading it per speaker
      // made a paragraph cost 200 ns per word and analyst).
      for (std::size_t k = 0; k < speakers.size(); ++k) {
        if (speakers[k].isMention(word.view())) mentions.push_back({word.begin, k});
      }
    }
  };
  // Only mentions from the sentence before a span's sentence to that sentence's end can name its
  // speaker (below): the other sentences are not read. Sentence ends follow a terminator or a closing
  // mark, so no word runs across one and reading from there finds the same words.
  const auto sentenceStartBefore = [&](std::size_t position) {
    const auto end = std::upper_bound(ends.begin(), ends.end(), position);
    return end == ends.begin() ? std::size_t{0} : *(end - 1);
  };
  std::size_t readTo = 0;  // how far mentions have been read
  const auto readMentions = [&](std::size_t from, std::size_t to) {
    from = std::max(from, readTo);
    std::size_t outside = 0;
    for (const Span& span : spans) {
      if (std::max(from, outside) < std::min(to, span.open))
        findMentions(std::max(from, outside), std::min(to, span.open));
      outside = span.close;
    }
    if (std::max(from, outside) < to) findMentions(std::max(from, outside), to);
    readTo = std::max(readTo, to);
  };
  for (const Span& span : spans) {
    const std::size_t sentenceStart = sentenceStartBefore(span.open);
    const std::size_t leadInStart = sentenceStart == 0 ? 0 : sentenceStartBefore(sentenceStart - 1);
    const auto endAfter = std::lower_bound(ends.begin(), ends.end(), span.close);
    readMentions(leadInStart, endAfter == ends.end() ? paragraph.size() : *endAfter);
  }
  // The one analyst a lead-in sentence names ("Алимова давно изучает рынок. «…»."): the sentence
  // ending at `sentenceStart` when it names exactly one and holds no quotation of its own (then the
  // name belongs to that quotation).
  const auto leadInSpeaker = [&](std::size_t sentenceStart) -> std::optional<std::size_t> {
    if (sentenceStart == 0) return std::nullopt;
    const auto endBefore = std::lower_bound(ends.begin(), ends.end(), sentenceStart);
    const std::size_t previousStart = endBefore == ends.begin() ? 0 : *(endBefore - 1);
    for (const Span& other : spans) {
      if (other.open >= previousStart && other.open < sentenceStart) return std::nullopt;
    }
    std::optional<std::size_t> speaker;
    for (auto m = std::lower_bound(mentions.begin(), mentions.end(), previousStart, byPosition);
         m != mentions.end() && m->position < sentenceStart; ++m) {
      if (speaker && *speaker != m->speaker) return std::nullopt;
      speaker = m->speaker;
    }
    return speaker;
  };

  std::vector<InlineQuote> quotes;
  for (const Span& span : spans) {
    // The quoted words, without the marks and the spaces inside them.
    std::size_t markLength = 0;
    markAt(paragraph, span.open, markLength);
    std::size_t begin = skipSpaces(paragraph, span.open + markLength);
    std::size_t end = span.closed ? previousCodePoint(paragraph, span.close) : span.close;
    while (end > begin && isSpace(codePointAt(paragraph, previousCodePoint(paragraph, end))))
      end = previousCodePoint(paragraph, end);
    if (begin == end) continue;

    InlineQuote quote{begin, end, std::nullopt};
    const auto endAfter = std::lower_bound(ends.begin(), ends.end(), span.close);
    const std::size_t sentenceEnd = endAfter == ends.end() ? paragraph.size() : *endAfter;
    const auto endBefore = std::upper_bound(ends.begin(), ends.end(), span.open);
    const std::size_t sentenceStart = endBefore == ends.begin() ? 0 : *(endBefore - 1);
    const auto after = std::lower_bound(mentions.begin(), mentions.end(), span.close, byPosition);
    const auto before = std::lower_bound(mentions.begin(), mentions.end(), span.open, byPosition);
    if (after != mentions.end() && after->position < sentenceEnd) {
      quote.speaker = after->speaker;
    } else if (before != mentions.begin() && (before - 1)->position >= sentenceStart) {
      // The last word naming someone; of several speakers named by that same word, the first.
      const std::size_t position = (before - 1)->position;
      quote.speaker = std::lower_bound(mentions.begin(), before, position, byPosition)->speaker;
    } else {
      quote.speaker = leadInSpeaker(sentenceStart);
    }
    quotes.push_back(quote);
  }
  return quotes;
}

}  // namespace broadsheet::layout
