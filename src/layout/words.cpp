#include "layout/words.hpp"

#include <string.h>  // memmem

#include <array>
#include <cstdint>
#include <cstring>

#include "layout/byte_search.hpp"

namespace broadsheet::layout {
namespace {

constexpr bool isSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// ASCII only, without the C library's locale-aware calls, which are not inlined (isalnum and tolower
// were 9% of a 1 MB article's native render; docs/performance.md).
constexpr bool isAsciiAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr unsigned char asciiLower(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + ('a' - 'A')) : c;
}

// ASCII as word counting sees it: one table lookup per byte.
enum class AsciiClass : unsigned char { Other, Space, LetterOrDigit };
constexpr auto kAsciiClass = [] {
  std::array<AsciiClass, 128> table{};
  for (int c = 0; c < 128; ++c) {
    table[c] = isSpace(static_cast<unsigned char>(c))   ? AsciiClass::Space
               : isAsciiAlnum(static_cast<char32_t>(c)) ? AsciiClass::LetterOrDigit
                                                        : AsciiClass::Other;
  }
  return table;
}();

// The ASCII bytes that are not white space: inside a word that holds a letter, they change nothing.
constexpr auto kAsciiWordTail = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 128; ++c) table[c] = kAsciiClass[c] != AsciiClass::Space;
  return table;
}();

// Each byte as normalizeForMatch writes it: ASCII letters lower-cased, white space as ' ', the rest
// as it is (one table lookup instead of six comparisons and a branch per byte).
constexpr auto kLowered = [] {
  std::array<char, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[c] =
        static_cast<char>(isSpace(static_cast<unsigned char>(c)) ? ' ' : asciiLower(static_cast<unsigned char>(c)));
  return table;
}();

// kLowered for ASCII bytes other than white space and NUL, 0 for the rest (which take the long way).
constexpr auto kAsciiRun = [] {
  std::array<char, 256> table{};
  for (int c = 1; c < 128; ++c) table[c] = kLowered[c] == ' ' ? 0 : kLowered[c];
  return table;
}();

// The ASCII character that typographic punctuation at text[i] (a non-ASCII lead byte) stands for,
// as authors and cmark's smart mode use them interchangeably: “ ” „ « » as ", ‘ ’ ʻ ʼ as ', the
// hyphens, dashes and minus as -, and a no-break space as a space. Sets `length` to the sequence's
// bytes; 0 when it is none of them.
char plainPunctuation(std::string_view text, std::size_t i, std::size_t& length) {
  const auto byte = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0; };
  if (byte(0) == 0xC2) {
    length = 2;
    if (byte(1) == 0xAB || byte(1) == 0xBB) return '"';
    if (byte(1) == 0xA0) return ' ';
  } else if (byte(0) == 0xCA && (byte(1) == 0xBB || byte(1) == 0xBC)) {  // Uzbek oʻ/gʻ, and ʼ
    length = 2;
    return '\'';
  } else if (byte(0) == 0xE2 && byte(1) == 0x80) {
    length = 3;
    switch (byte(2)) {
      case 0x9C:
      case 0x9D:
      case 0x9E: return '"';
      case 0x98:
      case 0x99: return '\'';
      case 0x90:
      case 0x91:
      case 0x92:
      case 0x93:
      case 0x94: return '-';
      default: break;
    }
  } else if (byte(0) == 0xE2 && byte(1) == 0x88 && byte(2) == 0x92) {  // minus sign
    length = 3;
    return '-';
  }
  length = 0;
  return 0;
}

// Characters matching ignores: the soft hyphen (editors paste it, and the layout inserts it) and the
// zero-width space, joiner and non-joiner. Returns their length in bytes, 0 for anything else.
std::size_t ignoredCharacter(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0; };
  if (byte(0) == 0xC2 && byte(1) == 0xAD) return 2;
  if (byte(0) == 0xE2 && byte(1) == 0x80 && byte(2) >= 0x8B && byte(2) <= 0x8D) return 3;
  return 0;
}

