// The format stage: JSON syntax, validation codes, JSON Pointers and positions.
#include <catch2/catch.hpp>

#include "format/json_pointer.hpp"
#include "format/source_locator.hpp"
#include "test_support.hpp"

using namespace broadsheet;
using broadsheet::test::documentWith;
using broadsheet::test::findDiagnostic;

TEST_CASE("JSON Pointer tokens escape ~ and /", "[format]") {
  CHECK(format::childPointer("", "a/b") == "/a~1b");
  CHECK(format::childPointer("/x", "m~n") == "/x/m~0n");
  CHECK(format::childPointer("/body", std::size_t{3}) == "/body/3");
}

TEST_CASE("positions count characters, not bytes", "[format]") {
  const std::string text = "{\n  \"h\": \"\xD0\x96\xD0\x96\", \"x\": 1}";
  const auto position = format::positionOfOffset(text, text.find("\"x\""));
  CHECK(position.line == 2);
  CHECK(position.column == 14);
}

TEST_CASE("syntax errors give line and column of the failure", "[format]") {
  SECTION("truncated") {
    const auto diagnostics = validate("{\n  \"format\": \"broadsheet/article@1\",\n  \"headline\": \"x");
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].code == "BS-JSON-SYNTAX");
    CHECK(diagnostics[0].line == 3);
    CHECK(diagnostics[0].column > 1);
  }
  SECTION("trailing comma") {
    const auto diagnostics = validate("{\"format\": \"broadsheet/article@1\",}");
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].code == "BS-JSON-SYNTAX");
    CHECK(diagnostics[0].line == 1);
    CHECK(diagnostics[0].column == 35);
  }
  SECTION("lone surrogate escape") {
    const auto diagnostics = validate(R"({"headline": "\ud800"})");
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].code == "BS-JSON-SYNTAX");
  }
  SECTION("invalid UTF-8") {
    const auto diagnostics = validate("{\"headline\": \"\xC3\x28\"}");
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].code == "BS-JSON-SYNTAX");
  }
}

TEST_CASE("a byte order mark is accepted and not counted", "[format]") {
  const auto diagnostics = validate("\xEF\xBB\xBF{\"format\":\"broadsheet/article@1\",\"headline\":\"\",\"body\":[{\"type\":\"paragraph\",\"text\":\"x\"}]}");
  const Diagnostic* empty = findDiagnostic(diagnostics, "BS-EMPTY");
  REQUIRE(empty);
  CHECK(empty->path == "/headline");
  CHECK(empty->column == 45);
}

TEST_CASE("missing and mistyped members are reported with their pointers", "[format]") {
  const auto diagnostics = validate(R"({"format":"broadsheet/article@2","headline":7,"body":[]})");
  const Diagnostic* format = findDiagnostic(diagnostics, "BS-FORMAT");
  REQUIRE(format);
  CHECK(format->path == "/format");
  const Diagnostic* type = findDiagnostic(diagnostics, "BS-TYPE");
  REQUIRE(type);
  CHECK(type->path == "/headline");
  CHECK(type->message.find("\"headline\" must be a string") != std::string::npos);
  CHECK(findDiagnostic(diagnostics, "BS-EMPTY"));
}

TEST_CASE("missing required members point where they would be", "[format]") {
  const auto diagnostics = validate(R"({"format":"broadsheet/article@1"})");
  REQUIRE(diagnostics.size() == 2);
  CHECK(diagnostics[0].path == "/headline");
  CHECK(diagnostics[1].path == "/body");
  CHECK(diagnostics[0].line == 1);  // the position of the object that lacks it
}

TEST_CASE("every diagnostic comes back in document order", "[format]") {
  const std::string json = R"({"format":"broadsheet/article@1","headline":"H","body":[
    {"type":"paragraph","text":""},
    {"type":"video","text":"x"},
    {"type":"heading","level":7,"text":"x"},
    {"type":"quote","text":"q","by":"nobody"}
  ],"extra":1})";
  const auto diagnostics = validate(json);
  REQUIRE(diagnostics.size() == 5);
  CHECK(diagnostics[0].code == "BS-EMPTY");
  CHECK(diagnostics[0].path == "/body/0/text");
  CHECK(diagnostics[1].code == "BS-UNKNOWN-BLOCK");
  CHECK(diagnostics[1].path == "/body/1/type");
  CHECK(diagnostics[2].code == "BS-VALUE");
  CHECK(diagnostics[2].path == "/body/2/level");
  CHECK(diagnostics[3].code == "BS-REF-ANALYST");
  CHECK(diagnostics[3].path == "/body/3/by");
  CHECK(diagnostics[4].code == "BS-UNKNOWN-MEMBER");
  CHECK(diagnostics[4].severity == Severity::Warning);
  CHECK(diagnostics[1].line == 3);
  CHECK(diagnostics[1].column == 13);
}

