// Issue 16, point 3: the table block (reader: shape, paths, limits; layout: numeric columns; html:
// the labelled scroll region) and point 5: the standalone page takes the article's theme.
#include <catch2/catch.hpp>

#include "layout/tables.hpp"
#include "test_support.hpp"

using namespace broadsheet;
using test::codesAndPaths;
using test::countOccurrences;
using test::documentWith;

namespace {

const std::string kParagraph = R"({"type":"paragraph","text":"Words."})";

std::string table(const std::string& members) { return R"({"type":"table",)" + members + "}"; }

}  // namespace

TEST_CASE("a table renders as a labelled, focusable scroll region with caption and header cells",
          "[tables][pipeline]") {
  const RenderResult result = render(documentWith(
      kParagraph + "," +
      table(
          R"("caption":"Water *quotas*","header":["Region","Share"],"rows":[["Osh","12%"],["Batken","-3%"]],"rowHeaders":true)")));
  REQUIRE(result.ok);
  CHECK(result.diagnostics.empty());
  const std::string& html = result.html;
  const std::size_t region = html.find("<div class=\"bs-table\" role=\"region\" tabindex=\"0\" aria-labelledby=\"bs-");
  REQUIRE(region != std::string::npos);
  const std::size_t idStart = html.find("aria-labelledby=\"", region) + 17;
  const std::string id = html.substr(idStart, html.find('"', idStart) - idStart);
  CHECK(id.size() == std::string("bs-12345678-table-1").size());
  CHECK(html.find("<caption id=\"" + id + "\">Water <em>quotas</em></caption>") != std::string::npos);
  CHECK(
      html.find(
          "<thead><tr><th scope=\"col\">Region</th><th scope=\"col\" class=\"bs-cell--end\">Share</th></tr></thead>") !=
      std::string::npos);
  CHECK(html.find("<tr><th scope=\"row\">Osh</th><td class=\"bs-cell--end bs-cell--numeric\">12%</td></tr>") !=
        std::string::npos);
  CHECK(html.find("<th scope=\"row\">Batken</th>") != std::string::npos);
}

TEST_CASE("two articles get different table ids; one article always the same", "[tables][pipeline]") {
  const std::string block = table(R"("caption":"C","rows":[["a"]])");
  const std::string first = render(documentWith(block)).html;
  const std::string again = render(documentWith(block)).html;
  const std::string other = render(documentWith(block, R"("id":"other-article",)")).html;
  const auto idOf = [](const std::string& html) {
    const std::size_t start = html.find("<caption id=\"") + 13;
    return html.substr(start, html.find('"', start) - start);
  };
  CHECK(idOf(first) == idOf(again));
  CHECK(idOf(first) != idOf(other));
  // Within one article the block's index tells tables apart.
  const std::string two = render(documentWith(block + "," + block)).html;
  CHECK(countOccurrences(two, "<caption id=\"" + idOf(first).substr(0, 11) + "-table-0\"") == 1);
  CHECK(countOccurrences(two, "<caption id=\"" + idOf(first).substr(0, 11) + "-table-1\"") == 1);
}

TEST_CASE("ragged rows are padded or cut to the header's width, each reported at its row", "[tables][format]") {
  const RenderResult result = render(
      documentWith(table(R"("caption":"C","header":["A","B","C"],"rows":[["1","2","3"],["4"],["5","6","7","8"]])")));
  REQUIRE(result.ok);  // warnings only
  CHECK(codesAndPaths(result.diagnostics) ==
        std::vector<std::string>{"BS-TABLE-SHAPE /body/0/rows/1", "BS-TABLE-SHAPE /body/0/rows/2"});
  CHECK(result.diagnostics[0].severity == Severity::Warning);
  CHECK(result.diagnostics[0].message.find("padded with empty cells") != std::string::npos);
  CHECK(result.diagnostics[1].message.find("left out") != std::string::npos);
  // Every column is numeric ("1", "4", "5"...); the padded cells are empty cells of it.
  CHECK(result.html.find(">4</td><td class=\"bs-cell--end bs-cell--numeric\"></td><td class=\"bs-cell--end "
                         "bs-cell--numeric\"></td></tr>") != std::string::npos);
  CHECK(result.html.find(">8<") == std::string::npos);
  // Without a header, the first row sets the width.
  const RenderResult headless = render(documentWith(table(R"("caption":"C","rows":[["a","b"],["c"]])")));
  CHECK(codesAndPaths(headless.diagnostics) == std::vector<std::string>{"BS-TABLE-SHAPE /body/0/rows/1"});
}

