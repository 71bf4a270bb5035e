#include "html/emit.hpp"

#include <algorithm>

#include "broadsheet_core_variant.hpp"
#include "html/emit_embed.hpp"
#include "html/emit_table.hpp"
#include "html/escape.hpp"
#include "html/markdown_html.hpp"
#include "html/parts.hpp"
#include "html/standalone_page.hpp"
#include "policy/url_policy.hpp"

namespace broadsheet::html {

// Literals appended with their lengths: append(const char*) calls strlen in libc++'s library code.
using namespace std::string_view_literals;
namespace {

using layout::BodyItem;
using layout::LayoutTree;

// A date from the document (ISO 8601 as docs/format.md accepts it) as an HTML `datetime` value,
// which is stricter: upper-case "T" and "Z", at most three digits of a second's fraction, and no leap
// second. A time HTML cannot express (second 60) leaves the date alone, which is what the reader sees.
std::string htmlDateTime(std::string_view iso) {
  std::string value(iso.substr(0, 10));
  if (iso.size() <= 16) {  // a date, or a date and hh:mm
    if (iso.size() == 16) value.append("T"sv).append(iso.substr(11, 5));
    return value;
  }
  std::size_t i = 16;
  std::string time(iso.substr(11, 5));
  if (iso[i] == ':') {
    if (iso.substr(i + 1, 2) == "60") return value;
    time.append(iso.substr(i, 3));
    i += 3;
    if (i < iso.size() && iso[i] == '.') {
      std::size_t end = i + 1;
      while (end < iso.size() && iso[end] >= '0' && iso[end] <= '9') ++end;
      time.append(iso.substr(i, std::min<std::size_t>(end - i, 4)));
      i = end;
    }
  }
  const std::string_view zone = iso.substr(i);
  return value.append("T"sv).append(time).append(zone == "z" ? std::string_view("Z") : zone);
}

class ArticleWriter {
 public:
  ArticleWriter(std::string& out, LayoutTree& tree, OutputBudget budget) : out_(out), tree_(tree), budget_(budget) {
    style_.openQuote = tree.wording.openQuote;
    style_.closeQuote = tree.wording.closeQuote;
    style_.innerOpenQuote = tree.wording.innerOpenQuote;
    style_.innerCloseQuote = tree.wording.innerCloseQuote;
    style_.parts = tree.parts;
    style_.urls = &tree.urls;
    style_.idPrefix = tree.idPrefix;
  }

  void write() {
    startTag("article", "bs-article");
    out_.append(" lang=\""sv);
    appendAttribute(out_, tree_.lang);
    out_.append("\" dir=\""sv);
    appendAttribute(out_, tree_.dir);
    out_.append("\" data-theme=\""sv);
    out_.append(tree_.theme == Theme::Dark ? "dark" : tree_.theme == Theme::Light ? "light" : "auto");
    out_.append("\">\n"sv);
    writeHeader();
    if (writeBody()) {
      if constexpr (kFullCore) {
        writeFootnotes();
        writeSources();
      }
      writeCorrections();
      writeNote();
      writeFooter();
    }
    out_.append("</article>\n"sv);
  }

 private:
  // <h{level} class="...">, at the level the layout gave it.
  void openHeading(int level, std::string_view className) {
    headingTag_ = "h" + std::to_string(level);
    openTag(headingTag_, className);
  }

  // `<tag class="classes"`, with the classes' part names when the tree asks for them; the caller
  // adds any other attributes and ends the tag.
  void startTag(std::string_view tag, std::string_view classes) { appendStartTag(out_, tag, classes, tree_.parts); }
  void openTag(std::string_view tag, std::string_view classes) {
    startTag(tag, classes);
    out_.push_back('>');
  }

  // A plain-text value of the article inside our running text (a name, a role, a tag): isolated, so
  // its direction neither takes from nor spills into the words around it, whichever script each is in.
  void appendIsolated(std::string_view value) {
    out_.append("<bdi>"sv);
    appendText(out_, value);
    out_.append("</bdi>"sv);
  }

  // ` lang="…" dir="…"` (each when set) and the end of the start tag.
  void appendLanguage(std::string_view lang, std::string_view dir) {
    if (!lang.empty()) {
      out_.append(" lang=\""sv);
      appendAttribute(out_, lang);
      out_.push_back('"');
    }
    if (!dir.empty()) {
      out_.append(" dir=\""sv);
      appendAttribute(out_, dir);
      out_.push_back('"');
    }
    out_.push_back('>');
  }

  // The item's own language; the article's (no lang, dir or marks of its own) when it has none.
  const layout::BlockLanguage& languageOf(const BodyItem& item) const {
    static const layout::BlockLanguage kArticles;
    return item.language < tree_.languages.size() ? tree_.languages[item.language] : kArticles;
  }

