#include "layout/tree_dump.hpp"

#include <string_view>

namespace broadsheet::layout {
namespace {

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out.append("\\n");
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out.append("\\x").push_back("0123456789abcdef"[c >> 4]);
      out.push_back("0123456789abcdef"[c & 0xF]);
    } else if (text.substr(i, 2) == "\u00A0") {
      out.append("\\u00A0");
      ++i;
    } else if (text.substr(i, 2) == "\u00AD") {
      out.append("\\u00AD");
      ++i;
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
  return out;
}

class TreeDump {
 public:
  std::string take(const LayoutTree& tree) {
    line(0, "article lang=" + quoted(tree.lang) + " dir=" + quoted(tree.dir) + " theme=" + themeName(tree.theme) +
                " parts=" + flag(tree.parts));
    wording(1, tree.wording);
    header(1, tree);
    line(1, "body");
    languages_ = &tree.languages;
    embeds_ = &tree.embeds;
    for (const BodyItem& item : tree.body) bodyItem(2, item);
    notes(1, tree);
    for (const CorrectionEntry& entry : tree.corrections) {
      line(1, std::string(entry.update ? "update" : "correction") + " h" + std::to_string(tree.correctionLevel) + " " +
                  quoted(entry.label) + " " + quoted(entry.dateIso) + " " + quoted(entry.dateText) + " " +
                  quoted(entry.text.plainText()));
    }
    if (!tree.note.empty())
      line(1, "note h" + std::to_string(tree.noteLabelLevel) + " " + quoted(tree.note.plainText()));
    footer(1, tree);
    facts(1, tree.facts);
    return std::move(out_);
  }

 private:
  // Footnotes (numbered, with each back-link's name) and sources; only the articles that have them.
  void notes(int depth, const LayoutTree& tree) {
    if (!tree.footnotes.empty()) {
      line(depth, "footnotes h" + std::to_string(tree.footnotesLevel) + " " + quoted(tree.footnotesLabel) +
                      " ids=" + quoted(tree.idPrefix));
      for (const FootnoteEntry& note : tree.footnotes) {
        std::string backs;
        for (const std::string& label : note.backLabels) backs += " " + quoted(label);
        line(depth + 1, "note " + std::to_string(note.number) + " " + quoted(note.text.plainText()) + " back" + backs);
      }
    }
    if (!tree.sources.empty()) {
      line(depth, "sources h" + std::to_string(tree.sourcesLevel) + " " + quoted(tree.sourcesLabel) +
                      " ids=" + quoted(tree.idPrefix));
      for (const SourceEntry& source : tree.sources) {
        line(depth + 1, "source " + quoted(source.title) + " " + quoted(source.url) + " rel=" + quoted(source.rel) +
                            " publisher=" + quoted(source.publisher) + " date=" + quoted(source.dateIso) + " " +
                            quoted(source.dateText));
      }
    }
  }

  static std::string flag(bool value) { return value ? "1" : "0"; }

  static std::string themeName(Theme theme) {
    return theme == Theme::Dark ? "dark" : theme == Theme::Light ? "light" : "auto";
  }

  void line(int depth, std::string_view text) {
    out_.append(static_cast<std::size_t>(depth) * 2, ' ');
    out_.append(text);
    out_.push_back('\n');
  }

  // `name "value"`, only when the value is not empty.
  void value(int depth, std::string_view name, std::string_view text) {
    if (!text.empty()) line(depth, std::string(name) + " " + quoted(text));
  }

  void markdown(int depth, std::string_view name, const text::Markdown& text) {
    if (!text.empty()) line(depth, std::string(name) + " " + quoted(text.plainText()));
  }

  void wording(int depth, const Wording& wording) {
    line(depth, "wording");
    value(depth + 1, "roleSeparator", wording.roleSeparator);
    value(depth + 1, "updated", wording.updated);
    value(depth + 1, "editorsNote", wording.editorsNote);
    value(depth + 1, "tags", wording.tags);
    value(depth + 1, "publishedBy", wording.publishedBy);
    line(depth + 1, "quotes " + quoted(wording.openQuote) + " " + quoted(wording.closeQuote) + " inner " +
                        quoted(wording.innerOpenQuote) + " " + quoted(wording.innerCloseQuote));
  }

