#include "format/read_article.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include "broadsheet_core_variant.hpp"
#include "format/bidi.hpp"
#include "format/closest_name.hpp"
#include "format/json_pointer.hpp"
#include "format/kept_document.hpp"
#include "format/kept_value.hpp"
#include "format/link_decisions.hpp"
#include "format/member_names.hpp"
#include "format/parse_json.hpp"
#include "format/read_embed.hpp"
#include "format/read_table.hpp"
#include "format/value_checks.hpp"
#include "policy/embed_providers.hpp"
#include "policy/url_policy.hpp"
#include "text/footnote_refs.hpp"
#include "text/markdown.hpp"

namespace broadsheet::format {
namespace {

using policy::UrlKind;
using text::Flavor;

// Where a value is: its parent's JSON Pointer and its key or index, spelled out as a pointer only
// when a diagnostic needs one (most values have none; building every pointer was 5% of a render).
struct Place {
  std::string_view parent;
  std::string_view key;
  std::optional<std::size_t> index;  // instead of `key`, for an array element
  std::string pointer() const { return index ? childPointer(parent, *index) : childPointer(parent, key); }
};

// Whether a member must be present, and whether a string must hold more than white space.
enum class Need { Optional, Required, NonEmpty, NonEmptyIfPresent };

// A block's "by", checked once every analyst has been read: analysts may come after the body.
struct Reference {
  std::string path;
  std::string analystId;
  std::size_t block;  // index in Article::body, or kDroppedBlock
};
constexpr std::size_t kDroppedBlock = std::numeric_limits<std::size_t>::max();

// The memory the Markdown trees of an article may hold (text::TreeBudget), so that peak WASM memory
// stays within 10x the input (issue 13) with the input, its strings and the HTML beside them: 3 bytes
// of block structure and 5 of whole trees per input byte. Ordinary prose takes about 1 and 3.5; blocks
// of a node per byte or two take 20-100. cmark's nodes are mostly pointers, so 64-bit builds get twice
// as much (for the same texts to fit natively and in WASM).
constexpr std::size_t kStructureBytesPerInputByte = 3 * sizeof(void*) / 4;
constexpr std::size_t kTreeBytesPerInputByte = 5 * sizeof(void*) / 4;
constexpr std::size_t kTreeBytesBase = 256 * 1024;

// The end of a message about a name that is not one of the known ones: a did-you-mean when one of
// them is near (closest_name.hpp), otherwise a full stop.
std::string didYouMean(std::optional<std::string_view> suggestion) {
  return suggestion ? "; did you mean `" + std::string(*suggestion) + "`?" : ".";
}

// An article may name the JSON Schema it follows (editors use it for completion); it is not part of
// the format, and not reported.
constexpr std::string_view kSchemaMember = "$schema";

// The 1-based line of `source` that byte `at` is on ("\r\n", "\n" and "\r" each end a line).
std::size_t lineAt(std::string_view source, std::size_t at) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < at; ++i) {
    if (source[i] == '\n' || (source[i] == '\r' && (i + 1 >= source.size() || source[i + 1] != '\n'))) ++line;
  }
  return line;
}

// Reads the article from what the KeptDocumentBuilder keeps. The body's blocks are read as each one
// ends; the rest of the document (a few small members) is read when the text ends, in a fixed order.
// Diagnostics are held until then: a syntax error later in the text reports only itself.
class ArticleReader final : public BodyBlockReader, public TableTexts {
 public:
  ArticleReader(std::size_t jsonBytes, const Limits& limits, const policy::UrlContext& urls, Article& article)
      : limits_(limits),
        urls_(urls),
        article_(&article),
        reported_(limits.maxDiagnostics),
        bodyReported_(limits.maxDiagnostics),
        treeBudget_(kStructureBytesPerInputByte * jsonBytes + kTreeBytesBase,
                    kTreeBytesPerInputByte * jsonBytes + kTreeBytesBase) {}

  // Reports into `sink` and says whether there is an article to show; call after a successful parse.
  bool finish(KeptDocument& kept, DiagnosticSink& sink) {
    reporting_ = &reported_;
    const bool readable = read(kept);
    sink.absorb(reported_);
    sink.absorb(bodyReported_);
    return readable;
  }

  void readBodyBlock(KeptValue& keptBlock, std::size_t index) override {
    const std::string path = childPointer("/body", index);
    // Read in place: moving a Block (a dozen strings and trees) in afterwards was 1% of a render.
    Block& block = article_->body.emplace_back();
    block.index = index;
    const bool kept = readBlock(keptBlock, path, block);
    if (!block.by.empty()) {
      references_.push_back({childPointer(path, "by"), block.by, kept ? article_->body.size() - 1 : kDroppedBlock});
    }
    if (!kept) article_->body.pop_back();
  }

  // The body's blocks are the only part of the article written while the text streams past.
  void forgetBody() override {
    article_->body.clear();
    references_.clear();
    pullquotesRead_ = 0;
    bodyReported_ = DiagnosticSink(limits_.maxDiagnostics);
  }

 private:
  // ------------------------------------------------------------------ the document, once read

  bool read(KeptDocument& kept) {
    Article& article = *article_;
    if (kept.rootKind != JsonKind::Object) {
      reporting_->error(code::Type, "", "The document must be a JSON object, found " + describe(kept.rootKind) + ".");
      return false;
    }
    KeptValue& document = kept.members;
    checkMembers(document, "", names(kDocumentMembers));
    readFormat(document);
    article.id = text(document, "id", "").value_or("");
    readLanguage(document, article);
    article.headline = markdown(document, "headline", "", Flavor::Inline, Need::NonEmpty).value_or(Text{});
    article.standfirst = markdown(document, "standfirst", "", Flavor::Inline).value_or(Text{});
    article.published = date(document, "published", "");
    article.updated = date(document, "updated", "");
    article.section = shownText(document, "section", "").value_or("");
    article.tags = stringList<std::string>(document, "tags", "", std::nullopt);
    article.publisher = link(document, "publisher", "", "name", UrlKind::Resource, /*urlRequired=*/false);
    article.canonicalUrl = url(document, "canonicalUrl", "", UrlKind::Resource);
    article.authors = people(document, "authors", /*idRequired=*/false);
    article.analysts = people(document, "analysts", /*idRequired=*/true);
    if (KeptValue* image = member(document, "image", "", JsonKind::Object)) {
      checkMembers(*image, "/image", names(kImageMembers));
      Image lead;
      if (readImage(*image, "/image", lead)) article.image = std::move(lead);
    }
    readBody(kept, article);
    readPullquotes(document, article);
    article.note = markdown(document, "note", "", Flavor::Inline).value_or(Text{});
    article.callToAction = link(document, "callToAction", "", "label", UrlKind::Resource, /*urlRequired=*/true);
    article.syndication = syndication(document);
    readCorrections(document, article);
    readTranslations(document, article);
    readFootnotes(document, article);
    readSources(document, article);
    return !article.headline.source.empty();
  }

