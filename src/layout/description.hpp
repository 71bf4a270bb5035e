// The page description (<meta name="description">, og:description, JSON-LD) when the article has no
// standfirst: the start of its first paragraph, so a standalone document always has one.
#pragma once

#include <string>
#include <vector>

#include "layout/layout_tree.hpp"

namespace broadsheet::layout {

// The first paragraph's plain text, cut at a word boundary to at most kDescriptionChars characters
// (an ellipsis marks the cut); "" when the body has no paragraph.
inline constexpr std::size_t kDescriptionChars = 160;
std::string descriptionFromBody(const std::vector<BodyItem>& body);

}  // namespace broadsheet::layout
