// Responsive images: the reader's diagnostics (with their paths) for `sources`, `width`/`height` and
// galleries; the layout's srcset and sizes decisions; the markup they become.
#include <catch2/catch.hpp>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "broadsheet/broadsheet.hpp"
#include "layout/image_sizes.hpp"
#include "test_support.hpp"

using namespace broadsheet;
using test::codesAndPaths;
using test::countOccurrences;
using test::documentWith;

namespace {

// A stylesheet's text without its spaces, tabs and newlines, so that a rule is found alike in the readable
// src/html/broadsheet.css and in the minified copy the core ships (`stylesheet()`).
std::string squeezed(std::string_view css) {
  std::string text;
  for (const char c : css)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') text += c;
  return text;
}

// Whether both the source and the shipped stylesheet hold `rule` (compared without whitespace).
bool stylesheetsHold(const std::string& rule) {
  static const std::string source = squeezed(test::readSourceFile("src/html/broadsheet.css"));
  static const std::string shipped = squeezed(stylesheet());
  const std::string needle = squeezed(rule);
  return source.find(needle) != std::string::npos && shipped.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("images: sources entries are checked one by one, with their paths", "[format][images]") {
  const RenderResult result = render(documentWith(
      R"({"type":"image","src":"a.jpg","alt":"A","width":4,"height":3,"sources":[
            {"src":"data:image/png;base64,AAAA","width":320},{"src":"a-640.jpg"},{"src":"a-1.jpg","width":1.5},
            {"src":"a-960.jpg","width":960},{"src":"a-961.jpg","width":960},null]})"));
  CHECK(codesAndPaths(result.diagnostics) ==
        std::vector<std::string>{"BS-URL-SCHEME /body/0/sources/0/src", "BS-REQUIRED /body/0/sources/1/width",
                                 "BS-VALUE /body/0/sources/2/width", "BS-VALUE /body/0/sources/4/width",
                                 "BS-TYPE /body/0/sources/5"});
  CHECK(result.html.find("srcset=\"a-960.jpg 960w\"") != std::string::npos);  // the one good entry
  CHECK(result.html.find("data:") == std::string::npos);
}

TEST_CASE("images: more than 16 sources is BS-LIMIT at the list, the first 16 are used", "[format][images]") {
  std::string sources;
  for (int i = 1; i <= 20; ++i)
    sources += (i > 1 ? "," : "") + std::string(R"({"src":"s.jpg","width":)") + std::to_string(i) + "}";
  const RenderResult result = render(
      documentWith(R"({"type":"image","src":"a.jpg","alt":"A","width":4,"height":3,"sources":[)" + sources + "]}"));
  CHECK(codesAndPaths(result.diagnostics) == std::vector<std::string>{"BS-LIMIT /body/0/sources"});
  CHECK(countOccurrences(result.html, "s.jpg ") == 16);
  CHECK(result.html.find("s.jpg 16w\"") != std::string::npos);
}

TEST_CASE("images: no width or height is a BS-IMAGE-SIZE warning at the image, which still renders",
          "[format][images]") {
  const RenderResult result = render(documentWith(
      R"({"type":"image","src":"a.jpg","alt":"A","height":3},
         {"type":"gallery","images":[{"src":"b.jpg","alt":"B"},{"src":"c.jpg","alt":"C","width":1,"height":1}]})",
      R"("image":{"src":"lead.jpg","alt":"Lead","width":5},)"));
  CHECK(result.ok);
  CHECK(codesAndPaths(result.diagnostics) ==
        std::vector<std::string>{"BS-IMAGE-SIZE /image", "BS-IMAGE-SIZE /body/0", "BS-IMAGE-SIZE /body/1/images/0"});
  for (const Diagnostic& d : result.diagnostics) CHECK(d.severity == Severity::Warning);
  CHECK(result.diagnostics[0].message.find("no height") != std::string::npos);
  CHECK(result.diagnostics[1].message.find("no width") != std::string::npos);
  CHECK(result.diagnostics[2].message.find("no width and height") != std::string::npos);
  CHECK(countOccurrences(result.html, "<img ") == 4);
  CHECK(countOccurrences(result.html, " width=") == 1);  // only the gallery image with both
}

