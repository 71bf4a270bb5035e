#include "policy/embed_providers.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <vector>

namespace broadsheet::policy {
namespace {

// Players run scripts and keep their own origin (their storage, their API calls); popups open the
// provider's page in a new tab, outside the sandbox. Nothing may navigate the host page, submit
// forms, lock the pointer or open modals. A generic frame gets scripts only: no origin of its own.
constexpr std::string_view kPlayerSandbox =
    "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";
constexpr std::string_view kVideoAllow = "encrypted-media; fullscreen; picture-in-picture";

constexpr std::array<EmbedProviderInfo, 11> kProviders{{
    {EmbedProvider::YouTube, "youtube", "YouTube", "https://www.youtube-nocookie.com",
     "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation", kVideoAllow,
     "16:9"},
    {EmbedProvider::Vimeo, "vimeo", "Vimeo", "https://player.vimeo.com", kPlayerSandbox, kVideoAllow, "16:9"},
    {EmbedProvider::X, "x", "X", "https://platform.twitter.com", kPlayerSandbox, "", "4:3"},
    {EmbedProvider::Telegram, "telegram", "Telegram", "https://t.me", kPlayerSandbox, "", "4:3"},
    {EmbedProvider::Instagram, "instagram", "Instagram", "https://www.instagram.com", kPlayerSandbox, "", "9:16"},
    {EmbedProvider::Facebook, "facebook", "Facebook", "https://www.facebook.com", kPlayerSandbox, kVideoAllow, "4:3"},
    {EmbedProvider::TikTok, "tiktok", "TikTok", "https://www.tiktok.com", kPlayerSandbox, kVideoAllow, "9:16"},
    {EmbedProvider::SoundCloud, "soundcloud", "SoundCloud", "https://w.soundcloud.com", kPlayerSandbox,
     "encrypted-media", "16:9"},
    {EmbedProvider::Spotify, "spotify", "Spotify", "https://open.spotify.com", kPlayerSandbox,
     "encrypted-media; fullscreen; picture-in-picture", "16:9"},
    {EmbedProvider::GoogleMaps, "googlemaps", "Google Maps", "https://www.google.com", kPlayerSandbox, "fullscreen",
     "4:3"},
    {EmbedProvider::Generic, "generic", "", "", "allow-scripts", "", "16:9"},
}};

bool isAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Every character of `value` is a letter, a digit or one of `extra`, and its length is in range.
bool idOf(std::string_view value, std::size_t minLength, std::size_t maxLength, std::string_view extra = "") {
  if (value.size() < minLength || value.size() > maxLength) return false;
  return std::all_of(value.begin(), value.end(),
                     [&](char c) { return isAsciiAlnum(c) || extra.find(c) != std::string_view::npos; });
}

bool digitsOf(std::string_view value, std::size_t maxLength) {
  return !value.empty() && value.size() <= maxLength && std::all_of(value.begin(), value.end(), isDigit);
}

// The value of a few digits already checked by digitsOf (no library call: std::stoi would bring
// strtol and its error paths into the module).
int smallNumber(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// An absolute http(s) URL taken apart: the lower-cased host, the path's non-empty segments and the
// query's parameters, none of them decoded (a percent sign fails every id check).
struct ParsedUrl {
  std::string host;
  std::string_view path;  // "/…" or ""
  std::string_view query;
  std::vector<std::string_view> segments;

  std::optional<std::string_view> parameter(std::string_view name) const {
    std::string_view rest = query;
    while (!rest.empty()) {
      const std::size_t amp = rest.find('&');
      const std::string_view pair = rest.substr(0, amp);
      rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
      const std::size_t eq = pair.find('=');
      if (pair.substr(0, eq) == name) return eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    }
    return std::nullopt;
  }
  bool hostIs(std::initializer_list<std::string_view> hosts) const {
    return std::find(hosts.begin(), hosts.end(), host) != hosts.end();
  }
};

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
    if (c != prefix[i]) return false;
  }
  return true;
}

// Characters a URL we take apart may hold: printable ASCII without quotes, angle brackets, backslash
// (browsers read it as "/"), backtick, braces, pipe and caret. White space and controls are refused,
// not trimmed: a provider URL pasted with them is not what the author meant to publish.
bool plainUrlCharacter(char c) {
  return c > 0x20 && c < 0x7f && std::string_view("\"'<>\\`{}|^").find(c) == std::string_view::npos;
}

std::optional<ParsedUrl> parse(std::string_view url) {
  if (url.size() > 2048 || !std::all_of(url.begin(), url.end(), plainUrlCharacter)) return std::nullopt;
  std::size_t at;
  if (startsWithNoCase(url, "https://")) {
    at = 8;
  } else if (startsWithNoCase(url, "http://")) {
    at = 7;
  } else {
    return std::nullopt;
  }
  const std::size_t hostEnd = std::min(url.find_first_of("/?#", at), url.size());
  ParsedUrl parsed;
  for (char c : url.substr(at, hostEnd - at)) {
    // Letters, digits, '-' and '.': no user name ('@'), port (':'), escapes ('%') or IPv6 literal.
    if (!isAsciiAlnum(c) && c != '-' && c != '.') return std::nullopt;
    parsed.host.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  const std::string_view& host = parsed.host;
  if (host.empty() || host.front() == '.' || host.back() == '.' || host.front() == '-' || host.back() == '-' ||
      host.find("..") != std::string_view::npos || host.find('.') == std::string_view::npos) {
    return std::nullopt;
  }
  std::string_view rest = url.substr(hostEnd);
  rest = rest.substr(0, rest.find('#'));  // the fragment is the reader's, never part of what we rebuild
  const std::size_t question = rest.find('?');
  parsed.path = rest.substr(0, question);
  if (question != std::string_view::npos) parsed.query = rest.substr(question + 1);
  std::string_view path = parsed.path;
  while (!path.empty()) {
    const std::size_t slash = path.find('/');
    const std::string_view segment = path.substr(0, slash);
    if (!segment.empty()) parsed.segments.push_back(segment);
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
  }
  return parsed;
}

std::string join(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view part : parts) out.append(part);
  return out;
}

// A URL made only of ids and our own fixed parts, encoded as a query value: ':', '/', '?', '=' and
// '&' are the only characters there that need it.
std::string encodeComponent(std::string_view value) {
  std::string out;
  for (char c : value) {
    switch (c) {
      case ':': out.append("%3A"); break;
      case '/': out.append("%2F"); break;
      case '?': out.append("%3F"); break;
      case '=': out.append("%3D"); break;
      case '&': out.append("%26"); break;
      default: out.push_back(c);
    }
  }
  return out;
}

EmbedUrls urls(const EmbedProvider provider, std::string original, std::string frame) {
  return {std::move(original), std::move(frame), std::string(embedProviderInfo(provider).frameOrigin)};
}

// A start time in whole seconds: "90", "90s"; anything else is dropped (the video starts at 0).
std::string startSeconds(std::optional<std::string_view> value) {
  if (!value) return "";
  std::string_view seconds = *value;
  if (!seconds.empty() && seconds.back() == 's') seconds.remove_suffix(1);
  return digitsOf(seconds, 6) ? std::string(seconds) : "";
}

std::optional<EmbedUrls> youtube(const ParsedUrl& url) {
  const auto& s = url.segments;
  std::optional<std::string_view> id;
  if (url.host == "youtu.be") {
    if (s.size() == 1) id = s[0];
  } else if (url.hostIs({"youtube.com", "www.youtube.com", "m.youtube.com", "www.youtube-nocookie.com"})) {
    if (s.size() == 1 && s[0] == "watch") id = url.parameter("v");
    if (s.size() == 2 && (s[0] == "embed" || s[0] == "shorts" || s[0] == "live")) id = s[1];
  }
  if (!id || !idOf(*id, 11, 11, "-_")) return std::nullopt;
  std::string start = startSeconds(url.parameter("t"));
  if (start.empty()) start = startSeconds(url.parameter("start"));
  return urls(EmbedProvider::YouTube,
              join({"https://www.youtube.com/watch?v=", *id, start.empty() ? "" : "&t=", start}),
              join({"https://www.youtube-nocookie.com/embed/", *id, start.empty() ? "" : "?start=", start}));
}

std::optional<EmbedUrls> vimeo(const ParsedUrl& url) {
  const auto& s = url.segments;
  std::string_view id, hash;
  if (url.hostIs({"vimeo.com", "www.vimeo.com"}) && (s.size() == 1 || s.size() == 2)) {
    id = s[0];
    if (s.size() == 2) hash = s[1];
  } else if (url.host == "player.vimeo.com" && s.size() == 2 && s[0] == "video") {
    id = s[1];
    hash = url.parameter("h").value_or("");
  } else {
    return std::nullopt;
  }
  if (!digitsOf(id, 12) || (!hash.empty() && !idOf(hash, 1, 32))) return std::nullopt;
  // dnt=1: Vimeo's player sets no tracking cookies and sends no analytics.
  return urls(EmbedProvider::Vimeo, join({"https://vimeo.com/", id, hash.empty() ? "" : "/", hash}),
              join({"https://player.vimeo.com/video/", id, "?dnt=1", hash.empty() ? "" : "&h=", hash}));
}

std::optional<EmbedUrls> x(const ParsedUrl& url) {
  const auto& s = url.segments;
  if (!url.hostIs({"x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com"}) || s.size() != 3 ||
      s[1] != "status" || !idOf(s[0], 1, 15, "_") || !digitsOf(s[2], 19)) {
    return std::nullopt;
  }
  return urls(EmbedProvider::X, join({"https://x.com/", s[0], "/status/", s[2]}),
              join({"https://platform.twitter.com/embed/Tweet.html?dnt=true&id=", s[2]}));
}

std::optional<EmbedUrls> telegram(const ParsedUrl& url) {
  auto s = url.segments;
  if (!url.hostIs({"t.me", "telegram.me"})) return std::nullopt;
  if (s.size() == 3 && s[0] == "s") s.erase(s.begin());  // the channel's web preview of the same post
  if (s.size() != 2 || !idOf(s[0], 4, 32, "_") || isDigit(s[0][0]) || !digitsOf(s[1], 10)) return std::nullopt;
  const std::string original = join({"https://t.me/", s[0], "/", s[1]});
  return urls(EmbedProvider::Telegram, original, original + "?embed=1");
}

std::optional<EmbedUrls> instagram(const ParsedUrl& url) {
  const auto& s = url.segments;
  if (!url.hostIs({"instagram.com", "www.instagram.com"}) || (s.size() != 2 && !(s.size() == 3 && s[2] == "embed")) ||
      (s[0] != "p" && s[0] != "reel" && s[0] != "tv") || !idOf(s[1], 1, 64, "-_")) {
    return std::nullopt;
  }
  const std::string original = join({"https://www.instagram.com/", s[0], "/", s[1], "/"});
  return urls(EmbedProvider::Instagram, original, original + "embed/");
}

std::optional<EmbedUrls> facebook(const ParsedUrl& url) {
  const auto& s = url.segments;
  if (!url.hostIs({"facebook.com", "www.facebook.com", "m.facebook.com"})) return std::nullopt;
  std::string original;
  std::string_view plugin = "post";
  if (s.size() == 1 && s[0] == "watch") {
    const auto id = url.parameter("v");
    if (!id || !digitsOf(*id, 20)) return std::nullopt;
    original = join({"https://www.facebook.com/watch/?v=", *id});
    plugin = "video";
  } else if (s.size() == 3 && (s[1] == "posts" || s[1] == "videos") && idOf(s[0], 1, 80, ".") && idOf(s[2], 1, 80)) {
    original = join({"https://www.facebook.com/", s[0], "/", s[1], "/", s[2]});
    if (s[1] == "videos") plugin = "video";
  } else {
    return std::nullopt;
  }
  return urls(EmbedProvider::Facebook, original,
              join({"https://www.facebook.com/plugins/", plugin, ".php?href=", encodeComponent(original)}));
}

std::optional<EmbedUrls> tiktok(const ParsedUrl& url) {
  const auto& s = url.segments;
  if (!url.hostIs({"tiktok.com", "www.tiktok.com", "m.tiktok.com"}) || s.size() != 3 || s[1] != "video" ||
      s[0].size() < 2 || s[0][0] != '@' || !idOf(s[0].substr(1), 1, 24, "._") || !digitsOf(s[2], 20)) {
    return std::nullopt;
  }
  return urls(EmbedProvider::TikTok, join({"https://www.tiktok.com/", s[0], "/video/", s[2]}),
              join({"https://www.tiktok.com/embed/v2/", s[2]}));
}

std::optional<EmbedUrls> soundcloud(const ParsedUrl& url) {
  const auto& s = url.segments;
  if (!url.hostIs({"soundcloud.com", "www.soundcloud.com", "m.soundcloud.com"})) return std::nullopt;
  const bool set = s.size() == 3 && s[1] == "sets";
  if (!(s.size() == 2 || set)) return std::nullopt;
  for (std::string_view segment : s)
    if (!idOf(segment, 1, 100, "-_")) return std::nullopt;
  const std::string original = set ? join({"https://soundcloud.com/", s[0], "/sets/", s[2]})
                                   : join({"https://soundcloud.com/", s[0], "/", s[1]});
  return urls(EmbedProvider::SoundCloud, original,
              join({"https://w.soundcloud.com/player/?visual=true&url=", encodeComponent(original)}));
}

std::optional<EmbedUrls> spotify(const ParsedUrl& url) {
  auto s = url.segments;
  if (url.host != "open.spotify.com") return std::nullopt;
  if (!s.empty() && (s[0] == "embed" || (s[0].substr(0, 5) == "intl-" && idOf(s[0].substr(5), 2, 5, "-")))) {
    s.erase(s.begin());
  }
  static constexpr std::string_view kKinds[] = {"track", "album", "playlist", "episode", "show", "artist"};
  if (s.size() != 2 || std::find(std::begin(kKinds), std::end(kKinds), s[0]) == std::end(kKinds) ||
      !idOf(s[1], 22, 22)) {
    return std::nullopt;
  }
  return urls(EmbedProvider::Spotify, join({"https://open.spotify.com/", s[0], "/", s[1]}),
              join({"https://open.spotify.com/embed/", s[0], "/", s[1]}));
}

// A decimal degree within ±limit: "-43.2", "76.9286". Kept as written (it is only digits, '-', '.').
bool isCoordinate(std::string_view value, int limit) {
  if (!value.empty() && value[0] == '-') value.remove_prefix(1);
  const std::size_t dot = value.find('.');
  const std::string_view whole = value.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view("0") : value.substr(dot + 1);
  if (!digitsOf(whole, 3) || !digitsOf(fraction, 10)) return false;
  const int degrees = smallNumber(whole);
  return degrees < limit ||
         (degrees == limit && std::all_of(fraction.begin(), fraction.end(), [](char c) { return c == '0'; }));
}

std::optional<EmbedUrls> googleMaps(const ParsedUrl& url) {
  if (!url.hostIs({"www.google.com", "google.com", "maps.google.com"})) return std::nullopt;
  const auto& s = url.segments;
  if (s.empty() || s[0] != "maps") return std::nullopt;
  // The map's centre and zoom: "@43.2389,76.8897,12z" (a path segment), or ?q=43.2389,76.8897&z=12.
  std::string_view at;
  for (std::string_view segment : s)
    if (!segment.empty() && segment[0] == '@') at = segment.substr(1);
  std::string_view lat, lng, zoom = "12";
  if (!at.empty()) {
    const std::size_t first = at.find(','), second = at.find(',', first + 1);
    if (first == std::string_view::npos) return std::nullopt;
    lat = at.substr(0, first);
    lng = at.substr(first + 1, second == std::string_view::npos ? std::string_view::npos : second - first - 1);
    if (second != std::string_view::npos) {
      zoom = at.substr(second + 1);
      if (!zoom.empty() && zoom.back() == 'z') zoom.remove_suffix(1);
      zoom = zoom.substr(0, zoom.find('.'));  // fractional zooms: the whole level
    }
  } else if (const auto q = url.parameter("q")) {
    const std::size_t comma = q->find(',');
    if (comma == std::string_view::npos) return std::nullopt;
    lat = q->substr(0, comma);
    lng = q->substr(comma + 1);
    if (const auto z = url.parameter("z")) zoom = *z;
  } else {
    return std::nullopt;
  }
  if (!isCoordinate(lat, 90) || !isCoordinate(lng, 180) || !digitsOf(zoom, 2) || smallNumber(zoom) < 1 ||
      smallNumber(zoom) > 21) {
    return std::nullopt;
  }
  return urls(EmbedProvider::GoogleMaps, join({"https://www.google.com/maps/@", lat, ",", lng, ",", zoom, "z"}),
              join({"https://www.google.com/maps?q=", lat, ",", lng, "&z=", zoom, "&output=embed"}));
}

// Any https page: the host's embedOrigins decides whether it is framed (docs/embeds.md). Its path
// and query are kept (they hold only plainUrlCharacter's characters); the fragment is not.
std::optional<EmbedUrls> generic(std::string_view written, const ParsedUrl& url) {
  if (!startsWithNoCase(written, "https://")) return std::nullopt;
  std::string address = join({"https://", url.host, url.path.empty() ? "/" : url.path});
  if (!url.query.empty()) address.append("?").append(url.query);
  return EmbedUrls{address, address, "https://" + url.host};
}

}  // namespace