  // ------------------------------------------------------------------ members of any object

  // A diagnostic whose message names the member at `path`, then goes on with `rest`. Messages are
  // built here, not by a chain of concatenations at each of the 30 places (kilobytes of WASM).
  void report(Severity severity, std::string_view code, const std::string& path,
              std::initializer_list<std::string_view> rest) override {
    if (!reporting_->keeps(severity)) {
      reporting_->count(severity);  // past limits.maxDiagnostics: no message is built
      return;
    }
    std::string message = memberName(path);
    for (std::string_view part : rest) message.append(part);
    reporting_->add({severity, std::string(code), std::move(message), path, 0, 0});
  }

  void fail(std::string_view code, const std::string& path, std::initializer_list<std::string_view> rest) {
    report(Severity::Error, code, path, rest);
  }

  void checkMembers(const KeptValue& object, const std::string& path, Names known) {
    for (const KeptMember& entry : object.members) {
      if (!known.has(entry.name)) reportUnknownMember(path, entry.name, known);
    }
    for (const std::string& name : object.unknownNames.names()) reportUnknownMember(path, name, known);
  }

  void reportUnknownMember(const std::string& parent, std::string_view name, Names known) {
    if (parent.empty() && name == kSchemaMember) return;
    if (!reporting_->keeps(Severity::Warning)) {
      reporting_->count(Severity::Warning);
      return;
    }
    report(Severity::Warning, code::UnknownMember, childPointer(parent, name),
           {" is not part of the article format and is ignored", didYouMean(closestName(name, known))});
  }

  void reportType(const std::string& path, JsonKind expected, JsonKind found) {
    fail(code::Type, path, {" must be ", describe(expected), ", found ", describe(found), "."});
  }

  // The member if present with the expected kind; otherwise reports and returns null.
  KeptValue* member(KeptValue& object, std::string_view key, const std::string& parent, JsonKind kind,
                    Need need = Need::Optional) {
    KeptValue* found = object.find(key);
    if (!found) {
      if (need == Need::Required || need == Need::NonEmpty) {
        const std::string path = childPointer(parent, key);
        fail(code::Required, path, {" is required."});
      }
      return nullptr;
    }
    if (found->kind != kind) {
      reportType(childPointer(parent, key), kind, found->kind);
      return nullptr;
    }
    return found;
  }

  // The string, moved out of the kept value (each member is read once).
  std::optional<std::string> checkedText(KeptValue& value, const Place& place, Need need) {
    std::string& text = value.string;
    if (text.size() > limits_.maxStringBytes) {
      const std::string path = place.pointer();
      fail(code::Limit, path,
           {" is ", std::to_string(text.size()), " bytes long; the limit is ", std::to_string(limits_.maxStringBytes),
            "."});
      return std::nullopt;
    }
    if ((need == Need::NonEmpty || need == Need::NonEmptyIfPresent) && isBlank(text)) {
      const std::string path = place.pointer();
      fail(code::Empty, path, {" must not be empty."});
      return std::nullopt;
    }
    return std::move(text);
  }

  std::optional<std::string> text(KeptValue& object, std::string_view key, const std::string& parent,
                                  Need need = Need::Optional) {
    KeptValue* value = member(object, key, parent, JsonKind::String, need);
    if (!value) return std::nullopt;
    return checkedText(*value, Place{parent, key, {}}, need);
  }

  // A plain-text member readers see (a name, a tag, a label): bidi controls that open or close no pair
  // are removed (BS-BIDI), and a value left with nothing to show counts as blank.
  std::optional<std::string> shownText(KeptValue& object, std::string_view key, const std::string& parent,
                                       Need need = Need::Optional) {
    auto value = text(object, key, parent, need);
    if (!value || !withoutUnpairedBidi(*value, Place{parent, key, {}}, need)) return std::nullopt;
    return value;
  }

  bool withoutUnpairedBidi(std::string& value, const Place& place, Need need) {
    const std::size_t removed = removeUnpairedBidiControls(value);
    if (removed == 0) return true;
    const std::string path = place.pointer();
    report(Severity::Warning, code::Bidi, path,
           {" holds ", std::to_string(removed), removed == 1 ? " bidi control" : " bidi controls",
            " (U+202A-U+202E, U+2066-U+2069) opening or closing no pair, which would reorder the text around it; ",
            removed == 1 ? "it is" : "they are", " removed."});
    if ((need == Need::NonEmpty || need == Need::NonEmptyIfPresent) && isBlank(value)) {
      fail(code::Empty, path, {" must not be empty."});
      return false;
    }
    return true;
  }

  // A CommonMark member: read as text and parsed (once: the layout takes the tree), then its links
  // and images are checked against the URL policy the html stage applies, so a link that will lose
  // its URL is reported (its words stay).
  std::optional<Text> markdown(KeptValue& object, std::string_view key, const std::string& parent, Flavor flavor,
                               Need need = Need::Optional) {
    auto value = text(object, key, parent, need);
    if (!value) return std::nullopt;
    return parsed(std::move(*value), Place{parent, key, {}}, flavor);
  }

  Text parsed(std::string source, const Place& place, Flavor flavor) {
    Text result{std::move(source), {}};
    result.tree = text::Markdown(result.source, flavor, &treeBudget_);
    reportLeftOut(result, place);
    checkLinks(result, place);
    return result;
  }

  void reportLeftOut(const Text& member, const Place& place) {
    const std::size_t from = member.tree.leftOutFrom();
    if (from == std::string_view::npos) return;
    const std::string path = place.pointer();
    report(Severity::Warning, code::Limit, path,
           {" is left out from line ", std::to_string(lineAt(member.source, from)),
            " on: its Markdown makes more syntax tree than an article may hold (",
            std::to_string(kStructureBytesPerInputByte), " bytes of block structure for each byte of the input)."});
  }

