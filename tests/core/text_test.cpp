// The text stage: cmark trees for inline and block CommonMark.
#include <catch2/catch.hpp>

#include <cmark.h>

#include "text/markdown.hpp"

using broadsheet::text::Flavor;
using broadsheet::text::Markdown;

TEST_CASE("inline text never becomes a block", "[text]") {
  for (const char* source : {"# Not a heading", "> not a quote", "- not a list", "1. not a list", "```not code", "    indented"}) {
    INFO(source);
    const Markdown markdown(source, Flavor::Inline);
    CHECK(markdown.isParagraph());
  }
}

TEST_CASE("inline text keeps every character of escaped block markers", "[text]") {
  CHECK(Markdown("# Not a heading", Flavor::Inline).plainText() == "# Not a heading");
  CHECK(Markdown("1. first", Flavor::Inline).plainText() == "1. first");
  CHECK(Markdown("*Breaking*: news", Flavor::Inline).plainText() == "Breaking: news");
}

TEST_CASE("smart punctuation is on", "[text]") {
  CHECK(Markdown("\"quoted\" -- it's", Flavor::Inline).plainText() == "\u201Cquoted\u201D \u2013 it\u2019s");
}

TEST_CASE("blank text is empty", "[text]") {
  CHECK(Markdown("   \n", Flavor::Inline).empty());
  CHECK(Markdown("", Flavor::Blocks).empty());
}

TEST_CASE("block Markdown splits into top-level blocks", "[text]") {
  Markdown markdown("One.\n\n## Two\n\n- three\n- four\n\nFive.", Flavor::Blocks);
  auto parts = markdown.splitBlocks();
  REQUIRE(parts.size() == 4);
  CHECK(parts[0].isParagraph());
  CHECK_FALSE(parts[1].isParagraph());
  CHECK(parts[2].plainText() == "three four");
  CHECK(parts[3].plainText() == "Five.");
  CHECK(markdown.empty());
}

// cmark's case folding is replaced by a table built from cmark's own (src/text/cmark_case_fold.c).
TEST_CASE("reference labels match case-insensitively, Unicode included", "[text]") {
  const auto linkTargets = [](const char* source) { return Markdown(source, Flavor::Blocks).linkTargets(); };
  auto targets = linkTargets("[ΣΤΡΑΣΣΕ Straße][]\n\n[στρασσε STRASSE]: https://example.org/a");
  REQUIRE(targets.size() == 1);
  CHECK(targets[0].url == "https://example.org/a");
  targets = linkTargets("[ÉTÉ][]\n\n[été]: https://example.org/b");
  REQUIRE(targets.size() == 1);
  CHECK(targets[0].url == "https://example.org/b");
  CHECK(linkTargets("[Alpha][]\n\n[Beta]: https://example.org/c").empty());
}
