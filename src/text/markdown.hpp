// The text stage: CommonMark source -> cmark syntax tree. It knows nothing about HTML; the html
// stage walks these trees and applies the URL policy and escaping.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct cmark_node;

namespace broadsheet::text {

enum class Flavor {
  Inline,  // one run of inline CommonMark (emphasis, code, links): never a heading, list or quote
  Blocks,  // full block-level CommonMark
};

class Markdown {
 public:
  Markdown() = default;
  Markdown(std::string_view source, Flavor flavor);

  // The document node, or null for an empty Markdown. For Flavor::Inline the document holds
  // paragraphs only, whose children are the inline content.
  cmark_node* document() const { return document_.get(); }
  Flavor flavor() const { return flavor_; }
  bool empty() const { return !document_; }

  // Splits a Blocks document into one document per top-level block, so the layout can place
  // things between them. This Markdown is left empty.
  std::vector<Markdown> splitBlocks();

  // True when the document is one paragraph (the usual body paragraph).
  bool isParagraph() const;

  // The words as a reader sees them: text and code spans, with breaks and blocks as spaces.
  std::string plainText() const;

 private:
  struct FreeNode {
    void operator()(cmark_node* node) const;
  };
  Markdown(cmark_node* document, Flavor flavor);

  std::unique_ptr<cmark_node, FreeNode> document_;
  Flavor flavor_ = Flavor::Inline;
};

}  // namespace broadsheet::text
