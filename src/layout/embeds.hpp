// How an embed block is shown (docs/embeds.md): the layout's one decision about third-party content.
#pragma once

#include "broadsheet/broadsheet.hpp"
#include "format/article.hpp"
#include "layout/labels.hpp"
#include "layout/layout_tree.hpp"

namespace broadsheet::layout {

// The box for `embed` under the host's `embeds` and `embedOrigins` options, in the labels' language.
// A refused URL, a generic embed from an origin the host did not list, or embeds: "link" give a
// link only; otherwise "click" gives a placeholder and "load" the frame.
EmbedBox layoutEmbed(format::Embed& embed, const RenderOptions& options, const Labels& labels);

}  // namespace broadsheet::layout
