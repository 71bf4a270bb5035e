#include "layout/layout.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "broadsheet_core_variant.hpp"
#include "format/json_pointer.hpp"
#include "format/value_checks.hpp"
#include "layout/article_facts.hpp"
#include "layout/article_ids.hpp"
#include "layout/description.hpp"
#include "layout/display_text.hpp"
#include "layout/embeds.hpp"
#include "layout/heading_levels.hpp"
#include "layout/image_sizes.hpp"
#include "layout/labels.hpp"
#include "layout/language_names.hpp"
#include "layout/licenses.hpp"
#include "layout/notes.hpp"
#include "layout/people.hpp"
#include "layout/pullquote_placement.hpp"
#include "layout/pullquote_selection.hpp"
#include "layout/quote_search.hpp"
#include "layout/speakers.hpp"
#include "layout/tables.hpp"
#include "layout/text_direction.hpp"
#include "layout/words.hpp"

namespace broadsheet::layout {
namespace {

using format::Article;
using format::Block;
using format::BlockType;
using text::Flavor;
using text::Markdown;

// A floating pull quote waiting for a slot.
struct PendingPullquote {
  std::string text;   // its CommonMark, as quoted in diagnostics
  std::string plain;  // its words as the reader sees them
  Markdown tree;
  std::string by;
  std::string path;  // JSON Pointer of the source, for diagnostics; for automatic ones, of the block quoted
};

// The steps of build() run once per render and are kept out of line ([[gnu::noinline]], and wasm-opt's
// one-caller inlining capped in CMakeLists.txt): inlined, they made one 62 KB WebAssembly function,
// and V8 compiles a function on its first call in a time that grows faster than its size (the first
// render's compilation took 11-15 % longer; docs/performance.md, "First render's compilation").
class ArticleLayout {
 public:
  ArticleLayout(Article& article, const RenderOptions& options, format::DiagnosticSink& sink, Meta& meta)
      : article_(article), options_(options), sink_(sink), meta_(meta) {}

  LayoutTree build() {
    tree_.lang = options_.lang.empty() ? article_.lang : options_.lang;
    labels_ = &labelsFor(tree_.lang);
    tree_.wording = wording(*labels_);
    tree_.dir = article_.dir;
    tree_.theme = options_.theme;
    tree_.parts = options_.parts;
    tree_.urls = policy::urlContextFor(options_);
    tree_.idPrefix = articleIdPrefix(article_);
    applyLicenseTerms();
    buildHeader();
    buildBody();
    buildCorrections();
    tree_.note = std::move(article_.note.tree);
    buildFooter();
    placePullquotes();
    if constexpr (kFullCore) {
      buildFootnotes(tree_, article_.footnotes, *labels_);
      buildSources(tree_, article_.sources, *labels_);
    }
    fillMeta();
    assignHeadingLevels(tree_, std::clamp(options_.headingLevel, 1, 6));
    // The facts feed only standalone documents and head tags, which the lite core leaves to the full one.
    if constexpr (kFullCore) buildFacts();
    setDisplayTexts();  // last: the plain texts for meta and the facts are the author's words
    return std::move(tree_);
  }

 private:
  [[gnu::noinline]] void buildFacts() {
    tree_.facts = articleFacts(article_, meta_, tree_.standfirst);
    // Without a standfirst, the first paragraph describes the page (point 5 of issue 16).
    if (tree_.facts.description.empty()) tree_.facts.description = descriptionFromBody(tree_.body);
    tree_.facts.translations = tree_.translations;
    for (const CorrectionEntry& entry : tree_.corrections) {
      if (!entry.update) tree_.facts.corrections.emplace_back(entry.dateIso, entry.text.plainText());
    }
    for (const SourceEntry& source : tree_.sources) tree_.facts.citations.push_back({source.title, source.url});
    if (article_.translationOf) tree_.facts.translationOf = translationLink(*article_.translationOf);
    addLanguageAlternates(tree_.facts, meta_.lang, article_.canonicalUrl);
  }

  static Wording wording(const Labels& labels) {
    Wording wording;
    wording.roleSeparator = labels.comma;
    wording.updated = labels.updated;
    wording.editorsNote = labels.editorsNote;
    wording.tags = labels.tags;
    wording.publishedBy = labels.publishedBy;
    wording.openQuote = labels.openQuote;
    wording.closeQuote = labels.closeQuote;
    wording.innerOpenQuote = labels.innerOpenQuote;
    wording.innerCloseQuote = labels.innerCloseQuote;
    return wording;
  }

