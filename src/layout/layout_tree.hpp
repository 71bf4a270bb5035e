// The layout tree: where each piece of the article goes and what the layout added around it
// (bylines, attributions, placed pull quotes, labels, heading levels, typography). It holds plain
// values only, every decision already taken: the html stage escapes and emits them as they are.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "broadsheet/broadsheet.hpp"
#include "policy/url_policy.hpp"
#include "text/markdown.hpp"

namespace broadsheet::layout {

// A heading's two levels: the one the author chose, which its class names (bs-heading--N), and
// the <hN> element's, after the headline-level shift and the outline rule (never a skipped level).
struct HeadingLevels {
  int authored = 2;
  int element = 2;
};

struct Image {
  std::string src;  // already resolved by the URL policy
  std::string alt;
  int width = 0;  // 0 when not given; both or neither are written
  int height = 0;
  std::string srcset;  // "url 480w, url 960w" from the image's sources, "" when it has none
  std::string sizes;   // the slot's width for srcset (layout/image_sizes.hpp); "" without srcset
  bool lead = false;   // the lead image: loaded at once and first; other images load as they near the view
};

struct Figure {
  Image image;
  text::Markdown caption;
  text::Markdown credit;
};

// A gallery block: its images, each a figure of its own, and the group's caption and credit.
struct Gallery {
  std::vector<Figure> items;
  text::Markdown caption;
  text::Markdown credit;
};

// "— Eduard Poletaev, political commentator" on an analyst's first quote, the short name later.
struct Attribution {
  std::string name;  // empty: no attribution
  std::string role;  // empty after the first mention
};

enum class Side { Start, End };

// The quote marks that replace cmark's smart “…” in one language's text.
struct QuoteMarks {
  std::string open;
  std::string close;
  std::string innerOpen;  // inside a quotation
  std::string innerClose;
};

// A table column as the layout set it: the author's alignment, or for "auto" the end when most of
// its cells are numbers (docs/layout.md#tables); numbers get tabular figures.
enum class CellAlign : unsigned char { Start, End, Center };
struct TableColumn {
  CellAlign align = CellAlign::Start;
  bool numeric = false;
};

struct Table {
  std::string captionId;  // unique per article: the scroll region's aria-labelledby
  text::Markdown caption;
  std::vector<text::Markdown> header;             // empty: no header row
  std::vector<std::vector<text::Markdown>> rows;  // each as many cells as `columns`
  std::vector<TableColumn> columns;
  bool rowHeaders = false;  // each row's first cell is its header

