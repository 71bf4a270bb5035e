#include "layout/pullquote_selection.hpp"

#include <algorithm>
#include <cstdlib>

#include "layout/words.hpp"

namespace broadsheet::layout {
namespace {

// Characters (code points) of UTF-8 text: what "60-200 characters" means for any script.
std::size_t characterCount(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// Plain text as inline CommonMark that reads back as the same text: ASCII punctuation escaped.
std::string escapeMarkdown(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    if ((c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~'))
      escaped.push_back('\\');
    escaped.push_back(c);
  }
  return escaped;
}

bool endsSentence(std::string_view text) {
  for (const std::string_view end : {".", "!", "?", "\u2026"}) {
    if (text.size() >= end.size() && text.substr(text.size() - end.size()) == end) return true;
  }
  return false;
}

struct Candidate {
  PickedQuote quote;
  std::size_t order;
  long score;
  std::size_t position;    // words of the body up to and including the block it comes from
  std::string normalized;  // for skipping words already taken
};

}  // namespace

std::vector<PickedQuote> pickPullquotes(const std::vector<QuoteCandidateSource>& blocks, std::size_t places,
                                        const std::vector<std::string>& alreadyTaken) {
  std::size_t position = 0;
  std::vector<Candidate> candidates;
  auto consider = [&](std::string_view from, std::string_view by, std::size_t block, bool fromQuoteBlock) {
    std::string words(from);
    while (!words.empty() && std::string_view(" ,;:").find(words.back()) != std::string_view::npos) words.pop_back();
    const long length = static_cast<long>(characterCount(words));
    const bool preferred = length >= 60 && length <= 200;
    if (length < 20 || length > 300) return;
    const long score = (length < 40 ? 4000 : 0) + (preferred ? 0 : 2000) + (endsSentence(words) ? 0 : 1000) +
                       (fromQuoteBlock ? 500 : 0) + std::labs(length - 120);
    std::string normalized = normalizeForMatch(words);
    std::string text = escapeMarkdown(words);
    candidates.push_back({{block, std::move(text), std::move(words), std::string(by)},
                          candidates.size(),
                          score,
                          position,
                          std::move(normalized)});
  };
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const QuoteCandidateSource& block = blocks[b];
    position += block.words;
    if (!block.quoteBy.empty()) consider(block.plain, block.quoteBy, b, true);
    for (const AttributedQuote& quote : block.inlineQuotes) consider(quote.text, quote.by, b, false);
  }
  // Best first; among equals, reading order (`order` is unique). std::sort with one comparator type
  // for both sorts here: std::stable_sort's merge code was 9 KB of the WebAssembly module.
  using CandidateOrder = bool (*)(const Candidate&, const Candidate&);
  const CandidateOrder byScore = [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score < b.score : a.order < b.order;
  };
  const CandidateOrder byReading = [](const Candidate& a, const Candidate& b) { return a.order < b.order; };
  std::sort(candidates.begin(), candidates.end(), byScore);
  const std::size_t words = std::max<std::size_t>(position, 1);
  const std::size_t wanted =
      std::min({std::clamp<std::size_t>(words / 300, 1, kMaxAutomaticPullquotes), places, candidates.size()});
  // Words already taken: anchored pull quotes, then each pick. Checked only for the few picks, by
  // linear searches (TextSearch), at most kMaxTakenChecks candidates per stretch.
  std::vector<std::string> taken;
  for (const std::string& text : alreadyTaken) taken.push_back(normalizeForMatch(text));
  auto isTaken = [&](const std::string& normalized) {
    const TextSearch search(normalized);
    return std::any_of(taken.begin(), taken.end(), [&](const std::string& other) {
      return search.foundIn(other) || (other.size() <= normalized.size() && TextSearch(other).foundIn(normalized));
    });
  };
  std::vector<bool> picked(candidates.size(), false);
  for (std::size_t stretch = 0; stretch < wanted; ++stretch) {
    std::size_t checks = 0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      // In stretch s when s*W/n < position <= (s+1)*W/n.
      const std::size_t at = candidates[i].position * wanted;
      if (picked[i] || at <= stretch * words || at > (stretch + 1) * words) continue;
      if (++checks > kMaxTakenChecks) break;
      if (isTaken(candidates[i].normalized)) continue;
      picked[i] = true;
      taken.push_back(candidates[i].normalized);
      break;
    }
  }
  std::vector<Candidate> chosenCandidates;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (picked[i]) chosenCandidates.push_back(std::move(candidates[i]));
  }
  // Reading order among the chosen ones.
  std::sort(chosenCandidates.begin(), chosenCandidates.end(), byReading);
  std::vector<PickedQuote> chosen;
  chosen.reserve(chosenCandidates.size());
  for (Candidate& candidate : chosenCandidates) chosen.push_back(std::move(candidate.quote));
  return chosen;
}

}  // namespace broadsheet::layout
