// cmark trees -> HTML, with our escaping and URL policy. Raw HTML in the source is printed as
// text; links and images with a scheme we do not allow lose their URL but keep their words.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "policy/url_policy.hpp"
#include "text/markdown.hpp"

namespace broadsheet::html {

// The article's headings as one outline, so a heading never skips a level after the one before it
// (an h4 straight after the h1 headline is written as an h2). Markup and screen readers need that;
// the class still names the level the author chose.
class HeadingOutline {
 public:
  explicit HeadingOutline(int headlineLevel) : last_(headlineLevel - 1) {}
  // The element level for a heading the author wants at `wanted`: at most one below the last one.
  int next(int wanted) {
    last_ = std::min({6, wanted, last_ + 1});
    return last_;
  }

 private:
  int last_;
};

struct TextStyle {
  int headingLevel = 1;                    // the headline's level; Markdown "#" becomes one below it
  std::string_view openQuote = "\u201C";   // the language's double quotes, replacing cmark's smart ones
  std::string_view closeQuote = "\u201D";
  std::string_view innerOpenQuote = "\u2018";  // double quotes inside a quotation
  std::string_view innerCloseQuote = "\u2019";
  bool noWidow = false;  // inline text: a no-break space binds the last two words (headline, pull quotes)
  // Display text (headline, standfirst, pull quotes): the article's language tag, and long words get
  // soft hyphens by its rules (layout/hyphenation.hpp). Empty: none.
  std::string_view hyphenate{};
  bool links = true;  // false: links keep their words but not their URL (text hidden from assistive tech)
  bool parts = false;  // part="…" on the elements whose classes have ::part() names (html/parts.hpp)
  const policy::UrlContext* urls = nullptr;  // how links and images resolve; null: no base, relative URLs kept
  HeadingOutline* outline = nullptr;  // the article's outline, shared with Markdown headings; null: levels as written
};

// ` referrerpolicy="…"` when the context sets one (every img carries it).
void appendReferrerPolicy(std::string& out, const policy::UrlContext& urls);

// Appends the Markdown's content. Inline Markdown yields inline content only (no <p>); block
// Markdown yields blocks.
void appendMarkdown(std::string& out, const text::Markdown& markdown, const TextStyle& style);

}  // namespace broadsheet::html