  void checkLinks(const Text& member, const Place& place) {
    if (member.tree.shownAsText()) {
      const std::string path = place.pointer();
      report(Severity::Warning, code::Limit, path,
             {" nests Markdown more than ", std::to_string(text::kMaxMarkdownNesting),
              " levels deep or leaves very many \"[\" open; it is shown as plain text."});
      return;
    }
    // Links and images need "[" and autolinks "<": a text with neither has none to decide.
    if (!member.tree.sourceFacts().linkSyntax) return;
    for (const RefusedDestination& target : decideLinks(member.tree, urls_)) {
      if (target.url.empty()) continue;  // "[words]()": nothing to refuse, the words stay
      if (target.relativeDropped) {
        reportRelativeImage(place.pointer(), target.url, "the image is shown as its description.");
        continue;
      }
      const std::string rule =
          target.image
              ? "images in text must be http or https URLs, or relative ones; the image is shown as its description."
              : "links in text must be http, https or mailto URLs, or relative ones; the words are kept without the "
                "link.";
      const std::string path = place.pointer();
      report(Severity::Warning, code::UrlScheme, path,
             {target.image ? " shows an image from " : " links to ", quotedUrl(target.url),
              ", which is not allowed: ", rule});
    }
  }

  // An array of non-empty strings; with `flavor`, each one parsed as CommonMark.
  template <typename Entry>
  std::vector<Entry> stringList(KeptValue& object, std::string_view key, const std::string& parent,
                                std::optional<Flavor> flavor) {
    std::vector<Entry> list;
    KeptValue* array = member(object, key, parent, JsonKind::Array);
    if (!array) return list;
    const std::string path = childPointer(parent, key);
    KeptValue item;
    for (std::size_t i = 0, strings = 0; i < array->itemKinds.size(); ++i) {
      const Place place{path, {}, i};
      const JsonKind kind = array->itemKinds[i];
      if (kind != JsonKind::String) {
        if (!reporting_->keeps(Severity::Error)) {
          reporting_->count(Severity::Error);
        } else {
          fail(code::Type, place.pointer(), {" must be a string, found ", describe(kind), "."});
        }
        continue;
      }
      item.string = std::move(array->itemStrings[strings++]);
      if (auto value = checkedText(item, place, Need::NonEmpty)) {
        if constexpr (std::is_same_v<Entry, Text>) {
          list.push_back(parsed(std::move(*value), place, *flavor));
        } else if (withoutUnpairedBidi(*value, place, Need::NonEmpty)) {
          list.push_back(std::move(*value));
        }
      }
    }
    return list;
  }

  std::string url(KeptValue& object, std::string_view key, const std::string& parent, UrlKind kind,
                  Need need = Need::Optional) {
    const auto value = text(object, key, parent, need == Need::Optional ? need : Need::NonEmpty);
    if (!value || value->empty()) return "";
    policy::UrlDecision decision = policy::decideUrl(*value, kind, urls_);
    if (decision.outcome == policy::UrlDecision::Outcome::Written) return std::move(decision.url);
    const std::string path = childPointer(parent, key);
    if (decision.outcome == policy::UrlDecision::Outcome::RelativeDropped) {
      reportRelativeImage(path, *value, "the image is left out.");
      return "";
    }
    const std::string expected = kind == UrlKind::Link ? "an http, https or mailto URL, or a relative one"
                                                       : "an http or https URL, or a relative one";
    fail(code::UrlScheme, path, {" must be ", expected, ", not ", quotedUrl(*value), "; it is left out."});
    return "";
  }

  void reportRelativeImage(const std::string& path, std::string_view url, std::string_view consequence) {
    report(Severity::Warning, code::UrlRelative, path,
           {" shows an image from ", quotedUrl(url),
            ", a relative URL, and there is no base URL to resolve it against; ", consequence});
  }

  std::string date(KeptValue& object, std::string_view key, const std::string& parent) {
    const auto value = text(object, key, parent);
    if (!value) return "";
    if (isIsoDate(*value)) return *value;
    const std::string path = childPointer(parent, key);
    fail(code::Date, path, {" must be an ISO 8601 date such as 2007-02-20 or 2007-02-20T09:30:00Z."});
    return "";
  }

  std::optional<Link> link(KeptValue& object, std::string_view key, const std::string& parent,
                           std::string_view labelKey, UrlKind kind, bool urlRequired) {
    KeptValue* value = member(object, key, parent, JsonKind::Object);
    if (!value) return std::nullopt;
    const std::string path = childPointer(parent, key);
    checkMembers(*value, path, labelKey == "name" ? names(kPublisherMembers) : names(kCallToActionMembers));
    Link result;
    result.label = shownText(*value, labelKey, path, Need::NonEmpty).value_or("");
    result.url = url(*value, "url", path, kind, urlRequired ? Need::Required : Need::Optional);
    if (result.label.empty() || (urlRequired && result.url.empty())) return std::nullopt;
    return result;
  }

  // An absolute https URL (readUrl, a licence's URL): the host page sends requests to it or links it
  // as terms, so neither http nor a URL relative to some page will do.
  std::string httpsUrl(KeptValue& object, std::string_view key, const std::string& parent, Need need,
                       std::string_view consequence) {
    const auto value = text(object, key, parent, need == Need::Optional ? need : Need::NonEmpty);
    if (!value || value->empty()) return "";
    return checkedHttpsUrl(*value, childPointer(parent, key), consequence);
  }

  std::string checkedHttpsUrl(const std::string& value, const std::string& path, std::string_view consequence) {
    policy::UrlDecision decision = policy::decideUrl(value, UrlKind::Resource, urls_);
    const std::string_view written = value;
    const bool absolute = written.find(':') != std::string_view::npos;
    if (decision.outcome == policy::UrlDecision::Outcome::Written && absolute &&
        policy::effectiveScheme(decision.url) == "https") {
      return std::move(decision.url);
    }
    fail(code::UrlScheme, path, {" must be an absolute https URL, not ", quotedUrl(value), "; ", consequence});
    return "";
  }

  // `syndication` (docs/format.md#syndication): kept when its source has a name and originalUrl is
  // usable (otherwise it is left out whole); a licence that is missing or refused leaves the rest.
  std::optional<Syndication> syndication(KeptValue& document) {
    KeptValue* value = member(document, "syndication", "", JsonKind::Object);
    if (!value) return std::nullopt;
    const std::string path = "/syndication";
    checkMembers(*value, path, names(kSyndicationMembers));
    Syndication result;
    if (KeptValue* source = member(*value, "source", path, JsonKind::Object, Need::Required)) {
      const std::string sourcePath = "/syndication/source";
      checkMembers(*source, sourcePath, names(kSourceMembers));
      result.source.label = shownText(*source, "name", sourcePath, Need::NonEmpty).value_or("");
      result.source.url = url(*source, "url", sourcePath, UrlKind::Resource);
      result.sourceLogo = url(*source, "logo", sourcePath, UrlKind::Image);
    }
    result.originalUrl = url(*value, "originalUrl", path, UrlKind::Resource, Need::Required);
    if (auto license = text(*value, "license", path, Need::NonEmpty)) {
      // SPDX ids hold neither ':' nor '/': anything that does is meant as the address of the terms.
      result.licenseIsUrl = license->find_first_of(":/") != std::string::npos;
      result.license = result.licenseIsUrl ? checkedHttpsUrl(*license, "/syndication/license",
                                                             "the article is shown without a licence.")
                                           : std::move(*license);
    }
    result.attribution = shownText(*value, "attribution", path).value_or("");
    result.firstPublished = date(*value, "firstPublished", path);
    result.readUrl = httpsUrl(*value, "readUrl", path, Need::Optional, "no read-through beacon is sent.");
    // Each way of getting here has been reported (the source or its name missing, blank or not an
    // object; originalUrl missing or refused).
    if (result.source.label.empty() || result.originalUrl.empty()) return std::nullopt;
    return result;
  }

