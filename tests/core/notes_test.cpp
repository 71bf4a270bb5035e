// Issue 16, point 4: footnotes (references in the body's text, the notes list with back-links, ids
// unique per article) and the `sources` list, seen through render() and through the layout tree.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace broadsheet;
using test::between;
using test::codesAndPaths;
using test::countOccurrences;
using test::documentWith;

namespace {

// The id prefix the article's ids use (from the notes section's label).
std::string idPrefixOf(const std::string& html) {
  const std::string marker = "aria-labelledby=\"";
  const std::size_t at = html.find(marker);
  REQUIRE(at != std::string::npos);
  const std::size_t start = at + marker.size();
  const std::size_t end = html.find("notes-title", start);
  REQUIRE(end != std::string::npos);
  return html.substr(start, end - start);
}

const std::string kNotes =
    R"("footnotes":[{"id":"b","text":"Note *b*."},{"id":"a","text":"Note a."},{"id":"c","text":"Note c."}],)";

}  // namespace

TEST_CASE("footnotes are numbered in the order of first reference, repeated references share a number",
          "[notes][pipeline]") {
  const std::string json = documentWith(R"({"type":"paragraph","text":"First[^a] then[^b] and a[^a] again."},
    {"type":"list","items":["Item[^c]","Item[^b]"]})",
                                        kNotes);
  const RenderResult result = render(json);
  REQUIRE(result.ok);
  CHECK(codesAndPaths(result.diagnostics).empty());
  const std::string p = idPrefixOf(result.html);
  CHECK(p.substr(0, 3) == "bs-");
  CHECK(p.size() == 12);
  // a is first referred to: note 1; b: 2; c: 3 (definitions were b, a, c).
  CHECK(result.html.find("First<sup class=\"bs-footnote-ref\"><a href=\"#" + p + "fn-1\" id=\"" + p +
                         "fnref-1-1\" role=\"doc-noteref\">1</a></sup> then") != std::string::npos);
  CHECK(result.html.find("id=\"" + p + "fnref-2-1\"") != std::string::npos);
  CHECK(result.html.find("a<sup class=\"bs-footnote-ref\"><a href=\"#" + p + "fn-1\" id=\"" + p + "fnref-1-2\"") !=
        std::string::npos);
  CHECK(result.html.find("id=\"" + p + "fnref-3-1\"") != std::string::npos);
  CHECK(result.html.find("id=\"" + p + "fnref-2-2\"") != std::string::npos);
  const std::string notes = between(result.html, "<section class=\"bs-footnotes\"", "</section>");
  REQUIRE_FALSE(notes.empty());
  CHECK(notes.find("role=\"doc-endnotes\"") != std::string::npos);
  CHECK(notes.find(">Notes</h2>") != std::string::npos);
  const std::size_t one = notes.find("id=\"" + p + "fn-1\">Note a.");
  const std::size_t two = notes.find("id=\"" + p + "fn-2\">Note <em>b</em>.");
  const std::size_t three = notes.find("id=\"" + p + "fn-3\">Note c.");
  REQUIRE(one != std::string::npos);
  REQUIRE(two != std::string::npos);
  REQUIRE(three != std::string::npos);
  CHECK(one < two);
  CHECK(two < three);
  // One back-link per reference, each named.
  CHECK(countOccurrences(notes, "role=\"doc-backlink\"") == 5);
  CHECK(notes.find("href=\"#" + p + "fnref-1-2\" role=\"doc-backlink\" aria-label=\"Back to reference 1.2\"") !=
        std::string::npos);
  CHECK(notes.find("aria-label=\"Back to reference 3\"") != std::string::npos);
  // Every id once.
  for (const std::string id :
       {"fn-1", "fn-2", "fn-3", "fnref-1-1", "fnref-1-2", "fnref-2-1", "fnref-2-2", "fnref-3-1"}) {
    CHECK(countOccurrences(result.html, "id=\"" + p + id + "\"") == 1);
  }
  // The notes come after the body and before the footer.
  CHECK(result.html.find("class=\"bs-body\"") < result.html.find("class=\"bs-footnotes\""));
  CHECK(result.html.find("class=\"bs-footnotes\"") < result.html.find("class=\"bs-footer\""));
}