  void header(int depth, const LayoutTree& tree) {
    line(depth, "header");
    value(depth + 1, "section", tree.section);
    line(depth + 1, "headline h" + std::to_string(tree.headlineLevel) + " " + quoted(tree.headline.plainText()));
    value(depth + 2, "dir", tree.headlineDir);
    markdown(depth + 1, "standfirst", tree.standfirst);
    value(depth + 2, "dir", tree.standfirstDir);
    people(depth + 1, "byline-authors", tree.bylineAuthors);
    people(depth + 1, "byline-analysts", tree.bylineAnalysts);
    if (!tree.publishedIso.empty())
      line(depth + 1, "published " + quoted(tree.publishedIso) + " " + quoted(tree.publishedText));
    if (!tree.updatedIso.empty())
      line(depth + 1, "updated " + quoted(tree.updatedIso) + " " + quoted(tree.updatedText));
    value(depth + 1, "reading-time", tree.readingTimeText);
    if (tree.leadImage) figure(depth + 1, "lead-image", *tree.leadImage);
    if (!tree.translations.empty()) line(depth + 1, "translations label=" + quoted(tree.translationsLabel));
    for (const TranslationLink& version : tree.translations) translation(depth + 2, "translation", version);
  }

  void translation(int depth, std::string_view name, const TranslationLink& version) {
    line(depth, std::string(name) + " lang=" + quoted(version.lang) + " dir=" + quoted(version.dir) +
                    " name=" + quoted(version.name) + " url=" + quoted(version.url) +
                    (version.headline.empty() ? "" : " headline=" + quoted(version.headline)));
  }

  void people(int depth, std::string_view name, const PeopleList& list) {
    if (list.people.empty()) return;
    line(depth, std::string(name) + " label=" + quoted(list.label));
    for (const PersonEntry& person : list.people) {
      std::string text = "person";
      if (!person.separatorBefore.empty()) text += " after=" + quoted(person.separatorBefore);
      text += " " + quoted(person.name);
      if (!person.url.empty()) text += " url=" + quoted(person.url);
      if (!person.role.empty()) text += " role=" + quoted(person.role);
      if (!person.affiliation.empty()) text += " affiliation=" + quoted(person.affiliation);
      line(depth + 1, text);
    }
  }

  void figure(int depth, std::string_view name, const Figure& figure) {
    const Image& image = figure.image;
    std::string text = std::string(name) + " src=" + quoted(image.src) + " alt=" + quoted(image.alt);
    if (image.width > 0 || image.height > 0)
      text += " size=" + std::to_string(image.width) + "x" + std::to_string(image.height);
    text += image.lead ? " loading=eager priority=high" : " loading=lazy";
    line(depth, text);
    if (!image.srcset.empty()) {
      line(depth + 1, "srcset " + quoted(image.srcset));
      line(depth + 1, "sizes " + quoted(image.sizes));
    }
    markdown(depth + 1, "caption", figure.caption);
    markdown(depth + 1, "credit", figure.credit);
  }

  void attribution(int depth, const Attribution& attribution) {
    if (attribution.name.empty()) return;
    line(depth, "attribution " + quoted(attribution.name) +
                    (attribution.role.empty() ? "" : " role=" + quoted(attribution.role)));
  }

  void bodyItem(int depth, const BodyItem& item) {
    bodyItemLines(depth, item);
    const BlockLanguage& language = languages_->at(item.language);
    if (!language.lang.empty() || !language.dir.empty()) {
      line(depth + 1, "language lang=" + quoted(language.lang) + " dir=" + quoted(language.dir) +
                          (language.quoteMarks ? " quotes " + quoted(language.quoteMarks->open) + " " +
                                                     quoted(language.quoteMarks->close)
                                               : ""));
    }
  }