  // ------------------------------------------------------------------ document-level members

  void readFormat(KeptValue& document) {
    const auto format = text(document, "format", "", Need::Required);
    if (format && *format != kFormatV1) {
      fail(code::Format, "/format", {" must be \"", kFormatV1, "\", found \"", *format, "\"."});
    }
  }

  // A language tag member: the tag, or "" (reported) when it is not one.
  std::string languageTag(KeptValue& object, std::string_view key, const std::string& parent, Need need,
                          std::string_view consequence) {
    auto lang = text(object, key, parent, need);
    if (!lang) return "";
    if (isLanguageTag(*lang)) return std::move(*lang);
    const std::string path = childPointer(parent, key);
    fail(code::Lang, path, {" must be a BCP 47 language tag such as \"en\" or \"kk-Cyrl\"; ", consequence});
    return "";
  }

  // "ltr", "rtl", "" for "auto" or absent; a bad value is reported and counts as absent.
  std::string direction(KeptValue& object, const std::string& parent) {
    auto dir = text(object, "dir", parent);
    if (!dir || *dir == "auto") return "";
    if (*dir == "ltr" || *dir == "rtl") return std::move(*dir);
    const std::string path = childPointer(parent, "dir");
    fail(code::Value, path,
         {" must be \"ltr\", \"rtl\" or \"auto\"", didYouMean(closestName(*dir, {"ltr", "rtl", "auto"}))});
    return "";
  }

  // A block's own `lang` and `dir`. The layout resolves a `dir` left to "auto" from `lang`.
  void readBlockLanguage(KeptValue& value, const std::string& path, Block& block) {
    block.lang = languageTag(value, "lang", path, Need::Optional, "the block keeps the article's language.");
    block.dir = direction(value, path);
  }

  void readLanguage(KeptValue& document, Article& article) {
    if (auto lang = text(document, "lang", "")) {
      if (isLanguageTag(*lang)) {
        article.lang = *lang;
      } else {
        fail(code::Lang, "/lang",
             {" must be a BCP 47 language tag such as \"en\" or \"kk-Cyrl\"; English is used instead."});
      }
    }
    article.dir = isRightToLeft(article.lang) ? "rtl" : "ltr";
    if (auto dir = text(document, "dir", "")) {
      if (*dir == "ltr" || *dir == "rtl") {
        article.dir = *dir;
      } else if (*dir != "auto") {
        fail(code::Value, "/dir",
             {" must be \"ltr\", \"rtl\" or \"auto\"", didYouMean(closestName(*dir, {"ltr", "rtl", "auto"}))});
      }
    }
  }

  std::vector<Person> people(KeptValue& document, std::string_view key, bool idRequired) {
    std::vector<Person> list;
    KeptValue* array = member(document, key, "", JsonKind::Array);
    if (!array) return list;
    const std::string path = childPointer("", key);
    std::size_t count = array->length;
    if (count > limits_.maxPeople) {
      fail(code::Limit, path,
           {" has ", std::to_string(count), " people; the limit is ", std::to_string(limits_.maxPeople),
            ", so the rest are left out."});
      count = limits_.maxPeople;
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < count; ++i) {
      const std::string personPath = childPointer(path, i);
      KeptValue& entry = array->items[i];
      if (entry.kind != JsonKind::Object) {
        fail(code::Type, personPath, {" must be an object, found ", describe(entry.kind), "."});
        continue;
      }
      checkMembers(entry, personPath, names(kPersonMembers));
      Person person;
      const auto id = text(entry, "id", personPath, idRequired ? Need::NonEmpty : Need::NonEmptyIfPresent);
      const auto name = shownText(entry, "name", personPath, Need::NonEmpty);
      person.role = shownText(entry, "role", personPath).value_or("");
      person.affiliation = shownText(entry, "affiliation", personPath).value_or("");
      person.honorific = shownText(entry, "honorific", personPath).value_or("");
      person.url = url(entry, "url", personPath, UrlKind::Resource);
      if (id && !id->empty() && !ids.insert(*id).second) {
        const std::string idPath = childPointer(personPath, "id");
        fail(code::DuplicateId, idPath, {" repeats the id \"", *id, "\"; ids must be unique."});
        continue;
      }
      if (!name || (idRequired && !id)) continue;
      person.id = id.value_or("");
      person.name = *name;
      list.push_back(std::move(person));
    }
    return list;
  }

  // The members of an image; the caller has checked which members the object may have.
  bool readImage(KeptValue& object, const std::string& path, Image& image) {
    image.src = url(object, "src", path, UrlKind::Image, Need::Required);
    const auto alt = shownText(object, "alt", path, Need::Required);  // "" is allowed: a decorative image
    image.caption = markdown(object, "caption", path, Flavor::Inline).value_or(Text{});
    image.credit = markdown(object, "credit", path, Flavor::Inline).value_or(Text{});
    image.width = dimension(object, "width", path);
    image.height = dimension(object, "height", path);
    image.alt = alt.value_or("");
    image.sources = imageSources(object, path);
    const bool kept = !image.src.empty() && alt.has_value();
    if (kept && (image.width == 0 || image.height == 0)) {
      // Without both the page cannot reserve the image's box: the text below jumps when it loads.
      report(Severity::Warning, code::ImageSize, path,
             {" has no ",
              image.width == 0 && image.height == 0 ? "width and height"
              : image.width == 0                    ? "width"
                                                    : "height",
              "; the page cannot reserve its space before it loads, so the text after it moves (layout shift). Give "
              "its size in pixels (any size with the picture's proportions will do)."});
    }
    return kept;
  }

