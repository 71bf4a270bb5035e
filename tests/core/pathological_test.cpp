// Pathological inputs (issue 6): each must come back quickly, with diagnostics, and never crash,
// hang or exhaust the stack. Where a limit applies the diagnostic is BS-LIMIT; where none does, the
// document renders. The same file runs natively, under ASan+UBSan and as WebAssembly under node, so
// sizes are chosen to stay fast in the slowest of them while a quadratic regression would still
// blow the time budget by orders of magnitude.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "broadsheet/broadsheet.hpp"
#include "test_support.hpp"
#include "text/markdown.hpp"

using namespace broadsheet;
using broadsheet::test::countOccurrences;
using broadsheet::test::documentWith;
using broadsheet::test::findDiagnostic;

namespace {

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define BROADSHEET_SLOW_BUILD 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG)
#define BROADSHEET_SLOW_BUILD 1
#endif

// Seconds a case may take: generous for a release build, scaled for sanitizers and WebAssembly.
// The inputs below take milliseconds natively when the work is linear; each of the quadratic paths
// they were written against took from half a minute to hours.
constexpr double kBudgetSeconds =
#if defined(BROADSHEET_SLOW_BUILD)
    30.0;
#elif defined(__EMSCRIPTEN__)
    15.0;
#else
    5.0;
#endif

struct Timed {
  RenderResult result;
  double seconds = 0;
};

Timed timedRender(const std::string& json, const RenderOptions& options = {}) {
  const auto start = std::chrono::steady_clock::now();
  Timed timed;
  timed.result = render(json, options);
  timed.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return timed;
}

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out.append(piece);
  return out;
}

// A JSON string literal holding `text` (which must need no escaping beyond what is done here).
std::string jsonString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out.append("\\n");
      continue;
    }
    out.push_back(c);
  }
  return out + "\"";
}

std::string paragraph(std::string_view text) { return R"({"type":"paragraph","text":)" + jsonString(text) + "}"; }

// A paragraph whose text is given as the inside of a JSON string literal, escapes and all.
std::string rawParagraph(std::string_view literal) {
  return R"({"type":"paragraph","text":")" + std::string(literal) + "\"}";
}

bool hasError(const RenderResult& result) { return !result.ok; }

}  // namespace

TEST_CASE("nesting 100,000 deep stops at the depth limit, whatever nests", "[pathological][limits]") {
  constexpr std::size_t kDeep = 100000;
  const std::string arrays = repeat("[", kDeep) + repeat("]", kDeep);
  const std::string objects = repeat(R"({"a":)", kDeep) + "1" + repeat("}", kDeep);
  const std::string inBody = R"({"format":"broadsheet/article@1","headline":"H","body":)" + arrays + "}";
  const std::string unclosed = R"({"format":"broadsheet/article@1","headline":"H","body":)" + repeat("[{\"x\":", kDeep);
  for (const std::string* json : {&arrays, &objects, &inBody, &unclosed}) {
    const Timed timed = timedRender(*json);
    CHECK(timed.seconds < kBudgetSeconds);
    REQUIRE(timed.result.diagnostics.size() == 1);
    CHECK(timed.result.diagnostics[0].code == "BS-LIMIT");
    CHECK(timed.result.html.empty());
  }
}

TEST_CASE("with the depth limit lifted, 100,000 levels still cost no stack", "[pathological][limits]") {
  RenderOptions options;
  options.limits.maxDepth = 1000000;
  constexpr std::size_t kDeep = 100000;
  const std::string json = R"({"format":"broadsheet/article@1","headline":"H","body":[)" + paragraph("Kept.") +
                           R"(],"extra":)" + repeat("[", kDeep) + repeat("]", kDeep) + "}";
  const Timed timed = timedRender(json, options);
  CHECK(timed.seconds < kBudgetSeconds);
  CHECK(timed.result.ok);
  CHECK(findDiagnostic(timed.result.diagnostics, "BS-UNKNOWN-MEMBER"));
  CHECK(timed.result.html.find("Kept.") != std::string::npos);
}

