#include "layout/pullquote_placement.hpp"

#include <cstdint>
#include <limits>

namespace broadsheet::layout {
namespace {

using Kind = FlowItem::Kind;
constexpr std::int64_t kUnreachable = std::numeric_limits<std::int64_t>::max() / 4;

// The body while pull quotes are being placed: flow items in their current order.
class Sequence {
 public:
  explicit Sequence(const std::vector<FlowItem>& flow) : flow_(flow) {
    for (std::size_t i = 0; i < flow.size(); ++i) entries_.push_back({false, i});
  }

  std::vector<PlacedEntry>& entries() { return entries_; }
  std::size_t size() const { return entries_.size(); }
  Kind kind(std::size_t at) const { return flow_[entries_[at].index].kind; }
  std::size_t words(std::size_t at) const { return flow_[entries_[at].index].words; }
  bool isParagraph(std::size_t at) const { return kind(at) == Kind::Paragraph; }
  std::size_t positionOf(std::size_t flowIndex) const {
    for (std::size_t at = 0; at < entries_.size(); ++at) {
      if (entries_[at].index == flowIndex) return at;
    }
    return entries_.size();
  }

  // A pull quote may go right after entry `at`: a paragraph that is not the last entry and that no
  // pull quote follows.
  bool placeAfter(std::size_t at) const {
    return isParagraph(at) && at + 1 < entries_.size() && kind(at + 1) != Kind::PullQuote;
  }

  // Running word count through each entry.
  std::vector<std::int64_t> wordsThrough() const {
    std::vector<std::int64_t> through;
    std::int64_t words = 0;
    for (std::size_t at = 0; at < entries_.size(); ++at)
      through.push_back(words += static_cast<std::int64_t>(this->words(at)));
    return through;
  }

