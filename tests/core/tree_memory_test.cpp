// The text stage's allocators for cmark (text/tree_memory.hpp): small blocks come from a region, a block
// freed is given again and never while in use, and trees made with them stay valid however they are
// edited and freed. The sanitizer build runs these with AddressSanitizer, which also sees a block of the
// region used after its free.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <cmark.h>

#include "broadsheet/broadsheet.hpp"
#include "test_support.hpp"
#include "text/markdown.hpp"
#include "text/tree_memory.hpp"
#include "text/typography.hpp"

using broadsheet::text::arenaBlocksInUse;
using broadsheet::text::arenaBytesUsed;
using broadsheet::text::arenaHeld;
using broadsheet::text::countedTreeMemory;
using broadsheet::text::Flavor;
using broadsheet::text::inArena;
using broadsheet::text::kArenaBytes;
using broadsheet::text::kLargestArenaBlock;
using broadsheet::text::Markdown;
using broadsheet::text::TreeBudget;
using broadsheet::text::treeBytesHeld;
using broadsheet::text::treeMemory;

TEST_CASE("a freed block is the next one given for its size, zeroed by calloc", "[text]") {
  cmark_mem* memory = treeMemory();
  void* held = memory->calloc(1, 8);  // the region stays while a block of it is in use
  auto* first = static_cast<unsigned char*>(memory->calloc(1, 100));
  REQUIRE(inArena(first));
  std::memset(first, 0xAB, 100);
  memory->free(first);
  auto* second = static_cast<unsigned char*>(memory->calloc(1, 100));
  CHECK(second == first);
  CHECK(std::all_of(second, second + 100, [](unsigned char byte) { return byte == 0; }));
  memory->free(second);
  memory->free(held);
}

TEST_CASE("once no block of the region is in use, it is used from its start again; releaseTreeRegion gives it back",
          "[text]") {
  REQUIRE(arenaBlocksInUse() == 0);
  const void* firstNode = nullptr;
  for (int round = 0; round < 3; ++round) {
    Markdown markdown("Some *words*, \"quoted\" -- and [a link](/x).\n\n- a list", Flavor::Blocks);
    CHECK(arenaBlocksInUse() > 0);
    CHECK(arenaBytesUsed() > 0);
    // The same tree from a region used from its start is made in the same places.
    if (round == 0) firstNode = markdown.document();
    CHECK(static_cast<const void*>(markdown.document()) == firstNode);
  }
  CHECK(arenaBlocksInUse() == 0);
  CHECK(arenaBytesUsed() == 0);
  CHECK(arenaHeld());
  broadsheet::text::releaseTreeRegion();
  CHECK_FALSE(arenaHeld());
}

TEST_CASE("a block is resized in place within its size, and moves with its bytes past it", "[text]") {
  cmark_mem* memory = treeMemory();
  auto* block = static_cast<char*>(memory->realloc(nullptr, 17));
  REQUIRE(inArena(block));
  std::memcpy(block, "0123456789", 10);
  auto* same = static_cast<char*>(memory->realloc(block, 20));  // 17 and 20 bytes take the same units
  CHECK(same == block);
  auto* grown = static_cast<char*>(memory->realloc(same, 200));
  CHECK(inArena(grown));
  CHECK(std::memcmp(grown, "0123456789", 10) == 0);
  auto* large = static_cast<char*>(memory->realloc(grown, kLargestArenaBlock + 1));
  CHECK_FALSE(inArena(large));  // malloc's
  CHECK(std::memcmp(large, "0123456789", 10) == 0);
  memory->free(large);
  void* other = memory->calloc(1, kLargestArenaBlock + 1);
  CHECK_FALSE(inArena(other));
  memory->free(other);
}

TEST_CASE("blocks in use are never handed out, and blocks past the region come from malloc", "[text]") {
  cmark_mem* memory = treeMemory();
  std::mt19937 random(9);
  struct Held {
    unsigned char* bytes;
    std::size_t size;
  };
  std::vector<Held> live;
  std::size_t liveBytes = 0;
  bool fromMalloc = false;
  // Mostly making (node-sized and string-sized blocks, some larger than the region takes) until
  // twice the region is held, so that the region is used up and malloc serves the rest.
  for (int step = 0; liveBytes < 2 * kArenaBytes; ++step) {
    if (live.empty() || random() % 4 != 0) {
      const std::size_t size = 1 + random() % (kLargestArenaBlock + 100);
      auto* block = static_cast<unsigned char*>(step % 2 ? memory->calloc(1, size) : memory->realloc(nullptr, size));
      if (step % 2) REQUIRE(std::all_of(block, block + size, [](unsigned char byte) { return byte == 0; }));
      std::memset(block, static_cast<int>(step % 251) + 1, size);
      fromMalloc = fromMalloc || (size <= kLargestArenaBlock && !inArena(block));
      live.push_back({block, size});
      liveBytes += size;
    } else {
      const std::size_t at = random() % live.size();
      const unsigned char mark = live[at].bytes[0];
      // Nothing else wrote into it while it was held.
      REQUIRE(std::all_of(live[at].bytes, live[at].bytes + live[at].size,
                          [mark](unsigned char byte) { return byte == mark; }));
      memory->free(live[at].bytes);
      liveBytes -= live[at].size;
      live[at] = live.back();
      live.pop_back();
    }
  }
  CHECK(fromMalloc);
  CHECK(arenaBytesUsed() <= kArenaBytes);
  for (const Held& block : live) memory->free(block.bytes);
}