  // A syndicated article's licence decides what the layout may do to the text: under a licence that
  // forbids derivatives, or whose terms are not known (a URL, an unknown id, none), the renderer
  // does not pick automatic pull quotes (docs/syndication.md). Known licences are named in the line.
  [[gnu::noinline]] void applyLicenseTerms() {
    if (!article_.syndication) return;
    const format::Syndication& syndication = *article_.syndication;
    const LicenseTerms* terms = nullptr;
    if (!syndication.license.empty() && !syndication.licenseIsUrl) {
      terms = knownLicense(syndication.license);
      if (!terms) {
        sink_.warning(format::code::License, "/syndication/license",
                      format::memberName("/syndication/license") + " is \"" + syndication.license +
                          "\", not a licence the renderer knows (CC-BY-4.0, CC-BY-SA-4.0, CC-BY-ND-4.0, CC-BY-NC-4.0, "
                          "CC-BY-NC-SA-4.0, CC-BY-NC-ND-4.0, CC0-1.0, or an https URL of the terms); it is shown as "
                          "written, and as its terms are unknown the text is not altered.");
      }
    }
    license_ = terms;
    const bool mayAlter = terms && !terms->noDerivatives;
    if (article_.autoPullquotes && !mayAlter) {
      article_.autoPullquotes = false;
      sink_.warning(format::code::LicenseTerms, "/pullquotes",
                    format::memberName("/pullquotes") + " is \"auto\", but " +
                        (terms ? "the licence " + std::string(terms->name) + " forbids derivatives"
                               : std::string("the licence's terms are not known")) +
                        ", so the renderer does not alter the text: no automatic pull quotes are added.");
    }
  }

  std::optional<Provenance> provenance() const {
    if (!article_.syndication) return std::nullopt;
    const format::Syndication& syndication = *article_.syndication;
    Provenance line;
    splitLabel(labels_->firstPublishedBy, "{source}", line.sourceBefore, line.sourceAfter);
    line.source = Link{syndication.source.label, syndication.originalUrl};
    if (!syndication.license.empty()) {
      splitLabel(labels_->republishedUnder, "{license}", line.licenseBefore, line.licenseAfter);
      if (license_) {
        line.license = Link{std::string(license_->name), std::string(license_->deedUrl)};
      } else if (syndication.licenseIsUrl) {
        line.license = Link{syndication.license, syndication.license};
      } else {
        line.license = Link{syndication.license, ""};
      }
    }
    line.attribution = syndication.attribution;
    return line;
  }

  // "First published by {source}." -> "First published by " and ".".
  static void splitLabel(std::string_view label, std::string_view slot, std::string& before, std::string& after) {
    const std::size_t at = label.find(slot);
    before = std::string(label.substr(0, at));
    after = at == std::string_view::npos ? std::string() : std::string(label.substr(at + slot.size()));
  }

  [[gnu::noinline]] void buildHeader() {
    tree_.section = article_.section;
    tree_.headline = std::move(article_.headline.tree);
    tree_.standfirst = std::move(article_.standfirst.tree);
    tree_.bylineAuthors = bylineAuthors(article_.authors, *labels_);
    tree_.bylineAnalysts = bylineAnalysts(article_.analysts, *labels_);
    tree_.publishedIso = article_.published;
    tree_.publishedText = formatDate(article_.published, *labels_);
    if (article_.updated.substr(0, 10) != article_.published.substr(0, 10)) {
      tree_.updatedText = formatDate(article_.updated, *labels_);
      if (!tree_.updatedText.empty()) tree_.updatedIso = article_.updated;
    } else if (article_.updated != article_.published) {
      // Updated on the day it was published: the time of day says when, with the offset the
      // date-time gives (as written, no conversion); without an offset the time would be ambiguous.
      tree_.updatedText = formatTimeWithOffset(article_.updated, *labels_);
      if (!tree_.updatedText.empty()) tree_.updatedIso = article_.updated;
    }
    if (article_.image) tree_.leadImage = figure(*article_.image, /*lead=*/true);
    tree_.headlineDir = directionOtherThanArticle(tree_.headline);
    tree_.standfirstDir = directionOtherThanArticle(tree_.standfirst);
    if (!article_.translations.empty()) tree_.translationsLabel = labels_->otherLanguages;
    for (const format::Translation& version : article_.translations) {
      tree_.translations.push_back(translationLink(version));
    }
  }

  // A display text whose words run the other way than the article's (an Arabic headline in an
  // English article) states its own direction; "" when it runs the article's way.
  std::string directionOtherThanArticle(const Markdown& text) const {
    const std::string_view dir = textDirection(text.plainText());
    return dir.empty() || dir == tree_.dir ? std::string() : std::string(dir);
  }