TEST_CASE("Markdown nested 50,000 deep is shown as plain text, every character kept", "[pathological][text]") {
  constexpr std::size_t kDeep = 50000;
  for (const std::string& source : {repeat(">", kDeep) + " a", repeat("- ", kDeep) + "a", repeat("1. ", kDeep) + "a",
                                    repeat("  ", kDeep) + "- a"}) {
    const Timed timed = timedRender(documentWith(R"({"type":"markdown","text":)" + jsonString(source) + "}"));
    CHECK(timed.seconds < kBudgetSeconds);
    CHECK(timed.result.ok);
    const Diagnostic* limit = findDiagnostic(timed.result.diagnostics, "BS-LIMIT");
    REQUIRE(limit);
    CHECK(limit->severity == Severity::Warning);
    CHECK(limit->path == "/body/0/text");
    std::string escaped;
    for (char c : source) escaped += c == '>' ? std::string("&gt;") : std::string(1, c);
    CHECK(timed.result.html.find(escaped) != std::string::npos);
  }
}

TEST_CASE("inputs cmark 0.30.2 parses in quadratic time are shown as plain text", "[pathological][text]") {
  // The shapes fixed upstream after 0.30.2 (CVE-2023-22486, GHSA-66g8-4hjf-77xh), at the sizes of
  // cmark's own pathological tests.
  const std::string cases[] = {
      repeat("![[]()", 160000),                                   // every link closed walks all open "!["
      repeat(">", 100000) + repeat("a*", 100000),                 // emphasis in a deep block quote
      repeat("- ", 30000) + "x" + repeat("\n", 30000),            // blank lines in deeply nested lists
      "> " + repeat("- ", 30000) + "x\n" + repeat(">\n", 30000),  // the same inside a block quote
  };
  for (const std::string& source : cases) {
    for (const char* type : {"markdown", "paragraph"}) {
      const Timed timed =
          timedRender(documentWith(std::string(R"({"type":")") + type + R"(","text":)" + jsonString(source) + "}"));
      INFO(type << ": " << source.substr(0, 16));
      CHECK(timed.seconds < kBudgetSeconds);
      CHECK(timed.result.ok);
      REQUIRE(findDiagnostic(timed.result.diagnostics, "BS-LIMIT"));
    }
  }
  // Ordinary texts are far from the bounds.
  CHECK_FALSE(text::exceedsStructureBounds(repeat("[a link](https://e.example/) and ", 20000)));
  CHECK_FALSE(text::exceedsStructureBounds(repeat("> - 1. quoted list\n", 1000)));
  CHECK_FALSE(text::exceedsStructureBounds(repeat("[", 100000)));
}

TEST_CASE("a 16 MB string meets the input limit, then the string limit, then renders", "[pathological][limits]") {
  const std::string big(16 * 1024 * 1024, 'a');
  const std::string json = documentWith(paragraph(big));

  Timed timed = timedRender(json);
  CHECK(timed.seconds < kBudgetSeconds);
  REQUIRE(timed.result.diagnostics.size() == 1);
  CHECK(timed.result.diagnostics[0].code == "BS-LIMIT");
  CHECK(timed.result.diagnostics[0].path.empty());

  RenderOptions options;
  options.limits.maxInputBytes = 32 * 1024 * 1024;
  timed = timedRender(json, options);
  CHECK(timed.seconds < kBudgetSeconds);
  const Diagnostic* limit = findDiagnostic(timed.result.diagnostics, "BS-LIMIT");
  REQUIRE(limit);
  CHECK(limit->path == "/body/0/text");
  CHECK(hasError(timed.result));

  // Both limits lifted, a long string renders whole (2 MB here, to keep the slow builds quick).
  const std::string twoMegabytes(2 * 1024 * 1024, 'a');
  options.limits.maxStringBytes = 32 * 1024 * 1024;
  timed = timedRender(documentWith(paragraph(twoMegabytes)), options);
  CHECK(timed.seconds < kBudgetSeconds);
  CHECK(timed.result.ok);
  CHECK(timed.result.html.find(twoMegabytes) != std::string::npos);
}

TEST_CASE("100,000 tiny blocks: the first maxBlocks render, the rest are reported", "[pathological][limits]") {
  constexpr std::size_t kBlocks = 100000;
  std::string blocks = R"({"type":"divider"})";
  blocks.reserve(kBlocks * 24);
  for (std::size_t i = 1; i < kBlocks; ++i)
    blocks.append(i % 2 ? ",{\"type\":\"paragraph\",\"text\":\"p\"}" : R"(,{"type":"divider"})");
  const Timed timed = timedRender(documentWith(blocks));
  CHECK(timed.seconds < kBudgetSeconds);
  const Diagnostic* limit = findDiagnostic(timed.result.diagnostics, "BS-LIMIT");
  REQUIRE(limit);
  CHECK(limit->path == "/body");
  CHECK(countOccurrences(timed.result.html, "<p>p</p>") == 5000);

  SECTION("100,000 paragraphs of one Markdown body have no block limit: they render until the tree budget is spent") {
    const Timed markdown =
        timedRender(documentWith(R"({"type":"markdown","text":)" + jsonString(repeat("p\n\n", kBlocks)) + "}"));
    CHECK(markdown.seconds < kBudgetSeconds);
    CHECK(markdown.result.ok);
    const std::size_t shown = countOccurrences(markdown.result.html, "<p>p</p>");
    CHECK(shown > 10000);
    CHECK(shown < kBlocks);
    const Diagnostic* leftOut = findDiagnostic(markdown.result.diagnostics, "BS-LIMIT");
    REQUIRE(leftOut);
    CHECK(leftOut->path == "/body/0/text");
    // Paragraph n is on line 2n - 1, so the rest starts on the line after the last one shown (or its blank line).
    const bool namesNextLine =
        leftOut->message.find("left out from line " + std::to_string(2 * shown + 1) + " ") != std::string::npos ||
        leftOut->message.find("left out from line " + std::to_string(2 * shown) + " ") != std::string::npos;
    CHECK(namesNextLine);
  }
}

TEST_CASE("10,000 analysts: the first maxPeople are kept, the rest reported; lifted, all render",
          "[pathological][limits]") {
  constexpr std::size_t kAnalysts = 10000;
  std::string analysts;
  std::string quotes;
  for (std::size_t i = 0; i < kAnalysts; ++i) {
    const std::string id = "a" + std::to_string(i);
    analysts += (i ? "," : "") + std::string(R"({"id":")") + id + R"(","name":"Analyst Number)" + std::to_string(i) +
                R"(","role":"expert"})";
    if (i % 100 == 99) quotes += R"(,{"type":"quote","text":"Quoted words.","by":")" + id + "\"}";
  }
  const std::string json =
      documentWith(paragraph("Analyst Number9999 said “the quoted words of a named analyst, long enough to pull”.") +
                       quotes + "," + paragraph("One.") + "," + paragraph("Two."),
                   R"("pullquotes":"auto","analysts":[)" + analysts + "],");

  Timed timed = timedRender(json);
  CHECK(timed.seconds < kBudgetSeconds);
  const Diagnostic* limit = findDiagnostic(timed.result.diagnostics, "BS-LIMIT");
  REQUIRE(limit);
  CHECK(limit->path == "/analysts");
  CHECK(countOccurrences(timed.result.html, "class=\"bs-analyst\"") == Limits{}.maxPeople);

  RenderOptions options;
  options.limits.maxPeople = kAnalysts;
  timed = timedRender(json, options);
  CHECK(timed.seconds < kBudgetSeconds);
  CHECK(timed.result.ok);
  CHECK(countOccurrences(timed.result.html, "class=\"bs-analyst\"") == kAnalysts);
  CHECK(timed.result.meta->analysts.size() == kAnalysts);
}