TEST_CASE("the counted allocator's count goes back to where it was when its blocks are freed", "[text]") {
  cmark_mem* memory = countedTreeMemory();
  const std::size_t before = treeBytesHeld();
  void* node = memory->calloc(1, 96);
  void* text = memory->realloc(nullptr, 10);
  CHECK_FALSE(inArena(node));  // malloc's sizes are what TreeBudget counts
  CHECK(treeBytesHeld() >= before + 106);
  text = memory->realloc(text, 1000);
  CHECK(treeBytesHeld() >= before + 1096);
  memory->free(node);
  memory->free(text);
  CHECK(treeBytesHeld() == before);
}

namespace {

// Markdown of the shapes a render parses: paragraphs with emphasis, smart quotes, code, links and
// images (adjacent text nodes that cmark joins), headings, lists, quotes, and blank texts.
std::string randomMarkdown(std::mt19937& random) {
  static const char* const kPieces[] = {
      "word ",           "*em* ",     "**strong** ", "\"quoted\" ",  "it's ", "`code` ",       "[link](/a) ",
      "![img](/i.png) ", "-- ",       "... ",        "\n",           "\n\n",  "# Heading\n\n", "- item\n",
      "1. one\n",        "> quote\n", "&amp; ",      "<b>html</b> ", "   ",   "[^note] ",      "\\* ",
  };
  std::string text;
  const std::size_t pieces = random() % 40;
  for (std::size_t i = 0; i < pieces; ++i) text += kPieces[random() % std::size(kPieces)];
  return text;
}

// cmark's HTML for a tree: compared with a tree of the same text parsed by cmark's own allocator.
std::string htmlOf(cmark_node* document) {
  if (!document) return "";
  char* html = cmark_render_html(document, CMARK_OPT_SMART);
  std::string copy(html);
  treeMemory()->free(html);  // it frees malloc's blocks and the region's alike
  return copy;
}

std::string referenceHtml(const std::string& source) {
  cmark_node* document = cmark_parse_document(source.data(), source.size(), CMARK_OPT_SMART);
  std::string html = htmlOf(document);
  cmark_node_free(document);
  return html;
}

}  // namespace

TEST_CASE("trees built, edited and freed in random orders stay what cmark's own allocator makes", "[text]") {
  std::mt19937 random(2026);
  struct Held {
    std::unique_ptr<Markdown> tree;
    std::string html;  // its HTML when made
  };
  std::vector<Held> held;
  TreeBudget budget(1 << 20, 1 << 22);
  for (int step = 0; step < 3000; ++step) {
    const unsigned action = random() % 8;
    if (action < 4 || held.empty()) {
      const std::string source = randomMarkdown(random);
      const Flavor flavor = action == 3 ? Flavor::Inline : Flavor::Blocks;
      auto tree = std::make_unique<Markdown>(source, flavor, action == 0 ? &budget : nullptr);
      if (flavor == Flavor::Blocks && !tree->shownAsText() && tree->leftOutFrom() == std::string::npos) {
        REQUIRE(htmlOf(tree->document()) == referenceHtml(source));
      }
      std::string html = htmlOf(tree->document());
      held.push_back({std::move(tree), std::move(html)});
    } else if (action == 4) {
      // Split into parts (new document nodes, holding the parsed blocks).
      std::swap(held[random() % held.size()], held.back());
      Held whole = std::move(held.back());
      held.pop_back();
      std::string joined;
      for (Markdown& part : whole.tree->splitBlocks(1 + random() % 4)) {
        joined += htmlOf(part.document());
        auto tree = std::make_unique<Markdown>(std::move(part));
        std::string html = htmlOf(tree->document());
        held.push_back({std::move(tree), std::move(html)});
      }
      REQUIRE(joined == whole.html);
    } else if (action == 5) {
      // Edited in place: empty blocks freed, a text node put in.
      Held& one = held[random() % held.size()];
      one.tree->removeEmptyBlocks();
      broadsheet::text::bindLastTwoWords(*one.tree, 40);
      one.html = htmlOf(one.tree->document());
    } else {
      const std::size_t at = random() % held.size();
      std::swap(held[at], held.back());
      held.pop_back();
    }
    // Every tree still held is as it was: none of its blocks was handed out again.
    if (step % 100 == 99) {
      for (const Held& one : held) REQUIRE(htmlOf(one.tree->document()) == one.html);
    }
  }
  for (const Held& one : held) REQUIRE(htmlOf(one.tree->document()) == one.html);
  held.clear();
}

TEST_CASE("a render gives the region back: none of its blocks outlives the render", "[text]") {
  REQUIRE(arenaBlocksInUse() == 0);
  const std::string json = broadsheet::test::readSourceFile("examples/nbca-russian-arms-nato.json");
  const broadsheet::RenderResult first = broadsheet::render(json);
  CHECK(arenaBlocksInUse() == 0);
  CHECK(arenaBytesUsed() == 0);
  CHECK_FALSE(arenaHeld());
  // The second render makes the same HTML from a region taken again.
  CHECK(broadsheet::render(json).html == first.html);
  CHECK(arenaBlocksInUse() == 0);
}
