// The html stage: escaping, URL policy, Markdown emission.
#include <catch2/catch.hpp>

#include "format/link_decisions.hpp"
#include "html/escape.hpp"
#include "html/markdown_html.hpp"
#include "policy/code_points.hpp"
#include "policy/url_policy.hpp"
#include "text/typography.hpp"

using namespace broadsheet;
using policy::UrlKind;

namespace {

// As in a render: the format stage decides the links' destinations, the html stage writes them.
text::Markdown decided(const std::string& source, text::Flavor flavor) {
  text::Markdown markdown(source, flavor);
  format::decideLinks(markdown, policy::UrlContext{});
  return markdown;
}

std::string inlineHtml(const std::string& source, html::TextStyle style = {}) {
  std::string out;
  html::appendMarkdown(out, decided(source, text::Flavor::Inline), style);
  return out;
}

std::string blockHtml(const std::string& source) {
  std::string out;
  html::appendMarkdown(out, decided(source, text::Flavor::Blocks), {});
  return out;
}

}  // namespace

TEST_CASE("text and attributes are escaped for their context", "[html]") {
  std::string out;
  html::appendText(out, std::string("a<b>&\"'\0z\x01", 10));
  CHECK(out == "a&lt;b&gt;&amp;\"'\xEF\xBF\xBDz");
  out.clear();
  html::appendAttribute(out, "\" onmouseover='x'");
  CHECK(out == "&quot; onmouseover=&#39;x&#39;");
  out.clear();
  html::appendScriptJsonString(out, "</script>\u2028\"");
  CHECK(out == "\\u003c/script\\u003e\\u2028\\\"");
}

TEST_CASE("characters HTML forbids in a document are dropped from text and escaped in JSON-LD", "[html]") {
  // C1 controls, the U+FDD0-U+FDEF block and code points ending in FFFE/FFFF, in every plane.
  const std::string forbidden = "a\u0080b\u009F\uFDD0\uFDEF\uFFFE\uFFFF\U0001FFFE\U0010FFFFc";
  std::string out;
  html::appendText(out, forbidden);
  CHECK(out == "abc");
  out.clear();
  html::appendAttribute(out, forbidden);
  CHECK(out == "abc");
  out.clear();
  // Their neighbours are ordinary characters and stay.
  html::appendText(out, "\u00A0\u00FF\uFDCF\uFDF0\uFFFD\U0001FFFD\U00010000");
  CHECK(out == "\u00A0\u00FF\uFDCF\uFDF0\uFFFD\U0001FFFD\U00010000");
  out.clear();
  html::appendScriptJsonString(out, forbidden);
  CHECK(out == "a\\u0080b\\u009f\\ufdd0\\ufdef\\ufffe\\uffff\\ud83f\\udffe\\udbff\\udfffc");
  out.clear();
  html::appendScriptJsonString(out, "del\x7F");
  CHECK(out == "del\\u007f");
}

TEST_CASE("URL policy", "[html]") {
  CHECK(policy::allowedUrl("https://example.com", UrlKind::Link) == std::optional<std::string>("https://example.com"));
  CHECK(policy::allowedUrl("  https://exa mple.com \n", UrlKind::Link) ==
        std::optional<std::string>("https://example.com"));
  CHECK(policy::allowedUrl("mailto:desk@example.com", UrlKind::Link).has_value());
  CHECK_FALSE(policy::allowedUrl("mailto:desk@example.com", UrlKind::Image).has_value());
  CHECK_FALSE(policy::allowedUrl("data:image/png;base64,AAAA", UrlKind::Image).has_value());
  CHECK_FALSE(policy::allowedUrl("\\\\evil.example", UrlKind::Link).has_value());
  for (const char* bad :
       {"javascript:x", "JAVASCRIPT:x", "\x01javascript:x", "java\nscript:x", "jav&#x09;ascript:x", "&#106;avascript:x",
        "javascript&colon;x", "jav%61script:x", "vbscript:x", "data:text/html,x"}) {
    INFO(bad);
    CHECK_FALSE(policy::allowedUrl(bad, UrlKind::Link).has_value());
  }
}

// A fuzzer finding: the escaper drops the code points HTML forbids in a document (C1 controls,
// noncharacters), so the policy must judge a URL without them, or "java<U+0085>script:" is
// written as "javascript:".
TEST_CASE("URLs are judged as they are written, without the code points HTML forbids", "[html]") {
  for (const char* hidden : {"java\u0085script:alert(1)", "java\u0097script:x", "jav\uFDD0ascript:x",
                             "\u0080javascript:x", "java\U0010FFFEscript:x", "jav&#x09;a\u0085script:x"}) {
    INFO(hidden);
    CHECK_FALSE(policy::allowedUrl(hidden, UrlKind::Link).has_value());
    CHECK_FALSE(policy::allowedUrl(hidden, UrlKind::Image).has_value());
  }
  CHECK(policy::allowedUrl("https://e.example/a\u0085b", UrlKind::Link) ==
        std::optional<std::string>("https://e.example/ab"));
  CHECK(policy::withoutForbiddenCodePoints("a\u0085b\uFFFEc\u00A0d") == "abc\u00A0d");
  CHECK(policy::withoutForbiddenCodePoints("\u0085\uFDD0a\U0010FFFF\u0085") == "a");  // at both ends, side by side
  CHECK(policy::withoutForbiddenCodePoints("\u00C2\u00A0plain") == "\u00C2\u00A0plain");
}

