#include "format/read_article.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <type_traits>

#include "format/json_pointer.hpp"
#include "html/url_policy.hpp"
#include "text/markdown.hpp"

namespace broadsheet::format {
namespace {

using Json = nlohmann::json;
using html::UrlKind;
using text::Flavor;

// "/analysts/0/name" -> "analysts[0].name": how the member reads in a message (one printable line).
std::string memberName(std::string_view pointer) {
  std::string name;
  std::size_t start = 1;
  while (start <= pointer.size()) {
    std::size_t end = pointer.find('/', start);
    if (end == std::string_view::npos) end = pointer.size();
    std::string token;
    for (std::size_t i = start; i < end; ++i) {
      const char c = pointer[i];
      if (c == '~' && i + 1 < end && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
        token.push_back(pointer[++i] == '0' ? '~' : '/');
      } else {
        token.push_back(static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c);
      }
    }
    const bool index = !token.empty() && std::all_of(token.begin(), token.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c));
    });
    if (index) {
      name += "[" + token + "]";
    } else {
      if (!name.empty()) name += ".";
      name += token.empty() ? "(empty name)" : token;
    }
    start = end + 1;
  }
  return name.empty() ? "the document" : "\"" + name + "\"";
}

std::string describeType(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::string: return "a string";
    case Json::value_t::array: return "an array";
    case Json::value_t::object: return "an object";
    default: return "a number";
  }
}

bool isBlank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

// A number with no fraction (2 and 2.0 alike, as JSON Schema's "integer" counts them), or nothing.
std::optional<double> wholeNumber(const Json& value) {
  if (!value.is_number()) return std::nullopt;
  const double number = value.get<double>();
  if (!std::isfinite(number) || std::floor(number) != number) return std::nullopt;
  return number;
}

// A URL quoted in a message: one printable line, cut short when long.
std::string quotedUrl(std::string_view url) {
  constexpr std::size_t kShown = 60;
  std::string shown;
  for (char c : url) {
    if (shown.size() >= kShown && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      shown += "...";
      break;
    }
    shown.push_back(static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c);
  }
  return "\"" + shown + "\"";
}

