#include "layout/quote_search.hpp"

#include <algorithm>

namespace broadsheet::layout {

void appendItemWords(std::string& out, const BodyItem& item) {
  const auto append = [&out](std::string_view piece) { out.append(piece); };
  item.text.visitPlainText(append);
  for (const text::Markdown& entry : item.items) {
    out.push_back(' ');
    entry.visitPlainText(append);
  }
  if (item.figure.image) {
    out.push_back(' ');
    item.figure.caption.visitPlainText(append);
  }
}

QuoteSearch::QuoteSearch(const std::vector<BodyItem>& body, std::size_t items, std::size_t sizeHint)
    : body_(body), items_(std::min(items, body.size())), sizeHint_(sizeHint) {}

QuoteSource QuoteSearch::find(std::string_view quote) {
  const QuoteMatcher matcher(quote);
  if (matcher.isOneFragment()) return findOneFragment(matcher);
  for (std::size_t i = 0; i < items_; ++i) {
    const std::string_view words = normalizedItem(i);
    if (!words.empty() && matcher.appearsIn(words)) return {i, true};
  }
  // Not in any one item: every item is indexed by now, and the words may run across items.
  return {std::nullopt, matcher.appearsIn(normalized_)};
}

// A quote of one fragment is looked for in stretches of the index that double in size: a quote
// early in the body costs little, and one that is not in it a few searches (a search per item, each
// preparing the needle again, was most of a render with three paraphrased pull quotes). Its words
// cannot run across items (no '\n' in them), so the item holding the first match is the first item
// that holds them.
QuoteSource QuoteSearch::findOneFragment(const QuoteMatcher& matcher) {
  for (std::size_t searched = 0, stretch = 16; searched < items_; searched += stretch, stretch *= 2) {
    const std::size_t end = std::min(items_, searched + stretch);
    normalizedItem(end - 1);
    const std::size_t from = spans_[searched].first;
    const std::size_t to = spans_[end - 1].first + spans_[end - 1].second;  // this stretch only
    const std::size_t position = matcher.positionIn(std::string_view(normalized_).substr(from, to - from));
    if (position == std::string_view::npos) continue;
    const auto after = std::upper_bound(spans_.begin(), spans_.begin() + static_cast<std::ptrdiff_t>(end), from + position,
                                        [](std::size_t at, const std::pair<std::size_t, std::size_t>& span) { return at < span.first; });
    return {static_cast<std::size_t>(after - spans_.begin()) - 1, true};
  }
  return {std::nullopt, false};
}

std::string_view QuoteSearch::normalizedItem(std::size_t i) {
  if (spans_.empty()) normalized_.reserve(sizeHint_);  // once, rather than doubled into (memory)
  while (spans_.size() <= i) {
    const BodyItem& item = body_[spans_.size()];
    const std::size_t start = normalized_.size();
    if (item.kind != BodyItem::Kind::PullQuote) {
      words_.clear();
      appendItemWords(words_, item);
      appendForMatch(normalized_, words_);
    }
    spans_.emplace_back(start, normalized_.size() - start);
    normalized_ += '\n';
  }
  return std::string_view(normalized_).substr(spans_[i].first, spans_[i].second);
}

}  // namespace broadsheet::layout
