// The text stage: cmark trees for inline and block CommonMark.
#include <catch2/catch.hpp>

#include <cmark.h>

#include "text/markdown.hpp"

using broadsheet::text::Flavor;
using broadsheet::text::kMarkdownChunkBytes;
using broadsheet::text::Markdown;
using broadsheet::text::TreeBudget;

TEST_CASE("inline text never becomes a block", "[text]") {
  for (const char* source :
       {"# Not a heading", "> not a quote", "- not a list", "1. not a list", "```not code", "    indented"}) {
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
  auto parts = markdown.splitBlocks(100);
  REQUIRE(parts.size() == 4);
  CHECK(parts[0].isParagraph());
  CHECK_FALSE(parts[1].isParagraph());
  CHECK(parts[2].plainText() == "three four");
  CHECK(parts[3].plainText() == "Five.");
  CHECK(markdown.empty());
}

TEST_CASE("block Markdown splits into at most the parts asked for, the last holding the rest", "[text]") {
  Markdown markdown("One.\n\n## Two\n\n- three\n- four\n\nFive.", Flavor::Blocks);
  auto parts = markdown.splitBlocks(2);
  REQUIRE(parts.size() == 2);
  CHECK(parts[0].plainText() == "One.");
  CHECK(parts[1].plainText() == "Two three four Five.");
}

TEST_CASE("a Blocks text is parsed until the trees hold the budget, then left out from a line on", "[text]") {
  std::string dense;
  while (dense.size() < 4 * kMarkdownChunkBytes) dense += "***\n";
  const std::string source = "Words first.\n\n" + dense + "Words last.\n";
  SECTION("with room, all of it") {
    TreeBudget budget(100 * source.size(), 100 * source.size());
    Markdown markdown(source, Flavor::Blocks, &budget);
    CHECK(markdown.leftOutFrom() == std::string_view::npos);
    CHECK(markdown.plainText() == "Words first. Words last.");
    CHECK(budget.remaining() < 100 * source.size());
  }
  SECTION("with a little, the first chunk and no more") {
    TreeBudget budget(8000, 8000);
    Markdown markdown(source, Flavor::Blocks, &budget);
    const std::size_t from = markdown.leftOutFrom();
    REQUIRE(from != std::string_view::npos);
    CHECK(from >= kMarkdownChunkBytes);
    CHECK(from < 2 * kMarkdownChunkBytes);
    CHECK(source[from - 1] == '\n');
    CHECK(markdown.plainText() == "Words first.");
    CHECK(budget.remaining() == 0);
    CHECK(Markdown("Later.", Flavor::Blocks, &budget).empty());  // once a text is left out, all later ones are
    TreeBudget spent(0, 0);
    CHECK(Markdown(source, Flavor::Blocks, &spent).empty());  // nothing fed at all
  }
  SECTION("prose is counted by its block structure and raw text, not the inline nodes made when cmark finishes") {
    std::string prose;
    while (prose.size() < 4 * kMarkdownChunkBytes)
      prose += "Words, *some* of them \"quoted\" -- and [linked](https://example.org/a).\n\n";
    TreeBudget budget(3 * prose.size() * sizeof(void*) / 4, 5 * prose.size() * sizeof(void*) / 4);
    Markdown markdown(prose, Flavor::Blocks, &budget);
    CHECK(markdown.leftOutFrom() == std::string_view::npos);
  }
}

// cmark's case folding is replaced by a table built from cmark's own (src/text/cmark_case_fold.c).
TEST_CASE("reference labels match case-insensitively, Unicode included", "[text]") {
  const auto linkUrls = [](const char* source) {
    const Markdown markdown(source, Flavor::Blocks);
    std::vector<std::string> urls;
    for (const auto& target : markdown.linkTargets()) urls.emplace_back(target.url);
    return urls;
  };
  CHECK(linkUrls("[ΣΤΡΑΣΣΕ Straße][]\n\n[στρασσε STRASSE]: https://example.org/a") ==
        std::vector<std::string>{"https://example.org/a"});
  CHECK(linkUrls("[ÉTÉ][]\n\n[été]: https://example.org/b") == std::vector<std::string>{"https://example.org/b"});
  CHECK(linkUrls("[Alpha][]\n\n[Beta]: https://example.org/c").empty());
}

TEST_CASE("structure bounds: nesting counts at every line start, whatever ends the line", "[text]") {
  using broadsheet::text::exceedsStructureBounds;
  using broadsheet::text::kMaxMarkdownNesting;
  const std::string deep(kMaxMarkdownNesting + 1, '>');
  const std::string shallow(kMaxMarkdownNesting, '>');
  for (const char* lineEnd : {"\n", "\r\n", "\r"}) {
    INFO("line end " << (lineEnd[0] == '\n' ? "LF" : lineEnd[1] ? "CRLF" : "CR"));
    CHECK(exceedsStructureBounds("first line" + std::string(lineEnd) + deep + " quoted"));
    CHECK_FALSE(exceedsStructureBounds("first line" + std::string(lineEnd) + shallow + " quoted"));
    CHECK(exceedsStructureBounds("a" + std::string(lineEnd) + "b" + std::string(lineEnd) +
                                 std::string(2 * kMaxMarkdownNesting + 2, ' ') + "- item"));
  }
  // Markers count only where a line starts, not in the middle of one.
  CHECK_FALSE(exceedsStructureBounds("mid-line " + deep));
  CHECK(exceedsStructureBounds(deep));
}

TEST_CASE("structure bounds: link openers left open count from the first one", "[text]") {
  using broadsheet::text::exceedsStructureBounds;
  std::string openers = "no brackets before this point. ";
  for (int i = 0; i < 1500; ++i) openers += "![";
  std::string closers;
  for (int i = 0; i < 1500; ++i) closers += "]";
  CHECK(exceedsStructureBounds(openers + closers));        // 1500 closers each see up to 1500 openers
  CHECK_FALSE(exceedsStructureBounds(closers + openers));  // closers before any opener cost nothing
}

TEST_CASE("plain text in pieces is the plain text", "[text]") {
  for (const char* source : {"One *two* `three` [four](https://e.example/)", "Line one  \nline two\nthree"}) {
    INFO(source);
    const Markdown markdown(source, Flavor::Inline);
    std::string pieces;
    markdown.visitPlainText([&pieces](std::string_view piece) { pieces.append(piece); });
    while (!pieces.empty() && pieces.back() == ' ') pieces.pop_back();
    CHECK(pieces == markdown.plainText());
  }
  const Markdown blocks("# Head\n\nPara one.\n\n- a\n- b\n\n```\ncode\n```", Flavor::Blocks);
  std::string pieces;
  blocks.visitPlainText([&pieces](std::string_view piece) { pieces.append(piece); });
  while (!pieces.empty() && pieces.back() == ' ') pieces.pop_back();
  CHECK(pieces == blocks.plainText());
  CHECK(blocks.plainText().rfind("Head Para one. a b code", 0) == 0);
}

TEST_CASE("source facts come from one pass", "[text]") {
  using broadsheet::text::factsOf;
  CHECK(factsOf(" \t\r\n").blank);
  CHECK_FALSE(factsOf(" x ").blank);
  const auto plain = factsOf("Plain words, no links.");
  CHECK_FALSE(plain.lineBreaks);
  CHECK_FALSE(plain.brackets);
  CHECK_FALSE(plain.linkSyntax);
  const auto link = factsOf("A [link](https://e.example/)\r\nnext");
  CHECK(link.lineBreaks);
  CHECK(link.carriageReturns);
  CHECK(link.brackets);
  CHECK(link.linkSyntax);
  CHECK(factsOf("<x>").linkSyntax);
  CHECK_FALSE(factsOf("<x>").brackets);
  CHECK_FALSE(factsOf("line\nbreak").carriageReturns);
}

TEST_CASE("plain text separates blocks once, whatever their nesting", "[text]") {
  CHECK(Markdown("> quoted *words*\n>\n> - one\n> - two\n\n---\n\nafter", Flavor::Blocks).plainText() ==
        "quoted words one two after");
  CHECK(Markdown("- \n- b", Flavor::Blocks).plainText() == "b");
  CHECK(Markdown("![](a.png) and [](b)", Flavor::Inline).plainText() == " and");
}
