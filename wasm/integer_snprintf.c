// snprintf for the WebAssembly module without floating-point conversions. The module only formats
// integers through snprintf (nlohmann-json's "\u%04x" escapes and "<U+%.4X>" in its syntax errors), but
// the C library's snprintf links the whole floating-point printer: about 5 KB of WebAssembly. Defining
// snprintf here keeps the library's from being linked; this one formats with Emscripten's integer-only
// vsniprintf, and refuses (returns -1, writes an empty string) a format with a floating-point
// conversion, which vsniprintf cannot print.
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

// Emscripten's libc defines it (musl's vsnprintf.c) without declaring it in stdio.h.
int vsniprintf(char* restrict s, size_t n, const char* restrict format, va_list arguments);

static int isFloatingPointConversion(char c) {
  switch (c) {
    case 'a':
    case 'A':
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': return 1;
    default: return 0;
  }
}

// Whether `format` has a conversion vsniprintf cannot print (after "%", flags, width, precision and
// length modifiers come before the conversion letter).
static int hasFloatingPointConversion(const char* format) {
  for (const char* c = format; *c != '\0'; ++c) {
    if (*c != '%') continue;
    ++c;
    while (*c != '\0' && (*c == '-' || *c == '+' || *c == ' ' || *c == '#' || *c == '.' || *c == '*' || *c == '$' ||
                          (*c >= '0' && *c <= '9') || *c == 'h' || *c == 'l' || *c == 'j' || *c == 'z' || *c == 't' ||
                          *c == 'L' || *c == 'q')) {
      ++c;
    }
    if (*c == '\0') return 0;
    if (isFloatingPointConversion(*c)) return 1;
  }
  return 0;
}

int snprintf(char* restrict s, size_t n, const char* restrict format, ...) {
  if (hasFloatingPointConversion(format)) {
    if (n > 0) s[0] = '\0';
    return -1;
  }
  va_list arguments;
  va_start(arguments, format);
  const int written = vsniprintf(s, n, format, arguments);
  va_end(arguments);
  return written;
}