TEST_CASE("pull quotes: the count is limited, and no quote costs more than linear time", "[pathological][limits]") {
  std::string body;
  for (int i = 0; i < 200; ++i)
    body += (i ? "," : "") + paragraph("Paragraph " + std::to_string(i) + " " + repeat("a ", 200));

  SECTION("100,000 floating pull quotes") {
    const std::string quotes = repeat(R"({"text":"a a a"},)", 100000) + R"({"text":"a"})";
    const Timed timed = timedRender(documentWith(body, R"("pullquotes":[)" + quotes + "],"));
    CHECK(timed.seconds < kBudgetSeconds);
    const Diagnostic* limit = findDiagnostic(timed.result.diagnostics, "BS-LIMIT");
    REQUIRE(limit);
    CHECK(limit->path == "/pullquotes");
    CHECK(countOccurrences(timed.result.html, "bs-pullquote--floating") == Limits{}.maxPullquotes);
  }
  SECTION("pull quote blocks count too") {
    const Timed timed = timedRender(documentWith(body + repeat(R"(,{"type":"pullquote","text":"a a"})", 100)));
    CHECK(timed.seconds < kBudgetSeconds);
    const Diagnostic* limit = findDiagnostic(timed.result.diagnostics, "BS-LIMIT");
    REQUIRE(limit);
    CHECK(limit->path == "/body/" + std::to_string(200 + Limits{}.maxPullquotes));
    CHECK(countOccurrences(timed.result.html, "bs-pullquote--anchored") == Limits{}.maxPullquotes);
  }
  SECTION("a quote that naive substring search takes quadratic time over") {
    // "a a a ... a b" against a body of "a a a ...": std::string::find compares ~quote length at
    // every position of the body.
    std::string long_body;
    for (int i = 0; i < 4; ++i) long_body += (i ? "," : "") + paragraph(repeat("a ", 200000));
    const std::string quote = repeat("a ", 100000) + "b";
    const Timed timed = timedRender(documentWith(long_body, R"("pullquotes":[{"text":")" + quote + R"("}],)"));
    CHECK(timed.seconds < kBudgetSeconds);
    CHECK(findDiagnostic(timed.result.diagnostics, "BS-PULLQUOTE-PARAPHRASE"));
  }
  SECTION("a quote of 50,000 ellipses") {
    std::string words, quote;
    for (int i = 0; i < 50000; ++i) {
      words += "w" + std::to_string(i) + " ";
      quote += (i ? "\u2026" : "") + std::string("w") + std::to_string(i);
    }
    const std::string doc =
        documentWith(paragraph(repeat("x ", 200000)) + "," + paragraph(words) + "," + paragraph(words),
                     R"("pullquotes":[{"text":")" + quote + R"("}],)");
    const Timed timed = timedRender(doc);
    CHECK(timed.seconds < kBudgetSeconds);
    CHECK(timed.result.html.find("</article>") != std::string::npos);
  }
}

