// How parse_json.cpp's nlohmann lexer reads an article's text: from a pair of pointers into the input
// (ArticleInput), with a few of the lexer's members given for that input alone (explicit
// specializations, which nlohmann's lexer and parser call as their own). nlohmann still reads all of
// the JSON: the structure, literals, numbers and every check; what changes is how a string's bytes
// reach its token buffer. Included by parse_json.cpp (before anything instantiates the lexer) and by
// its test, tests/core/json_lexer_test.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "format/json_number.hpp"
#include "format/json_text.hpp"

namespace broadsheet::format {

// The text as nlohmann's input adapter: a byte at a time through get_character() (what the lexer calls
// for structure, literals and numbers), and open to scan_string below, which reads whole runs.
struct ArticleInput {
  using char_type = char;

  std::char_traits<char>::int_type get_character() {
    return next != end ? std::char_traits<char>::to_int_type(*next++) : std::char_traits<char>::eof();
  }

  const char* next;
  const char* end;
};

// Whether the eight bytes at `p` are all printable ASCII but `"` and `\`, which a string holds as they
// are: a word at a time. A byte's high bit in the mask says it is 0x80 or above, or (the bytes being
// ASCII) that subtracting 0x20, or 1 from it xor `"` or xor `\`, went below zero; a borrow can only
// set bits above a byte that is itself one of those, so the word's answer is exact.
inline bool eightPlainBytes(const char* p) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u;
  constexpr std::uint64_t kHighBits = 0x8080808080808080u;
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  const std::uint64_t control = word - kOnes * 0x20;
  const std::uint64_t quote = (word ^ (kOnes * '"')) - kOnes;
  const std::uint64_t backslash = (word ^ (kOnes * '\\')) - kOnes;
  return ((word | control | quote | backslash) & kHighBits) == 0;
}

// Whether the eight bytes at `p` are four well-formed two-byte UTF-8 sequences (U+0080 to U+07FF:
// Cyrillic and Kazakh, Greek, Armenian, Hebrew, Arabic, Latin-1's letters), which a string holds as
// they are: Russian and Kazakh text is mostly these, with no ASCII run long enough for
// eightPlainBytes. In each byte pair (little-endian, as WebAssembly is), the lead is 110xxxxx but not
// 0xC0 or 0xC1 (overlong: some bit of 0x1E set), the second 10xxxxxx.
inline bool fourTwoByteSequences(const char* p) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  if ((word & 0xC0E0C0E0C0E0C0E0u) != 0x80C080C080C080C0u) return false;
  const std::uint64_t leadNotOverlong = (word & 0x001E001E001E001Eu) + 0x007F007F007F007Fu;
  return (leadNotOverlong & 0x0080008000800080u) == 0x0080008000800080u;
#else
  static_cast<void>(p);
  return false;
#endif
}

}  // namespace broadsheet::format

