// The full text of the format stage's messages, pinned (as nlohmann-json pins its exception texts):
// every kind of JSON syntax error, and every did-you-mean. A change of wording shows here first.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "format/closest_name.hpp"
#include "test_support.hpp"

using namespace broadsheet;
using broadsheet::test::documentWith;
using broadsheet::test::findDiagnostic;

namespace {

struct SyntaxCase {
  const char* text;
  int line;
  int column;
  const char* message;
};

const std::vector<SyntaxCase> kSyntaxCases = {
    // Structure: what was expected where.
    {R"({"headline": "H", "body": "x",})", 1, 30, "A trailing comma before `}`: remove it."},
    {R"({"tags": ["a", "b",]})", 1, 19, "A trailing comma before `]`: remove it."},
    {"{\n  \"headline\": \"H\"\n  \"body\": \"x\"\n}", 3, 3,
     "Expected `,` or `}` after the value of `headline`: is a comma missing?"},
    {R"({"tags": ["a" "b"]})", 1, 15, "Expected `,` or `]` after an item of `tags`: is a comma missing?"},
    {R"({"headline": "H"])", 1, 17, "Expected `,` or `}` after the value of `headline`, found `]`."},
    {R"({"tags": ["a"}})", 1, 14, "Expected `,` or `]` after an item of `tags`, found `}`."},
    {R"({"headline": "H",, "body": "x"})", 1, 18, "Two commas in a row: remove one."},
    {R"({"tags": ["a",, "b"]})", 1, 15, "Two commas in a row: remove one."},
    {R"({"headline" "H"})", 1, 13, "Expected `:` after the member name `headline`, found a string."},
    {R"({"headline": })", 1, 14, "Expected the value of `headline`, found `}`."},
    {R"({"tags": [,]})", 1, 11, "Expected an item of `tags`, found `,`."},
    {R"({headline: "H"})", 1, 2, "The member name `headline` needs double quotes: write `\"headline\"`."},
    {R"({'headline': "H"})", 1, 2, "Member names are written in double quotes (\"), not single quotes."},
    {R"({"headline": 'H'})", 1, 14, "Strings are written in double quotes (\"), not single quotes."},
    {R"({1: "H"})", 1, 2, "Expected a member name in double quotes, found the number `1`."},
    {R"({"a": 1} {"b": 2})", 1, 10,
     "More text after the end of the document (`{`): a document holds one JSON value."},
    {"// note\n{}", 1, 1, "JSON has no comments: remove it."},
    {R"({"a": 1 /* note */})", 1, 9, "JSON has no comments: remove it."},
    // The end of the text.
    {"", 1, 1, "The text holds no JSON: an article is a JSON object, `{ … }`."},
    {"  \n ", 1, 1, "The text holds no JSON: an article is a JSON object, `{ … }`."},
    {"{", 1, 2, "The text ends too early: expected a member name in double quotes, or `}`."},
    {"{\"headline\": \"H\",\n", 2, 1, "The text ends too early: expected a member name in double quotes."},
    {R"({"headline")", 1, 12, "The text ends too early: expected `:` after the member name `headline`."},
    {R"({"headline":)", 1, 13, "The text ends too early: expected the value of `headline`."},
    {R"({"headline": "H")", 1, 17, "The text ends too early: expected `,` or `}` after the value of `headline`."},
    {R"({"tags": ["a")", 1, 14, "The text ends too early: expected `,` or `]` after an item of `tags`."},
    {R"({"tags": [)", 1, 11, "The text ends too early: expected an item or `]`."},
    // Words: typos of true, false and null, and what JSON does not have.
    {R"({"ordered": tru})", 1, 13, "`tru` is not a JSON value: did you mean `true`?"},
    {R"({"ordered": flase})", 1, 13, "`flase` is not a JSON value: did you mean `false`?"},
    {R"({"ordered": True})", 1, 13, "`True` is not a JSON value: did you mean `true`?"},
    {R"({"note": nul})", 1, 10, "`nul` is not a JSON value: did you mean `null`?"},
    {R"({"note": hello})", 1, 10, "`hello` is not a JSON value: is it a string without its double quotes?"},
    {R"({"x": NaN})", 1, 7, "`NaN` is not a JSON value: JSON has no NaN or Infinity; write a number or `null`."},
    {R"({"x": -Infinity})", 1, 7,
     "`-Infinity` is not a JSON value: JSON has no NaN or Infinity; write a number or `null`."},
    {R"({"x": @})", 1, 7, "Expected the value of `x`, found `@`."},
    {"{\"x\": \xC2\xA0}", 1, 7, "Expected the value of `x`, found the character U+00A0."},
    {"{\"x\": \xFF}", 1, 7, "Expected the value of `x`, found bytes that are not UTF-8."},
    // Numbers.
    {R"({"width": 0800})", 1, 11, "`0800`: a number does not start with 0; write `800`."},
    {R"({"width": -})", 1, 11, "`-` must be followed by a digit."},
    {R"({"width": 1.})", 1, 11, "Expected a digit after the decimal point of `1.`."},
    {R"({"width": 1e})", 1, 11, "Expected a digit in the exponent of `1e`."},
    {R"({"width": .5})", 1, 11, "`.5` is not a JSON number: write `0.5`."},
    {R"({"width": +5})", 1, 11, "`+5` is not a JSON number: write `5`."},
    // Strings.
    {"{\"headline\": \"two\nlines\"}", 1, 18, "A line break inside the string of `headline`: write it as \\n."},
    {"{\"headline\": \"a\tb\"}", 1, 16, "A tab inside the string of `headline`: write it as \\t."},
    {"{\"tags\": [\"a\x01\"]}", 1, 13,
     "The control character U+0001 inside a string in `tags`: write it as \\u0001."},
    {"{\"head\nline\": 1}", 1, 7, "A line break inside a member name: write it as \\n."},
    {R"({"headline": "Cut off)", 1, 14, "The string of `headline` is not closed: add its closing `\"`."},
    {R"({"headline": "Tab\x"})", 1, 18,
     "`\\x` is not a JSON escape (inside the string of `headline`): write a backslash as `\\\\`."},
    {R"({"headline": "\u12"})", 1, 15,
     "`\\u` must be followed by four hexadecimal digits (inside the string of `headline`)."},
    {R"({"headline": "\ud800 alone"})", 1, 15,
     "`\\ud800` is the first half of a surrogate pair, but its second half (`\\udc00` to `\\udfff`) does not "
     "follow (inside the string of `headline`)."},
    {R"({"headline": "\udc00"})", 1, 15,
     "`\\udc00` is the second half of a surrogate pair, but no first half (`\\ud800` to `\\udbff`) comes before it "
     "(inside the string of `headline`)."},
    {"{\"headline\": \"caf\xC3(\"}", 1, 18,
     "Bytes that are not UTF-8 inside the string of `headline`: save the text as UTF-8."},
};

}  // namespace