TEST_CASE("automatic pull quotes: hostile names and many candidates stay linear", "[pathological][layout]") {
  SECTION("an analyst's name that naive search compares at every position of every paragraph") {
    const std::string name = repeat("a", 300000) + "b";
    const std::string para = paragraph(repeat("a", 900000));
    const Timed timed = timedRender(documentWith(
        para + "," + para + "," + para, R"("pullquotes":"auto","analysts":[{"id":"x","name":")" + name + R"("}],)"));
    CHECK(timed.seconds < kBudgetSeconds);
    CHECK(timed.result.ok);
  }
  SECTION("thousands of quoted spans against long anchored pull quotes") {
    std::string body = repeat(R"({"type":"pullquote","text":")" + repeat("w ", 150000) + R"("},)", 5);
    for (int i = 0; i < 3000; ++i) {
      body += (i ? "," : "") + paragraph("N1 said \u201C" + repeat("w ", 25) + "x\u201D " + std::to_string(i));
    }
    const Timed timed = timedRender(documentWith(body, R"("pullquotes":"auto","analysts":[{"id":"a1","name":"N1"}],)"));
    CHECK(timed.seconds < kBudgetSeconds);
    CHECK(timed.result.ok);
  }
}

TEST_CASE("cmark's pathological inputs render in linear time, every character kept", "[pathological][text]") {
  constexpr std::size_t n = 15000;
  const std::string cases[] = {
      repeat("*", n),
      repeat("_", n),
      repeat("[", n),
      repeat("`", n),
      repeat("]", n),
      repeat("*a **a ", n / 4) + "b" + repeat(" a** a*", n / 4),  // nested strong emphasis
      repeat("a_ ", n),
      repeat("_a ", n),           // emphasis closers / openers alone
      repeat("*a_ ", n),          // mismatched openers and closers
      "a**b" + repeat("c* ", n),  // openers and closers, multiples of 3
      repeat("a]", n),
      repeat("[a", n),
      repeat("[ a_", n),  // link closers, openers, emphasis inside
      repeat("[ (](", n),
      repeat("![[]()", n),                    // link parsing backtracking
      repeat("[", n) + "a" + repeat("]", n),  // nested brackets
      repeat("[a](<b", n),
      repeat("[a](b", n),  // unclosed link destinations
      repeat("<a", n),
      repeat("&#", n),
      repeat("\\", n),  // autolinks, entities, escapes
      repeat("e`", n),
      repeat("a\u00A0", n),
  };
  std::string backticks;
  for (std::size_t i = 1; i < 400; ++i) backticks += "e" + repeat("`", i);

  for (const std::string& source : cases) {
    for (const bool block : {false, true}) {
      const std::string type = block ? "markdown" : "paragraph";
      const Timed timed = timedRender(documentWith(R"({"type":")" + type + R"(","text":)" + jsonString(source) + "}"));
      INFO(type << ": " << source.substr(0, 24) << " took " << timed.seconds << " s");
      CHECK(timed.seconds < kBudgetSeconds);
      CHECK(timed.result.ok);
      CHECK(timed.result.html.find("</article>") != std::string::npos);
    }
  }
  const Timed timed = timedRender(documentWith(paragraph(backticks)));
  CHECK(timed.seconds < kBudgetSeconds);
  CHECK(timed.result.ok);
}