TEST_CASE("bad table members get diagnostics with their paths; the rest renders", "[tables][format]") {
  const auto diagnose = [](const std::string& members) {
    return codesAndPaths(validate(documentWith(kParagraph + "," + table(members))));
  };
  CHECK(diagnose(R"("rows":[["a"]])") == std::vector<std::string>{"BS-REQUIRED /body/1/caption"});
  CHECK(diagnose(R"("caption":"C")") == std::vector<std::string>{"BS-REQUIRED /body/1/rows"});
  CHECK(diagnose(R"("caption":"C","rows":[])") == std::vector<std::string>{"BS-EMPTY /body/1/rows"});
  CHECK(diagnose(R"("caption":"C","rows":"a")") == std::vector<std::string>{"BS-TYPE /body/1/rows"});
  CHECK(diagnose(R"("caption":"C","rows":[["a",1],"x",["b",null]])") ==
        std::vector<std::string>{"BS-TYPE /body/1/rows/0/1", "BS-TYPE /body/1/rows/1", "BS-TYPE /body/1/rows/2/1"});
  CHECK(diagnose(R"("caption":"C","rows":[["a","b"]],"align":["end","left"]})").empty() == false);
  CHECK(diagnose(R"("caption":"C","rows":[["a","b"]],"align":["end","left"])") ==
        std::vector<std::string>{"BS-VALUE /body/1/align/1"});
  CHECK(diagnose(R"("caption":"C","rows":[["a","b"]],"align":["end","start","center"])") ==
        std::vector<std::string>{"BS-TABLE-SHAPE /body/1/align"});
  CHECK(diagnose(R"("caption":"C","rows":[["a"]],"rowHeaders":"yes")") ==
        std::vector<std::string>{"BS-TYPE /body/1/rowHeaders"});
  CHECK(diagnose(R"("caption":"C","rows":[["a"]],"colour":1)") ==
        std::vector<std::string>{"BS-UNKNOWN-MEMBER /body/1/colour"});
  const auto value = validate(documentWith(table(R"("caption":"C","rows":[["a"]],"align":["centre"])")));
  REQUIRE(value.size() == 1);
  CHECK(value[0].message.find("did you mean `center`?") != std::string::npos);
}

TEST_CASE("the given alignment wins over the layout's numeric decision", "[tables][layout]") {
  const std::string html =
      render(
          documentWith(table(
              R"("caption":"C","header":["N","M","T"],"rows":[["1","2","x"],["3","4","y"]],"align":["start","center","end"])")))
          .html;
  CHECK(html.find("<tr><td class=\"bs-cell--numeric\">1</td><td class=\"bs-cell--center bs-cell--numeric\">2</td><td "
                  "class=\"bs-cell--end\">x</td></tr>") != std::string::npos);
}

TEST_CASE("crafted tables cannot grow the output: rows, columns and cells are limited", "[tables][format]") {
  const auto cells = [](std::size_t count) {
    std::string row = "[";
    for (std::size_t i = 0; i < count; ++i) row += i ? ",\"\"" : "\"\"";
    return row + "]";
  };
  // A header past 50 columns is cut, with its BS-LIMIT.
  const RenderResult wide = render(
      documentWith(table(R"("caption":"C","header":)" + cells(format::kMaxTableColumns + 5) + R"(,"rows":[["a"]])")));
  CHECK(codesAndPaths(wide.diagnostics) ==
        std::vector<std::string>{"BS-LIMIT /body/0/header", "BS-TABLE-SHAPE /body/0/rows/0"});
  CHECK(countOccurrences(wide.html, "<th scope=\"col\">") == format::kMaxTableColumns);
  // 1010 rows of 50 cells: past 1000 rows the rest are left out, and at 50 columns the 10000 cells
  // end at row 200.
  std::string rows = "[";
  for (std::size_t i = 0; i < format::kMaxTableRows + 10; ++i) rows += (i ? "," : "") + cells(format::kMaxTableColumns);
  rows += "]";
  const RenderResult result = render(documentWith(table(R"("caption":"C","rows":)" + rows)));
  CHECK(codesAndPaths(result.diagnostics) ==
        std::vector<std::string>{"BS-LIMIT /body/0/rows", "BS-LIMIT /body/0/rows/200"});
  CHECK(countOccurrences(result.html, "<tr>") == 200);
  CHECK(result.html.size() < 120 * 1024);
}

TEST_CASE("numbers in the forms articles write them make a column numeric", "[tables][layout]") {
  using layout::looksNumeric;
  for (const char* number :
       {"1 234,5",      "1\u00A0234,5", "1\u202F234,5", "1\u2009234", "1,234.5",   "1.234,5",      "-12%",
        "\u221212%",    "+0.4",         "$3.4bn",       "-$3.4bn",    "\u20AC12m", "450\u00A0млн", "12 млрд \u20B8",
        "1 234 \u20B8", "3,5\u00A0%",   "12 %",         "1995",       "0",         "\u00B10.5",    "US$1.2bn",
        "5 тыс."}) {
    INFO(number);
    CHECK(looksNumeric(number));
  }
  for (const char* word :
       {"", "Osh", "12a", "1,,2", "1.", ".5x", "$", "%", "-", "3 apples", "1 234,5 kg", "v2", "2024-01-05", "12:30"}) {
    INFO(word);
    CHECK_FALSE(looksNumeric(word));
  }
}

