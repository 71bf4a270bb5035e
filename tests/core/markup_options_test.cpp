// Render options that add to the markup contract (docs/markup.md): `parts`, and what links and images
// carry (rel, referrerpolicy).
#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

#include "html/parts.hpp"
#include "test_support.hpp"

using namespace broadsheet;
using broadsheet::test::countOccurrences;
using broadsheet::test::documentWith;
using broadsheet::test::readSourceFile;

namespace {

RenderResult renderWith(const std::string& json, const std::string& optionsJson) {
  std::vector<Diagnostic> optionDiagnostics;
  const RenderOptions options = parseOptions(optionsJson, optionDiagnostics);
  for (const Diagnostic& d : optionDiagnostics) UNSCOPED_INFO(d.path << " " << d.message);
  REQUIRE(optionDiagnostics.empty());
  return render(json, options);
}

// The value of `name="…"` in a start tag, or nothing.
std::optional<std::string> attribute(const std::string& tag, const std::string& name) {
  const std::regex pattern("\\s" + name + "=\"([^\"]*)\"");
  std::smatch match;
  if (!std::regex_search(tag, match, pattern)) return std::nullopt;
  return match[1].str();
}

// Every start tag of the output.
std::vector<std::string> startTags(const std::string& html) {
  std::vector<std::string> tags;
  const std::regex tag("<[a-z][a-z0-9]*(\\s[^<>]*)?>");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator(); ++it)
    tags.push_back(it->str());
  return tags;
}

// the part names docs/markup.md documents for the element.
const std::map<std::string, std::string> kElementPartNames = {
    {"bs-article", "article"},
    {"bs-header", "header"},
    {"bs-section", "section"},
    {"bs-headline", "headline"},
    {"bs-standfirst", "standfirst"},
    {"bs-byline", "byline"},
    {"bs-meta", "meta"},
    {"bs-figure", "figure"},
    {"bs-lead-image", "lead-image"},
    {"bs-body", "body"},
    {"bs-heading", "heading"},
    {"bs-quote", "quote"},
    {"bs-attribution", "attribution"},
    {"bs-pullquote", "pullquote"},
    {"bs-callout", "callout"},
    {"bs-note", "note"},
    {"bs-footer", "footer"},
    {"bs-analysts", "analysts"},
    {"bs-tags", "tags"},
    {"bs-cta", "cta"},
    {"bs-publisher", "publisher"},
};

// The part names the element's classes call for, in class order.
std::string expectedParts(const std::string& classes) {
  std::string parts;
  std::istringstream words(classes);
  for (std::string word; words >> word;) {
    const auto found = kElementPartNames.find(word);
    if (found != kElementPartNames.end()) parts += (parts.empty() ? "" : " ") + found->second;
  }
  return parts;
}

// Every part of the contract, in a document that has each region (a Markdown heading too).
std::string documentWithEveryRegion() {
  return R"({"format":"broadsheet/article@1","headline":"Every region","standfirst":"All of them.","section":"Tests",
    "published":"2024-05-01","authors":[{"name":"Ann Author"}],"analysts":[{"id":"a","name":"Ana Lyst","role":"analyst"}],
    "image":{"src":"https://example.com/a.jpg","alt":"A"},"tags":["t"],"note":"A note.",
    "callToAction":{"label":"Act","url":"https://example.com/act"},"publisher":{"name":"Pub","url":"https://example.com"},
    "body":[{"type":"paragraph","text":"First paragraph with words."},{"type":"heading","text":"Heading"},
    {"type":"quote","text":"Quoted words.","by":"a"},{"type":"pullquote","text":"Pulled words."},
    {"type":"note","text":"A callout."},{"type":"image","src":"https://example.com/b.jpg","alt":"B"},
    {"type":"markdown","text":"## Markdown heading\n\nText."}]})";
}

}  // namespace

TEST_CASE("parts: the core names the contract's elements with the element's ::part() names", "[markup]") {
  for (const std::string& json : {readSourceFile("examples/nbca-russian-arms-nato.json"), documentWithEveryRegion()}) {
    const RenderResult plain = renderWith(json, "{}");
    const RenderResult withParts = renderWith(json, R"({"parts":true})");
    REQUIRE(withParts.ok);
    CHECK(plain.html.find(" part=\"") == std::string::npos);  // only when asked
    std::map<std::string, std::size_t> partCounts;
    for (const std::string& tag : startTags(withParts.html)) {
      INFO(tag);
      const auto classes = attribute(tag, "class");
      const auto parts = attribute(tag, "part");
      const std::string expected = classes ? expectedParts(*classes) : "";
      CHECK(parts.value_or("") == expected);
      if (parts) ++partCounts[*parts];
    }
    // Nothing else changes: without the part attributes the output is the same.
    CHECK(std::regex_replace(withParts.html, std::regex(" part=\"[^\"]*\""), "") == plain.html);
    CHECK(partCounts["article"] == 1);
    CHECK(partCounts["headline"] == 1);
  }
  const RenderResult everything = renderWith(documentWithEveryRegion(), R"({"parts":true})");
  std::set<std::string> named;
  for (const std::string& tag : startTags(everything.html)) {
    if (auto parts = attribute(tag, "part")) {
      std::istringstream words(*parts);
      for (std::string word; words >> word;) named.insert(word);
    }
  }
  std::set<std::string> all;
  for (const auto& [className, part] : kElementPartNames) all.insert(part);
  CHECK(named == all);
  CHECK(everything.html.find("<figure class=\"bs-figure bs-lead-image\" part=\"figure lead-image\">") !=
        std::string::npos);
  CHECK(everything.html.find("<h3 class=\"bs-heading bs-heading--3\" part=\"heading\">Markdown heading</h3>") !=
        std::string::npos);
}