TEST_CASE("analyst ids must be unique", "[format]") {
  const auto diagnostics = validate(documentWith(R"({"type":"paragraph","text":"x"})",
      R"("analysts":[{"id":"a","name":"A"},{"id":"a","name":"B"},{"name":"C"}],)"));
  const Diagnostic* duplicate = findDiagnostic(diagnostics, "BS-DUPLICATE-ID");
  REQUIRE(duplicate);
  CHECK(duplicate->path == "/analysts/1/id");
  const Diagnostic* required = findDiagnostic(diagnostics, "BS-REQUIRED");
  REQUIRE(required);
  CHECK(required->path == "/analysts/2/id");
}

TEST_CASE("URL members allow only http, https and relative URLs", "[format]") {
  for (const char* bad : {"javascript:alert(1)", "JaVaScRiPt:x", " java\\tscript:x", "data:text/html,x",
                          "vbscript:x", "jav&#x61;script:x", "%6Aavascript:x", "file:///etc/passwd"}) {
    const auto diagnostics = validate(documentWith(R"({"type":"paragraph","text":"x"})",
                                                   std::string(R"("canonicalUrl":")") + bad + R"(",)"));
    const Diagnostic* scheme = findDiagnostic(diagnostics, "BS-URL-SCHEME");
    INFO(bad);
    REQUIRE(scheme);
    CHECK(scheme->path == "/canonicalUrl");
  }
  for (const char* good : {"https://example.com/a?b#c", "/relative/path", "page.html", "//cdn.example/x"}) {
    const auto diagnostics = validate(documentWith(R"({"type":"paragraph","text":"x"})",
                                                   std::string(R"("canonicalUrl":")") + good + R"(",)"));
    INFO(good);
    CHECK(diagnostics.empty());
  }
}

TEST_CASE("dates must be ISO 8601", "[format]") {
  for (const char* good : {"2007-02-20", "2024-02-29", "2007-02-20T09:30:00Z", "2007-02-20T09:30+06:00", "2007-02-20T09:30:00.123Z"}) {
    INFO(good);
    CHECK(validate(documentWith(R"({"type":"paragraph","text":"x"})", std::string(R"("published":")") + good + R"(",)")).empty());
  }
  for (const char* bad : {"20/02/2007", "2007-02-30", "2023-02-29", "2007-13-01", "2007-02-20T25:00", "yesterday"}) {
    INFO(bad);
    const auto diagnostics = validate(documentWith(R"({"type":"paragraph","text":"x"})", std::string(R"("published":")") + bad + R"(",)"));
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].code == "BS-DATE");
  }
}

TEST_CASE("images need alt text, which may be empty", "[format]") {
  auto diagnostics = validate(documentWith(R"({"type":"image","src":"https://e.example/a.jpg"})"));
  const Diagnostic* required = findDiagnostic(diagnostics, "BS-REQUIRED");
  REQUIRE(required);
  CHECK(required->path == "/body/0/alt");
  diagnostics = validate(documentWith(R"({"type":"paragraph","text":"x"},{"type":"image","src":"https://e.example/a.jpg","alt":""})"));
  CHECK(diagnostics.empty());
}

TEST_CASE("limits produce BS-LIMIT", "[format][limits]") {
  Limits limits;
  limits.maxDepth = 8;
  auto diagnostics = validate(std::string(50, '[') + std::string(50, ']'), limits);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == "BS-LIMIT");

  limits = Limits{};
  limits.maxBlocks = 2;
  diagnostics = validate(documentWith(R"({"type":"divider"},{"type":"divider"},{"type":"divider"})"), limits);
  REQUIRE(findDiagnostic(diagnostics, "BS-LIMIT"));

  limits = Limits{};
  limits.maxInputBytes = 10;
  diagnostics = validate(documentWith(R"({"type":"divider"})"), limits);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == "BS-LIMIT");
}

TEST_CASE("deep nesting is refused without exhausting the stack", "[format][limits]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const auto diagnostics = validate(deep);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == "BS-LIMIT");
}