  // An image's `sources`: each entry a URL (as `src`) and its width in pixels, each width once.
  std::vector<ImageSource> imageSources(KeptValue& object, const std::string& path) {
    std::vector<ImageSource> sources;
    KeptValue* array = member(object, "sources", path, JsonKind::Array);
    if (!array) return sources;
    const std::string listPath = childPointer(path, "sources");
    const std::size_t count = std::min(array->length, kMaxImageSources);
    if (array->length > kMaxImageSources) {
      fail(code::Limit, listPath,
           {" has ", std::to_string(array->length), " entries; the limit is ", std::to_string(kMaxImageSources),
            ", so the rest are left out."});
    }
    for (std::size_t i = 0; i < count; ++i) {
      const std::string entryPath = childPointer(listPath, i);
      KeptValue& entry = array->items[i];
      if (entry.kind != JsonKind::Object) {
        fail(code::Type, entryPath, {" must be an object with src and width, found ", describe(entry.kind), "."});
        continue;
      }
      checkMembers(entry, entryPath, names(kImageSourceMembers));
      ImageSource source;
      source.src = url(entry, "src", entryPath, UrlKind::Image, Need::Required);
      if (!entry.find("width")) fail(code::Required, childPointer(entryPath, "width"), {" is required."});
      source.width = dimension(entry, "width", entryPath);
      if (source.src.empty() || source.width == 0) continue;
      const auto same = [&](const ImageSource& other) { return other.width == source.width; };
      if (std::any_of(sources.begin(), sources.end(), same)) {
        // A warning: nothing is wrong with either picture, and no JSON Schema can see the repeat.
        report(Severity::Warning, code::Value, childPointer(entryPath, "width"),
               {" repeats the width ", std::to_string(source.width),
                " of an earlier entry; the entry is left out (a srcset has one candidate per width)."});
        continue;
      }
      sources.push_back(std::move(source));
    }
    return sources;
  }

  // A gallery block: its images (each one as an image object) and the group's caption and credit.
  bool readGallery(KeptValue& value, const std::string& path, Gallery& gallery) {
    gallery.caption = markdown(value, "caption", path, Flavor::Inline).value_or(Text{});
    gallery.credit = markdown(value, "credit", path, Flavor::Inline).value_or(Text{});
    KeptValue* array = member(value, "images", path, JsonKind::Array, Need::Required);
    if (!array) return false;
    const std::string listPath = childPointer(path, "images");
    if (array->length == 0) {
      fail(code::Empty, listPath, {" must hold at least one image; the gallery is left out."});
      return false;
    }
    const std::size_t count = std::min(array->length, kMaxGalleryImages);
    if (array->length > kMaxGalleryImages) {
      fail(code::Limit, listPath,
           {" has ", std::to_string(array->length), " images; the limit is ", std::to_string(kMaxGalleryImages),
            ", so the rest are left out."});
    }
    for (std::size_t i = 0; i < count; ++i) {
      const std::string entryPath = childPointer(listPath, i);
      KeptValue& entry = array->items[i];
      if (entry.kind != JsonKind::Object) {
        fail(code::Type, entryPath, {" must be an image object, found ", describe(entry.kind), "."});
        continue;
      }
      checkMembers(entry, entryPath, names(kImageMembers));
      Image image;
      if (readImage(entry, entryPath, image)) gallery.images.push_back(std::move(image));
    }
    return !gallery.images.empty();
  }

  int dimension(KeptValue& object, std::string_view key, const std::string& parent) {
    const auto number =
        wholeNumberIn(object, key, parent, 1, 100000, "a whole number of pixels from 1 to 100000", "it is left out");
    return number ? *number : 0;
  }

  // A whole number from `low` to `high`; otherwise reports (BS-TYPE for a non-number, BS-VALUE for
  // a number out of range or with a fraction) and returns nothing.
  std::optional<int> wholeNumberIn(KeptValue& object, std::string_view key, const std::string& parent, int low,
                                   int high, const std::string& expected, const std::string& consequence) {
    const KeptValue* found = object.find(key);
    if (!found) return std::nullopt;
    const std::string path = childPointer(parent, key);
    if (found->kind != JsonKind::Number) {
      fail(code::Type, path, {" must be a number, found ", describe(found->kind), "; ", consequence, "."});
      return std::nullopt;
    }
    const auto number = wholeNumber(*found);
    if (!number || *number < low || *number > high) {
      fail(code::Value, path, {" must be ", expected, "; ", consequence, "."});
      return std::nullopt;
    }
    return static_cast<int>(*number);
  }

  // ------------------------------------------------------------------ body

  // The body as a whole; an array's blocks have been read as they came (readBodyBlock).
  void readBody(KeptDocument& kept, Article& article) {
    if (!kept.bodySeen) {
      fail(code::Required, "/body", {" is required: an array of blocks or one CommonMark string."});
      return;
    }
    KeptValue& body = kept.body;
    if (body.kind == JsonKind::String) {
      if (auto source = checkedText(body, Place{"", "body", {}}, Need::NonEmpty)) {
        Block block;
        block.type = BlockType::Markdown;
        block.text = parsed(std::move(*source), Place{"", "body", {}}, Flavor::Blocks);
        article.body.push_back(std::move(block));
      }
      return;
    }
    if (body.kind != JsonKind::Array) {
      fail(code::Type, "/body",
           {" must be an array of blocks or a CommonMark string, found ", describe(body.kind), "."});
      return;
    }
    const std::size_t count = body.length;
    if (count > limits_.maxBlocks) {
      fail(code::Limit, "/body",
           {" has ", std::to_string(count), " blocks; the limit is ", std::to_string(limits_.maxBlocks),
            ", so the rest are left out."});
    }
    if (count == 0) fail(code::Empty, "/body", {" must hold at least one block."});
    for (const Reference& reference : references_) {
      if (article.findAnalyst(reference.analystId)) continue;
      reportUnknownAnalyst(reference.path, reference.analystId);
      if (reference.block != kDroppedBlock) article.body[reference.block].by.clear();
    }
  }

