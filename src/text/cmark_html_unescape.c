// cmark's decoding of HTML entity and numeric character references ("&eacute;", "&#233;", "&#xE9;"),
// the three houdini_unescape_* functions cmark's parser calls, written against a compact table
// instead of cmark's houdini_html_u.c, whose table of 2,125 entities takes about 42 KB of WebAssembly
// (13 KB gzip). The tables are generated when CMake configures, from cmark's own entities.inc (see
// cmake/cmark_entities.cmake, which also describes their layout), so the entities are exactly cmark's;
// tests/core/cmark_entities_test.cpp checks this file against cmark's on every entity and on
// generated text. The common entities are always decoded, the rare ones only after
// cmark_decode_rare_entities(1) (src/text/entities.hpp).
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buffer.h"
#include "cmark_ctype.h"
#include "cmark_entity_table.h"
#include "houdini.h"
#include "utf8.h"

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

// cmark's bounds: names of at least 2 characters; the reference, ";" included, at most 32 bytes.
enum { kNameMinLength = 2, kReferenceMaxLength = 32 };

static int compareNames(const uint8_t *a, size_t aLength, const uint8_t *b, size_t bLength) {
  const int order = memcmp(a, b, aLength < bLength ? aLength : bLength);
  if (order != 0) return order;
  return aLength < bLength ? -1 : aLength > bLength ? 1 : 0;
}

// One of the generated tables (cmake/cmark_entities.cmake describes their layout).
typedef struct {
  const uint8_t *bytes;
  size_t size;
  const uint16_t *blockOffsets;
  size_t blocks;
} EntityTable;

static const EntityTable kCommonEntities = {kCommonEntityBytes, sizeof kCommonEntityBytes, kCommonEntityBlockOffsets,
                                            COUNT(kCommonEntityBlockOffsets)};
static const EntityTable kRareEntities = {kRareEntityBytes, sizeof kRareEntityBytes, kRareEntityBlockOffsets,
                                          COUNT(kRareEntityBlockOffsets)};

// The rare entities' table while cmark_decode_rare_entities(1) holds (the full core), else NULL: the
// lite core never calls it, so the linker leaves the table out.
static const EntityTable *rareEntities = NULL;
int cmark_rare_entity_named = 0;

void cmark_decode_rare_entities(int decode) { rareEntities = decode ? &kRareEntities : NULL; }

// The length of the name that starts at table->bytes[at] (it ends at the first byte under 0x20).
static size_t nameLengthAt(const EntityTable *table, size_t at) {
  size_t length = 0;
  while (table->bytes[at + length] >= 0x20) ++length;
  return length;
}

