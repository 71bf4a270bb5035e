#include "html/markdown_html.hpp"

#include <cmark.h>
#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

#include "html/escape.hpp"
#include "html/parts.hpp"
#include "policy/url_policy.hpp"
#include "text/destinations.hpp"
#include "text/footnote_refs.hpp"

namespace broadsheet::html {

// Literals appended with their lengths: append(const char*) calls strlen in libc++'s library code.
using namespace std::string_view_literals;
namespace {

using policy::UrlContext;

constexpr std::string_view kLeftDoubleQuote = "\u201C";
constexpr std::string_view kRightDoubleQuote = "\u201D";
constexpr std::string_view kLowDoubleQuote = "\u201E";
constexpr std::string_view kLeftGuillemet = "\u00AB";
constexpr std::string_view kRightGuillemet = "\u00BB";

// Double quotes in the language's style. cmark's smart mode turns straight quotes into “ and ”, and
// authors type those too: an outer pair becomes the language's outer marks, a pair inside another
// quotation its inner marks. Marks the author typed in another style („…“, «…») are kept and only
// count for the nesting. The state spans the text nodes of one Markdown.
class QuoteMarks {
 public:
  explicit QuoteMarks(const TextStyle& style) : style_(style) {}

  void append(std::string& out, std::string_view text) {
    // The marks' lead bytes (0xE2, 0xC2) are found with memchr; the text between marks is escaped
    // and appended in one piece.
    std::size_t plainStart = 0;
    std::size_t nextE2 = find(text, '\xE2', 0), nextC2 = find(text, '\xC2', 0);
    for (std::size_t i = std::min(nextE2, nextC2); i < text.size(); i = std::min(nextE2, nextC2)) {
      const std::string_view rest = text.substr(i);
      std::string_view mark;
      if (rest.substr(0, 3) == kLeftDoubleQuote) {
        if (!open_.empty() && open_.back() == Open::Low) {
          open_.pop_back();  // „…“ typed by the author
          mark = kLeftDoubleQuote;
        } else {
          mark = open_.empty() ? style_.openQuote : style_.innerOpenQuote;
          open_.push_back(Open::Smart);
        }
      } else if (rest.substr(0, 3) == kRightDoubleQuote) {
        if (!open_.empty() && open_.back() == Open::Smart) open_.pop_back();
        mark = open_.empty() ? style_.closeQuote : style_.innerCloseQuote;
      } else if (rest.substr(0, 3) == kLowDoubleQuote) {
        open_.push_back(Open::Low);
        mark = kLowDoubleQuote;
      } else if (rest.substr(0, 2) == kLeftGuillemet) {
        open_.push_back(Open::Guillemet);
        mark = kLeftGuillemet;
      } else if (rest.substr(0, 2) == kRightGuillemet) {
        if (!open_.empty() && open_.back() == Open::Guillemet) open_.pop_back();
        mark = kRightGuillemet;
      }
      std::size_t after = i + 1;
      if (mark.data() != nullptr) {
        appendText(out, text.substr(plainStart, i - plainStart));
        appendText(out, mark);
        after = i + (rest[0] == '\xC2' ? 2 : 3);
        plainStart = after;
      }
      if (nextE2 < after) nextE2 = find(text, '\xE2', after);
      if (nextC2 < after) nextC2 = find(text, '\xC2', after);
    }
    appendText(out, text.substr(plainStart));
  }

 private:
  enum class Open { Smart, Low, Guillemet };

  // The position of the first `byte` in `text` from `from`, or the text's end.
  static std::size_t find(std::string_view text, char byte, std::size_t from) {
    const void* found = from < text.size() ? std::memchr(text.data() + from, byte, text.size() - from) : nullptr;
    return found ? static_cast<std::size_t>(static_cast<const char*>(found) - text.data()) : text.size();
  }

  const TextStyle& style_;
  std::vector<Open> open_;
};

std::string plainTextOf(cmark_node* node) {
  std::string text;
  cmark_iter* iter = cmark_iter_new(node);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* current = cmark_iter_get_node(iter);
    if (event == CMARK_EVENT_ENTER && cmark_node_get_literal(current) != nullptr)
      text += cmark_node_get_literal(current);
  }
  cmark_iter_free(iter);
  return text;
}

bool inTightList(cmark_node* paragraph) {
  cmark_node* item = cmark_node_parent(paragraph);
  cmark_node* list = item ? cmark_node_parent(item) : nullptr;
  return list && cmark_node_get_type(list) == CMARK_NODE_LIST && cmark_node_get_list_tight(list);
}

class MarkdownWriter {
 public:
  MarkdownWriter(std::string& out, const TextStyle& style, bool inlineOnly)
      : out_(out), style_(style), inlineOnly_(inlineOnly), quotes_(style) {}

