// The html stage: escaping, URL policy, Markdown emission.
#include <catch2/catch.hpp>

#include "html/escape.hpp"
#include "html/markdown_html.hpp"
#include "html/url_policy.hpp"

using namespace broadsheet;
using html::UrlKind;

namespace {

std::string inlineHtml(const std::string& source, html::TextStyle style = {}) {
  std::string out;
  html::appendMarkdown(out, text::Markdown(source, text::Flavor::Inline), style);
  return out;
}

std::string blockHtml(const std::string& source) {
  std::string out;
  html::appendMarkdown(out, text::Markdown(source, text::Flavor::Blocks), {});
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

TEST_CASE("URL policy", "[html]") {
  CHECK(html::allowedUrl("https://example.com", UrlKind::Link) == std::optional<std::string>("https://example.com"));
  CHECK(html::allowedUrl("  https://exa mple.com \n", UrlKind::Link) == std::optional<std::string>("https://example.com"));
  CHECK(html::allowedUrl("mailto:desk@example.com", UrlKind::Link).has_value());
  CHECK_FALSE(html::allowedUrl("mailto:desk@example.com", UrlKind::Image).has_value());
  CHECK_FALSE(html::allowedUrl("data:image/png;base64,AAAA", UrlKind::Image).has_value());
  CHECK_FALSE(html::allowedUrl("\\\\evil.example", UrlKind::Link).has_value());
  for (const char* bad : {"javascript:x", "JAVASCRIPT:x", "\x01javascript:x", "java\nscript:x", "jav&#x09;ascript:x",
                          "&#106;avascript:x", "javascript&colon;x", "jav%61script:x", "vbscript:x", "data:text/html,x"}) {
    INFO(bad);
    CHECK_FALSE(html::allowedUrl(bad, UrlKind::Link).has_value());
  }
}

TEST_CASE("raw HTML in Markdown is shown as text, never passed through", "[html]") {
  CHECK(inlineHtml("a <img src=x onerror=alert(1)> b") == "a &lt;img src=x onerror=alert(1)&gt; b");
  CHECK(blockHtml("<script>alert(1)</script>\n") == "<p class=\"bs-raw\">&lt;script&gt;alert(1)&lt;/script&gt;\n</p>\n");
}

TEST_CASE("links keep their words when the URL is refused", "[html]") {
  CHECK(inlineHtml("[site](https://example.com \"T\")") == "<a href=\"https://example.com\" title=\"T\">site</a>");
  CHECK(inlineHtml("[click](javascript:alert(1))") == "click");
  CHECK(inlineHtml("![alt *text*](javascript:x)") == "alt text");
  CHECK(inlineHtml("<javascript:alert(1)>") == "javascript:alert(1)");
}

TEST_CASE("inline Markdown has emphasis, code and smart quotes in the language's style", "[html]") {
  CHECK(inlineHtml("*a* **b** `<c>`") == "<em>a</em> <strong>b</strong> <code>&lt;c&gt;</code>");
  html::TextStyle russian;
  russian.openQuote = "\u00AB";
  russian.closeQuote = "\u00BB";
  CHECK(inlineHtml("\"Да\"", russian) == "\u00AB\u0414\u0430\u00BB");
}

TEST_CASE("block Markdown headings sit below the headline", "[html]") {
  CHECK(blockHtml("# Title\n\ntext") == "<h2 class=\"bs-heading\">Title</h2>\n<p>text</p>\n");
  CHECK(blockHtml("- a\n- b") == "<ul class=\"bs-list\">\n<li>a</li>\n<li>b</li>\n</ul>\n");
}