TEST_CASE("NUL and control characters never reach the HTML; lone surrogates are JSON errors",
          "[pathological][format]") {
  const RenderResult result = render(
      documentWith(rawParagraph(R"(before\u0000after \u0001\u0008\u001f\u007f end)"), R"("section":"a\u0000b",)"));
  CHECK(result.ok);
  CHECK(result.html.find('\0') == std::string::npos);
  CHECK(result.html.find('\x01') == std::string::npos);
  CHECK(result.html.find('\x7F') == std::string::npos);
  CHECK(result.html.find("before\xEF\xBF\xBD"
                         "after") != std::string::npos);  // U+FFFD stands in for NUL

  for (const char* escape : {"\\ud800", "\\udc00", "\\ud800\\u0041", "\\udbff\\udbff", "x\\ud83d"}) {
    const RenderResult bad = render(documentWith(rawParagraph(std::string("a") + escape + "b")));
    INFO(escape);
    REQUIRE(bad.diagnostics.size() == 1);
    CHECK(bad.diagnostics[0].code == "BS-JSON-SYNTAX");
    CHECK(bad.diagnostics[0].line == 1);
    CHECK(bad.diagnostics[0].column > 1);
    CHECK(bad.html.empty());
  }
  // A raw NUL byte, inside a string or between tokens, is not JSON.
  for (const std::string& json :
       {documentWith(paragraph(std::string("a\0b", 3))), std::string("{\0}", 3), std::string(1, '\0')}) {
    const RenderResult bad = render(json);
    REQUIRE(bad.diagnostics.size() == 1);
    CHECK(bad.diagnostics[0].code == "BS-JSON-SYNTAX");
  }
}

TEST_CASE("invalid UTF-8 is a JSON syntax error with a position", "[pathological][format]") {
  for (const std::string bytes :
       {"\xFF", "\xC0\xAF", "\xE2\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80", "\xF0\x9F\x98"}) {
    const RenderResult bad = render(documentWith(paragraph("ok " + bytes + " ok")));
    REQUIRE(bad.diagnostics.size() == 1);
    CHECK(bad.diagnostics[0].code == "BS-JSON-SYNTAX");
    CHECK(bad.diagnostics[0].line == 1);
    CHECK(bad.html.empty());
  }
}