// The UTF-8 text of the entity called name[0..length), and its length in *textLength; NULL if none.
static const uint8_t *findEntity(const EntityTable *table, const uint8_t *name, size_t length, size_t *textLength) {
  // The last block whose first name is not above `name`.
  size_t low = 0;
  size_t high = table->blocks;
  while (low < high) {
    const size_t middle = low + (high - low) / 2;
    const size_t at = (size_t)table->blockOffsets[middle] + 1;
    if (compareNames(table->bytes + at, nameLengthAt(table, at), name, length) <= 0) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  if (low == 0) return NULL;
  size_t at = table->blockOffsets[low - 1];
  const size_t end = low < table->blocks ? table->blockOffsets[low] : table->size;
  uint8_t current[ENTITY_NAME_MAX_LENGTH];
  while (at < end) {
    const size_t shared = table->bytes[at++];
    const size_t rest = nameLengthAt(table, at);
    memcpy(current + shared, table->bytes + at, rest);
    at += rest;
    const size_t size = table->bytes[at++];
    const int order = compareNames(current, shared + rest, name, length);
    if (order == 0) {
      *textLength = size;
      return table->bytes + at;
    }
    if (order > 0) return NULL;
    at += size;
  }
  return NULL;
}

static int isDigit(uint8_t c) { return c >= '0' && c <= '9'; }
static int isAlphanumericName(const uint8_t *name, size_t length) {
  for (size_t i = 0; i < length; ++i) {
    if (!cmark_isalnum((char)name[i])) return 0;
  }
  return 1;
}
static int hexValue(uint8_t c) {
  if (isDigit(c)) return c - '0';
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return (c | 0x20) - 'a' + 10;
  return -1;
}

// A numeric reference after the "&": "#" and 1 to 7 decimal digits, or "#x" and 1 to 6 hexadecimal
// digits, then ";". Code points that are zero, surrogates or beyond Unicode become U+FFFD.
static bufsize_t unescapeNumber(cmark_strbuf *ob, const uint8_t *src, bufsize_t size) {
  const int hex = src[1] == 'x' || src[1] == 'X';
  const bufsize_t first = hex ? 2 : 1;
  const bufsize_t maxDigits = hex ? 6 : 7;
  int32_t codepoint = 0;
  bufsize_t i = first;
  for (; i < size; ++i) {
    const int digit = hex ? hexValue(src[i]) : isDigit(src[i]) ? src[i] - '0' : -1;
    if (digit < 0) break;
    codepoint = codepoint * (hex ? 16 : 10) + digit;
    if (codepoint > 0x10FFFF) codepoint = 0x110000;  // keeps counting digits without overflowing
  }
  const bufsize_t digits = i - first;
  if (digits < 1 || digits > maxDigits || i >= size || src[i] != ';') return 0;
  if (codepoint == 0 || (codepoint >= 0xD800 && codepoint < 0xE000) || codepoint > 0x10FFFF) codepoint = 0xFFFD;
  cmark_utf8proc_encode_char(codepoint, ob);
  return i + 1;
}

bufsize_t houdini_unescape_ent(cmark_strbuf *ob, const uint8_t *src, bufsize_t size) {
  if (size >= 3 && src[0] == '#') {
    if (!isDigit(src[1]) && src[1] != 'x' && src[1] != 'X') return 0;
    return unescapeNumber(ob, src, size);
  }
  if (size > kReferenceMaxLength) size = kReferenceMaxLength;
  for (bufsize_t i = kNameMinLength; i < size; ++i) {
    if (src[i] == ' ') break;
    if (src[i] == ';') {
      size_t textLength = 0;
      const uint8_t *text = findEntity(&kCommonEntities, src, (size_t)i, &textLength);
      if (text == NULL && rareEntities != NULL) text = findEntity(rareEntities, src, (size_t)i, &textLength);
      if (text == NULL) {
        // Without the rare table, any other name of letters and digits may be one of them: the text is
        // left as it is and the caller told (the lite core then leaves the article to the full core).
        if (rareEntities == NULL && isAlphanumericName(src, (size_t)i)) cmark_rare_entity_named = 1;
        break;
      }
      cmark_strbuf_put(ob, text, (bufsize_t)textLength);
      return i + 1;
    }
  }
  return 0;
}

int houdini_unescape_html(cmark_strbuf *ob, const uint8_t *src, bufsize_t size) {
  if (size > 0 && memchr(src, '&', (size_t)size) == NULL) return 0;  // nothing to decode: the caller copies src
  bufsize_t i = 0;
  while (i < size) {
    bufsize_t next = i;
    while (next < size && src[next] != '&') ++next;
    if (next > i) cmark_strbuf_put(ob, src + i, next - i);
    if (next >= size) break;
    ++next;  // past the "&"
    const bufsize_t consumed = houdini_unescape_ent(ob, src + next, size - next);
    if (consumed == 0) cmark_strbuf_putc(ob, '&');
    i = next + consumed;
  }
  return 1;
}

void houdini_unescape_html_f(cmark_strbuf *ob, const uint8_t *src, bufsize_t size) {
  if (!houdini_unescape_html(ob, src, size)) cmark_strbuf_put(ob, src, size);
}
