// Embed blocks (issue 16, point 1; docs/embeds.md): provider URLs taken apart and built again from
// their ids, hostile URLs refused, the reader's diagnostics, and the three `embeds` forms.
#include <catch2/catch.hpp>

#include "policy/embed_providers.hpp"
#include "test_support.hpp"

using namespace broadsheet;
using broadsheet::policy::EmbedProvider;
using broadsheet::policy::rebuildEmbedUrl;
using broadsheet::test::countOccurrences;
using broadsheet::test::documentWith;
using broadsheet::test::findDiagnostic;

namespace {

void checkRebuilt(EmbedProvider provider, const std::string& url, const std::string& original,
                  const std::string& frame) {
  INFO(url);
  const auto urls = rebuildEmbedUrl(provider, url);
  REQUIRE(urls);
  CHECK(urls->original == original);
  CHECK(urls->frame == frame);
  CHECK(urls->frame.rfind(urls->origin + "/", 0) == 0);  // the frame is on the origin CSP is told about
}

std::string embedBlock(const std::string& provider, const std::string& url, const std::string& extra = "") {
  return R"({"type":"embed","provider":")" + provider + R"(","url":")" + url + R"(","title":"The briefing")" + extra +
         "}";
}

}  // namespace

TEST_CASE("embeds: each provider's URL forms are rebuilt from their ids", "[embed][urls]") {
  const std::string yt = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
  const std::string ytFrame = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ";
  checkRebuilt(EmbedProvider::YouTube, yt, yt, ytFrame);
  checkRebuilt(EmbedProvider::YouTube, "https://youtu.be/dQw4w9WgXcQ?si=tracking123", yt, ytFrame);
  checkRebuilt(EmbedProvider::YouTube, "HTTP://M.YouTube.com/watch?feature=share&v=dQw4w9WgXcQ#comments", yt, ytFrame);
  checkRebuilt(EmbedProvider::YouTube, "https://www.youtube.com/shorts/dQw4w9WgXcQ", yt, ytFrame);
  checkRebuilt(EmbedProvider::YouTube, "https://www.youtube.com/embed/dQw4w9WgXcQ", yt, ytFrame);
  checkRebuilt(EmbedProvider::YouTube, "https://youtu.be/dQw4w9WgXcQ?t=90s", yt + "&t=90", ytFrame + "?start=90");
  checkRebuilt(EmbedProvider::YouTube, "https://youtu.be/dQw4w9WgXcQ?t=1m30s", yt, ytFrame);  // an unread form: from 0
  checkRebuilt(EmbedProvider::Vimeo, "https://vimeo.com/76979871", "https://vimeo.com/76979871",
               "https://player.vimeo.com/video/76979871?dnt=1");
  checkRebuilt(EmbedProvider::Vimeo, "https://player.vimeo.com/video/76979871?h=8a2b3c&autoplay=1",
               "https://vimeo.com/76979871/8a2b3c", "https://player.vimeo.com/video/76979871?dnt=1&h=8a2b3c");
  checkRebuilt(EmbedProvider::X, "https://twitter.com/nbcentralasia/status/1234567890123456789?s=20",
               "https://x.com/nbcentralasia/status/1234567890123456789",
               "https://platform.twitter.com/embed/Tweet.html?dnt=true&id=1234567890123456789");
  checkRebuilt(EmbedProvider::Telegram, "https://t.me/s/nbca_news/4521", "https://t.me/nbca_news/4521",
               "https://t.me/nbca_news/4521?embed=1");
  checkRebuilt(EmbedProvider::Instagram, "https://instagram.com/reel/C1a-B_2/?igsh=x",
               "https://www.instagram.com/reel/C1a-B_2/", "https://www.instagram.com/reel/C1a-B_2/embed/");
  checkRebuilt(
      EmbedProvider::Facebook, "https://m.facebook.com/nbca.news/posts/10158",
      "https://www.facebook.com/nbca.news/posts/10158",
      "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fnbca.news%2Fposts%2F10158");
  checkRebuilt(
      EmbedProvider::Facebook, "https://www.facebook.com/watch/?v=123456", "https://www.facebook.com/watch/?v=123456",
      "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fwatch%2F%3Fv%3D123456");
  checkRebuilt(EmbedProvider::TikTok, "https://www.tiktok.com/@kz.news/video/7212345678901234567?lang=en",
               "https://www.tiktok.com/@kz.news/video/7212345678901234567",
               "https://www.tiktok.com/embed/v2/7212345678901234567");
  checkRebuilt(EmbedProvider::SoundCloud, "https://soundcloud.com/azattyq/podcast-12",
               "https://soundcloud.com/azattyq/podcast-12",
               "https://w.soundcloud.com/player/?visual=true&url=https%3A%2F%2Fsoundcloud.com%2Fazattyq%2Fpodcast-12");
  checkRebuilt(EmbedProvider::Spotify, "https://open.spotify.com/intl-ru/episode/4rOoJ6Egrf8K2IrywzwOMk?si=abc",
               "https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk",
               "https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk");
  checkRebuilt(EmbedProvider::GoogleMaps, "https://www.google.com/maps/place/Almaty/@43.2389,76.8897,12.5z/data=!3m1",
               "https://www.google.com/maps/@43.2389,76.8897,12z",
               "https://www.google.com/maps?q=43.2389,76.8897&z=12&output=embed");
  checkRebuilt(EmbedProvider::GoogleMaps, "https://maps.google.com/maps?q=-33.86,151.2&z=9",
               "https://www.google.com/maps/@-33.86,151.2,9z",
               "https://www.google.com/maps?q=-33.86,151.2&z=9&output=embed");
  checkRebuilt(EmbedProvider::Generic, "https://Data.Example.org/charts/water?id=7#top",
               "https://data.example.org/charts/water?id=7", "https://data.example.org/charts/water?id=7");
}

