// Typographic changes to the words of a parsed text, made by the layout stage (which decides where
// they apply) before the html stage writes the text as it finds it. Only the words of text nodes
// change: code spans, inline HTML and images (with their alt text) are never touched.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "text/markdown.hpp"

namespace broadsheet::text {

// Binds the last two words with no-break spaces (U+00A0) in place of the white space between them
// (spaces, and soft or hard line breaks), when the text has at least three words and the last two
// with one space take at most `maxPairCharacters` characters (an image counts as one). Otherwise the
// text is left as it is.
void bindLastTwoWords(Markdown& markdown, std::size_t maxPairCharacters);

// Replaces the literal of every text node outside images with `rewrite(literal)`.
void rewriteWords(Markdown& markdown, const std::function<std::string(std::string_view)>& rewrite);

}  // namespace broadsheet::text
