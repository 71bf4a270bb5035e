// The html stage's URL policy, resolution half: an article's URLs resolve against the article's own
// address (the baseUrl option), never against the page that shows it.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "policy/url_policy.hpp"

using namespace broadsheet;
using policy::UrlContext;
using policy::UrlDecision;
using policy::UrlKind;

namespace {

UrlContext withBase(std::string_view base) {
  UrlContext context;
  context.base = policy::parseBaseUrl(base);
  REQUIRE(context.base);
  return context;
}

// What is written for `url`, "(refused)" or "(dropped)".
std::string written(std::string_view url, UrlKind kind, const UrlContext& context) {
  const UrlDecision decision = policy::decideUrl(url, kind, context);
  switch (decision.outcome) {
    case UrlDecision::Outcome::Written: return decision.url;
    case UrlDecision::Outcome::Refused: return "(refused)";
    case UrlDecision::Outcome::RelativeDropped: return "(dropped)";
  }
  return "";
}

const std::string kStory = "https://news.example/world/2024/story.json?x=1#top";

}  // namespace

TEST_CASE("a base URL is an absolute http or https URL with a host", "[html][urls]") {
  const auto base = policy::parseBaseUrl("HTTPS://News.Example:443/a/./b/../story.json?x=1#top");
  REQUIRE(base);
  CHECK(base->scheme == "https");
  CHECK(base->authority == "news.example");
  CHECK(base->path == "/a/story.json");
  CHECK(base->query == "?x=1");
  CHECK(policy::parseBaseUrl("http://news.example")->path == "/");
  CHECK(policy::parseBaseUrl("http://news.example:8080/")->authority == "news.example:8080");
  CHECK(policy::parseBaseUrl("https://[2001:db8::1]/x")->authority == "[2001:db8::1]");
  for (const char* bad : {"", "/story.json", "story.json", "//news.example/", "ftp://news.example/", "https://",
                          "https:///x", "https:news.example", "https://user@news.example/", "https://news.example:x/",
                          "javascript:alert(1)", "https://\\evil.example/", "data:text/html,x"}) {
    INFO(bad);
    CHECK_FALSE(policy::parseBaseUrl(bad));
  }
}

TEST_CASE("relative URLs resolve against the base as browsers resolve them", "[html][urls]") {
  const UrlContext story = withBase(kStory);
  for (const UrlKind kind : {UrlKind::Image, UrlKind::Link, UrlKind::Resource}) {
    CHECK(written("img/a.jpg", kind, story) == "https://news.example/world/2024/img/a.jpg");
    CHECK(written("./img/./b/../a.jpg", kind, story) == "https://news.example/world/2024/img/a.jpg");
    CHECK(written("../a.jpg", kind, story) == "https://news.example/world/a.jpg");
    CHECK(written("../../../../a.jpg", kind, story) == "https://news.example/a.jpg");   // never above the root
    CHECK(written("%2e%2E/a.jpg", kind, story) == "https://news.example/world/a.jpg");  // browsers read "%2e" as "."
    CHECK(written("..", kind, story) == "https://news.example/world/");
    CHECK(written("/abs/a.jpg", kind, story) == "https://news.example/abs/a.jpg");
    CHECK(written("/%2e%2e/%2e%2e/etc", kind, story) == "https://news.example/etc");
    CHECK(written("?v=2", kind, story) == "https://news.example/world/2024/story.json?v=2");
    CHECK(written("a.jpg?v=2#x", kind, story) == "https://news.example/world/2024/a.jpg?v=2#x");
    CHECK(written("//cdn.example/a.jpg", kind, story) == "https://cdn.example/a.jpg");
    CHECK(written("https://cdn.example/a.jpg", kind, story) == "https://cdn.example/a.jpg");
    CHECK(written("HTTPS://cdn.example/a.jpg", kind, story) == "https://cdn.example/a.jpg");
  }
  // A fragment-only link moves within the page showing the article; an image is fetched, so it resolves.
  CHECK(written("#notes", UrlKind::Link, story) == "#notes");
  CHECK(written("#x", UrlKind::Image, story) == "https://news.example/world/2024/story.json?x=1#x");
  CHECK(written("mailto:desk@news.example", UrlKind::Link, story) == "mailto:desk@news.example");
  // "https:x" is relative to a base of the same scheme, and names a host otherwise (WHATWG URL).
  CHECK(written("https:a.jpg", UrlKind::Image, story) == "https://news.example/world/2024/a.jpg");
  CHECK(written("http:cdn.example/a.jpg", UrlKind::Image, story) == "http://cdn.example/a.jpg");
  CHECK(written("https:/cdn.example/a.jpg", UrlKind::Image, story) == "https://cdn.example/a.jpg");
  CHECK(written("https:///cdn.example/a.jpg", UrlKind::Image, story) == "https://cdn.example/a.jpg");
  CHECK(written("http:cdn.example", UrlKind::Image, withBase("http://news.example/")) ==
        "http://news.example/cdn.example");
}