  // Reads the block; `block.by` is left for the caller to check against the analysts.
  bool readBlock(KeptValue& value, const std::string& path, Block& block) {
    if (value.kind != JsonKind::Object) {
      fail(code::Type, path, {" must be a block object, found ", describe(value.kind), "."});
      return false;
    }
    const auto type = text(value, "type", path, Need::NonEmpty);
    if (!type) return false;
    const std::string_view name = *type;
    if (std::find(std::begin(kBlockTypes), std::end(kBlockTypes), name) != std::end(kBlockTypes)) {
      readBlockLanguage(value, path, block);
    }
    if (name == "paragraph" || name == "note" || name == "markdown") {
      block.type = name == "paragraph" ? BlockType::Paragraph : name == "note" ? BlockType::Note : BlockType::Markdown;
      checkMembers(value, path, names(kTextBlockMembers));
      return readBlockText(value, path, block);
    }
    if (name == "heading") {
      block.type = BlockType::Heading;
      checkMembers(value, path, names(kHeadingMembers));
      block.level =
          wholeNumberIn(value, "level", path, 2, 4, "2, 3 or 4", "the heading is shown at level 2").value_or(2);
      return readBlockText(value, path, block);
    }
    if (name == "quote" || name == "pullquote") {
      block.type = name == "quote" ? BlockType::Quote : BlockType::PullQuote;
      if (block.type == BlockType::Quote) {
        checkMembers(value, path, names(kQuoteMembers));
        block.attribution = shownText(value, "attribution", path).value_or("");
      } else {
        checkMembers(value, path, names(kPullquoteBlockMembers));
        if (++pullquotesRead_ > limits_.maxPullquotes) {
          fail(code::Limit, path,
               {" is one pull quote more than the limit of ", std::to_string(limits_.maxPullquotes),
                "; it is left out."});
          return false;
        }
      }
      block.by = text(value, "by", path, Need::NonEmptyIfPresent).value_or("");
      return readBlockText(value, path, block);
    }
    if (name == "list") {
      block.type = BlockType::List;
      checkMembers(value, path, names(kListMembers));
      if (KeptValue* ordered = member(value, "ordered", path, JsonKind::Boolean)) block.ordered = ordered->boolean;
      if (!member(value, "items", path, JsonKind::Array, Need::Required)) return false;
      block.items = stringList<Text>(value, "items", path, Flavor::Inline);
      if (block.items.empty()) {
        const std::string itemsPath = childPointer(path, "items");
        fail(code::Empty, itemsPath, {" must hold at least one item."});
        return false;
      }
      return true;
    }
    if (name == "image") {
      block.type = BlockType::Image;
      checkMembers(value, path, names(kImageBlockMembers));
      block.image = std::make_unique<Image>();
      return readImage(value, path, *block.image);
    }
    if (name == "gallery") {
      if constexpr (!kFullCore) return needFullCore();
      block.type = BlockType::Gallery;
      checkMembers(value, path, names(kGalleryMembers));
      block.gallery = std::make_unique<Gallery>();
      return readGallery(value, path, *block.gallery);
    }
    if (name == "embed") {
      if constexpr (!kFullCore) return needFullCore();
      block.type = BlockType::Embed;
      checkMembers(value, path, names(kEmbedMembers));
      block.embed = std::make_unique<Embed>();
      return readEmbed(value, path, *block.embed);
    }
    if (name == "table") {
      if constexpr (!kFullCore) return needFullCore();
      block.type = BlockType::Table;
      checkMembers(value, path, names(kTableMembers));
      block.table = std::make_unique<Table>();
      return readTable(value, path, *this, *block.table);
    }
    if (name == "divider") {
      block.type = BlockType::Divider;
      checkMembers(value, path, names(kDividerMembers));
      return true;
    }
    const std::string typePath = childPointer(path, "type");
    fail(code::UnknownBlock, typePath,
         {" is \"", name,
          "\", which is not a block type (paragraph, heading, quote, pullquote, list, "
          "image, note, divider, markdown, gallery, embed, table); the block is left out",
          didYouMean(closestName(name, kBlockTypes))});
    return false;
  }

  // An embed (docs/embeds.md): its URL rebuilt from the provider's ids. One that cannot be is
  // refused (BS-EMBED-PROVIDER) and the block becomes a plain link to it when it is an https URL the
  // policy allows, else is left out. Without a title (the frame's accessible name) it is left out.
  bool readEmbed(KeptValue& value, const std::string& path, Embed& embed) {
    const auto provider = text(value, "provider", path, Need::NonEmpty);
    const auto written = text(value, "url", path, Need::NonEmpty);
    embed.title = shownText(value, "title", path, Need::NonEmpty).value_or("");
    embed.caption = markdown(value, "caption", path, Flavor::Inline).value_or(Text{});
    if (const KeptValue* ratio = value.find("aspectRatio")) {
      if (auto checked = embedAspectRatio(*ratio)) {
        embed.aspectRatio = std::move(*checked);
      } else {
        fail(code::Value, childPointer(path, "aspectRatio"),
             {" must be \"16:9\", \"4:3\", \"9:16\" or a number from 0.25 to 4 (width over height); the "
              "provider's default is used."});
      }
    }
    if (!written || embed.title.empty()) return false;
    const EmbedVerdict verdict = provider ? resolveEmbedUrls(*provider, *written, embed) : EmbedVerdict::Rebuilt;
    if (provider && verdict == EmbedVerdict::Rebuilt) return true;
    // Link only: an https URL as the policy writes it, or nothing.
    const policy::UrlDecision link = policy::decideUrl(*written, UrlKind::Resource, urls_);
    // Not one with a user name either: "https://evil.example@x.com/…" reads as x.com to the reader.
    const bool linkable = link.outcome == policy::UrlDecision::Outcome::Written &&
                          written->find(':') != std::string::npos && policy::effectiveScheme(link.url) == "https" &&
                          policy::parseBaseUrl(link.url).has_value();
    const std::string_view consequence =
        linkable ? "; the block is shown as a link to it."
                 : "; it is not an https URL without a user name either, so the block is left out.";
    if (verdict == EmbedVerdict::UnknownProvider) {
      fail(code::EmbedProvider, childPointer(path, "provider"),
           {" is \"", *provider, "\", which is not a provider Broadsheet knows (", policy::embedProviderIds(), ")",
            consequence});
    } else if (verdict == EmbedVerdict::NotProviderUrl) {
      fail(code::EmbedProvider, childPointer(path, "url"),
           {" is not a ", *provider, " address Broadsheet can rebuild from its ids (docs/embeds.md lists the forms)",
            consequence});
    }
    embed = Embed{"", linkable ? link.url : "", "", "", std::move(embed.title), std::move(embed.caption), ""};
    return linkable;
  }

  // TableTexts: a table's cells and caption, checked and parsed as every other inline text.
  std::optional<Text> inlineText(std::string source, const std::string& parent, std::size_t index) override {
    KeptValue cell;
    cell.string = std::move(source);
    const Place place{parent, {}, index};
    auto checked = checkedText(cell, place, Need::Optional);
    if (!checked) return std::nullopt;
    return parsed(std::move(*checked), place, Flavor::Inline);
  }

  std::optional<Text> caption(KeptValue& block, const std::string& path) override {
    return markdown(block, "caption", path, Flavor::Inline, Need::NonEmpty);
  }

