// src/text/cmark_scanners.c (cmark's scanners written out) against cmark's own re2c automata, compiled
// into cmark_static under other names (cmake/cmark.cmake): random texts near the rules' edges (scheme
// and label lengths, hyphens, dots, tag names in any case, runs of fence and heading characters, the
// delimiters of comments, processing instructions and CDATA, what may follow, UTF-8 well and ill
// formed) must give the same answer.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "scanners.h"

extern "C" {
bufsize_t cmark_re2c_scan_autolink_uri(const unsigned char* p);
bufsize_t cmark_re2c_scan_autolink_email(const unsigned char* p);
bufsize_t cmark_re2c_scan_html_block_start(const unsigned char* p);
bufsize_t cmark_re2c_scan_html_block_end_1(const unsigned char* p);
bufsize_t cmark_re2c_scan_html_block_end_2(const unsigned char* p);
bufsize_t cmark_re2c_scan_html_block_end_3(const unsigned char* p);
bufsize_t cmark_re2c_scan_html_block_end_4(const unsigned char* p);
bufsize_t cmark_re2c_scan_html_block_end_5(const unsigned char* p);
bufsize_t cmark_re2c_scan_link_title(const unsigned char* p);
bufsize_t cmark_re2c_scan_html_tag(const unsigned char* p);
bufsize_t cmark_re2c_scan_html_block_start_7(const unsigned char* p);
bufsize_t cmark_re2c_scan_spacechars(const unsigned char* p);
bufsize_t cmark_re2c_scan_atx_heading_start(const unsigned char* p);
bufsize_t cmark_re2c_scan_setext_heading_line(const unsigned char* p);
bufsize_t cmark_re2c_scan_open_code_fence(const unsigned char* p);
bufsize_t cmark_re2c_scan_close_code_fence(const unsigned char* p);
bufsize_t cmark_re2c_scan_html_comment(const unsigned char* p);
bufsize_t cmark_re2c_scan_html_pi(const unsigned char* p);
bufsize_t cmark_re2c_scan_html_declaration(const unsigned char* p);
bufsize_t cmark_re2c_scan_html_cdata(const unsigned char* p);
}

namespace {

// The scanners read up to a NUL (cmark ends the text with one while it scans).
bufsize_t scan(bufsize_t (*scanner)(const unsigned char*), const std::string& text) {
  return scanner(reinterpret_cast<const unsigned char*>(text.c_str()));
}

// The hand-written scanner and cmark's re2c original give the same length on `text`.
#define REQUIRE_AGREES(scanner, text) REQUIRE(scan(_##scanner, text) == scan(cmark_re2c_##scanner, text))

// Pieces an autolink is made of, and what breaks one.
// clang-format off
const char* const kPieces[] = {"a", "Z", "q", "0", "9", ".", "+", "-", "_", ":", "@", ">", "<", " ",
                               "\t", "\x01", "\x7f", "\x80", "\xbf", "\xc3\xa9", "\xc3", "\xc1\xbf", "\xe2\x80\x94",
                               "\xe0\x9f\xbf", "\xe0\xa0\x80", "\xed\xa0\x80", "\xef\xbf\xbf", "\xf0\x9f\x98\x80",
                               "\xf0\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "!", "#", "~", "`", "/", "?",
                               "=", "%", "'", "\"", "\\", "[", "]", "|", "{", "}", "^", "&", "*", "$"};
// clang-format on

std::string run(std::mt19937& random, std::size_t length, const std::string& alphabet) {
  std::string out;
  for (std::size_t i = 0; i < length; ++i) out += alphabet[random() % alphabet.size()];
  return out;
}

// `prefix` and up to `most - 1` pieces drawn at random.
template <std::size_t N>
std::string randomText(std::mt19937& random, const char* const (&pieces)[N], std::size_t most,
                       std::string prefix = "") {
  const std::size_t count = random() % most;
  for (std::size_t j = 0; j < count; ++j) prefix += pieces[random() % N];
  return prefix;
}

}  // namespace

TEST_CASE("the autolink scanners agree with cmark's on random texts", "[text]") {
  std::mt19937 random(20261206);
  for (int i = 0; i < 200000; ++i) {
    const std::string text = randomText(random, kPieces, 24);
    INFO(text);
    REQUIRE_AGREES(scan_autolink_uri, text);
    REQUIRE_AGREES(scan_autolink_email, text);
  }
}