TEST_CASE("protocol-relative URLs become https, with or without a base", "[html][urls]") {
  for (const UrlContext& context : {UrlContext{}, withBase("http://news.example/")}) {
    CHECK(written("//cdn.example/a.jpg", UrlKind::Image, context) == "https://cdn.example/a.jpg");
    CHECK(written("///cdn.example/a.jpg", UrlKind::Image, context) == "https://cdn.example/a.jpg");
    CHECK(written("//", UrlKind::Image, context) == "(refused)");
    CHECK(written("///", UrlKind::Link, context) == "(refused)");
  }
}

TEST_CASE("without a base, path-relative images are kept or dropped as the context says", "[html][urls]") {
  UrlContext keep;
  UrlContext drop;
  drop.dropRelativeImages = true;
  for (const char* relative : {"img/a.jpg", "/img/a.jpg", "../a.jpg", "?v=2", "#x", "https:a.jpg"}) {
    INFO(relative);
    CHECK(written(relative, UrlKind::Image, keep) == relative);
    CHECK(written(relative, UrlKind::Image, drop) == "(dropped)");
    CHECK(written(relative, UrlKind::Link, drop) == relative);  // links are the reader's choice to follow
  }
  CHECK(written("https://cdn.example/a.jpg", UrlKind::Image, drop) == "https://cdn.example/a.jpg");
  CHECK(written("//cdn.example/a.jpg", UrlKind::Image, drop) == "https://cdn.example/a.jpg");
  CHECK(written("javascript:alert(1)", UrlKind::Image, drop) == "(refused)");
}

TEST_CASE("links to other sites are told apart from the article's own", "[html][urls]") {
  const UrlContext story = withBase(kStory);
  const auto otherSite = [](std::string_view url, const UrlContext& context) {
    const UrlDecision decision = policy::decideUrl(url, UrlKind::Link, context);
    REQUIRE(decision.outcome == UrlDecision::Outcome::Written);
    return decision.otherSite;
  };
  CHECK_FALSE(otherSite("/politics", story));
  CHECK_FALSE(otherSite("https://news.example/x", story));
  CHECK_FALSE(otherSite("https://NEWS.example:443/x", story));
  CHECK_FALSE(otherSite("#notes", story));
  CHECK_FALSE(otherSite("mailto:desk@news.example", story));
  CHECK(otherSite("http://news.example/x", story));  // another scheme is another origin
  CHECK(otherSite("https://news.example:8443/x", story));
  CHECK(otherSite("https://news.example@evil.example/", story));
  CHECK(otherSite("https://news.example.evil.example/", story));
  CHECK(otherSite("//evil.example/", story));
  // Without a base every absolute http(s) link leads elsewhere, and a relative one stays on the page's site.
  CHECK(otherSite("https://news.example/x", UrlContext{}));
  CHECK_FALSE(otherSite("page.html", UrlContext{}));
}

