// The whole pipeline on the seed article and on broken documents.
#include <catch2/catch.hpp>

#include <iterator>
#include <random>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

using namespace broadsheet;
using broadsheet::test::countOccurrences;
using broadsheet::test::documentWith;
using broadsheet::test::findDiagnostic;
using broadsheet::test::readSourceFile;

TEST_CASE("the seed article renders with all its parts", "[pipeline]") {
  const std::string json = readSourceFile("examples/nbca-russian-arms-nato.json");
  REQUIRE_FALSE(json.empty());
  const RenderResult result = render(json);
  for (const auto& d : result.diagnostics) UNSCOPED_INFO(d.path << " " << d.code << " " << d.message);
  CHECK(result.ok);
  const std::string& html = result.html;
  CHECK(html.rfind("<article class=\"bs-article\" lang=\"en\" dir=\"ltr\"", 0) == 0);
  CHECK(countOccurrences(html, "<h1 class=\"bs-headline\">") == 1);
  CHECK(html.find("Reliance on Russian Arms Won\u2019t Hamper NATO\u00A0Ties") != std::string::npos);  // no widow
  CHECK(html.find("class=\"bs-standfirst\"") != std::string::npos);
  CHECK(html.find("<p class=\"bs-section\"><bdi>Frontline Updates</bdi></p>") != std::string::npos);
  CHECK(html.find("<li class=\"bs-tag\"><bdi>Kazakhstan</bdi></li>") != std::string::npos);
  // The byline names all three analysts, the colonel with his honorific.
  const auto byline = html.substr(html.find("class=\"bs-byline\""), 600);
  CHECK(byline.find("Eduard Poletaev") != std::string::npos);
  CHECK(byline.find("Daur Dosybiev") != std::string::npos);
  CHECK(byline.find("Colonel Sergey Pashevich") != std::string::npos);
  // The analyst panel lists each with role and affiliation.
  CHECK(countOccurrences(html, "<li class=\"bs-analyst\">") == 3);
  CHECK(html.find("<span class=\"bs-analyst-affiliation\"><bdi>Battle Brotherhood</bdi></span>") != std::string::npos);
  CHECK(countOccurrences(html, "class=\"bs-pullquote ") >= 2);
  CHECK(html.find("class=\"bs-quote\"") != std::string::npos);
  CHECK(html.find("class=\"bs-note\"") != std::string::npos);
  CHECK(html.find("><bdi>Support local journalists</bdi></a>") != std::string::npos);
  CHECK(result.meta->analysts.size() == 3);
  CHECK(result.meta->pullquotesPlaced >= 2);
  CHECK(result.meta->wordCount > 250);
  CHECK(result.meta->readingMinutes >= 1);
}

TEST_CASE("quotes are attributed with name and role first, the short name after", "[pipeline]") {
  const std::string json = documentWith(
      R"({"type":"quote","text":"One.","by":"p"},{"type":"quote","text":"Two.","by":"p"},{"type":"quote","text":"Three.","attribution":"A reader"})",
      R"("analysts":[{"id":"p","name":"Sergey Pashevich","honorific":"Colonel","role":"president"}],)");
  const RenderResult result = render(json);
  REQUIRE(result.ok);
  CHECK(result.html.find("<figcaption class=\"bs-attribution\">\u2014 <span class=\"bs-person\"><bdi>Colonel Sergey "
                         "Pashevich</bdi></span>, <bdi>president</bdi></figcaption>") != std::string::npos);
  CHECK(result.html.find("<span class=\"bs-person\"><bdi>Colonel Pashevich</bdi></span></figcaption>") !=
        std::string::npos);
  CHECK(result.html.find("<span class=\"bs-person\"><bdi>A reader</bdi></span>") != std::string::npos);
}

TEST_CASE("floating pull quotes are placed between paragraphs and checked against the body", "[pipeline]") {
  const std::string json = documentWith(
      R"({"type":"paragraph","text":"First paragraph of the story."},
         {"type":"paragraph","text":"He said the words that matter here."},
         {"type":"paragraph","text":"Third paragraph."},
         {"type":"paragraph","text":"Fourth paragraph."})",
      R"("pullquotes":[{"text":"the words that matter"},{"text":"Invented words"},{"text":"Third paragraph"},{"text":"No room"}],)");
  const RenderResult result = render(json);
  CHECK(result.ok);                                                     // warnings only
  CHECK(countOccurrences(result.html, "bs-pullquote--floating") == 3);  // one after each paragraph but the last
  const Diagnostic* paraphrase = findDiagnostic(result.diagnostics, "BS-PULLQUOTE-PARAPHRASE");
  REQUIRE(paraphrase);
  CHECK(paraphrase->path == "/pullquotes/1/text");
  const Diagnostic* dropped = findDiagnostic(result.diagnostics, "BS-PULLQUOTE-DROPPED");
  REQUIRE(dropped);
  CHECK(dropped->path == "/pullquotes/3/text");
  CHECK(result.meta->pullquotesDropped.size() == 1);
  // The quote from the body is hidden from screen readers; the paraphrase is not.
  CHECK(countOccurrences(result.html, "aria-hidden=\"true\"") == 2);
  // Never before the first paragraph.
  CHECK(result.html.find("bs-pullquote") > result.html.find("First paragraph"));
}