TEST_CASE("numbers beyond double range are diagnostics, never crashes", "[pathological][format]") {
  for (const char* number :
       {"1e400", "-1e400", "1e-400", "123456789012345678901234567890", "-0", "1E+999999999999", "4.9e-324"}) {
    INFO(number);
    const std::string width = std::string(R"({"type":"image","src":"https://e.example/a.jpg","alt":"","width":)") +
                              number + ",\"height\":" + number + "}";
    const std::string level = std::string(R"({"type":"heading","text":"H","level":)") + number + "}";
    const RenderResult result =
        render(documentWith(paragraph("p") + "," + width + "," + level, std::string(R"("extra":)") + number + ","));
    CHECK_FALSE(result.diagnostics.empty());
    CHECK(result.html.find("</article>") != std::string::npos);

    std::vector<Diagnostic> optionDiagnostics;
    const RenderOptions options = parseOptions(
        std::string(R"({"headingLevel":)") + number + R"(,"limits":{"maxDepth":)" + number + "}}", optionDiagnostics);
    CHECK_FALSE(optionDiagnostics.empty());
    CHECK(options.limits.maxDepth == Limits{}.maxDepth);
  }
}

// ---------------------------------------------------------------------------------------------
// Issue 13: shapes that were quadratic or unbounded (bench/pathological-shapes.mjs has them at any
// size; npm run bench times them at 2 MB and tests/security/pathological-growth.test.mjs checks
// their growth).
// ---------------------------------------------------------------------------------------------

namespace {

// `count` members "k0":0, "k1":0 ... (distinct names), comma-separated.
std::string distinctMembers(std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
  return out;
}

std::size_t countCode(const RenderResult& result, const std::string& code) {
  std::size_t count = 0;
  for (const Diagnostic& diagnostic : result.diagnostics) count += diagnostic.code == code;
  return count;
}

}  // namespace

TEST_CASE("200,000 distinct member names in one object take linear time", "[pathological][format]") {
  constexpr std::size_t kNames = 200000;  // a line search per name took minutes here
  const std::string inDocument = documentWith(paragraph("Kept."), distinctMembers(kNames) + ",");
  const std::string inBlock = documentWith(R"({"type":"paragraph","text":"Kept.",)" + distinctMembers(kNames) + "}");
  const std::string inPerson =
      documentWith(paragraph("Kept."), R"("authors":[{"name":"A",)" + distinctMembers(kNames) + "}],");
  for (const std::string* json : {&inDocument, &inBlock, &inPerson}) {
    const Timed timed = timedRender(*json);
    CHECK(timed.seconds < kBudgetSeconds);
    CHECK(timed.result.ok);
    CHECK(timed.result.html.find("Kept.") != std::string::npos);
    // 200 kept, then one warning that counts the rest.
    CHECK(countCode(timed.result, "BS-UNKNOWN-MEMBER") == 200);
    const Diagnostic* limit = findDiagnostic(timed.result.diagnostics, "BS-LIMIT");
    REQUIRE(limit);
    CHECK(limit->severity == Severity::Warning);
    CHECK(limit->path.empty());
    CHECK(limit->message.find(std::to_string(kNames - 200) + " more") != std::string::npos);
  }
}

TEST_CASE("a member name given many times counts once; a body given many times only the last time",
          "[pathological][format]") {
  std::string sections;
  for (int i = 0; i < 100000; ++i) sections += R"("section":"S)" + std::to_string(i) + "\",";
  const Timed duplicates = timedRender(documentWith(paragraph("Kept."), sections + R"("x":1,"x":2,)"));
  CHECK(duplicates.seconds < kBudgetSeconds);
  CHECK(duplicates.result.diagnostics.size() == 1);  // "x", once
  CHECK(duplicates.result.html.find("S99999") != std::string::npos);

  std::string bodies;
  for (int i = 0; i < 50000; ++i) bodies += R"("body":[{"type":"bogus"},)" + paragraph("Early.") + "],";
  const Timed repeated = timedRender(R"({"format":"broadsheet/article@1","headline":"H",)" + bodies + R"("body":[)" +
                                     paragraph("Last.") + "]}");
  CHECK(repeated.seconds < kBudgetSeconds);
  CHECK(repeated.result.ok);
  CHECK(repeated.result.diagnostics.empty());
  CHECK(repeated.result.html.find("Last.") != std::string::npos);
  CHECK(repeated.result.html.find("Early.") == std::string::npos);
}

TEST_CASE("diagnostics past limits.maxDiagnostics are counted, not kept", "[pathological][limits]") {
  // 1,000,000 tags that are not strings: each one an error, and a byte or so of memory each.
  std::string tags = "1";
  for (int i = 1; i < 1000000; ++i) tags += ",1";
  const Timed timed = timedRender(documentWith(paragraph("Kept."), R"("tags":[)" + tags + "],"));
  CHECK(timed.seconds < kBudgetSeconds);
  CHECK_FALSE(timed.result.ok);
  CHECK(timed.result.diagnostics.size() == 201);
  CHECK(countCode(timed.result, "BS-TYPE") == 200);
  CHECK(timed.result.diagnostics.front().code == "BS-LIMIT");  // its path, "", is the document's start
  CHECK(timed.result.diagnostics.front().message.find("999800 more") != std::string::npos);
  CHECK(timed.result.html.find("Kept.") != std::string::npos);

  RenderOptions options;
  options.limits.maxDiagnostics = 3;
  CHECK(render(documentWith(paragraph("Kept."), R"("tags":[1,2,3,4,5],)"), options).diagnostics.size() == 4);
  std::vector<Diagnostic> optionDiagnostics;
  CHECK(
      parseOptions(R"({"limits":{"maxDiagnostics":7,"maxOutputBytes":0}})", optionDiagnostics).limits.maxDiagnostics ==
      7);
  CHECK(optionDiagnostics.empty());
}

