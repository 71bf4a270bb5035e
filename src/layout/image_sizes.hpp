// Responsive images: the `srcset` an image's sources make and the `sizes` that tell the browser how
// wide the image will be shown, worked out from the column widths of broadsheet.css (docs/markup.md,
// "Images"). The browser picks a candidate before the stylesheet is applied, from these alone.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "format/article.hpp"

namespace broadsheet::layout {

// The widths, in CSS pixels, that broadsheet.css gives an article shown across the whole viewport
// with the default theme. Kept here beside the rules they mirror (tests/core/image_sizes_test.cpp
// reads the stylesheet to check them).
struct ArticleColumns {
  int measure = 0;  // the widest the column gets: --bs-measure at the body's font size
};

// 62ch (50ch for Arabic script languages) of the body face at 1.125rem: the faces the stylesheet
// names hold "0" at 0.55-0.64em, so at most 62 x 0.64 x 18 = 715px (576px).
ArticleColumns articleColumns(std::string_view articleLang);

// The gallery's grid: how many columns at which content width (the @container rules of .bs-gallery).
inline constexpr int kGalleryTwoColumnsFrom = 420;    // px of the article's content box
inline constexpr int kGalleryThreeColumnsFrom = 700;  // px
inline constexpr int kGalleryGap = 13;                // .75em at 18px, rounded down: slots are never underestimated

// `sizes` for an image that fills the column: "(min-width: 783px) 715px, (min-width: 450px) 92vw,
// calc(100vw - 36px)". With `lazy`, "auto, " first: browsers that know `sizes=auto` measure the box
// itself (right under any theme and in any host column); others take the list.
std::string figureSizes(const ArticleColumns& columns, bool lazy);

// `sizes` for one cell of a gallery's grid (lazy, as gallery images are).
std::string galleryItemSizes(const ArticleColumns& columns);

// "url 480w, url 960w", in the order given; "" for no sources.
std::string srcsetOf(const std::vector<format::ImageSource>& sources);

}  // namespace broadsheet::layout
