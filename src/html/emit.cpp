#include "html/emit.hpp"

#include "html/escape.hpp"
#include "html/markdown_html.hpp"
#include "html/url_policy.hpp"

namespace broadsheet::html {
namespace {

using layout::BodyItem;
using layout::LayoutTree;

class ArticleWriter {
 public:
  ArticleWriter(std::string& out, const LayoutTree& tree)
      : out_(out), tree_(tree), style_{tree.headingLevel, tree.labels->openQuote, tree.labels->closeQuote} {}

  void write() {
    out_.append("<article class=\"bs-article\" lang=\"");
    appendAttribute(out_, tree_.lang);
    out_.append("\" dir=\"");
    appendAttribute(out_, tree_.dir);
    out_.append("\" data-theme=\"");
    out_.append(tree_.theme == Theme::Dark ? "dark" : tree_.theme == Theme::Light ? "light" : "auto");
    out_.append("\">\n");
    writeHeader();
    writeBody();
    writeNote();
    writeFooter();
    out_.append("</article>\n");
  }

 private:
  // <h{level} class="...">, shifted by the configured headline level and capped at h6.
  void openHeading(int offset, std::string_view className) {
    headingTag_ = "h" + std::to_string(std::min(6, tree_.headingLevel + offset));
    out_.append("<" + headingTag_ + " class=\"");
    out_.append(className);
    out_.append("\">");
  }
  void closeHeading() { out_.append("</" + headingTag_ + ">\n"); }

  void element(std::string_view open, const text::Markdown& markdown, std::string_view close) {
    out_.append(open);
    appendMarkdown(out_, markdown, style_);
    out_.append(close);
  }

  void writeHeader() {
    out_.append("<header class=\"bs-header\">\n");
    if (!tree_.section.empty()) {
      out_.append("<p class=\"bs-section\">");
      appendText(out_, tree_.section);
      out_.append("</p>\n");
    }
    openHeading(0, "bs-headline");
    appendMarkdown(out_, tree_.headline, style_);
    closeHeading();
    if (!tree_.standfirst.empty()) element("<p class=\"bs-standfirst\">", tree_.standfirst, "</p>\n");
    writeByline();
    writeMetaLine();
    if (tree_.leadImage) writeFigure(*tree_.leadImage, "bs-figure bs-lead-image");
    out_.append("</header>\n");
  }

  // "With analysis from A, B and C", each name marked up, joined by the language's list rule.
  void writePeople(std::string_view label, std::string_view className, const std::vector<layout::PersonEntry>& people) {
    out_.append("<span class=\"");
    out_.append(className);
    out_.append("\">");
    appendText(out_, label);
    out_.push_back(' ');
    for (std::size_t i = 0; i < people.size(); ++i) {
      if (i > 0) appendText(out_, i + 1 == people.size() ? tree_.labels->listAnd : std::string_view(", "));
      out_.append("<span class=\"bs-person\">");
      appendText(out_, people[i].displayName);
      out_.append("</span>");
    }
    out_.append("</span>");
  }

  void writeByline() {
    if (tree_.authors.empty() && tree_.analysts.empty()) return;
    out_.append("<p class=\"bs-byline\">");
    if (!tree_.authors.empty()) writePeople(tree_.labels->by, "bs-byline-authors", tree_.authors);
    if (!tree_.authors.empty() && !tree_.analysts.empty()) out_.push_back(' ');
    if (!tree_.analysts.empty()) writePeople(tree_.labels->withAnalysisFrom, "bs-byline-analysts", tree_.analysts);
    out_.append("</p>\n");
  }

  void writeMetaLine() {
    out_.append("<p class=\"bs-meta\">");
    if (!tree_.publishedIso.empty()) {
      out_.append("<time class=\"bs-date\" datetime=\"");
      appendAttribute(out_, tree_.publishedIso);
      out_.append("\">");
      appendText(out_, tree_.publishedText);
      out_.append("</time> ");
    }
    out_.append("<span class=\"bs-reading-time\">");
    appendText(out_, tree_.readingTimeText);
    out_.append("</span></p>\n");
  }

