// Unit tests of the defences docs/security.md describes that live below the public API: the bounds on
// CommonMark structure, inline text that cmark would swallow, and the linear pull-quote search.
#include <catch2/catch.hpp>

#include <string>

#include "broadsheet/broadsheet.hpp"
#include "layout/words.hpp"
#include "test_support.hpp"
#include "text/markdown.hpp"

using namespace broadsheet;

namespace {
std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out.append(piece);
  return out;
}
}  // namespace

TEST_CASE("CommonMark structure bounds: 64 levels and bracket work", "[security][text]") {
  using text::exceedsStructureBounds;
  CHECK_FALSE(exceedsStructureBounds(repeat(">", 64) + " a"));
  CHECK(exceedsStructureBounds(repeat(">", 65) + " a"));
  CHECK_FALSE(exceedsStructureBounds(repeat("- ", 40) + "a"));  // 40 markers + 40 columns / 2
  CHECK(exceedsStructureBounds(repeat("- ", 50) + "a"));
  CHECK(exceedsStructureBounds("para\n\n" + repeat("1. ", 70) + "a"));  // any line, not only the first
  CHECK(exceedsStructureBounds(repeat(" ", 200) + "code"));             // indentation counts too
  CHECK_FALSE(exceedsStructureBounds(repeat("![[]()", 1000)));          // ~500,000 units of work
  CHECK(exceedsStructureBounds(repeat("![[]()", 2000)));                // ~2,000,000
  CHECK_FALSE(exceedsStructureBounds(repeat("[link](https://e.example/) ", 100000)));
  CHECK_FALSE(exceedsStructureBounds(repeat("> quote\n- item\n1. item\n", 1000)));
}

TEST_CASE("a text past the bounds is one paragraph of its characters", "[security][text]") {
  const std::string source = repeat(">", 100) + " *not emphasis* [not a link](javascript:x) \\0";
  const text::Markdown markdown(source, text::Flavor::Blocks);
  CHECK(markdown.isParagraph());
  CHECK(markdown.plainText() == source);
  CHECK(markdown.linkTargets().empty());
}

TEST_CASE("inline text that is only a link reference definition keeps its words", "[security][text]") {
  for (const char* source : {"[test]: javascript:alert(1)", "[a]: /url \"title\"", "  [x]: <y>"}) {
    const text::Markdown markdown(source, text::Flavor::Inline);
    INFO(source);
    CHECK(markdown.isParagraph());
    CHECK(markdown.plainText().find("]:") != std::string::npos);
  }
  const RenderResult result =
      render(test::documentWith(R"({"type":"paragraph","text":"[a]: /u"})", R"("standfirst":"[s]: /t",)"));
  CHECK(result.ok);
  CHECK(result.html.find("[a]: /u") != std::string::npos);
  CHECK(result.html.find("[s]: /t") != std::string::npos);
}

TEST_CASE("pull quote search: fragments, trimming, and a bounded scan", "[security][layout]") {
  const std::string body =
      layout::normalizeForMatch("The minister said the army will modernise. Russia will give discounts.");
  const layout::QuoteMatcher matcher("\u201CThe army will modernise \u2026 Russia will give discounts!\u201D");
  CHECK(matcher.appearsIn(body));
  CHECK_FALSE(layout::QuoteMatcher("the army will modernise|Russia takes all").appearsIn(body));
  CHECK_FALSE(layout::QuoteMatcher("...").appearsIn(body));  // no words: not a quote of anything
  CHECK(layout::QuoteMatcher("a a b").appearsIn(layout::normalizeForMatch(repeat("a ", 1000) + "b")));
  CHECK_FALSE(layout::QuoteMatcher(repeat("a ", 500) + "c").appearsIn(layout::normalizeForMatch(repeat("a ", 100000))));
  // Many fragments, each found only at the end: the scan budget gives up instead of rescanning.
  std::string fragments, tail;
  for (int i = 0; i < 100; ++i) {
    fragments += (i ? "\u2026" : "") + std::string("w") + std::to_string(i);
    tail += " w" + std::to_string(i);
  }
  const std::string longBody = layout::normalizeForMatch(repeat("x ", 5000) + tail);
  CHECK_FALSE(layout::QuoteMatcher(fragments).appearsIn(longBody));
  CHECK(layout::QuoteMatcher("w0\u2026w1\u2026w2").appearsIn(longBody));
}