TEST_CASE("the autolink scanners agree with cmark's at the lengths its rules count", "[text]") {
  std::mt19937 random(7);
  const std::string schemeChars = "abcXYZ019.+-";
  const std::string labelChars = "abcXYZ0189-";
  for (int i = 0; i < 100000; ++i) {
    // A scheme of 1 to 34 characters (the rule takes 2 to 32), then what may follow it.
    std::string uri = run(random, 1 + random() % 34, schemeChars);
    uri += random() % 8 ? ":" : "";
    uri += run(random, random() % 6, "ab/:?#%\x80\xc3\xa9 <");
    uri += random() % 4 ? ">" : "";
    // A local part, then labels of 0 to 66 characters (the rule takes 1 to 63, no hyphen at an end).
    std::string email = run(random, random() % 3, "ab.+_-!~") + (random() % 8 ? "@" : "");
    for (std::size_t labels = 1 + random() % 3; labels > 0; --labels) {
      email += run(random, random() % 67, labelChars);
      if (labels > 1) email += random() % 6 ? "." : "..";
    }
    email += random() % 6 ? ">" : (random() % 2 ? "." : " >");
    INFO(uri);
    INFO(email);
    REQUIRE_AGREES(scan_autolink_uri, uri);
    REQUIRE_AGREES(scan_autolink_email, email);
    REQUIRE_AGREES(scan_autolink_uri, email);
    REQUIRE_AGREES(scan_autolink_email, uri);
  }
}

TEST_CASE("the autolink scanners find what CommonMark calls autolinks", "[text]") {
  CHECK(scan(_scan_autolink_uri, "https://example.org/a?b>rest") == 24);
  CHECK(scan(_scan_autolink_uri, "https://example.kz/\xd0\xb6>") == 22);  // Cyrillic is a character
  CHECK(scan(_scan_autolink_uri, "https://example.kz/\xd0>") == 0);       // a broken byte is none
  CHECK(scan(_scan_autolink_uri, "ab:\xed\x9f\xbf>") == 7);               // U+D7FF is a character,
  CHECK(scan(_scan_autolink_uri, "ab:\xed\xa0\x80>") == 0);               // a surrogate is none
  CHECK(scan(_scan_autolink_uri, "a:b>") == 0);                           // a scheme has two characters at least
  CHECK(scan(_scan_autolink_uri, "https://exa mple.org>") == 0);
  CHECK(scan(_scan_autolink_email, "press@example.kz>") == 17);
  CHECK(scan(_scan_autolink_email, "press@-example.kz>") == 0);
  CHECK(scan(_scan_autolink_email, ("a@" + std::string(63, 'b') + ">").c_str()) == 66);
  CHECK(scan(_scan_autolink_email, ("a@" + std::string(64, 'b') + ">").c_str()) == 0);
}

TEST_CASE("the HTML block scanners agree with cmark's on random texts", "[text]") {
  // Tag names of both lists in mixed case, their near misses, and what may follow them.
  // clang-format off
  const char* const pieces[] = {"<", "</", ">", "/>", "/", " ", "\t", "\v", "\n", "\r", "!", "?", "-", "--",
                                "[", "script", "SCRIPT", "ScRiPt", "scrip", "pre", "Pre", "textarea", "style",
                                "stylex", "div", "DIV", "col", "colgroup", "colg", "h1", "H6", "h7", "p", "P",
                                "param", "title", "tr", "track", "ul", "menuitem", "[CDATA[", "[cdata[",
                                "[CDATA", "A", "z", "DOCTYPE", "x", "0", "\xc3\xa9", "\x80", "\xe2\x80\x94",
                                "\xed\xa0\x80", "\xf0\x9f\x98\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "\xff",
                                "-->", "->", "?>", "]]>", "]]", "]"};
  // clang-format on
  std::mt19937 random(1206);
  for (int i = 0; i < 300000; ++i) {
    const std::string text = randomText(random, pieces, 10, random() % 4 ? "<" : "");
    INFO(text);
    REQUIRE_AGREES(scan_html_block_start, text);
    REQUIRE_AGREES(scan_html_block_end_1, text);
    REQUIRE_AGREES(scan_html_block_end_2, text);
    REQUIRE_AGREES(scan_html_block_end_3, text);
    REQUIRE_AGREES(scan_html_block_end_4, text);
    REQUIRE_AGREES(scan_html_block_end_5, text);
  }
}

TEST_CASE("the link title scanner agrees with cmark's on random texts", "[text]") {
  // Delimiters of all three kinds, backslashes before them and before what is not punctuation.
  // clang-format off
  const char* const pieces[] = {"\"", "'", "(", ")", "\\", "\\\"", "\\'", "\\(", "\\)", "\\\\", "\\a",
                                "a", " ", "\n", "!", "~", "\x01", "\xc3\xa9", "\x80", "\xe2\x80\x94",
                                "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff", "\\\xc3\xa9"};
  // clang-format on
  std::mt19937 random(2026);
  for (int i = 0; i < 300000; ++i) {
    const std::string text = randomText(random, pieces, 12);
    INFO(text);
    REQUIRE_AGREES(scan_link_title, text);
  }
}

