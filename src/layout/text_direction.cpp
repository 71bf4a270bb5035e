#include "layout/text_direction.hpp"

#include <cstdint>

namespace broadsheet::layout {
namespace {

enum class Strong { None, Left, Right };

// The bidi class of a code point, as far as it is strong: Unicode's R and AL blocks, and letters of
// the left-to-right scripts (digits, punctuation, marks and symbols are not strong).
Strong strongClass(std::uint32_t c) {
  if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
      (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF)) {
    return Strong::Right;
  }
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return Strong::Left;
  if (c >= 0x00C0 && c <= 0x02AF && c != 0x00D7 && c != 0x00F7) return Strong::Left;  // Latin, IPA
  if (c >= 0x0370 && c <= 0x0482) return Strong::Left;                                // Greek, Cyrillic
  if (c >= 0x048A && c <= 0x058F) return Strong::Left;                                // Cyrillic, Armenian
  if (c >= 0x0900 && c <= 0x1FFF) return Strong::Left;  // Indic, Georgian, Ethiopic, Latin and Greek additions
  if ((c >= 0x2C00 && c <= 0x2DFF) || (c >= 0x3040 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xD7FF) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) {
    return Strong::Left;
  }
  return Strong::None;
}

// The code point at `i` (advancing `i`); a malformed byte counts as one code point of no direction.
std::uint32_t nextCodePoint(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i++]);
  if (lead < 0x80) return lead;
  const int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  std::uint32_t c = lead & (0x3F >> extra);
  for (int k = 0; k < extra; ++k) {
    if (i >= text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) return 0xFFFD;
    c = (c << 6) | (static_cast<unsigned char>(text[i++]) & 0x3F);
  }
  return extra == 0 ? 0xFFFD : c;
}

bool isSpace(std::uint32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0; }

}  // namespace

std::string_view textDirection(std::string_view utf8) {
  std::size_t left = 0, right = 0;
  Strong first = Strong::None;
  Strong word = Strong::None;  // the current word's first strong letter
  for (std::size_t i = 0; i < utf8.size();) {
    const std::uint32_t c = nextCodePoint(utf8, i);
    if (isSpace(c)) {
      word = Strong::None;
      continue;
    }
    const Strong strong = strongClass(c);
    if (strong == Strong::None || word != Strong::None) continue;
    word = strong;
    if (first == Strong::None) first = strong;
    ++(strong == Strong::Left ? left : right);
  }
  if (first == Strong::None) return "";
  if (left != right) return left > right ? "ltr" : "rtl";
  return first == Strong::Left ? "ltr" : "rtl";
}

}  // namespace broadsheet::layout