TEST_CASE("embeds: hostile and foreign URLs are refused", "[embed][urls]") {
  const std::string id = "dQw4w9WgXcQ";
  for (const std::string& url : std::vector<std::string>{
           "https://youtube.com.evil.example/watch?v=" + id,  // a lookalike host
           "https://evilyoutube.com/watch?v=" + id,
           "https://www.youtube.com.@evil.example/watch?v=" + id,
           "https://www.youtube.com@evil.example/watch?v=" + id,  // user info
           "https://evil.example@www.youtube.com/watch?v=" + id,
           "https://evil.example\\@www.youtube.com/watch?v=" + id,  // backslash: browsers read '/'
           "https://www.youtube.com:8443/watch?v=" + id,            // a port
           "https://www%2eyoutube.com/watch?v=" + id,               // an escaped host
           "https://www.youtube.com/watch?v=%64Qw4w9WgXcQ",         // an escaped id
           "https://www.youtube.com/watch?v=" + id + "%22onload%3D",
           "https://www.youtube.com/watch?v=dQw4w9WgXc\"",
           "https://www.youtube.com/watch?v=dQw4w9WgXc",  // ten characters
           "https://www.youtube.com/watch?v=" + id + "x",
           "https://www.yоutube.com/watch?v=" + id,  // a Cyrillic о
           "https://www.youtube.com./watch?v=" + id,
           "https://www.youtube.com/watch?v= " + id,
           " https://www.youtube.com/watch?v=" + id,
           "https://www.youtube.com/watch?v=" + id + "\n",
           "javascript:alert(1)//https://www.youtube.com/watch?v=" + id,
           "JaVaScRiPt:alert(1)",
           "data:text/html,<script>alert(1)</script>",
           "//www.youtube.com/watch?v=" + id,
           "www.youtube.com/watch?v=" + id,
           "ftp://www.youtube.com/watch?v=" + id,
           "https://www.youtube.com/channel/" + id,
           "https://youtu.be/" + id + "/../../evil",
           "https://[::1]/watch?v=" + id,
           "https://www.youtube.com/watch?x=" + id,
       }) {
    INFO(url);
    CHECK_FALSE(rebuildEmbedUrl(EmbedProvider::YouTube, url));
  }
  // Another provider's URL is not this provider's.
  CHECK_FALSE(rebuildEmbedUrl(EmbedProvider::Vimeo, "https://www.youtube.com/watch?v=" + id));
  CHECK_FALSE(rebuildEmbedUrl(EmbedProvider::Telegram, "https://t.me/nbca_news/abc"));
  CHECK_FALSE(rebuildEmbedUrl(EmbedProvider::Telegram, "https://t.me/abc/4521"));  // too short a name
  CHECK_FALSE(rebuildEmbedUrl(EmbedProvider::X, "https://x.com/i/status/1%32"));
  CHECK_FALSE(rebuildEmbedUrl(EmbedProvider::GoogleMaps, "https://www.google.com/maps/@91,76.8897,12z"));
  CHECK_FALSE(rebuildEmbedUrl(EmbedProvider::GoogleMaps, "https://www.google.com/maps/@43.2,76.8,40z"));
  CHECK_FALSE(rebuildEmbedUrl(EmbedProvider::Spotify, "https://open.spotify.com/user/4rOoJ6Egrf8K2IrywzwOMk"));
  CHECK_FALSE(rebuildEmbedUrl(EmbedProvider::Generic, "http://data.example.org/chart"));  // generic: https only
  CHECK_FALSE(rebuildEmbedUrl(EmbedProvider::Generic, "https://user:pw@data.example.org/chart"));
  CHECK_FALSE(rebuildEmbedUrl(EmbedProvider::Generic, "https://data.example.org/a'onload='x"));
  CHECK_FALSE(rebuildEmbedUrl(EmbedProvider::Generic, "https://data.example.org/<script>"));
}

