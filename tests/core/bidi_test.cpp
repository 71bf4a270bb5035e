// Bidi controls in plain-text members (format stage) and the isolation of plain-text values in the
// output (html stage).
#include <catch2/catch.hpp>

#include "format/bidi.hpp"
#include "test_support.hpp"

using namespace broadsheet;
using broadsheet::test::countOccurrences;
using broadsheet::test::documentWith;

namespace {

constexpr const char* LRE = "\u202A";
constexpr const char* RLE = "\u202B";
constexpr const char* PDF = "\u202C";
constexpr const char* RLO = "\u202E";
constexpr const char* LRI = "\u2066";
constexpr const char* RLI = "\u2067";
constexpr const char* FSI = "\u2068";
constexpr const char* PDI = "\u2069";

std::string cleaned(std::string text) {
  format::removeUnpairedBidiControls(text);
  return text;
}

}  // namespace

TEST_CASE("bidi controls that open or close no pair are removed; well-nested pairs stay", "[format][bidi]") {
  const std::string s = std::string("Ann") + RLO + " Lee";
  CHECK(cleaned(s) == "Ann Lee");
  CHECK(cleaned(std::string("a") + PDF + "b" + PDI + "c") == "abc");  // closers of nothing
  CHECK(cleaned(std::string(RLO) + "abc" + PDF) == std::string(RLO) + "abc" + PDF);
  CHECK(cleaned(std::string(RLI) + "a" + LRE + "b" + PDF + PDI) == std::string(RLI) + "a" + LRE + "b" + PDF + PDI);
  CHECK(cleaned(std::string(FSI) + "x" + PDI + LRI + "y" + PDI) == std::string(FSI) + "x" + PDI + LRI + "y" + PDI);
  // Crossed pairs: the isolate's closer meets an open embedding, so both it and its opener go; the
  // embedding's own pair then closes.
  CHECK(cleaned(std::string(RLI) + LRE + "x" + PDI + PDF) == std::string(LRE) + "x" + PDF);
  CHECK(cleaned(std::string(RLE) + "x" + PDI) == "x");  // the wrong closer
  std::string many;
  for (int i = 0; i < 1000; ++i) many += RLO;
  std::string text = many + "x";
  CHECK(format::removeUnpairedBidiControls(text) == 1000);
  CHECK(text == "x");
  // Other characters of the same lead byte (dashes, marks, quotes) are text, as is U+200F (a mark, not a control).
  const std::string others = "\u2014 \u200F \u201C\u201D \u2060 \u206A";
  CHECK(cleaned(others) == others);
  CHECK(cleaned("plain") == "plain");
  CHECK(cleaned(std::string("\xE2\x80")) == std::string("\xE2\x80"));  // a cut sequence is not a control
}