TEST_CASE("the HTML block scanners find what CommonMark calls HTML blocks", "[text]") {
  CHECK(scan(_scan_html_block_start, "<script>") == 1);
  CHECK(scan(_scan_html_block_start, "<!-- note") == 2);
  CHECK(scan(_scan_html_block_start, "<![CDATA[x") == 5);
  CHECK(scan(_scan_html_block_start, "</DIV>") == 6);
  CHECK(scan(_scan_html_block_start, "<colgroup/>") == 6);
  CHECK(scan(_scan_html_block_start, "<span>") == 0);  // type 7, another scanner's
  CHECK(scan(_scan_html_block_end_1, "x</pre> y </Style>z") == 18);
  CHECK(scan(_scan_html_block_end_1, "x</pre>\n</style>") == 7);
  CHECK(scan(_scan_html_block_end_2, "a --> b -->c") == 11);
  CHECK(scan(_scan_html_block_end_5, "a ]]]>") == 6);
  CHECK(scan(_scan_link_title, "\"a \\\" b\" rest\"") == 8);  // an escaped quote is inside
  CHECK(scan(_scan_link_title, "\"a \\\" b") == 5);           // or, with no other, the end
  CHECK(scan(_scan_link_title, "(a (b))") == 0);
}

TEST_CASE("the HTML tag scanners agree with cmark's on random texts", "[text]") {
  // Tag and attribute names, white space of every kind, values quoted and not, and what breaks them.
  // clang-format off
  const char* const pieces[] = {"a", "span", "x-y", "h1", "/", "/>", ">", " ", "  ", "\t", "\n", "\r", "\v",
                                "\f", "=", " = ", "b", "_c", ":d", "e.f", "-g", "9", "\"v\"", "'v'", "\"",
                                "'", "\"a>b\"", "'a\nb'", "v", "v/", "`", "<", "\xc3\xa9", "\x80", "\xe2\x80\x94",
                                "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff", "\"\xc3\xa9\"", "'\xc3'", "\x01"};
  // clang-format on
  std::mt19937 random(7206);
  for (int i = 0; i < 400000; ++i) {
    const std::string text = randomText(random, pieces, 12, random() % 3 ? "a" : (random() % 2 ? "/a" : ""));
    INFO(text);
    REQUIRE_AGREES(scan_html_tag, text);
    const std::string line = "<" + text;
    REQUIRE_AGREES(scan_html_block_start_7, line);
  }
}

TEST_CASE("the HTML tag scanners find what CommonMark calls tags", "[text]") {
  CHECK(scan(_scan_html_tag, "a href=\"x>y\" title='z'>rest") == 23);
  CHECK(scan(_scan_html_tag, "a b=\x01>") == 6);  // control characters are value characters
  CHECK(scan(_scan_html_tag, "a b=c/>") == 7);
  CHECK(scan(_scan_html_tag, "a b=\"x\"c>") == 0);  // an attribute needs white space before it
  CHECK(scan(_scan_html_tag, "/a >") == 4);
  CHECK(scan(_scan_html_tag, "/a/>") == 0);
  CHECK(scan(_scan_html_block_start_7, "<span class=x>  \n") == 7);
  CHECK(scan(_scan_html_block_start_7, "<span> text\n") == 0);
}

TEST_CASE("the line start scanners agree with cmark's on random texts", "[text]") {
  // Runs of fence, heading and setext characters of every length near the rules' counts, then the
  // rest of a line: blanks, line ends, other white space, info strings with backticks and tildes.
  // clang-format off
  const char* const pieces[] = {" ", "  ", "\t", "\r", "\n", "\r\n", "\v", "\f", "`", "~", "#", "=", "-", "a",
                                "`a", "~a", "x y", "\\", "\x01", "\x7f", "\xc3\xa9", "\x80", "\xc3", "\xe2\x80\x94",
                                "\xe0\x9f\xbf", "\xed\xa0\x80", "\xef\xbf\xbf", "\xf0\x9f\x98\x80", "\xf4\x90\x80\x80",
                                "\xf5\x80\x80\x80", "\xff"};
  // clang-format on
  const std::string runCharacters = "`~#=- \t";
  std::mt19937 random(1210);
  for (int i = 0; i < 300000; ++i) {
    const char first = runCharacters[random() % runCharacters.size()];
    std::string text(random() % 10, first);
    if (random() % 4 == 0) text += std::string(random() % 4, runCharacters[random() % runCharacters.size()]);
    text = randomText(random, pieces, 8, text);
    INFO(text);
    REQUIRE_AGREES(scan_spacechars, text);
    REQUIRE_AGREES(scan_atx_heading_start, text);
    REQUIRE_AGREES(scan_setext_heading_line, text);
    REQUIRE_AGREES(scan_open_code_fence, text);
    REQUIRE_AGREES(scan_close_code_fence, text);
  }
}

