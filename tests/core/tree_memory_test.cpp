// The text stage's allocator for cmark (text/tree_memory.hpp): small blocks freed are given to the next
// request of their size, never while in use, and trees made with it stay valid however they are freed.
// The sanitizer build runs these with AddressSanitizer, which also sees a kept block used after its free.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <cmark.h>

#include "text/markdown.hpp"
#include "text/tree_memory.hpp"
#include "text/typography.hpp"

using broadsheet::text::countedTreeMemory;
using broadsheet::text::Flavor;
using broadsheet::text::kLargestRecycledBlock;
using broadsheet::text::kMostRecycledBytes;
using broadsheet::text::Markdown;
using broadsheet::text::recycledBytes;
using broadsheet::text::releaseRecycledBlocks;
using broadsheet::text::TreeBudget;
using broadsheet::text::treeBytesHeld;
using broadsheet::text::treeMemory;

TEST_CASE("a freed block is given, zeroed, to the next calloc of its size", "[text]") {
  releaseRecycledBlocks();
  cmark_mem* memory = treeMemory();
  auto* first = static_cast<unsigned char*>(memory->calloc(1, 96));
  std::memset(first, 0xAB, 96);
  memory->free(first);
  CHECK(recycledBytes() >= 96);
  auto* second = static_cast<unsigned char*>(memory->calloc(1, 96));
  CHECK(second == first);
  CHECK(recycledBytes() == 0);
  CHECK(std::all_of(second, second + 96, [](unsigned char byte) { return byte == 0; }));
  memory->free(second);
}

TEST_CASE("a block is reused for realloc from nothing, and resized blocks keep their bytes", "[text]") {
  releaseRecycledBlocks();
  cmark_mem* memory = treeMemory();
  void* first = memory->realloc(nullptr, 40);
  memory->free(first);
  auto* second = static_cast<char*>(memory->realloc(nullptr, 40));
  CHECK(static_cast<void*>(second) == first);
  std::memcpy(second, "0123456789", 10);
  auto* grown = static_cast<char*>(memory->realloc(second, 4000));
  CHECK(std::memcmp(grown, "0123456789", 10) == 0);
  memory->free(grown);
}

TEST_CASE("blocks in use are never handed out, and at most kMostRecycledBytes are kept", "[text]") {
  releaseRecycledBlocks();
  cmark_mem* memory = treeMemory();
  std::mt19937 random(9);
  std::vector<unsigned char*> live;
  std::vector<std::size_t> sizes;
  for (int step = 0; step < 20000; ++step) {
    if (live.empty() || random() % 3 != 0) {
      // Node-sized and string-sized requests, a few larger than what is kept.
      const std::size_t size = 1 + random() % (kLargestRecycledBlock + 64);
      auto* block = static_cast<unsigned char*>(memory->calloc(1, size));
      REQUIRE(std::all_of(block, block + size, [](unsigned char byte) { return byte == 0; }));
      std::memset(block, static_cast<int>(live.size() % 251), size);
      live.push_back(block);
      sizes.push_back(size);
    } else {
      const std::size_t at = random() % live.size();
      const unsigned char mark = live[at][0];
      // Nothing else wrote into it while it was held.
      REQUIRE(std::all_of(live[at], live[at] + sizes[at], [mark](unsigned char byte) { return byte == mark; }));
      memory->free(live[at]);
      live[at] = live.back();
      sizes[at] = sizes.back();
      live.pop_back();
      sizes.pop_back();
    }
    REQUIRE(recycledBytes() <= kMostRecycledBytes);
  }
  for (unsigned char* block : live) memory->free(block);
  CHECK(recycledBytes() <= kMostRecycledBytes);
  releaseRecycledBlocks();
  CHECK(recycledBytes() == 0);
}

TEST_CASE("the counted allocator's count goes back to where it was when its blocks are freed", "[text]") {
  cmark_mem* memory = countedTreeMemory();
  const std::size_t before = treeBytesHeld();
  void* node = memory->calloc(1, 96);
  void* text = memory->realloc(nullptr, 10);
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
  std::free(html);  // made by the root's allocator: every one here gives malloc's blocks
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
      // Split into parts (new document nodes made by cmark's allocator, holding this allocator's blocks).
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
      // Edited in place: empty blocks freed, a text node made by cmark's allocator put in.
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
  CHECK(recycledBytes() <= kMostRecycledBytes);
}
