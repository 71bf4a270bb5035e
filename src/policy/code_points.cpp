#include "policy/code_points.hpp"

namespace broadsheet::policy {

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
  if (lead >= 0xF0 && lead <= 0xF4 && (byte(1) & 0xCF) == 0x8F && byte(2) == 0xBF &&
      (byte(3) == 0xBE || byte(3) == 0xBF)) {
    codePoint = ((lead & 0x07u) << 18) | ((byte(1) & 0x3Fu) << 12) | ((byte(2) & 0x3Fu) << 6) | (byte(3) & 0x3Fu);
    return 4;
  }
  return 0;
}

std::string withoutForbiddenCodePoints(std::string_view text) {
  // Copied in runs between forbidden code points (a URL has none, as a rule) rather than a byte at a
  // time: every link's URL passes here four times per render.
  std::string kept;
  kept.reserve(text.size());
  std::size_t run = 0;  // where the bytes not yet copied start
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) < 0xC2) continue;
    char32_t codePoint = 0;
    if (const std::size_t forbidden = forbiddenCodePointAt(text, i, codePoint); forbidden > 0) {
      kept.append(text.substr(run, i - run));
      i += forbidden - 1;
      run = i + 1;
    }
  }
  kept.append(text.substr(run));
  return kept;
}

}  // namespace broadsheet::policy