TEST_CASE("each kind of JSON syntax error has its message, at the offending token", "[format][messages]") {
  for (const SyntaxCase& example : kSyntaxCases) {
    INFO("input: " << example.text);
    const auto diagnostics = validate(example.text);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].code == "BS-JSON-SYNTAX");
    CHECK(diagnostics[0].severity == Severity::Error);
    CHECK(diagnostics[0].message == example.message);
    CHECK(diagnostics[0].line == example.line);
    CHECK(diagnostics[0].column == example.column);
  }
}

TEST_CASE("syntax messages use no parser terms and no replacement characters", "[format][messages]") {
  for (const SyntaxCase& example : kSyntaxCases) {
    const std::string message = example.message;
    INFO(message);
    for (const char* term : {"literal", "last read", "syntax error", "parse error", "token", "\xEF\xBF\xBD"}) {
      CHECK(message.find(term) == std::string::npos);
    }
  }
}

TEST_CASE("a misspelt name gets a did-you-mean", "[format][messages]") {
  SECTION("an unknown member of the document") {
    const auto diagnostics = validate(documentWith(R"({"type":"paragraph","text":"x"})", R"("standfrist":"S",)"));
    const Diagnostic* unknown = findDiagnostic(diagnostics, "BS-UNKNOWN-MEMBER");
    REQUIRE(unknown);
    CHECK(unknown->message ==
          "\"standfrist\" is not part of the article format and is ignored; did you mean `standfirst`?");
  }
  SECTION("an unknown member of a block, among that block type's members") {
    const auto diagnostics = validate(documentWith(R"({"type":"heading","text":"x","levle":3})"));
    const Diagnostic* unknown = findDiagnostic(diagnostics, "BS-UNKNOWN-MEMBER");
    REQUIRE(unknown);
    CHECK(unknown->message == "\"body[0].levle\" is not part of the article format and is ignored; did you mean `level`?");
  }
  SECTION("an unknown member nothing is near") {
    const auto diagnostics = validate(documentWith(R"({"type":"paragraph","text":"x"})", R"("weather":"rain",)"));
    const Diagnostic* unknown = findDiagnostic(diagnostics, "BS-UNKNOWN-MEMBER");
    REQUIRE(unknown);
    CHECK(unknown->message == "\"weather\" is not part of the article format and is ignored.");
  }
  SECTION("an unknown block type") {
    const auto diagnostics = validate(documentWith(R"({"type":"paragraf","text":"x"},{"type":"paragraph","text":"y"})"));
    const Diagnostic* unknown = findDiagnostic(diagnostics, "BS-UNKNOWN-BLOCK");
    REQUIRE(unknown);
    CHECK(unknown->message ==
          "\"body[0].type\" is \"paragraf\", which is not a block type (paragraph, heading, quote, pullquote, list, "
          "image, note, divider, markdown, gallery, embed, table); the block is left out; did you mean `paragraph`?");
  }
  SECTION("an allowed value: dir") {
    const auto diagnostics = validate(documentWith(R"({"type":"paragraph","text":"x"})", R"("dir":"lrt",)"));
    const Diagnostic* value = findDiagnostic(diagnostics, "BS-VALUE");
    REQUIRE(value);
    CHECK(value->message == "\"dir\" must be \"ltr\", \"rtl\" or \"auto\"; did you mean `ltr`?");
  }
  SECTION("an allowed value: pullquotes") {
    const auto diagnostics = validate(documentWith(R"({"type":"paragraph","text":"x"})", R"("pullquotes":"Auto",)"));
    const Diagnostic* value = findDiagnostic(diagnostics, "BS-VALUE");
    REQUIRE(value);
    CHECK(value->message ==
          "\"pullquotes\" must be an array of pull quotes or the string \"auto\"; no pull quotes are shown; did you "
          "mean `auto`?");
  }
  SECTION("an analyst id") {
    const auto diagnostics = validate(documentWith(
        R"({"type":"pullquote","text":"x","by":"polateev"},{"type":"paragraph","text":"x"})",
        R"("analysts":[{"id":"poletaev","name":"A. Poletaev"},{"id":"kim","name":"J. Kim"}],)"));
    const Diagnostic* reference = findDiagnostic(diagnostics, "BS-REF-ANALYST");
    REQUIRE(reference);
    CHECK(reference->message ==
          "\"body[0].by\" names \"polateev\", but no analyst has that id; the quote is shown without attribution; "
          "did you mean `poletaev`?");
  }
  SECTION("an analyst id nothing is near") {
    const auto diagnostics = validate(documentWith(R"({"type":"pullquote","text":"x","by":"lee"},{"type":"paragraph","text":"x"})",
                                                   R"("analysts":[{"id":"poletaev","name":"A. Poletaev"}],)"));
    const Diagnostic* reference = findDiagnostic(diagnostics, "BS-REF-ANALYST");
    REQUIRE(reference);
    CHECK(reference->message ==
          "\"body[0].by\" names \"lee\", but no analyst has that id; the quote is shown without attribution.");
  }
}

