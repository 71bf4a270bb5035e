#include "html/escape.hpp"

#include <array>

namespace broadsheet::html {
namespace {

// HTML forbids C1 controls (U+0080-U+009F) and noncharacters (U+FDD0-U+FDEF and every code point
// ending in FFFE or FFFF) in a document. Returns the byte length of the UTF-8 sequence at `i` when
// it encodes one of them, else 0, and sets `codePoint`.
std::size_t forbiddenCodePointAt(std::string_view text, std::size_t i, char32_t& codePoint) {
  const auto byte = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
  const unsigned lead = byte(0);
  if (lead == 0xC2 && byte(1) >= 0x80 && byte(1) <= 0x9F) {
    codePoint = byte(1);
    return 2;
  }
  if (lead == 0xEF && ((byte(1) == 0xB7 && byte(2) >= 0x90 && byte(2) <= 0xAF) ||
                       (byte(1) == 0xBF && (byte(2) == 0xBE || byte(2) == 0xBF)))) {
    codePoint = 0xF000 | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4 && (byte(1) & 0xCF) == 0x8F && byte(2) == 0xBF && (byte(3) == 0xBE || byte(3) == 0xBF)) {
    codePoint = ((lead & 0x07u) << 18) | ((byte(1) & 0x3Fu) << 12) | ((byte(2) & 0x3Fu) << 6) | (byte(3) & 0x3Fu);
    return 4;
  }
  return 0;
}

// Bytes that may need escaping or dropping (in text; attributes add the quotes): markup characters,
// controls, and the lead bytes of the forbidden code points above. Every other byte is copied as it
// is, so the loop below skips runs of them with one table lookup per byte.
constexpr auto kMayNeedEscape = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = c != '\t' && c != '\n';
  for (const int c : {0x26, 0x3C, 0x3E, 0x7F, 0xC2, 0xEF, 0xF0, 0xF1, 0xF2, 0xF3, 0xF4}) table[c] = true;  // & < > DEL ...
  return table;
}();

template <bool kAttribute>
void appendEscaped(std::string& out, std::string_view text) {
  // No out.reserve(out.size() + text.size()) here: libc++ (the WebAssembly build) reserves exactly
  // what is asked, so reserving before each of many small appends to a large output copied the whole
  // output every time (10,000 analysts: 21 s as WebAssembly, 20 ms natively). append() grows
  // geometrically on its own.
  std::size_t plainStart = 0;
  auto flush = [&](std::size_t end) { out.append(text.data() + plainStart, end - plainStart); };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!kMayNeedEscape[c] && (!kAttribute || (c != '"' && c != '\''))) continue;
    std::string_view replacement;
    switch (c) {
      case '&': replacement = "&amp;"; break;
      case '<': replacement = "&lt;"; break;
      case '>': replacement = "&gt;"; break;
      case '"':
        if (!kAttribute) continue;
        replacement = "&quot;";
        break;
      case '\'':
        if (!kAttribute) continue;
        replacement = "&#39;";
        break;
      case 0: replacement = "\xEF\xBF\xBD"; break;
      default: {
        char32_t codePoint = 0;
        const std::size_t forbidden = c >= 0xC2 ? forbiddenCodePointAt(text, i, codePoint) : 0;
        if (forbidden > 0) {
          flush(i);
          i += forbidden - 1;
          plainStart = i + 1;
          continue;
        }
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) replacement = std::string_view("", 0);
        else continue;
      }
    }
    flush(i);
    out.append(replacement);
    plainStart = i + 1;
  }
  flush(text.size());
}

}  // namespace

void appendText(std::string& out, std::string_view text) { appendEscaped<false>(out, text); }

void appendAttribute(std::string& out, std::string_view value) { appendEscaped<true>(out, value); }

std::string withoutForbiddenCodePoints(std::string_view text) {
  std::string kept;
  kept.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    char32_t codePoint = 0;
    if (const std::size_t forbidden = c >= 0xC2 ? forbiddenCodePointAt(text, i, codePoint) : 0; forbidden > 0) {
      i += forbidden - 1;
      continue;
    }
    kept.push_back(static_cast<char>(c));
  }
  return kept;
}

void appendScriptJsonString(std::string& out, std::string_view value) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto appendUnit = [&](unsigned unit) {
    out.append("\\u");
    for (int shift = 12; shift >= 0; shift -= 4) out.push_back(kHex[(unit >> shift) & 0xF]);
  };
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    char32_t codePoint = 0;
    if (const std::size_t forbidden = c >= 0xC2 ? forbiddenCodePointAt(value, i, codePoint) : 0; forbidden > 0) {
      // Kept in the data, but as escapes: the document itself may not contain the character.
      if (codePoint > 0xFFFF) {
        appendUnit(0xD800 + ((codePoint - 0x10000) >> 10));
        appendUnit(0xDC00 + ((codePoint - 0x10000) & 0x3FF));
      } else {
        appendUnit(codePoint);
      }
      i += forbidden - 1;
    } else if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c < 0x20 || c == 0x7F || c == '<' || c == '>' || c == '&') {
      out.append("\\u00");
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    } else if (c == 0xE2 && i + 2 < value.size() && static_cast<unsigned char>(value[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(value[i + 2]) == 0xA8 || static_cast<unsigned char>(value[i + 2]) == 0xA9)) {
      out.append(static_cast<unsigned char>(value[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029");
      i += 2;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
}

}  // namespace broadsheet::html
