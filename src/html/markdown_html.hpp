// cmark trees -> HTML, with our escaping and URL policy. Raw HTML in the source is printed as
// text; links and images with a scheme we do not allow lose their URL but keep their words.
#pragma once

#include <string>
#include <string_view>

#include "text/markdown.hpp"

namespace broadsheet::html {

struct TextStyle {
  int headingLevel = 1;                    // the headline's level; Markdown "#" becomes one below it
  std::string_view openQuote = "\u201C";   // the language's double quotes, replacing cmark's smart ones
  std::string_view closeQuote = "\u201D";
};

// Appends the Markdown's content. Inline Markdown yields inline content only (no <p>); block
// Markdown yields blocks.
void appendMarkdown(std::string& out, const text::Markdown& markdown, const TextStyle& style);

}  // namespace broadsheet::html