  void write(cmark_node* document) {
    cmark_iter* iter = cmark_iter_new(document);
    for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
      cmark_node* node = cmark_iter_get_node(iter);
      const bool entering = event == CMARK_EVENT_ENTER;
      if (cmark_node_get_type(node) == CMARK_NODE_IMAGE && entering) {
        writeImage(node);
        cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
        continue;
      }
      if (inlineOnly_) {
        writeFlattened(node, entering);
      } else {
        writeBlockOrInline(node, entering);
      }
    }
    cmark_iter_free(iter);
  }

 private:
  // Inline Markdown that still parsed into blocks: keep every word, drop the block structure.
  void writeFlattened(cmark_node* node, bool entering) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_DOCUMENT:
      case CMARK_NODE_LIST:
      case CMARK_NODE_ITEM:
      case CMARK_NODE_BLOCK_QUOTE:
      case CMARK_NODE_THEMATIC_BREAK: return;
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING:
        if (entering && wroteBlock_) out_.push_back(' ');
        wroteBlock_ = true;
        return;
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_HTML_BLOCK:
        if (wroteBlock_) out_.push_back(' ');
        wroteBlock_ = true;
        appendText(out_, cmark_node_get_literal(node));
        return;
      default: writeInline(node, entering);
    }
  }

  void writeBlockOrInline(cmark_node* node, bool entering) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_DOCUMENT: return;
      case CMARK_NODE_PARAGRAPH:
        if (inTightList(node)) return;
        if (!entering) {
          out_.append("</p>\n"sv);
        } else {
          out_.append("<p"sv);
          endStartTag(node);
        }
        return;
      case CMARK_NODE_HEADING: {
        if (!entering) {
          out_.append("</h" + std::to_string(openHeadingLevel_) + ">\n");
          return;
        }
        const layout::HeadingLevels levels = nextHeadingLevels(node);
        openHeadingLevel_ = levels.element;
        startTag("h" + std::to_string(levels.element), "bs-heading bs-heading--" + std::to_string(levels.authored));
        endStartTag(node);
        return;
      }
      case CMARK_NODE_BLOCK_QUOTE:
        if (entering) {
          startTag("blockquote", "bs-blockquote");
          endStartTag(node);
          out_.push_back('\n');
        } else {
          out_.append("</blockquote>\n"sv);
        }
        return;
      case CMARK_NODE_LIST: {
        const bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        if (!entering) {
          out_.append(ordered ? "</ol>\n" : "</ul>\n");
        } else {
          startTag(ordered ? "ol" : "ul", "bs-list");
          if (ordered && cmark_node_get_list_start(node) != 1) {
            out_.append(" start=\"" + std::to_string(cmark_node_get_list_start(node)) + "\"");
          }
          endStartTag(node);
          out_.push_back('\n');
        }
        return;
      }
      case CMARK_NODE_ITEM: out_.append(entering ? "<li>" : "</li>\n"); return;
      case CMARK_NODE_CODE_BLOCK:
        startTag("pre", "bs-code");
        endStartTag(node);
        out_.append("<code>"sv);
        appendText(out_, cmark_node_get_literal(node));
        out_.append("</code></pre>\n"sv);
        return;
      case CMARK_NODE_HTML_BLOCK:
        startTag("p", "bs-raw");
        endStartTag(node);
        appendText(out_, cmark_node_get_literal(node));
        out_.append("</p>\n"sv);
        return;
      case CMARK_NODE_THEMATIC_BREAK:
        startTag("hr", "bs-divider");
        endStartTag(node);
        out_.push_back('\n');
        return;
      default: writeInline(node, entering);
    }
  }

  // Ends a block's start tag; a top-level block carries the text's lang and dir.
  void endStartTag(cmark_node* node) {
    const cmark_node* parent = cmark_node_parent(node);
    if (parent && cmark_node_get_type(const_cast<cmark_node*>(parent)) == CMARK_NODE_DOCUMENT) {
      for (const auto& [name, value] :
           {std::pair<std::string_view, std::string_view>{" lang=\"", style_.lang}, {" dir=\"", style_.dir}}) {
        if (value.empty()) continue;
        out_.append(name);
        appendAttribute(out_, value);
        out_.push_back('"');
      }
    }
    out_.push_back('>');
  }

  void writeInline(cmark_node* node, bool entering) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT: writeText(node); return;
      case CMARK_NODE_SOFTBREAK: out_.push_back('\n'); return;
      case CMARK_NODE_LINEBREAK: out_.append(inlineOnly_ ? " " : "<br>\n"); return;
      case CMARK_NODE_CODE:
        out_.append("<code>"sv);
        appendText(out_, cmark_node_get_literal(node));
        out_.append("</code>"sv);
        return;
      case CMARK_NODE_HTML_INLINE: appendText(out_, cmark_node_get_literal(node)); return;
      case CMARK_NODE_EMPH: out_.append(entering ? "<em>" : "</em>"); return;
      case CMARK_NODE_STRONG: out_.append(entering ? "<strong>" : "</strong>"); return;
      case CMARK_NODE_LINK: writeLink(node, entering); return;
      case CMARK_NODE_CUSTOM_INLINE:
        if (entering) writeFootnoteReference(node);
        return;
      default: return;
    }
  }

  // `<tag class="classes"` (and their part names, as the style asks); the caller ends the tag.
  void startTag(std::string_view tag, std::string_view classes) { appendStartTag(out_, tag, classes, style_.parts); }

  const UrlContext& urls() const {
    static const UrlContext kNoBase;
    return style_.urls ? *style_.urls : kNoBase;
  }

  // The levels the layout gave the next heading; without them, the level its class names.
  layout::HeadingLevels nextHeadingLevels(cmark_node* heading) {
    if (style_.headings && headingsWritten_ < style_.headings->size()) return (*style_.headings)[headingsWritten_++];
    const int level = std::min(6, cmark_node_get_heading_level(heading) + 1);
    return {level, level};
  }

  // Text with the language's quote marks (the layout already put in any other typography).
  void writeText(cmark_node* node) { quotes_.append(out_, cmark_node_get_literal(node)); }

  void writeLink(cmark_node* node, bool entering) {
    // A link whose URL is refused keeps its words as plain text; remember which ones opened.
    // An autolink shows its URL as its words; a URL is read left to right whatever the text around
    // it, and its bidi controls must stay inside it: isolated.
    if (entering) {
      const text::Destination href = text::destinationOf(node);
      const bool written = style_.links && href.written;
      const bool isolated = href.autolink;
      openLinks_.push_back({written, isolated});
      if (!written) {
        if (isolated) out_.append("<bdi>"sv);
        return;
      }
      out_.append("<a href=\""sv);
      appendAttribute(out_, cmark_node_get_url(node));
      const char* title = cmark_node_get_title(node);
      if (title && *title) {
        out_.append("\" title=\""sv);
        appendAttribute(out_, title);
      }
      if (href.otherSite) {
        out_.append("\" rel=\""sv);
        appendAttribute(out_, urls().otherSiteRel);
      }
      out_.append(isolated ? "\"><bdi>" : "\">");
    } else if (!openLinks_.empty()) {
      const OpenLink link = openLinks_.back();
      openLinks_.pop_back();
      if (link.isolated) out_.append("</bdi>"sv);
      if (link.written) out_.append("</a>"sv);
    }
  }

  // `<sup><a href="#…fn-2" id="…fnref-2-1" role="doc-noteref">2</a></sup>`, as the layout numbered
  // it; in a text without links (a hidden pull quote) nothing, as the note is not there to go to.
  void writeFootnoteReference(cmark_node* node) {
    if (!text::isFootnoteReference(node)) return;
    const text::FootnoteNumber mark = text::footnoteNumber(node);
    if (mark.number.empty() || !style_.links) return;
    out_.append("<sup class=\"bs-footnote-ref\"><a href=\"#"sv);
    appendAttribute(out_, style_.idPrefix);
    out_.append("fn-"sv);
    appendAttribute(out_, mark.number);
    out_.append("\" id=\""sv);
    appendAttribute(out_, style_.idPrefix);
    out_.append("fnref-"sv);
    appendAttribute(out_, mark.number);
    out_.push_back('-');
    appendAttribute(out_, mark.occurrence);
    out_.append("\" role=\"doc-noteref\">"sv);
    appendText(out_, mark.number);
    out_.append("</a></sup>"sv);
  }

  void writeImage(cmark_node* node) {
    const std::string alt = plainTextOf(node);
    if (!text::destinationOf(node).written) {
      appendText(out_, alt);
      return;
    }
    startTag("img", "bs-inline-image");
    out_.append(" src=\""sv);
    appendAttribute(out_, cmark_node_get_url(node));
    out_.append("\" alt=\""sv);
    appendAttribute(out_, alt);
    out_.push_back('"');
    appendReferrerPolicy(out_, urls());
    out_.append(" loading=\"lazy\" decoding=\"async\">"sv);
  }

  std::string& out_;
  const TextStyle& style_;
  bool inlineOnly_;
  bool wroteBlock_ = false;
  int openHeadingLevel_ = 0;  // headings do not nest
  struct OpenLink {
    bool written;   // the <a> was written (its URL allowed)
    bool isolated;  // its words are in a <bdi>
  };
  std::vector<OpenLink> openLinks_;
  QuoteMarks quotes_;
  std::size_t headingsWritten_ = 0;
};

}  // namespace

void appendReferrerPolicy(std::string& out, const policy::UrlContext& urls) {
  if (urls.imageReferrerPolicy.empty()) return;
  out.append(" referrerpolicy=\""sv);
  appendAttribute(out, urls.imageReferrerPolicy);
  out.push_back('"');
}

void appendMarkdown(std::string& out, const text::Markdown& markdown, const TextStyle& style) {
  if (markdown.empty()) return;
  MarkdownWriter(out, style, markdown.flavor() == text::Flavor::Inline).write(markdown.document());
}

}  // namespace broadsheet::html