bool isDigits(std::string_view text, std::size_t from, std::size_t count) {
  if (from + count > text.size()) return false;
  for (std::size_t i = from; i < from + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

int number(std::string_view text, std::size_t from, std::size_t count) {
  int value = 0;
  for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

// ISO 8601 calendar date, optionally with a time: YYYY-MM-DD[Thh:mm[:ss[.fff]][Z|±hh:mm]].
bool isIsoDate(std::string_view text) {
  if (!isDigits(text, 0, 4) || text.size() < 10 || text[4] != '-' || !isDigits(text, 5, 2) ||
      text[7] != '-' || !isDigits(text, 8, 2)) {
    return false;
  }
  const int year = number(text, 0, 4), month = number(text, 5, 2), day = number(text, 8, 2);
  static constexpr int kDaysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDaysInMonth[month - 1]) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29 && !leap) return false;
  if (text.size() == 10) return true;

  std::size_t i = 10;
  if (text[i] != 'T' && text[i] != 't' && text[i] != ' ') return false;
  ++i;
  if (!isDigits(text, i, 2) || i + 2 >= text.size() || text[i + 2] != ':' || !isDigits(text, i + 3, 2)) return false;
  if (number(text, i, 2) > 23 || number(text, i + 3, 2) > 59) return false;
  i += 5;
  if (i < text.size() && text[i] == ':') {
    if (!isDigits(text, i + 1, 2) || number(text, i + 1, 2) > 60) return false;
    i += 3;
    if (i < text.size() && text[i] == '.') {
      std::size_t digits = 0;
      for (++i; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) ++digits;
      if (digits == 0) return false;
    }
  }
  if (i == text.size()) return true;
  if ((text[i] == 'Z' || text[i] == 'z') && i + 1 == text.size()) return true;
  if (text[i] != '+' && text[i] != '-') return false;
  return text.size() == i + 6 && isDigits(text, i + 1, 2) && text[i + 3] == ':' &&
         isDigits(text, i + 4, 2) && number(text, i + 1, 2) <= 23 && number(text, i + 4, 2) <= 59;
}

// A well-formed BCP 47 tag in the common shape: a 2-3 letter language, then subtags of 1-8
// letters or digits.
bool isLanguageTag(std::string_view tag) {
  std::size_t start = 0, index = 0;
  while (start <= tag.size()) {
    std::size_t end = tag.find('-', start);
    if (end == std::string_view::npos) end = tag.size();
    const std::string_view subtag = tag.substr(start, end - start);
    const bool alnum = std::all_of(subtag.begin(), subtag.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
    const bool alpha = std::all_of(subtag.begin(), subtag.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    if (index == 0 ? !(alpha && subtag.size() >= 2 && subtag.size() <= 3)
                   : !(alnum && !subtag.empty() && subtag.size() <= 8)) {
      return false;
    }
    start = end + 1;
    ++index;
  }
  return true;
}

std::string primaryLanguage(std::string_view tag) {
  std::string language(tag.substr(0, tag.find('-')));
  for (char& c : language) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return language;
}

bool isRightToLeft(std::string_view tag) {
  static const std::set<std::string> kRightToLeft = {"ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"};
  return kRightToLeft.count(primaryLanguage(tag)) > 0;
}

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

class ArticleReader {
 public:
  ArticleReader(const Limits& limits, DiagnosticSink& sink) : limits_(limits), sink_(sink) {}

  bool read(Json& document, Article& article) {
    if (!document.is_object()) {
      sink_.error(code::Type, "", "The document must be a JSON object, found " + describeType(document) + ".");
      return false;
    }
    checkMembers(document, "", {"format", "id", "lang", "dir", "headline", "standfirst", "published",
                                "updated", "section", "tags", "publisher", "canonicalUrl", "authors",
                                "analysts", "image", "body", "pullquotes", "note", "callToAction"});
    readFormat(document);
    article.id = text(document, "id", "").value_or("");
    readLanguage(document, article);
    article.headline = markdown(document, "headline", "", Flavor::Inline, Need::NonEmpty).value_or(Text{});
    article.standfirst = markdown(document, "standfirst", "", Flavor::Inline).value_or(Text{});
    article.published = date(document, "published", "");
    article.updated = date(document, "updated", "");
    article.section = text(document, "section", "").value_or("");
    article.tags = stringList<std::string>(document, "tags", "", std::nullopt);
    article.publisher = link(document, "publisher", "", "name", UrlKind::Resource, /*urlRequired=*/false);
    article.canonicalUrl = url(document, "canonicalUrl", "", UrlKind::Resource);
    article.authors = people(document, "authors", /*idRequired=*/false);
    article.analysts = people(document, "analysts", /*idRequired=*/true);
    if (Json* image = member(document, "image", "", Json::value_t::object)) {
      checkMembers(*image, "/image", {"src", "alt", "caption", "credit", "width", "height"});
      Image lead;
      if (readImage(*image, "/image", lead)) article.image = std::move(lead);
    }
    readBody(document, article);
    readPullquotes(document, article);
    article.note = markdown(document, "note", "", Flavor::Inline).value_or(Text{});
    article.callToAction = link(document, "callToAction", "", "label", UrlKind::Resource, /*urlRequired=*/true);
    return !article.headline.source.empty() && !article.body.empty();
  }

 private:
  // ------------------------------------------------------------------ members of any object

  void checkMembers(Json& object, const std::string& path, std::initializer_list<std::string_view> known) {
    for (const auto& [key, value] : object.items()) {
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        const std::string where = childPointer(path, key);
        sink_.warning(code::UnknownMember, where, memberName(where) + " is not part of the article format and is ignored.");
      }
    }
  }

  // The member if present with the expected type; otherwise reports and returns null.
  Json* member(Json& object, std::string_view key, const std::string& parent,
                     Json::value_t type, Need need = Need::Optional) {
    const auto found = object.find(key);
    if (found == object.end()) {
      if (need == Need::Required || need == Need::NonEmpty) {
        const std::string path = childPointer(parent, key);
        sink_.error(code::Required, path, memberName(path) + " is required.");
      }
      return nullptr;
    }
    const bool matches = type == Json::value_t::number_integer ? found->is_number_integer() : found->type() == type;
    if (!matches) {
      const std::string path = childPointer(parent, key);
      sink_.error(code::Type, path, memberName(path) + " must be " + describeType(Json(type)) + ", found " +
                                        describeType(*found) + ".");
      return nullptr;
    }
    return &*found;
  }

  // The string, moved out of the document (each member is read once).
  std::optional<std::string> checkedText(Json& value, const Place& place, Need need) {
    auto& text = value.get_ref<std::string&>();
    if (text.size() > limits_.maxStringBytes) {
      const std::string path = place.pointer();
      sink_.error(code::Limit, path, memberName(path) + " is " + std::to_string(text.size()) +
                                         " bytes long; the limit is " + std::to_string(limits_.maxStringBytes) + ".");
      return std::nullopt;
    }
    if ((need == Need::NonEmpty || need == Need::NonEmptyIfPresent) && isBlank(text)) {
      const std::string path = place.pointer();
      sink_.error(code::Empty, path, memberName(path) + " must not be empty.");
      return std::nullopt;
    }
    return std::move(text);
  }

  std::optional<std::string> text(Json& object, std::string_view key, const std::string& parent,
                                  Need need = Need::Optional) {
    Json* value = member(object, key, parent, Json::value_t::string, need);
    if (!value) return std::nullopt;
    return checkedText(*value, Place{parent, key, {}}, need);
  }

  // A CommonMark member: read as text and parsed (once: the layout takes the tree), then its links
  // and images are checked against the URL policy the html stage applies, so a link that will lose
  // its URL is reported (its words stay).
  std::optional<Text> markdown(Json& object, std::string_view key, const std::string& parent, Flavor flavor,
                               Need need = Need::Optional) {
    auto value = text(object, key, parent, need);
    if (!value) return std::nullopt;
    return parsed(std::move(*value), Place{parent, key, {}}, flavor);
  }

  Text parsed(std::string source, const Place& place, Flavor flavor) {
    Text result{std::move(source), {}};
    result.tree = text::Markdown(result.source, flavor);
    checkLinks(result, place);
    return result;
  }

  void checkLinks(const Text& member, const Place& place) {
    const std::string& source = member.source;
    if (member.tree.shownAsText()) {
      const std::string path = place.pointer();
      sink_.warning(code::Limit, path, memberName(path) + " nests Markdown more than " + std::to_string(text::kMaxMarkdownNesting) +
                                           " levels deep or leaves very many \"[\" open; it is shown as plain text.");
      return;
    }
    // Only texts that could hold a refused destination are walked: links and images need "[" and
    // autolinks "<", and a refused URL needs a scheme (":", or one spelled with "%" or "&"), a
    // backslash, or a destination in angle brackets that is only spaces.
    if (!text::containsAnyOf(source, "[<") || !text::containsAnyOf(source, ":%&\\<")) return;
    for (const text::LinkTarget& target : member.tree.linkTargets()) {
      if (target.url.empty()) continue;  // "[words]()": nothing to refuse, the words stay
      const UrlKind kind = target.image ? UrlKind::Image : UrlKind::Link;
      if (html::allowedUrl(target.url, kind)) continue;
      const std::string rule = target.image
          ? "images in text must be http or https URLs, or relative ones; the image is shown as its description."
          : "links in text must be http, https or mailto URLs, or relative ones; the words are kept without the link.";
      const std::string path = place.pointer();
      sink_.warning(code::UrlScheme, path, memberName(path) + (target.image ? " shows an image from " : " links to ") +
                                               quotedUrl(target.url) + ", which is not allowed: " + rule);
    }
  }

  // An array of non-empty strings; with `flavor`, each one parsed as CommonMark.
  template <typename Entry>
  std::vector<Entry> stringList(Json& object, std::string_view key, const std::string& parent,
                                std::optional<Flavor> flavor) {
    std::vector<Entry> list;
    Json* array = member(object, key, parent, Json::value_t::array);
    if (!array) return list;
    const std::string path = childPointer(parent, key);
    for (std::size_t i = 0; i < array->size(); ++i) {
      const Place place{path, {}, i};
      Json& item = (*array)[i];
      if (!item.is_string()) {
        const std::string itemPath = place.pointer();
        sink_.error(code::Type, itemPath, memberName(itemPath) + " must be a string, found " + describeType(item) + ".");
      } else if (auto value = checkedText(item, place, Need::NonEmpty)) {
        if constexpr (std::is_same_v<Entry, Text>) {
          list.push_back(parsed(std::move(*value), place, *flavor));
        } else {
          list.push_back(std::move(*value));
        }
      }
    }
    return list;
  }

  std::string url(Json& object, std::string_view key, const std::string& parent, UrlKind kind,
                  Need need = Need::Optional) {
    const auto value = text(object, key, parent, need == Need::Optional ? need : Need::NonEmpty);
    if (!value || value->empty()) return "";
    if (auto allowed = html::allowedUrl(*value, kind)) return *allowed;
    const std::string path = childPointer(parent, key);
    const std::string expected = kind == UrlKind::Link ? "an http, https or mailto URL, or a relative one"
                                                       : "an http or https URL, or a relative one";
    sink_.error(code::UrlScheme, path, memberName(path) + " must be " + expected + ", not " + quotedUrl(*value) +
                                           "; it is left out.");
    return "";
  }

  std::string date(Json& object, std::string_view key, const std::string& parent) {
    const auto value = text(object, key, parent);
    if (!value) return "";
    if (isIsoDate(*value)) return *value;
    const std::string path = childPointer(parent, key);
    sink_.error(code::Date, path, memberName(path) + " must be an ISO 8601 date such as 2007-02-20 or 2007-02-20T09:30:00Z.");
    return "";
  }

  std::optional<Link> link(Json& object, std::string_view key, const std::string& parent,
                           std::string_view labelKey, UrlKind kind, bool urlRequired) {
    Json* value = member(object, key, parent, Json::value_t::object);
    if (!value) return std::nullopt;
    const std::string path = childPointer(parent, key);
    checkMembers(*value, path, {labelKey, "url"});
    Link result;
    result.label = text(*value, labelKey, path, Need::NonEmpty).value_or("");
    result.url = url(*value, "url", path, kind, urlRequired ? Need::Required : Need::Optional);
    if (result.label.empty() || (urlRequired && result.url.empty())) return std::nullopt;
    return result;
  }

  // ------------------------------------------------------------------ document-level members

  void readFormat(Json& document) {
    const auto format = text(document, "format", "", Need::Required);
    if (format && *format != kFormatV1) {
      sink_.error(code::Format, "/format", "\"format\" must be \"" + std::string(kFormatV1) + "\", found \"" + *format + "\".");
    }
  }

  void readLanguage(Json& document, Article& article) {
    if (auto lang = text(document, "lang", "")) {
      if (isLanguageTag(*lang)) {
        article.lang = *lang;
      } else {
        sink_.error(code::Lang, "/lang", "\"lang\" must be a BCP 47 language tag such as \"en\" or \"kk-Cyrl\"; English is used instead.");
      }
    }
    article.dir = isRightToLeft(article.lang) ? "rtl" : "ltr";
    if (auto dir = text(document, "dir", "")) {
      if (*dir == "ltr" || *dir == "rtl") {
        article.dir = *dir;
      } else if (*dir != "auto") {
        sink_.error(code::Value, "/dir", "\"dir\" must be \"ltr\", \"rtl\" or \"auto\".");
      }
    }
  }

  std::vector<Person> people(Json& document, std::string_view key, bool idRequired) {
    std::vector<Person> list;
    Json* array = member(document, key, "", Json::value_t::array);
    if (!array) return list;
    const std::string path = childPointer("", key);
    std::size_t count = array->size();
    if (count > limits_.maxPeople) {
      sink_.error(code::Limit, path, memberName(path) + " has " + std::to_string(count) + " people; the limit is " +
                                         std::to_string(limits_.maxPeople) + ", so the rest are left out.");
      count = limits_.maxPeople;
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < count; ++i) {
      const std::string personPath = childPointer(path, i);
      Json& entry = (*array)[i];
      if (!entry.is_object()) {
        sink_.error(code::Type, personPath, memberName(personPath) + " must be an object, found " + describeType(entry) + ".");
        continue;
      }
      checkMembers(entry, personPath, {"id", "name", "role", "affiliation", "honorific", "url"});
      Person person;
      const auto id = text(entry, "id", personPath, idRequired ? Need::NonEmpty : Need::NonEmptyIfPresent);
      const auto name = text(entry, "name", personPath, Need::NonEmpty);
      person.role = text(entry, "role", personPath).value_or("");
      person.affiliation = text(entry, "affiliation", personPath).value_or("");
      person.honorific = text(entry, "honorific", personPath).value_or("");
      person.url = url(entry, "url", personPath, UrlKind::Resource);
      if (id && !id->empty() && !ids.insert(*id).second) {
        const std::string idPath = childPointer(personPath, "id");
        sink_.error(code::DuplicateId, idPath, memberName(idPath) + " repeats the id \"" + *id + "\"; ids must be unique.");
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
  bool readImage(Json& object, const std::string& path, Image& image) {
    image.src = url(object, "src", path, UrlKind::Image, Need::Required);
    const auto alt = text(object, "alt", path, Need::Required);  // "" is allowed: a decorative image
    image.caption = markdown(object, "caption", path, Flavor::Inline).value_or(Text{});
    image.credit = markdown(object, "credit", path, Flavor::Inline).value_or(Text{});
    image.width = dimension(object, "width", path);
    image.height = dimension(object, "height", path);
    image.alt = alt.value_or("");
    return !image.src.empty() && alt.has_value();
  }

  int dimension(Json& object, std::string_view key, const std::string& parent) {
    const auto number = wholeNumberIn(object, key, parent, 1, 100000, "a whole number of pixels from 1 to 100000",
                                      "it is left out");
    return number ? *number : 0;
  }

  // A whole number from `low` to `high`; otherwise reports (BS-TYPE for a non-number, BS-VALUE for
  // a number out of range or with a fraction) and returns nothing.
  std::optional<int> wholeNumberIn(Json& object, std::string_view key, const std::string& parent, int low,
                                   int high, const std::string& expected, const std::string& consequence) {
    const auto found = object.find(key);
    if (found == object.end()) return std::nullopt;
    const std::string path = childPointer(parent, key);
    if (!found->is_number()) {
      sink_.error(code::Type, path, memberName(path) + " must be a number, found " + describeType(*found) + "; " +
                                        consequence + ".");
      return std::nullopt;
    }
    const auto number = wholeNumber(*found);
    if (!number || *number < low || *number > high) {
      sink_.error(code::Value, path, memberName(path) + " must be " + expected + "; " + consequence + ".");
      return std::nullopt;
    }
    return static_cast<int>(*number);
  }

  // ------------------------------------------------------------------ body

  void readBody(Json& document, Article& article) {
    const auto found = document.find("body");
    if (found == document.end()) {
      sink_.error(code::Required, "/body", "\"body\" is required: an array of blocks or one CommonMark string.");
      return;
    }
    if (found->is_string()) {
      if (auto source = checkedText(*found, Place{"", "body", {}}, Need::NonEmpty)) {
        Block block;
        block.type = BlockType::Markdown;
        block.text = parsed(std::move(*source), Place{"", "body", {}}, Flavor::Blocks);
        article.body.push_back(std::move(block));
      }
      return;
    }
    if (!found->is_array()) {
      sink_.error(code::Type, "/body", "\"body\" must be an array of blocks or a CommonMark string, found " + describeType(*found) + ".");
      return;
    }
    std::size_t count = found->size();
    if (count > limits_.maxBlocks) {
      sink_.error(code::Limit, "/body", "\"body\" has " + std::to_string(count) + " blocks; the limit is " +
                                             std::to_string(limits_.maxBlocks) + ", so the rest are left out.");
      count = limits_.maxBlocks;
    }
    if (count == 0) sink_.error(code::Empty, "/body", "\"body\" must hold at least one block.");
    article.body.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      Block block;
      if (readBlock((*found)[i], childPointer("/body", i), article, block)) article.body.push_back(std::move(block));
    }
  }

  bool readBlock(Json& value, const std::string& path, const Article& article, Block& block) {
    if (!value.is_object()) {
      sink_.error(code::Type, path, memberName(path) + " must be a block object, found " + describeType(value) + ".");
      return false;
    }
    const auto type = text(value, "type", path, Need::NonEmpty);
    if (!type) return false;
    const std::string& name = *type;
    if (name == "paragraph" || name == "note" || name == "markdown") {
      block.type = name == "paragraph" ? BlockType::Paragraph : name == "note" ? BlockType::Note : BlockType::Markdown;
      checkMembers(value, path, {"type", "text"});
      return readBlockText(value, path, block);
    }
    if (name == "heading") {
      block.type = BlockType::Heading;
      checkMembers(value, path, {"type", "text", "level"});
      block.level = wholeNumberIn(value, "level", path, 2, 4, "2, 3 or 4", "the heading is shown at level 2").value_or(2);
      return readBlockText(value, path, block);
    }
    if (name == "quote" || name == "pullquote") {
      block.type = name == "quote" ? BlockType::Quote : BlockType::PullQuote;
      if (block.type == BlockType::Quote) {
        checkMembers(value, path, {"type", "text", "by", "attribution"});
        block.attribution = text(value, "attribution", path).value_or("");
      } else {
        checkMembers(value, path, {"type", "text", "by"});
        if (++pullquotesRead_ > limits_.maxPullquotes) {
          sink_.error(code::Limit, path, memberName(path) + " is one pull quote more than the limit of " +
                                             std::to_string(limits_.maxPullquotes) + "; it is left out.");
          return false;
        }
      }
      block.by = analystReference(value, path, article);
      return readBlockText(value, path, block);
    }
    if (name == "list") {
      block.type = BlockType::List;
      checkMembers(value, path, {"type", "ordered", "items"});
      if (Json* ordered = member(value, "ordered", path, Json::value_t::boolean)) block.ordered = ordered->get<bool>();
      if (!member(value, "items", path, Json::value_t::array, Need::Required)) return false;
      block.items = stringList<Text>(value, "items", path, Flavor::Inline);
      if (block.items.empty()) {
        const std::string itemsPath = childPointer(path, "items");
        sink_.error(code::Empty, itemsPath, memberName(itemsPath) + " must hold at least one item.");
        return false;
      }
      return true;
    }
    if (name == "image") {
      block.type = BlockType::Image;
      checkMembers(value, path, {"type", "src", "alt", "caption", "credit", "width", "height"});
      return readImage(value, path, block.image);
    }
    if (name == "divider") {
      block.type = BlockType::Divider;
      checkMembers(value, path, {"type"});
      return true;
    }
    const std::string typePath = childPointer(path, "type");
    sink_.error(code::UnknownBlock, typePath, memberName(typePath) + " is \"" + name +
        "\", which is not a block type (paragraph, heading, quote, pullquote, list, image, note, divider, markdown); the block is left out.");
    return false;
  }

  bool readBlockText(Json& value, const std::string& path, Block& block) {
    const Flavor flavor = block.type == BlockType::Markdown ? Flavor::Blocks : Flavor::Inline;
    auto body = markdown(value, "text", path, flavor, Need::NonEmpty);
    if (!body) return false;
    block.text = std::move(*body);
    return true;
  }

  // The analyst id in `by`, or "" (reported) when it names no analyst.
  std::string analystReference(Json& object, const std::string& parent, const Article& article) {
    const auto by = text(object, "by", parent, Need::NonEmptyIfPresent);
    if (!by) return "";
    if (article.findAnalyst(*by)) return *by;
    const std::string path = childPointer(parent, "by");
    sink_.error(code::RefAnalyst, path, memberName(path) + " names \"" + *by +
                                            "\", but no analyst has that id; the quote is shown without attribution.");
    return "";
  }

  void readPullquotes(Json& document, Article& article) {
    const auto found = document.find("pullquotes");
    if (found == document.end()) return;
    if (found->is_string()) {
      if (found->get_ref<const std::string&>() == "auto") {
        article.autoPullquotes = true;
      } else {
        sink_.error(code::Value, "/pullquotes", "\"pullquotes\" must be an array of pull quotes or the string \"auto\"; no pull quotes are shown.");
      }
      return;
    }
    if (!found->is_array()) {
      sink_.error(code::Type, "/pullquotes", "\"pullquotes\" must be an array of pull quotes or the string \"auto\".");
      return;
    }
    // The limit counts the pull quote blocks of the body too.
    const std::size_t room = limits_.maxPullquotes > pullquotesRead_ ? limits_.maxPullquotes - pullquotesRead_ : 0;
    std::size_t count = found->size();
    if (count > room) {
      sink_.error(code::Limit, "/pullquotes", "\"pullquotes\" has " + std::to_string(count) + " entries; with the body's pull quote blocks the limit is " +
                                                  std::to_string(limits_.maxPullquotes) + ", so the rest are left out.");
      count = room;
    }
    for (std::size_t i = 0; i < count; ++i) {
      const std::string path = childPointer("/pullquotes", i);
      Json& entry = (*found)[i];
      if (!entry.is_object()) {
        sink_.error(code::Type, path, memberName(path) + " must be an object, found " + describeType(entry) + ".");
        continue;
      }
      checkMembers(entry, path, {"text", "by"});
      PullQuote quote;
      quote.by = analystReference(entry, path, article);
      auto quoteText = markdown(entry, "text", path, Flavor::Inline, Need::NonEmpty);
      if (!quoteText) continue;
      quote.text = std::move(*quoteText);
      article.pullquotes.push_back(std::move(quote));
    }
  }

  const Limits& limits_;
  DiagnosticSink& sink_;
  std::size_t pullquotesRead_ = 0;  // pull quote blocks seen, against limits_.maxPullquotes
};

}  // namespace

bool readArticle(Json& document, const Limits& limits, Article& article, DiagnosticSink& sink) {
  return ArticleReader(limits, sink).read(document, article);
}

}  // namespace broadsheet::format
