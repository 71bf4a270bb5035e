#include "layout/display_text.hpp"

#include <string>

#include "layout/hyphenation.hpp"
#include "text/typography.hpp"

namespace broadsheet::layout {
namespace {

// The most characters the last two words of display text may take, with one space, to be bound. The
// stylesheet sizes headlines and pull quotes so that every line holds at least 9.5em, in containers
// down to 280px; 12 characters of a bold serif take at most some 9em (Cyrillic DejaVu Serif Bold:
// 0.78em a letter at the widest), so a bound pair always fits one line and never has to break inside
// a word.
constexpr std::size_t kMaxWidowPair = 12;

}  // namespace

void setAsDisplayText(text::Markdown& markdown, std::string_view lang, bool noWidow) {
  // Block text has no single last line to keep a widow from.
  if (noWidow && markdown.flavor() == text::Flavor::Inline) text::bindLastTwoWords(markdown, kMaxWidowPair);
  if (!hyphenatesLanguage(lang)) return;
  text::rewriteWords(markdown, [lang](std::string_view words) { return insertSoftHyphens(words, lang); });
}

}  // namespace broadsheet::layout
