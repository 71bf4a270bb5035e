#include "layout/heading_levels.hpp"

#include <algorithm>

namespace broadsheet::layout {
namespace {

// The headings written so far, as one outline.
class HeadingOutline {
 public:
  explicit HeadingOutline(int headlineLevel) : last_(headlineLevel - 1) {}
  // The element level for a heading wanted at `wanted`: at most one below the last one, at most 6.
  int next(int wanted) {
    last_ = std::min({6, wanted, last_ + 1});
    return last_;
  }

 private:
  int last_;
};

}  // namespace

void assignHeadingLevels(LayoutTree& tree, int headlineLevel) {
  HeadingOutline outline(headlineLevel);
  tree.headlineLevel = outline.next(headlineLevel);
  for (BodyItem& item : tree.body) {
    if (item.kind == BodyItem::Kind::Heading) {
      item.heading.element = outline.next(headlineLevel + item.heading.authored - 1);
    } else if (item.kind == BodyItem::Kind::Markdown) {
      // "#" in a body sits one level below the headline, and is named level 2 like a heading block.
      item.textHeadings.clear();
      for (const int markdownLevel : item.text.headingLevels()) {
        item.textHeadings.push_back({std::min(6, 1 + markdownLevel), outline.next(headlineLevel + markdownLevel)});
      }
    }
  }
  if (!tree.footnotes.empty()) tree.footnotesLevel = outline.next(headlineLevel + 1);
  if (!tree.sources.empty()) tree.sourcesLevel = outline.next(headlineLevel + 1);
  if (!tree.corrections.empty()) tree.correctionLevel = outline.next(headlineLevel + 1);
  if (!tree.note.empty()) tree.noteLabelLevel = outline.next(headlineLevel + 1);
  if (!tree.analystPanel.people.empty()) tree.analystPanelLevel = outline.next(headlineLevel + 1);
}

}  // namespace broadsheet::layout