  // A body item's own lang and dir, and the end of its start tag.
  void appendLanguage(const BodyItem& item) {
    const layout::BlockLanguage& language = languageOf(item);
    appendLanguage(language.lang, language.dir);
  }

  // The language switcher: a link per other language version, named in its own language.
  void writeTranslations() {
    if (tree_.translations.empty()) return;
    startTag("nav", "bs-translations");
    out_.append(" aria-label=\""sv);
    appendAttribute(out_, tree_.translationsLabel);
    // The visible label repeats the navigation's name, which screen readers already announce.
    out_.append("\"><span class=\"bs-translations-label\" aria-hidden=\"true\">"sv);
    appendText(out_, tree_.translationsLabel);
    out_.append("</span> <ul class=\"bs-translation-list\">"sv);
    for (const layout::TranslationLink& version : tree_.translations) {
      out_.append("<li><a class=\"bs-translation\" href=\""sv);
      appendAttribute(out_, version.url);
      // rel="alternate" with hreflang: HTML's way of saying "this page in another language".
      out_.append("\" rel=\"alternate\" hreflang=\""sv);
      appendAttribute(out_, version.lang);
      out_.push_back('"');
      appendLanguage(version.lang, version.dir);
      appendText(out_, version.name);
      out_.append("</a></li>"sv);
    }
    out_.append("</ul></nav>\n"sv);
  }

  void closeHeading() { out_.append("</" + headingTag_ + ">\n"); }

  void element(std::string_view open, const text::Markdown& markdown, std::string_view close) {
    out_.append(open);
    appendMarkdown(out_, markdown, style_);
    out_.append(close);
  }

  void writeHeader() {
    openTag("header", "bs-header");
    out_.push_back('\n');
    if (!tree_.section.empty()) {
      openTag("p", "bs-section");
      appendIsolated(tree_.section);
      out_.append("</p>\n"sv);
    }
    headingTag_ = "h" + std::to_string(tree_.headlineLevel);
    startTag(headingTag_, "bs-headline");
    appendLanguage("", tree_.headlineDir);
    appendMarkdown(out_, tree_.headline, style_);
    closeHeading();
    if (!tree_.standfirst.empty()) {
      startTag("p", "bs-standfirst");
      appendLanguage("", tree_.standfirstDir);
      appendMarkdown(out_, tree_.standfirst, style_);
      out_.append("</p>\n"sv);
    }
    writeByline();
    writeMetaLine();
    writeTranslations();
    if (tree_.leadImage) writeFigure(*tree_.leadImage, "bs-figure bs-lead-image");
    out_.append("</header>\n"sv);
  }

  // "With analysis from A, B and C": the label, then each name with what the list puts before it.
  void writePeople(std::string_view className, const layout::PeopleList& list) {
    openTag("span", className);
    appendText(out_, list.label);
    out_.push_back(' ');
    for (const layout::PersonEntry& person : list.people) {
      appendText(out_, person.separatorBefore);
      openTag("span", "bs-person");
      appendName(person);
      out_.append("</span>"sv);
      writeBylineDetails(person);
    }
    out_.append("</span>"sv);
  }

  // The name, a link when it has a URL.
  void appendName(const layout::PersonEntry& person) {
    if (!person.url.empty()) {
      out_.append("<a href=\""sv);
      appendAttribute(out_, person.url);
      out_.append("\">"sv);
    }
    appendIsolated(person.name);
    if (!person.url.empty()) out_.append("</a>"sv);
  }

  // ", data editor, NBCentralAsia" after a name in the byline.
  void writeBylineDetails(const layout::PersonEntry& person) {
    if (person.role.empty() && person.affiliation.empty()) return;
    openTag("span", "bs-byline-role");
    for (const std::string* detail : {&person.role, &person.affiliation}) {
      if (detail->empty()) continue;
      appendText(out_, tree_.wording.roleSeparator);
      appendIsolated(*detail);
    }
    out_.append("</span>"sv);
  }

  void writeByline() {
    const bool authors = !tree_.bylineAuthors.people.empty();
    const bool analysts = !tree_.bylineAnalysts.people.empty();
    if (!authors && !analysts) return;
    openTag("p", "bs-byline");
    if (authors) writePeople("bs-byline-authors", tree_.bylineAuthors);
    if (authors && analysts) out_.push_back(' ');
    if (analysts) writePeople("bs-byline-analysts", tree_.bylineAnalysts);
    out_.append("</p>\n"sv);
  }

