// The format stage: JSON syntax, validation codes, JSON Pointers and positions.
#include <catch2/catch.hpp>

#include <limits>
#include <string>

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

TEST_CASE("an index token is the index's decimal digits", "[format]") {
  for (const std::size_t index : {std::size_t{0}, std::size_t{9}, std::size_t{10}, std::size_t{4096},
                                  std::size_t{1234567890}, std::numeric_limits<std::size_t>::max()}) {
    CHECK(format::childPointer("/body", index) == "/body/" + std::to_string(index));
    CHECK(format::childPointer("", index) == "/" + std::to_string(index));
  }
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
    CHECK(diagnostics[0].column == 34);  // the comma to remove
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
  const auto diagnostics = validate(
      "\xEF\xBB\xBF{\"format\":\"broadsheet/"
      "article@1\",\"headline\":\"\",\"body\":[{\"type\":\"paragraph\",\"text\":\"x\"}]}");
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
  const auto diagnostics =
      validate(documentWith(R"({"type":"paragraph","text":"x"})",
                            R"("analysts":[{"id":"a","name":"A"},{"id":"a","name":"B"},{"name":"C"}],)"));
  const Diagnostic* duplicate = findDiagnostic(diagnostics, "BS-DUPLICATE-ID");
  REQUIRE(duplicate);
  CHECK(duplicate->path == "/analysts/1/id");
  const Diagnostic* required = findDiagnostic(diagnostics, "BS-REQUIRED");
  REQUIRE(required);
  CHECK(required->path == "/analysts/2/id");
}

