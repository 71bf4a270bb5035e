/* Every scanner of cmark's that Broadsheet's module calls, written out by hand: the autolinks
 * (`<scheme:…>` and `<local@domain>`), the starts and ends of HTML blocks, inline HTML (tags, comments,
 * processing instructions, declarations, CDATA), link titles, white space, ATX and setext headings and
 * code fences. cmark's own are re2c automata in scanners.c that unroll counted repetitions (a scheme's
 * {1,31}, a domain label's {0,61}), word lists and UTF-8 into states: about 44 KB of WebAssembly code
 * for short rules. They are compiled there under other names (cmake/cmark.cmake), and
 * tests/core/cmark_scanners_test.cpp compares these with them on every input it generates: the same
 * language, the same lengths. (_scan_scheme, _scan_entity and _scan_dangerous_url stay re2c's: only
 * cmark's renderers call them, which the module does not link.)
 *
 * Each reads a text that cmark ends with a NUL (_scan_at). The autolink scanners start just after
 * the `<` and return the length of the autolink's rest, `>` included, or 0 when there is none. */
#include <string.h>

#include "scanners.h"

static int isAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static int isAsciiAlphanumeric(unsigned char c) { return isAsciiLetter(c) || (c >= '0' && c <= '9'); }

/* The length of the well-formed UTF-8 sequence of a character beyond ASCII at `p`, or 0: re2c reads
 * cmark's rules as UTF-8 (-8), so a class such as [^\x00-\x20<>] takes whole characters, shortest
 * forms only and no surrogates (Unicode's table 3-7). */
static int utf8SequenceLength(const unsigned char* p) {
  int length;
  unsigned char low = 0x80, high = 0xBF; /* the second byte's range */
  if (p[0] >= 0xC2 && p[0] <= 0xDF) {
    length = 2;
  } else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
    length = 3;
    if (p[0] == 0xE0) low = 0xA0;  /* below: overlong */
    if (p[0] == 0xED) high = 0x9F; /* above: surrogates */
  } else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
    length = 4;
    if (p[0] == 0xF0) low = 0x90;  /* below: overlong */
    if (p[0] == 0xF4) high = 0x8F; /* above: beyond U+10FFFF */
  } else {
    return 0;
  }
  for (int i = 1; i < length; ++i, low = 0x80, high = 0xBF) {
    if (p[i] < low || p[i] > high) return 0;
  }
  return length;
}

/* scheme [:][^\x00-\x20<>]*[>], where scheme = [A-Za-z][A-Za-z0-9.+-]{1,31} */
bufsize_t _scan_autolink_uri(const unsigned char* p) {
  const unsigned char* q = p;
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
  return isAsciiAlphanumeric(c) || (c != 0 && strchr(".!#$%&'*+/=?^_`{|}~-", c) != NULL);
}

/* [a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+ [@] label ([.] label)* [>], where a label is
 * [a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?: 1 to 63 letters, digits and hyphens, neither at an
 * end. Nothing the rule reads after the `@` can be a `>`, so the domain runs to the first byte that
 * is not a letter, digit, hyphen or dot, and that byte must be the `>`. */
bufsize_t _scan_autolink_email(const unsigned char* p) {
  const unsigned char* q = p;
  while (isEmailLocal(*q)) ++q;
  if (q == p || *q != '@') return 0;
  ++q;
  for (;;) {
    const unsigned char* label = q;
    while (isAsciiAlphanumeric(*q) || *q == '-') ++q;
    if (q == label || q - label > 63 || *label == '-' || q[-1] == '-') return 0;
    if (*q != '.') break;
    ++q;
  }
  return *q == '>' ? (bufsize_t)(q + 1 - p) : 0;
}

/* Whether `p` starts with `word` (lowercase ASCII) in any case, as re2c's '…' strings match. */
static bufsize_t prefixIgnoringCase(const unsigned char* p, const char* word) {
  bufsize_t n = 0;
  for (; word[n]; ++n) {
    const unsigned char c = p[n];
    if (c != (unsigned char)word[n] && !(isAsciiLetter(c) && (c | 0x20) == (unsigned char)word[n])) return 0;
  }
  return n;
}