  static TranslationLink translationLink(const format::Translation& version) {
    std::string name(nativeLanguageName(version.lang));
    if (name.empty()) name = version.lang;
    return {version.lang, version.url, version.headline, std::move(name),
            format::isRightToLeft(version.lang) ? "rtl" : "ltr"};
  }

  // The entry of LayoutTree::languages for the block's items (0 when it has neither lang nor dir): its
  // lang; its dir when given, or when its language's script runs the other way than the article (an
  // Arabic paragraph in an English article), never one that repeats the article's; and its language's
  // quote marks when they are not the article's.
  std::size_t blockLanguage(const Block& block) {
    if (block.lang.empty() && block.dir.empty()) return 0;
    BlockLanguage language;
    language.lang = block.lang;
    const Labels& labels = labelsFor(block.lang);
    if (!block.lang.empty() &&
        (labels.openQuote != labels_->openQuote || labels.innerOpenQuote != labels_->innerOpenQuote)) {
      language.quoteMarks = QuoteMarks{std::string(labels.openQuote), std::string(labels.closeQuote),
                                       std::string(labels.innerOpenQuote), std::string(labels.innerCloseQuote)};
    }
    if (!block.dir.empty()) {
      language.dir = block.dir;
    } else if (!block.lang.empty()) {
      const std::string dir = format::isRightToLeft(block.lang) ? "rtl" : "ltr";
      if (dir != tree_.dir) language.dir = dir;
    }
    tree_.languages.push_back(std::move(language));
    return tree_.languages.size() - 1;
  }

  // Corrections and updates, in document order, each under its label and date.
  [[gnu::noinline]] void buildCorrections() {
    for (format::Correction& correction : article_.corrections) {
      CorrectionEntry entry;
      entry.update = correction.update;
      entry.label = correction.update ? labels_->update : labels_->correction;
      entry.dateIso = correction.date;
      entry.dateText = formatDate(correction.date, *labels_);
      entry.text = std::move(correction.text.tree);
      tree_.corrections.push_back(std::move(entry));
    }
  }

  // The lead image is fetched at once and first (it is the largest paint of the page); the others
  // lazily, as they near the view. `sizes` follows the column (layout/image_sizes.hpp).
  Figure figure(format::Image& image, bool lead = false, bool galleryItem = false) const {
    Image shown{image.src, image.alt, image.width, image.height, srcsetOf(image.sources), "", lead};
    if (!shown.srcset.empty()) {
      ArticleColumns columns = articleColumns(tree_.lang);
      // A figure's image is never wider than its width attribute; a gallery's fills its cell.
      if (!galleryItem && image.width > 0) columns.measure = std::min(columns.measure, image.width);
      shown.sizes = galleryItem ? galleryItemSizes(columns) : figureSizes(columns, /*lazy=*/!lead);
    }
    return Figure{std::move(shown), std::move(image.caption.tree), std::move(image.credit.tree)};
  }

  Attribution attribute(const std::string& analystId) {
    const format::Person* analyst = article_.findAnalyst(analystId);
    if (!analyst) return {};
    const bool firstMention = std::find(mentioned_.begin(), mentioned_.end(), analystId) == mentioned_.end();
    if (!firstMention) return {shortName(*analyst), ""};
    mentioned_.push_back(analystId);
    return {displayName(*analyst), analyst->role};
  }