TEST_CASE("URL members allow only http, https and relative URLs", "[format]") {
  for (const char* bad : {"javascript:alert(1)", "JaVaScRiPt:x", " java\\tscript:x", "data:text/html,x", "vbscript:x",
                          "jav&#x61;script:x", "%6Aavascript:x", "file:///etc/passwd"}) {
    const auto diagnostics = validate(
        documentWith(R"({"type":"paragraph","text":"x"})", std::string(R"("canonicalUrl":")") + bad + R"(",)"));
    const Diagnostic* scheme = findDiagnostic(diagnostics, "BS-URL-SCHEME");
    INFO(bad);
    REQUIRE(scheme);
    CHECK(scheme->path == "/canonicalUrl");
  }
  for (const char* good : {"https://example.com/a?b#c", "/relative/path", "page.html", "//cdn.example/x"}) {
    const auto diagnostics = validate(
        documentWith(R"({"type":"paragraph","text":"x"})", std::string(R"("canonicalUrl":")") + good + R"(",)"));
    INFO(good);
    CHECK(diagnostics.empty());
  }
}

TEST_CASE("dates must be ISO 8601", "[format]") {
  for (const char* good :
       {"2007-02-20", "2024-02-29", "2007-02-20T09:30:00Z", "2007-02-20T09:30+06:00", "2007-02-20T09:30:00.123Z"}) {
    INFO(good);
    CHECK(validate(documentWith(R"({"type":"paragraph","text":"x"})", std::string(R"("published":")") + good + R"(",)"))
              .empty());
  }
  for (const char* bad : {"20/02/2007", "2007-02-30", "2023-02-29", "2007-13-01", "2007-02-20T25:00", "yesterday"}) {
    INFO(bad);
    const auto diagnostics =
        validate(documentWith(R"({"type":"paragraph","text":"x"})", std::string(R"("published":")") + bad + R"(",)"));
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].code == "BS-DATE");
  }
}

TEST_CASE("images need alt text, which may be empty", "[format]") {
  auto diagnostics = validate(documentWith(R"({"type":"image","src":"https://e.example/a.jpg"})"));
  const Diagnostic* required = findDiagnostic(diagnostics, "BS-REQUIRED");
  REQUIRE(required);
  CHECK(required->path == "/body/0/alt");
  diagnostics = validate(
      documentWith(R"({"type":"paragraph","text":"x"},{"type":"image","src":"https://e.example/a.jpg","alt":"","width":4,"height":3})"));
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

TEST_CASE("a missing comma points at the member that follows", "[format]") {
  const auto diagnostics =
      validate("{\n  \"format\": \"broadsheet/article@1\",\n  \"headline\": \"H\"\n  \"body\": \"x\"\n}");
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == "BS-JSON-SYNTAX");
  CHECK(diagnostics[0].line == 4);
  CHECK(diagnostics[0].column == 3);
  CHECK(diagnostics[0].message.find("is a comma missing?") != std::string::npos);
}

TEST_CASE("numbers too large for a double are type errors where they stand, not syntax errors", "[format]") {
  const auto diagnostics = validate(
      "{\"format\":\"broadsheet/article@1\",\n \"headline\": 1e400, \"body\":\"x\",\n"
      " \"image\":{\"src\":\"a.jpg\",\"alt\":\"\",\"height\":9,\"width\":-1e999}, \"extra\": 123e45678}");
  REQUIRE(diagnostics.size() == 4);
  CHECK(diagnostics[0].code == "BS-TYPE");
  CHECK(diagnostics[0].path == "/headline");
  CHECK(diagnostics[0].line == 2);
  CHECK(diagnostics[0].column == 14);
  CHECK(diagnostics[1].code == "BS-IMAGE-SIZE");  // the width left out: the image has no size
  CHECK(diagnostics[1].path == "/image");
  CHECK(diagnostics[2].code == "BS-VALUE");
  CHECK(diagnostics[2].path == "/image/width");
  CHECK(diagnostics[3].code == "BS-UNKNOWN-MEMBER");
  CHECK(diagnostics[3].path == "/extra");

  // A syntax error after such a number is still found, at its own place.
  const auto broken = validate("{\"a\": 1e400, \"b\": ]}");
  REQUIRE(broken.size() == 1);
  CHECK(broken[0].code == "BS-JSON-SYNTAX");
  CHECK(broken[0].column == 19);
}

TEST_CASE("refused links and images in CommonMark text are warnings at the text member", "[format]") {
  const auto diagnostics = validate(documentWith(
      R"j({"type":"paragraph","text":"[a](javascript:alert(1)), <vbscript:x>, [m](mailto:a@example.com), [r](/x), [e]()"},)j"
      R"j({"type":"list","items":["fine","![i](mailto:a@example.com)"]},)j"
      R"j({"type":"markdown","text":"See [ref].\n\n[ref]: data:text/html,x"})j",
      R"j("image":{"src":"a.jpg","alt":"","width":4,"height":3,"caption":"[c](JaVaScRiPt:x)"},)j"));
  REQUIRE(diagnostics.size() == 5);
  for (const Diagnostic& d : diagnostics) {
    CHECK(d.code == "BS-URL-SCHEME");
    CHECK(d.severity == Severity::Warning);
  }
  CHECK(diagnostics[0].path == "/image/caption");
  CHECK(diagnostics[1].path == "/body/0/text");
  CHECK(diagnostics[1].message.find("\"javascript:alert(1)\"") != std::string::npos);
  CHECK(diagnostics[2].path == "/body/0/text");
  CHECK(diagnostics[2].message.find("\"vbscript:x\"") != std::string::npos);
  CHECK(diagnostics[3].path == "/body/1/items/1");
  CHECK(diagnostics[3].message.find("image") != std::string::npos);
  CHECK(diagnostics[4].path == "/body/2/text");

  // The words stay; the article still renders and is ok, as these are warnings.
  const RenderResult rendered =
      render(documentWith(R"j({"type":"paragraph","text":"Click [here](javascript:alert(1)) now"})j"));
  CHECK(rendered.ok);
  CHECK(rendered.html.find("here") != std::string::npos);
  CHECK(rendered.html.find("javascript") == std::string::npos);
}

TEST_CASE("URL messages quote the refused URL on one line", "[format]") {
  const auto diagnostics =
      validate(documentWith(R"({"type":"paragraph","text":"x"})", R"("canonicalUrl":"java\nscript:x",)"));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == "BS-URL-SCHEME");
  CHECK(diagnostics[0].message.find('\n') == std::string::npos);
  CHECK(diagnostics[0].message.find("\"java script:x\"") != std::string::npos);
}

TEST_CASE("heading levels: whole numbers 2 to 4, a bad one keeps the heading at level 2", "[format]") {
  CHECK(validate(documentWith(R"({"type":"heading","level":3.0,"text":"x"})")).empty());
  auto diagnostics = validate(documentWith(R"({"type":"heading","level":"3","text":"x"})"));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == "BS-TYPE");
  CHECK(diagnostics[0].path == "/body/0/level");
  for (const char* level : {"1", "5", "2.5", "-3"}) {
    INFO(level);
    diagnostics = validate(documentWith(std::string(R"({"type":"heading","level":)") + level + R"(,"text":"x"})"));
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].code == "BS-VALUE");
  }
  const RenderResult rendered =
      render(documentWith(R"({"type":"paragraph","text":"x"},{"type":"heading","level":9,"text":"Kept heading"})"));
  CHECK_FALSE(rendered.ok);
  CHECK(rendered.html.find("Kept heading</h2>") != std::string::npos);
}

TEST_CASE("image sizes: BS-TYPE for a non-number, BS-VALUE out of range", "[format]") {
  const auto diagnostics = validate(documentWith(R"({"type":"paragraph","text":"x"})",
                                                 R"("image":{"src":"a.jpg","alt":"","width":"100","height":1.5},)"));
  REQUIRE(diagnostics.size() == 3);
  CHECK(diagnostics[0].code == "BS-IMAGE-SIZE");  // both left out: the image has no size
  CHECK(diagnostics[0].path == "/image");
  CHECK(diagnostics[1].code == "BS-TYPE");
  CHECK(diagnostics[1].path == "/image/width");
  CHECK(diagnostics[2].code == "BS-VALUE");
  CHECK(diagnostics[2].path == "/image/height");
  CHECK(validate(documentWith(R"({"type":"image","src":"a.jpg","alt":"","width":1600.0,"height":900})")).empty());
}

TEST_CASE("references and ids must not be blank", "[format]") {
  const auto diagnostics =
      validate(documentWith(R"({"type":"quote","text":"q","by":" "})",
                            R"("authors":[{"id":"","name":"A"}],"analysts":[{"id":"a","name":"A"}],)"));
  REQUIRE(diagnostics.size() == 2);
  CHECK(diagnostics[0].code == "BS-EMPTY");
  CHECK(diagnostics[0].path == "/authors/0/id");
  CHECK(diagnostics[1].code == "BS-EMPTY");
  CHECK(diagnostics[1].path == "/body/0/by");
}

TEST_CASE("pullquotes is an array or \"auto\"", "[format]") {
  auto diagnostics = validate(documentWith(R"({"type":"paragraph","text":"x"})", R"("pullquotes":"manual",)"));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == "BS-VALUE");
  diagnostics = validate(documentWith(R"({"type":"paragraph","text":"x"})", R"("pullquotes":{},)"));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == "BS-TYPE");
}

