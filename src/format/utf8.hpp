// UTF-8 as the JSON readers and writers need it: a code point written out, and what a lead byte says
// of the well-formed sequence it starts (Unicode table 3-7). Shared by the JSON lexer, the source
// locator and the diagnostics' JSON writer, which each read or write escapes and raw UTF-8.
#pragma once

#include <string>

namespace broadsheet::format {

inline void appendUtf8(std::string& out, unsigned codePoint) {
  if (codePoint < 0x80) {
    out.push_back(static_cast<char>(codePoint));
  } else if (codePoint < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (codePoint >> 6)));
    out.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
  } else if (codePoint < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (codePoint >> 12)));
    out.push_back(static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (codePoint >> 18)));
    out.push_back(static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
  }
}

// A lead byte's sequence: how many continuation bytes follow (0: the byte starts no well-formed
// sequence), and the range the first of them must be in (the later ones are 0x80-0xBF).
struct Utf8Lead {
  int continuations = 0;
  unsigned low = 0x80;
  unsigned high = 0xBF;
};

constexpr Utf8Lead utf8Lead(unsigned lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return {1, 0x80, 0xBF};
  if (lead >= 0xE0 && lead <= 0xEF) return {2, lead == 0xE0 ? 0xA0u : 0x80u, lead == 0xED ? 0x9Fu : 0xBFu};
  if (lead >= 0xF0 && lead <= 0xF4) return {3, lead == 0xF0 ? 0x90u : 0x80u, lead == 0xF4 ? 0x8Fu : 0xBFu};
  return {};
}

}  // namespace broadsheet::format
