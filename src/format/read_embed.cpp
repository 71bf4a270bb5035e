#include "format/read_embed.hpp"

#include <cmath>

#include "policy/embed_providers.hpp"

namespace broadsheet::format {

EmbedVerdict resolveEmbedUrls(std::string_view provider, std::string_view url, Embed& embed) {
  const policy::EmbedProviderInfo* info = policy::embedProviderNamed(provider);
  if (!info) return EmbedVerdict::UnknownProvider;
  auto urls = policy::rebuildEmbedUrl(info->provider, url);
  if (!urls) return EmbedVerdict::NotProviderUrl;
  embed.provider = std::string(info->id);
  embed.original = std::move(urls->original);
  embed.frame = std::move(urls->frame);
  embed.frameOrigin = std::move(urls->origin);
  return EmbedVerdict::Rebuilt;
}

std::optional<std::string> embedAspectRatio(const KeptValue& value) {
  if (value.kind == JsonKind::String) {
    if (value.string == "16:9" || value.string == "4:3" || value.string == "9:16") return value.string;
    return std::nullopt;
  }
  // Thousandths: a number written back by the core needs no float formatting, and no reader sees
  // a difference finer than that in a box's height.
  if (value.kind != JsonKind::Number || !(value.number >= 0.25 && value.number <= 4)) return std::nullopt;
  return std::to_string(static_cast<long>(std::lround(value.number * 1000))) + " / 1000";
}

}  // namespace broadsheet::format