  void writeMetaLine() {
    openTag("p", "bs-meta");
    if (!tree_.publishedIso.empty()) {
      startTag("time", "bs-date");
      out_.append(" datetime=\""sv);
      appendAttribute(out_, htmlDateTime(tree_.publishedIso));
      out_.append("\">"sv);
      appendText(out_, tree_.publishedText);
      out_.append("</time> "sv);
    }
    if (!tree_.updatedIso.empty()) {
      openTag("span", "bs-updated");
      appendText(out_, tree_.wording.updated);
      out_.append(" <time datetime=\""sv);
      appendAttribute(out_, htmlDateTime(tree_.updatedIso));
      out_.append("\">"sv);
      appendText(out_, tree_.updatedText);
      out_.append("</time></span> "sv);
    }
    openTag("span", "bs-reading-time");
    appendText(out_, tree_.readingTimeText);
    out_.append("</span></p>\n"sv);
  }

  void writeFigure(const layout::Figure& figure, std::string_view className, const BodyItem* item = nullptr) {
    startTag("figure", className);
    if (item) {
      appendLanguage(*item);
    } else {
      out_.push_back('>');
    }
    writeImage(figure.image);
    writeCaption(figure.caption, figure.credit, "bs-caption");
    out_.append("</figure>\n"sv);
  }

  void writeImage(const layout::Image& image) {
    startTag("img", "bs-image");
    out_.append(" src=\""sv);
    appendAttribute(out_, image.src);
    out_.append("\" alt=\""sv);
    appendAttribute(out_, image.alt);
    out_.append("\""sv);
    if (!image.srcset.empty()) {
      out_.append(" srcset=\""sv);
      appendAttribute(out_, image.srcset);
      out_.append("\" sizes=\""sv);
      appendAttribute(out_, image.sizes);
      out_.append("\""sv);
    }
    if (image.width > 0 && image.height > 0) {
      out_.append(" width=\"" + std::to_string(image.width) + "\" height=\"" + std::to_string(image.height) + "\"");
    }
    appendReferrerPolicy(out_, tree_.urls);
    out_.append(image.lead ? " loading=\"eager\" fetchpriority=\"high\">" : " loading=\"lazy\" decoding=\"async\">");
  }

  void writeCaption(const text::Markdown& caption, const text::Markdown& credit, std::string_view className) {
    if (caption.empty() && credit.empty()) return;
    openTag("figcaption", className);
    appendMarkdown(out_, caption, style_);
    if (!credit.empty()) {
      if (!caption.empty()) out_.push_back(' ');
      openTag("span", "bs-credit");
      element("", credit, "</span>");
    }
    out_.append("</figcaption>"sv);
  }

  // A group of figures (docs/markup.md, "Galleries"): a list, so readers hear how many there are.
  void writeGallery(const BodyItem& item) {
    openItem("figure", "bs-gallery", item);
    openTag("ul", "bs-gallery-list");
    out_.push_back('\n');
    for (const layout::Figure& figure : item.gallery->items) {
      out_.append("<li>"sv);
      writeFigure(figure, "bs-figure bs-gallery-item");
      out_.pop_back();  // the figure's line break: the item ends on its line
      out_.append("</li>\n"sv);
    }
    out_.append("</ul>"sv);
    writeCaption(item.gallery->caption, item.gallery->credit, "bs-caption bs-gallery-caption");
    out_.append("</figure>\n"sv);
  }

  void writeAttribution(const layout::Attribution& attribution) {
    openTag("figcaption", "bs-attribution");
    out_.append("\u2014 "sv);
    openTag("span", "bs-person");
    appendIsolated(attribution.name);
    out_.append("</span>"sv);
    if (!attribution.role.empty()) {
      appendText(out_, tree_.wording.roleSeparator);
      appendIsolated(attribution.role);
    }
    out_.append("</figcaption>"sv);
  }

  // False when the output budget ran out.
  bool writeBody() {
    openTag("div", "bs-body");
    out_.push_back('\n');
    bool withinBudget = true;
    for (BodyItem& item : tree_.body) {
      // One comparison per item; an item's own HTML is bounded by its text (limits.maxStringBytes).
      if (out_.size() > budget_.maxBytes) {
        withinBudget = false;
        budget_.sink.error(format::code::Limit, "",
                           "The HTML grew past " + std::to_string(budget_.maxBytes) +
                               " bytes (limits.maxOutputBytes), so the rest of the article is left out.");
        break;
      }
      if (const auto& marks = languageOf(item).quoteMarks) {
        // A block in another language quotes with its own marks.
        const TextStyle articleStyle = style_;
        style_.openQuote = marks->open;
        style_.closeQuote = marks->close;
        style_.innerOpenQuote = marks->innerOpen;
        style_.innerCloseQuote = marks->innerClose;
        writeItem(item);
        style_ = articleStyle;
      } else {
        writeItem(item);
      }
      item = BodyItem();  // its trees are not needed again: a long article's trees and HTML are not all held at once
    }
    out_.append("</div>\n"sv);
    return withinBudget;
  }

