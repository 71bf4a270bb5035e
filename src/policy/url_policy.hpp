// Which URLs may appear in our output. Content never decides a scheme we did not allow.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "broadsheet/broadsheet.hpp"

namespace broadsheet::policy {

enum class UrlKind {
  Link,      // <a href> in text: http, https, mailto, or relative
  Resource,  // members such as canonicalUrl, publisher.url, callToAction.url: http, https, relative
  Image,     // <img src>: http, https, or relative
};

// Returns the URL to emit (trimmed, with control characters and whitespace removed, and characters a
// URL may not contain percent-encoded) or nothing when the URL is not allowed. The scheme is judged after decoding HTML
// character references and percent-escapes, so "jav&#x61;script:" and "%6aavascript:" are caught too. The result still
// needs attribute escaping when it is written.
std::optional<std::string> allowedUrl(std::string_view url, UrlKind kind);

// The scheme a browser would see, lower-cased, or "" for a relative URL.
std::string effectiveScheme(std::string_view url);

// ---------------------------------------------------------------------------------------------
// Resolution: an article's URLs are relative to the article, not to the page that shows it.
// ---------------------------------------------------------------------------------------------

// An absolute http or https URL taken apart as the base of relative ones (the WHATWG URL standard's
// parts for these schemes). The fragment is not kept: it never takes part in resolution.
struct BaseUrl {
  std::string scheme;     // "http" or "https"
  std::string authority;  // the host, lower-cased, and ":port" unless it is the scheme's default
  std::string path;       // "/…": at least "/"
  std::string query;      // "" or "?…"
};

// The base for `url`, or nothing when it is not an absolute http or https URL with a host (and no
// user name or password) that the policy allows.
std::optional<BaseUrl> parseBaseUrl(std::string_view url);

// How an article's URLs are resolved and what links and images carry: from the render options.
struct UrlContext {
  std::optional<BaseUrl> base;
  bool dropRelativeImages = false;        // without a base: path-relative image URLs are left out
  std::string otherSiteRel = "noopener";  // `rel` of links in text that lead to other sites
  std::string imageReferrerPolicy;        // `referrerpolicy` of every image ("" writes none)
};

// The context the options ask for. Values the options would refuse (see parseOptions) count as absent.
UrlContext urlContextFor(const RenderOptions& options);

struct UrlDecision {
  enum class Outcome {
    Written,          // `url` is what to write (it still needs attribute escaping)
    Refused,          // a scheme, or a form, the policy does not allow (allowedUrl refuses it)
    RelativeDropped,  // a path-relative image with no base, and the context drops those
  };
  Outcome outcome = Outcome::Refused;
  std::string url;
  bool otherSite = false;  // Written http(s) URL on another origin than the base (any, without a base)
};

// The URL to write for `written` in an article: allowedUrl's checks, then resolution against the
// context, then allowedUrl's checks again on the result, so resolution never yields what the policy
// refuses. Protocol-relative URLs become https: (with or without a base); with a base, path-relative,
// path-absolute and query-only URLs resolve against it as browsers do; a fragment-only link stays as
// it is (it moves within the page showing the article, and needs no request).
UrlDecision decideUrl(std::string_view written, UrlKind kind, const UrlContext& context);

// The `rel` tokens (docs/markup.md) a host may add to links to other sites, lower-cased and each once:
// external, nofollow, noreferrer, sponsored, ugc (noopener is always there). Other tokens are left
// out and listed in `refused`.
std::string linkRelTokens(std::string_view tokens, std::vector<std::string>& refused);

// One of the HTML referrer policy keywords ("no-referrer", "strict-origin-when-cross-origin", …).
bool isReferrerPolicy(std::string_view keyword);

}  // namespace broadsheet::policy
