#include "html/escape.hpp"

#include <array>

#include "policy/code_points.hpp"

namespace broadsheet::html {

// Literals appended with their lengths: append(const char*) calls strlen in libc++'s library code.
using namespace std::string_view_literals;
namespace {

using policy::forbiddenCodePointAt;

// Bytes that may need escaping or dropping (in text; attributes add the quotes): markup characters,
// controls, and the lead bytes of the forbidden code points above. Every other byte is copied as it
// is, so the loop below skips runs of them with one table lookup per byte.
constexpr auto kMayNeedEscape = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = c != '\t' && c != '\n';
  for (const int c : {0x26, 0x3C, 0x3E, 0x7F, 0xC2, 0xEF, 0xF0, 0xF1, 0xF2, 0xF3, 0xF4})
    table[c] = true;  // & < > DEL ...
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

void appendScriptJsonString(std::string& out, std::string_view value) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto appendUnit = [&](unsigned unit) {
    out.append("\\u"sv);
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
      out.append("\\u00"sv);
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