  Table() = default;
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;
  ~Table();  // out of line (tables.cpp), as format::Table's: body items are destroyed in many places
};

// An embed block as the layout decided to show it (docs/embeds.md): a placeholder the reader clicks
// to load the provider's frame, the frame itself, or a link only. Every form links the original.
struct EmbedBox {
  enum class Mode { Placeholder, Frame, Link };
  Mode mode = Mode::Link;
  std::string provider;      // its id ("youtube"), "" when the URL was refused: a bs-embed--<id> class
  std::string providerName;  // "YouTube"; a generic embed's host
  std::string title;         // plain text
  std::string original;      // the link, https
  std::string frame;         // the frame's address, https; "" in Link mode
  std::string sandbox;       // the frame's sandbox tokens
  std::string allow;         // its permissions policy, "" for none
  std::string ratioClass;    // "16x9", "4x3" or "9x16"; "" when `ratio` is set
  std::string ratio;         // a CSS ratio for an author's number ("1500 / 1000"), else ""
  std::string privacy;       // the localised words: the privacy line, the button, the link
  std::string load;
  std::string openOriginal;
  text::Markdown caption;
};

struct BodyItem {
  enum class Kind { Paragraph, Heading, Quote, PullQuote, List, Figure, Note, Divider, Markdown, Gallery, Embed, Table };
  Kind kind = Kind::Paragraph;
  text::Markdown text;
  HeadingLevels heading;                    // Heading
  std::vector<HeadingLevels> textHeadings;  // Markdown: its text's headings, in reading order
  bool ordered = false;                     // List
  std::vector<text::Markdown> items;        // List
  std::unique_ptr<Figure> figure;           // Figure (a pointer, as gallery: items are moved around)
  std::unique_ptr<Gallery> gallery;         // Gallery (a pointer: items are moved around, galleries are rare)
  Attribution attribution;                  // Quote, PullQuote
  bool floating = false;                    // PullQuote placed by the layout engine
  Side side = Side::End;                    // floating PullQuote: the margin it floats into
  bool repeatsBody = false;                 // PullQuote whose words are in the body: hidden from screen readers
  std::size_t words = 0;                    // words a reader meets in it (placement, reading time); floating: 0
  // A block in another language: its index in LayoutTree::languages; 0 (an empty entry): the article's.
  // An index, not the strings, so the items the layout moves around stay small.
  std::size_t language = 0;
  std::size_t embed = 0;  // Embed: its index in LayoutTree::embeds (kept apart, as languages are)
  // Table: owned here, not inline, so the items the layout moves around stay small.
  std::unique_ptr<Table> table;
};

// A block's own language (docs/format.md, "Body blocks"): written as lang and dir on its element.
struct BlockLanguage {
  std::string lang;                      // "" for the article's
  std::string dir;                       // "ltr" or "rtl" when given, or when its script runs the other way
  std::optional<QuoteMarks> quoteMarks;  // its language's marks, when they are not the article's
};

// A correction or update appended to the article, shown after the body (docs/layout.md).
struct CorrectionEntry {
  bool update = false;
  std::string label;     // "Correction" or "Update", in the article's language
  std::string dateIso;   // as the document wrote it
  std::string dateText;  // localised
  text::Markdown text;
};

// A footnote in the notes list after the body (docs/layout.md, "Footnotes and sources"): numbered in
// the order of its first reference; one back-link per reference to it.
struct FootnoteEntry {
  std::size_t number = 0;
  text::Markdown text;
  std::vector<std::string> backLabels;  // each back-link's accessible name: "Back to reference 1"
  // Each back-link's words after the arrow: "1", then "1.2", "1.3" for later references (a link of an
  // arrow alone has no text whose contrast can be checked, and readers see which reference it goes to).
  std::vector<std::string> backTexts;
};

// A cited source in the "Sources" list.
struct SourceEntry {
  std::string title;            // plain text
  std::string url;              // resolved by the URL policy
  std::string rel;              // the link's rel: the host's otherSiteRel for another site, else ""
  std::string publisherBefore;  // ", " in the language's form, "" when there is no publisher
  std::string publisher;
  std::string dateBefore;  // ", " in the language's form, "" when there is no date
  std::string dateIso;
  std::string dateText;  // localised
};

// Another language version of the article: a link of the language switcher, and a fact of the
// JSON-LD (workTranslation, translationOfWork) and of head tags (hreflang alternates).
struct HreflangAlternate {
  std::string hreflang;
  std::string url;
};

struct TranslationLink {
  std::string lang;      // BCP 47, as the document wrote it: the link's hreflang and lang
  std::string url;       // resolved by the URL policy
  std::string headline;  // plain text, "" when not given
  std::string name;      // the language's name in itself ("қазақ тілі"); the tag when the name is unknown
  std::string dir;       // "ltr" or "rtl": the direction of the language's script
};

// A person as one place shows them. Which details a place shows is the layout's choice.
struct PersonEntry {
  std::string separatorBefore;  // in a list of names: "", ", " or " and " in the language's form
  std::string name;             // with honorific: "Colonel Sergey Pashevich"
  std::string url;              // empty: the name is not a link
  std::string role;             // empty: none shown
  std::string affiliation;      // empty: none shown
};

// A label and the people it introduces: "By A, data editor", "With analysis from A, B and C".
struct PeopleList {
  std::string label;
  std::vector<PersonEntry> people;
};

struct Link {
  std::string label;
  std::string url;  // empty: the label is not a link
};

// The words the layout puts around the author's, chosen for the article's language.
struct Wording {
  std::string roleSeparator;  // between a name and a role: ", " ("، " in Arabic)
  std::string updated;        // before the date of the last update
  std::string editorsNote;
  std::string tags;
  std::string publishedBy;
  std::string openQuote;  // the outer quote marks that replace cmark's smart “…”
  std::string closeQuote;
  std::string innerOpenQuote;  // quote marks inside quotes
  std::string innerCloseQuote;
};

// schema.org's terms for a person and for the article (NewsArticle), as a standalone document's
// JSON-LD states them. Empty strings are left out.
struct PersonFacts {
  std::string name;
  std::string honorificPrefix;
  std::string jobTitle;
  std::string url;
};

// An organisation in schema.org terms (the syndication's source).
struct OrganizationFacts {
  std::string name;
  std::string url;
  std::string logo;
};

struct ArticleFacts {
  std::string headline;  // plain text
  std::string description;
  std::string inLanguage;
  std::string datePublished;
  std::string dateModified;
  std::string url;  // the canonical URL (also the standalone document's <link rel="canonical">)
  std::string articleSection;
  std::string image;
  std::string keywords;  // the tags, joined by ", "
  std::size_t wordCount = 0;
  std::vector<PersonFacts> authors;
  std::vector<PersonFacts> contributors;
  std::optional<Link> publisher;
  // Syndication (docs/syndication.md): the original's address and first publication, the licence's
  // URL (a known licence's deed, or the URL given), and the source as copyright holder and source
  // organisation. Empty when the article is not syndicated.
  std::string isBasedOn;
  std::string basedOnPublished;
  std::string license;
  std::optional<OrganizationFacts> source;