TEST_CASE("hostile URLs never resolve into what the policy refuses", "[html][urls][security]") {
  const UrlContext story = withBase(kStory);
  // Backslashes read as slashes by browsers: refused outright, base or not.
  for (const char* slashes :
       {"\\\\evil.example", "/\\evil.example", "\\/evil.example", "https:\\\\evil.example", "img\\..\\a"}) {
    INFO(slashes);
    CHECK(written(slashes, UrlKind::Image, story) == "(refused)");
    CHECK(written(slashes, UrlKind::Link, UrlContext{}) == "(refused)");
  }
  // Tabs and newlines are dropped as browsers drop them, so "/\t/evil" is the protocol-relative URL a
  // browser would see: written as https, on another site.
  CHECK(written("/\t/evil.example/x", UrlKind::Image, story) == "https://evil.example/x");
  CHECK(written("/\n/evil.example", UrlKind::Link, UrlContext{}) == "https://evil.example");
  CHECK(policy::decideUrl("/\r\n/evil.example", UrlKind::Link, story).otherSite);
  // Percent-encoded slashes and dots stay in the path: no new host appears.
  CHECK(written("%2F%2Fevil.example", UrlKind::Image, story) == "https://news.example/world/2024/%2F%2Fevil.example");
  CHECK(written("https:%2F%2Fevil.example", UrlKind::Image, story) ==
        "https://news.example/world/2024/%2F%2Fevil.example");
  CHECK(written("/%2F/evil.example", UrlKind::Image, story) == "https://news.example/%2F/evil.example");
  for (const char* scheme :
       {"javascript:alert(1)", "java\tscript:alert(1)", "jav&#x61;script:x", "%6aavascript:x", "javascript&colon;x",
        "data:image/png;base64,AA", "vbscript:x", "java\u0085script:x", " \x01javascript:x", "file:///etc/passwd"}) {
    INFO(scheme);
    for (const UrlKind kind : {UrlKind::Image, UrlKind::Link, UrlKind::Resource})
      CHECK(written(scheme, kind, story) == "(refused)");
  }
  // Whatever comes in, what is written is allowed as it stands, and with a base no image is relative.
  const std::vector<std::string> inputs = {"//evil",
                                           "\\\\evil",
                                           "/\\evil",
                                           "/\t/evil",
                                           "https:evil",
                                           "https:/evil",
                                           "https:evil?<x>",
                                           "..//evil",
                                           ".//evil",
                                           "/.//evil",
                                           "%2e%2e//evil",
                                           "/..//evil",
                                           "a/../..//evil",
                                           "?//evil",
                                           "#//evil",
                                           "https://a@b@evil/",
                                           "http://[::1]/x",
                                           "https://evil.example:99999/",
                                           "//evil:80/",
                                           "//[::1",
                                           "https://news.example\t/x",
                                           "\x7F//evil",
                                           "/%09/evil",
                                           "&#47;&#47;evil",
                                           "&sol;/evil",
                                           "&amp;#47;/evil",
                                           "./javascript:alert(1)",
                                           "../javascript:alert(1)",
                                           "\u00A0//evil"};
  for (const UrlContext& context : {story, UrlContext{}, withBase("http://h.example")}) {
    for (const std::string& input : inputs) {
      for (const UrlKind kind : {UrlKind::Image, UrlKind::Link, UrlKind::Resource}) {
        INFO(input << " kind " << static_cast<int>(kind));
        const UrlDecision decision = policy::decideUrl(input, kind, context);
        if (decision.outcome != UrlDecision::Outcome::Written) continue;
        CHECK(policy::allowedUrl(decision.url, kind) == std::optional<std::string>(decision.url));
        const std::string scheme = policy::effectiveScheme(decision.url);
        CHECK((scheme.empty() || scheme == "http" || scheme == "https" || scheme == "mailto"));
        if (context.base && kind == UrlKind::Image) CHECK((scheme == "http" || scheme == "https"));
        // A link that leads to another host than the base's is marked as leading to another site.
        const std::size_t hostStart = decision.url.find("://");
        if (kind == UrlKind::Link && hostStart != std::string::npos && context.base) {
          std::string host =
              decision.url.substr(hostStart + 3, decision.url.find_first_of("/?#", hostStart + 3) - hostStart - 3);
          host = host.substr(host.rfind('@') == std::string::npos ? 0 : host.rfind('@') + 1);
          if (host != context.base->authority) CHECK(decision.otherSite);
        }
      }
    }
  }
}