  bool readBlockText(KeptValue& value, const std::string& path, Block& block) {
    const Flavor flavor = block.type == BlockType::Markdown ? Flavor::Blocks : Flavor::Inline;
    auto body = markdown(value, "text", path, flavor, Need::NonEmpty);
    if (!body) return false;
    block.text = std::move(*body);
    return true;
  }

  void reportUnknownAnalyst(const std::string& path, const std::string& analystId) {
    ClosestName closest(analystId);
    for (const Person& analyst : article_->analysts) {
      // An id goes into the message as written: only one that is a single printable line.
      if (std::none_of(analyst.id.begin(), analyst.id.end(), [](char c) { return c >= 0 && c < 0x20; })) {
        closest.consider(analyst.id);
      }
    }
    fail(code::RefAnalyst, path,
         {" names \"", analystId, "\", but no analyst has that id; the quote is shown without attribution",
          didYouMean(closest.best())});
  }

  // The records of a document-level array read as Records (kept_document.cpp): at most `limit`, each
  // checked to be an object with the members `known`; `read` takes each one's object and pointer.
  template <typename ReadEntry>
  void records(KeptValue& document, std::string_view key, std::size_t limit, Names known, ReadEntry read) {
    KeptValue* array = member(document, key, "", JsonKind::Array);
    if (!array) return;
    const std::string path = childPointer("", key);
    std::size_t count = array->length;
    if (count > limit) {
      fail(code::Limit, path,
           {" has ", std::to_string(count), " entries; the limit is ", std::to_string(limit),
            ", so the rest are left out."});
      count = limit;
    }
    for (std::size_t i = 0; i < count; ++i) {
      const std::string entryPath = childPointer(path, i);
      KeptValue& entry = array->items[i];
      if (entry.kind != JsonKind::Object) {
        fail(code::Type, entryPath, {" must be an object, found ", describe(entry.kind), "."});
        continue;
      }
      checkMembers(entry, entryPath, known);
      read(entry, entryPath);
    }
  }

  void readCorrections(KeptValue& document, Article& article) {
    records(document, "corrections", kMaxCorrections, names(kCorrectionMembers),
            [&](KeptValue& entry, const std::string& path) {
              Correction correction;
              if (KeptValue* date = member(entry, "date", path, JsonKind::String, Need::Required)) {
                if (isBlank(date->string)) {
                  fail(code::Empty, childPointer(path, "date"), {" must not be empty."});
                } else {
                  correction.date = this->date(entry, "date", path);
                }
              }
              auto kind = text(entry, "kind", path);
              if (kind && *kind == "update") {
                correction.update = true;
              } else if (kind && *kind != "correction") {
                fail(code::Value, childPointer(path, "kind"),
                     {" must be \"correction\" or \"update\"; it is shown as a correction",
                      didYouMean(closestName(*kind, kCorrectionKinds))});
              }
              auto body = markdown(entry, "text", path, Flavor::Inline, Need::NonEmpty);
              if (correction.date.empty() || !body) return;
              correction.text = std::move(*body);
              article.corrections.push_back(std::move(correction));
            });
  }

  // A language version: `lang` and `url` required, `headline` plain text.
  std::optional<Translation> translation(KeptValue& entry, const std::string& path, bool withHeadline) {
    Translation version;
    version.lang = languageTag(entry, "lang", path, Need::NonEmpty, "the entry is left out.");
    version.url = url(entry, "url", path, UrlKind::Resource, Need::Required);
    if (withHeadline) version.headline = shownText(entry, "headline", path).value_or("");
    if (version.lang.empty() || version.url.empty()) return std::nullopt;
    return version;
  }