// Cyrillic (U+0400-U+04FF) and Latin-1 letters lower-cased, and ё as е, as Russian writing uses
// them interchangeably. Every mapping keeps the character's UTF-8 length. Anything else unchanged.
// Not inlined: it is for the rarer letters (capitals, ё, Kazakh's), and inlined it was twice in the
// module.
[[gnu::noinline]] char32_t foldCase(char32_t c) {
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c < 0x400 || c > 0x4FF) return c;
  if (c >= 0x410 && c <= 0x42F) c += 0x20;
  else if (c >= 0x400 && c <= 0x40F) c += 0x50;
  else if (c == 0x4C0) c = 0x4CF;
  else if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || c >= 0x4D0) c |= 1;  // upper case is even
  else if (c >= 0x4C1 && c <= 0x4CE && (c & 1)) c += 1;                                     // upper case is odd
  return c == 0x451 ? 0x435 : c;
}

// Decodes the UTF-8 sequence at text[i] (advancing i past it); invalid bytes decode as themselves.
char32_t nextCodePoint(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i++]);
  const int length = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  char32_t codePoint = length == 0 ? lead : lead & (0x3F >> length);
  for (int k = 0; k < length && i < text.size(); ++k)
    codePoint = (codePoint << 6) | (static_cast<unsigned char>(text[i++]) & 0x3F);
  return codePoint;
}

// Letters and digits of any script; Latin-1 and general punctuation (dashes, quotes, ellipses)
// and white space are not.
bool isWordCharacter(char32_t c) {
  if (c < 0x80) return isAsciiAlnum(c);
  if (c >= 0xA0 && c <= 0xBF) return false;
  if (c >= 0x2000 && c <= 0x206F) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  return true;
}

// The end of the run of kAsciiWordTail bytes at text[i], eight bytes at a time: a byte below 0x21
// or above 0x7F may end it (only white space and non-ASCII do).
std::size_t asciiWordTailEnd(std::string_view text, std::size_t i) {
  using namespace byte_search;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (;; ++i) {
    i = findFirst(
        bytes, i, text.size(), [](std::uint64_t chunk) { return below(chunk, 0x21) | (chunk & kHighs); },
        [](unsigned char byte) { return byte < 0x21 || byte >= 0x80; });
    if (i >= text.size() || !kAsciiWordTail[bytes[i]]) return i;  // else a control character, still the word's
  }
}

// The end of the run of two-byte letters at text[i]: lead bytes C3-DF, whose sequences decode to
// U+00C0-U+07FF (Latin-1 and Cyrillic with Kazakh's letters among them), all letters and no space, the
// second byte taken whatever it is, as nextCodePoint takes it.
std::size_t twoByteLetterRunEnd(std::string_view text, std::size_t i) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  do i += 2;
  while (i < text.size() && bytes[i] - 0xC3u <= 0xDFu - 0xC3u);
  return i < text.size() ? i : text.size();
}

// Whether text[i] starts a well-formed two-byte sequence of U+00C0-U+04FF other than U+0280-U+02BF
// (lead C3-D3 but CA): Latin-1's and Latin Extended's letters, and Cyrillic (Russian, and Kazakh's
// Ә Ғ Қ Ң Ө Ұ Ү Һ І), which neither ignoredCharacter nor plainPunctuation matches (they match
// leads C2, CA and E2).
bool isTwoByteLetterAt(const unsigned char* bytes, std::size_t i, std::size_t size) {
  return i + 1 < size && bytes[i] - 0xC3u <= 0xD3u - 0xC3u && bytes[i] != 0xCA && (bytes[i + 1] & 0xC0) == 0x80;
}

// How many bytes at the start of `chunk` are lower-case Russian letters other than ё (а-п D0 B0-BF,
// р-я D1 80-8F), which matching keeps as they are, counted in whole letters: each little-endian
// 16-bit lane masked to F0FF, plus 2FFF when its lead is D1, is B0D0 for them alone (a lane that
// carries into the next is not B0D0 itself, and the count stops at it).
std::size_t lowerRussianBytes(std::uint64_t chunk) {
  const std::uint64_t lanes = (chunk & 0xF0FF'F0FF'F0FF'F0FFu) + (chunk & 0x0001'0001'0001'0001u) * 0x2FFF;
  const std::uint64_t misses = lanes ^ 0xB0D0'B0D0'B0D0'B0D0u;
  return misses == 0 ? 8 : static_cast<std::size_t>(__builtin_ctzll(misses)) / 16 * 2;
}

// Where a copy of a run ended: in the text read, and in the output written.
struct RunEnd {
  std::size_t read;
  char* written;
};

