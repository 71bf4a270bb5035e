#include "policy/url_policy.hpp"

#include "policy/code_points.hpp"

#include <algorithm>
#include <cctype>

namespace broadsheet::policy {
namespace {

bool isStrippedByBrowsers(unsigned char c) { return c <= 0x20 || c == 0x7F; }

// Browsers drop ASCII tab and newline anywhere in a URL and trim C0 controls and spaces around it.
// We drop every such character, which leaves nothing a browser could read differently.
std::string withoutControls(std::string_view url) {
  std::string cleaned;
  cleaned.reserve(url.size());
  for (char c : url) {
    if (!isStrippedByBrowsers(static_cast<unsigned char>(c))) cleaned.push_back(c);
  }
  return cleaned;
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes the character references and percent-escapes that could spell a scheme. Only ASCII
// matters for schemes, so anything that decodes beyond ASCII is kept as is.
std::string decodeForSchemeCheck(std::string_view url) {
  std::string decoded;
  for (std::size_t i = 0; i < url.size(); ++i) {
    const char c = url[i];
    if (c == '%' && i + 2 < url.size() && hexValue(url[i + 1]) >= 0 && hexValue(url[i + 2]) >= 0) {
      decoded.push_back(static_cast<char>(hexValue(url[i + 1]) * 16 + hexValue(url[i + 2])));
      i += 2;
    } else if (c == '&' && i + 1 < url.size() && url[i + 1] == '#') {
      std::size_t j = i + 2;
      const bool hex = j < url.size() && (url[j] == 'x' || url[j] == 'X');
      if (hex) ++j;
      long value = 0;
      std::size_t digits = 0;
      for (; j < url.size() && digits < 8; ++j, ++digits) {
        const int d = hex ? hexValue(url[j]) : (std::isdigit(static_cast<unsigned char>(url[j])) ? url[j] - '0' : -1);
        if (d < 0) break;
        value = value * (hex ? 16 : 10) + d;
      }
      if (digits == 0) {
        decoded.push_back(c);
        continue;
      }
      if (j < url.size() && url[j] == ';') ++j;
      decoded.push_back(value > 0 && value < 0x80 ? static_cast<char>(value) : '?');
      i = j - 1;
    } else if (c == '&') {
      // Named references that spell scheme punctuation or hide separators.
      static constexpr std::string_view kNamed[][2] = {
          {"&colon;", ":"}, {"&Tab;", ""}, {"&NewLine;", ""}, {"&sol;", "/"}, {"&amp;", "&"}};
      bool matched = false;
      for (const auto& entry : kNamed) {
        if (url.substr(i, entry[0].size()) == entry[0]) {
          decoded.append(entry[1]);
          i += entry[0].size() - 1;
          matched = true;
          break;
        }
      }
      if (!matched) decoded.push_back(c);
    } else {
      decoded.push_back(c);
    }
  }
  return withoutControls(decoded);
}

// Percent-encodes what a valid URL may not contain, as the HTML standard requires of href and src:
// " < > ` { } | ^, brackets outside the host, a second '#', and a '%' that starts no escape. Browsers
// encode most of these themselves when they parse the URL, and servers read "{" and "%7B" alike, so
// the address does not change. Encoding never adds a letter or a ':', so it cannot make a scheme.
std::string withValidCharacters(std::string url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  // The host: after "scheme://" or a leading "//".
  std::size_t hostStart = url.rfind("//", 0) == 0 ? 2 : std::string::npos;
  const std::size_t schemeEnd = url.find("://");
  if (schemeEnd != std::string::npos && schemeEnd > 0 &&
      std::all_of(url.begin(), url.begin() + static_cast<std::ptrdiff_t>(schemeEnd), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
      })) {
    hostStart = schemeEnd + 3;
  }
  const std::size_t hostEnd = hostStart == std::string::npos ? 0 : url.find_first_of("/?#", hostStart);
  std::string encoded;
  encoded.reserve(url.size());
  bool inFragment = false;
  for (std::size_t i = 0; i < url.size(); ++i) {
    const char c = url[i];
    const bool inHost = hostStart != std::string::npos && i >= hostStart && i < hostEnd;
    bool encode = false;
    switch (c) {
      case '"':
      case '<':
      case '>':
      case '`':
      case '{':
      case '}':
      case '|':
      case '^': encode = true; break;
      case '[':
      case ']':
        encode = !inHost;  // an IPv6 host is written in brackets
        break;
      case '#':
        encode = inFragment;
        inFragment = true;
        break;
      case '%': encode = !(i + 2 < url.size() && hexValue(url[i + 1]) >= 0 && hexValue(url[i + 2]) >= 0); break;
      default: break;
    }
    if (encode) {
      encoded.push_back('%');
      encoded.push_back(kHex[static_cast<unsigned char>(c) >> 4]);
      encoded.push_back(kHex[static_cast<unsigned char>(c) & 0xF]);
    } else {
      encoded.push_back(c);
    }
  }
  return encoded;
}

// The scheme of a URL with nothing left to decode, lower-cased; "" when it is relative.
std::string schemeOf(std::string_view decoded) {
  for (std::size_t i = 0; i < decoded.size(); ++i) {
    const auto c = static_cast<unsigned char>(decoded[i]);
    if (c == ':') {
      if (i == 0) return "";
      std::string scheme(decoded.substr(0, i));
      for (char& s : scheme) s = static_cast<char>(std::tolower(static_cast<unsigned char>(s)));
      return scheme;
    }
    const bool schemeChar = std::isalpha(c) || (i > 0 && (std::isdigit(c) || c == '+' || c == '-' || c == '.'));
    if (!schemeChar) return "";  // '/', '?', '#' or anything else first: a relative URL
  }
  return "";
}

// Most URLs: printable ASCII or UTF-8 with nothing to drop (controls, spaces), decode ('%', '&'),
// refuse ('\\') or encode (see withValidCharacters; brackets left to it for IPv6 hosts). Such a URL
// is published as written, and its scheme is what it spells.
bool isPlainUrl(std::string_view url) {
  bool fragment = false;
  for (const char ch : url) {
    switch (static_cast<unsigned char>(ch)) {
      case '%':
      case '&':
      case '\\':
      case '"':
      case '<':
      case '>':
      case '`':
      case '{':
      case '}':
      case '|':
      case '^':
      case '[':
      case ']':
      case 0x7F: return false;
      case '#':
        if (fragment) return false;
        fragment = true;
        break;
      default:
        if (static_cast<unsigned char>(ch) <= 0x20) return false;
    }
  }
  return !url.empty();
}

}  // namespace

std::string effectiveScheme(std::string_view url) {
  // Nothing to decode or drop (no '%', no '&', no control or space): decoding gives the URL back,
  // so its scheme is what it spells. Most URLs, and every one decideUrl judges a second time.
  if (std::none_of(url.begin(), url.end(),
                   [](char c) { return c == '%' || c == '&' || isStrippedByBrowsers(static_cast<unsigned char>(c)); }))
    return schemeOf(url);
  // Decode until stable: "&amp;#106;" decodes twice into 'j'.
  std::string decoded(url);
  for (int round = 0; round < 4; ++round) {
    std::string next = decodeForSchemeCheck(decoded);
    if (next == decoded) break;
    decoded = std::move(next);
  }
  return schemeOf(decoded);
}

std::optional<std::string> allowedUrl(std::string_view written, UrlKind kind) {
  // Judged as it reaches the page: the escaper drops the code points HTML forbids, so
  // "java\u0085script:" would be written as "javascript:" (a fuzzer finding).
  std::string visible = withoutForbiddenCodePoints(written);
  const std::string_view url = visible;
  if (isPlainUrl(url)) {
    const std::string scheme = schemeOf(url);
    const bool allowed =
        scheme.empty() || scheme == "http" || scheme == "https" || (scheme == "mailto" && kind == UrlKind::Link);
    return allowed ? std::optional<std::string>(std::move(visible)) : std::nullopt;  // `url` views it
  }
  std::string cleaned = withoutControls(url);
  if (cleaned.empty()) return std::nullopt;
  // Backslashes are read as slashes by browsers ("\\evil.example" is protocol-relative), and never
  // needed in a URL we publish.
  if (cleaned.find('\\') != std::string::npos) return std::nullopt;
  const std::string scheme = effectiveScheme(cleaned);
  if (scheme.empty()) {
    // Relative. Refuse anything that only looked relative because a scheme was encoded.
    return effectiveScheme(url).empty() ? std::optional<std::string>(withValidCharacters(std::move(cleaned)))
                                        : std::nullopt;
  }
  if (scheme == "http" || scheme == "https") return withValidCharacters(std::move(cleaned));
  if (scheme == "mailto" && kind == UrlKind::Link) return withValidCharacters(std::move(cleaned));
  return std::nullopt;
}

}  // namespace broadsheet::policy