TEST_CASE("the lead image has no type member; image blocks do", "[format]") {
  const auto diagnostics = validate(documentWith(R"({"type":"image","src":"b.jpg","alt":"","width":4,"height":3})",
                                                 R"("image":{"type":"image","src":"a.jpg","alt":"","width":4,"height":3},)"));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == "BS-UNKNOWN-MEMBER");
  CHECK(diagnostics[0].path == "/image/type");
}

TEST_CASE("member names in messages are decoded from the pointer and kept on one line", "[format]") {
  const auto diagnostics = validate(documentWith(R"({"type":"paragraph","text":"x"})", R"("":1,"a/b~0":2,"x\ny":3,)"));
  REQUIRE(diagnostics.size() == 3);
  CHECK(diagnostics[0].path == "/");
  CHECK(diagnostics[0].message.rfind("\"(empty name)\" is not part", 0) == 0);
  CHECK(diagnostics[1].path == "/a~1b~00");
  CHECK(diagnostics[1].message.rfind("\"a/b~0\" is not part", 0) == 0);
  CHECK(diagnostics[2].message.find('\n') == std::string::npos);
}

// The reader takes the text in one pass (SAX); these are the cases where what comes later changes
// how something earlier is read.

TEST_CASE("a member given twice counts the last time, reported where it first stands", "[format]") {
  auto diagnostics = validate(R"({"format":"broadsheet/article@1","headline":"H",
    "body":[{"type":"paragraph","text":""}],"tags":[1],"body":[{"type":"paragraph","text":"x"}],"tags":["t"],
    "image":{"src":"a.jpg"},"image":{"src":"a.jpg","alt":"","width":4,"height":3}})");
  CHECK(diagnostics.empty());

  diagnostics = validate(R"({"format":"broadsheet/article@1","headline":"H","body":[{"type":"divider"}],
    "body":{"type":"divider"}})");
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == "BS-TYPE");
  CHECK(diagnostics[0].path == "/body");
  CHECK(diagnostics[0].column == 56);  // the first "body"

  const RenderResult rendered = render(R"({"format":"broadsheet/article@1","headline":"First","headline":"Second",
    "body":[{"type":"paragraph","text":"x","text":"Kept text"}]})");
  CHECK(rendered.ok);
  CHECK(rendered.html.find("Second") != std::string::npos);
  CHECK(rendered.html.find("First") == std::string::npos);
  CHECK(rendered.html.find("Kept text") != std::string::npos);
}