  [[gnu::noinline]] void buildBody() {
    for (const auto& analyst : article_.analysts) speakers_.emplace_back(analyst.name);
    tree_.body.reserve(article_.body.size() + article_.pullquotes.size() + kMaxAutomaticPullquotes);
    for (Block& block : article_.body) {
      currentBlock_ = blockItems_.size();
      blockItems_.push_back(kNoItem);
      emptyBlocksLeftOut_ = 0;
      BodyItem item;
      item.language = blockLanguage(block);
      switch (block.type) {
        case BlockType::Paragraph:
          item.kind = BodyItem::Kind::Paragraph;
          item.text = std::move(block.text.tree);
          break;
        case BlockType::Heading:
          item.kind = BodyItem::Kind::Heading;
          item.heading.authored = block.level;
          item.text = std::move(block.text.tree);
          break;
        case BlockType::Quote:
          item.kind = BodyItem::Kind::Quote;
          item.text = std::move(block.text.tree);
          item.attribution = block.by.empty() ? Attribution{block.attribution, ""} : attribute(block.by);
          break;
        case BlockType::PullQuote:
          item.kind = BodyItem::Kind::PullQuote;
          item.text = std::move(block.text.tree);
          if (const format::Person* analyst = article_.findAnalyst(block.by))
            item.attribution = {displayName(*analyst), ""};
          anchoredPullquotes_.push_back(tree_.body.size());
          anchoredBy_.push_back(article_.findAnalyst(block.by) ? block.by : std::string());
          break;
        case BlockType::List:
          item.kind = BodyItem::Kind::List;
          item.ordered = block.ordered;
          for (format::Text& entry : block.items) item.items.push_back(std::move(entry.tree));
          break;
        case BlockType::Image:
          item.kind = BodyItem::Kind::Figure;
          item.figure = std::make_unique<Figure>(figure(*block.image));
          break;
        case BlockType::Gallery:
          if constexpr (!kFullCore) continue;  // the lite core's reader keeps no such block
          item.kind = BodyItem::Kind::Gallery;
          item.gallery = std::make_unique<Gallery>();
          for (format::Image& image : block.gallery->images) {
            item.gallery->items.push_back(figure(image, /*lead=*/false, /*galleryItem=*/true));
          }
          item.gallery->caption = std::move(block.gallery->caption.tree);
          item.gallery->credit = std::move(block.gallery->credit.tree);
          break;
        case BlockType::Note:
          item.kind = BodyItem::Kind::Note;
          item.text = std::move(block.text.tree);
          break;
        case BlockType::Divider: item.kind = BodyItem::Kind::Divider; break;
        case BlockType::Embed:
          if constexpr (!kFullCore) continue;
          item.kind = BodyItem::Kind::Embed;
          item.embed = tree_.embeds.size();
          tree_.embeds.push_back(layoutEmbed(*block.embed, options_, *labels_));
          break;
        case BlockType::Table:
          if constexpr (!kFullCore) continue;
          item.kind = BodyItem::Kind::Table;
          // The block's index makes the id unique within the article, the prefix across articles.
          item.table = layOutTable(*block.table, tree_.idPrefix + "table-" + std::to_string(block.index));
          break;
        case BlockType::Markdown:
          // Empty blocks go first, in one walk of the whole text, so no item is made for them. Each
          // top-level block then becomes its own item, so pull quotes can go between paragraphs.
          // Items cost a few hundred bytes each, so past limits.maxBlocks items the rest of a text stays
          // in one (memory: a "***" line would take 100 times its size).
          emptyBlocksLeftOut_ += block.text.tree.removeEmptyBlocks();
          const std::size_t room =
              options_.limits.maxBlocks > tree_.body.size() ? options_.limits.maxBlocks - tree_.body.size() : 1;
          for (Markdown& part : block.text.tree.splitBlocks(room)) {
            BodyItem partItem;
            partItem.language = item.language;
            partItem.kind = part.isParagraph() ? BodyItem::Kind::Paragraph : BodyItem::Kind::Markdown;
            partItem.text = std::move(part);
            addItem(std::move(partItem), /*emptiesRemoved=*/true);
          }
          reportEmptyBlocks(block);
          continue;
      }
      addItem(std::move(item));
      reportEmptyBlocks(block);
    }
    // The words normalised are no longer than their sources (markup, escapes and entities only
    // shrink, typographic marks become ASCII), plus a separator per item, list entry and caption.
    std::size_t normalizedBound = tree_.body.size();
    for (const Block& block : article_.body) {
      normalizedBound += block.text.source.size() + (block.image ? block.image->caption.source.size() : 0) + 1;
      if (kFullCore && block.gallery) {
        normalizedBound += block.gallery->caption.source.size() + 1;
        for (const format::Image& image : block.gallery->images) normalizedBound += image.caption.source.size() + 1;
      }
      for (const format::Text& entry : block.items) normalizedBound += entry.source.size() + 1;
      if (kFullCore && block.table) normalizedBound += tableSourceBytes(*block.table);
    }
    if (article_.autoPullquotes) {
      // The source's words: close enough to place a block (automaticCandidates).
      blockSourceWords_.reserve(article_.body.size());
      for (const Block& block : article_.body) {
        std::size_t words = countWords(block.text.source);
        for (const format::Text& entry : block.items) words += countWords(entry.source);
        blockSourceWords_.push_back(words);
      }
    }
    releaseBodySources();
    quoteSearch_.emplace(tree_.body, tree_.body.size(), normalizedBound);
    for (std::size_t index : anchoredPullquotes_)
      tree_.body[index].repeatsBody = quoteSearch_->find(plainTexts_[index]).inBody;
  }

