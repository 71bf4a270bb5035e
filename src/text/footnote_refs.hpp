// Footnote references (`[^label]`) in CommonMark text. cmark 0.30.2 has no footnotes (cmark-gfm was
// measured and not adopted: docs/performance.md, "Footnotes without cmark-gfm"), so a reference
// arrives as plain text; this stage turns each known one into a node of its own, which the layout
// numbers and the html stage writes. The definitions are the article's `footnotes` member.
#pragma once

#include <cstddef>
#include <string_view>
#include <type_traits>
#include <vector>

#include "text/markdown.hpp"

namespace broadsheet::text {

// A label is 1 to this many bytes, none of them white space, "[" or "]".
inline constexpr std::size_t kMaxFootnoteLabel = 64;

// A reference to a callable `bool(std::string_view label)` for the length of one call.
class LabelCheck {
 public:
  template <typename Check, typename = std::enable_if_t<!std::is_same_v<std::decay_t<Check>, LabelCheck>>>
  LabelCheck(Check&& check)  // NOLINT: implicit, so a lambda can be passed as it is
      : object_(const_cast<void*>(static_cast<const void*>(&check))), call_([](void* object, std::string_view label) {
          return static_cast<bool>((*static_cast<std::remove_reference_t<Check>*>(object))(label));
        }) {}
  bool operator()(std::string_view label) const { return call_(object_, label); }

 private:
  void* object_;
  bool (*call_)(void*, std::string_view);
};

// Finds every `[^label]` in the text's words, in reading order, and asks `known` about its label;
// each one it knows becomes a reference node (the others stay text). Words inside links and images
// are not searched (a reference there would be a link in a link), nor code spans and code blocks
// (they are not text). Texts without "[^" are left exactly as they were.
void markFootnoteReferences(Markdown& markdown, LabelCheck known);

// The reference nodes of a text, in reading order.
std::vector<cmark_node*> footnoteReferences(const Markdown& markdown);

// What a reference node says: its label until the layout numbers it, then the note's number and
// which reference to that note it is (1, 2, …).
bool isFootnoteReference(cmark_node* node);
std::string_view footnoteLabel(cmark_node* node);
void numberFootnoteReference(cmark_node* node, std::size_t number, std::size_t occurrence);
struct FootnoteNumber {
  std::string_view number;  // "" when the layout did not number it
  std::string_view occurrence;
};
FootnoteNumber footnoteNumber(cmark_node* node);

}  // namespace broadsheet::text
