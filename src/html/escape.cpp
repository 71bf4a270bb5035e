#include "html/escape.hpp"

namespace broadsheet::html {
namespace {

template <bool kAttribute>
void appendEscaped(std::string& out, std::string_view text) {
  out.reserve(out.size() + text.size());
  std::size_t plainStart = 0;
  auto flush = [&](std::size_t end) { out.append(text.data() + plainStart, end - plainStart); };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
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
      default:
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) replacement = std::string_view("", 0);
        else continue;
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
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
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