  // The item's element: `<tag class="classes"` with its lang and dir, and the end of the start tag.
  void openItem(std::string_view tag, std::string_view classes, const BodyItem& item) {
    startTag(tag, classes);
    appendLanguage(item);
  }

  void writeItem(const BodyItem& item) {
    switch (item.kind) {
      case BodyItem::Kind::Paragraph:
        if (item.text.flavor() == text::Flavor::Blocks) {
          writeMarkdownItem(item);  // a paragraph split from a Markdown block
        } else {
          out_.append("<p"sv);
          appendLanguage(item);
          element("", item.text, "</p>\n");
        }
        return;
      case BodyItem::Kind::Heading:
        headingTag_ = "h" + std::to_string(item.heading.element);
        openItem(headingTag_, "bs-heading bs-heading--" + std::to_string(item.heading.authored), item);
        appendMarkdown(out_, item.text, style_);
        closeHeading();
        return;
      case BodyItem::Kind::Quote:
        openItem("figure", "bs-quote", item);
        element("<blockquote><p>", item.text, "</p></blockquote>");
        if (!item.attribution.name.empty()) writeAttribution(item.attribution);
        out_.append("</figure>\n"sv);
        return;
      case BodyItem::Kind::PullQuote: writePullquote(item); return;
      case BodyItem::Kind::List:
        openItem(item.ordered ? "ol" : "ul", "bs-list", item);
        out_.push_back('\n');
        for (const text::Markdown& entry : item.items) element("<li>", entry, "</li>\n");
        out_.append(item.ordered ? "</ol>\n" : "</ul>\n");
        return;
      case BodyItem::Kind::Figure: writeFigure(*item.figure, "bs-figure", &item); return;
      case BodyItem::Kind::Gallery:
        if constexpr (kFullCore) writeGallery(item);  // the lite core's layout makes no rich items
        return;
      case BodyItem::Kind::Note:
        openItem("aside", "bs-callout", item);
        element("<p>", item.text, "</p></aside>\n");
        return;
      case BodyItem::Kind::Divider:
        openItem("hr", "bs-divider", item);
        out_.push_back('\n');
        return;
      case BodyItem::Kind::Markdown: writeMarkdownItem(item); return;
      case BodyItem::Kind::Embed:
        if constexpr (kFullCore) writeEmbed(item);
        return;
      case BodyItem::Kind::Table:
        if constexpr (kFullCore) appendTable(out_, *item.table, style_, languageOf(item).lang, languageOf(item).dir);
        return;
    }
  }

  // The box, then a caption that always holds the link to the original (docs/markup.md, "Embeds").
  void writeEmbed(const BodyItem& item) {
    const layout::EmbedBox& box = tree_.embeds[item.embed];
    openItem("figure", embedClasses(box), item);
    appendEmbedBox(out_, box, tree_.parts);
    openTag("figcaption", "bs-embed-caption");
    if (!box.caption.empty()) {
      appendMarkdown(out_, box.caption, style_);
      out_.push_back(' ');
    }
    appendEmbedLink(out_, box, tree_.urls.otherSiteRel, tree_.parts);
    out_.append("</figcaption></figure>\n"sv);
  }

  // Markdown's blocks each carry the item's lang and dir.
  void writeMarkdownItem(const BodyItem& item) {
    TextStyle withHeadings = style_;
    withHeadings.headings = &item.textHeadings;
    withHeadings.lang = languageOf(item).lang;
    withHeadings.dir = languageOf(item).dir;
    appendMarkdown(out_, item.text, withHeadings);
  }

  void appendTitleId(std::string_view before, std::string_view name) {
    out_.append(before);
    appendAttribute(out_, tree_.idPrefix);
    out_.append(name);
    out_.append("-title"sv);
  }

  // A section labelled by its heading, which carries the id `<prefix><name>-title`.
  void openLabelledSection(std::string_view classes, std::string_view titleClass, std::string_view role,
                           std::string_view name, int level, std::string_view label) {
    startTag("section", classes);
    if (!role.empty()) {
      out_.append(" role=\""sv);
      out_.append(role);
      out_.push_back('"');
    }
    appendTitleId(" aria-labelledby=\"", name);
    out_.append("\">\n"sv);
    headingTag_ = "h" + std::to_string(level);
    startTag(headingTag_, titleClass);
    appendTitleId(" id=\"", name);
    out_.append("\">"sv);
    appendText(out_, label);
    closeHeading();
  }

  // `before` then the id "<prefix><kind><number>" ("-<occurrence>" when not 0), unquoted at the end.
  void appendNoteId(std::string_view before, std::string_view kind, std::size_t number, std::size_t occurrence) {
    out_.append(before);
    appendAttribute(out_, tree_.idPrefix);
    out_.append(kind);
    out_.append(std::to_string(number));
    if (occurrence == 0) return;
    out_.push_back('-');
    out_.append(std::to_string(occurrence));
  }

