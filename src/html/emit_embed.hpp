// An embed block's markup (docs/markup.md, "Embeds"): emission only, every choice made by the layout.
#pragma once

#include <string>
#include <string_view>

#include "layout/layout_tree.hpp"

namespace broadsheet::html {

// The classes of the embed's <figure>: "bs-embed bs-embed--youtube bs-embed--placeholder".
std::string embedClasses(const layout::EmbedBox& box);

// The box the content takes: the placeholder (with the frame's address and rights as data-bs-embed-*
// attributes for the script that builds the frame on a click), the frame itself, or, for a link-only
// embed, its title.
void appendEmbedBox(std::string& out, const layout::EmbedBox& box, bool parts);

// The link to the original, which every form keeps (no-JS readers, SSR, link-only hosts).
void appendEmbedLink(std::string& out, const layout::EmbedBox& box, std::string_view rel, bool parts);

}  // namespace broadsheet::html