TEST_CASE("$schema is accepted silently as a member of the document only", "[format][messages]") {
  const auto top = validate(documentWith(R"({"type":"paragraph","text":"x"})", R"("$schema":"https://example.org/a.json",)"));
  CHECK_FALSE(findDiagnostic(top, "BS-UNKNOWN-MEMBER"));
  const auto inBlock = validate(documentWith(R"({"type":"paragraph","text":"x","$schema":"s"})"));
  CHECK(findDiagnostic(inBlock, "BS-UNKNOWN-MEMBER"));
}

TEST_CASE("did-you-mean rules: edit distance with swaps, case-blind, tighter for short names", "[format][messages]") {
  using format::closestName;
  using format::editDistance;
  CHECK(editDistance("headlin", "headline", 2) == 1);
  CHECK(editDistance("haedline", "headline", 2) == 1);  // a swap of neighbours is one edit
  CHECK(editDistance("Headline", "headline", 2) == 0);
  CHECK(editDistance("abc", "xyz", 1) == 2);  // gives up past the limit: limit + 1
  const std::string_view members[] = {"id", "name", "role", "affiliation", "honorific", "url"};
  CHECK(closestName("nmae", members) == std::optional<std::string_view>("name"));
  CHECK(closestName("afiliaton", members) == std::optional<std::string_view>("affiliation"));
  CHECK(closestName("rle", members) == std::optional<std::string_view>("role"));  // 1 edit on a short name
  CHECK_FALSE(closestName("nm", members).has_value());               // 2 edits on a short name: none
  CHECK_FALSE(closestName("b", {"a", "bb"}).has_value());            // a one-letter name keeps its letter
  CHECK(closestName("ig", members) == std::optional<std::string_view>("id"));
  CHECK_FALSE(closestName("honorifically", members).has_value());   // 3 edits: none
  CHECK_FALSE(closestName("name", members).has_value());            // the name itself is not suggested
  CHECK_FALSE(closestName(std::string(100, 'a'), members).has_value());  // long words: no suggestion
}
