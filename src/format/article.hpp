// The typed article model: what the author wrote, after validation. Every member here is valid;
// members that failed validation are absent (their diagnostics explain why).
#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "text/markdown.hpp"

namespace broadsheet::format {

// A CommonMark member: what the author wrote and its syntax tree. The format stage parses each
// text once (it checks the links there); the layout takes the trees over.
struct Text {
  std::string source;
  text::Markdown tree;
};

struct Person {
  std::string id;
  std::string name;
  std::string role;
  std::string affiliation;
  std::string honorific;
  std::string url;
};

// One candidate of an image's `sources`: the same picture at another width (srcset's "w" descriptor).
struct ImageSource {
  std::string src;  // resolved by the URL policy
  int width = 0;    // its intrinsic width in pixels, 1 to 100000
};

struct Image {
  std::string src;
  std::string alt;
  Text caption;   // inline CommonMark
  Text credit;    // inline CommonMark
  int width = 0;  // 0 when not given
  int height = 0;
  std::vector<ImageSource> sources;  // at most kMaxImageSources
};

// A group of images shown as one figure (`gallery` block).
struct Gallery {
  std::vector<Image> images;  // at most kMaxGalleryImages, each with src and alt
  Text caption;               // inline CommonMark, of the whole group
  Text credit;
};

// At most this many `sources` per image and images per gallery are read (BS-LIMIT past it): a srcset
// of more widths gains nothing, and each kept entry costs memory while the text streams past.
inline constexpr std::size_t kMaxImageSources = 16;
inline constexpr std::size_t kMaxGalleryImages = 24;

struct Link {
  std::string label;
  std::string url;
};

// Where a republished article came from and under which licence (`syndication`). The licence is kept
// as written (an SPDX id, or an https URL already checked); the layout knows the licences' terms.
struct Syndication {
  Link source;                 // label: the source's name; url: its home page ("" when none)
  std::string sourceLogo;      // an image URL, "" when none
  std::string originalUrl;     // where the article was first published
  std::string license;         // an SPDX id as written, or an https URL; "" when missing or refused
  bool licenseIsUrl = false;   // `license` is a URL (its terms are unknown)
  std::string attribution;     // plain text the licensor asks to be shown
  std::string firstPublished;  // ISO 8601, "" when none
  std::string readUrl;         // https only, "" when none
};

enum class BlockType { Paragraph, Heading, Quote, PullQuote, List, Image, Note, Divider, Markdown, Gallery, Embed, Table };

// Third-party content (docs/embeds.md): its URLs already rebuilt from the provider's ids.
struct Embed {
  std::string provider;     // a provider id ("youtube"); "" when refused: a plain link to `original`
  std::string original;     // the content's page, https
  std::string frame;        // the player's address, https; "" when refused
  std::string frameOrigin;  // "https://host" of `frame`
  std::string title;        // plain text: the frame's title and the placeholder's heading
  Text caption;             // inline CommonMark
  std::string aspectRatio;  // "16:9", "4:3", "9:16" or a number as written; "" for the provider's default
};

// A table column's alignment as the author gave it; Auto leaves it to the layout (numbers to the end).
enum class Align : unsigned char { Auto, Start, End, Center };

// A `table` block (docs/format.md, "Tables"). Every row holds exactly `columns` cells: the reader pads
// short rows with empty cells and cuts long ones (BS-TABLE-SHAPE), so later stages see a rectangle.
struct Table {
  Text caption;                         // inline CommonMark, not blank
  std::vector<Text> header;             // inline CommonMark, one per column; empty: no header row
  std::vector<std::vector<Text>> rows;  // inline CommonMark cells
  std::vector<Align> align;             // one per column
  std::size_t columns = 0;
  bool rowHeaders = false;  // the first cell of each row heads it