  // The notes after the body (docs/markup.md, "Footnotes"): each with a back-link per reference.
  void writeFootnotes() {
    if (tree_.footnotes.empty()) return;
    openLabelledSection("bs-footnotes", "bs-footnotes-title", "doc-endnotes", "notes", tree_.footnotesLevel,
                        tree_.footnotesLabel);
    openTag("ol", "bs-footnotes-list");
    out_.push_back('\n');
    for (const layout::FootnoteEntry& note : tree_.footnotes) {
      startTag("li", "bs-footnote");
      appendNoteId(" id=\"", "fn-", note.number, 0);
      out_.append("\">"sv);
      appendMarkdown(out_, note.text, style_);
      for (std::size_t k = 1; k <= note.backLabels.size(); ++k) {
        out_.push_back(' ');
        startTag("a", "bs-footnote-back");
        appendNoteId(" href=\"#", "fnref-", note.number, k);
        out_.append("\" role=\"doc-backlink\" aria-label=\""sv);
        appendAttribute(out_, note.backLabels[k - 1]);
        // U+21A9 with U+FE0E: the arrow as text, never an emoji; a no-break space keeps the number by it.
        out_.append("\">\u21A9\uFE0E\u00A0"sv);
        appendText(out_, note.backTexts[k - 1]);
        out_.append("</a>"sv);
      }
      out_.append("</li>\n"sv);
    }
    out_.append("</ol>\n</section>\n"sv);
  }

  // The sources the article cites, after the notes: each a cited title linked to the source.
  void writeSources() {
    if (tree_.sources.empty()) return;
    openLabelledSection("bs-sources", "bs-sources-title", "", "sources", tree_.sourcesLevel, tree_.sourcesLabel);
    openTag("ul", "bs-sources-list");
    out_.push_back('\n');
    for (const layout::SourceEntry& source : tree_.sources) {
      openTag("li", "bs-source");
      openTag("cite", "bs-source-title");
      out_.append("<a href=\""sv);
      appendAttribute(out_, source.url);
      if (!source.rel.empty()) {
        out_.append("\" rel=\""sv);
        appendAttribute(out_, source.rel);
      }
      out_.append("\">"sv);
      appendIsolated(source.title);
      out_.append("</a></cite>"sv);
      if (!source.publisher.empty()) {
        appendText(out_, source.publisherBefore);
        openTag("span", "bs-source-publisher");
        appendIsolated(source.publisher);
        out_.append("</span>"sv);
      }
      if (!source.dateText.empty()) {
        appendText(out_, source.dateBefore);
        startTag("time", "bs-source-date");
        out_.append(" datetime=\""sv);
        appendAttribute(out_, htmlDateTime(source.dateIso));
        out_.append("\">"sv);
        appendText(out_, source.dateText);
        out_.append("</time>"sv);
      }
      out_.append("</li>\n"sv);
    }
    out_.append("</ul>\n</section>\n"sv);
  }

  // Corrections and updates after the body: each a section under its label and date.
  void writeCorrections() {
    if (tree_.corrections.empty()) return;
    openTag("div", "bs-corrections");
    out_.push_back('\n');
    for (const layout::CorrectionEntry& entry : tree_.corrections) {
      openTag("section",
              entry.update ? "bs-correction bs-correction--update" : "bs-correction bs-correction--correction");
      openHeading(tree_.correctionLevel, "bs-correction-title");
      out_.append("<span class=\"bs-correction-label\">"sv);
      appendText(out_, entry.label);
      out_.append("</span>"sv);
      if (!entry.dateText.empty()) {
        out_.append(" <time class=\"bs-correction-date\" datetime=\""sv);
        appendAttribute(out_, htmlDateTime(entry.dateIso));
        out_.append("\">"sv);
        appendText(out_, entry.dateText);
        out_.append("</time>"sv);
      }
      closeHeading();
      element("<p>", entry.text, "</p></section>\n");
    }
    out_.append("</div>\n"sv);
  }

  void writePullquote(const BodyItem& item) {
    startTag("aside", !item.floating                     ? "bs-pullquote bs-pullquote--anchored"
                      : item.side == layout::Side::Start ? "bs-pullquote bs-pullquote--floating bs-pullquote--start"
                                                         : "bs-pullquote bs-pullquote--floating bs-pullquote--end");
    // Words repeated from the body would be read twice by a screen reader.
    if (item.repeatsBody) out_.append(" aria-hidden=\"true\""sv);
    appendLanguage(item);
    // No links: a pull quote repeats the body, and a focusable link inside hidden text misleads.
    TextStyle withoutLinks = style_;
    withoutLinks.links = false;
    openTag("p", "bs-pullquote-text");
    appendMarkdown(out_, item.text, withoutLinks);
    out_.append("</p>"sv);
    if (!item.attribution.name.empty()) {
      openTag("p", "bs-pullquote-by");
      appendIsolated(item.attribution.name);
      out_.append("</p>"sv);
    }
    out_.append("</aside>\n"sv);
  }