  void bodyItemLines(int depth, const BodyItem& item) {
    const std::string words = " words=" + std::to_string(item.words) + " ";
    switch (item.kind) {
      case BodyItem::Kind::Paragraph: line(depth, "paragraph" + words + quoted(item.text.plainText())); return;
      case BodyItem::Kind::Heading:
        line(depth, "heading level=" + std::to_string(item.heading.authored) + " h" +
                        std::to_string(item.heading.element) + words + quoted(item.text.plainText()));
        return;
      case BodyItem::Kind::Quote:
        line(depth, "quote" + words + quoted(item.text.plainText()));
        attribution(depth + 1, item.attribution);
        return;
      case BodyItem::Kind::PullQuote:
        line(depth, std::string("pullquote ") +
                        (item.floating ? std::string("floating side=") + (item.side == Side::Start ? "start" : "end")
                                       : "anchored") +
                        " repeatsBody=" + flag(item.repeatsBody) + words + quoted(item.text.plainText()));
        attribution(depth + 1, item.attribution);
        return;
      case BodyItem::Kind::List:
        line(depth,
             std::string("list ") + (item.ordered ? "ordered" : "bulleted") + " words=" + std::to_string(item.words));
        for (const text::Markdown& entry : item.items) markdown(depth + 1, "item", entry);
        return;
      case BodyItem::Kind::Figure: figure(depth, "figure", *item.figure); return;
      case BodyItem::Kind::Gallery:
        line(depth,
             "gallery images=" + std::to_string(item.gallery->items.size()) + " words=" + std::to_string(item.words));
        for (const Figure& entry : item.gallery->items) figure(depth + 1, "image", entry);
        markdown(depth + 1, "caption", item.gallery->caption);
        markdown(depth + 1, "credit", item.gallery->credit);
        return;
      case BodyItem::Kind::Note: line(depth, "note" + words + quoted(item.text.plainText())); return;
      case BodyItem::Kind::Divider: line(depth, "divider"); return;
      case BodyItem::Kind::Embed: {
        const EmbedBox& box = embeds_->at(item.embed);
        static constexpr const char* kModes[] = {"placeholder", "frame", "link"};
        line(depth, std::string("embed ") + kModes[static_cast<int>(box.mode)] + " provider=" + quoted(box.provider) +
                        " " + quoted(box.title));
        line(depth + 1, "original " + quoted(box.original));
        if (!box.frame.empty()) {
          line(depth + 1,
               "frame " + quoted(box.frame) + " ratio=" + quoted(box.ratioClass.empty() ? box.ratio : box.ratioClass));
          line(depth + 1, "sandbox " + quoted(box.sandbox) + " allow=" + quoted(box.allow));
        }
        if (!box.caption.empty()) markdown(depth + 1, "caption", box.caption);
        return;
      }
      case BodyItem::Kind::Table: table(depth, item); return;
      case BodyItem::Kind::Markdown: {
        std::string headings;
        for (const HeadingLevels& heading : item.textHeadings) {
          headings += " heading=" + std::to_string(heading.authored) + "/h" + std::to_string(heading.element);
        }
        line(depth, "markdown" + headings + words + quoted(item.text.plainText()));
        return;
      }
    }
  }

  // A table: its caption id, each column's decision (alignment, numbers), and its cells.
  void table(int depth, const BodyItem& item) {
    const layout::Table& table = *item.table;
    line(depth, "table id=" + table.captionId + " rowHeaders=" + flag(table.rowHeaders) +
                    " words=" + std::to_string(item.words) + " caption=" + quoted(table.caption.plainText()));
    std::string columns = "columns";
    for (const layout::TableColumn& column : table.columns) {
      columns += column.align == layout::CellAlign::End      ? " end"
                 : column.align == layout::CellAlign::Center ? " center"
                                                             : " start";
      if (column.numeric) columns += "/numeric";
    }
    line(depth + 1, columns);
    const auto cells = [&](const std::string& label, const std::vector<text::Markdown>& row) {
      std::string text = label;
      for (const text::Markdown& cell : row) text += " " + quoted(cell.plainText());
      line(depth + 1, text);
    };
    if (!table.header.empty()) cells("header", table.header);
    for (const auto& row : table.rows) cells("row", row);
  }