  // Adds an item to the body with its words counted, unless it is a heading, paragraph or list that
  // shows nothing: such blocks are left out (a page of "#" lines would be pages of empty headings).
  // Plain text is kept only where pull quotes are taken from (memory: a long article would
  // otherwise hold its text again during the layout).
  void addItem(BodyItem&& item, bool emptiesRemoved = false) {
    using Kind = BodyItem::Kind;
    words_.clear();
    appendItemWords(words_, item);
    item.words = countWords(words_);
    // Only texts without a word can be empty, but Markdown containers and lists hold several blocks.
    const bool judged = (item.kind == Kind::Paragraph || item.kind == Kind::Heading) && item.words == 0;
    if (!emptiesRemoved && (judged || item.kind == Kind::Markdown || item.kind == Kind::List)) {
      const std::size_t removed = removeEmptyBlocks(item);
      if (removed > 0) {
        emptyBlocksLeftOut_ += removed;
        if (item.text.empty() && item.items.empty()) return;
        words_.clear();
        appendItemWords(words_, item);
      }
    }
    if (blockItems_.back() == kNoItem) blockItems_.back() = tree_.body.size();
    const bool quotable = article_.autoPullquotes && (item.kind == Kind::Paragraph || item.kind == Kind::Quote);
    plainTexts_.push_back(item.kind == Kind::PullQuote || quotable ? words_.substr(0, words_.find_last_not_of(' ') + 1)
                                                                   : std::string());
    itemBlocks_.push_back(currentBlock_);
    if (item.kind == Kind::Paragraph) attributeParagraphQuotes();
    tree_.body.push_back(std::move(item));
  }

  // The quotations of the paragraph just added (its words in words_) and whom their sentences name,
  // read once: meta.quotes takes up to kMaxInlineQuotes, and automatic pull quotes keep them all per
  // item (reading them again there doubled the cost). Only articles with analysts are looked at.
  void attributeParagraphQuotes() {
    const bool forMeta = meta_.quotes.size() < kMaxInlineQuotes;
    if (speakers_.empty() || (!forMeta && !article_.autoPullquotes)) return;
    std::vector<InlineQuote> quotes = attributeInlineQuotes(words_, speakers_);
    const std::string path = blockPath(itemBlocks_.size() - 1);
    for (const InlineQuote& quote : quotes) {
      if (meta_.quotes.size() >= kMaxInlineQuotes) break;
      meta_.quotes.push_back({words_.substr(quote.begin, quote.end - quote.begin),
                              quote.speaker ? article_.analysts[*quote.speaker].id : std::string(), path});
    }
    if (!article_.autoPullquotes) return;
    itemQuotes_.resize(itemBlocks_.size());
    itemQuotes_.back() = std::move(quotes);
  }

  static std::size_t removeEmptyBlocks(BodyItem& item) {
    if (item.kind != BodyItem::Kind::List) return item.text.removeEmptyBlocks();
    std::size_t removed = 0;
    for (Markdown& entry : item.items) removed += entry.removeEmptyBlocks();
    item.items.erase(
        std::remove_if(item.items.begin(), item.items.end(), [](const Markdown& entry) { return entry.empty(); }),
        item.items.end());
    return removed;
  }

  // One warning per block, however many empty blocks its text held.
  void reportEmptyBlocks(const Block& block) {
    if (emptyBlocksLeftOut_ == 0) return;
    const std::size_t count = emptyBlocksLeftOut_;
    std::string path = "/body";
    if (block.index != format::kBodyString) {
      path = format::childPointer(path, block.index);
      if (block.type == BlockType::Markdown) path = format::childPointer(path, "text");
      if (block.type == BlockType::List) path = format::childPointer(path, "items");
    }
    std::string message = format::memberName(path);
    message += count == 1 ? " holds an empty heading, paragraph or list item; it is left out."
                          : " holds " + std::to_string(count) +
                                " empty headings, paragraphs or list items; they are left out.";
    sink_.warning(format::code::EmptyBlock, std::move(path), std::move(message));
  }

  // Nothing reads the body's CommonMark sources once the body is built and their sizes and words are
  // counted: freed then, so a long article holds them neither while the quote search indexes its
  // words nor while its HTML is written (memory).
  // (Swapped with an empty string: assigning one keeps the old buffer in libstdc++.)
  void releaseBodySources() {
    for (Block& block : article_.body) {
      std::string().swap(block.text.source);
      for (format::Text& entry : block.items) std::string().swap(entry.source);
    }
  }

  [[gnu::noinline]] void buildFooter() {
    tree_.analystPanel = analystPanel(article_.analysts, *labels_);
    tree_.tags = article_.tags;
    if (article_.callToAction) tree_.callToAction = Link{article_.callToAction->label, article_.callToAction->url};
    if (article_.publisher) tree_.publisher = Link{article_.publisher->label, article_.publisher->url};
    tree_.provenance = provenance();
  }