  void writeFigure(const layout::Figure& figure, std::string_view className) {
    const format::Image& image = *figure.image;
    out_.append("<figure class=\"");
    out_.append(className);
    out_.append("\"><img class=\"bs-image\" src=\"");
    appendAttribute(out_, image.src);
    out_.append("\" alt=\"");
    appendAttribute(out_, image.alt);
    out_.append("\"");
    if (image.width > 0 && image.height > 0) {
      out_.append(" width=\"" + std::to_string(image.width) + "\" height=\"" + std::to_string(image.height) + "\"");
    }
    out_.append(" loading=\"lazy\" decoding=\"async\">");
    if (!figure.caption.empty() || !figure.credit.empty()) {
      out_.append("<figcaption class=\"bs-caption\">");
      appendMarkdown(out_, figure.caption, style_);
      if (!figure.credit.empty()) {
        if (!figure.caption.empty()) out_.push_back(' ');
        element("<span class=\"bs-credit\">", figure.credit, "</span>");
      }
      out_.append("</figcaption>");
    }
    out_.append("</figure>\n");
  }

  void writeAttribution(const layout::Attribution& attribution) {
    out_.append("<figcaption class=\"bs-attribution\">\u2014 <span class=\"bs-person\">");
    appendText(out_, attribution.name);
    out_.append("</span>");
    if (!attribution.role.empty()) {
      out_.append(", ");
      appendText(out_, attribution.role);
    }
    out_.append("</figcaption>");
  }

  void writeBody() {
    out_.append("<div class=\"bs-body\">\n");
    for (const BodyItem& item : tree_.body) writeItem(item);
    out_.append("</div>\n");
  }

  void writeItem(const BodyItem& item) {
    switch (item.kind) {
      case BodyItem::Kind::Paragraph:
        if (item.text.flavor() == text::Flavor::Blocks) {
          appendMarkdown(out_, item.text, style_);  // a paragraph split from a Markdown block
        } else {
          element("<p>", item.text, "</p>\n");
        }
        return;
      case BodyItem::Kind::Heading:
        openHeading(item.level - 1, "bs-heading");
        appendMarkdown(out_, item.text, style_);
        closeHeading();
        return;
      case BodyItem::Kind::Quote:
        element("<figure class=\"bs-quote\"><blockquote><p>", item.text, "</p></blockquote>");
        if (!item.attribution.name.empty()) writeAttribution(item.attribution);
        out_.append("</figure>\n");
        return;
      case BodyItem::Kind::PullQuote:
        writePullquote(item);
        return;
      case BodyItem::Kind::List:
        out_.append(item.ordered ? "<ol class=\"bs-list\">\n" : "<ul class=\"bs-list\">\n");
        for (const text::Markdown& entry : item.items) element("<li>", entry, "</li>\n");
        out_.append(item.ordered ? "</ol>\n" : "</ul>\n");
        return;
      case BodyItem::Kind::Figure:
        writeFigure(item.figure, "bs-figure");
        return;
      case BodyItem::Kind::Note:
        element("<aside class=\"bs-callout\"><p>", item.text, "</p></aside>\n");
        return;
      case BodyItem::Kind::Divider:
        out_.append("<hr class=\"bs-divider\">\n");
        return;
      case BodyItem::Kind::Markdown:
        appendMarkdown(out_, item.text, style_);
        return;
    }
  }

  void writePullquote(const BodyItem& item) {
    out_.append("<aside class=\"bs-pullquote ");
    if (!item.floating) {
      out_.append("bs-pullquote--anchored");
    } else {
      out_.append(item.side == layout::Side::Start ? "bs-pullquote--floating bs-pullquote--start"
                                                   : "bs-pullquote--floating bs-pullquote--end");
    }
    // Words repeated from the body would be read twice by a screen reader.
    out_.append(item.repeatsBody ? "\" aria-hidden=\"true\">" : "\">");
    element("<p class=\"bs-pullquote-text\">", item.text, "</p>");
    if (!item.attribution.name.empty()) {
      out_.append("<p class=\"bs-pullquote-by\">");
      appendText(out_, item.attribution.name);
      out_.append("</p>");
    }
    out_.append("</aside>\n");
  }

  void writeNote() {
    if (tree_.note.empty()) return;
    out_.append("<aside class=\"bs-note\">");
    openHeading(1, "bs-note-label");
    appendText(out_, tree_.labels->editorsNote);
    closeHeading();
    element("<p>", tree_.note, "</p></aside>\n");
  }

  void writeFooter() {
    out_.append("<footer class=\"bs-footer\">\n");
    writeAnalystPanel();
    if (!tree_.tags.empty()) {
      out_.append("<ul class=\"bs-tags\" aria-label=\"");
      appendAttribute(out_, tree_.labels->tags);
      out_.append("\">");
      for (const std::string& tag : tree_.tags) {
        out_.append("<li class=\"bs-tag\">");
        appendText(out_, tag);
        out_.append("</li>");
      }
      out_.append("</ul>\n");
    }
    if (tree_.callToAction) {
      out_.append("<p class=\"bs-cta-wrap\"><a class=\"bs-cta\" href=\"");
      appendAttribute(out_, tree_.callToAction->url);
      out_.append("\">");
      appendText(out_, tree_.callToAction->label);
      out_.append("</a></p>\n");
    }
    if (tree_.publisher) writePublisher(*tree_.publisher);
    out_.append("</footer>\n");
  }