TEST_CASE("the line start scanners find what CommonMark calls headings and fences", "[text]") {
  CHECK(scan(_scan_spacechars, " \t\v\f\r\nx") == 6);
  CHECK(scan(_scan_atx_heading_start, "### Title") == 4);
  CHECK(scan(_scan_atx_heading_start, "##\n") == 3);
  CHECK(scan(_scan_atx_heading_start, "####### Title") == 0);  // seven is no heading
  CHECK(scan(_scan_atx_heading_start, "#Title") == 0);
  CHECK(scan(_scan_setext_heading_line, "=== \n") == 1);
  CHECK(scan(_scan_setext_heading_line, "--\t\r") == 2);
  CHECK(scan(_scan_setext_heading_line, "-- -\n") == 0);
  CHECK(scan(_scan_open_code_fence, "````js\n") == 4);
  CHECK(scan(_scan_open_code_fence, "```js`\n") == 0);            // no backtick in a backtick fence's info
  CHECK(scan(_scan_open_code_fence, "~~~~ `~\n") == 4);           // but in a tilde fence's
  CHECK(scan(_scan_open_code_fence, "~~~ \xed\xa0\x80\n") == 0);  // a surrogate is no character
  CHECK(scan(_scan_open_code_fence, "```") == 0);                 // the line must end
  CHECK(scan(_scan_close_code_fence, "~~~~~  \n") == 5);
  CHECK(scan(_scan_close_code_fence, "``` x\n") == 0);
}

TEST_CASE("the inline HTML scanners agree with cmark's on random texts", "[text]") {
  // The delimiters of comments, processing instructions, declarations and CDATA sections, and near
  // misses of them, in every order.
  // clang-format off
  const char* const pieces[] = {"-", "--", "-->", "--->", "->", ">", "?", "?>", "??", "]", "]]", "]]>", "]]]>",
                                "[", "CDATA[", "cdata[", "CDATA", "A", "Z", "DOCTYPE", "a", " ", "\t", "\n", "\v",
                                "!", "<", "\x01", "\xc3\xa9", "\x80", "\xc3", "\xe2\x80\x94", "\xe0\x9f\xbf",
                                "\xed\xa0\x80", "\xf0\x9f\x98\x80", "\xf4\x90\x80\x80", "\xff"};
  const char* const prefixes[] = {"", "-", "--", "---", "CDATA[", "CDATA[]", "DOCTYPE ", "A", "?", ">"};
  // clang-format on
  std::mt19937 random(1211);
  for (int i = 0; i < 400000; ++i) {
    const std::string text = randomText(random, pieces, 10, prefixes[random() % 10]);
    INFO(text);
    REQUIRE_AGREES(scan_html_comment, text);
    REQUIRE_AGREES(scan_html_pi, text);
    REQUIRE_AGREES(scan_html_declaration, text);
    REQUIRE_AGREES(scan_html_cdata, text);
  }
}

TEST_CASE("the inline HTML scanners find what CommonMark calls comments, instructions and sections", "[text]") {
  CHECK(scan(_scan_html_comment, "- note -->x") == 10);  // after "<!-"
  CHECK(scan(_scan_html_comment, "--->") == 4);
  CHECK(scan(_scan_html_comment, "-->") == 0);
  CHECK(scan(_scan_html_comment, "- a -- b -->") == 0);  // no two dashes inside
  CHECK(scan(_scan_html_comment, "- a --->") == 0);
  CHECK(scan(_scan_html_pi, "php echo 1; ?>") == 12);  // after "<?", up to the "?>"
  CHECK(scan(_scan_html_pi, "a ?? b >") == 8);
  CHECK(scan(_scan_html_declaration, "DOCTYPE html>") == 12);  // after "<!", up to the ">"
  CHECK(scan(_scan_html_declaration, "doctype html>") == 0);
  CHECK(scan(_scan_html_cdata, "CDATA[a]b]]c]]>d") == 12);  // after "<![", up to the "]]>"
  CHECK(scan(_scan_html_cdata, "cdata[a]]>") == 7);         // in any case, as cmark's
  CHECK(scan(_scan_html_cdata, "CDATA a]]>") == 0);
}