  void writeNote() {
    if (tree_.note.empty()) return;
    openTag("aside", "bs-note");
    openHeading(tree_.noteLabelLevel, "bs-note-label");
    appendText(out_, tree_.wording.editorsNote);
    closeHeading();
    element("<p>", tree_.note, "</p></aside>\n");
  }

  void writeFooter() {
    openTag("footer", "bs-footer");
    out_.push_back('\n');
    writeAnalystPanel();
    if (!tree_.tags.empty()) {
      startTag("ul", "bs-tags");
      out_.append(" aria-label=\""sv);
      appendAttribute(out_, tree_.wording.tags);
      out_.append("\">"sv);
      for (const std::string& tag : tree_.tags) {
        openTag("li", "bs-tag");
        appendIsolated(tag);
        out_.append("</li>"sv);
      }
      out_.append("</ul>\n"sv);
    }
    if (tree_.callToAction) {
      openTag("p", "bs-cta-wrap");
      startTag("a", "bs-cta");
      out_.append(" href=\""sv);
      appendAttribute(out_, tree_.callToAction->url);
      out_.append("\">"sv);
      appendIsolated(tree_.callToAction->label);
      out_.append("</a></p>\n"sv);
    }
    if (tree_.publisher) writePublisher(*tree_.publisher);
    if (tree_.provenance) writeProvenance(*tree_.provenance);
    out_.append("</footer>\n"sv);
  }

  void writeAnalystPanel() {
    const layout::PeopleList& panel = tree_.analystPanel;
    if (panel.people.empty()) return;
    startTag("section", "bs-analysts");
    out_.append(" aria-label=\""sv);
    appendAttribute(out_, panel.label);
    out_.append("\">"sv);
    openHeading(tree_.analystPanelLevel, "bs-analysts-title");
    appendText(out_, panel.label);
    closeHeading();
    openTag("ul", "bs-analyst-list");
    out_.push_back('\n');
    for (const layout::PersonEntry& analyst : panel.people) {
      openTag("li", "bs-analyst");
      openTag("span", "bs-analyst-name");
      appendName(analyst);
      out_.append("</span>"sv);
      for (const auto& [value, className] :
           {std::pair<const std::string&, std::string_view>{analyst.role, "bs-analyst-role"},
            {analyst.affiliation, "bs-analyst-affiliation"}}) {
        if (value.empty()) continue;
        out_.push_back(' ');
        openTag("span", className);
        appendIsolated(value);
        out_.append("</span>"sv);
      }
      out_.append("</li>\n"sv);
    }
    out_.append("</ul></section>\n"sv);
  }

  void writePublisher(const layout::Link& publisher) {
    openTag("p", "bs-publisher");
    appendText(out_, tree_.wording.publishedBy);
    out_.push_back(' ');
    if (!publisher.url.empty()) {
      out_.append("<a href=\""sv);
      appendAttribute(out_, publisher.url);
      out_.append("\">"sv);
    }
    appendIsolated(publisher.label);
    if (!publisher.url.empty()) out_.append("</a>"sv);
    out_.append("</p>\n"sv);
  }

  // "First published by <a>Source</a>. Republished under <a rel="license">CC BY-ND 4.0</a>."
  void writeProvenance(const layout::Provenance& line) {
    openTag("p", "bs-provenance");
    openTag("span", "bs-provenance-source");
    appendText(out_, line.sourceBefore);
    appendLink(line.source, "");
    appendText(out_, line.sourceAfter);
    out_.append("</span>"sv);
    if (line.license) {
      out_.push_back(' ');
      openTag("span", "bs-provenance-license");
      appendText(out_, line.licenseBefore);
      appendLink(*line.license, " rel=\"license\"");
      appendText(out_, line.licenseAfter);
      out_.append("</span>"sv);
    }
    if (!line.attribution.empty()) {
      out_.push_back(' ');
      openTag("span", "bs-provenance-attribution");
      appendIsolated(line.attribution);
      out_.append("</span>"sv);
    }
    out_.append("</p>\n"sv);
  }

  // The label, isolated, inside a link when it has a URL.
  void appendLink(const layout::Link& link, std::string_view attributes) {
    if (!link.url.empty()) {
      out_.append("<a href=\""sv);
      appendAttribute(out_, link.url);
      out_.append("\""sv);
      out_.append(attributes);
      out_.push_back('>');
    }
    appendIsolated(link.label);
    if (!link.url.empty()) out_.append("</a>"sv);
  }