  // The pull quotes to place: the document's own, or at most `slots` automatic ones.
  std::vector<PendingPullquote> floatingCandidates(std::size_t slots) {
    std::vector<PendingPullquote> pending;
    if (!article_.autoPullquotes) {
      for (std::size_t i = 0; i < article_.pullquotes.size(); ++i) {
        auto& quote = article_.pullquotes[i];
        const std::string path = format::childPointer(format::childPointer("/pullquotes", i), "text");
        std::string plain = quote.text.tree.plainText();
        pending.push_back({quote.text.source, std::move(plain), std::move(quote.text.tree), quote.by, path});
      }
      return pending;
    }
    return automaticCandidates(slots);
  }

  // The analysts' own words, chosen by pickPullquotes (pullquote_selection.hpp, docs/layout.md): each
  // block's word count and what it offers, quote blocks attributed to one and “…” (or «…») spans in
  // paragraphs whose sentence names one, in any grammatical form (attributeInlineQuotes).
  std::vector<PendingPullquote> automaticCandidates(std::size_t slots) {
    std::vector<QuoteCandidateSource> blocks(article_.body.size());
    for (std::size_t b = 0; b < article_.body.size(); ++b) {
      const Block& block = article_.body[b];
      QuoteCandidateSource& source = blocks[b];
      source.words = blockSourceWords_[b];
      // Paragraph and quote blocks are one body item each (unless left out); its plain text is the block's.
      if (blockItems_[b] == kNoItem) continue;
      source.plain = plainTexts_[blockItems_[b]];
      if (block.type == BlockType::Quote) source.quoteBy = block.by;
      if (block.type != BlockType::Paragraph) continue;
      if (blockItems_[b] >= itemQuotes_.size()) continue;
      for (const InlineQuote& quote : itemQuotes_[blockItems_[b]]) {
        if (!quote.speaker) continue;
        source.inlineQuotes.push_back(
            {source.plain.substr(quote.begin, quote.end - quote.begin), article_.analysts[*quote.speaker].id});
      }
    }
    std::vector<std::string> anchored;
    for (std::size_t index : anchoredPullquotes_) anchored.push_back(plainTexts_[index]);
    std::vector<PendingPullquote> chosen;
    for (PickedQuote& pick : pickPullquotes(blocks, slots, anchored)) {
      Markdown tree(pick.text, Flavor::Inline);
      chosen.push_back({std::move(pick.text), std::move(pick.plain), std::move(tree), std::move(pick.by),
                        blockPath(blockItems_[pick.block])});
    }
    return chosen;
  }

  static FlowItem::Kind flowKind(BodyItem::Kind kind) {
    switch (kind) {
      case BodyItem::Kind::Paragraph: return FlowItem::Kind::Paragraph;
      case BodyItem::Kind::Heading: return FlowItem::Kind::Heading;
      case BodyItem::Kind::Quote: return FlowItem::Kind::Quote;
      case BodyItem::Kind::PullQuote: return FlowItem::Kind::PullQuote;
      default: return FlowItem::Kind::Other;
    }
  }

  std::string blockPath(std::size_t item) const {
    const Block& block = article_.body[itemBlocks_[item]];
    return block.index == format::kBodyString ? std::string("/body") : format::childPointer("/body", block.index);
  }

  // The warning for a pull quote whose words are not the body's, quoting the body's closest passage
  // (QuoteSearch::closestPassages, looked for once for all of an article's paraphrased pull quotes).
  void reportParaphrase(std::string_view text, std::string path, const std::string& passage) {
    std::string message = "The pull quote \"" + std::string(text) +
                          "\" does not appear word for word in the body; check that it quotes the speaker exactly.";
    if (!passage.empty()) message += " The closest passage is \"" + passage + "\".";
    sink_.warning(format::code::PullquoteParaphrase, std::move(path), std::move(message));
  }

  void reportLeftOut(const std::string& text, const std::string& path, PlacementReason reason) {
    meta_.pullquotesDropped.push_back(text);
    sink_.warning(
        format::code::PullquoteDropped, path,
        "The pull quote \"" + text + "\" was left out: " +
            (reason == PlacementReason::TooFewParagraphs
                 ? "a pull quote needs a body of at least two paragraphs."
                 : "every place after a paragraph already holds a pull quote (pull quotes never stand side by side, "
                   "before the first paragraph or at the end)."));
  }

