// The text stage's plain-prose path: an inline text isPlainProse() accepts is not given to cmark, so
// its tree must be the one cmark would have made. Checked against cmark itself on generated texts.
#include <catch2/catch.hpp>

#include <cmark.h>

#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "text/markdown.hpp"

using broadsheet::text::factsOf;
using broadsheet::text::Flavor;
using broadsheet::text::isPlainProse;
using broadsheet::text::Markdown;

namespace {

// Every node's type and literal in document order: equal dumps are equal trees.
std::string dump(cmark_node* root) {
  std::string out;
  cmark_iter* iter = cmark_iter_new(root);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    out += event == CMARK_EVENT_ENTER ? '(' : ')';
    out += cmark_node_get_type_string(node);
    if (const char* literal = cmark_node_get_literal(node)) out.append(":").append(literal);
  }
  cmark_iter_free(iter);
  return out;
}

struct Parsed {
  std::string tree;
  bool singleText = false;  // one paragraph holding one text node
  std::string literal;      // that node's
};

Parsed parsedByCmark(std::string_view source) {
  cmark_node* document = cmark_parse_document(source.data(), source.size(), CMARK_OPT_SMART);
  Parsed parsed{dump(document)};
  cmark_node* paragraph = cmark_node_first_child(document);
  cmark_node* text = paragraph ? cmark_node_first_child(paragraph) : nullptr;
  parsed.singleText = paragraph && !cmark_node_next(paragraph) &&
                      cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH && text && !cmark_node_next(text) &&
                      cmark_node_get_type(text) == CMARK_NODE_TEXT;
  if (parsed.singleText) parsed.literal = cmark_node_get_literal(text);
  cmark_node_free(document);
  return parsed;
}

// Texts of prose with, now and then, what cmark acts on: every inline delimiter, smart punctuation
// alone and in runs, block markers, list numbers, spaces at either end, controls, a byte order mark;
// and often quote marks, next to all kinds of neighbours (letters, digits, ASCII and Unicode spaces and
// punctuation, brackets, multi-byte letters, the text's ends), so that their pairing is exercised; and
// often runs of 1 to 7 periods or hyphens, alone and beside quote marks, spaces and Cyrillic, which
// meet each other and the text's ends too.
std::string generatedText(std::mt19937& random) {
  static const std::vector<std::string> kProse = {
      "news", "Reliance", "NATO",   "it's", "Russia's", "students'", "'90s",  "Алматы", "Қазақстан", "ёлка", "2024",
      "3",    " ",        " ",      " ",    ",",        ";",         ":",     "!",      "?",         ".",    "-",
      "(",    ")",        "»",      "«",    "\u2014",   "\u00A0",    "é",     "/",      "%",         "$",    "@",
      "{",    "}",        "|",      "^",    "=",        "+",         "#",     ">",      "~",         "\"",   "\"",
      "\"",   "\"",       "'",      "'",    "'",        "\"(",       ")\"",   "[\"",    "\"]",       "(\"",  "\")",
      "'(",   "]'",       "\u2003", "¡",    "\u201C",   "\u00AD",    "said:", "Ж",      "ß"};
  static const std::vector<std::string> kSyntax = {
      "\\",           "`",   "&",    "&amp;", "_",  "*",      "[",     "]",     "<",    "\"", "'",
      "..",           "...", "--",   "\t",    "\n", "\r",     "\v",    "\f",    "\x01", "1.", "2)",
      "\xEF\xBB\xBF", "![",  "[^1]", "](",    "][", "[x](y)", "[sic]", "[a]: ", "]:",   "  ", "**"};
  static const std::vector<std::string> kRuns = [] {
    std::vector<std::string> runs;
    for (const char* around : {"", "\"", "'", " ", "Ж", "x"}) {
      for (std::size_t length = 1; length <= 7; ++length) {
        for (const char mark : {'.', '-'}) {
          runs.push_back(std::string(length, mark) + around);
          if (*around != '\0') runs.push_back(around + std::string(length, mark));
        }
      }
    }
    return runs;
  }();
  std::uniform_int_distribution<int> pieces(1, 14);
  std::uniform_int_distribution<int> percent(0, 99);
  std::string text;
  for (int n = pieces(random); n > 0; --n) {
    const int kind = percent(random);
    const auto& from = kind < 8 ? kSyntax : kind < 25 ? kRuns : kProse;
    text += from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
  }
  return text;
}

}  // namespace