/* [ \t\v\f\r\n]: a space, or \t to \r (9 to 13). */
static int isSpaceChar(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* The tags of HTML blocks of type 1, whose contents are raw text. */
static const char* const kRawTextTags[] = {"script", "pre", "textarea", "style"};

/* CommonMark's HTML block starts 1 to 6 (7 is _scan_html_block_start_7): the block's type, or 0.
 *   [<] ('script'|'pre'|'textarea'|'style') (spacechar | [>]) -> 1, '<!--' -> 2, '<?' -> 3,
 *   '<!' [A-Z] -> 4, '<![CDATA[' -> 5, [<] [/]? blocktagname (spacechar | [/]? [>]) -> 6
 * No text starts two of these rules, so which one matches is the answer. */
bufsize_t _scan_html_block_start(const unsigned char* p) {
  static const char* const kBlockTags[] = {
      "address",  "article",    "aside",  "base",    "basefont", "blockquote", "body",     "caption",  "center",
      "col",      "colgroup",   "dd",     "details", "dialog",   "dir",        "div",      "dl",       "dt",
      "fieldset", "figcaption", "figure", "footer",  "form",     "frame",      "frameset", "h1",       "h2",
      "h3",       "h4",         "h5",     "h6",      "head",     "header",     "hr",       "html",     "iframe",
      "legend",   "li",         "link",   "main",    "menu",     "menuitem",   "nav",      "noframes", "ol",
      "optgroup", "option",     "p",      "param",   "section",  "source",     "title",    "summary",  "table",
      "tbody",    "td",         "tfoot",  "th",      "thead",    "tr",         "track",    "ul"};
  const unsigned char* q = p + 1;
  if (p[0] != '<') return 0;
  for (size_t i = 0; i < sizeof kRawTextTags / sizeof *kRawTextTags; ++i) {
    const bufsize_t n = prefixIgnoringCase(q, kRawTextTags[i]);
    if (n && (isSpaceChar(q[n]) || q[n] == '>')) return 1;
  }
  if (q[0] == '!' && q[1] == '-' && q[2] == '-') return 2;
  if (q[0] == '?') return 3;
  if (q[0] == '!' && q[1] >= 'A' && q[1] <= 'Z') return 4;
  if (prefixIgnoringCase(q, "![cdata[")) return 5;
  if (*q == '/') ++q;
  for (size_t i = 0; i < sizeof kBlockTags / sizeof *kBlockTags; ++i) {
    const bufsize_t n = prefixIgnoringCase(q, kBlockTags[i]);
    if (n && (isSpaceChar(q[n]) || q[n] == '>' || (q[n] == '/' && q[n + 1] == '>'))) return 6;
  }
  return 0;
}

/* [^\n\x00]* followed by what `endAt` finds (its length at a place, or 0): the line up to the last
 * place it finds, provided every character before that is whole UTF-8 (re2c's -8 reading); 0 when
 * there is none. What it finds is ASCII, so it is whole too. */
static bufsize_t lineUpToLast(const unsigned char* p, bufsize_t (*endAt)(const unsigned char*)) {
  bufsize_t matched = 0;
  const unsigned char* q = p;
  while (*q != '\n' && *q != 0) {
    const bufsize_t end = endAt(q);
    if (end) matched = (bufsize_t)(q + end - p);
    if (*q < 0x80) {
      ++q;
    } else {
      const int length = utf8SequenceLength(q);
      if (length == 0) break;
      q += length;
    }
  }
  return matched;
}

/* [<] [/] ('script'|'pre'|'textarea'|'style') [>] */
static bufsize_t rawTextEndTagAt(const unsigned char* q) {
  if (q[0] != '<' || q[1] != '/') return 0;
  for (size_t i = 0; i < sizeof kRawTextTags / sizeof *kRawTextTags; ++i) {
    const bufsize_t n = prefixIgnoringCase(q + 2, kRawTextTags[i]);
    if (n && q[2 + n] == '>') return 3 + n;
  }
  return 0;
}
static bufsize_t commentEndAt(const unsigned char* q) { return q[0] == '-' && q[1] == '-' && q[2] == '>' ? 3 : 0; }
static bufsize_t instructionEndAt(const unsigned char* q) { return q[0] == '?' && q[1] == '>' ? 2 : 0; }
static bufsize_t declarationEndAt(const unsigned char* q) { return q[0] == '>' ? 1 : 0; }
static bufsize_t cdataEndAt(const unsigned char* q) { return q[0] == ']' && q[1] == ']' && q[2] == '>' ? 3 : 0; }

/* The ends of HTML blocks of types 1 to 5: the line up to the last end tag of a raw text block,
 * `-->`, `?>`, `>` or `]]>`. */
bufsize_t _scan_html_block_end_1(const unsigned char* p) { return lineUpToLast(p, rawTextEndTagAt); }
bufsize_t _scan_html_block_end_2(const unsigned char* p) { return lineUpToLast(p, commentEndAt); }
bufsize_t _scan_html_block_end_3(const unsigned char* p) { return lineUpToLast(p, instructionEndAt); }
bufsize_t _scan_html_block_end_4(const unsigned char* p) { return lineUpToLast(p, declarationEndAt); }
bufsize_t _scan_html_block_end_5(const unsigned char* p) { return lineUpToLast(p, cdataEndAt); }

static int isAsciiPunctuation(unsigned char c) {
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
}

/* [open] (escaped_char | [^close open? \x00])* [close], escaped_char being a backslash and ASCII
 * punctuation, read as re2c does: every way through the rule at once (a backslash is a character of
 * its own and may also start an escape), and the longest text any of them accepts. */
static bufsize_t delimitedTitle(const unsigned char* p, unsigned char open, unsigned char close) {
  bufsize_t matched = 0;
  int inside = 1, afterBackslash = 0; /* the states some way through may be in */
  const unsigned char* q = p + 1;
  if (*p != open) return 0;
  while (inside || afterBackslash) {
    const unsigned char c = *q;
    int length = 1, nextInside = afterBackslash && isAsciiPunctuation(c), nextAfterBackslash = 0;
    if (inside) {
      if (c == close) {
        matched = (bufsize_t)(q + 1 - p);
      } else if (c >= 0x80) {
        length = utf8SequenceLength(q);
        nextInside = length != 0;
      } else if (c != 0 && c != open) {
        nextInside = 1;
        nextAfterBackslash = c == '\\';
      }
    }
    inside = nextInside;
    afterBackslash = nextAfterBackslash;
    q += length ? length : 1;
  }
  return matched;
}

/* A link title in double quotes, single quotes or parentheses (one rule each:
 * ["] (escaped_char|[^"\x00])* ["], the same with ['], and [(] (escaped_char|[^()\x00])* [)]). */
bufsize_t _scan_link_title(const unsigned char* p) {
  if (*p == '"') return delimitedTitle(p, '"', '"');
  if (*p == '\'') return delimitedTitle(p, '\'', '\'');
  return delimitedTitle(p, '(', ')');
}

/* A character of a class [^…] of ASCII bytes that `allowed` accepts, read as re2c's -8 reads it: an
 * allowed ASCII byte (1), a whole character beyond ASCII (its length), or none (0). */
static int classCharacter(const unsigned char* q, int (*allowed)(unsigned char)) {
  return *q < 0x80 ? allowed(*q) : utf8SequenceLength(q);
}
static int inUnquotedValue(unsigned char c) {
  return c != 0 && !isSpaceChar(c) && c != '"' && c != '\'' && c != '=' && c != '<' && c != '>' && c != '`';
}
static int inSingleQuotedValue(unsigned char c) { return c != 0 && c != '\''; }
static int inDoubleQuotedValue(unsigned char c) { return c != 0 && c != '"'; }

/* attributevalue = [^ \t\r\n\v\f"'=<>`\x00]+ | ['][^'\x00]*['] | ["][^"\x00]*["]: its length or 0. An
 * unquoted value is taken whole: what may follow it (space, `/>`, `>`) is never a shorter one's end
 * alone, since `/` is a character of the value and `>` follows either way. */
static bufsize_t attributeValue(const unsigned char* p) {
  const unsigned char* q = p;
  int length;
  if (*q == '\'' || *q == '"') {
    const unsigned char quote = *q++;
    while ((length = classCharacter(q, quote == '"' ? inDoubleQuotedValue : inSingleQuotedValue)) != 0) q += length;
    return *q == quote ? (bufsize_t)(q + 1 - p) : 0;
  }
  while ((length = classCharacter(q, inUnquotedValue)) != 0) q += length;
  return (bufsize_t)(q - p);
}

static int isAttributeNameStart(unsigned char c) { return isAsciiLetter(c) || c == '_' || c == ':'; }
static int isAttributeNameCharacter(unsigned char c) {
  return isAsciiAlphanumeric(c) || c == ':' || c == '.' || c == '_' || c == '-';
}

/* opentag | closetag after the `<`: tagname (spacechar+ attributename (spacechar* [=] spacechar*
 * attributevalue)?)* spacechar* [/]? [>], or [/] tagname spacechar* [>]. Its length or 0. Each step
 * has one reading: an attribute needs the white space before it, `=` can only start a value. */
static bufsize_t tagAfterBracket(const unsigned char* p) {
  const unsigned char* q = p;
  const int closing = *q == '/';
  if (closing) ++q;
  if (!isAsciiLetter(*q)) return 0;
  while (isAsciiAlphanumeric(*q) || *q == '-') ++q;
  if (closing) {
    while (isSpaceChar(*q)) ++q;
    return *q == '>' ? (bufsize_t)(q + 1 - p) : 0;
  }
  for (;;) {
    const unsigned char *spaces = q, *afterName;
    bufsize_t value;
    while (isSpaceChar(*q)) ++q;
    if (q == spaces || !isAttributeNameStart(*q)) break;
    while (isAttributeNameCharacter(*q)) ++q;
    afterName = q;
    while (isSpaceChar(*q)) ++q;
    if (*q != '=') {
      q = afterName;
      continue;
    }
    ++q;
    while (isSpaceChar(*q)) ++q;
    if ((value = attributeValue(q)) == 0) return 0;
    q += value;
  }
  if (*q == '/') ++q;
  return *q == '>' ? (bufsize_t)(q + 1 - p) : 0;
}

/* An inline HTML tag after its `<` (htmltag = opentag | closetag): its length or 0. */
bufsize_t _scan_html_tag(const unsigned char* p) { return tagAfterBracket(p); }

/* An HTML block of type 7: [<] (opentag | closetag) [\t\n\f ]* [\r\n] -> 7, or 0. */
bufsize_t _scan_html_block_start_7(const unsigned char* p) {
  const unsigned char* q;
  bufsize_t tag;
  if (*p != '<' || (tag = tagAfterBracket(p + 1)) == 0) return 0;
  q = p + 1 + tag;
  while (*q == '\t' || *q == '\f' || *q == ' ') ++q;
  return *q == '\r' || *q == '\n' ? 7 : 0;
}

/* [ \t\v\f\r\n]+: its length, or 0. */
bufsize_t _scan_spacechars(const unsigned char* p) {
  const unsigned char* q = p;
  while (isSpaceChar(*q)) ++q;
  return (bufsize_t)(q - p);
}

static int endsLineAfterBlanks(const unsigned char* q) {
  while (*q == ' ' || *q == '\t') ++q;
  return *q == '\r' || *q == '\n';
}

/* [#]{1,6} ([ \t]+ | [\r\n]): its length, or 0. A seventh `#` is none of what may follow. */
bufsize_t _scan_atx_heading_start(const unsigned char* p) {
  const unsigned char* q = p;
  while (*q == '#') ++q;
  if (q == p || q - p > 6) return 0;
  if (*q == '\r' || *q == '\n') return (bufsize_t)(q + 1 - p);
  if (*q != ' ' && *q != '\t') return 0;
  while (*q == ' ' || *q == '\t') ++q;
  return (bufsize_t)(q - p);
}

/* [=]+ [ \t]* [\r\n] -> 1, [-]+ [ \t]* [\r\n] -> 2, or 0. */
bufsize_t _scan_setext_heading_line(const unsigned char* p) {
  const unsigned char* q = p;
  if (*p != '=' && *p != '-') return 0;
  while (*q == *p) ++q;
  return endsLineAfterBlanks(q) ? (*p == '=' ? 1 : 2) : 0;
}

/* A run of three or more backticks or tildes at `p`: its length, or 0. What may follow it in the
 * fence rules never starts with the run's character, so a run is taken whole. */
static bufsize_t fenceLength(const unsigned char* p) {
  const unsigned char* q = p;
  if (*p != '`' && *p != '~') return 0;
  while (*q == *p) ++q;
  return q - p >= 3 ? (bufsize_t)(q - p) : 0;
}

/* [`]{3,} / [^`\r\n\x00]* [\r\n] or [~]{3,} / [^\r\n\x00]* [\r\n]: the run's length (the rest of the
 * line is only looked at), or 0. */
bufsize_t _scan_open_code_fence(const unsigned char* p) {
  const bufsize_t run = fenceLength(p);
  const unsigned char* q = p + run;
  int length;
  if (run == 0) return 0;
  for (;;) {
    if (*q == '\r' || *q == '\n') return run;
    if (*q == 0 || (*q == '`' && *p == '`')) return 0;
    if (*q < 0x80) {
      ++q;
    } else if ((length = utf8SequenceLength(q)) != 0) {
      q += length;
    } else {
      return 0;
    }
  }
}

/* [`]{3,} / [ \t]* [\r\n] or [~]{3,} / [ \t]* [\r\n]: the run's length, or 0. */
bufsize_t _scan_close_code_fence(const unsigned char* p) {
  const bufsize_t run = fenceLength(p);
  return run && endsLineAfterBlanks(p + run) ? run : 0;
}

static int isNotNul(unsigned char c) { return c != 0; }
static int notNulDashOrGreater(unsigned char c) { return c != 0 && c != '-' && c != '>'; }
static int notNulOrGreater(unsigned char c) { return c != 0 && c != '>'; }

/* An HTML comment after its `<!-`: "--->" | "-" ([-]? [^\x00>-]) ([-]? [^\x00-])* "-->": its length, or
 * 0. Nothing before the end has two dashes in a row, so the first two end it or nothing. */
bufsize_t _scan_html_comment(const unsigned char* p) {
  const unsigned char* q = p + 1;
  int length;
  if (p[0] == '-' && p[1] == '-' && p[2] == '-' && p[3] == '>') return 4;
  if (*p != '-') return 0;
  if (*q == '-') ++q;
  if ((length = classCharacter(q, notNulDashOrGreater)) == 0) return 0;
  for (q += length;; q += length) {
    if (q[0] == '-' && q[1] == '-') return q[2] == '>' ? (bufsize_t)(q + 3 - p) : 0;
    if (*q == '-') ++q; /* and what follows it is no dash */
    if ((length = classCharacter(q, isNotNul)) == 0) return 0;
  }
}

/* A processing instruction after its `<?`: ([^?>\x00]+ | [?][^>\x00] | [>])+, the longest: its length
 * (0 when there is none; cmark then looks for the `?>`). */
bufsize_t _scan_html_pi(const unsigned char* p) {
  const unsigned char* q = p;
  bufsize_t matched = 0;
  int length;
  for (;;) {
    if (*q == '?' && *++q == '>') break;
    if ((length = classCharacter(q, isNotNul)) == 0) break;
    q += length;
    matched = (bufsize_t)(q - p);
  }
  return matched;
}

/* A declaration after its `<!`: [A-Z]+ spacechar+ [^>\x00]*: its length, or 0. */
bufsize_t _scan_html_declaration(const unsigned char* p) {
  const unsigned char* q = p;
  int length;
  while (*q >= 'A' && *q <= 'Z') ++q;
  if (q == p || !isSpaceChar(*q)) return 0;
  while ((length = classCharacter(q, notNulOrGreater)) != 0) q += length;
  return (bufsize_t)(q - p);
}

/* A CDATA section after its `<![`: "CDATA[" ([^\]\x00]+ | "]" [^\]\x00] | "]]" [^>\x00])*, the
 * longest: its length up to the `]]>`, or 0. "CDATA[" in any case: cmark runs re2c with
 * --case-insensitive. */
bufsize_t _scan_html_cdata(const unsigned char* p) {
  const unsigned char* q = p + 6;
  bufsize_t matched = 6;
  int length;
  if (!prefixIgnoringCase(p, "cdata[")) return 0;
  for (;;) {
    if (*q == ']' && *++q == ']' && *++q == '>') break;
    if ((length = classCharacter(q, isNotNul)) == 0) break;
    q += length;
    matched = (bufsize_t)(q - p);
  }
  return matched;
}
