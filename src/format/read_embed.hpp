// The embed block's values (docs/embeds.md), judged apart from the reader that reports on them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "format/article.hpp"
#include "format/kept_value.hpp"

namespace broadsheet::format {

enum class EmbedVerdict {
  Rebuilt,          // embed.provider, original, frame and frameOrigin are set
  UnknownProvider,  // `provider` is none of docs/embeds.md's ids
  NotProviderUrl,   // `url` is not one of the provider's forms
};

// Sets the embed's URLs from the provider's id and the URL as written, rebuilt from its ids.
EmbedVerdict resolveEmbedUrls(std::string_view provider, std::string_view url, Embed& embed);

// The box's ratio, width to height: "16:9", "4:3", "9:16" as written, or a number from 0.25 to 4
// as a CSS ratio in thousandths ("1500 / 1000"); nothing for anything else.
std::optional<std::string> embedAspectRatio(const KeptValue& value);

}  // namespace broadsheet::format