TEST_CASE("automatic pull quotes come from the analysts' words", "[pipeline]") {
  const std::string json = documentWith(
      R"({"type":"paragraph","text":"Opening paragraph with some words."},
         {"type":"paragraph","text":"Analyst Jane Roe said, “Our region has never depended on a single partner for its security, and it never will.”"},
         {"type":"paragraph","text":"Another paragraph."},
         {"type":"paragraph","text":"Closing paragraph."})",
      R"("analysts":[{"id":"roe","name":"Jane Roe","role":"analyst"}],"pullquotes":"auto",)");
  const RenderResult result = render(json);
  CHECK(result.ok);
  REQUIRE(result.meta->pullquotesPlaced == 1);
  CHECK(result.html.find("<p class=\"bs-pullquote-text\">Our region has never depended") != std::string::npos);
  CHECK(result.html.find("<p class=\"bs-pullquote-by\"><bdi>Jane Roe</bdi></p>") != std::string::npos);
}

TEST_CASE("a broken block is dropped and the rest is kept", "[pipeline]") {
  const std::string json = documentWith(
      R"({"type":"paragraph","text":"Kept before."},{"type":"hologram","text":"gone"},{"type":"paragraph","text":"Kept after."})");
  const RenderResult result = render(json);
  CHECK_FALSE(result.ok);
  CHECK(result.html.find("Kept before.") != std::string::npos);
  CHECK(result.html.find("Kept after.") != std::string::npos);
  CHECK(result.html.find("gone") == std::string::npos);
}

TEST_CASE("a document without a usable headline renders nothing", "[pipeline]") {
  const RenderResult result =
      render(R"({"format":"broadsheet/article@1","headline":"","body":[{"type":"paragraph","text":"x"}]})");
  CHECK_FALSE(result.ok);
  CHECK(result.html.empty());
}

TEST_CASE("markup never comes from content", "[pipeline][security]") {
  const std::string attack = R"(<script>alert(1)</script><img src=x onerror=alert(1)>\"'><svg onload=alert(1)>)";
  const std::string json =
      documentWith(R"({"type":"paragraph","text":")" + attack + R"("},{"type":"quote","text":"q","attribution":")" +
                       attack + R"("})",
                   R"("section":")" + attack + R"(","tags":[")" + attack + R"("],"analysts":[{"id":"a","name":")" +
                       attack + R"(","role":")" + attack + R"("}],)");
  const RenderResult result = render(json);
  CHECK(result.html.find("<script") == std::string::npos);
  CHECK(result.html.find("<img") == std::string::npos);
  CHECK(result.html.find("<svg") == std::string::npos);
  CHECK(countOccurrences(result.html, "&lt;script&gt;alert(1)&lt;/script&gt;") >= 5);
}