TEST_CASE("plain prose is the tree cmark would make", "[text]") {
  std::mt19937 random(20261206);
  std::size_t plain = 0, total = 0, quoted = 0, plainQuoted = 0, runs = 0, plainRuns = 0;
  for (int i = 0; i < 200000; ++i) {
    const std::string source = generatedText(random);
    const auto facts = factsOf(source);
    if (facts.blank) continue;
    ++total;
    const bool hasQuotes = source.find_first_of("\"'") != std::string::npos;
    quoted += hasQuotes;
    const bool hasRuns = source.find("..") != std::string::npos || source.find("--") != std::string::npos;
    runs += hasRuns;
    const Parsed byCmark = parsedByCmark(source);
    std::string literal;
    if (!isPlainProse(source, facts, literal)) continue;
    ++plain;
    plainQuoted += hasQuotes;
    plainRuns += hasRuns;
    INFO(source);
    REQUIRE(byCmark.singleText);
    REQUIRE(literal == byCmark.literal);
    const Markdown markdown(source, Flavor::Inline);
    REQUIRE(dump(markdown.document()) == byCmark.tree);
  }
  // The generator must exercise both sides of the decision, texts with quote marks and with runs of
  // periods or hyphens too.
  UNSCOPED_INFO("plain " << plain << " of " << total << ", quoted " << plainQuoted << " of " << quoted
                         << ", with runs " << plainRuns << " of " << runs);
  CHECK(plain > total / 4);
  CHECK(plain < total * 3 / 4);
  CHECK(plainQuoted > quoted / 5);
  CHECK(plainQuoted < quoted * 3 / 4);
  CHECK(plainRuns > runs / 6);
  CHECK(plainRuns < runs * 3 / 4);
}

bool isPlain(std::string_view source) {
  std::string literal;
  return isPlainProse(source, factsOf(source), literal);
}

TEST_CASE("plain prose: what is not plain", "[text]") {
  for (const char* source :
       {"1. first", "2) second", "2024.", "# title", "> quote", "- item", " lead", "trail ", "a\tb", "a\nb",
        "\xEF\xBB\xBFword", "*x*", "a_b", "`c`", "&amp;", "<b>", "[a]: /url", "x [a]:", "a [b](c)", "back\\slash",
        "\"a\" [b](c)",
        // quote marks whose outcome depends on pairing, or on a neighbour that is not ASCII
        "'quoted'", "the '90s", "it 's", "(\"(x", "a \u00AB\"b\"\u00BB", "caf\u00E9\" x", "x \"\u0416"}) {
    INFO(source);
    CHECK_FALSE(isPlain(source));
  }
  for (const char* source : {"Plain words, no links.",
                             "It's Russia's 1990's",
                             "rock'n'roll",
                             "students' union",
                             "it' s",
                             "2024 was a year.",
                             "1.5 million",
                             "2024... a year",
                             "1 in 3",
                             "a - b. c.. d!",
                             "«Это провал»",
                             "Wait!",
                             "(aside)",
                             "x]",
                             "He said [Kazakhstan] would",
                             "note[^1] here",
                             "[link]",
                             "[Kazakhstan] has two choices: either",
                             "a [b][c]",
                             "a [b][]",
                             "x = y + z",
                             "\"quoted\"",
                             "\"No,\" he said.",
                             "[sic]'s",
                             "the (UK)'s",
                             "wait...",
                             "a -- b"}) {
    INFO(source);
    CHECK(isPlain(source));
  }
}

namespace {

// The text isPlainProse builds for `source`, which it must accept.
std::string literal(const char* source) {
  std::string text;
  REQUIRE(isPlainProse(source, factsOf(source), text));
  return text;
}

}  // namespace

// Quote marks as smart punctuation shows them, each shape checked against cmark by the test above too.
TEST_CASE("plain prose: quote marks", "[text]") {
  CHECK(literal("\"We will not wait,\" he said.") == "\u201CWe will not wait,\u201D he said.");
  CHECK(literal("He called it \"working\".") == "He called it \u201Cworking\u201D.");
  CHECK(literal("(\"a\")") == "(\u201Ca\u201D)");
  CHECK(literal("a \" b") == "a \u201C b");          // neither opens nor closes: its first text
  CHECK(literal("\"unclosed") == "\u201Cunclosed");  // an opener left open
  CHECK(literal("a\"b\"c") == "a\u201Db\u201Dc");    // between letters: closes only
  CHECK(literal("students' \"union\"") == "students\u2019 \u201Cunion\u201D");
}

// Runs of periods and hyphens as smart punctuation shows them, each shape checked against cmark by the
// test above too.
TEST_CASE("plain prose: ellipses and dashes", "[text]") {
  CHECK(literal("wait...") == "wait\u2026");
  CHECK(literal("a -- b") == "a \u2013 b");
  CHECK(literal("a --- b") == "a \u2014 b");
  CHECK(literal("a ---- b") == "a \u2013\u2013 b");
  CHECK(literal("a ----- b") == "a \u2014\u2013 b");
  CHECK(literal("a ------- b") == "a \u2014\u2013\u2013 b");
  CHECK(literal("x....") == "x\u2026.");
  CHECK(literal("x.....") == "x\u2026..");
  CHECK(literal("1..2") == "1..2");
  CHECK(literal("a-b") == "a-b");
  CHECK(literal("\"No...\" -- he said") == "\u201CNo\u2026\u201D \u2013 he said");
}