// Writes the run of two-byte letters (isTwoByteLetterAt) at text[i] folded from `end` on (most of a
// Russian or Kazakh text); a single space between two of them is written as it is (what collapsing
// makes of it), so most words of running text take no trip through appendForMatch's loop.
// Lower-case Russian other than ё goes four letters at a time, each chunk stored whole (what is
// stored past the run is written over or cut off later, and fits: the output is never longer than
// the input read); capitals, ё, Kazakh's letters and Latin-1's are folded one by one (foldCase keeps
// U+00C0-U+04FF two bytes long).
RunEnd copyTwoByteLetters(std::string_view text, std::size_t i, char* end) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (;;) {
    while (i + 8 <= text.size()) {
      const std::uint64_t chunk = byte_search::chunkAt(bytes + i);
      std::memcpy(end, &chunk, sizeof chunk);
      const std::size_t kept = lowerRussianBytes(chunk);
      i += kept;
      end += kept;
      if (kept < 8) break;
    }
    if (isTwoByteLetterAt(bytes, i, text.size())) {
      const char32_t folded = foldCase((bytes[i] & 0x1Fu) << 6 | (bytes[i + 1] & 0x3Fu));
      *end++ = static_cast<char>(0xC0 | (folded >> 6));
      *end++ = static_cast<char>(0x80 | (folded & 0x3F));
      i += 2;
    } else if (i + 1 < text.size() && bytes[i] == ' ' && bytes[i + 1] - 0xC3u <= 0xD3u - 0xC3u) {
      *end++ = ' ';  // whatever follows is written after it (C3-D3 is neither white space nor ignored)
      ++i;
    } else {
      break;
    }
  }
  return {i, end};
}

// Writes the run of kAsciiRun bytes at text[i] lowered from `end` on, advancing i past it, and
// returns the new end: eight bytes at a time (a byte below 0x21 or above 0x7F may end a run), each
// chunk stored whole. What is stored after the run's end is written over or cut off later, and
// fits: the output is never longer than the input read (out has room for all of it).
char* copyAsciiRun(std::string_view text, std::size_t& i, char* end) {
  using namespace byte_search;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  while (i + 8 <= text.size()) {
    const std::uint64_t chunk = chunkAt(bytes + i);
    const std::uint64_t stops = below(chunk, 0x21) | (chunk & kHighs);
    // A-Z (0x41-0x5A) take 0x20 more; exact for the bytes before the first stop (carries and
    // borrows only run towards later bytes).
    const std::uint64_t upper = (chunk + (0x80 - 0x41) * kOnes) & ~(chunk + (0x80 - 0x5B) * kOnes) & kHighs;
    const std::uint64_t lowered = chunk | (upper >> 2);
    std::memcpy(end, &lowered, sizeof lowered);
    if (stops == 0) {
      i += 8;
      end += 8;
      continue;
    }
    const auto length = static_cast<std::size_t>(__builtin_ctzll(stops)) / 8;
    i += length;
    end += length;
    const char run = kAsciiRun[bytes[i]];
    if (run == 0) return end;
    *end++ = run;  // a control character: the run goes on
    ++i;
  }
  for (char run = 0; i < text.size() && (run = kAsciiRun[bytes[i]]) != 0; ++i) *end++ = run;
  return end;
}

}  // namespace

std::size_t countWords(std::string_view text) {
  std::size_t words = 0;
  bool inWord = false, wordHasLetter = false;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    bool space = false, letter = false;
    if (byte < 0x80) {
      ++i;
      space = kAsciiClass[byte] == AsciiClass::Space;
      letter = kAsciiClass[byte] == AsciiClass::LetterOrDigit;
      // Once a word holds a letter, only a space or a non-ASCII character can change what it counts
      // as: the rest of its ASCII is stepped over with one lookup a byte.
      if (letter) i = asciiWordTailEnd(text, i);
    } else if (byte - 0xC3u <= 0xDFu - 0xC3u && i + 1 < text.size()) {
      // Most of a Cyrillic text: its letters a run at a time, without decoding (a lead byte that ends
      // the text decodes as a control character, and takes the long way), and the words after it
      // that a single space separates (each ends one that holds a letter) one after another.
      i = twoByteLetterRunEnd(text, i);
      while (i + 2 < text.size() && text[i] == ' ' &&
             static_cast<unsigned char>(text[i + 1]) - 0xC3u <= 0xDFu - 0xC3u) {
        ++words;
        i = twoByteLetterRunEnd(text, i + 1);
      }
      inWord = wordHasLetter = true;
      continue;
    } else {
      const char32_t c = nextCodePoint(text, i);
      space = c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x3000;
      letter = isWordCharacter(c);
    }
    if (space) {
      if (inWord && wordHasLetter) ++words;
      inWord = wordHasLetter = false;
      continue;
    }
    inWord = true;
    wordHasLetter = wordHasLetter || letter;
  }
  return words + (inWord && wordHasLetter ? 1 : 0);
}