TEST_CASE("galleries: a bad image is reported at its path and left out; no image left, no gallery",
          "[format][images]") {
  const RenderResult result = render(documentWith(
      R"({"type":"paragraph","text":"x"},
         {"type":"gallery","images":[{"src":"a.jpg","width":1,"height":1},{"src":"b.jpg","alt":"B","width":1,"height":1},"c"]},
         {"type":"gallery","images":[{"src":"javascript:x","alt":"J","width":1,"height":1}]},
         {"type":"gallery","images":[]},
         {"type":"gallery","images":{}})"));
  CHECK(codesAndPaths(result.diagnostics) ==
        std::vector<std::string>{"BS-REQUIRED /body/1/images/0/alt", "BS-TYPE /body/1/images/2",
                                 "BS-URL-SCHEME /body/2/images/0/src", "BS-EMPTY /body/3/images",
                                 "BS-TYPE /body/4/images"});
  CHECK(countOccurrences(result.html, "class=\"bs-gallery\"") == 1);
  CHECK(countOccurrences(result.html, "<li>") == 1);
}

TEST_CASE("galleries: more than 24 images is BS-LIMIT at images, the first 24 are shown", "[format][images]") {
  std::string images;
  for (int i = 0; i < 30; ++i)
    images += (i ? "," : "") + std::string(R"({"src":"g.jpg","alt":"G","width":1,"height":1})");
  const RenderResult result = render(documentWith(R"({"type":"gallery","images":[)" + images + "]}"));
  CHECK(codesAndPaths(result.diagnostics) == std::vector<std::string>{"BS-LIMIT /body/0/images"});
  CHECK(countOccurrences(result.html, "<li>") == 24);
}

TEST_CASE("galleries: a figure holding a list of figures, its caption naming the group", "[html][images]") {
  const RenderResult result = render(documentWith(
      R"({"type":"gallery","caption":"The *group*","credit":"Photos: P","lang":"fr","images":[
           {"src":"a.jpg","alt":"A","width":4,"height":3,"caption":"One","credit":"C1","sources":[{"src":"a-320.jpg","width":320}]},
           {"src":"b.jpg","alt":"","width":4,"height":3}]})"));
  CHECK(result.diagnostics.empty());
  const std::string& html = result.html;
  CHECK(html.find(
            "<figure class=\"bs-gallery\" lang=\"fr\"><ul class=\"bs-gallery-list\">\n<li><figure "
            "class=\"bs-figure bs-gallery-item\"><img class=\"bs-image\" src=\"a.jpg\" alt=\"A\" srcset=\"a-320.jpg "
            "320w\" sizes=\"auto, ") != std::string::npos);
  CHECK(html.find(
            "<figcaption class=\"bs-caption\">One <span class=\"bs-credit\">C1</span></figcaption></figure></li>") !=
        std::string::npos);
  CHECK(html.find("</ul><figcaption class=\"bs-caption bs-gallery-caption\">The <em>group</em> <span "
                  "class=\"bs-credit\">Photos: P</span></figcaption></figure>") != std::string::npos);
  CHECK(countOccurrences(html, "loading=\"lazy\" decoding=\"async\"") == 2);
  CHECK(countOccurrences(html, "sizes=") == 1);  // only the image with sources has sizes
}

TEST_CASE("images: the lead is eager and first, the others lazy; sizes only with srcset", "[html][images]") {
  const RenderResult result = render(documentWith(
      R"({"type":"image","src":"b.jpg","alt":"B","width":1600,"height":1200,"sources":[{"src":"b-1.jpg","width":100},{"src":",b-2,","width":200}]},
         {"type":"image","src":"c.jpg","alt":"C","width":4,"height":3})",
      R"("image":{"src":"lead.jpg","alt":"L","width":1600,"height":900,"sources":[{"src":"lead-800.jpg","width":800}]},)"));
  const std::string& html = result.html;
  CHECK(html.find("<img class=\"bs-image\" src=\"lead.jpg\" alt=\"L\" srcset=\"lead-800.jpg 800w\" sizes=\"(min-width: "
                  "778px) 715px, (min-width: 450px) 92vw, calc(100vw - 36px)\" width=\"1600\" height=\"900\" "
                  "loading=\"eager\" fetchpriority=\"high\">") != std::string::npos);
  // A comma at either end of a URL would split the candidates: percent-encoded.
  CHECK(html.find("srcset=\"b-1.jpg 100w, %2Cb-2%2C 200w\" sizes=\"auto, (min-width: 778px) 715px,") !=
        std::string::npos);
  CHECK(html.find("<img class=\"bs-image\" src=\"c.jpg\" alt=\"C\" width=\"4\" height=\"3\" loading=\"lazy\" "
                  "decoding=\"async\">") != std::string::npos);
  CHECK(countOccurrences(html, "fetchpriority") == 1);
}