  std::string& out_;
  LayoutTree& tree_;
  OutputBudget budget_;
  TextStyle style_;
  std::string headingTag_;
};

void appendJsonLdMember(std::string& out, std::string_view key, std::string_view value) {
  if (value.empty()) return;
  out.append(",\""sv);
  out.append(key);
  out.append("\":\""sv);
  appendScriptJsonString(out, value);
  out.push_back('"');
}

// {"@type":"Person","name":…,"jobTitle":…,"url":…}
void appendJsonLdPeople(std::string& out, std::string_view key, const std::vector<layout::PersonFacts>& people) {
  if (people.empty()) return;
  out.append(",\""sv);
  out.append(key);
  out.append("\":["sv);
  for (std::size_t i = 0; i < people.size(); ++i) {
    out.append(i ? ",{\"@type\":\"Person\"" : "{\"@type\":\"Person\"");
    appendJsonLdMember(out, "name", people[i].name);
    appendJsonLdMember(out, "honorificPrefix", people[i].honorificPrefix);
    appendJsonLdMember(out, "jobTitle", people[i].jobTitle);
    appendJsonLdMember(out, "url", people[i].url);
    out.push_back('}');
  }
  out.push_back(']');
}

// {"@type":"NewsArticle","url":…,"inLanguage":…,"headline":…}: another language version.
void appendJsonLdTranslation(std::string& out, const layout::TranslationLink& version) {
  out.append("{\"@type\":\"NewsArticle\""sv);
  appendJsonLdMember(out, "url", version.url);
  appendJsonLdMember(out, "inLanguage", version.lang);
  appendJsonLdMember(out, "headline", version.headline);
  out.push_back('}');
}

void appendJsonLdTranslations(std::string& out, std::string_view key,
                              const std::vector<layout::TranslationLink>& versions) {
  if (versions.empty()) return;
  out.append(",\""sv);
  out.append(key);
  out.append("\":["sv);
  for (std::size_t i = 0; i < versions.size(); ++i) {
    if (i) out.push_back(',');
    appendJsonLdTranslation(out, versions[i]);
  }
  out.push_back(']');
}

// schema.org NewsArticle. Every string goes through appendScriptJsonString, which escapes '<', '>',
// '&', U+2028 and U+2029, so nothing in the document can close the script element.
void appendJsonLd(std::string& out, const layout::ArticleFacts& facts) {
  out.append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\""sv);
  appendJsonLdMember(out, "headline", facts.headline);
  appendJsonLdMember(out, "description", facts.description);
  appendJsonLdMember(out, "inLanguage", facts.inLanguage);
  appendJsonLdMember(out, "datePublished", facts.datePublished);
  appendJsonLdMember(out, "dateModified", facts.dateModified);
  appendJsonLdMember(out, "url", facts.url);
  appendJsonLdMember(out, "mainEntityOfPage", facts.url);
  appendJsonLdMember(out, "articleSection", facts.articleSection);
  appendJsonLdMember(out, "image", facts.image);
  appendJsonLdMember(out, "keywords", facts.keywords);
  out.append(",\"wordCount\":" + std::to_string(facts.wordCount));
  appendJsonLdPeople(out, "author", facts.authors);
  appendJsonLdPeople(out, "contributor", facts.contributors);
  if (facts.publisher) {
    out.append(",\"publisher\":{\"@type\":\"Organization\""sv);
    appendJsonLdMember(out, "name", facts.publisher->label);
    appendJsonLdMember(out, "url", facts.publisher->url);
    out.push_back('}');
  }
  if (!facts.isBasedOn.empty()) {
    out.append(",\"isBasedOn\":{\"@type\":\"NewsArticle\""sv);
    appendJsonLdMember(out, "url", facts.isBasedOn);
    appendJsonLdMember(out, "datePublished", facts.basedOnPublished);
    out.push_back('}');
  }
  appendJsonLdMember(out, "license", facts.license);
  if (facts.source) {
    for (std::string_view key : {"copyrightHolder", "sourceOrganization"}) {
      out.append(",\""sv);
      out.append(key);
      out.append("\":{\"@type\":\"Organization\""sv);
      appendJsonLdMember(out, "name", facts.source->name);
      appendJsonLdMember(out, "url", facts.source->url);
      appendJsonLdMember(out, "logo", facts.source->logo);
      out.push_back('}');
    }
  }
  appendJsonLdTranslations(out, "workTranslation", facts.translations);
  if (facts.translationOf) {
    out.append(",\"translationOfWork\":"sv);
    appendJsonLdTranslation(out, *facts.translationOf);
  }
  if (!facts.corrections.empty()) {
    out.append(",\"correction\":["sv);
    for (std::size_t i = 0; i < facts.corrections.size(); ++i) {
      out.append(i ? ",{\"@type\":\"CorrectionComment\"" : "{\"@type\":\"CorrectionComment\"");
      appendJsonLdMember(out, "text", facts.corrections[i].second);
      appendJsonLdMember(out, "datePublished", facts.corrections[i].first);
      out.push_back('}');
    }
    out.push_back(']');
  }
  if (!facts.citations.empty()) {
    out.append(",\"citation\":["sv);
    for (std::size_t i = 0; i < facts.citations.size(); ++i) {
      out.append(i ? ",{\"@type\":\"CreativeWork\"" : "{\"@type\":\"CreativeWork\"");
      appendJsonLdMember(out, "name", facts.citations[i].label);
      appendJsonLdMember(out, "url", facts.citations[i].url);
      out.push_back('}');
    }
    out.push_back(']');
  }
  out.append("}</script>\n"sv);
}

// <meta {attribute}="{name}" content="{value}">, or nothing for an empty value.
void appendMetaTag(std::string& out, std::string_view attribute, std::string_view name, std::string_view value) {
  if (value.empty()) return;
  out.append("<meta "sv);
  out.append(attribute);
  out.append("=\""sv);
  out.append(name);
  out.append("\" content=\""sv);
  appendAttribute(out, value);
  out.append("\">\n"sv);
}

}  // namespace

