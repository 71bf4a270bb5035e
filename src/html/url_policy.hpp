// Which URLs may appear in our output. Content never decides a scheme we did not allow.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace broadsheet::html {

enum class UrlKind {
  Link,      // <a href> in text: http, https, mailto, or relative
  Resource,  // members such as canonicalUrl, publisher.url, callToAction.url: http, https, relative
  Image,     // <img src>: http, https, or relative
};

// Returns the URL to emit (trimmed, with control characters and whitespace removed, and characters a
// URL may not contain percent-encoded) or nothing when the URL is not allowed. The scheme is judged after decoding HTML character references and
// percent-escapes, so "jav&#x61;script:" and "%6aavascript:" are caught too. The result still needs
// attribute escaping when it is written.
std::optional<std::string> allowedUrl(std::string_view url, UrlKind kind);

// The scheme a browser would see, lower-cased, or "" for a relative URL.
std::string effectiveScheme(std::string_view url);

}  // namespace broadsheet::html
