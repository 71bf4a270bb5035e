#include "layout/notes.hpp"


#include "policy/url_policy.hpp"
#include "text/footnote_refs.hpp"

namespace broadsheet::layout {
namespace {

std::string filled(std::string_view pattern, std::string_view n) {
  std::string text(pattern);
  const std::size_t at = text.find("{n}");
  if (at != std::string::npos) text.replace(at, 3, n);
  return text;
}

void numberReferences(const text::Markdown& markdown, std::vector<format::Footnote>& footnotes,
                      std::vector<std::size_t>& numbers, std::vector<std::size_t>& counts, std::size_t& next) {
  for (cmark_node* node : text::footnoteReferences(markdown)) {
    const std::string_view label = text::footnoteLabel(node);
    for (std::size_t i = 0; i < footnotes.size(); ++i) {
      if (footnotes[i].id != label) continue;
      if (numbers[i] == 0) numbers[i] = ++next;
      text::numberFootnoteReference(node, numbers[i], ++counts[i]);
      break;
    }
  }
}

}  // namespace

void buildFootnotes(LayoutTree& tree, std::vector<format::Footnote>& footnotes, const Labels& labels) {
  if (footnotes.empty()) return;
  std::vector<std::size_t> numbers(footnotes.size(), 0);  // 0: not referred to (yet)
  std::vector<std::size_t> counts(footnotes.size(), 0);
  std::size_t next = 0;
  for (const BodyItem& item : tree.body) {
    if (item.kind == BodyItem::Kind::PullQuote) continue;
    numberReferences(item.text, footnotes, numbers, counts, next);
    for (const text::Markdown& entry : item.items) numberReferences(entry, footnotes, numbers, counts, next);
  }
  // A reference may have been left out with its block (a tree budget spent): its note goes too.
  tree.footnotes.resize(next);
  for (std::size_t i = 0; i < footnotes.size(); ++i) {
    if (numbers[i] == 0) continue;
    FootnoteEntry& entry = tree.footnotes[numbers[i] - 1];
    entry.number = numbers[i];
    entry.text = std::move(footnotes[i].text.tree);
    const std::string number = std::to_string(numbers[i]);
    for (std::size_t k = 1; k <= counts[i]; ++k) {
      entry.backTexts.push_back(k == 1 ? number : number + "." + std::to_string(k));
      entry.backLabels.push_back(filled(labels.backToReference, entry.backTexts.back()));
    }
  }
  if (!tree.footnotes.empty()) tree.footnotesLabel = labels.notes;
}

void buildSources(LayoutTree& tree, const std::vector<format::Source>& sources, const Labels& labels) {
  for (const format::Source& source : sources) {
    SourceEntry entry;
    entry.title = source.title;
    entry.url = source.url;
    // The same rule as links in text: a link to another site carries the host's rel.
    const policy::UrlDecision link = policy::decideUrl(source.url, policy::UrlKind::Link, tree.urls);
    if (link.outcome != policy::UrlDecision::Outcome::Written) continue;
    entry.url = link.url;
    if (link.otherSite) entry.rel = tree.urls.otherSiteRel;
    if (!source.publisher.empty()) {
      entry.publisherBefore = labels.comma;
      entry.publisher = source.publisher;
    }
    if (!source.date.empty()) {
      entry.dateIso = source.date;
      entry.dateText = formatDate(source.date, labels);
      if (!entry.dateText.empty()) entry.dateBefore = labels.comma;
    }
    tree.sources.push_back(std::move(entry));
  }
  if (!tree.sources.empty()) tree.sourcesLabel = labels.sources;
}

}  // namespace broadsheet::layout