TEST_CASE("image sizes: a figure is never shown wider than its width attribute", "[layout][images]") {
  const RenderResult result = render(documentWith(
      R"({"type":"image","src":"m.png","alt":"M","width":640,"height":480,"sources":[{"src":"m-320.png","width":320}]},
         {"type":"gallery","images":[{"src":"g.png","alt":"G","width":100,"height":100,"sources":[{"src":"g-1.png","width":50}]}]})"));
  // 640px from a 696px viewport on (92vw reaches 640px there); the gallery's image fills its cell.
  CHECK(result.html.find("sizes=\"auto, (min-width: 696px) 640px, (min-width: 450px) 92vw, calc(100vw - 36px)\"") !=
        std::string::npos);
  CHECK(result.html.find("sizes=\"auto, (min-width: 778px) 230px,") != std::string::npos);
}

TEST_CASE("image sizes: the column of the stylesheet, at each viewport width", "[layout][images]") {
  const layout::ArticleColumns latin = layout::articleColumns("en");
  const layout::ArticleColumns arabic = layout::articleColumns("ar-EG");
  CHECK(latin.measure == 715);
  CHECK(arabic.measure == 576);
  CHECK(layout::articleColumns("FA").measure == 576);
  CHECK(layout::articleColumns("arn").measure == 715);  // Mapudungun is not Arabic
  CHECK(layout::figureSizes(latin, false) == "(min-width: 778px) 715px, (min-width: 450px) 92vw, calc(100vw - 36px)");
  CHECK(layout::figureSizes(arabic, true) ==
        "auto, (min-width: 627px) 576px, (min-width: 450px) 92vw, calc(100vw - 36px)");
  CHECK(layout::galleryItemSizes(latin) ==
        "auto, (min-width: 778px) 230px, (min-width: 761px) calc((92vw - 26px) / 3), (min-width: 457px) calc((92vw - "
        "13px) / 2), (min-width: 450px) 92vw, calc(100vw - 36px)");
  // Arabic: the column stops growing at 627px, before the grid takes a third column (a 700px content box).
  CHECK(layout::galleryItemSizes(arabic) ==
        "auto, (min-width: 761px) 184px, (min-width: 627px) 282px, (min-width: 457px) calc((92vw - 13px) / 2), "
        "(min-width: 450px) 92vw, "
        "calc(100vw - 36px)");
}

TEST_CASE("image sizes: the numbers mirror broadsheet.css", "[layout][images]") {
  // The measure and the padding the column widths come from.
  CHECK(stylesheetsHold("--_measure: var(--bs-measure, 62ch)"));
  CHECK(stylesheetsHold("--_measure: var(--bs-measure, 50ch)"));
  CHECK(stylesheetsHold(":is(:lang(ar), :lang(fa), :lang(ur), :lang(ps), :lang(sd), :lang(ug), :lang(ckb))"));
  CHECK(stylesheetsHold("padding: 1.5em clamp(1em, 4%, 2.5em)"));
  CHECK(stylesheetsHold("font-size: max(14px, var(--bs-font-size, 1.125rem))"));
  // The gallery's grid.
  CHECK(stylesheetsHold("@container bs-article (min-width: " + std::to_string(layout::kGalleryTwoColumnsFrom) +
                        "px) { .bs-article .bs-gallery .bs-gallery-list { grid-template-columns: repeat(2,"));
  CHECK(stylesheetsHold("@container bs-article (min-width: " + std::to_string(layout::kGalleryThreeColumnsFrom) +
                        "px) { .bs-article .bs-gallery .bs-gallery-list { grid-template-columns: repeat(3,"));
  CHECK(stylesheetsHold(".bs-article .bs-gallery .bs-gallery-list { display: grid; gap: .75em;"));
}