  void footer(int depth, const LayoutTree& tree) {
    line(depth, "footer");
    if (!tree.analystPanel.people.empty()) {
      line(depth + 1, "analyst-panel h" + std::to_string(tree.analystPanelLevel));
      people(depth + 2, "analysts", tree.analystPanel);
    }
    if (!tree.tags.empty()) {
      std::string tags = "tags";
      for (const std::string& tag : tree.tags) tags += " " + quoted(tag);
      line(depth + 1, tags);
    }
    link(depth + 1, "call-to-action", tree.callToAction);
    link(depth + 1, "publisher", tree.publisher);
    if (tree.provenance) provenance(depth + 1, *tree.provenance);
  }

  void provenance(int depth, const Provenance& line) {
    this->line(depth, "provenance");
    this->line(depth + 1, "source " + quoted(line.sourceBefore) + " " + quoted(line.source.label) +
                              " url=" + quoted(line.source.url) + " " + quoted(line.sourceAfter));
    if (line.license) {
      this->line(depth + 1, "license " + quoted(line.licenseBefore) + " " + quoted(line.license->label) +
                                (line.license->url.empty() ? "" : " url=" + quoted(line.license->url)) + " " +
                                quoted(line.licenseAfter));
    }
    value(depth + 1, "attribution", line.attribution);
  }

  void link(int depth, std::string_view name, const std::optional<Link>& link) {
    if (link)
      line(depth,
           std::string(name) + " " + quoted(link->label) + (link->url.empty() ? "" : " url=" + quoted(link->url)));
  }

  void facts(int depth, const ArticleFacts& facts) {
    line(depth, "facts wordCount=" + std::to_string(facts.wordCount));
    value(depth + 1, "headline", facts.headline);
    value(depth + 1, "description", facts.description);
    value(depth + 1, "inLanguage", facts.inLanguage);
    value(depth + 1, "datePublished", facts.datePublished);
    value(depth + 1, "dateModified", facts.dateModified);
    value(depth + 1, "url", facts.url);
    value(depth + 1, "articleSection", facts.articleSection);
    value(depth + 1, "image", facts.image);
    value(depth + 1, "keywords", facts.keywords);
    personFacts(depth + 1, "author", facts.authors);
    personFacts(depth + 1, "contributor", facts.contributors);
    link(depth + 1, "publisher", facts.publisher);
    value(depth + 1, "isBasedOn", facts.isBasedOn);
    value(depth + 1, "isBasedOn.datePublished", facts.basedOnPublished);
    value(depth + 1, "license", facts.license);
    if (facts.source) {
      line(depth + 1, "source " + quoted(facts.source->name) +
                          (facts.source->url.empty() ? "" : " url=" + quoted(facts.source->url)) +
                          (facts.source->logo.empty() ? "" : " logo=" + quoted(facts.source->logo)));
    }
    for (const HreflangAlternate& alternate : facts.alternates) {
      line(depth + 1, "alternate hreflang=" + quoted(alternate.hreflang) + " url=" + quoted(alternate.url));
    }
    for (const std::string& locale : facts.ogLocaleAlternates) value(depth + 1, "og:locale:alternate", locale);
    for (const TranslationLink& version : facts.translations) translation(depth + 1, "workTranslation", version);
    if (facts.translationOf) translation(depth + 1, "translationOfWork", *facts.translationOf);
    for (const auto& [date, text] : facts.corrections) {
      line(depth + 1, "correction " + quoted(date) + " " + quoted(text));
    }
    for (const Link& citation : facts.citations) {
      line(depth + 1, "citation " + quoted(citation.label) + " " + quoted(citation.url));
    }
  }

  void personFacts(int depth, std::string_view name, const std::vector<PersonFacts>& people) {
    for (const PersonFacts& person : people) {
      std::string text = std::string(name) + " " + quoted(person.name);
      if (!person.honorificPrefix.empty()) text += " honorificPrefix=" + quoted(person.honorificPrefix);
      if (!person.jobTitle.empty()) text += " jobTitle=" + quoted(person.jobTitle);
      if (!person.url.empty()) text += " url=" + quoted(person.url);
      line(depth, text);
    }
  }

  std::string out_;
  const std::vector<BlockLanguage>* languages_ = nullptr;  // the tree's, for its body items
  const std::vector<EmbedBox>* embeds_ = nullptr;
};

}  // namespace

std::string dumpTree(const LayoutTree& tree) { return TreeDump().take(tree); }

}  // namespace broadsheet::layout