void appendForMatch(std::string& out, std::string_view text) {
  // Written through a pointer into room for the most it can take (the text's own length: spaces
  // only collapse and no mapping makes a character longer): push_back per byte was twice as slow.
  const std::size_t start = out.size();
  out.resize(start + text.size());
  char* const begin = out.data() + start;
  char* end = begin;
  bool pendingSpace = false;
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    if (c >= 0x80) {
      if (isTwoByteLetterAt(reinterpret_cast<const unsigned char*>(text.data()), i, text.size())) {
        if (pendingSpace) *end++ = ' ';
        pendingSpace = false;
        const RunEnd run = copyTwoByteLetters(text, i, end);
        i = run.read;
        end = run.written;
        continue;
      }
      if (const std::size_t ignored = ignoredCharacter(text, i)) {
        i += ignored;
        continue;
      }
      if (const char plain = plainPunctuation(text, i, length)) {
        c = static_cast<unsigned char>(plain);
      } else {
        length = 1;
      }
    }
    i += length;
    const char lowered = kLowered[c];
    if (lowered == ' ') {
      pendingSpace = end != begin;
      continue;
    }
    if (pendingSpace) *end++ = ' ';
    pendingSpace = false;
    *end++ = lowered;
    end = copyAsciiRun(text, i, end);
  }
  out.resize(start + static_cast<std::size_t>(end - begin));
}

std::string normalizeForMatch(std::string_view text) {
  std::string normalized;
  appendForMatch(normalized, text);
  return normalized;
}

QuoteMatcher::QuoteMatcher(std::string_view quote) {
  const std::string normalized = normalizeForMatch(quote);
  const std::string_view text = normalized;
  // Ellipses ("…", "...") mark words left out: each remaining fragment must be the author's. One
  // pass, so a quote of many ellipses costs no more than any other.
  auto addFragment = [this](std::string_view fragment) {
    // Quote marks and sentence punctuation around a fragment are the pull quote's, not the speaker's.
    const std::string_view trim = " \"'.,;:!?";
    const std::size_t first = fragment.find_first_not_of(trim);
    if (first == std::string_view::npos) return;
    const std::size_t last = fragment.find_last_not_of(trim);
    fragments_.emplace_back(fragment.substr(first, last - first + 1));
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t marker = text.compare(i, 3, "\u2026") == 0 || text.compare(i, 3, "...") == 0 ? 3
                               : text[i] == '|'                                                    ? 1
                                                                                                   : 0;
    if (marker == 0) {
      ++i;
      continue;
    }
    addFragment(text.substr(start, i - start));
    i += marker;
    start = i;
  }
  addFragment(text.substr(start));
}

std::size_t TextSearch::in(std::string_view text, std::size_t* scanned) const {
  if (needle_.empty()) return 0;
  const void* found = memmem(text.data(), text.size(), needle_.data(), needle_.size());
  const std::size_t position =
      found ? static_cast<std::size_t>(static_cast<const char*>(found) - text.data()) : std::string_view::npos;
  if (scanned) *scanned += found ? position + needle_.size() : text.size();
  return position;
}

bool QuoteMatcher::appearsIn(std::string_view normalizedBody) const {
  if (fragments_.empty()) return false;
  // Each fragment scans at most the whole body; a quote of very many fragments gives up (as if
  // paraphrased) once the body has been scanned kScanBudget times, so the cost stays linear.
  constexpr std::size_t kScanBudget = 8;
  const std::size_t budget = kScanBudget * (normalizedBody.size() + 1);
  std::size_t scanned = 0;
  for (const TextSearch& fragment : fragments_) {
    if (fragment.in(normalizedBody, &scanned) == std::string_view::npos || scanned >= budget) return false;
  }
  return true;
}

}  // namespace broadsheet::layout