TEST_CASE("embeds: a host's embedOrigins", "[embed][urls]") {
  CHECK(policy::isEmbedOriginList(""));
  CHECK(policy::isEmbedOriginList("https://maps.example.org  https://data.example.org"));
  CHECK_FALSE(policy::isEmbedOriginList("http://maps.example.org"));
  CHECK_FALSE(policy::isEmbedOriginList("https://maps.example.org/"));
  CHECK_FALSE(policy::isEmbedOriginList("https://maps.example.org:444"));
  CHECK_FALSE(policy::isEmbedOriginList("https://Maps.example.org"));
  CHECK_FALSE(policy::isEmbedOriginList("*"));
  CHECK(policy::embedOriginAllowed("https://data.example.org", "https://maps.example.org https://data.example.org"));
  CHECK_FALSE(policy::embedOriginAllowed("https://data.example.org.evil.example", "https://data.example.org"));
  CHECK_FALSE(policy::embedOriginAllowed("https://data.example.org", ""));
}

TEST_CASE("embeds: the reader refuses what it cannot rebuild, with paths", "[embed][format]") {
  SECTION("an unknown provider: a plain link to an https URL") {
    const RenderResult result = render(documentWith(embedBlock("youtub", "https://example.org/video")));
    const Diagnostic* refused = findDiagnostic(result.diagnostics, "BS-EMBED-PROVIDER");
    REQUIRE(refused);
    CHECK(refused->path == "/body/0/provider");
    CHECK(refused->severity == Severity::Error);
    CHECK(result.html.find("<figure class=\"bs-embed bs-embed--link\">") != std::string::npos);
    CHECK(result.html.find("href=\"https://example.org/video\"") != std::string::npos);
    CHECK(result.html.find("data-bs-embed-src") == std::string::npos);
  }
  SECTION("a URL that is not the provider's: a link to it, never a frame") {
    const RenderResult result =
        render(documentWith(embedBlock("youtube", "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ")));
    const Diagnostic* refused = findDiagnostic(result.diagnostics, "BS-EMBED-PROVIDER");
    REQUIRE(refused);
    CHECK(refused->path == "/body/0/url");
    // The link, named by its host so the reader sees where it leads; nothing else points there.
    CHECK(countOccurrences(result.html, "href=\"https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ\"") == 1);
    CHECK(result.html.find("Open on youtube.com.evil.example") != std::string::npos);
    CHECK(countOccurrences(result.html, "evil.example") == 2);
    CHECK(result.html.find("<iframe") == std::string::npos);
  }
  SECTION("a javascript: URL is left out with the block") {
    const RenderResult result =
        render(documentWith(embedBlock("youtube", "javascript:alert(1)") + R"(,{"type":"paragraph","text":"After."})"));
    REQUIRE(findDiagnostic(result.diagnostics, "BS-EMBED-PROVIDER"));
    CHECK(result.html.find("javascript") == std::string::npos);
    CHECK(result.html.find("bs-embed") == std::string::npos);
    CHECK(result.html.find("After.") != std::string::npos);
  }
  SECTION("a URL with a user name is not even a link") {
    const RenderResult result = render(documentWith(embedBlock("x", "https://evil.example@x.com/a/status/1")));
    REQUIRE(findDiagnostic(result.diagnostics, "BS-EMBED-PROVIDER"));
    CHECK(result.html.find("evil.example") == std::string::npos);
    CHECK(result.html.find("bs-embed") == std::string::npos);
  }
  SECTION("a title is required, and a bad ratio falls back to the provider's") {
    const RenderResult untitled =
        render(documentWith(R"({"type":"embed","provider":"vimeo","url":"https://vimeo.com/76979871"})"));
    const Diagnostic* required = findDiagnostic(untitled.diagnostics, "BS-REQUIRED");
    REQUIRE(required);
    CHECK(required->path == "/body/0/title");
    CHECK(untitled.html.find("bs-embed") == std::string::npos);
    const RenderResult badRatio =
        render(documentWith(embedBlock("vimeo", "https://vimeo.com/76979871", R"(,"aspectRatio":"3:2")")));
    const Diagnostic* value = findDiagnostic(badRatio.diagnostics, "BS-VALUE");
    REQUIRE(value);
    CHECK(value->path == "/body/0/aspectRatio");
    CHECK(badRatio.html.find("bs-embed-box bs-embed-box--16x9") != std::string::npos);
  }
}

TEST_CASE("embeds: click, load and link", "[embed][html]") {
  const std::string document =
      documentWith(embedBlock("youtube", "https://youtu.be/dQw4w9WgXcQ", R"(,"caption":"The *press* conference.")") +
                   "," + embedBlock("generic", "https://data.example.org/chart", R"(,"aspectRatio":1.5)"));
  SECTION("click (the default): a placeholder that asks nothing of the provider") {
    const RenderResult result = render(document);
    CHECK(result.ok);
    CHECK(result.html.find("<iframe") == std::string::npos);
    CHECK(result.html.find("<figure class=\"bs-embed bs-embed--youtube bs-embed--placeholder\">") != std::string::npos);
    CHECK(result.html.find("data-bs-embed-src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\"") !=
          std::string::npos);
    CHECK(result.html.find("Loading this content from YouTube lets YouTube set cookies") != std::string::npos);
    CHECK(result.html.find("<button class=\"bs-embed-load\" type=\"button\" hidden>Load content</button>") !=
          std::string::npos);
    CHECK(
        result.html.find("The <em>press</em> conference. <a class=\"bs-embed-original\" "
                         "href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\" rel=\"noopener\">Open on YouTube</a>") !=
        std::string::npos);
    // No embedOrigins: the generic embed is a link only.
    CHECK(result.html.find("<figure class=\"bs-embed bs-embed--generic bs-embed--link\">") != std::string::npos);
    CHECK(result.html.find("Open on data.example.org") != std::string::npos);
  }
  SECTION("load: the frames at once, sandboxed; a generic one from a listed origin") {
    RenderOptions options;
    options.embeds = Embeds::Load;
    options.embedOrigins = "https://data.example.org";
    const RenderResult result = render(document, options);
    CHECK(
        result.html.find("<iframe class=\"bs-embed-frame\" src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" "
                         "title=\"The briefing\" sandbox=\"allow-scripts allow-same-origin allow-popups "
                         "allow-popups-to-escape-sandbox allow-presentation\" allow=\"encrypted-media; fullscreen; "
                         "picture-in-picture\" referrerpolicy=\"strict-origin-when-cross-origin\" loading=\"lazy\">") !=
        std::string::npos);
    CHECK(result.html.find(
              "<div class=\"bs-embed-box\" style=\"aspect-ratio: 1500 / 1000\"><iframe class=\"bs-embed-frame\" "
              "src=\"https://data.example.org/chart\" title=\"The briefing\" sandbox=\"allow-scripts\" "
              "referrerpolicy") != std::string::npos);
    CHECK(countOccurrences(result.html, "class=\"bs-embed-original\"") == 2);
  }
  SECTION("link: no frame and no placeholder, the links kept") {
    RenderOptions options;
    options.embeds = Embeds::Link;
    const RenderResult result = render(document, options);
    CHECK(result.html.find("<iframe") == std::string::npos);
    CHECK(result.html.find("data-bs-embed") == std::string::npos);
    CHECK(countOccurrences(result.html, "class=\"bs-embed-original\"") == 2);
  }
  SECTION("the words are the article's language's, English where it has none") {
    CHECK(render(documentWith(embedBlock("telegram", "https://t.me/nbca_news/4521"), R"("lang":"kk",)"))
              .html.find("Telegram сайтында ашу") != std::string::npos);
    CHECK(render(documentWith(embedBlock("telegram", "https://t.me/nbca_news/4521"), R"("lang":"tr",)"))
              .html.find("Open on Telegram") != std::string::npos);
  }
}

TEST_CASE("embeds: the options are checked", "[embed][options]") {
  std::vector<Diagnostic> diagnostics;
  CHECK(parseOptions(R"({"embeds":"load","embedOrigins":"https://a.example"})", diagnostics).embeds == Embeds::Load);
  CHECK(diagnostics.empty());
  const RenderOptions bad = parseOptions(R"({"embeds":"always","embedOrigins":"https://a.example/x"})", diagnostics);
  CHECK(bad.embeds == Embeds::Click);
  CHECK(bad.embedOrigins.empty());
  REQUIRE(diagnostics.size() == 2);
  CHECK(diagnostics[0].code == "BS-OPTION");
  CHECK(diagnostics[0].path == "/embedOrigins");
  CHECK(diagnostics[1].path == "/embeds");
}