  // Head tags for the host page (docs/embed.md#head-tags), decided here, written by html.
  std::string canonical;          // the original's address when syndicated, else the canonical URL
  std::string siteName;           // og:site_name: the publisher's name, else the source's
  std::string ogLocale;           // og:locale: "kk_KZ" from "kk-KZ"
  std::string twitterCard;        // "summary_large_image" with an image, else "summary"
  std::vector<std::string> tags;  // article:tag, one each
  // <link rel="alternate" hreflang> for every language version, this one included (search engines
  // ignore a set that does not list the page itself), and og:locale:alternate for the others.
  std::vector<HreflangAlternate> alternates;
  std::vector<std::string> ogLocaleAlternates;
  std::vector<TranslationLink> translations;                     // workTranslation
  std::optional<TranslationLink> translationOf;                  // translationOfWork
  std::vector<std::pair<std::string, std::string>> corrections;  // CorrectionComment: date, plain text
  std::vector<Link> citations;                                   // citation (CreativeWork): the sources
};

// The provenance line of a syndicated article: "First published by <source>. Republished under
// <licence>." Each label's words before and after the name come from the article's language.
struct Provenance {
  std::string sourceBefore;  // "First published by "
  Link source;               // the source's name, linked to the original article
  std::string sourceAfter;   // "."
  std::string licenseBefore;
  std::optional<Link> license;  // absent: no usable licence; url "" shows the name as plain text
  std::string licenseAfter;
  std::string attribution;  // the licensor's own words, plain text
};

struct LayoutTree {
  Wording wording;
  std::string lang;
  std::string dir;
  Theme theme = Theme::Auto;
  bool parts = false;       // the `parts` option: ::part() names on the markup contract's elements
  policy::UrlContext urls;  // how links and images in text resolve, and what links and images carry

  // header
  std::string section;
  int headlineLevel = 1;  // the headline's element level
  text::Markdown headline;
  text::Markdown standfirst;
  // "ltr" or "rtl" when the headline's (standfirst's) words run the other way than the article, which
  // the element then states; "" when they follow the article.
  std::string headlineDir;
  std::string standfirstDir;
  PeopleList bylineAuthors;   // names linked to their pages, with role and affiliation
  PeopleList bylineAnalysts;  // names only: the panel links them
  std::string publishedIso;
  std::string publishedText;
  // Empty unless updated on another day than published (the date shows), or on the same day at a
  // time with an offset (the time shows: "14:05 GMT+6").
  std::string updatedIso;
  std::string updatedText;
  std::string readingTimeText;
  std::optional<Figure> leadImage;
  std::string translationsLabel;              // the switcher's label ("Also in")
  std::vector<TranslationLink> translations;  // the language switcher, in document order

  std::vector<BodyItem> body;
  std::vector<EmbedBox> embeds;                           // the body's Embed items' boxes, in body order
  std::vector<BlockLanguage> languages{BlockLanguage{}};  // the body items' own languages; [0]: none
  text::Markdown note;
  int noteLabelLevel = 2;                    // the note's heading element level
  std::vector<CorrectionEntry> corrections;  // after the body, before the note, in document order
  int correctionLevel = 2;                   // their headings' element level
  // Ids of this article's elements (the notes, their references, the lists' headings) start with
  // this prefix, made from the article, so two articles on one page do not share ids.
  std::string idPrefix;
  std::string footnotesLabel;            // "Notes"
  int footnotesLevel = 2;                // the notes' heading element level
  std::vector<FootnoteEntry> footnotes;  // after the body, in the order of their first reference
  std::string sourcesLabel;              // "Sources"
  int sourcesLevel = 2;
  std::vector<SourceEntry> sources;  // after the notes, in document order

  // footer
  PeopleList analystPanel;  // label: the panel's heading; names linked, with role and affiliation
  int analystPanelLevel = 2;
  std::vector<std::string> tags;
  std::optional<Link> callToAction;
  std::optional<Link> publisher;
  std::optional<Provenance> provenance;

  ArticleFacts facts;  // for a standalone document's <title>, canonical link and JSON-LD
};

}  // namespace broadsheet::layout