TEST_CASE("a column is numeric when most cells holding something are numbers", "[tables][layout]") {
  // ru "1 234,5" (a no-break space), kk with a narrow no-break space, en "1,234.5", "-12%", "$3.4bn";
  // dashes ("no figure") do not count either way; the row header column never is numeric.
  const std::string json = documentWith(
      table("\"caption\":\"C\",\"rowHeaders\":true,\"header\":[\"Y\",\"ru\",\"kk\",\"en\",\"pct\",\"usd\",\"mixed\"],"
            "\"rows\":[[\"2024\",\"1\u00A0234,5\",\"1\u202F234,5\",\"1,234.5\",\"-12%\",\"$3.4bn\",\"a\"],"
            "[\"2025\",\"\u2014\",\"2\u202F000\",\"12.5\",\"+3%\",\"$0.9bn\",\"1\"],"
            "[\"2026\",\"7,5\",\"\",\"n/a\",\"\u22120,5\u00A0%\",\"\u2014\",\"b\"]]"));
  const RenderResult result = render(json);
  REQUIRE(result.ok);
  const std::string& html = result.html;
  CHECK(
      html.find("<thead><tr><th scope=\"col\">Y</th><th scope=\"col\" class=\"bs-cell--end\">ru</th><th scope=\"col\" "
                "class=\"bs-cell--end\">kk</th><th scope=\"col\" class=\"bs-cell--end\">en</th><th scope=\"col\" "
                "class=\"bs-cell--end\">pct</th><th scope=\"col\" class=\"bs-cell--end\">usd</th><th "
                "scope=\"col\">mixed</th></tr></thead>") != std::string::npos);
  CHECK(html.find("<tr><th scope=\"row\">2024</th>") != std::string::npos);
  CHECK(html.find("<td>a</td></tr>") != std::string::npos);
}

TEST_CASE("a table in another language carries its lang and dir; cells keep the block's quote marks",
          "[tables][pipeline]") {
  const std::string html = render(documentWith(table(R"("lang":"ar","caption":"جدول","rows":[["\"نص\""]])"))).html;
  CHECK(html.find("aria-labelledby=\"") != std::string::npos);
  CHECK(html.find(" lang=\"ar\" dir=\"rtl\"><table>") != std::string::npos);
}

TEST_CASE("a standalone document takes the article's theme and always has a description", "[tables][pipeline]") {
  RenderOptions options;
  options.standalone = true;
  options.theme = Theme::Dark;
  const std::string dark =
      render(documentWith(R"({"type":"paragraph","text":"The first paragraph describes it."})"), options).html;
  CHECK(dark.find("<html lang=\"en\" dir=\"ltr\" data-theme=\"dark\">") != std::string::npos);
  CHECK(dark.find("<meta name=\"color-scheme\" content=\"dark\">") != std::string::npos);
  CHECK(dark.find("html[data-theme=dark]{color-scheme:dark;background:#131416") != std::string::npos);
  CHECK(dark.find("<meta name=\"description\" content=\"The first paragraph describes it.\">") != std::string::npos);
  CHECK(dark.find("<meta property=\"og:description\" content=\"The first paragraph describes it.\">") !=
        std::string::npos);
  options.theme = Theme::Auto;
  std::string longText(400, 'x');
  for (std::size_t i = 7; i < longText.size(); i += 8) longText[i] = ' ';
  const std::string autoTheme =
      render(documentWith(R"({"type":"paragraph","text":")" + longText + R"("})", R"("standfirst":"",)"), options).html;
  CHECK(autoTheme.find("<meta name=\"color-scheme\" content=\"light dark\">") != std::string::npos);
  const std::size_t description = autoTheme.find("<meta name=\"description\" content=\"");
  REQUIRE(description != std::string::npos);
  const std::string content =
      autoTheme.substr(description + 34, autoTheme.find('"', description + 34) - description - 34);
  CHECK(content.size() <= 160 + 3);
  CHECK(content.substr(content.size() - 3) == "\u2026");
  // A standfirst, when there is one, is the description.
  CHECK(render(documentWith(kParagraph, R"("standfirst":"The summary.",)"), options)
            .html.find("<meta name=\"description\" content=\"The summary.\">") != std::string::npos);
}
