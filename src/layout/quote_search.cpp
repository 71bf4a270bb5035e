#include "layout/quote_search.hpp"

#include <algorithm>
#include <cstdint>

#include "layout/passage_words.hpp"

namespace broadsheet::layout {

void appendItemWords(std::string& out, const BodyItem& item) {
  const auto append = [&out](std::string_view piece) { out.append(piece); };
  item.text.visitPlainText(append);
  for (const text::Markdown& entry : item.items) {
    out.push_back(' ');
    entry.visitPlainText(append);
  }
  if (item.figure) {
    out.push_back(' ');
    item.figure->caption.visitPlainText(append);
  }
  if (item.kind == BodyItem::Kind::Gallery) {
    for (const Figure& figure : item.gallery->items) {
      out.push_back(' ');
      figure.caption.visitPlainText(append);
    }
    out.push_back(' ');
    item.gallery->caption.visitPlainText(append);
  }
  if (item.table) {  // a table's words are read too (reading time; pull quotes may quote them)
    out.push_back(' ');
    item.table->caption.visitPlainText(append);
    for (const text::Markdown& cell : item.table->header) {
      out.push_back(' ');
      cell.visitPlainText(append);
    }
    for (const auto& row : item.table->rows) {
      for (const text::Markdown& cell : row) {
        out.push_back(' ');
        cell.visitPlainText(append);
      }
    }
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
    const auto after = std::upper_bound(
        spans_.begin(), spans_.begin() + static_cast<std::ptrdiff_t>(end), from + position,
        [](std::size_t at, const std::pair<std::size_t, std::size_t>& span) { return at < span.first; });
    return {static_cast<std::size_t>(after - spans_.begin()) - 1, true};
  }
  return {std::nullopt, false};
}

namespace {

// A word normalised as matching compares it (into `buffer`, reused so that no word allocates).
std::string_view comparable(std::string_view word, std::string& buffer) {
  buffer.clear();
  appendForMatch(buffer, word);
  return buffer;
}

// A normalised word without the punctuation around it (as the body's words are trimmed).
std::string_view trimmedWord(std::string_view normalized) {
  const auto isTrimmed = [](char c) { return passage_bytes::kTrimmed[static_cast<unsigned char>(c)]; };
  std::size_t first = 0, last = normalized.size();
  while (first < last && isTrimmed(normalized[first])) ++first;
  while (last > first && isTrimmed(normalized[last - 1])) --last;
  return normalized.substr(first, last - first);
}

// Where white space separates words as normalizeForMatch sees it: ASCII white space and the no-break
// space (which it makes a space).
bool isWordBreak(std::string_view text, std::size_t i) {
  const char c = text[i];
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
         (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0');
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

// Calls ends(k, sentence) after the k-th sentence of `text` ends, its words split at white space
// (ASCII and no-break spaces, as normalizeForMatch makes them all one space): at a word ending in
// . ! ? or …, closing quote marks aside, or at the text's end; stops when ends returns false.
template <typename Ends>
void forEachSentence(std::string_view text, Ends ends) {
  std::size_t sentence = 0, sentenceStart = 0;
  for (std::size_t at = 0; at <= text.size();) {
    std::size_t end = at;
    while (end < text.size() && !isWordBreak(text, end)) ++end;
    const std::string_view word = text.substr(at, end - at);
    const std::size_t next =
        end < text.size()
            ? end + (text[end] == ' ' || text[end] == '\t' || text[end] == '\n' || text[end] == '\r' ? 1 : 2)
            : end + 1;
    if (end >= text.size() || endsSentence(word)) {
      if (!ends(sentence++, text.substr(sentenceStart, end - sentenceStart))) return;
      sentenceStart = next;
    }
    at = next;
  }
}

// Every paraphrased pull quote of an article is scored in one reading of the body (as far as
// kPassageScanBytes reaches, whole items): each body word without the punctuation around it is
// looked up among the quotes' words, and a sentence counts each word of a quote once. Numbering every
// body word in an index the quotes were then scored in was a tenth of a render with three
// paraphrased pull quotes; few body words are quote words, and most are told apart by their first
// byte and length alone (QuoteWords).
std::vector<std::string> QuoteSearch::closestPassages(const std::vector<std::string_view>& quotes) {
  // Each quote's distinct words among its first 4·kPassageWords, at most kPassageWords: a pull
  // quote is a sentence or two, and a longer one is matched well enough by its start.
  QuoteWords quoteWords;
  std::string buffer;
  for (std::size_t q = 0; q < quotes.size(); ++q) {
    const std::string_view quote = quotes[q];
    std::size_t distinct = 0;
    for (std::size_t at = 0, read = 0; at < quote.size() && distinct < kPassageWords && read++ < 4 * kPassageWords;) {
      const std::size_t end = std::min(quote.find(' ', at), quote.size());
      const std::string_view word = trimmedWord(comparable(quote.substr(at, end - at), buffer));
      if (!word.empty() && quoteWords.add(word, static_cast<std::uint32_t>(q))) ++distinct;
      at = end + 1;
    }
  }
  std::vector<std::string> passages(quotes.size());
  if (quoteWords.size() == 0) return passages;

  // Per quote, the words its current sentence shares so far and its best sentence yet; per pair of
  // a word and a quote holding it, the stamp of the last sentence that counted it, so a sentence
  // counts a word once and starting a sentence costs only the quotes it touched.
  struct Best {
    std::size_t hits = 0, item = 0, sentence = 0;
  };
  std::vector<Best> best(quotes.size());
  std::vector<std::size_t> hits(quotes.size(), 0);
  std::vector<std::uint32_t> touched;  // the quotes with hits in the current sentence
  std::vector<std::uint32_t> countedIn(quoteWords.entries(), 0);
  std::uint32_t stamp = 1;
  std::size_t scanned = 0;
  for (std::size_t i = 0; i < items_ && scanned < kPassageScanBytes; ++i) {
    normalizedItem(i);  // "" for pull quotes; normalized_ may move
    const auto [start, length] = spans_[i];
    scanned += length;
    const auto* bytes = reinterpret_cast<const unsigned char*>(normalized_.data());
    std::size_t sentence = 0;
    forEachPassageWord(
        normalized_, start, start + length,
        [&](std::size_t offset, std::size_t wordLength) {
          const std::uint32_t number = quoteWords.find(bytes + offset, wordLength);
          if (number == QuoteWords::kNone) return;
          for (std::uint32_t e = quoteWords.firstEntry(number); e != QuoteWords::kNone; e = quoteWords.entry(e).next) {
            if (countedIn[e] == stamp) return;  // so are the word's other quotes' entries
            countedIn[e] = stamp;
            const std::uint32_t q = quoteWords.entry(e).quote;
            if (hits[q]++ == 0) touched.push_back(q);
          }
        },
        [&] {
          for (const std::uint32_t q : touched) {
            if (hits[q] > best[q].hits) best[q] = {hits[q], i, sentence};
            hits[q] = 0;
          }
          touched.clear();
          ++sentence;
          ++stamp;
        });
  }

  // Each winner is found by its number in the item as the reader wrote it.
  std::string text;
  for (std::size_t q = 0; q < quotes.size(); ++q) {
    if (best[q].hits == 0) continue;
    text.clear();
    appendItemWords(text, body_[best[q].item]);
    forEachSentence(text, [&](std::size_t sentence, std::string_view passage) {
      if (sentence < best[q].sentence) return true;
      const std::size_t first = passage.find_first_not_of(' ');
      if (first != std::string_view::npos)
        passages[q] = shortened(passage.substr(first, passage.find_last_not_of(' ') - first + 1), kPassageCharacters);
      return false;
    });
  }
  return passages;
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