NLOHMANN_JSON_NAMESPACE_BEGIN
namespace detail {
using ArticleLexer = lexer<nlohmann::json, broadsheet::format::ArticleInput>;

// nlohmann's get() also appends every byte it reads to a vector (token_string), used only to quote the
// last token in an exception's message; the SAX reader takes no message (parse_json.cpp reads the offset
// and finds the problem itself), so this one keeps only the offset the parser reports (chars_read_total).
template <>
inline auto ArticleLexer::get() -> char_int_type {
  ++position.chars_read_total;
  if (next_unget) {
    next_unget = false;
  } else {
    current = ia.get_character();
  }
  return current;
}

template <>
inline void ArticleLexer::unget() {
  next_unget = true;
  --position.chars_read_total;
}

// White space between tokens, read as a run from the input rather than a byte at a time through get().
template <>
inline void ArticleLexer::skip_whitespace() {
  const auto isSpace = [](char_int_type c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  if (!isSpace(get())) return;
  const char* p = ia.next;
  while (p != ia.end && isSpace(std::char_traits<char>::to_int_type(*p))) ++p;
  position.chars_read_total += static_cast<std::size_t>(p - ia.next);
  ia.next = p;
  get();
}

// A string token, read from the input in place: runs of bytes that need no change (printable ASCII but
// `"` and `\`, and well-formed UTF-8) are appended to the token buffer whole, not a byte at a time
// through get() and add(). What is accepted, what each escape gives, and the offset an error is reported
// at are nlohmann's (its scan_string: RFC 8259 strings, UTF-8 by Unicode's table 3-7); the tests in
// tests/core/json_lexer_test.cpp compare both on random strings.
template <>
inline auto ArticleLexer::scan_string() -> token_type {
  token_buffer.clear();
  const char* const start = ia.next;
  const char* p = start;
  const char* plain = start;  // bytes from here to p are copied as they are
  char_int_type last = '"';
  const auto read = [&]() -> char_int_type {
    last = p != ia.end ? std::char_traits<char>::to_int_type(*p++) : std::char_traits<char>::eof();
    return last;
  };
  // What get() would have left: every byte read counted (the end of the text too), the last in `current`.
  const auto finish = [&](token_type result, const char* message) {
    ia.next = p;
    position.chars_read_total += static_cast<std::size_t>(p - start) + (last == std::char_traits<char>::eof() ? 1 : 0);
    current = last;
    if (result == token_type::parse_error) error_message = message;
    return result;
  };
  const auto fail = [&](const char* message) { return finish(token_type::parse_error, message); };
  const auto copyPlain = [&](const char* upTo) { token_buffer.append(plain, static_cast<std::size_t>(upTo - plain)); };
  // Four hex digits after `\u`, or -1 (after reading the first that is not one).
  const auto hexQuad = [&]() -> int {
    int value = 0;
    for (int i = 0; i < 4; ++i) {
      const int digit = broadsheet::format::hexDigitValue(read());
      if (digit < 0) return -1;
      value = value * 16 + digit;
    }
    return value;
  };

  while (true) {
    while (ia.end - p >= 8 && broadsheet::format::eightPlainBytes(p)) p += 8;
    const char_int_type c = read();
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') continue;
    // A well-formed two-byte sequence, the most common outside ASCII, without the general reading
    // below; in Cyrillic text more usually follow.
    if (c >= 0xC2 && c <= 0xDF && p != ia.end && (static_cast<unsigned char>(*p) & 0xC0) == 0x80) {
      ++p;
      while (ia.end - p >= 8 && broadsheet::format::fourTwoByteSequences(p)) p += 8;
      continue;
    }
    if (c == '"') {
      copyPlain(p - 1);
      return finish(token_type::value_string, nullptr);
    }
    if (c == std::char_traits<char>::eof()) return fail("invalid string: missing closing quote");
    if (c < 0x20) return fail("invalid string: control character must be escaped");
    if (c == '\\') {
      copyPlain(p - 1);
      const char_int_type escaped = read();
      if (const int byte = broadsheet::format::escapedByte(static_cast<char>(escaped)); byte >= 0) {
        token_buffer.push_back(static_cast<char>(byte));
        plain = p;
        continue;
      }
      if (escaped != 'u') return fail("invalid string: forbidden character after backslash");
      const int high = hexQuad();
      if (high < 0) return fail("invalid string: '\\u' must be followed by 4 hex digits");
      unsigned int codePoint = static_cast<unsigned int>(high);
      if (high >= 0xD800 && high <= 0xDBFF) {
        if (read() != '\\' || read() != 'u')
          return fail("invalid string: a high surrogate must be followed by a low one");
        const int low = hexQuad();
        if (low < 0) return fail("invalid string: '\\u' must be followed by 4 hex digits");
        if (low < 0xDC00 || low > 0xDFFF) return fail("invalid string: a high surrogate must be followed by a low one");
        codePoint = 0x10000u + ((static_cast<unsigned int>(high) - 0xD800u) << 10u) +
                    (static_cast<unsigned int>(low) - 0xDC00u);
      } else if (high >= 0xDC00 && high <= 0xDFFF) {
        return fail("invalid string: a low surrogate must follow a high one");
      }
      broadsheet::format::appendUtf8(token_buffer, codePoint);
      plain = p;
      continue;
    }
    // A UTF-8 lead byte: how many continuation bytes follow, and the range of the first of them.
    const broadsheet::format::Utf8Lead lead = broadsheet::format::utf8Lead(static_cast<unsigned>(c));
    if (lead.continuations == 0) return fail("invalid string: ill-formed UTF-8 byte");
    char_int_type low = static_cast<char_int_type>(lead.low);
    char_int_type high = static_cast<char_int_type>(lead.high);
    for (int i = 0; i < lead.continuations; ++i) {
      const char_int_type next = read();
      if (next < low || next > high) return fail("invalid string: ill-formed UTF-8 byte");
      low = 0x80;
      high = 0xBF;
    }
  }
}

// nlohmann's lexer turns a number with a fraction or an exponent (or an integer too long for 64 bits)
// into a double through its static member strtof, which calls the C library's strtod. Here it calls
// readDecimal instead: the same double bit for bit (tests/core/json_number_test.cpp), without strtod's
// 128-bit long-double arithmetic, which in WebAssembly is software (13.6 KB of the module;
// docs/performance.md). GCC notes that nlohmann declares the member with a nonnull attribute this
// definition does not repeat (clang rejects repeating it here); the argument is the token buffer.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-attributes"
#endif
template <>
inline void ArticleLexer::strtof(double& f, const char* str, char** endptr) noexcept {
  std::size_t consumed = 0;
  f = broadsheet::format::readDecimal(std::string_view(str, std::strlen(str)), &consumed);
  *endptr = const_cast<char*>(str + consumed);
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

}  // namespace detail
NLOHMANN_JSON_NAMESPACE_END
