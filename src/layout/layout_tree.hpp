// The layout tree: where each piece of the article goes and what the layout added around it
// (bylines, attributions, placed pull quotes, labels). The html stage emits HTML by walking it and
// makes no layout decisions of its own.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "broadsheet/broadsheet.hpp"
#include "format/article.hpp"
#include "policy/url_policy.hpp"
#include "layout/labels.hpp"
#include "text/markdown.hpp"

namespace broadsheet::layout {

struct Figure {
  const format::Image* image = nullptr;
  text::Markdown caption;
  text::Markdown credit;
};

// "— Eduard Poletaev, political commentator" on an analyst's first quote, the short name later.
struct Attribution {
  std::string name;  // empty: no attribution
  std::string role;  // empty after the first mention
};

enum class Side { Start, End };

struct BodyItem {
  enum class Kind { Paragraph, Heading, Quote, PullQuote, List, Figure, Note, Divider, Markdown };
  Kind kind = Kind::Paragraph;
  text::Markdown text;
  int level = 2;                     // Heading, before the headingLevel shift
  bool ordered = false;              // List
  std::vector<text::Markdown> items;  // List
  Figure figure;                     // Figure
  Attribution attribution;           // Quote, PullQuote
  bool floating = false;             // PullQuote placed by the layout engine
  Side side = Side::End;             // floating PullQuote: the margin it floats into
  bool repeatsBody = false;          // PullQuote whose words are in the body: hidden from screen readers
  std::size_t words = 0;             // words a reader meets in it (placement, reading time); floating: 0
};

struct PersonEntry {
  const format::Person* person = nullptr;
  std::string displayName;  // with honorific: "Colonel Sergey Pashevich"
};

struct LayoutTree {
  const Labels* labels = nullptr;
  std::string lang;
  std::string dir;
  Theme theme = Theme::Auto;
  int headingLevel = 1;
  bool parts = false;  // the `parts` option: ::part() names on the markup contract's elements
  policy::UrlContext urls;  // how links and images in text resolve, and what links and images carry

  // header
  std::string section;
  text::Markdown headline;
  text::Markdown standfirst;
  std::vector<PersonEntry> authors;   // byline: "By A and B"
  std::vector<PersonEntry> analysts;  // byline ("With analysis from A, B and C") and the panel
  std::string publishedIso;
  std::string publishedText;
  std::string updatedIso;   // empty unless updated on another day than published
  std::string updatedText;
  std::string readingTimeText;
  std::optional<Figure> leadImage;

  std::vector<BodyItem> body;
  text::Markdown note;

  // footer (the analyst panel lists `analysts` too)
  std::vector<std::string> tags;
  const format::Link* callToAction = nullptr;
  const format::Link* publisher = nullptr;
};

}  // namespace broadsheet::layout
