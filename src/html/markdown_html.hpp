// cmark trees -> HTML, with our escaping. Raw HTML in the source is printed as text; links and images
// are written as the format stage decided them (text/destinations.hpp): one whose URL was refused
// keeps its words but not its URL.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "layout/layout_tree.hpp"
#include "policy/url_policy.hpp"
#include "text/markdown.hpp"

namespace broadsheet::html {

// How to write one text. Everything in it was decided by the layout (layout_tree.hpp).
struct TextStyle {
  std::string_view openQuote = "\u201C";  // the language's double quotes, replacing cmark's smart ones
  std::string_view closeQuote = "\u201D";
  std::string_view innerOpenQuote = "\u2018";  // double quotes inside a quotation
  std::string_view innerCloseQuote = "\u2019";
  // A Blocks text's headings in reading order, with their levels; null: each as its class names it.
  const std::vector<layout::HeadingLevels>* headings = nullptr;
  bool links = true;   // false: links keep their words but not their URL (text hidden from assistive tech)
  bool parts = false;  // part="…" on the elements whose classes have ::part() names (html/parts.hpp)
  const policy::UrlContext* urls = nullptr;  // the rel of links to other sites, the images' referrer policy
  // A Blocks text's language and direction (a body block's own): on each of its top-level elements.
  std::string_view lang;
  std::string_view dir;
  // The article's id prefix (LayoutTree::idPrefix): footnote references link to "<prefix>fn-<n>".
  std::string_view idPrefix;
};

// ` referrerpolicy="…"` when the context sets one (every img carries it).
void appendReferrerPolicy(std::string& out, const policy::UrlContext& urls);

// Appends the Markdown's content. Inline Markdown yields inline content only (no <p>); block
// Markdown yields blocks.
void appendMarkdown(std::string& out, const text::Markdown& markdown, const TextStyle& style);

}  // namespace broadsheet::html