TEST_CASE("link rel tokens and referrer policies are checked", "[html][urls]") {
  std::vector<std::string> refused;
  CHECK(policy::linkRelTokens(" NoFollow\tugc  nofollow sponsored ", refused) == "nofollow ugc sponsored");
  CHECK(refused.empty());
  CHECK(policy::linkRelTokens("opener nofollow noopener x\"y", refused) == "nofollow");
  CHECK(refused == std::vector<std::string>{"opener", "noopener", "x\"y"});
  CHECK(policy::isReferrerPolicy("no-referrer"));
  CHECK(policy::isReferrerPolicy("strict-origin-when-cross-origin"));
  CHECK_FALSE(policy::isReferrerPolicy("No-Referrer"));
  CHECK_FALSE(policy::isReferrerPolicy("no-referrer\" onerror=\"x"));
  RenderOptions options;
  options.baseUrl = "not a url";
  options.linkRel = "nofollow bogus";
  options.imageReferrerPolicy = "bogus";
  const UrlContext context = policy::urlContextFor(options);
  CHECK_FALSE(context.base);
  CHECK(context.otherSiteRel == "noopener nofollow");
  CHECK(context.imageReferrerPolicy.empty());
}

// decideUrl writes an absolute http(s) URL already in its published form as it is, without the
// general steps. A leading space never changes a decision (browsers drop it, so does the policy) but
// always takes the general steps: the two must agree on every URL, here drawn at random from pieces.
TEST_CASE("URLs written as published are decided as the general steps decide them", "[urls]") {
  const std::vector<std::string> schemes{"https://", "http://", "HTTPS://", "Http://",     "https:///", "https:",
                                         "//",       "mailto:", "ftp://",   "javascript:", "",          "/"};
  const std::vector<std::string> hosts{
      "news.example",   "News.Example", "e.example:443", "e.example:80", "e.example:0443",
      "e.example:x",    "u@e.example",  "[::1]",         "[::1",         "",
      "h.example:8080", "\\e"};
  const std::vector<std::string> tails{"",         "/",        "/a/b",     "/../x",   "/%2e/y", "?q=1",
                                       "#f",       "/a#b#c",   "/{x}",     "/\u00E9", "/a b",   "/%zz",
                                       "/a&amp;b", "/\u0085x", "/a?b=[1]", "/\"q\""};
  std::mt19937 random(19);
  const auto pick = [&random](const std::vector<std::string>& from) { return from[random() % from.size()]; };
  UrlContext dropping;
  dropping.dropRelativeImages = true;
  const std::vector<UrlContext> contexts{UrlContext{}, dropping, withBase(kStory), withBase("http://e.example/")};
  std::size_t asPublished = 0;
  for (int i = 0; i < 4000; ++i) {
    const std::string url = pick(schemes) + pick(hosts) + pick(tails) + (random() % 4 == 0 ? pick(tails) : "");
    for (const UrlContext& context : contexts) {
      for (const UrlKind kind : {UrlKind::Image, UrlKind::Link, UrlKind::Resource}) {
        INFO(url << " kind " << static_cast<int>(kind));
        const UrlDecision decision = policy::decideUrl(url, kind, context);
        const UrlDecision general = policy::decideUrl(" " + url, kind, context);
        CHECK(decision.outcome == general.outcome);
        CHECK(decision.url == general.url);
        CHECK(decision.otherSite == general.otherSite);
        asPublished += decision.outcome == UrlDecision::Outcome::Written && decision.url == url;
      }
    }
  }
  CHECK(asPublished > 3000);  // the shortcut was taken often enough to be tested
}