TEST_CASE("references in code, code blocks, links and pull quotes are not references", "[notes][pipeline]") {
  const std::string json = documentWith(
      R"({"type":"paragraph","text":"Code `[^a]` and [a link [^a]](https://example.org/) and text[^b]."},
         {"type":"markdown","text":"    [^a] in a code block\n\nA \\[^c] after an escape."},
         {"type":"paragraph","text":"More words here for the pull quote to sit after, quite a few of them."},
         {"type":"pullquote","text":"A pull quote[^a]."},
         {"type":"paragraph","text":"Last paragraph."})",
      R"("footnotes":[{"id":"a","text":"A."},{"id":"b","text":"B."}],)");
  const RenderResult result = render(json);
  REQUIRE(result.ok);
  // Only [^b] is a reference; a is referred to nowhere, so it is unused and left out.
  CHECK(countOccurrences(result.html, "role=\"doc-noteref\"") == 1);
  CHECK(result.html.find("<code>[^a]</code>") != std::string::npos);
  CHECK(result.html.find("[a link [^a]]") == std::string::npos);  // the link is a link
  CHECK(result.html.find("a link [^a]</a>") != std::string::npos);
  CHECK(result.html.find("[^a] in a code block") != std::string::npos);
  CHECK(result.html.find("A pull quote[^a].") != std::string::npos);
  CHECK(countOccurrences(result.html, "class=\"bs-footnote\"") == 1);
  const auto diagnostics = codesAndPaths(result.diagnostics);
  CHECK(std::count(diagnostics.begin(), diagnostics.end(), "BS-FOOTNOTE /footnotes/0") == 1);
  // An escaped bracket is text like any other: [^c] names no footnote.
  CHECK(std::count(diagnostics.begin(), diagnostics.end(), "BS-FOOTNOTE /body/1/text") == 1);
}

TEST_CASE("unknown labels, unused and duplicate definitions get BS-FOOTNOTE with their paths", "[notes][format]") {
  const std::string json = documentWith(R"({"type":"paragraph","text":"One[^a] two[^nope]."},
    {"type":"list","items":["x","y[^zz]"]})",
                                        R"("footnotes":[{"id":"a","text":"A."},{"id":"a","text":"Again."},
      {"id":"unused","text":"U."},{"id":"has space","text":"S."},{"id":"","text":"E."},{"id":"t"}],)");
  const RenderResult result = render(json);
  const auto diagnostics = codesAndPaths(result.diagnostics);
  CHECK(diagnostics == std::vector<std::string>{
                           // in document order (render() sorts them by where they are)
                           "BS-FOOTNOTE /footnotes/1/id",
                           "BS-FOOTNOTE /footnotes/2",
                           "BS-FOOTNOTE /footnotes/3/id",
                           "BS-EMPTY /footnotes/4/id",
                           "BS-REQUIRED /footnotes/5/text",
                           "BS-FOOTNOTE /body/0/text",
                           "BS-FOOTNOTE /body/1/items/1",
                       });
  const Diagnostic* duplicate = test::findDiagnostic(result.diagnostics, "BS-FOOTNOTE");
  REQUIRE(duplicate);
  CHECK(duplicate->severity == Severity::Error);
  CHECK(duplicate->message.find("/footnotes/0") != std::string::npos);
  // Unknown labels stay as written; the one good note renders.
  CHECK(result.html.find("two[^nope].") != std::string::npos);
  CHECK(countOccurrences(result.html, "class=\"bs-footnote\"") == 1);
  CHECK(result.html.find(">A. <a class=\"bs-footnote-back\"") != std::string::npos);
}

TEST_CASE("two articles get different ids; the same article the same ones", "[notes][pipeline]") {
  const std::string body = R"({"type":"paragraph","text":"Text[^1]."})";
  const std::string notes = R"("footnotes":[{"id":"1","text":"One."}],)";
  const std::string first = render(documentWith(body, notes)).html;
  const std::string again = render(documentWith(body, notes)).html;
  const std::string other = render(documentWith(body, R"("id":"other",)" + notes)).html;
  CHECK(idPrefixOf(first) == idPrefixOf(again));
  CHECK(idPrefixOf(first) != idPrefixOf(other));
}