TEST_CASE("a block's type may come after its other members", "[format]") {
  const auto diagnostics = validate(documentWith(
      R"({"text":"T","level":3,"type":"heading"},{"items":["a"],"extra":1,"type":"list"},{"extra":1,"type":"video"})"));
  REQUIRE(diagnostics.size() == 2);
  CHECK(diagnostics[0].code == "BS-UNKNOWN-MEMBER");
  CHECK(diagnostics[0].path == "/body/1/extra");
  CHECK(diagnostics[1].code == "BS-UNKNOWN-BLOCK");  // an unknown type: its members are not checked
  CHECK(diagnostics[1].path == "/body/2/type");
}

TEST_CASE("\"by\" may name an analyst listed after the quote", "[format]") {
  const std::string json = R"({"format":"broadsheet/article@1","headline":"H",
    "body":[{"type":"paragraph","text":"Words here."},{"type":"quote","text":"q","by":"later"},{"type":"quote","text":"q","by":"nobody"}],
    "analysts":[{"id":"later","name":"Later Analyst","role":"analyst"}]})";
  const auto diagnostics = validate(json);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == "BS-REF-ANALYST");
  CHECK(diagnostics[0].path == "/body/2/by");
  CHECK(render(json).html.find("Later Analyst</bdi></span>, <bdi>analyst</bdi></figcaption>") != std::string::npos);
}

TEST_CASE("pull quote blocks count against the limit before the pullquotes array, wherever it stands",
          "[format][limits]") {
  Limits limits;
  limits.maxPullquotes = 2;
  const auto diagnostics =
      validate(R"({"pullquotes":[{"text":"a"},{"text":"b"}],"format":"broadsheet/article@1","headline":"H",
    "body":[{"type":"paragraph","text":"a b"},{"type":"pullquote","text":"a"}]})",
               limits);
  const Diagnostic* limit = findDiagnostic(diagnostics, "BS-LIMIT");
  REQUIRE(limit);
  CHECK(limit->path == "/pullquotes");
  CHECK(limit->message.find("has 2 entries") != std::string::npos);
}

TEST_CASE("blocks past maxBlocks are not read, only counted", "[format][limits]") {
  Limits limits;
  limits.maxBlocks = 1;
  const auto diagnostics = validate(documentWith(R"({"type":"divider"},{"type":"video"},7)"), limits);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == "BS-LIMIT");
  CHECK(diagnostics[0].message.find("has 3 blocks") != std::string::npos);
}
