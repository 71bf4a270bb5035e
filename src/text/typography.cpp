#include "text/typography.hpp"

#include <vector>

#include <cmark.h>

#include "text/destinations.hpp"
#include "text/tree_memory.hpp"

namespace broadsheet::text {
namespace {

constexpr std::string_view kNoBreakSpace = "\u00A0";

// Spaces [begin, end) of a text node, or a whole soft or hard break node (begin == end == 0).
struct Gap {
  cmark_node* node;
  std::size_t begin;
  std::size_t end;
};

std::size_t characterCount(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// The leaves that make up the visible text, in order. Code spans, inline HTML and images are part of
// a word and are never changed; an image's alt text is not visible text.
std::vector<cmark_node*> visibleLeaves(cmark_node* document) {
  std::vector<cmark_node*> leaves;
  cmark_iter* iter = cmark_iter_new(document);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER) continue;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_IMAGE:
        cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
        leaves.push_back(node);
        break;
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: leaves.push_back(node); break;
      default: break;
    }
  }
  cmark_iter_free(iter);
  return leaves;
}

// The white space before the last word, when there are at least three words and the last two fit
// `maxPairCharacters`; empty otherwise.
std::vector<Gap> lastGap(const std::vector<cmark_node*>& leaves, std::size_t maxPairCharacters) {
  // Backwards: trailing space, the last word, the space before it (to bind), the word before, space,
  // and then any third word.
  enum class Phase { Trailing, LastWord, Gap, WordBefore, SpaceBefore, Done };
  Phase phase = Phase::Trailing;
  std::size_t pair = 0;  // characters of the last two words and one space
  std::vector<Gap> gap;
  auto onSpace = [&](cmark_node* node, std::size_t offset, bool isBreak) {
    if (phase == Phase::LastWord) phase = Phase::Gap;
    if (phase == Phase::WordBefore) phase = Phase::SpaceBefore;
    if (phase != Phase::Gap) return;
    if (isBreak) {
      gap.push_back({node, 0, 0});
    } else if (!gap.empty() && gap.back().node == node && gap.back().begin == offset + 1) {
      gap.back().begin = offset;
    } else {
      gap.push_back({node, offset, offset + 1});
    }
  };
  auto onWord = [&](std::size_t characters) {
    if (phase == Phase::Trailing) phase = Phase::LastWord;
    if (phase == Phase::Gap) {
      phase = Phase::WordBefore;
      ++pair;
    }
    if (phase == Phase::SpaceBefore) phase = Phase::Done;
    if (phase == Phase::LastWord || phase == Phase::WordBefore) pair += characters;
  };
  for (auto leaf = leaves.rbegin(); leaf != leaves.rend() && phase != Phase::Done; ++leaf) {
    cmark_node* node = *leaf;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: onSpace(node, 0, true); break;
      case CMARK_NODE_TEXT: {
        const std::string_view text = cmark_node_get_literal(node);
        for (std::size_t i = text.size(); i > 0 && phase != Phase::Done; --i) {
          const auto c = static_cast<unsigned char>(text[i - 1]);
          if (c == ' ') {
            onSpace(node, i - 1, false);
          } else {
            onWord((c & 0xC0) != 0x80 ? 1 : 0);
          }
        }
        break;
      }
      case CMARK_NODE_IMAGE: onWord(1); break;
      default: onWord(characterCount(cmark_node_get_literal(node))); break;
    }
  }
  if (phase != Phase::Done || pair > maxPairCharacters) return {};
  return gap;
}

// A break node becomes a text node holding one no-break space.
void replaceWithNoBreakSpace(cmark_node* lineBreak) {
  cmark_node* space = cmark_node_new_with_mem(CMARK_NODE_TEXT, treeMemory());
  cmark_node_set_literal(space, std::string(kNoBreakSpace).c_str());
  cmark_node_replace(lineBreak, space);
  cmark_node_free(lineBreak);
  wordsRewritten(space);
}

}  // namespace

void bindLastTwoWords(Markdown& markdown, std::size_t maxPairCharacters) {
  if (markdown.empty()) return;
  // A text node may hold several spaces of the gap; the gap lists them from the end backwards.
  for (const Gap& space : lastGap(visibleLeaves(markdown.document()), maxPairCharacters)) {
    if (space.begin == space.end) {
      replaceWithNoBreakSpace(space.node);
      continue;
    }
    std::string literal = cmark_node_get_literal(space.node);
    std::string bound = literal.substr(0, space.begin);
    for (std::size_t i = space.begin; i < space.end; ++i) bound.append(kNoBreakSpace);
    bound.append(literal, space.end);
    cmark_node_set_literal(space.node, bound.c_str());
    wordsRewritten(space.node);
  }
}

void rewriteWords(Markdown& markdown, const std::function<std::string(std::string_view)>& rewrite) {
  if (markdown.empty()) return;
  cmark_iter* iter = cmark_iter_new(markdown.document());
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER) continue;
    if (cmark_node_get_type(node) == CMARK_NODE_IMAGE) {
      cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);  // its alt text is written apart, unchanged
    } else if (cmark_node_get_type(node) == CMARK_NODE_TEXT) {
      const char* words = cmark_node_get_literal(node);
      const std::string rewritten = rewrite(words);
      if (rewritten == words) continue;
      cmark_node_set_literal(node, rewritten.c_str());
      wordsRewritten(node);
    }
  }
  cmark_iter_free(iter);
}

}  // namespace broadsheet::text
