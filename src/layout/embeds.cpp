#include "layout/embeds.hpp"

#include "policy/embed_providers.hpp"

namespace broadsheet::layout {
namespace {

// `label` with every "{provider}" replaced by `name`.
std::string withProvider(std::string_view label, std::string_view name) {
  constexpr std::string_view kSlot = "{provider}";
  std::string out;
  for (std::size_t at = 0;;) {
    const std::size_t slot = label.find(kSlot, at);
    out.append(label.substr(at, slot - at));
    if (slot == std::string_view::npos) return out;
    out.append(name);
    at = slot + kSlot.size();
  }
}

// "https://host/…" -> "host": how a link-only or generic embed names where it leads.
std::string hostOf(std::string_view url) {
  constexpr std::string_view kScheme = "https://";
  if (url.substr(0, kScheme.size()) != kScheme) return std::string(url);
  url.remove_prefix(kScheme.size());
  return std::string(url.substr(0, url.find_first_of("/?#")));
}

}  // namespace

EmbedBox layoutEmbed(format::Embed& embed, const RenderOptions& options, const Labels& labels) {
  EmbedBox box;
  box.provider = embed.provider;
  box.title = std::move(embed.title);
  box.original = std::move(embed.original);
  box.caption = std::move(embed.caption.tree);
  const policy::EmbedProviderInfo* info = policy::embedProviderNamed(embed.provider);
  box.providerName = info && !info->name.empty() ? std::string(info->name) : hostOf(box.original);
  box.openOriginal = withProvider(labels.embedOriginal, box.providerName);

  const bool framable = info && !embed.frame.empty() &&
                        (info->provider != policy::EmbedProvider::Generic ||
                         policy::embedOriginAllowed(embed.frameOrigin, options.embedOrigins));
  if (!framable || options.embeds == Embeds::Link) return box;  // Mode::Link

  box.mode = options.embeds == Embeds::Load ? EmbedBox::Mode::Frame : EmbedBox::Mode::Placeholder;
  box.frame = std::move(embed.frame);
  box.sandbox = std::string(info->sandbox);
  box.allow = std::string(info->allow);
  if (embed.aspectRatio.find('/') != std::string::npos) {
    box.ratio = std::move(embed.aspectRatio);
  } else {
    std::string ratio = embed.aspectRatio.empty() ? std::string(info->aspectRatio) : std::move(embed.aspectRatio);
    ratio[ratio.find(':')] = 'x';
    box.ratioClass = std::move(ratio);
  }
  box.privacy = withProvider(labels.embedPrivacy, box.providerName);
  box.load = std::string(labels.embedLoad);
  return box;
}

}  // namespace broadsheet::layout