  void writeAnalystPanel() {
    if (tree_.analysts.empty()) return;
    out_.append("<section class=\"bs-analysts\" aria-label=\"");
    appendAttribute(out_, tree_.labels->analysts);
    out_.append("\">");
    openHeading(1, "bs-analysts-title");
    appendText(out_, tree_.labels->analysts);
    closeHeading();
    out_.append("<ul class=\"bs-analyst-list\">\n");
    for (const auto& entry : tree_.analysts) {
      const format::Person& analyst = *entry.person;
      out_.append("<li class=\"bs-analyst\"><span class=\"bs-analyst-name\">");
      if (!analyst.url.empty()) {
        out_.append("<a href=\"");
        appendAttribute(out_, analyst.url);
        out_.append("\">");
      }
      appendText(out_, entry.displayName);
      if (!analyst.url.empty()) out_.append("</a>");
      out_.append("</span>");
      for (const auto& [value, className] : {std::pair<const std::string&, std::string_view>{analyst.role, "bs-analyst-role"},
                                             {analyst.affiliation, "bs-analyst-affiliation"}}) {
        if (value.empty()) continue;
        out_.append(" <span class=\"");
        out_.append(className);
        out_.append("\">");
        appendText(out_, value);
        out_.append("</span>");
      }
      out_.append("</li>\n");
    }
    out_.append("</ul></section>\n");
  }

  void writePublisher(const format::Link& publisher) {
    out_.append("<p class=\"bs-publisher\">");
    appendText(out_, tree_.labels->publishedBy);
    out_.push_back(' ');
    if (!publisher.url.empty()) {
      out_.append("<a href=\"");
      appendAttribute(out_, publisher.url);
      out_.append("\">");
    }
    appendText(out_, publisher.label);
    if (!publisher.url.empty()) out_.append("</a>");
    out_.append("</p>\n");
  }

  std::string& out_;
  const LayoutTree& tree_;
  TextStyle style_;
  std::string headingTag_;
};

void appendJsonLdMember(std::string& out, std::string_view key, std::string_view value) {
  if (value.empty()) return;
  out.append(",\"");
  out.append(key);
  out.append("\":\"");
  appendScriptJsonString(out, value);
  out.push_back('"');
}

void appendJsonLd(std::string& out, const format::Article& article, const Meta& meta) {
  out.append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\"");
  appendJsonLdMember(out, "headline", meta.headline);
  appendJsonLdMember(out, "inLanguage", meta.lang);
  appendJsonLdMember(out, "datePublished", article.published);
  appendJsonLdMember(out, "dateModified", article.updated);
  appendJsonLdMember(out, "url", article.canonicalUrl);
  if (!article.authors.empty()) {
    out.append(",\"author\":[");
    for (std::size_t i = 0; i < article.authors.size(); ++i) {
      out.append(i ? ",{\"@type\":\"Person\",\"name\":\"" : "{\"@type\":\"Person\",\"name\":\"");
      appendScriptJsonString(out, article.authors[i].name);
      out.append("\"}");
    }
    out.push_back(']');
  }
  if (article.publisher) {
    out.append(",\"publisher\":{\"@type\":\"Organization\",\"name\":\"");
    appendScriptJsonString(out, article.publisher->label);
    out.append("\"}");
  }
  out.append("}</script>\n");
}

}  // namespace

void appendArticle(std::string& out, const LayoutTree& tree) { ArticleWriter(out, tree).write(); }

void appendStandaloneDocument(std::string& out, const LayoutTree& tree, const format::Article& article, const Meta& meta) {
  out.append("<!DOCTYPE html>\n<html lang=\"");
  appendAttribute(out, tree.lang);
  out.append("\" dir=\"");
  appendAttribute(out, tree.dir);
  out.append("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
  appendText(out, meta.headline);
  out.append("</title>\n");
  if (!article.canonicalUrl.empty()) {
    out.append("<link rel=\"canonical\" href=\"");
    appendAttribute(out, article.canonicalUrl);
    out.append("\">\n");
  }
  appendJsonLd(out, article, meta);
  out.append("<style>\n");
  out.append(stylesheet());
  out.append("</style>\n</head>\n<body>\n");
  appendArticle(out, tree);
  out.append("</body>\n</html>\n");
}

}  // namespace broadsheet::html