TEST_CASE("parts follow the structure, not the text: content that spells markup gets none", "[markup]") {
  const std::string json =
      documentWith(R"J({"type":"paragraph","text":"<p class=\"bs-cta\">x</p> and class=\"bs-cta\""},
      {"type":"markdown","text":"<aside class=\"bs-note\">raw</aside>\n\n[a](https://x.example \"class=bs-cta\")"})J",
                   R"("section":"<b class=\"bs-cta\">","tags":["class=\"bs-cta\" part=\"cta\""],)");
  const RenderResult result = renderWith(json, R"({"parts":true})");
  REQUIRE(result.ok);
  // The only start tags with parts are the article's own regions.
  std::vector<std::string> named;
  for (const std::string& tag : startTags(result.html)) {
    if (auto parts = attribute(tag, "part")) named.push_back(*parts);
  }
  CHECK(named ==
        std::vector<std::string>{"article", "header", "section", "headline", "meta", "body", "footer", "tags"});
  CHECK(html::partName("bs-cta") == "cta");
  CHECK(html::partName("bs-heading--2").empty());
}

TEST_CASE("options for URLs, links, images and parts are read, and bad values reported", "[markup]") {
  std::vector<Diagnostic> diagnostics;
  const RenderOptions options = parseOptions(
      R"({"parts":true,"baseUrl":"https://News.example/a/b.json?x#f","relativeImages":"drop","linkRel":"NoFollow ugc nofollow",)"
      R"("imageReferrerPolicy":"no-referrer"})",
      diagnostics);
  CHECK(diagnostics.empty());
  CHECK(options.parts);
  CHECK(options.baseUrl == "https://News.example/a/b.json?x#f");
  CHECK(options.relativeImages == RelativeImages::Drop);
  CHECK(options.linkRel == "nofollow ugc");
  CHECK(options.imageReferrerPolicy == "no-referrer");

  diagnostics.clear();
  const RenderOptions bad =
      parseOptions(R"({"parts":"yes","baseUrl":"/relative","relativeImages":"skip","linkRel":"nofollow opener x\"y",)"
                   R"("imageReferrerPolicy":"no-referrer, origin"})",
                   diagnostics);
  std::vector<std::string> reported;
  for (const Diagnostic& d : diagnostics) {
    CHECK(d.code == "BS-OPTION");
    CHECK(d.severity == Severity::Warning);
    reported.push_back(d.path);
  }
  CHECK(reported ==
        std::vector<std::string>{"/baseUrl", "/imageReferrerPolicy", "/linkRel", "/parts", "/relativeImages"});
  CHECK_FALSE(bad.parts);
  CHECK(bad.baseUrl.empty());
  CHECK(bad.relativeImages == RelativeImages::Keep);
  CHECK(bad.linkRel == "nofollow");  // the known token stays
  CHECK(bad.imageReferrerPolicy.empty());
  for (const char* notABase :
       {"//news.example/", "ftp://news.example/", "https://", "https:///x", "https://user:pw@news.example/",
        "javascript:alert(1)", "news.example", "https://news.example:port/"}) {
    INFO(notABase);
    std::vector<Diagnostic> reports;
    CHECK(parseOptions(std::string(R"({"baseUrl":")") + notABase + "\"}", reports).baseUrl.empty());
    CHECK(reports.size() == 1);
  }
}

namespace {

// Images and links of every kind, all relative.
std::string documentWithRelativeUrls() {
  return R"J({"format":"broadsheet/article@1","headline":"Relative","canonicalUrl":"/world/story",
    "authors":[{"name":"Ann","url":"../people/ann"}],"publisher":{"name":"Pub","url":"/"},
    "callToAction":{"label":"Act","url":"//news.example/act"},
    "image":{"src":"img/lead.jpg","alt":"Lead","caption":"Lead caption","width":4,"height":3},
    "body":[{"type":"paragraph","text":"See [the map](maps/1.html), [us](/about), [them](https://other.example/x), [notes](#notes) and <https://other.example/auto>. ![inline](img/inline.png)"},
            {"type":"image","src":"/img/block.jpg","alt":"Block","width":4,"height":3},
            {"type":"image","src":"//cdn.example/abs.jpg","alt":"Absolute","width":4,"height":3}]})J";
}

}  // namespace

