// Embedded third-party content (docs/embeds.md): which providers we know, how their URLs are taken
// apart into ids and built again, and what each one's frame may do. A provider URL is never passed
// through: only the ids survive, put back into addresses we wrote ourselves.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace broadsheet::policy {

enum class EmbedProvider {
  YouTube,
  Vimeo,
  X,
  Telegram,
  Instagram,
  Facebook,
  TikTok,
  SoundCloud,
  Spotify,
  GoogleMaps,
  Generic,
};

// What a provider is, as data: its id in the format, its name for readers, and its frame's rights.
struct EmbedProviderInfo {
  EmbedProvider provider;
  std::string_view id;           // "youtube": the `provider` member's value
  std::string_view name;         // "YouTube": shown to readers
  std::string_view frameOrigin;  // the iframe's origin, what a host adds to CSP frame-src ("" for generic)
  std::string_view sandbox;      // the iframe's sandbox tokens: the fewest the provider's player works with
  std::string_view allow;        // the iframe's permissions policy ("" for none)
  std::string_view aspectRatio;  // the default box: "16:9", "4:3" or "9:16"
};

// The provider named `id` ("youtube"), or nothing.
const EmbedProviderInfo* embedProviderNamed(std::string_view id);
const EmbedProviderInfo& embedProviderInfo(EmbedProvider provider);
// The known ids, comma-separated, for messages.
std::string_view embedProviderIds();

// A provider URL taken apart and built again from its ids.
struct EmbedUrls {
  std::string original;  // the content's page at the provider, for the link (https)
  std::string frame;     // the address of the provider's embeddable player (https)
  std::string origin;    // the frame's origin: "https://host"
};

// The URLs for `url` of `provider`, or nothing when `url` is not one of the forms docs/embeds.md
// lists for it. http and https are both accepted and https is always written; user names, ports,
// other hosts (a lookalike such as youtube.com.evil.example included), backslashes, white space,
// control and non-ASCII characters are refused. Generic URLs keep their path and query, which may
// hold only the characters listed in docs/embeds.md.
std::optional<EmbedUrls> rebuildEmbedUrl(EmbedProvider provider, std::string_view url);

// A host's `embedOrigins` option: true when `origin` ("https://host") is one of its space-separated
// origins.
bool embedOriginAllowed(std::string_view origin, std::string_view allowedOrigins);

// Whether `origins` is a space-separated list of "https://host" origins (no path, port or user).
bool isEmbedOriginList(std::string_view origins);

}  // namespace broadsheet::policy
