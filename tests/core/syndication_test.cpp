// Syndication (issue 15, points 1 and 2): the `syndication` member read and checked, the licence's
// terms applied by the layout, the provenance line, the JSON-LD facts and the host page's head tags.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace broadsheet;
using broadsheet::test::countOccurrences;
using broadsheet::test::documentWith;
using broadsheet::test::findDiagnostic;
using broadsheet::test::readSourceFile;

namespace {

const std::string kBody = R"({"type":"paragraph","text":"One."},{"type":"paragraph","text":"Two."})";

std::string syndicated(const std::string& members, const std::string& extra = "") {
  return documentWith(kBody, extra + R"("syndication":{)" + members + "},");
}

const std::string kComplete =
    R"("source":{"name":"NBCentralAsia","url":"https://iwpr.net/","logo":"https://iwpr.net/logo.png"},)"
    R"("originalUrl":"https://iwpr.net/story","license":"CC-BY-ND-4.0","attribution":"Reproduced with permission.",)"
    R"("firstPublished":"2007-02-20","readUrl":"https://iwpr.net/read")";

RenderOptions withHeadTags(bool standalone = false) {
  RenderOptions options;
  options.headTags = true;
  options.standalone = standalone;
  return options;
}

}  // namespace

TEST_CASE("syndication: the provenance line names the source and the licence, with links", "[syndication]") {
  const RenderResult result = render(syndicated(kComplete));
  for (const auto& d : result.diagnostics) UNSCOPED_INFO(d.path << " " << d.code << " " << d.message);
  CHECK(result.ok);
  CHECK(result.diagnostics.empty());
  CHECK(result.html.find("<p class=\"bs-provenance\"><span class=\"bs-provenance-source\">First published by "
                         "<a href=\"https://iwpr.net/story\"><bdi>NBCentralAsia</bdi></a>.</span> "
                         "<span class=\"bs-provenance-license\">Republished under "
                         "<a href=\"https://creativecommons.org/licenses/by-nd/4.0/\" rel=\"license\">"
                         "<bdi>CC BY-ND 4.0</bdi></a>.</span> <span class=\"bs-provenance-attribution\">"
                         "<bdi>Reproduced with permission.</bdi></span></p>") != std::string::npos);
  // In the footer, after everything else there.
  CHECK(result.html.find("bs-provenance") > result.html.find("<footer"));
  CHECK(result.html.find("bs-provenance") < result.html.find("</footer>"));
  REQUIRE(result.meta);
  CHECK(result.meta->readUrl == "https://iwpr.net/read");
  CHECK_FALSE(result.meta->head);  // only when asked for
}

TEST_CASE("syndication: the line is in the article's language", "[syndication]") {
  const RenderResult russian = render(syndicated(kComplete, R"("lang":"ru",)"));
  CHECK(russian.html.find("Впервые опубликовано: <a href=\"https://iwpr.net/story\"><bdi>NBCentralAsia</bdi></a>.") !=
        std::string::npos);
  const RenderResult kazakh = render(syndicated(kComplete, R"("lang":"kk",)"));
  CHECK(kazakh.html.find("<bdi>CC BY-ND 4.0</bdi></a> лицензиясы бойынша қайта жарияланды.") != std::string::npos);
  const RenderResult arabic = render(syndicated(kComplete, R"("lang":"ar",)"));
  CHECK(arabic.html.find("أعيد نشره بموجب ترخيص <a") != std::string::npos);
}