TEST_CASE("standalone documents carry the stylesheet and safe JSON-LD", "[pipeline]") {
  RenderOptions options;
  options.standalone = true;
  const RenderResult result =
      render(documentWith(R"({"type":"paragraph","text":"x"})", R"("id":"1",)").replace(0, 0, ""), options);
  REQUIRE(result.ok);
  CHECK(result.html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(result.html.find(".bs-article") != std::string::npos);
  CHECK(result.html.find("\"@type\":\"NewsArticle\"") != std::string::npos);

  const std::string hostile =
      R"({"format":"broadsheet/article@1","headline":"</script><script>alert(1)</script>\u2028","body":"x"})";
  const RenderResult escaped = render(hostile, options);
  const std::string jsonLd = escaped.html.substr(escaped.html.find("application/ld+json"));
  CHECK(jsonLd.find("</script><script>") == std::string::npos);
  CHECK(jsonLd.find("\\u003c/script\\u003e") != std::string::npos);
}

TEST_CASE("the markup is valid HTML where the document is looser", "[pipeline][html]") {
  // Heading levels: the author's level 4 straight after the headline becomes an h2, and the class
  // keeps the author's level; the note and panel headings stay one below the headline.
  const std::string headings =
      render(
          documentWith(
              R"({"type":"heading","level":4,"text":"Four"},{"type":"paragraph","text":"x"},{"type":"heading","level":3,"text":"Three"},)"
              R"({"type":"markdown","text":"#### Five"},{"type":"heading","level":2,"text":"Two"})",
              R"("note":"n","analysts":[{"id":"a","name":"A B"}],)"))
          .html;
  CHECK(headings.find("<h2 class=\"bs-heading bs-heading--4\">Four</h2>") != std::string::npos);
  CHECK(headings.find("<h3 class=\"bs-heading bs-heading--3\">Three</h3>") != std::string::npos);
  CHECK(headings.find("<h4 class=\"bs-heading bs-heading--5\">Five</h4>") != std::string::npos);
  CHECK(headings.find("<h2 class=\"bs-heading bs-heading--2\">Two</h2>") != std::string::npos);
  CHECK(headings.find("<h2 class=\"bs-note-label\">") != std::string::npos);
  CHECK(headings.find("<h2 class=\"bs-analysts-title\">") != std::string::npos);
  RenderOptions level3;
  level3.headingLevel = 3;
  const std::string shifted = render(documentWith(R"({"type":"heading","level":4,"text":"Four"})"), level3).html;
  CHECK(shifted.find("<h3 class=\"bs-headline\">") != std::string::npos);
  CHECK(shifted.find("<h4 class=\"bs-heading bs-heading--4\">Four</h4>") != std::string::npos);

  // datetime values: "T" and "Z" in upper case, a second's fraction cut to milliseconds, and a leap
  // second (which HTML cannot write) leaves the date.
  const auto datetimes = [](const std::string& published, const std::string& updated) {
    const std::string html =
        render(documentWith(R"({"type":"paragraph","text":"x"})",
                            R"("published":")" + published + R"(","updated":")" + updated + R"(",)"))
            .html;
    std::string found;
    for (std::size_t at = html.find("datetime=\""); at != std::string::npos; at = html.find("datetime=\"", at + 1)) {
      found += html.substr(at + 10, html.find('"', at + 10) - at - 10) + "|";
    }
    return found;
  };
  CHECK(datetimes("2007-02-20", "2007-02-21 09:30") == "2007-02-20|2007-02-21T09:30|");
  CHECK(datetimes("2007-02-20t09:30:15.123456z", "2007-02-22T10:00-05:00") ==
        "2007-02-20T09:30:15.123Z|2007-02-22T10:00-05:00|");
  CHECK(datetimes("2016-12-31T23:59:60Z", "2017-01-02T00:00:00.5+03:00") == "2016-12-31|2017-01-02T00:00:00.5+03:00|");

  // A standalone document has the article as its main landmark.
  RenderOptions standalone;
  standalone.standalone = true;
  const std::string page = render(documentWith(R"({"type":"paragraph","text":"x"})"), standalone).html;
  CHECK(page.find("<body>\n<main>\n<article class=\"bs-article\"") != std::string::npos);
  CHECK(page.find("</article>\n</main>\n</body>") != std::string::npos);
}

TEST_CASE("options come from JSON and bad ones are reported", "[pipeline]") {
  std::vector<Diagnostic> diagnostics;
  const RenderOptions options =
      parseOptions(R"({"standalone":true,"headingLevel":2,"theme":"dark","bogus":1})", diagnostics);
  CHECK(options.standalone);
  CHECK(options.headingLevel == 2);
  CHECK(options.theme == Theme::Dark);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == "BS-OPTION");
}

TEST_CASE("options: the last of a name counts, limits are read one level down, reports come in name order",
          "[pipeline]") {
  std::vector<Diagnostic> diagnostics;
  const RenderOptions options = parseOptions(
      R"({"zeta":[1,{"a":2}],"theme":"light","theme":"dark","limits":{"maxBlocks":3,"maxPeople":0,"maxDepth":{"x":1}},"alpha":null,"lang":"kk"})",
      diagnostics);
  CHECK(options.theme == Theme::Dark);
  CHECK(options.lang == "kk");
  CHECK(options.limits.maxBlocks == 3);
  CHECK(options.limits.maxPeople == Limits{}.maxPeople);
  CHECK(options.limits.maxDepth == Limits{}.maxDepth);
  std::vector<std::string> reported;
  for (const Diagnostic& d : diagnostics) reported.push_back(d.path + " " + d.message.substr(0, 30));
  CHECK(reported ==
        std::vector<std::string>{"/alpha The option \"alpha\" is unknown ", "/limits The option limits.maxDepth mus",
                                 "/limits The option limits.maxPeople mu", "/zeta The option \"zeta\" is unknown o"});
  for (const char* notAnObject : {"[]", "\"x\"", "{\"a\":", "nul"}) {
    INFO(notAnObject);
    std::vector<Diagnostic> reports;
    parseOptions(notAnObject, reports);
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].message == "The render options must be a JSON object.");
  }
}

