// The html stage on its own: layout trees built by hand, emitted, and the HTML checked. No article
// is read and no layout runs, so each test shows that html writes what the tree decided.
#include <catch2/catch.hpp>

#include "test_support.hpp"

#include "format/diagnostics.hpp"
#include "html/emit.hpp"

using namespace broadsheet;
using broadsheet::test::countOccurrences;
using layout::BodyItem;

namespace {

layout::LayoutTree minimalTree() {
  layout::LayoutTree tree;
  tree.lang = "en";
  tree.dir = "ltr";
  tree.headline = text::Markdown("A headline", text::Flavor::Inline);
  tree.readingTimeText = "1 min read";
  return tree;
}

BodyItem paragraph(const std::string& text) {
  BodyItem item;
  item.text = text::Markdown(text, text::Flavor::Inline);
  return item;
}

std::string emit(layout::LayoutTree& tree, std::size_t maxBytes = 1 << 20) {
  format::DiagnosticSink sink(100);
  std::string out;
  html::appendArticle(out, tree, {maxBytes, sink});
  return out;
}

}  // namespace

TEST_CASE("html: a name is a link exactly when the tree gives it a URL", "[html][tree]") {
  layout::LayoutTree tree = minimalTree();
  tree.bylineAuthors = {"Authors:",
                        {{"", "Ann", "https://example.org/ann", "editor", ""}, {" and ", "Bo", "", "", "Desk"}}};
  tree.bylineAnalysts = {"With analysis from", {{"", "Cy", "", "", ""}}};
  tree.wording.roleSeparator = "; ";
  const std::string html = emit(tree);
  CHECK(html.find("<p class=\"bs-byline\"><span class=\"bs-byline-authors\">Authors: "
                  "<span class=\"bs-person\"><a href=\"https://example.org/ann\"><bdi>Ann</bdi></a></span>"
                  "<span class=\"bs-byline-role\">; <bdi>editor</bdi></span> and "
                  "<span class=\"bs-person\"><bdi>Bo</bdi></span><span class=\"bs-byline-role\">; "
                  "<bdi>Desk</bdi></span></span> "
                  "<span class=\"bs-byline-analysts\">With analysis from <span "
                  "class=\"bs-person\"><bdi>Cy</bdi></span></span></p>") != std::string::npos);
}

TEST_CASE("html: headings are written at the levels the tree holds", "[html][tree]") {
  layout::LayoutTree tree = minimalTree();
  tree.headlineLevel = 3;
  BodyItem heading = paragraph("Section");
  heading.kind = BodyItem::Kind::Heading;
  heading.heading = {3, 4};
  tree.body.push_back(std::move(heading));
  BodyItem markdown;
  markdown.kind = BodyItem::Kind::Markdown;
  markdown.text = text::Markdown("# Inside", text::Flavor::Blocks);
  markdown.textHeadings = {{2, 5}};
  tree.body.push_back(std::move(markdown));
  tree.note = text::Markdown("A note.", text::Flavor::Inline);
  tree.noteLabelLevel = 6;
  tree.wording.editorsNote = "Note";
  const std::string html = emit(tree);
  CHECK(html.find("<h3 class=\"bs-headline\">A headline</h3>") != std::string::npos);
  CHECK(html.find("<h4 class=\"bs-heading bs-heading--3\">Section</h4>") != std::string::npos);
  CHECK(html.find("<h5 class=\"bs-heading bs-heading--2\">Inside</h5>") != std::string::npos);
  CHECK(html.find("<h6 class=\"bs-note-label\">Note</h6>") != std::string::npos);
}

TEST_CASE("html: the text's typography and the chosen labels are written as they are", "[html][tree]") {
  layout::LayoutTree tree = minimalTree();
  tree.headline = text::Markdown("Words\u00A0bound, hy\u00ADphen", text::Flavor::Inline);
  tree.wording.openQuote = "\u00AB";
  tree.wording.closeQuote = "\u00BB";
  tree.body.push_back(paragraph("She said \"yes\"."));
  tree.publishedIso = "2024-05-01";
  tree.publishedText = "1 May 2024";
  tree.updatedIso = "2024-05-02T10:00Z";
  tree.updatedText = "2 May 2024";
  tree.wording.updated = "Changed";
  const std::string html = emit(tree);
  CHECK(html.find(">Words\u00A0bound, hy\u00ADphen</h1>") != std::string::npos);
  CHECK(html.find("<p>She said \u00ABy"
                  "es\u00BB.</p>") != std::string::npos);
  CHECK(html.find("<time class=\"bs-date\" datetime=\"2024-05-01\">1 May 2024</time>") != std::string::npos);
  CHECK(html.find("Changed <time datetime=\"2024-05-02T10:00Z\">2 May 2024</time>") != std::string::npos);
}