  void readTranslations(KeptValue& document, Article& article) {
    std::vector<std::string> seen{lowerCase(article.lang)};
    records(document, "translations", kMaxTranslations, names(kTranslationMembers),
            [&](KeptValue& entry, const std::string& path) {
              auto version = translation(entry, path, /*withHeadline=*/true);
              if (!version) return;
              const std::string key = lowerCase(version->lang);
              if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
                report(Severity::Warning, code::TranslationLang, childPointer(path, "lang"),
                       {" is \"", version->lang,
                        key == seen.front() ? "\", the article's own language" : "\", which an earlier entry has",
                        "; the entry is left out (one link per language)."});
                return;
              }
              seen.push_back(key);
              article.translations.push_back(std::move(*version));
            });
    if (KeptValue* original = member(document, "translationOf", "", JsonKind::Object)) {
      checkMembers(*original, "/translationOf", names(kTranslationOfMembers));
      article.translationOf = translation(*original, "/translationOf", /*withHeadline=*/false);
    }
  }

  // Footnotes (docs/format.md, "Footnotes"): the definitions, then the references in the body's
  // text, found in reading order; a definition no reference uses is left out.
  void readFootnotes(KeptValue& document, Article& article) {
    if constexpr (!kFullCore) {
      if (document.find("footnotes") || document.find("sources") || anyReferenceMark(article)) needFullCore();
      return;
    }
    std::vector<std::string> paths;  // of each definition kept
    records(document, "footnotes", kMaxFootnotes, names(kFootnoteMembers),
            [&](KeptValue& entry, const std::string& path) {
              auto id = text(entry, "id", path, Need::NonEmpty);
              auto words = markdown(entry, "text", path, Flavor::Inline, Need::NonEmpty);
              if (!id || !words) return;
              const std::string idPath = childPointer(path, "id");
              if (id->size() > text::kMaxFootnoteLabel || std::any_of(id->begin(), id->end(), [](char c) {
                    return c == '[' || c == ']' || std::isspace(static_cast<unsigned char>(c));
                  })) {
                fail(code::Footnote, idPath,
                     {" must be 1 to ", std::to_string(text::kMaxFootnoteLabel),
                      " characters without spaces or brackets, as in [^label]; the footnote is left out."});
                return;
              }
              for (std::size_t i = 0; i < article.footnotes.size(); ++i) {
                if (article.footnotes[i].id != *id) continue;
                fail(code::Footnote, idPath,
                     {" is \"", *id, "\", which ", paths[i], " already defines; the footnote is left out."});
                return;
              }
              article.footnotes.push_back({std::move(*id), std::move(*words)});
              paths.push_back(path);
            });
    std::vector<bool> used(article.footnotes.size(), false);
    // Only a text that holds "[^" can refer to a note, and only its path is made (making every text's
    // path was 3 % of a long article's render).
    for (Block& block : article.body) {
      if (block.type == BlockType::PullQuote) continue;  // repeats the body's words, not its notes
      const auto path = [&block] {
        return block.index == kBodyString ? std::string("/body") : childPointer("/body", block.index);
      };
      if (holdsReferenceMark(block.text))
        markReferences(block.text, block.index == kBodyString ? path() : childPointer(path(), "text"), used);
      for (std::size_t i = 0; i < block.items.size(); ++i) {
        if (holdsReferenceMark(block.items[i]))
          markReferences(block.items[i], childPointer(childPointer(path(), "items"), i), used);
      }
    }
    for (std::size_t i = used.size(); i-- > 0;) {
      if (used[i]) continue;
      report(Severity::Warning, code::Footnote, paths[i],
             {" is a footnote no [^", article.footnotes[i].id, "] in the body refers to; it is left out."});
      article.footnotes.erase(article.footnotes.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }

  void markReferences(Text& member, const std::string& path, std::vector<bool>& used) {
    text::markFootnoteReferences(member.tree, [&](std::string_view label) {
      for (std::size_t i = 0; i < article_->footnotes.size(); ++i) {
        if (article_->footnotes[i].id != label) continue;
        used[i] = true;
        return true;
      }
      report(Severity::Warning, code::Footnote, path,
             {" refers to [^", label, "], but no entry of footnotes has that id; it is shown as written",
              didYouMean(closestFootnote(label))});
      return false;
    });
  }

  std::optional<std::string_view> closestFootnote(std::string_view label) const {
    ClosestName closest(label);
    for (const Footnote& footnote : article_->footnotes) closest.consider(footnote.id);
    return closest.best();
  }

  // The lite core: an article it cannot render whole is left to the full core (kFullCore).
  bool needFullCore() {
    article_->needsFullCore = true;
    return false;
  }

  // Whether a text holds "[^", without which it refers to no footnote (markReferences).
  static bool holdsReferenceMark(const Text& member) { return member.source.find("[^") != std::string::npos; }

  // Whether a text the full core looks for footnote references in holds "[^".
  static bool anyReferenceMark(const Article& article) {
    return std::any_of(article.body.begin(), article.body.end(), [](const Block& block) {
      return holdsReferenceMark(block.text) || std::any_of(block.items.begin(), block.items.end(), holdsReferenceMark);
    });
  }

  void readSources(KeptValue& document, Article& article) {
    if constexpr (!kFullCore) return;  // readFootnotes has asked for the full core
    records(document, "sources", kMaxSources, names(kCitedSourceMembers),
            [&](KeptValue& entry, const std::string& path) {
              Source source;
              source.title = shownText(entry, "title", path, Need::NonEmpty).value_or("");
              source.url = url(entry, "url", path, UrlKind::Resource, Need::Required);
              source.publisher = shownText(entry, "publisher", path).value_or("");
              source.date = date(entry, "date", path);
              if (source.title.empty() || source.url.empty()) return;
              article.sources.push_back(std::move(source));
            });
  }

  static std::string lowerCase(std::string_view value) {
    std::string lower(value);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower;
  }

  void readPullquotes(KeptValue& document, Article& article) {
    KeptValue* found = document.find("pullquotes");
    if (!found) return;
    if (found->kind == JsonKind::String) {
      if (found->string == "auto") {
        article.autoPullquotes = true;
      } else {
        fail(code::Value, "/pullquotes",
             {" must be an array of pull quotes or the string \"auto\"; no pull quotes are shown",
              didYouMean(closestName(found->string, {"auto"}))});
      }
      return;
    }
    if (found->kind != JsonKind::Array) {
      fail(code::Type, "/pullquotes", {" must be an array of pull quotes or the string \"auto\"."});
      return;
    }
    // The limit counts the pull quote blocks of the body too.
    const std::size_t room = limits_.maxPullquotes > pullquotesRead_ ? limits_.maxPullquotes - pullquotesRead_ : 0;
    std::size_t count = found->length;
    if (count > room) {
      fail(code::Limit, "/pullquotes",
           {" has ", std::to_string(count), " entries; with the body's pull quote blocks the limit is ",
            std::to_string(limits_.maxPullquotes), ", so the rest are left out."});
      count = room;
    }
    for (std::size_t i = 0; i < count; ++i) {
      const std::string path = childPointer("/pullquotes", i);
      KeptValue& entry = found->items[i];
      if (entry.kind != JsonKind::Object) {
        fail(code::Type, path, {" must be an object, found ", describe(entry.kind), "."});
        continue;
      }
      checkMembers(entry, path, names(kPullquoteMembers));
      PullQuote quote;
      quote.by = text(entry, "by", path, Need::NonEmptyIfPresent).value_or("");
      if (!quote.by.empty() && !article.findAnalyst(quote.by)) {
        reportUnknownAnalyst(childPointer(path, "by"), quote.by);
        quote.by.clear();
      }
      auto quoteText = markdown(entry, "text", path, Flavor::Inline, Need::NonEmpty);
      if (!quoteText) continue;
      quote.text = std::move(*quoteText);
      article.pullquotes.push_back(std::move(quote));
    }
  }

  Limits limits_;
  const policy::UrlContext& urls_;
  Article* article_;
  // Diagnostics are handed over by finish(), after the whole text has parsed. The body's blocks are
  // read (and reported) while it streams; a body given again replaces them, and their diagnostics.
  DiagnosticSink reported_;
  DiagnosticSink bodyReported_;
  DiagnosticSink* reporting_ = &bodyReported_;  // the document's sink once the text has ended

  // What the body's blocks leave to be checked when the document is read.
  std::vector<Reference> references_;
  std::size_t pullquotesRead_ = 0;  // pull quote blocks read, against limits_.maxPullquotes

  // Every Markdown tree is held until the HTML is written; together they may hold this much.
  text::TreeBudget treeBudget_;
};

}  // namespace

bool readArticle(std::string_view json, const Limits& limits, Article& article, DiagnosticSink& sink,
                 const policy::UrlContext& urls) {
  ArticleReader reader(json.size(), limits, urls, article);
  KeptDocumentBuilder keeper(limits, reader);
  // The strict reader that says what is wrong with a text that is not JSON is the full core's; the lite
  // core hands such a document on, which keeps that reader out of the embed's download.
  SyntaxExplainer explain = nullptr;
  if constexpr (kFullCore) explain = &findSyntaxProblem;
  const JsonOutcome outcome = parseJson(json, limits, keeper, sink, explain);
  if (!kFullCore && outcome == JsonOutcome::NotJson) article.needsFullCore = true;
  return outcome == JsonOutcome::Parsed && reader.finish(keeper.document(), sink);
}

}  // namespace broadsheet::format