void appendArticle(std::string& out, LayoutTree& tree, OutputBudget budget) {
  ArticleWriter(out, tree, budget).write();
}

void appendHeadTags(std::string& out, const layout::ArticleFacts& facts) {
  if (!facts.canonical.empty()) {
    out.append("<link rel=\"canonical\" href=\""sv);
    appendAttribute(out, facts.canonical);
    out.append("\">\n"sv);
  }
  for (const layout::HreflangAlternate& alternate : facts.alternates) {
    out.append("<link rel=\"alternate\" hreflang=\""sv);
    appendAttribute(out, alternate.hreflang);
    out.append("\" href=\""sv);
    appendAttribute(out, alternate.url);
    out.append("\">\n"sv);
  }
  appendMetaTag(out, "name", "description", facts.description);
  appendMetaTag(out, "property", "og:type", "article");
  appendMetaTag(out, "property", "og:title", facts.headline);
  appendMetaTag(out, "property", "og:description", facts.description);
  appendMetaTag(out, "property", "og:url", facts.canonical);
  appendMetaTag(out, "property", "og:image", facts.image);
  appendMetaTag(out, "property", "og:site_name", facts.siteName);
  appendMetaTag(out, "property", "og:locale", facts.ogLocale);
  for (const std::string& locale : facts.ogLocaleAlternates)
    appendMetaTag(out, "property", "og:locale:alternate", locale);
  appendMetaTag(out, "property", "article:published_time", facts.datePublished);
  appendMetaTag(out, "property", "article:modified_time", facts.dateModified);
  appendMetaTag(out, "property", "article:section", facts.articleSection);
  for (const std::string& tag : facts.tags) appendMetaTag(out, "property", "article:tag", tag);
  appendMetaTag(out, "name", "twitter:card", facts.twitterCard);
  appendMetaTag(out, "name", "twitter:title", facts.headline);
  appendMetaTag(out, "name", "twitter:description", facts.description);
  appendMetaTag(out, "name", "twitter:image", facts.image);
  appendJsonLd(out, facts);
}

void appendStandaloneDocument(std::string& out, LayoutTree& tree, OutputBudget budget) {
  const std::string_view theme = tree.theme == Theme::Dark ? "dark" : tree.theme == Theme::Light ? "light" : "auto";
  out.append("<!DOCTYPE html>\n<html lang=\""sv);
  appendAttribute(out, tree.lang);
  out.append("\" dir=\""sv);
  appendAttribute(out, tree.dir);
  // The page takes the article's theme, so a dark article has no white frame (standalonePageStyle).
  out.append("\" data-theme=\""sv);
  out.append(theme);
  out.append(
      "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n<meta name=\"color-scheme\" content=\"");
  out.append(theme == "auto" ? "light dark" : theme);
  out.append("\">\n<title>"sv);
  appendText(out, tree.facts.headline);
  out.append("</title>\n"sv);
  appendHeadTags(out, tree.facts);
  // The page's rules in their own element: tools replace the stylesheet's <style> with a link
  // (`broadsheet render --css FILE`) and the page keeps its frame.
  out.append("<style>\n"sv);
  out.append(standalonePageStyle());
  out.append("</style>\n<style>\n"sv);
  out.append(stylesheet());
  // The article is the page's main content: a landmark for screen readers' "skip to main".
  out.append("</style>\n</head>\n<body>\n<main>\n"sv);
  appendArticle(out, tree, budget);
  out.append("</main>\n</body>\n</html>\n"sv);
}

}  // namespace broadsheet::html
