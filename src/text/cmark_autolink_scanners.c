/* cmark's two autolink scanners (`<scheme:…>` and `<local@domain>`, CommonMark's autolinks) written out
 * by hand. cmark's own are re2c automata in scanners.c that unroll the {1,31} of a scheme and the
 * {0,61} of a domain label into states: 15.9 KB of WebAssembly code for two short rules. They are
 * compiled there under other names (cmake/cmark.cmake), and tests/core/cmark_autolink_test.cpp
 * compares these with them on every input it generates: the same language, the same lengths.
 *
 * Both read a text that cmark ends with a NUL (_scan_at) from just after the `<`, and return the
 * length of the autolink's rest, `>` included, or 0 when there is none. */
#include "scanners.h"

static int isAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static int isAsciiAlphanumeric(unsigned char c) { return isAsciiLetter(c) || (c >= '0' && c <= '9'); }

/* The length of the well-formed UTF-8 sequence of a character beyond ASCII at `p`, or 0: re2c reads
 * cmark's rules as UTF-8 (-8), so a class such as [^\x00-\x20<>] takes whole characters, shortest
 * forms only. */
static int utf8SequenceLength(const unsigned char *p) {
  unsigned char low = 0x80, high = 0xBF;
  int length;
  if (p[0] >= 0xC2 && p[0] <= 0xDF) length = 2;
  else if (p[0] >= 0xE0 && p[0] <= 0xEF) length = 3, low = p[0] == 0xE0 ? 0xA0 : 0x80;
  else if (p[0] >= 0xF0 && p[0] <= 0xF4) length = 4, low = p[0] == 0xF0 ? 0x90 : 0x80, high = p[0] == 0xF4 ? 0x8F : 0xBF;
  else return 0;
  for (int i = 1; i < length; ++i, low = 0x80, high = 0xBF) {
    if (p[i] < low || p[i] > high) return 0;
  }
  return length;
}

/* scheme [:][^\x00-\x20<>]*[>], where scheme = [A-Za-z][A-Za-z0-9.+-]{1,31} */
bufsize_t _scan_autolink_uri(const unsigned char *p) {
  const unsigned char *q = p;
  if (!isAsciiLetter(*q)) return 0;
  ++q;
  while (isAsciiAlphanumeric(*q) || *q == '.' || *q == '+' || *q == '-') ++q;
  if (q - p < 2 || q - p > 32 || *q != ':') return 0;
  ++q;
  for (;;) {
    if (*q >= 0x80) {
      const int length = utf8SequenceLength(q);
      if (length == 0) return 0;
      q += length;
    } else if (*q > 0x20 && *q != '<' && *q != '>') {
      ++q;
    } else {
      break;
    }
  }
  return *q == '>' ? (bufsize_t)(q + 1 - p) : 0;
}

static int isEmailLocal(unsigned char c) {
  switch (c) {
    case '.': case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
    case '/': case '=': case '?': case '^': case '_': case '`': case '{': case '|': case '}':
    case '~': case '-': return 1;
    default: return isAsciiAlphanumeric(c);
  }
}

/* [a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+ [@] label ([.] label)* [>], where a label is
 * [a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?: 1 to 63 letters, digits and hyphens, neither at an
 * end. Nothing the rule reads after the `@` can be a `>`, so the domain runs to the first byte that
 * is not a letter, digit, hyphen or dot, and that byte must be the `>`. */
bufsize_t _scan_autolink_email(const unsigned char *p) {
  const unsigned char *q = p;
  while (isEmailLocal(*q)) ++q;
  if (q == p || *q != '@') return 0;
  ++q;
  for (;;) {
    const unsigned char *label = q;
    while (isAsciiAlphanumeric(*q) || *q == '-') ++q;
    if (q == label || q - label > 63 || *label == '-' || q[-1] == '-') return 0;
    if (*q != '.') break;
    ++q;
  }
  return *q == '>' ? (bufsize_t)(q + 1 - p) : 0;
}