  Table() = default;
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;
  // Out of line (read_table.cpp): every Block is destroyed in many places, and an inlined destructor
  // of these nested vectors at each of them cost kilobytes of WASM.
  ~Table();
};

// A table may have at most this many rows, columns and cells (BS-LIMIT past them): padding makes
// cells from nothing, so a few bytes of `[]` rows must not become megabytes of <td>.
inline constexpr std::size_t kMaxTableRows = 1000;
inline constexpr std::size_t kMaxTableColumns = 50;
inline constexpr std::size_t kMaxTableCells = 10000;

// Block::index of the one Markdown block a body given as a CommonMark string becomes.
inline constexpr std::size_t kBodyString = static_cast<std::size_t>(-1);

// One body block. Which members are used depends on `type`; the rest stay empty.
struct Block {
  BlockType type = BlockType::Paragraph;
  std::string lang;                 // the block's own language, "" for the article's
  std::string dir;                  // "ltr" or "rtl" as given; "" ("auto" or absent): from `lang`, else the article's
  std::size_t index = kBodyString;  // its index in the body array, for diagnostics
  Text text;                        // inline CommonMark (block CommonMark for Markdown)
  int level = 2;                    // Heading
  std::string by;                   // Quote, PullQuote: a valid analyst id or empty
  std::string attribution;          // Quote: free-text attribution when there is no analyst
  bool ordered = false;             // List
  std::vector<Text> items;          // List: inline CommonMark
  // Image, Gallery, Embed: held apart like Table, so the blocks of every other type stay small (the
  // kept blocks of a long body are what memory grows with).
  std::unique_ptr<Image> image;
  std::unique_ptr<Gallery> gallery;
  std::unique_ptr<Embed> embed;
  std::unique_ptr<Table> table;     // Table: held apart, so the other blocks stay small
};

struct PullQuote {
  Text text;
  std::string by;
};

// A correction or update the publisher appended to the article (docs/format.md, "Corrections").
struct Correction {
  std::string date;     // ISO 8601 date or date-time, validated
  Text text;            // inline CommonMark
  bool update = false;  // kind "update"; otherwise a correction
};

// Another language version of the article: `translations` entries and `translationOf`.
struct Translation {
  std::string lang;      // BCP 47, validated
  std::string url;       // resolved by the URL policy
  std::string headline;  // plain text, "" when not given
};

// At most this many `corrections` and `translations` entries are read (BS-LIMIT past it): each one
// kept costs memory while the text streams past, so a list of empty objects cannot grow it unbounded.
inline constexpr std::size_t kMaxCorrections = 100;
inline constexpr std::size_t kMaxTranslations = 100;

// A footnote's definition (`footnotes`): the label its references use in the text (`[^label]`) and
// its words. Only definitions some reference uses are kept, in document order; the layout numbers
// them in the order of their first reference.
struct Footnote {
  std::string id;
  Text text;  // inline CommonMark
};

// A source the article cites (`sources`), listed under "Sources".
struct Source {
  std::string title;      // plain text
  std::string url;        // resolved by the URL policy
  std::string publisher;  // plain text, "" when not given
  std::string date;       // ISO 8601, "" when not given
};

inline constexpr std::size_t kMaxFootnotes = 200;
inline constexpr std::size_t kMaxSources = 200;

struct Article {
  std::string id;
  std::string lang = "en";
  std::string dir;  // "ltr" or "rtl"; resolved from lang when the document says "auto" or nothing
  Text headline;
  Text standfirst;
  std::string published;
  std::string updated;
  std::string section;
  std::vector<std::string> tags;
  std::optional<Link> publisher;  // label holds the publisher's name
  std::string canonicalUrl;
  std::vector<Person> authors;
  std::vector<Person> analysts;
  std::optional<Image> image;
  // A CommonMark string body becomes one Markdown block. A deque, because blocks are added one by one
  // as the text is read, with no count known first: a vector grown so held up to twice their memory.
  std::deque<Block> body;
  std::vector<PullQuote> pullquotes;
  bool autoPullquotes = false;  // "pullquotes": "auto"
  Text note;
  std::optional<Link> callToAction;
  std::optional<Syndication> syndication;
  std::vector<Correction> corrections;
  std::vector<Translation> translations;
  std::optional<Translation> translationOf;  // the version this article translates
  std::vector<Footnote> footnotes;
  std::vector<Source> sources;

  const Person* findAnalyst(const std::string& analystId) const;
  // Set only by the lite core, for an article that needs the full one (broadsheet_core_variant.hpp).
  // Last, so the members before it keep their offsets (small offsets are shorter WASM instructions).
  bool needsFullCore = false;
};

}  // namespace broadsheet::format