  // Anchored pull quotes settle (kept, moved or left out) and floating ones are placed by the rules
  // of placePullquotes; the body is rebuilt in its final order and every pull quote reported in meta.
  [[gnu::noinline]] void placePullquotes() {
    std::vector<FlowItem> flow;
    for (const BodyItem& item : tree_.body) flow.push_back({flowKind(item.kind), item.words});
    std::vector<PendingPullquote> pending = floatingCandidates(pullquotePlaces(flow));
    std::vector<PullquoteRequest> requests;
    std::vector<bool> inBody;
    for (const PendingPullquote& quote : pending) {
      const QuoteSource source = quoteSearch_->find(quote.tree.plainText());
      requests.push_back({source.item, article_.autoPullquotes});
      inBody.push_back(source.inBody);
    }
    const PullquotePlan plan = planPullquotes(flow, requests);
    // Every pull quote is checked against the body, placed or not (before the body is rebuilt: the
    // closest passage is looked for in it).
    std::vector<bool> anchoredInBody;
    std::vector<std::string_view> paraphrased;  // the warnings' quotes, in order
    for (std::size_t item : anchoredPullquotes_) {
      anchoredInBody.push_back(tree_.body[item].repeatsBody);
      if (!anchoredInBody.back()) paraphrased.push_back(plainTexts_[item]);
    }
    const auto floatingParaphrased = [&](std::size_t j) { return !inBody[j] && !article_.autoPullquotes; };
    for (std::size_t j = 0; j < pending.size(); ++j) {
      if (floatingParaphrased(j)) paraphrased.push_back(pending[j].text);
    }
    const std::vector<std::string> passages = quoteSearch_->closestPassages(paraphrased);
    std::size_t warned = 0;
    for (std::size_t k = 0; k < anchoredPullquotes_.size(); ++k) {
      const std::size_t item = anchoredPullquotes_[k];
      if (!anchoredInBody[k])
        reportParaphrase(plainTexts_[item], format::childPointer(blockPath(item), "text"), passages[warned++]);
    }
    for (std::size_t j = 0; j < pending.size(); ++j) {
      if (floatingParaphrased(j)) reportParaphrase(pending[j].text, pending[j].path, passages[warned++]);
    }

    // The search's index holds the body's words and refers to the body about to be rebuilt: it goes
    // before the new body is made, which is when a long article's memory peaks.
    quoteSearch_.reset();

    // The body in its final order, and where each anchored and floating pull quote went.
    std::vector<BodyItem> body;
    body.reserve(plan.order.size());
    std::vector<std::size_t> bodyBlocks;  // per item of the new body: the item of the old body it was, or kNoItem
    std::vector<std::optional<std::size_t>> floatingAt(pending.size());
    std::vector<std::optional<std::size_t>> anchoredAt(tree_.body.size());
    std::size_t sideCounter = 0;
    for (const PlacedEntry& entry : plan.order) {
      if (!entry.floating) {
        anchoredAt[entry.index] = body.size();
        bodyBlocks.push_back(entry.index);
        body.push_back(std::move(tree_.body[entry.index]));
        continue;
      }
      PendingPullquote& quote = pending[entry.index];
      BodyItem item;
      item.kind = BodyItem::Kind::PullQuote;
      item.text = std::move(quote.tree);
      item.floating = true;
      item.side = sideCounter++ % 2 == 0 ? Side::End : Side::Start;
      item.repeatsBody = inBody[entry.index];
      if (const format::Person* analyst = article_.findAnalyst(quote.by))
        item.attribution = {displayName(*analyst), ""};
      floatingAt[entry.index] = body.size();
      bodyBlocks.push_back(kNoItem);
      body.push_back(std::move(item));
    }
    const auto report = [&](PullquoteSummary summary, std::optional<std::size_t> at) {
      summary.placed = at.has_value();
      if (at) {
        summary.index = *at;
        summary.after = blockPath(bodyBlocks[*at - 1]);  // a pull quote always follows a paragraph
      }
      meta_.pullquotes.push_back(std::move(summary));
    };

    for (std::size_t a = 0; a < anchoredPullquotes_.size(); ++a) {
      const std::size_t item = anchoredPullquotes_[a];
      const PlacementReason reason = plan.anchored[a];
      const std::string path = blockPath(item);
      const std::string& text = plainTexts_[item];
      const bool inText = anchoredInBody[a];
      if (reason == PlacementReason::Moved) {
        sink_.warning(format::code::PullquoteMoved, path,
                      "The pull quote \"" + text + "\" was moved to follow " +
                          blockPath(bodyBlocks[*anchoredAt[item] - 1]) +
                          ": a pull quote may not come before the first paragraph, end the body or stand next to "
                          "another pull quote.");
      } else if (!anchoredAt[item]) {
        reportLeftOut(text, path, reason);
      }
      report({text, "anchored", path, false, 0, "", reasonName(reason), anchoredBy_[a], inText}, anchoredAt[item]);
      if (anchoredAt[item]) ++meta_.pullquotesPlaced;
    }
    for (std::size_t j = 0; j < pending.size(); ++j) {
      const PendingPullquote& quote = pending[j];
      const PlacementReason reason = plan.floating[j];
      if (!floatingAt[j]) reportLeftOut(quote.text, quote.path, reason);
      report({quote.plain, article_.autoPullquotes ? "auto" : "listed", quote.path, false, 0, "", reasonName(reason),
              article_.findAnalyst(quote.by) ? quote.by : std::string(), inBody[j]},
             floatingAt[j]);
      if (floatingAt[j]) ++meta_.pullquotesPlaced;
    }
    tree_.body = std::move(body);
  }