TEST_CASE("plain-text members lose unpaired bidi controls with a BS-BIDI warning", "[format][bidi]") {
  const std::string json =
      documentWith(std::string(R"({"type":"paragraph","text":"x"},{"type":"quote","text":"q","attribution":"Reader)") +
                       RLO + R"("},)" + R"({"type":"image","src":"https://e.example/a.jpg","width":4,"height":3,"alt":"alt)" + RLI + R"("})",
                   std::string(R"("section":")") + RLO + R"(World","tags":["one)" + PDF + R"(","two"],)" +
                       R"("authors":[{"name":"Ann)" + RLO + R"(","role":"r)" + LRE + R"(","affiliation":"a)" + PDI +
                       R"(","honorific":"Dr)" + RLE + R"("}],)" + R"("publisher":{"name":"Pub)" + RLO +
                       R"("},"callToAction":{"label":"Go)" + RLO + R"(","url":"https://e.example"},)");
  const RenderResult result = render(json);
  CHECK(result.ok);
  std::vector<std::string> paths;
  for (const Diagnostic& d : result.diagnostics) {
    CHECK(d.code == "BS-BIDI");
    CHECK(d.severity == Severity::Warning);
    paths.push_back(d.path);
  }
  CHECK(paths == std::vector<std::string>{"/section", "/tags/0", "/authors/0/name", "/authors/0/role",
                                          "/authors/0/affiliation", "/authors/0/honorific", "/publisher/name",
                                          "/callToAction/label", "/body/1/attribution",
                                          "/body/2/alt"});  // in document order
  for (const char* control : {RLO, LRE, PDF, RLI, PDI, RLE}) CHECK(result.html.find(control) == std::string::npos);
  // Paired controls inside a value stay: the value is isolated, so they cannot reach past it.
  const RenderResult paired = render(documentWith(
      R"({"type":"paragraph","text":"x"})", std::string(R"("authors":[{"name":")") + RLI + "Ann" + PDI + R"("}],)"));
  CHECK(paired.diagnostics.empty());
  CHECK(paired.html.find(std::string("<bdi>") + RLI + "Ann" + PDI + "</bdi>") != std::string::npos);
  // A name that was nothing but controls is blank.
  const RenderResult blank = render(
      documentWith(R"({"type":"paragraph","text":"x"})", std::string(R"("authors":[{"name":")") + RLO + R"("}],)"));
  CHECK(countOccurrences(blank.html, "bs-person") == 0);
  REQUIRE(blank.diagnostics.size() == 2);
  CHECK(blank.diagnostics[0].code == "BS-BIDI");
  CHECK(blank.diagnostics[1].code == "BS-EMPTY");
}

TEST_CASE("every plain-text value inside running text is isolated", "[html][bidi]") {
  const std::string json = documentWith(
      R"({"type":"paragraph","text":"See <https://e.example/a> and <desk@e.example>."},{"type":"quote","text":"q","by":"a"},)"
      R"({"type":"quote","text":"q","attribution":"أحد القراء"})",
      R"("lang":"en","section":"العالم","tags":["سياسة","Kazakhstan"],"authors":[{"name":"سامر القنديلي","role":"محلل","affiliation":"BBC"}],)"
      R"("analysts":[{"id":"a","name":"Eduard Poletaev","role":"commentator","affiliation":"Ekho"}],)"
      R"("publisher":{"name":"نشر","url":"https://e.example"},"callToAction":{"label":"ادعم","url":"https://e.example/s"},)");
  const RenderResult result = render(json);
  REQUIRE(result.ok);
  const std::string& html = result.html;
  for (const char* isolated :
       {"<p class=\"bs-section\"><bdi>العالم</bdi></p>",
        "By <span class=\"bs-person\"><bdi>سامر القنديلي</bdi></span><span class=\"bs-byline-role\">, <bdi>محلل</bdi>, "
        "<bdi>BBC</bdi></span>",
        "With analysis from <span class=\"bs-person\"><bdi>Eduard Poletaev</bdi></span>",
        "\u2014 <span class=\"bs-person\"><bdi>Eduard Poletaev</bdi></span>, <bdi>commentator</bdi></figcaption>",
        "\u2014 <span class=\"bs-person\"><bdi>أحد القراء</bdi></span></figcaption>",
        "<span class=\"bs-analyst-name\"><bdi>Eduard Poletaev</bdi></span> <span "
        "class=\"bs-analyst-role\"><bdi>commentator</bdi></span> "
        "<span class=\"bs-analyst-affiliation\"><bdi>Ekho</bdi></span>",
        "<li class=\"bs-tag\"><bdi>سياسة</bdi></li><li class=\"bs-tag\"><bdi>Kazakhstan</bdi></li>",
        "<a class=\"bs-cta\" href=\"https://e.example/s\"><bdi>ادعم</bdi></a>",
        "<a href=\"https://e.example\"><bdi>نشر</bdi></a>",
        "<a href=\"https://e.example/a\" rel=\"noopener\"><bdi>https://e.example/a</bdi></a>",
        "<a href=\"mailto:desk@e.example\"><bdi>desk@e.example</bdi></a>"}) {
    INFO(isolated);
    CHECK(html.find(isolated) != std::string::npos);
  }
  // Links with words of their own are running text, not values: not isolated.
  CHECK(render(documentWith(R"J({"type":"paragraph","text":"[the map](https://e.example/m)"})J"))
            .html.find(">the map</a>") != std::string::npos);
}