TEST_CASE("meta is present exactly when an article was read, and ok says whether any diagnostic is an error",
          "[pipeline]") {
  const RenderResult unreadable = render(R"({"format":"broadsheet/article@1","headline":)");
  CHECK_FALSE(unreadable.ok);
  CHECK(unreadable.html.empty());
  CHECK_FALSE(unreadable.meta.has_value());

  const RenderResult headless = render(R"({"format":"broadsheet/article@1","headline":" ","body":"Text."})");
  CHECK_FALSE(headless.ok);
  CHECK_FALSE(headless.meta.has_value());

  const RenderResult flawed = render(documentWith(R"({"type":"paragraph","text":"x"})", R"("tags":[1],)"));
  CHECK_FALSE(flawed.ok);
  CHECK_FALSE(flawed.html.empty());
  REQUIRE(flawed.meta.has_value());
  CHECK(flawed.meta->headline == "Test headline");

  const RenderResult sound = render(documentWith(R"({"type":"paragraph","text":"x"})"));
  CHECK(sound.ok);
  CHECK(sound.meta.has_value());
  CHECK(metaToJson(std::nullopt) == "null");
}

TEST_CASE("the diagnostics list keeps an error, whatever limits.maxDiagnostics leaves out", "[pipeline][limits]") {
  // Warnings (unknown members) fill the list before the error (a tag that is not a string) is found.
  const std::string json = documentWith(R"({"type":"paragraph","text":"x"})", R"("a":1,"b":2,"tags":[1],)");
  for (std::size_t capacity : {0, 1, 2}) {
    RenderOptions options;
    options.limits.maxDiagnostics = capacity;
    const RenderResult result = render(json, options);
    INFO("maxDiagnostics " << capacity);
    CHECK_FALSE(result.ok);
    CHECK(hasErrors(result.diagnostics));
    CHECK(hasErrors(validate(json, options)));
  }
  CHECK_FALSE(hasErrors(validate(documentWith(R"({"type":"paragraph","text":"x"})", R"("a":1,)"))));
}

TEST_CASE("diagnostics and meta serialise to JSON", "[pipeline]") {
  const auto json = diagnosticsToJson({{Severity::Warning, "BS-X", "say \"hi\"", "/a~1b", 2, 3}});
  CHECK(json == R"([{"code":"BS-X","column":3,"line":2,"message":"say \"hi\"","path":"/a~1b","severity":"warning"}])");
}

TEST_CASE("the byline gives authors' roles and affiliations after their names", "[pipeline]") {
  const RenderResult result = render(documentWith(
      R"({"type":"paragraph","text":"x"})",
      R"("authors":[{"name":"Jane Doe","role":"data editor","affiliation":"NBCentralAsia"},{"name":"John Roe","url":"https://e.example/roe"}],)"));
  REQUIRE(result.ok);
  CHECK(result.html.find("<span class=\"bs-person\"><bdi>Jane Doe</bdi></span><span class=\"bs-byline-role\">, "
                         "<bdi>data editor</bdi>, <bdi>NBCentralAsia</bdi></span>") != std::string::npos);
  CHECK(countOccurrences(result.html, "bs-byline-role") == 1);
  CHECK(
      result.html.find("<span class=\"bs-person\"><a href=\"https://e.example/roe\"><bdi>John Roe</bdi></a></span>") !=
      std::string::npos);
}

TEST_CASE("diagnostics serialise any text as nlohmann-json's dump() would", "[pipeline]") {
  // The writer (src/serialize.cpp) copies runs of printable ASCII at once and escapes the rest one
  // byte or sequence at a time: held to nlohmann's own dump, invalid UTF-8 replaced, on random texts.
  std::mt19937 random(20261206);
  const std::string pieces[] = {"plain words ", "\"",       "\\",           "/",      "\b",
                                "\f",           "\n",       "\r",           "\t",     "\x01",
                                "\x1f",         "\x7f",     "Алматы",       "\u2028", "\xF0\x9F\x93\xB0",
                                "\xC3",         "\xE2\x80", "\xED\xA0\x80", "\xFF",   "~"};
  std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1), count(0, 12);
  for (int i = 0; i < 20000; ++i) {
    std::string message;
    for (std::size_t n = count(random); n > 0; --n) message += pieces[pick(random)];
    INFO(nlohmann::json(message).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    const nlohmann::json expected = nlohmann::json::array(
        {{{"code", "BS-X"}, {"column", 1}, {"line", 1}, {"message", message}, {"path", ""}, {"severity", "error"}}});
    CHECK(diagnosticsToJson({{Severity::Error, "BS-X", message, "", 1, 1}}) ==
          expected.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}
