#include "html/markdown_html.hpp"

#include <algorithm>
#include <vector>
#include <cmark.h>

#include "html/escape.hpp"
#include "html/url_policy.hpp"

namespace broadsheet::html {
namespace {

constexpr std::string_view kLeftDoubleQuote = "\u201C";
constexpr std::string_view kRightDoubleQuote = "\u201D";

void appendProse(std::string& out, std::string_view text, const TextStyle& style) {
  if (style.openQuote == kLeftDoubleQuote || text.find("\xE2\x80") == std::string_view::npos) {
    appendText(out, text);
    return;
  }
  std::string localized(text);
  for (std::size_t at; (at = localized.find(kLeftDoubleQuote)) != std::string::npos;) localized.replace(at, 3, style.openQuote);
  for (std::size_t at; (at = localized.find(kRightDoubleQuote)) != std::string::npos;) localized.replace(at, 3, style.closeQuote);
  appendText(out, localized);
}

std::string plainTextOf(cmark_node* node) {
  std::string text;
  cmark_iter* iter = cmark_iter_new(node);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* current = cmark_iter_get_node(iter);
    if (event == CMARK_EVENT_ENTER && cmark_node_get_literal(current) != nullptr) text += cmark_node_get_literal(current);
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
      : out_(out), style_(style), inlineOnly_(inlineOnly) {}

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
      case CMARK_NODE_THEMATIC_BREAK:
        return;
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
      default:
        writeInline(node, entering);
    }
  }

  void writeBlockOrInline(cmark_node* node, bool entering) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_DOCUMENT:
        return;
      case CMARK_NODE_PARAGRAPH:
        if (!inTightList(node)) out_.append(entering ? "<p>" : "</p>\n");
        return;
      case CMARK_NODE_HEADING: {
        const int level = std::min(6, style_.headingLevel + cmark_node_get_heading_level(node));
        out_.append(entering ? "<h" : "</h");
        out_.push_back(static_cast<char>('0' + level));
        out_.append(entering ? " class=\"bs-heading\">" : ">\n");
        return;
      }
      case CMARK_NODE_BLOCK_QUOTE:
        out_.append(entering ? "<blockquote class=\"bs-blockquote\">\n" : "</blockquote>\n");
        return;
      case CMARK_NODE_LIST: {
        const bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        if (!entering) {
          out_.append(ordered ? "</ol>\n" : "</ul>\n");
        } else if (!ordered) {
          out_.append("<ul class=\"bs-list\">\n");
        } else if (cmark_node_get_list_start(node) != 1) {
          out_.append("<ol class=\"bs-list\" start=\"" + std::to_string(cmark_node_get_list_start(node)) + "\">\n");
        } else {
          out_.append("<ol class=\"bs-list\">\n");
        }
        return;
      }
      case CMARK_NODE_ITEM:
        out_.append(entering ? "<li>" : "</li>\n");
        return;
      case CMARK_NODE_CODE_BLOCK:
        out_.append("<pre class=\"bs-code\"><code>");
        appendText(out_, cmark_node_get_literal(node));
        out_.append("</code></pre>\n");
        return;
      case CMARK_NODE_HTML_BLOCK:
        out_.append("<p class=\"bs-raw\">");
        appendText(out_, cmark_node_get_literal(node));
        out_.append("</p>\n");
        return;
      case CMARK_NODE_THEMATIC_BREAK:
        out_.append("<hr class=\"bs-divider\">\n");
        return;
      default:
        writeInline(node, entering);
    }
  }

  void writeInline(cmark_node* node, bool entering) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
        appendProse(out_, cmark_node_get_literal(node), style_);
        return;
      case CMARK_NODE_SOFTBREAK:
        out_.push_back('\n');
        return;
      case CMARK_NODE_LINEBREAK:
        out_.append(inlineOnly_ ? " " : "<br>\n");
        return;
      case CMARK_NODE_CODE:
        out_.append("<code>");
        appendText(out_, cmark_node_get_literal(node));
        out_.append("</code>");
        return;
      case CMARK_NODE_HTML_INLINE:
        appendText(out_, cmark_node_get_literal(node));
        return;
      case CMARK_NODE_EMPH:
        out_.append(entering ? "<em>" : "</em>");
        return;
      case CMARK_NODE_STRONG:
        out_.append(entering ? "<strong>" : "</strong>");
        return;
      case CMARK_NODE_LINK:
        writeLink(node, entering);
        return;
      default:
        return;
    }
  }

  void writeLink(cmark_node* node, bool entering) {
    // A link whose URL is refused keeps its words as plain text; remember which ones opened.
    if (entering) {
      const auto href = allowedUrl(cmark_node_get_url(node), UrlKind::Link);
      openLinks_.push_back(href.has_value());
      if (!href) return;
      out_.append("<a href=\"");
      appendAttribute(out_, *href);
      const char* title = cmark_node_get_title(node);
      if (title && *title) {
        out_.append("\" title=\"");
        appendAttribute(out_, title);
      }
      out_.append("\">");
    } else {
      if (!openLinks_.empty() && openLinks_.back()) out_.append("</a>");
      if (!openLinks_.empty()) openLinks_.pop_back();
    }
  }

  void writeImage(cmark_node* node) {
    const std::string alt = plainTextOf(node);
    const auto src = allowedUrl(cmark_node_get_url(node), UrlKind::Image);
    if (!src) {
      appendText(out_, alt);
      return;
    }
    out_.append("<img class=\"bs-inline-image\" src=\"");
    appendAttribute(out_, *src);
    out_.append("\" alt=\"");
    appendAttribute(out_, alt);
    out_.append("\" loading=\"lazy\" decoding=\"async\">");
  }

  std::string& out_;
  const TextStyle& style_;
  bool inlineOnly_;
  bool wroteBlock_ = false;
  std::vector<bool> openLinks_;
};

}  // namespace

void appendMarkdown(std::string& out, const text::Markdown& markdown, const TextStyle& style) {
  if (markdown.empty()) return;
  MarkdownWriter(out, style, markdown.flavor() == text::Flavor::Inline).write(markdown.document());
}

}  // namespace broadsheet::html
