#include "text/destinations.hpp"

#include <string>

#include <cmark.h>

namespace broadsheet::text {
namespace {

// A decision is one of eight: each node points at its own entry of this table (cmark's user data),
// so nothing is allocated per link and nothing has to be freed with the tree.
constexpr Destination kDestinations[8] = {
    {false, false, false}, {true, false, false}, {false, true, false}, {true, true, false},
    {false, false, true},  {true, false, true},  {false, true, true},  {true, true, true},
};

const Destination* entryFor(const Destination& destination) {
  return &kDestinations[(destination.written ? 1 : 0) | (destination.otherSite ? 2 : 0) |
                        (destination.autolink ? 4 : 0)];
}

// An autolink (<https://…>, <desk@example.com>) shows its URL as its words: one text node that
// spells the URL (a mailto: URL without its scheme).
bool showsItsUrl(cmark_node* link, std::string_view url) {
  cmark_node* words = cmark_node_first_child(link);
  if (!words || cmark_node_next(words) || cmark_node_get_type(words) != CMARK_NODE_TEXT) return false;
  const std::string_view literal = cmark_node_get_literal(words);
  return url == literal || (url.substr(0, 7) == "mailto:" && url.substr(7) == literal);
}

}  // namespace

void decideDestination(const LinkTarget& target, bool written, std::string_view url, bool otherSite) {
  const bool autolink = !target.image && showsItsUrl(target.node, target.url);
  if (written && url != target.url) cmark_node_set_url(target.node, std::string(url).c_str());
  cmark_node_set_user_data(target.node, const_cast<Destination*>(entryFor({written, written && otherSite, autolink})));
}

Destination destinationOf(cmark_node* linkOrImage) {
  const void* decided = cmark_node_get_user_data(linkOrImage);
  return decided ? *static_cast<const Destination*>(decided) : Destination{};
}

void wordsRewritten(cmark_node* text) {
  cmark_node* link = cmark_node_parent(text);
  if (!link || cmark_node_get_type(link) != CMARK_NODE_LINK || !cmark_node_get_user_data(link)) return;
  Destination destination = destinationOf(link);
  destination.autolink = showsItsUrl(link, cmark_node_get_url(link));
  cmark_node_set_user_data(link, const_cast<Destination*>(entryFor(destination)));
}

}  // namespace broadsheet::text
