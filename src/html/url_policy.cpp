#include "html/url_policy.hpp"

#include "html/escape.hpp"

#include <algorithm>
#include <cctype>

namespace broadsheet::html {
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
      case '"': case '<': case '>': case '`': case '{': case '}': case '|': case '^':
        encode = true;
        break;
      case '[': case ']':
        encode = !inHost;  // an IPv6 host is written in brackets
        break;
      case '#':
        encode = inFragment;
        inFragment = true;
        break;
      case '%':
        encode = !(i + 2 < url.size() && hexValue(url[i + 1]) >= 0 && hexValue(url[i + 2]) >= 0);
        break;
      default:
        break;
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
      case '%': case '&': case '\\': case '"': case '<': case '>': case '`': case '{': case '}': case '|':
      case '^': case '[': case ']': case 0x7F:
        return false;
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
    const bool allowed = scheme.empty() || scheme == "http" || scheme == "https" || (scheme == "mailto" && kind == UrlKind::Link);
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
    return effectiveScheme(url).empty() ? std::optional<std::string>(withValidCharacters(std::move(cleaned))) : std::nullopt;
  }
  if (scheme == "http" || scheme == "https") return withValidCharacters(std::move(cleaned));
  if (scheme == "mailto" && kind == UrlKind::Link) return withValidCharacters(std::move(cleaned));
  return std::nullopt;
}

}  // namespace broadsheet::html
