// Soft hyphens (U+00AD) for display text: where a long word may break across lines, for languages
// whose hyphenation dictionaries browsers often lack (headless Chromium on Linux has none at all).
//
// The rule (docs/layout.md, "Typography"), for the Cyrillic languages ru, uk, be, kk, ky, uz, tg and
// for Uzbek in the Latin script:
//   - only words of more than kMinHyphenatedLetters (12) letters get soft hyphens; a shorter word is
//     never broken across lines;
//   - a break goes between two syllables: between two vowels (V-V), before a lone consonant (V-CV), and
//     after the first consonant of a cluster (VC-CV, VC-CCV);
//   - й, ь, ъ (and Belarusian ў, an apostrophe, and the Uzbek ʻ of oʻ and gʻ) stay with the letter
//     before them; the Uzbek Latin digraphs sh, ch and ng are never split;
//   - at least kMinLettersAtEdge (3) letters stay before the first break and after the last, and at
//     least two between two breaks.
// Other languages (en among them) get no soft hyphens: CSS `hyphens: auto` handles them where the
// browser has a dictionary. A word that already holds a soft hyphen is the author's and is kept as it is.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace broadsheet::layout {

constexpr std::size_t kMinHyphenatedLetters = 12;  // words of this many letters or fewer are never hyphenated
constexpr std::size_t kMinLettersAtEdge = 3;       // letters kept before the first and after the last break

// True when insertSoftHyphens has rules for the language tag's primary subtag ("kk-Cyrl-KZ" → kk).
bool hyphenatesLanguage(std::string_view languageTag);

// `text` (UTF-8) with U+00AD at the permissible breaks of each word longer than kMinHyphenatedLetters
// letters, by the rules of `languageTag`; unchanged for other languages. Everything but the inserted
// soft hyphens is copied byte for byte, so the result can be escaped like the original.
std::string insertSoftHyphens(std::string_view text, std::string_view languageTag);

}  // namespace broadsheet::layout