  [[gnu::noinline]] void fillMeta() {
    meta_.headline = tree_.headline.plainText();
    std::size_t words =
        countWords(meta_.headline) + countWords(tree_.standfirst.plainText()) + countWords(tree_.note.plainText());
    for (const BodyItem& item : tree_.body) {
      // Pull quotes that repeat the body are not read twice.
      if (item.kind != BodyItem::Kind::PullQuote || !(item.floating || item.repeatsBody)) words += item.words;
    }
    meta_.lang = tree_.lang;
    meta_.dir = tree_.dir;
    meta_.canonicalUrl = article_.canonicalUrl;
    meta_.id = article_.id;
    if (article_.syndication) meta_.readUrl = article_.syndication->readUrl;
    meta_.wordCount = words;
    const auto perMinute = static_cast<std::size_t>(labels_->wordsPerMinute);
    meta_.readingMinutes = std::max<std::size_t>(1, (words + perMinute / 2) / perMinute);
    for (const auto& analyst : article_.analysts)
      meta_.analysts.push_back({analyst.id, displayName(analyst), analyst.role});
    tree_.readingTimeText = readingTime(meta_.readingMinutes, *labels_);
  }

  // The headline and pull quotes keep their last two words together; the standfirst, a paragraph,
  // need not.
  [[gnu::noinline]] void setDisplayTexts() {
    setAsDisplayText(tree_.headline, tree_.lang, /*noWidow=*/true);
    setAsDisplayText(tree_.standfirst, tree_.lang, /*noWidow=*/false);
    for (BodyItem& item : tree_.body) {
      if (item.kind == BodyItem::Kind::PullQuote) {
        const std::string& lang = tree_.languages[item.language].lang;
        setAsDisplayText(item.text, lang.empty() ? tree_.lang : lang, /*noWidow=*/true);
      }
    }
  }

  Article& article_;
  const RenderOptions& options_;
  format::DiagnosticSink& sink_;
  Meta& meta_;
  LayoutTree tree_;
  const Labels* labels_ = nullptr;         // the article's language's
  const LicenseTerms* license_ = nullptr;  // a syndicated article's known licence
  std::vector<std::string> mentioned_;
  std::vector<std::size_t> anchoredPullquotes_;  // body items
  std::vector<std::string> anchoredBy_;          // per anchored pull quote: its analyst's id, "" for none
  std::vector<SpeakerName> speakers_;
  // With automatic pull quotes: per body item, the quotations of a paragraph (offsets into its plain
  // text, which is words_ without trailing spaces) and their speakers; shorter than the body when the
  // last items are no paragraphs.
  std::vector<std::vector<InlineQuote>> itemQuotes_;  // per analyst, for finding them in the text
  static constexpr std::size_t kNoItem = static_cast<std::size_t>(-1);
  std::vector<std::size_t> blockItems_;  // per article block: the index of its (first) body item, or kNoItem
  std::vector<std::size_t> itemBlocks_;  // per body item before placement: its article block
  std::size_t currentBlock_ = 0;         // the article block being laid out
  std::size_t emptyBlocksLeftOut_ = 0;   // of the block being laid out
  std::string words_;                    // an item's words, reused
  // Per body item before placement: its words as read, kept for anchored pull quotes and, with
  // automatic pull quotes, paragraphs and quotes ("" elsewhere).
  std::vector<std::string> plainTexts_;
  std::optional<QuoteSearch> quoteSearch_;     // over the body before placement
  std::vector<std::size_t> blockSourceWords_;  // per body block, with automatic pull quotes: its source's words
};

}  // namespace

LayoutTree layOut(Article& article, const RenderOptions& options, format::DiagnosticSink& sink, Meta& meta) {
  return ArticleLayout(article, options, sink, meta).build();
}

}  // namespace broadsheet::layout
