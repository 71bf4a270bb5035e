// What the JSON readers and writers share about JSON text: a string's escapes (the one-character ones
// and `\u`'s hex digits), a code point written out as UTF-8, and what a lead byte says of the
// well-formed UTF-8 sequence it starts (Unicode table 3-7). Used by the JSON lexer, the source locator
// and the diagnostics' JSON writer.
#pragma once

#include <string>

namespace broadsheet::format {

// The byte a one-character escape stands for (`\n` -> newline), or -1 for `u` and anything else.
constexpr int escapedByte(char escape) {
  switch (escape) {
    case '"':
    case '\\':
    case '/': return escape;
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default: return -1;
  }
}

// A hex digit's value, or -1.
constexpr int hexDigitValue(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

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
