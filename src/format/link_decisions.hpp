// Links and images inside CommonMark texts are judged by the URL policy here, once: each one's node
// is given the decision (text/destinations.hpp), which travels with the tree through the layout to
// the html stage, which only writes it.
#pragma once

#include <string>
#include <vector>

#include "policy/url_policy.hpp"
#include "text/markdown.hpp"

namespace broadsheet::format {

// A destination that will not be written, as the author wrote it, for a diagnostic.
struct RefusedDestination {
  std::string url;
  bool image = false;
  bool relativeDropped = false;  // a path-relative image with no base, which the context drops
};

// Decides every link and image of `tree` (policy::decideUrl) and keeps each decision on its node;
// returns those refused or dropped, in reading order.
std::vector<RefusedDestination> decideLinks(const text::Markdown& tree, const policy::UrlContext& urls);

}  // namespace broadsheet::format