 private:
  const std::vector<FlowItem>& flow_;
  std::vector<PlacedEntry> entries_;
};

// Whether the anchored pull quote at entry `at` breaks a rule: no paragraph before it, the body's
// last entry, or right after another pull quote.
bool breaksRule(const Sequence& sequence, std::size_t at) {
  bool paragraphBefore = false;
  for (std::size_t before = 0; before < at && !paragraphBefore; ++before)
    paragraphBefore = sequence.isParagraph(before);
  return !paragraphBefore || at + 1 == sequence.size() || (at > 0 && sequence.kind(at - 1) == Kind::PullQuote);
}

// Anchored pull quotes where the author put them, unless that breaks a rule: then each moves to the
// place after a paragraph nearest in words to where it was, or is left out when there is none.
// Taking one away can leave another last (the body ended with two), so this runs until nothing
// moves; a moved one never breaks a rule again (it follows a paragraph and precedes an item that
// is not a pull quote), so each moves at most once.
std::vector<PlacementReason> settleAnchored(Sequence& sequence, const std::vector<FlowItem>& flow) {
  std::vector<PlacementReason> reasons(flow.size(), PlacementReason::Authored);  // per flow item
  std::vector<PlacedEntry>& entries = sequence.entries();
  for (bool moved = true; moved;) {
    moved = false;
    for (std::size_t at = 0; at < sequence.size(); ++at) {
      if (sequence.kind(at) != Kind::PullQuote || !breaksRule(sequence, at)) continue;
      const PlacedEntry moving = entries[at];
      entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(at));
      moved = true;
      const std::vector<std::int64_t> through = sequence.wordsThrough();
      const std::int64_t wordsBefore = at == 0 ? 0 : through[at - 1];
      std::optional<std::size_t> best;
      std::int64_t bestDistance = 0;
      for (std::size_t after = 0; after < sequence.size(); ++after) {
        if (!sequence.placeAfter(after)) continue;
        const std::int64_t distance =
            through[after] > wordsBefore ? through[after] - wordsBefore : wordsBefore - through[after];
        if (!best || distance < bestDistance) {
          best = after;
          bestDistance = distance;
        }
      }
      reasons[moving.index] = best ? PlacementReason::Moved : PlacementReason::NoRoom;
      if (best) entries.insert(entries.begin() + static_cast<std::ptrdiff_t>(*best + 1), moving);
      break;  // the entries changed: look again from the start
    }
  }
  std::vector<PlacementReason> anchored;
  for (std::size_t i = 0; i < flow.size(); ++i) {
    if (flow[i].kind == Kind::PullQuote) anchored.push_back(reasons[i]);
  }
  return anchored;
}

// The floating pull quotes' places: dynamic programming over the places after paragraphs, in
// O(pull quotes × places). Only two places in a row can be within one paragraph of each other (each
// place follows its own paragraph), so the best earlier choice is a running minimum, and only the
// place just before needs the proximity cost.
std::vector<std::size_t> chooseFloatingPlaces(Sequence& sequence, const std::vector<PullquoteRequest>& requests,
                                              const std::vector<std::size_t>& sourcePositions, std::size_t count) {
  std::vector<std::size_t> places;  // entries a pull quote may follow
  for (std::size_t at = 0; at < sequence.size(); ++at) {
    if (sequence.placeAfter(at)) places.push_back(at);
  }
  const std::size_t k = count < places.size() ? count : places.size();
  if (k == 0) return {};
  const std::vector<std::int64_t> through = sequence.wordsThrough();
  const std::int64_t words = through.empty() || through.back() == 0 ? 1 : through.back();

  // Paragraphs among entries [from, to).
  std::vector<std::size_t> paragraphsBefore(sequence.size() + 1, 0);
  for (std::size_t at = 0; at < sequence.size(); ++at)
    paragraphsBefore[at + 1] = paragraphsBefore[at] + (sequence.isParagraph(at) ? 1 : 0);
  const auto paragraphsIn = [&](std::size_t from, std::size_t to) {
    return paragraphsBefore[to] - paragraphsBefore[from];
  };

  // Whether a pull quote after each place would be within one paragraph of an anchored one: the
  // paragraphs since the last pull quote before it, and up to the next one after it, in two passes.
  std::vector<bool> nearAnchored(places.size(), false);
  std::optional<std::size_t> lastPullquote;
  for (std::size_t at = 0, s = 0; at < sequence.size(); ++at) {
    if (sequence.kind(at) == Kind::PullQuote) lastPullquote = at;
    if (s < places.size() && places[s] == at)
      nearAnchored[s++] = lastPullquote && paragraphsIn(*lastPullquote + 1, at + 1) <= 1;
  }
  std::optional<std::size_t> nextPullquote;
  for (std::size_t at = sequence.size(), s = places.size(); at-- > 0;) {
    if (s > 0 && places[s - 1] == at) {
      --s;
      if (nextPullquote && paragraphsIn(at + 1, *nextPullquote) <= 1) nearAnchored[s] = true;
    }
    if (sequence.kind(at) == Kind::PullQuote) nextPullquote = at;
  }

  // Costs in units of 1/(2(k+1)) word, so every quantity is an integer: the j-th aim j/(k+1)·W
  // becomes 2·j·W, a running count w becomes 2(k+1)·w, half a spacing W/(2(k+1)) becomes W.
  const auto kk = static_cast<std::int64_t>(k);
  const std::int64_t halfSpacing = words;
  const std::int64_t notBetweenParagraphs = words;
  const std::int64_t tooClose = (kk * (2 * kk + 4) + 1) * words + 1;  // more than every other cost together
  const auto cost = [&](std::size_t j, std::size_t place) {
    const std::size_t at = places[place];
    const PullquoteRequest& request = requests[j];
    const bool source = request.source.has_value();
    const std::int64_t aim = source && request.aimAtSource ? 2 * (kk + 1) * through[sourcePositions[j]]
                                                           : 2 * static_cast<std::int64_t>(j + 1) * words;
    const std::int64_t position = 2 * (kk + 1) * through[at];
    std::int64_t total = position > aim ? position - aim : aim - position;
    if (source && at < sourcePositions[j]) total += halfSpacing;
    if (!sequence.isParagraph(at + 1)) total += notBetweenParagraphs;
    if (nearAnchored[place]) total += tooClose;
    return total;
  };

  const std::size_t slots = places.size();
  std::vector<std::int64_t> best(k * slots, kUnreachable);  // best[j·slots + s]: j-th pull quote at place s
  std::vector<std::size_t> previous(k * slots, 0);
  for (std::size_t j = 0; j < k; ++j) {
    std::int64_t runningMin = kUnreachable;  // over places 0 .. s-2 of pull quote j-1
    std::size_t runningArg = 0;
    // Place s needs j places before it and k-1-j after it.
    for (std::size_t s = j; s + (k - 1 - j) < slots; ++s) {
      std::int64_t before = 0;
      std::size_t from = 0;
      if (j > 0) {
        if (s >= 2 && best[(j - 1) * slots + s - 2] < runningMin) {
          runningMin = best[(j - 1) * slots + s - 2];
          runningArg = s - 2;
        }
        before = runningMin;
        from = runningArg;
        const std::int64_t justBefore = best[(j - 1) * slots + s - 1];
        if (justBefore < kUnreachable) {
          const bool near = paragraphsIn(places[s - 1] + 1, places[s] + 1) <= 1;
          const std::int64_t viaJustBefore = justBefore + (near ? tooClose : 0);
          if (viaJustBefore < before) {
            before = viaJustBefore;
            from = s - 1;
          }
        }
        if (before >= kUnreachable) continue;
      }
      best[j * slots + s] = before + cost(j, s);
      previous[j * slots + s] = from;
    }
  }
  std::size_t last = 0;
  for (std::size_t s = 1; s < slots; ++s) {
    if (best[(k - 1) * slots + s] < best[(k - 1) * slots + last]) last = s;
  }
  std::vector<std::size_t> chosen(k);
  for (std::size_t j = k; j-- > 0;) {
    chosen[j] = places[last];
    last = previous[j * slots + last];
  }
  return chosen;
}

}  // namespace

