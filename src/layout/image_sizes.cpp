#include "layout/image_sizes.hpp"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <utility>

namespace broadsheet::layout {
namespace {

// The article's padding, clamp(1em, 4%, 2.5em) at 18px on each side: 18px below a 450px viewport,
// 4% of it up to 1125px, 45px beyond. The content box is the viewport less twice that.
constexpr int kPaddingFixedBelow = 450;
constexpr int kPaddingFixedAbove = 1125;

enum class Regime { NarrowPadding, PercentPadding, WidePadding, Measure };

// The content box's width at `viewport`, in pixels (rounded down).
int contentWidth(int viewport) {
  if (viewport < kPaddingFixedBelow) return viewport - 36;
  if (viewport <= kPaddingFixedAbove) return viewport * 92 / 100;
  return viewport - 90;
}

// The narrowest viewport whose content box is at least `width` wide.
int viewportFor(int width) {
  if (width + 36 < kPaddingFixedBelow) return width + 36;
  const int percent = (width * 100 + 91) / 92;
  if (percent <= kPaddingFixedAbove) return std::max(percent, kPaddingFixedBelow);
  return width + 90;
}

Regime regimeAt(int viewport, const ArticleColumns& columns) {
  if (contentWidth(viewport) >= columns.measure) return Regime::Measure;
  if (viewport < kPaddingFixedBelow) return Regime::NarrowPadding;
  return viewport <= kPaddingFixedAbove ? Regime::PercentPadding : Regime::WidePadding;
}

int galleryColumnsAt(int viewport) {
  const int content = contentWidth(viewport);
  return content >= kGalleryThreeColumnsFrom ? 3 : content >= kGalleryTwoColumnsFrom ? 2 : 1;
}

// The width of one of `count` columns of the column at `viewport`, as a CSS length.
std::string slotWidth(int viewport, int count, const ArticleColumns& columns) {
  const int gaps = (count - 1) * kGalleryGap;
  const Regime regime = regimeAt(viewport, columns);
  if (regime == Regime::Measure) return std::to_string((columns.measure - gaps + count - 1) / count) + "px";
  const std::string column = regime == Regime::NarrowPadding    ? "100vw - 36px"
                             : regime == Regime::PercentPadding ? "92vw"
                                                                : "100vw - 90px";
  if (count == 1) return regime == Regime::PercentPadding ? column : "calc(" + column + ")";
  return "calc((" + column + " - " + std::to_string(gaps) + "px) / " + std::to_string(count) + ")";
}

// A `sizes` list from the viewport widths where the slot's formula may change: each stretch's
// formula, widest first, stretches with the same formula joined.
template <typename SlotAt>
std::string sizesList(std::vector<int> starts, SlotAt slotAt) {
  starts.push_back(0);
  starts.push_back(kPaddingFixedBelow);
  starts.push_back(kPaddingFixedAbove + 1);
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  std::vector<std::pair<int, std::string>> stretches;  // where each formula starts
  for (const int start : starts) {
    std::string slot = slotAt(start);
    if (stretches.empty() || stretches.back().second != slot) stretches.emplace_back(start, std::move(slot));
  }
  std::string sizes;
  for (auto stretch = stretches.rbegin(); stretch != stretches.rend(); ++stretch) {
    if (!sizes.empty()) sizes.append(", ");
    if (stretch->first > 0) sizes.append("(min-width: " + std::to_string(stretch->first) + "px) ");
    sizes.append(stretch->second);
  }
  return sizes;
}

}  // namespace

ArticleColumns articleColumns(std::string_view articleLang) {
  // The languages broadsheet.css gives the 50ch measure (:lang() matches the primary subtag).
  static constexpr std::string_view kNarrowMeasure[] = {"ar", "fa", "ur", "ps", "sd", "ug", "ckb"};
  const std::string_view primary = articleLang.substr(0, articleLang.find('-'));
  std::string lower(primary);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  const bool narrow =
      std::find(std::begin(kNarrowMeasure), std::end(kNarrowMeasure), lower) != std::end(kNarrowMeasure);
  return {narrow ? 576 : 715};
}

std::string figureSizes(const ArticleColumns& columns, bool lazy) {
  const std::string list =
      sizesList({viewportFor(columns.measure)}, [&](int viewport) { return slotWidth(viewport, 1, columns); });
  return lazy ? "auto, " + list : list;
}

std::string galleryItemSizes(const ArticleColumns& columns) {
  const std::vector<int> starts{viewportFor(columns.measure), viewportFor(kGalleryTwoColumnsFrom),
                                viewportFor(kGalleryThreeColumnsFrom)};
  return "auto, " +
         sizesList(starts, [&](int viewport) { return slotWidth(viewport, galleryColumnsAt(viewport), columns); });
}

std::string srcsetOf(const std::vector<format::ImageSource>& sources) {
  std::string srcset;
  for (const format::ImageSource& source : sources) {
    if (!srcset.empty()) srcset.append(", ");
    // A candidate's URL ends at white space, and commas around it separate candidates: those are
    // written percent-encoded, which names the same resource.
    for (std::size_t i = 0; i < source.src.size(); ++i) {
      const char c = source.src[i];
      const bool edgeComma = c == ',' && (i == 0 || i + 1 == source.src.size());
      if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || edgeComma) {
        static constexpr char kHex[] = "0123456789ABCDEF";
        srcset.push_back('%');
        srcset.push_back(kHex[static_cast<unsigned char>(c) >> 4]);
        srcset.push_back(kHex[static_cast<unsigned char>(c) & 15]);
      } else {
        srcset.push_back(c);
      }
    }
    srcset.append(" " + std::to_string(source.width) + "w");
  }
  return srcset;
}

}  // namespace broadsheet::layout