TEST_CASE("when the kept diagnostics are all warnings, the first error takes the last one's place",
          "[pathological][limits]") {
  RenderOptions options;
  options.limits.maxDiagnostics = 5;
  const RenderResult result = render(
      documentWith(paragraph("Kept.") + R"(,{"type":"heading","level":9,"text":"T"})", distinctMembers(20) + ","),
      options);
  CHECK_FALSE(result.ok);
  CHECK(result.diagnostics.size() == 6);
  CHECK(countCode(result, "BS-VALUE") == 1);
  CHECK(countCode(result, "BS-UNKNOWN-MEMBER") == 4);
}

TEST_CASE("empty headings, paragraphs and list items are left out, with one warning per block",
          "[pathological][layout]") {
  // 100,000 "#" lines in each of ten Markdown blocks: each was an empty <h2>, 15 bytes of HTML a byte.
  const std::string block = R"({"type":"markdown","text":)" + jsonString(repeat("#\n", 100000)) + "}";
  std::string blocks = paragraph("Kept.");
  for (int i = 0; i < 10; ++i) blocks += "," + block;
  const Timed headings = timedRender(documentWith(blocks));
  CHECK(headings.seconds < kBudgetSeconds);
  CHECK(headings.result.ok);
  // Each block is reported: its empty headings, or where the tree budget left the rest of it out, or both.
  CHECK(countCode(headings.result, "BS-EMPTY-BLOCK") >= 1);
  CHECK(countCode(headings.result, "BS-EMPTY-BLOCK") + countCode(headings.result, "BS-LIMIT") >= 10);
  CHECK(headings.result.html.find("<h2") == std::string::npos);
  CHECK(headings.result.html.size() < 4096);

  const Timed items =
      timedRender(documentWith(R"({"type":"markdown","text":)" + jsonString("- a\n" + repeat("-\n", 200000)) + "}"));
  CHECK(items.seconds < kBudgetSeconds);
  CHECK(countOccurrences(items.result.html, "<li>") == 1);
  const Diagnostic* warning = findDiagnostic(items.result.diagnostics, "BS-EMPTY-BLOCK");
  REQUIRE(warning);
  CHECK(warning->path == "/body/0/text");
  CHECK(warning->message.find(" empty") != std::string::npos);
  const Diagnostic* leftOut = findDiagnostic(items.result.diagnostics, "BS-LIMIT");
  REQUIRE(leftOut);  // 200,000 list items are past the tree budget
  CHECK(leftOut->path == "/body/0/text");

  const RenderResult stringBody =
      render(R"({"format":"broadsheet/article@1","headline":"H","body":"#\n\n> #\n\nWords."})");
  CHECK(stringBody.ok);
  CHECK(stringBody.html.find("<blockquote") == std::string::npos);
  CHECK(stringBody.html.find("Words.") != std::string::npos);
  REQUIRE(findDiagnostic(stringBody.diagnostics, "BS-EMPTY-BLOCK"));
  CHECK(findDiagnostic(stringBody.diagnostics, "BS-EMPTY-BLOCK")->path == "/body");
}

TEST_CASE("limits.maxOutputBytes stops emission with an error", "[pathological][limits]") {
  std::string blocks = paragraph("First.");
  for (int i = 0; i < 1000; ++i) blocks += "," + paragraph(repeat("word ", 40));
  RenderOptions options;
  options.limits.maxOutputBytes = 20000;
  for (bool standalone : {false, true}) {
    options.standalone = standalone;
    const RenderResult result = render(documentWith(blocks, R"("tags":["Tag"],)"), options);
    CHECK_FALSE(result.ok);
    const Diagnostic* limit = findDiagnostic(result.diagnostics, "BS-LIMIT");
    REQUIRE(limit);
    CHECK(limit->severity == Severity::Error);
    CHECK(result.html.find("First.") != std::string::npos);
    CHECK(result.html.find("class=\"bs-tag\"") == std::string::npos);  // no footer
    CHECK(result.html.find("</div>\n</article>") != std::string::npos);
    const std::size_t written = result.html.size() - (standalone ? stylesheet().size() + 2048 : 0);
    CHECK(written < 20000 + 1024);
  }
  // The default, 16 bytes per input byte and 1 MiB, leaves ordinary articles alone.
  const RenderResult whole = render(documentWith(blocks));
  CHECK(whole.ok);
}

// cmark makes a node (about 100 bytes in WASM) for every byte or few of these; 4 MB of them was 20-120
// times its size in memory. The trees stop growing at the budget and the rest of each text is
// reported; the memory itself is checked through the WASM build (tests/security/pathological.test.mjs).
TEST_CASE("4 MB of dense Markdown blocks is parsed until the tree budget is spent, and the rest reported",
          "[pathological][text]") {
  const std::string deepList = repeat("- ", 30) + "a\n\n";
  const std::string deepQuote = repeat(">", 60) + "a\n\n";
  for (const std::string& unit : {std::string("#\n"), std::string("-\n"), std::string("1.\n"), std::string("***\n"),
                                  std::string(">\n\n"), std::string("a\n=\n"), deepList, deepQuote}) {
    INFO(unit);
    const std::string block =
        R"({"type":"markdown","text":)" + jsonString(repeat(unit, 256 * 1024 / unit.size())) + "}";
    std::string blocks = paragraph("Kept.");
    for (int i = 0; i < 16; ++i) blocks += "," + block;
    const Timed timed = timedRender(documentWith(blocks));
    CHECK(timed.seconds < kBudgetSeconds);
    CHECK(timed.result.ok);
    CHECK(countCode(timed.result, "BS-INTERNAL") == 0);
    CHECK(timed.result.html.find("<p>Kept.</p>") != std::string::npos);
    const Diagnostic* leftOut = findDiagnostic(timed.result.diagnostics, "BS-LIMIT");
    REQUIRE(leftOut);
    CHECK(leftOut->path.rfind("/body/", 0) == 0);
    CHECK(leftOut->message.find("left out from line ") != std::string::npos);
  }
}

TEST_CASE("runs of *, [, backticks and < and nesting just under the limits stay quick", "[pathological][text]") {
  for (const char* unit : {"*a **b _c __d ***", "[a ![b [](c) ", "` `` ``` a ````", "<a <!-- <? <![CDATA[ <http:x "}) {
    INFO(unit);
    const Timed timed = timedRender(documentWith(R"({"type":"markdown","text":)" +
                                                 jsonString(repeat(unit, 200000 / std::string(unit).size())) + "}"));
    CHECK(timed.seconds < kBudgetSeconds);
    CHECK(timed.result.ok);
  }
  const std::string deepJson =
      R"({"type":"paragraph","text":"Words.","deep":)" + repeat("[", 60) + repeat("]", 60) + "}";
  const std::string deepMarkdown =
      R"({"type":"markdown","text":)" + jsonString(repeat(repeat(">", 60) + " a\n", 100)) + "}";
  std::string blocks = deepJson;
  for (int i = 0; i < 200; ++i) blocks += "," + deepMarkdown + "," + deepJson;
  const Timed timed = timedRender(documentWith(blocks));
  CHECK(timed.seconds < kBudgetSeconds);
  CHECK(countCode(timed.result, "BS-UNKNOWN-MEMBER") == 200);  // "deep" in each JSON block; no Markdown shown as text
  CHECK(countCode(timed.result, "BS-LIMIT") == 1);
}

TEST_CASE("a document with a headline renders even without a usable body", "[pathological][pipeline]") {
  for (const char* body : {"", R"(,"body":[])", R"(,"body":12)", R"(,"body":" ")", R"(,"body":[{"type":"bogus"}])"}) {
    INFO(body);
    const RenderResult result =
        render(std::string(R"({"format":"broadsheet/article@1","headline":"Only a headline")") + body + "}");
    CHECK_FALSE(result.ok);
    CHECK(result.html.find("class=\"bs-headline\">Only a") != std::string::npos);
    CHECK(result.meta->headline == "Only a headline");
  }
}