TEST_CASE("syndication: a licence given as an https URL links to it; an unknown id is shown as written",
          "[syndication]") {
  const RenderResult url = render(
      syndicated(R"("source":{"name":"A"},"originalUrl":"https://a.example/s","license":"https://a.example/terms")"));
  CHECK(url.ok);
  CHECK(url.html.find("<a href=\"https://a.example/terms\" rel=\"license\"><bdi>https://a.example/terms</bdi></a>") !=
        std::string::npos);

  const RenderResult unknown =
      render(syndicated(R"("source":{"name":"A"},"originalUrl":"https://a.example/s","license":"MIT-ish")"));
  CHECK(unknown.ok);  // a warning
  const Diagnostic* warning = findDiagnostic(unknown.diagnostics, "BS-LICENSE");
  REQUIRE(warning);
  CHECK(warning->severity == Severity::Warning);
  CHECK(warning->path == "/syndication/license");
  CHECK(warning->line > 0);
  CHECK(unknown.html.find("Republished under <bdi>MIT-ish</bdi>.") != std::string::npos);
}

TEST_CASE("syndication: bad members are reported with their paths and left out", "[syndication]") {
  SECTION("readUrl not https: an error, the member is dropped, the article renders") {
    const RenderResult result = render(syndicated(
        R"("source":{"name":"A"},"originalUrl":"https://a.example/s","license":"CC-BY-4.0","readUrl":"http://a.example/r")"));
    CHECK_FALSE(result.ok);
    const Diagnostic* error = findDiagnostic(result.diagnostics, "BS-URL-SCHEME");
    REQUIRE(error);
    CHECK(error->path == "/syndication/readUrl");
    CHECK(result.html.find("bs-provenance") != std::string::npos);
    REQUIRE(result.meta);
    CHECK(result.meta->readUrl.empty());
  }
  SECTION("readUrl relative or javascript: refused too") {
    for (const char* bad : {"/read", "//a.example/read", "javascript:alert(1)", "data:text/plain,x"}) {
      const RenderResult result = render(syndicated(
          std::string(R"("source":{"name":"A"},"originalUrl":"https://a.example/s","license":"CC0-1.0","readUrl":")") +
          bad + "\""));
      INFO(bad);
      CHECK(findDiagnostic(result.diagnostics, "BS-URL-SCHEME"));
      CHECK(result.meta->readUrl.empty());
    }
  }
  SECTION("without a source name the whole member is left out") {
    const RenderResult result = render(
        syndicated(R"("source":{"url":"https://a.example/"},"originalUrl":"https://a.example/s","license":"CC0-1.0")"));
    const Diagnostic* error = findDiagnostic(result.diagnostics, "BS-REQUIRED");
    REQUIRE(error);
    CHECK(error->path == "/syndication/source/name");
    CHECK(result.html.find("bs-provenance") == std::string::npos);
  }
  SECTION("a licence URL that is not https is refused; the line keeps the source") {
    const RenderResult result = render(
        syndicated(R"("source":{"name":"A"},"originalUrl":"https://a.example/s","license":"javascript:alert(1)//x")"));
    const Diagnostic* error = findDiagnostic(result.diagnostics, "BS-URL-SCHEME");
    REQUIRE(error);
    CHECK(error->path == "/syndication/license");
    CHECK(result.html.find("bs-provenance-source") != std::string::npos);
    CHECK(result.html.find("bs-provenance-license") == std::string::npos);
    CHECK(result.html.find("javascript") == std::string::npos);
  }
  SECTION("unknown members inside are warned about") {
    const RenderResult result = render(syndicated(kComplete + R"(,"licence":"x")"));
    const Diagnostic* warning = findDiagnostic(result.diagnostics, "BS-UNKNOWN-MEMBER");
    REQUIRE(warning);
    CHECK(warning->path == "/syndication/licence");
    CHECK(warning->message.find("did you mean `license`?") != std::string::npos);
  }
}

TEST_CASE("syndication: under a no-derivatives licence the renderer adds no automatic pull quotes", "[syndication]") {
  const std::string body =
      R"({"type":"paragraph","text":"One paragraph here."},)"
      R"({"type":"quote","text":"Our army will keep its Russian equipment for a long time to come.","by":"a"},)"
      R"({"type":"paragraph","text":"Two paragraphs here."},{"type":"paragraph","text":"Three paragraphs here."})";
  const std::string analysts = R"("analysts":[{"id":"a","name":"Eduard Poletaev"}],"pullquotes":"auto",)";
  const auto withLicense = [&](const std::string& license) {
    return documentWith(body, analysts +
                                  R"("syndication":{"source":{"name":"A"},"originalUrl":"https://a.example/s",)"
                                  R"("license":")" +
                                  license + "\"},");
  };
  const RenderResult free = render(withLicense("CC-BY-4.0"));
  CHECK(free.meta->pullquotesPlaced == 1);
  CHECK_FALSE(findDiagnostic(free.diagnostics, "BS-LICENSE-TERMS"));

  for (const char* license : {"CC-BY-ND-4.0", "CC-BY-NC-ND-4.0", "https://a.example/terms", "Proprietary"}) {
    INFO(license);
    const RenderResult result = render(withLicense(license));
    CHECK(result.meta->pullquotesPlaced == 0);
    CHECK(countOccurrences(result.html, "bs-pullquote") == 0);
    const Diagnostic* info = findDiagnostic(result.diagnostics, "BS-LICENSE-TERMS");
    REQUIRE(info);
    CHECK(info->severity == Severity::Warning);
    CHECK(info->path == "/pullquotes");
  }
  // The author's own pull quotes are the licensor's text: they stay.
  const std::string listed = documentWith(
      body, R"("analysts":[{"id":"a","name":"Eduard Poletaev"}],"pullquotes":[{"text":"Our army will keep its Russian )"
            R"(equipment for a long time to come.","by":"a"}],"syndication":{"source":{"name":"A"},)"
            R"("originalUrl":"https://a.example/s","license":"CC-BY-ND-4.0"},)");
  CHECK(render(listed).meta->pullquotesPlaced == 1);
}

TEST_CASE("syndication: JSON-LD states the original, the licence and the source", "[syndication][head]") {
  RenderOptions options;
  options.standalone = true;
  const RenderResult result = render(syndicated(kComplete), options);
  const std::string& html = result.html;
  CHECK(
      html.find(R"("isBasedOn":{"@type":"NewsArticle","url":"https://iwpr.net/story","datePublished":"2007-02-20"})") !=
      std::string::npos);
  CHECK(html.find(R"("license":"https://creativecommons.org/licenses/by-nd/4.0/")") != std::string::npos);
  for (const char* key : {"copyrightHolder", "sourceOrganization"}) {
    CHECK(
        html.find(
            std::string("\"") + key +
            R"(":{"@type":"Organization","name":"NBCentralAsia","url":"https://iwpr.net/","logo":"https://iwpr.net/logo.png"})") !=
        std::string::npos);
  }
  // Republished: the canonical link points to the original.
  CHECK(html.find("<link rel=\"canonical\" href=\"https://iwpr.net/story\">") != std::string::npos);
}

TEST_CASE("head tags: what a host page puts in its head, from one emitter for meta.head and standalone",
          "[syndication][head]") {
  const std::string json = readSourceFile("tests/fixtures/syndication/nbca-syndicated.json");
  REQUIRE_FALSE(json.empty());
  const RenderResult result = render(json, withHeadTags());
  REQUIRE(result.meta);
  REQUIRE(result.meta->head);
  const std::string& head = *result.meta->head;
  INFO(head);
  CHECK(head.rfind("<link rel=\"canonical\" href=\"https://iwpr.net/global-voices/", 0) == 0);
  CHECK(head.find("<meta name=\"description\" content=\"Kazakstan\u2019s continuing dependence") != std::string::npos);
  CHECK(head.find("<meta property=\"og:type\" content=\"article\">") != std::string::npos);
  CHECK(head.find("<meta property=\"og:title\" content=\"Reliance on Russian Arms Won\u2019t Hamper NATO Ties\">") !=
        std::string::npos);
  CHECK(head.find("<meta property=\"og:site_name\" content=\"Steppe Daily\">") != std::string::npos);
  CHECK(head.find("<meta property=\"og:locale\" content=\"en\">") != std::string::npos);
  CHECK(head.find("<meta property=\"article:published_time\" content=\"2007-02-20\">") != std::string::npos);
  CHECK(head.find("<meta property=\"article:section\" content=\"Frontline Updates\">") != std::string::npos);
  CHECK(head.find("<meta property=\"article:tag\" content=\"Kazakhstan\">") != std::string::npos);
  CHECK(head.find("<meta name=\"twitter:card\" content=\"summary\">") != std::string::npos);
  CHECK(countOccurrences(head, "<script type=\"application/ld+json\">") == 1);
  CHECK(result.meta->id == "nbca-russian-arms-nato-steppe");

  // The standalone document's head holds the same tags after its title.
  const RenderResult standalone = render(json, withHeadTags(true));
  CHECK(standalone.html.find("</title>\n" + head + "<style>") != std::string::npos);
}

TEST_CASE("head tags: every value is escaped for its context", "[syndication][head][security]") {
  const std::string json = documentWith(
      kBody,
      R"("headline":"x\"><script>alert(1)</script>","standfirst":"a \" onload=alert(1) '</script><script>alert(2)</script>",)"
      R"("tags":["t\"><img src=x onerror=alert(3)>"],"section":"</title><script>alert(4)</script>",)"
      R"("lang":"en-US",)"
      R"("syndication":{"source":{"name":"</script><script>alert(5)</script>"},)"
      R"("originalUrl":"https://a.example/s?q=\"><script>","license":"CC-BY-4.0"},)");
  const RenderResult result = render(json, withHeadTags());
  REQUIRE(result.meta->head);
  const std::string& head = *result.meta->head;
  INFO(head);
  CHECK(head.find("<script>") == std::string::npos);
  CHECK(head.find("<img") == std::string::npos);
  CHECK(countOccurrences(head, "</script>") == 1);  // the JSON-LD's own end
  CHECK(countOccurrences(head.substr(0, head.find("<script")), "\"") % 2 == 0);
  CHECK(head.find("content=\"en_US\"") != std::string::npos);
  // Attributes: no raw quote or angle bracket inside a value.
  for (std::size_t at = head.find("content=\""); at != std::string::npos; at = head.find("content=\"", at + 1)) {
    const std::size_t end = head.find('"', at + 9);
    const std::string value = head.substr(at + 9, end - at - 9);
    CHECK(value.find_first_of("<>'") == std::string::npos);
    CHECK(head.compare(end, 3, "\">\n") == 0);
  }
}