TEST_CASE("html: figures, pull quotes and the footer come from plain values", "[html][tree]") {
  layout::LayoutTree tree = minimalTree();
  // Member by member: GCC 12 warns (wrongly) that a braced temporary's strings may be uninitialised.
  layout::Figure lead;
  lead.image = {"https://example.org/a.jpg", "A \"map\"", 800, 600};
  lead.caption = text::Markdown("Caption", text::Flavor::Inline);
  tree.leadImage = std::move(lead);
  tree.body.push_back(paragraph("One."));
  BodyItem quote = paragraph("Repeated words");
  quote.kind = BodyItem::Kind::PullQuote;
  quote.floating = true;
  quote.side = layout::Side::Start;
  quote.repeatsBody = true;
  quote.attribution = {"Cy", ""};
  tree.body.push_back(std::move(quote));
  tree.analystPanel = {"Experts", {{"", "Cy", "https://example.org/cy", "analyst", "Institute"}}};
  tree.analystPanelLevel = 2;
  tree.callToAction = layout::Link{"Support us", "https://example.org/give"};
  tree.publisher = layout::Link{"The Paper", ""};
  tree.wording.publishedBy = "Published by";
  const std::string html = emit(tree);
  CHECK(html.find("<img class=\"bs-image\" src=\"https://example.org/a.jpg\" alt=\"A &quot;map&quot;\" width=\"800\" "
                  "height=\"600\"") != std::string::npos);
  CHECK(html.find("<aside class=\"bs-pullquote bs-pullquote--floating bs-pullquote--start\" aria-hidden=\"true\">") !=
        std::string::npos);
  CHECK(html.find("<p class=\"bs-pullquote-by\"><bdi>Cy</bdi></p>") != std::string::npos);
  CHECK(
      html.find("<section class=\"bs-analysts\" aria-label=\"Experts\"><h2 class=\"bs-analysts-title\">Experts</h2>") !=
      std::string::npos);
  CHECK(html.find("<a href=\"https://example.org/cy\"><bdi>Cy</bdi></a></span> <span "
                  "class=\"bs-analyst-role\"><bdi>analyst</bdi></span> "
                  "<span class=\"bs-analyst-affiliation\"><bdi>Institute</bdi></span>") != std::string::npos);
  CHECK(html.find("<a class=\"bs-cta\" href=\"https://example.org/give\"><bdi>Support us</bdi></a>") !=
        std::string::npos);
  CHECK(html.find("<p class=\"bs-publisher\">Published by <bdi>The Paper</bdi></p>") != std::string::npos);
}

TEST_CASE("html: a standalone document states the tree's facts", "[html][tree]") {
  layout::LayoutTree tree = minimalTree();
  tree.facts.headline = "Plain <headline>";
  tree.facts.url = "https://example.org/story";
  tree.facts.canonical = "https://example.org/story";  // the layout's choice: the canonical URL, or the original's
  tree.facts.wordCount = 42;
  tree.facts.authors = {{"Ann", "Dr", "editor", ""}};
  tree.facts.publisher = layout::Link{"The Paper", "https://example.org/"};
  format::DiagnosticSink sink(100);
  std::string html;
  html::appendStandaloneDocument(html, tree, {1 << 20, sink});
  CHECK(html.find("<title>Plain &lt;headline&gt;</title>") != std::string::npos);
  CHECK(html.find("<link rel=\"canonical\" href=\"https://example.org/story\">") != std::string::npos);
  CHECK(html.find("\"headline\":\"Plain \\u003cheadline\\u003e\"") != std::string::npos);
  CHECK(html.find("\"wordCount\":42,\"author\":[{\"@type\":\"Person\",\"name\":\"Ann\",\"honorificPrefix\":\"Dr\","
                  "\"jobTitle\":\"editor\"}]") != std::string::npos);
  CHECK(
      html.find("\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Paper\",\"url\":\"https://example.org/\"}") !=
      std::string::npos);
  CHECK(countOccurrences(html, "<script") == 1);
}
