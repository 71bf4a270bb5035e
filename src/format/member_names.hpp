// The members each object of the article format may have (docs/format.md), for the reader's
// unknown-member warnings and for what it keeps.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace broadsheet::format {

// A list of member names.
struct Names {
  const std::string_view* first = nullptr;
  std::size_t count = 0;
  bool has(std::string_view name) const { return find(name) != nullptr; }
  // The list's own copy of `name` (which outlives any value: the lists are constants), or null.
  const std::string_view* find(std::string_view name) const {
    for (const std::string_view& known : *this) {
      if (sameName(known, name)) return &known;
    }
    return nullptr;
  }
  // Names are a few letters: most differ in length or first letter, which saves a call to memcmp.
  static bool sameName(std::string_view a, std::string_view b) {
    return a.size() == b.size() && (a.empty() || a[0] == b[0]) && a == b;
  }
  const std::string_view* begin() const { return first; }
  const std::string_view* end() const { return first + count; }
};

template <std::size_t N>
constexpr Names names(const std::string_view (&list)[N]) {
  return {list, N};
}

constexpr std::string_view kDocumentMembers[] = {
    "format",     "id",   "lang",         "dir",          "headline",    "standfirst",   "published",     "updated",
    "section",    "tags", "publisher",    "canonicalUrl", "authors",     "analysts",     "image",         "body",
    "pullquotes", "note", "callToAction", "syndication",  "corrections", "translations", "translationOf", "footnotes",
    "sources"};
constexpr std::string_view kPersonMembers[] = {"id", "name", "role", "affiliation", "honorific", "url"};
constexpr std::string_view kImageMembers[] = {"src", "alt", "caption", "credit", "width", "height", "sources"};
constexpr std::string_view kImageSourceMembers[] = {"src", "width"};
constexpr std::string_view kPublisherMembers[] = {"name", "url"};
constexpr std::string_view kCallToActionMembers[] = {"label", "url"};
constexpr std::string_view kSyndicationMembers[] = {"source",      "originalUrl",    "license",
                                                    "attribution", "firstPublished", "readUrl"};
constexpr std::string_view kSourceMembers[] = {"name", "url", "logo"};
constexpr std::string_view kPullquoteMembers[] = {"text", "by"};
constexpr std::string_view kCorrectionMembers[] = {"date", "text", "kind"};
constexpr std::string_view kCorrectionKinds[] = {"correction", "update"};
constexpr std::string_view kTranslationMembers[] = {"lang", "url", "headline"};
constexpr std::string_view kTranslationOfMembers[] = {"lang", "url"};
constexpr std::string_view kFootnoteMembers[] = {"id", "text"};
constexpr std::string_view kCitedSourceMembers[] = {"title", "url", "publisher", "date"};
// The block types, in the order docs/format.md lists them.
constexpr std::string_view kBlockTypes[] = {"paragraph", "heading", "quote",   "pullquote", "list",    "image",
                                            "note",      "divider", "markdown", "gallery",  "embed",   "table"};
// Every member some block type has; which of them a block may have depends on its type.
// Every block may also have `lang` and `dir`.
constexpr std::string_view kBlockMembers[] = {
    "type",   "text",  "level",  "by",   "attribution", "ordered", "items",    "src", "alt",   "caption",
    "credit", "width", "height", "lang", "dir",         "sources", "images", "provider", "url", "title", "aspectRatio",
    "header", "rows", "align", "rowHeaders"};
constexpr std::string_view kTextBlockMembers[] = {"type", "text", "lang", "dir"};
constexpr std::string_view kHeadingMembers[] = {"type", "text", "level", "lang", "dir"};
constexpr std::string_view kQuoteMembers[] = {"type", "text", "by", "attribution", "lang", "dir"};
constexpr std::string_view kPullquoteBlockMembers[] = {"type", "text", "by", "lang", "dir"};
constexpr std::string_view kListMembers[] = {"type", "ordered", "items", "lang", "dir"};
constexpr std::string_view kImageBlockMembers[] = {"type",  "src",    "alt",  "caption", "credit",
                                                   "width", "height", "lang", "dir",     "sources"};
constexpr std::string_view kGalleryMembers[] = {"type", "images", "caption", "credit", "lang", "dir"};
// A gallery's images: the image members (kImageMembers), each with its own caption and credit.
constexpr std::string_view kDividerMembers[] = {"type", "lang", "dir"};
constexpr std::string_view kEmbedMembers[] = {"type",    "provider",    "url",  "title",
                                              "caption", "aspectRatio", "lang", "dir"};
constexpr std::string_view kTableMembers[] = {"type",  "caption",    "header", "rows",
                                              "align", "rowHeaders", "lang",   "dir"};
constexpr std::string_view kAlignValues[] = {"start", "end", "center", "auto"};

}  // namespace broadsheet::format