TEST_CASE("URLs are written with only the characters a valid URL may hold", "[html]") {
  const auto written = [](std::string_view url) {
    return policy::allowedUrl(url, UrlKind::Link).value_or("(refused)");
  };
  CHECK(written("https://example.com/a?q=\"<x>\"&v={1}|^`") ==
        "https://example.com/a?q=%22%3Cx%3E%22&v=%7B1%7D%7C%5E%60");
  CHECK(written("https://[2001:db8::1]:8080/a[1]?b=[2]#c#d") == "https://[2001:db8::1]:8080/a%5B1%5D?b=%5B2%5D#c%23d");
  CHECK(written("//[::1]/x]") == "//[::1]/x%5D");
  CHECK(written("page.html?p=100%&q=%41%zz") == "page.html?p=100%25&q=%41%25zz");
  CHECK(written("mailto:desk@example.com?subject=a<b") == "mailto:desk@example.com?subject=a%3Cb");
  CHECK(written("https://example.com/ä?ö#ü") == "https://example.com/ä?ö#ü");  // non-ASCII is valid as it is
  CHECK(written("java%3Cscript:alert(1)") == "java%3Cscript:alert(1)");        // relative, as a browser reads it
}

TEST_CASE("raw HTML in Markdown is shown as text, never passed through", "[html]") {
  CHECK(inlineHtml("a <img src=x onerror=alert(1)> b") == "a &lt;img src=x onerror=alert(1)&gt; b");
  CHECK(blockHtml("<script>alert(1)</script>\n") ==
        "<p class=\"bs-raw\">&lt;script&gt;alert(1)&lt;/script&gt;\n</p>\n");
}

TEST_CASE("links keep their words when the URL is refused", "[html]") {
  CHECK(inlineHtml("[site](https://example.com \"T\")") ==
        "<a href=\"https://example.com\" title=\"T\" rel=\"noopener\">site</a>");
  CHECK(inlineHtml("[click](javascript:alert(1))") == "click");
  CHECK(inlineHtml("![alt *text*](javascript:x)") == "alt text");
  CHECK(inlineHtml("<javascript:alert(1)>") == "<bdi>javascript:alert(1)</bdi>");  // an autolink's words are isolated
  html::TextStyle noLinks;
  noLinks.links = false;
  CHECK(inlineHtml("[site](https://example.com)", noLinks) == "site");
}

TEST_CASE("inline Markdown has emphasis, code and smart quotes in the language's style", "[html]") {
  CHECK(inlineHtml("*a* **b** `<c>`") == "<em>a</em> <strong>b</strong> <code>&lt;c&gt;</code>");
  html::TextStyle russian;
  russian.openQuote = "\u00AB";
  russian.closeQuote = "\u00BB";
  CHECK(inlineHtml("\"Да\"", russian) == "\u00AB\u0414\u0430\u00BB");
}

TEST_CASE("block Markdown headings sit below the headline", "[html]") {
  CHECK(blockHtml("# Title\n\ntext") == "<h2 class=\"bs-heading bs-heading--2\">Title</h2>\n<p>text</p>\n");
  CHECK(blockHtml("- a\n- b") == "<ul class=\"bs-list\">\n<li>a</li>\n<li>b</li>\n</ul>\n");
}

TEST_CASE("Markdown headings take the levels the layout gave them", "[html]") {
  const std::vector<layout::HeadingLevels> levels{{4, 2}, {2, 3}};
  html::TextStyle style;
  style.headings = &levels;
  std::string out;
  html::appendMarkdown(out, text::Markdown("### Deep\n\n# Top", text::Flavor::Blocks), style);
  CHECK(out == "<h2 class=\"bs-heading bs-heading--4\">Deep</h2>\n<h3 class=\"bs-heading bs-heading--2\">Top</h3>\n");
}

// The format stage decides each link's destination once (format::decideLinks); the html stage writes
// what the node carries and decides nothing.
TEST_CASE("links and images are written as their nodes were decided", "[html][urls]") {
  // A tree nobody decided: its links keep their words, its images show their descriptions.
  std::string out;
  html::appendMarkdown(
      out, text::Markdown("[site](https://example.com) ![alt](https://example.com/a.png)", text::Flavor::Inline), {});
  CHECK(out == "site alt");
  // The decided URL is the one written; an autolink is judged by the URL as the author wrote it.
  CHECK(inlineHtml("<HTTPS://Example.com/{x}>") ==
        "<a href=\"https://Example.com/%7Bx%7D\" rel=\"noopener\"><bdi>HTTPS://Example.com/{x}</bdi></a>");
  CHECK(inlineHtml("<desk@example.com>") == "<a href=\"mailto:desk@example.com\"><bdi>desk@example.com</bdi></a>");
  CHECK(inlineHtml("[https://example.com/](https://example.com/)") ==
        "<a href=\"https://example.com/\" rel=\"noopener\"><bdi>https://example.com/</bdi></a>");
  CHECK(inlineHtml("[example.com](https://example.com/)") ==
        "<a href=\"https://example.com/\" rel=\"noopener\">example.com</a>");
}

// Typography the layout puts into the words (soft hyphens, no-break spaces) is made after the
// decision: an autolink whose words no longer spell its URL is not isolated, as when html compared them.
TEST_CASE("an autolink whose words the layout rewrote is no longer isolated", "[html][urls]") {
  for (const bool rewrite : {false, true}) {
    text::Markdown markdown = decided("<https://example.com/abc>", text::Flavor::Inline);
    text::rewriteWords(markdown, [rewrite](std::string_view words) {
      return rewrite ? std::string(words) + "\u00AD" : std::string(words);
    });
    std::string out;
    html::appendMarkdown(out, markdown, {});
    CHECK(out == (rewrite
                      ? "<a href=\"https://example.com/abc\" rel=\"noopener\">https://example.com/abc\u00AD</a>"
                      : "<a href=\"https://example.com/abc\" rel=\"noopener\"><bdi>https://example.com/abc</bdi></a>"));
  }
}
