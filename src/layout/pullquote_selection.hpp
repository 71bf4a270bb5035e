// Which of the analysts' words become automatic pull quotes ("pullquotes": "auto"). A pure function
// of plain inputs (each body block's word count and the quotations it offers, and the words anchored
// pull quotes already repeat), so the rules are tested on small hand-built bodies
// (tests/core/pullquote_selection_test.cpp); docs/layout.md states them. Where the picks go is
// pullquote_placement's business.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::layout {

// A quotation inside a paragraph whose sentence names an analyst (attributeInlineQuotes).
struct AttributedQuote {
  std::string_view text;  // the words inside the marks, as the reader sees them
  std::string_view by;    // the analyst's id
};

// One block of the body, in reading order. Views: what they point to must outlive the call.
struct QuoteCandidateSource {
  std::size_t words = 0;     // the block's words (blocks without candidates count too: they spread the stretches)
  std::string_view quoteBy;  // a quote block attributed to this analyst id: its whole `plain` is a candidate
  std::string_view plain;    // the block's words as the reader sees them (read only when quoteBy is set)
  std::vector<AttributedQuote> inlineQuotes;  // a paragraph's attributed quotations, in reading order
};

// One chosen pull quote.
struct PickedQuote {
  std::size_t block = 0;  // index of the source block it comes from
  std::string text;       // inline CommonMark that reads back as `plain` (ASCII punctuation escaped)
  std::string plain;      // the words, a trailing space, comma, semicolon or colon dropped
  std::string by;         // the analyst's id
};

constexpr std::size_t kMaxAutomaticPullquotes = 5;
// At most this many candidates are checked against the words already taken per stretch: each check
// scans every taken text, which hostile documents make long, and candidates many.
constexpr std::size_t kMaxTakenChecks = 16;

// The rules (docs/layout.md, `"pullquotes": "auto"`):
//   - candidates: the plain text of quote blocks attributed to an analyst, and the attributed
//     quotations of paragraphs, with a trailing space, comma, semicolon or colon dropped; 20-300
//     characters (code points);
//   - ranked by, in order: 40 characters or more, 60-200 characters, a whole sentence (ends in . ! ?
//     or …), from a paragraph rather than a quote block, the length closest to 120; then reading order;
//   - how many: one per 300 words of the body (the sum of `words`), at least one, at most
//     kMaxAutomaticPullquotes, and never more than `places` or than there are candidates;
//   - the body is cut into that many stretches of equal word count; a candidate is in the stretch of
//     its block's end; each stretch gives its best candidate whose words neither hold nor lie inside
//     (after normalizeForMatch) a text of `alreadyTaken` or an earlier pick, checking at most
//     kMaxTakenChecks; a stretch without one gives nothing;
//   - the picks come back in reading order.
// `alreadyTaken`: the plain texts of the anchored pull quotes (normalised here).
std::vector<PickedQuote> pickPullquotes(const std::vector<QuoteCandidateSource>& blocks, std::size_t places,
                                        const std::vector<std::string>& alreadyTaken);

}  // namespace broadsheet::layout
