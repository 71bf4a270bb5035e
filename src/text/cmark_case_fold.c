// cmark's Unicode case folding, which cmark uses to match link reference labels ("[Foo]" and "[FOO]"),
// from two small tables instead of cmark's 1,530-case switch: the switch compiles to about 70 KB of
// WebAssembly (12 KB gzip), the tables to under 4 KB.
//
// The tables are generated when CMake configures, from cmark's own case_fold_switch.inc (see
// cmake/cmark_case_fold.cmake, which also describes their layout), so the mapping is exactly cmark's;
// cmark's utf8.c is compiled with its switch version renamed out of the way, and the linker drops it.
#include <stddef.h>
#include <stdint.h>

#include "buffer.h"
#include "cmark_case_fold_table.h"
#include "utf8.h"

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

// Index of the last entry of `sorted` (ascending in its low 21 bits) not above `c`, or -1.
static ptrdiff_t lastNotAbove(const uint32_t *sorted, size_t count, uint32_t c, uint32_t mask) {
  size_t low = 0;
  size_t high = count;
  while (low < high) {
    const size_t middle = low + (high - low) / 2;
    if ((sorted[middle] & mask) <= c) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return (ptrdiff_t)low - 1;
}

static void fold(int32_t c, cmark_strbuf *dest) {
  const uint32_t code = (uint32_t)c;
  const ptrdiff_t sequence = lastNotAbove(kFoldSequenceFrom, COUNT(kFoldSequenceFrom), code, 0xffffffffu);
  if (sequence >= 0 && kFoldSequenceFrom[sequence] == code) {
    const uint32_t to = kFoldSequenceTo[sequence];
    for (uint32_t i = 0; i < (to >> 24); ++i) cmark_utf8proc_encode_char((int32_t)kFoldSequenceCodes[(to & 0xffffffu) + i], dest);
    return;
  }
  const ptrdiff_t run = lastNotAbove(kFoldRuns, COUNT(kFoldRuns), code, 0x1fffffu);
  if (run >= 0) {
    const uint32_t start = kFoldRuns[run] & 0x1fffffu;
    const uint32_t count = ((kFoldRuns[run] >> 21) & 0x7fu) + 1;
    const uint32_t stride = ((kFoldRuns[run] >> 28) & 0x1u) + 1;
    const uint32_t offset = code - start;
    if (offset % stride == 0 && offset / stride < count) {
      cmark_utf8proc_encode_char(c + kFoldRunDeltas[run], dest);
      return;
    }
  }
  cmark_utf8proc_encode_char(c, dest);
}

void cmark_utf8proc_case_fold(cmark_strbuf *dest, const uint8_t *str, bufsize_t len) {
  static const uint8_t replacement[] = {0xEF, 0xBF, 0xBD};  // U+FFFD, as cmark writes it
  while (len > 0) {
    int32_t c;
    bufsize_t char_len = cmark_utf8proc_iterate(str, len, &c);
    if (char_len >= 0) {
      fold(c, dest);
    } else {
      cmark_strbuf_put(dest, replacement, 3);
      char_len = -char_len;
    }
    str += char_len;
    len -= char_len;
  }
}