TEST_CASE("a body string's references and the limit on footnotes", "[notes][format]") {
  std::string many;
  for (int i = 0; i < 201; ++i)
    many += std::string(i ? "," : "") + R"({"id":"n)" + std::to_string(i) + R"(","text":"x"})";
  const std::string json = R"({"format":"broadsheet/article@1","headline":"H","body":"Text[^n0] and[^n1].",
    "footnotes":[)" + many +
                           "]}";
  const RenderResult result = render(json);
  const auto diagnostics = codesAndPaths(result.diagnostics);
  CHECK(std::count(diagnostics.begin(), diagnostics.end(), "BS-LIMIT /footnotes") == 1);
  CHECK(countOccurrences(result.html, "role=\"doc-noteref\"") == 2);
  // The 198 unused ones are reported (and counted past maxDiagnostics, never more).
  CHECK(std::count_if(diagnostics.begin(), diagnostics.end(),
                      [](const std::string& d) { return d.rfind("BS-FOOTNOTE /footnotes/", 0) == 0; }) >= 1);
}

TEST_CASE("sources are listed after the notes with cite, rel, publisher and localised date", "[notes][pipeline]") {
  const std::string json = documentWith(R"({"type":"paragraph","text":"Text[^1]."})",
                                        R"J("lang":"ru","footnotes":[{"id":"1","text":"One."}],"sources":[
      {"title":"Water quotas","url":"https://example.org/q.pdf","publisher":"Ministry","date":"2025-01-15"},
      {"title":"Local page","url":"/reports/1"},
      {"title":"Bad","url":"javascript:alert(1)"},
      {"url":"https://example.org/"},
      {"title":"  ","url":"https://example.org/"}],"note":"N.",)J");
  RenderOptions options;
  options.baseUrl = "https://news.example.com/a/";
  const RenderResult result = render(json, options);
  const auto diagnostics = codesAndPaths(result.diagnostics);
  CHECK(diagnostics == std::vector<std::string>{"BS-URL-SCHEME /sources/2/url", "BS-REQUIRED /sources/3/title",
                                                "BS-EMPTY /sources/4/title"});
  const std::string sources = between(result.html, "<section class=\"bs-sources\"", "</section>");
  REQUIRE_FALSE(sources.empty());
  CHECK(sources.find(">Источники</h2>") != std::string::npos);
  CHECK(sources.find("<li class=\"bs-source\"><cite class=\"bs-source-title\"><a href=\"https://example.org/q.pdf\" "
                     "rel=\"noopener\"><bdi>Water quotas</bdi></a></cite>, <span class=\"bs-source-publisher\">"
                     "<bdi>Ministry</bdi></span>, <time class=\"bs-source-date\" datetime=\"2025-01-15\">15 января "
                     "2025") != std::string::npos);
  // A link on the host's own site: resolved, no rel.
  CHECK(sources.find("<a href=\"https://news.example.com/reports/1\"><bdi>Local page</bdi></a></cite></li>") !=
        std::string::npos);
  CHECK(countOccurrences(sources, "class=\"bs-source\"") == 2);
  CHECK(result.html.find("Примечания") != std::string::npos);
  // Order: notes, sources, then the editor's note.
  CHECK(result.html.find("bs-footnotes") < result.html.find("bs-sources"));
  CHECK(result.html.find("bs-sources") < result.html.find("class=\"bs-note\""));
}

TEST_CASE("labels for notes in kk", "[notes][locale]") {
  const std::string json = documentWith(R"({"type":"paragraph","text":"Мәтін[^1]."})",
                                        R"("lang":"kk","footnotes":[{"id":"1","text":"Бір."}],)");
  const RenderResult result = render(json);
  CHECK(result.html.find(">Ескертпелер</h2>") != std::string::npos);
  CHECK(result.html.find("aria-label=\"1-сілтемеге оралу\"") != std::string::npos);
}