const EmbedProviderInfo* embedProviderNamed(std::string_view id) {
  for (const EmbedProviderInfo& info : kProviders)
    if (info.id == id) return &info;
  return nullptr;
}

const EmbedProviderInfo& embedProviderInfo(EmbedProvider provider) {
  return kProviders[static_cast<std::size_t>(provider)];
}

std::string_view embedProviderIds() {
  return "youtube, vimeo, x, telegram, instagram, facebook, tiktok, soundcloud, spotify, googlemaps, generic";
}

std::optional<EmbedUrls> rebuildEmbedUrl(EmbedProvider provider, std::string_view url) {
  const auto parsed = parse(url);
  if (!parsed) return std::nullopt;
  switch (provider) {
    case EmbedProvider::YouTube: return youtube(*parsed);
    case EmbedProvider::Vimeo: return vimeo(*parsed);
    case EmbedProvider::X: return x(*parsed);
    case EmbedProvider::Telegram: return telegram(*parsed);
    case EmbedProvider::Instagram: return instagram(*parsed);
    case EmbedProvider::Facebook: return facebook(*parsed);
    case EmbedProvider::TikTok: return tiktok(*parsed);
    case EmbedProvider::SoundCloud: return soundcloud(*parsed);
    case EmbedProvider::Spotify: return spotify(*parsed);
    case EmbedProvider::GoogleMaps: return googleMaps(*parsed);
    case EmbedProvider::Generic: return generic(url, *parsed);
  }
  return std::nullopt;
}

bool isEmbedOriginList(std::string_view origins) {
  std::size_t at = 0;
  while (at < origins.size()) {
    const std::size_t end = std::min(origins.find(' ', at), origins.size());
    const std::string_view origin = origins.substr(at, end - at);
    at = end + 1;
    if (origin.empty()) continue;
    const auto parsed = parse(origin);
    if (!parsed || !startsWithNoCase(origin, "https://") || !parsed->path.empty() || !parsed->query.empty() ||
        origin.find('#') != std::string_view::npos || origin.substr(8) != parsed->host) {
      return false;
    }
  }
  return true;
}

bool embedOriginAllowed(std::string_view origin, std::string_view allowedOrigins) {
  if (!isEmbedOriginList(allowedOrigins)) return false;
  std::size_t at = 0;
  while (at < allowedOrigins.size()) {
    const std::size_t end = std::min(allowedOrigins.find(' ', at), allowedOrigins.size());
    if (allowedOrigins.substr(at, end - at) == origin) return true;
    at = end + 1;
  }
  return false;
}

}  // namespace broadsheet::policy
