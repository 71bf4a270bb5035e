#include "layout/quote_search.hpp"

#include <algorithm>
#include <cstdint>

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

namespace {

// A word as matching compares it: normalised, without the punctuation around it.
std::string comparable(std::string_view word) {
  std::string normalized = normalizeForMatch(word);
  const std::string_view trim = " \"'.,;:!?()[]-";
  const std::size_t first = normalized.find_first_not_of(trim);
  if (first == std::string::npos) return std::string();
  return normalized.substr(first, normalized.find_last_not_of(trim) - first + 1);
}

bool endsSentence(std::string_view word) {
  while (!word.empty()) {
    const char last = word.back();
    if (last == '.' || last == '!' || last == '?') return true;
    if (word.size() >= 3 && word.substr(word.size() - 3) == "\u2026") return true;
    // Closing quote marks and brackets after the full stop: «…».» or “…?”
    if (last == '"' || last == ')' || last == '\'') word.remove_suffix(1);
    else if (word.size() >= 2 && word.substr(word.size() - 2) == "\u00BB") word.remove_suffix(2);
    else if (word.size() >= 3 && (word.substr(word.size() - 3) == "\u201D" || word.substr(word.size() - 3) == "\u201C")) word.remove_suffix(3);
    else return false;
  }
  return false;
}

// `text` cut at a word boundary to about `characters` code points, with an ellipsis when cut.
std::string shortened(std::string_view text, std::size_t characters) {
  std::size_t count = 0, cut = text.size();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++count > characters) {
      cut = i;
      break;
    }
  }
  if (cut == text.size()) return std::string(text);
  const std::size_t space = text.substr(0, cut).find_last_of(' ');
  return std::string(text.substr(0, space == std::string_view::npos || space == 0 ? cut : space)) + "\u2026";
}

}  // namespace

std::string QuoteSearch::closestPassage(std::string_view quote) const {
  std::vector<std::string> quoteWords;
  for (std::size_t at = 0; at < quote.size();) {
    const std::size_t end = std::min(quote.find(' ', at), quote.size());
    if (std::string word = comparable(quote.substr(at, end - at)); !word.empty()) quoteWords.push_back(std::move(word));
    at = end + 1;
  }
  std::sort(quoteWords.begin(), quoteWords.end());
  quoteWords.erase(std::unique(quoteWords.begin(), quoteWords.end()), quoteWords.end());
  if (quoteWords.empty()) return std::string();

  // Each quote word remembers the last sentence it was counted in, so a sentence counts a word once
  // and starting a sentence costs nothing.
  std::vector<std::uint32_t> countedIn(quoteWords.size(), 0);
  std::uint32_t sentence = 0;
  std::size_t bestHits = 0;
  std::string best, text;
  std::size_t scanned = 0;
  for (std::size_t i = 0; i < items_ && scanned < kPassageScanBytes; ++i) {
    if (body_[i].kind == BodyItem::Kind::PullQuote) continue;
    text.clear();
    appendItemWords(text, body_[i]);
    scanned += text.size();
    std::size_t sentenceStart = 0, hits = 0;
    ++sentence;
    for (std::size_t at = 0; at <= text.size();) {
      const std::size_t end = std::min(text.find(' ', at), text.size());
      const std::string_view word = std::string_view(text).substr(at, end - at);
      const std::string key = comparable(word);
      const auto found = std::lower_bound(quoteWords.begin(), quoteWords.end(), key);
      if (!key.empty() && found != quoteWords.end() && *found == key) {
        std::uint32_t& counted = countedIn[static_cast<std::size_t>(found - quoteWords.begin())];
        if (counted != sentence) {
          counted = sentence;
          ++hits;
        }
      }
      if (end == text.size() || endsSentence(word)) {
        if (hits > bestHits) {
          bestHits = hits;
          const std::string_view passage = std::string_view(text).substr(sentenceStart, end - sentenceStart);
          const std::size_t first = passage.find_first_not_of(' ');
          best = first == std::string_view::npos ? std::string() : shortened(passage.substr(first, passage.find_last_not_of(' ') - first + 1), kPassageCharacters);
        }
        hits = 0;
        ++sentence;
        sentenceStart = end + 1;
      }
      at = end + 1;
    }
  }
  return best;
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
