// Where links and images lead, decided once. This stage knows no URL policy: the format stage judges
// each destination (text::Markdown::linkTargets) and gives its node the decision, which the node then
// carries through the layout to the html stage, which writes what was decided and decides nothing.
#pragma once

#include <string_view>

#include "text/markdown.hpp"

struct cmark_node;

namespace broadsheet::text {

// What was decided of one link's or image's destination.
struct Destination {
  bool written = false;    // false: refused; a link keeps its words, an image shows its description
  bool otherSite = false;  // a written link to another site: it carries the host's rel
  bool autolink = false;   // a link written as <url> (its words are its URL as the author wrote it)
};

// Gives the target's node its decision: when `written`, `url` becomes the node's URL, the one to write.
// Its words are compared with the URL as the author wrote it first, for Destination::autolink.
void decideDestination(const LinkTarget& target, bool written, std::string_view url, bool otherSite);

// The decision a link or image node was given; a node never given one is not written.
Destination destinationOf(cmark_node* linkOrImage);

// The words of a text node were rewritten (typography the layout put in): a link they are the only
// words of stays an autolink only if they still spell its URL.
void wordsRewritten(cmark_node* text);

}  // namespace broadsheet::text