namespace broadsheet::policy {
namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string lowerCase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

bool isSpecialScheme(std::string_view scheme) { return scheme == "http" || scheme == "https"; }

// host[:port] of an authority, without user info, the host lower-cased and the scheme's default port
// left out, so that equal origins compare equal. Nothing when there is no host or the port is not a
// number.
std::optional<std::string> normalAuthority(std::string_view scheme, std::string_view authority) {
  const std::size_t at = authority.rfind('@');  // browsers split user info at the last '@'
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::size_t hostEnd = authority.find(':');
  if (!authority.empty() && authority.front() == '[') {
    hostEnd = authority.find(']');
    if (hostEnd == std::string_view::npos) return std::nullopt;
    ++hostEnd;
  }
  const std::string_view host = authority.substr(0, hostEnd);
  std::string_view port = hostEnd < authority.size() ? authority.substr(hostEnd) : std::string_view();
  if (!port.empty()) {
    if (port.front() != ':') return std::nullopt;
    port.remove_prefix(1);
    if (!std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
    while (port.size() > 1 && port.front() == '0') port.remove_prefix(1);
    if ((scheme == "http" && port == "80") || (scheme == "https" && port == "443")) port = {};
  }
  if (host.empty()) return std::nullopt;
  std::string normal = lowerCase(host);
  if (!port.empty()) normal.append(":").append(port);
  return normal;
}

// Most links and images: an absolute http(s) URL already written as it is published: "http://" or
// "https://" in lower case, then a valid host, in ASCII with nothing to drop, decode or encode
// (isPlainUrl). The policy allows it, resolution leaves it as it is and the second check passes it as
// it is, so decideUrl writes it as written. Its scheme and its normal authority; nothing otherwise.
struct PublishedAsWritten {
  std::string_view scheme;
  std::string authority;  // as normalAuthority gives it
};
std::optional<PublishedAsWritten> publishedAsWritten(std::string_view url) {
  const std::string_view scheme = url.substr(0, 7) == "http://"    ? "http"
                                  : url.substr(0, 8) == "https://" ? "https"
                                                                   : "";
  if (scheme.empty()) return std::nullopt;
  const std::string_view rest = url.substr(scheme.size() + 3);
  if (rest.empty() || rest.front() == '/') return std::nullopt;  // "https:///x" is written "https://x"
  if (!isPlainUrl(url) ||
      std::any_of(url.begin(), url.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
    return std::nullopt;
  auto authority = normalAuthority(scheme, rest.substr(0, rest.find_first_of("/?#")));
  if (!authority) return std::nullopt;
  return PublishedAsWritten{scheme, std::move(*authority)};
}

// The origin of an absolute http(s) URL written as "scheme://authority…" (the form decideUrl
// writes), as "scheme://host[:port]"; "" for anything else.
std::string originOf(std::string_view url) {
  const std::string scheme = schemeOf(url);
  if (!isSpecialScheme(scheme) || url.substr(scheme.size() + 1, 2) != "//") return "";
  const std::string_view rest = url.substr(scheme.size() + 3);
  const auto authority = normalAuthority(scheme, rest.substr(0, rest.find_first_of("/?#")));
  return authority ? scheme + "://" + *authority : "";
}

// "." and ".." path segments, with their percent-encoded spellings, which browsers read alike.
bool isSingleDot(std::string_view segment) { return segment == "." || equalsIgnoringCase(segment, "%2e"); }
bool isDoubleDot(std::string_view segment) {
  return segment == ".." || equalsIgnoringCase(segment, ".%2e") || equalsIgnoringCase(segment, "%2e.") ||
         equalsIgnoringCase(segment, "%2e%2e");
}

// A path with its "." and ".." segments applied, never above the root (WHATWG's path parsing).
std::string withoutDotSegments(std::string_view path) {
  if (path.empty()) return "/";
  std::vector<std::string_view> segments;
  std::size_t start = 1;  // after the leading '/'
  while (true) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    const std::string_view segment = path.substr(start, end - start);
    const bool last = end == path.size();
    if (isDoubleDot(segment)) {
      if (!segments.empty()) segments.pop_back();
      if (last) segments.emplace_back();
    } else if (isSingleDot(segment)) {
      if (last) segments.emplace_back();
    } else {
      segments.push_back(segment);
    }
    if (last) break;
    start = end + 1;
  }
  std::string resolved;
  for (const std::string_view segment : segments) resolved.append("/").append(segment);
  return resolved.empty() ? "/" : resolved;
}

// A reference with no scheme and no authority ("a/b", "../b", "/b", "?q", "#f", "") against the base.
std::string resolveRelative(std::string_view reference, const BaseUrl& base) {
  const std::size_t suffixStart = std::min(reference.find_first_of("?#"), reference.size());
  const std::string_view path = reference.substr(0, suffixStart);
  const std::string_view suffix = reference.substr(suffixStart);
  std::string resolved = base.scheme + "://" + base.authority;
  if (path.empty()) {
    resolved.append(base.path);
    if (suffix.empty() || suffix.front() == '#') resolved.append(base.query);
  } else if (path.front() == '/') {
    resolved.append(withoutDotSegments(path));
  } else {
    const std::string_view directory = std::string_view(base.path).substr(0, base.path.rfind('/') + 1);
    resolved.append(withoutDotSegments(std::string(directory).append(path)));
  }
  return resolved.append(suffix);
}

// "scheme:" and then any number of slashes before the host, as browsers read http(s) URLs:
// "scheme://rest", or nothing when no host follows.
std::optional<std::string> withAuthority(std::string_view scheme, std::string_view afterScheme) {
  const std::size_t hostStart = afterScheme.find_first_not_of('/');
  if (hostStart == std::string_view::npos) return std::nullopt;
  const std::string_view rest = afterScheme.substr(hostStart);
  if (!normalAuthority(scheme, rest.substr(0, rest.find_first_of("/?#")))) return std::nullopt;
  return std::string(scheme) + "://" + std::string(rest);
}

enum class Form { Absolute, Relative, Refused };

// `url` (allowed: no controls, no backslashes) as an absolute URL, or as a relative one when there is
// no base to resolve it against.
std::pair<Form, std::string> resolve(std::string_view url, UrlKind kind, const std::optional<BaseUrl>& base) {
  const std::string scheme = schemeOf(url);
  if (!scheme.empty() && !isSpecialScheme(scheme)) return {Form::Absolute, std::string(url)};  // mailto:
  if (scheme.empty() && url.substr(0, 2) == "//") {
    // Protocol-relative: always https, whatever page shows the article.
    auto absolute = withAuthority("https", url);
    return absolute ? std::pair{Form::Absolute, std::move(*absolute)} : std::pair{Form::Refused, std::string()};
  }
  std::string_view reference = url;
  if (!scheme.empty()) {
    const std::string_view afterScheme = url.substr(scheme.size() + 1);
    // "https:x" is relative to a base of the same scheme, and "https://x" otherwise (WHATWG).
    if (!afterScheme.empty() && afterScheme.front() == '/') {
      auto absolute = withAuthority(scheme, afterScheme);
      return absolute ? std::pair{Form::Absolute, std::move(*absolute)} : std::pair{Form::Refused, std::string()};
    }
    if (base && base->scheme != scheme) {
      auto absolute = withAuthority(scheme, afterScheme);
      return absolute ? std::pair{Form::Absolute, std::move(*absolute)} : std::pair{Form::Refused, std::string()};
    }
    if (!base) return {Form::Relative, std::string(url)};  // as the page reads it: relative, on an https page
    reference = afterScheme;
  }
  // A fragment-only link moves within the page that shows the article: no request, nothing to resolve.
  if (kind == UrlKind::Link && !reference.empty() && reference.front() == '#')
    return {Form::Relative, std::string(url)};
  if (!base) return {Form::Relative, std::string(url)};
  return {Form::Absolute, resolveRelative(reference, *base)};
}

constexpr std::string_view kLinkRelTokens[] = {"external", "nofollow", "noreferrer", "sponsored", "ugc"};
constexpr std::string_view kReferrerPolicies[] = {
    "no-referrer",   "no-referrer-when-downgrade",      "origin",    "origin-when-cross-origin", "same-origin",
    "strict-origin", "strict-origin-when-cross-origin", "unsafe-url"};

}  // namespace

std::optional<BaseUrl> parseBaseUrl(std::string_view url) {
  const auto allowed = allowedUrl(url, UrlKind::Resource);
  if (!allowed) return std::nullopt;
  const std::string scheme = schemeOf(*allowed);
  const std::string_view written = *allowed;
  if (!isSpecialScheme(scheme) || written.substr(scheme.size() + 1, 2) != "//") return std::nullopt;
  const std::string_view rest = written.substr(scheme.size() + 3);
  const std::size_t authorityEnd = std::min(rest.find_first_of("/?#"), rest.size());
  const std::string_view authority = rest.substr(0, authorityEnd);
  if (authority.find('@') != std::string_view::npos) return std::nullopt;
  auto normal = normalAuthority(scheme, authority);
  if (!normal) return std::nullopt;
  const std::string_view afterAuthority = rest.substr(authorityEnd);
  const std::string_view beforeFragment = afterAuthority.substr(0, afterAuthority.find('#'));
  const std::size_t queryStart = std::min(beforeFragment.find('?'), beforeFragment.size());
  BaseUrl base{scheme, std::move(*normal), withoutDotSegments(beforeFragment.substr(0, queryStart)),
               std::string(beforeFragment.substr(queryStart))};
  if (base.path.front() != '/') base.path.insert(0, "/");
  return base;
}

UrlDecision decideUrl(std::string_view written, UrlKind kind, const UrlContext& context) {
  UrlDecision decision;
  if (auto published = publishedAsWritten(written)) {
    // What the steps below decide for it, without their copies and second reading (every link of a
    // generated article; tests/core/url_resolution_test.cpp holds the two ways to the same decisions).
    decision.outcome = UrlDecision::Outcome::Written;
    decision.url = std::string(written);
    decision.otherSite =
        !context.base || published->scheme != context.base->scheme || published->authority != context.base->authority;
    return decision;
  }
  auto allowed = allowedUrl(written, kind);
  if (!allowed) return decision;
  auto [form, url] = resolve(*allowed, kind, context.base);
  if (form == Form::Refused) return decision;
  if (form == Form::Relative) {
    if (kind == UrlKind::Image && context.dropRelativeImages) {
      decision.outcome = UrlDecision::Outcome::RelativeDropped;
      return decision;
    }
    decision.outcome = UrlDecision::Outcome::Written;
    decision.url = std::move(url);
    return decision;
  }
  // Resolution only joins pieces the policy allowed, but what it writes is judged again all the same.
  auto checked = allowedUrl(url, kind);
  if (!checked || (effectiveScheme(*checked).empty())) return decision;
  decision.outcome = UrlDecision::Outcome::Written;
  decision.url = std::move(*checked);
  const std::string origin = originOf(decision.url);
  decision.otherSite =
      !origin.empty() && (!context.base || origin != context.base->scheme + "://" + context.base->authority);
  return decision;
}

UrlContext urlContextFor(const RenderOptions& options) {
  UrlContext context;
  context.base = parseBaseUrl(options.baseUrl);
  context.dropRelativeImages = options.relativeImages == RelativeImages::Drop;
  std::vector<std::string> refused;
  const std::string tokens = linkRelTokens(options.linkRel, refused);
  if (!tokens.empty()) context.otherSiteRel.append(" ").append(tokens);
  if (isReferrerPolicy(options.imageReferrerPolicy)) context.imageReferrerPolicy = options.imageReferrerPolicy;
  return context;
}

std::string linkRelTokens(std::string_view tokens, std::vector<std::string>& refused) {
  std::string kept;
  for (std::size_t start = tokens.find_first_not_of(" \t\n\f\r"); start != std::string_view::npos;
       start = tokens.find_first_not_of(" \t\n\f\r", start)) {
    const std::size_t end = std::min(tokens.find_first_of(" \t\n\f\r", start), tokens.size());
    const std::string token = lowerCase(tokens.substr(start, end - start));
    start = end;
    const bool known =
        std::find(std::begin(kLinkRelTokens), std::end(kLinkRelTokens), token) != std::end(kLinkRelTokens);
    if (!known) {
      refused.push_back(token);
      continue;
    }
    if ((" " + kept + " ").find(" " + token + " ") == std::string::npos)
      kept.append(kept.empty() ? "" : " ").append(token);
  }
  return kept;
}

bool isReferrerPolicy(std::string_view keyword) {
  return std::find(std::begin(kReferrerPolicies), std::end(kReferrerPolicies), keyword) != std::end(kReferrerPolicies);
}

}  // namespace broadsheet::policy