const char* reasonName(PlacementReason reason) {
  switch (reason) {
    case PlacementReason::BetweenParagraphs: return "between-paragraphs";
    case PlacementReason::AfterParagraph: return "after-paragraph";
    case PlacementReason::Authored: return "authored";
    case PlacementReason::Moved: return "moved";
    case PlacementReason::TooFewParagraphs: return "too-few-paragraphs";
    case PlacementReason::NoRoom: return "no-room";
  }
  return "";
}

std::size_t pullquotePlaces(const std::vector<FlowItem>& flow) {
  Sequence sequence(flow);
  std::size_t paragraphs = 0, places = 0;
  for (std::size_t at = 0; at < sequence.size(); ++at) {
    paragraphs += sequence.isParagraph(at) ? 1 : 0;
    places += sequence.placeAfter(at) ? 1 : 0;
  }
  return paragraphs < 2 ? 0 : places;
}

PullquotePlan planPullquotes(const std::vector<FlowItem>& flow, const std::vector<PullquoteRequest>& requests) {
  PullquotePlan plan;
  Sequence sequence(flow);
  std::size_t paragraphs = 0;
  for (const FlowItem& item : flow) paragraphs += item.kind == Kind::Paragraph ? 1 : 0;
  if (paragraphs < 2) {
    for (const FlowItem& item : flow) {
      if (item.kind == Kind::PullQuote) plan.anchored.push_back(PlacementReason::TooFewParagraphs);
    }
    plan.floating.assign(requests.size(), PlacementReason::TooFewParagraphs);
    for (std::size_t i = 0; i < flow.size(); ++i) {
      if (flow[i].kind != Kind::PullQuote) plan.order.push_back({false, i});
    }
    return plan;
  }
  plan.anchored = settleAnchored(sequence, flow);

  std::vector<std::size_t> sourcePositions;
  for (const PullquoteRequest& request : requests) {
    sourcePositions.push_back(request.source && *request.source < flow.size() ? sequence.positionOf(*request.source)
                                                                              : 0);
  }
  std::vector<PullquoteRequest> sourced = requests;
  for (std::size_t j = 0; j < sourced.size(); ++j) {
    if (sourced[j].source && *sourced[j].source >= flow.size()) sourced[j].source.reset();
  }
  const std::vector<std::size_t> chosen = chooseFloatingPlaces(sequence, sourced, sourcePositions, requests.size());
  plan.floating.assign(requests.size(), PlacementReason::NoRoom);
  for (std::size_t j = 0; j < chosen.size(); ++j) {
    plan.floating[j] =
        sequence.isParagraph(chosen[j] + 1) ? PlacementReason::BetweenParagraphs : PlacementReason::AfterParagraph;
  }
  const std::vector<PlacedEntry>& entries = sequence.entries();
  for (std::size_t at = 0, j = 0; at < entries.size(); ++at) {
    plan.order.push_back(entries[at]);
    if (j < chosen.size() && chosen[j] == at) plan.order.push_back({true, j++});
  }
  return plan;
}

}  // namespace broadsheet::layout