TEST_CASE("with a base URL every image and link resolves against the article", "[markup][urls]") {
  const RenderResult result =
      renderWith(documentWithRelativeUrls(), R"({"baseUrl":"https://news.example/world/2024/story.json"})");
  CHECK(result.ok);
  CHECK(result.diagnostics.empty());
  const std::string& html = result.html;
  for (const char* expected :
       {"src=\"https://news.example/world/2024/img/lead.jpg\"", "src=\"https://news.example/img/block.jpg\"",
        "src=\"https://cdn.example/abs.jpg\"", "src=\"https://news.example/world/2024/img/inline.png\"",
        "href=\"https://news.example/world/people/ann\"", "href=\"https://news.example/\"",
        "href=\"https://news.example/act\"", "<a href=\"https://news.example/world/2024/maps/1.html\">the map</a>",
        "<a href=\"https://news.example/about\">us</a>", "<a href=\"#notes\">notes</a>",
        "<a href=\"https://other.example/x\" rel=\"noopener\">them</a>"}) {
    INFO(expected);
    CHECK(html.find(expected) != std::string::npos);
  }
  CHECK(result.meta->canonicalUrl == "https://news.example/world/story");
  CHECK(countOccurrences(html, " rel=\"") == 2);  // the two links to other.example, the autolink included
  CHECK(countOccurrences(html, "referrerpolicy") == 0);
}

TEST_CASE("without a base, relative images are kept, or dropped with a warning", "[markup][urls]") {
  const RenderResult kept = renderWith(documentWithRelativeUrls(), "{}");
  CHECK(kept.diagnostics.empty());
  CHECK(kept.html.find("src=\"img/lead.jpg\"") != std::string::npos);
  CHECK(kept.html.find("src=\"img/inline.png\"") != std::string::npos);
  CHECK(kept.html.find("src=\"https://cdn.example/abs.jpg\"") != std::string::npos);  // protocol-relative: https always

  const RenderResult dropped = renderWith(documentWithRelativeUrls(), R"({"relativeImages":"drop"})");
  CHECK(dropped.ok);  // warnings only
  std::vector<std::string> paths;
  for (const Diagnostic& d : dropped.diagnostics) {
    CHECK(d.code == "BS-URL-RELATIVE");
    CHECK(d.severity == Severity::Warning);
    paths.push_back(d.path);
  }
  CHECK(paths == std::vector<std::string>{"/image/src", "/body/0/text", "/body/1/src"});
  CHECK(dropped.html.find("img/") == std::string::npos);
  CHECK(dropped.html.find("bs-lead-image") == std::string::npos);  // the lead image and its caption are left out
  CHECK(dropped.html.find("Lead caption") == std::string::npos);
  CHECK(dropped.html.find("inline") != std::string::npos);  // an inline image is shown as its description
  CHECK(countOccurrences(dropped.html, "<img ") == 1);
  CHECK(dropped.html.find("src=\"https://cdn.example/abs.jpg\"") != std::string::npos);
  CHECK(dropped.html.find("<a href=\"maps/1.html\">") !=
        std::string::npos);  // links stay: the reader chooses to follow
}

TEST_CASE("links to other sites carry noopener and the linkRel tokens; images the referrer policy", "[markup][urls]") {
  const RenderResult result = renderWith(
      documentWithRelativeUrls(),
      R"({"baseUrl":"https://news.example/story","linkRel":"nofollow ugc","imageReferrerPolicy":"strict-origin"})");
  const std::string& html = result.html;
  CHECK(html.find("<a href=\"https://other.example/x\" rel=\"noopener nofollow ugc\">them</a>") != std::string::npos);
  CHECK(countOccurrences(html, " rel=\"noopener nofollow ugc\"") == 2);
  CHECK(html.find("<a href=\"https://news.example/about\">us</a>") != std::string::npos);  // same site: no rel
  CHECK(countOccurrences(html, "<img ") == 4);
  CHECK(countOccurrences(html, " referrerpolicy=\"strict-origin\"") == 4);
  // Images keep their loading hints and known dimensions.
  CHECK(html.find("src=\"https://cdn.example/abs.jpg\" alt=\"Absolute\" width=\"4\" height=\"3\" "
                  "referrerpolicy=\"strict-origin\" "
                  "loading=\"lazy\" decoding=\"async\">") != std::string::npos);
  // The lead image is fetched at once and first; the block image and the one in text when near the view.
  CHECK(countOccurrences(html, "loading=\"lazy\" decoding=\"async\"") == 3);
  CHECK(countOccurrences(html, "loading=\"eager\" fetchpriority=\"high\"") == 1);
}
