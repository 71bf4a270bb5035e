// RenderOptions from their JSON form, as bindings and tools receive them. Read from the same event
// stream as the article (format/parse_json), so the module carries no JSON document type at all.
#include <cmath>
#include <map>
#include <string>

#include "broadsheet/broadsheet.hpp"
#include "format/diagnostics.hpp"
#include "format/json_pointer.hpp"
#include "format/parse_json.hpp"
#include "policy/embed_providers.hpp"
#include "policy/url_policy.hpp"

namespace broadsheet {
namespace {

// One option's value, as far as options are read: scalars, and the numbers of the limits object.
struct OptionValue {
  enum class Kind { Null, Boolean, Number, String, Array, Object } kind = Kind::Null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::map<std::string, OptionValue> members;  // the limits object's scalars
};

// Collects the top-level members of an object, the last of a name winning (as in JSON.parse), with
// the scalar members of objects one level down; anything deeper is only an array or an object.
class OptionsCollector final : public format::JsonEvents {
 public:
  bool isObject() const { return isObject_; }
  const std::map<std::string, OptionValue>& members() const { return members_; }

  void null() override { scalar().kind = OptionValue::Kind::Null; }
  void boolean(bool value) override {
    OptionValue& target = scalar();
    target.kind = OptionValue::Kind::Boolean;
    target.boolean = value;
  }
  void number(double value) override {
    OptionValue& target = scalar();
    target.kind = OptionValue::Kind::Number;
    target.number = value;
  }
  void string(std::string& value) override {
    OptionValue& target = scalar();
    target.kind = OptionValue::Kind::String;
    target.string = std::move(value);
  }
  void startObject() override { open(OptionValue::Kind::Object); }
  void startArray() override { open(OptionValue::Kind::Array); }
  void endObject() override { --depth_; }
  void endArray() override { --depth_; }
  void key(std::string& name) override {
    if (depth_ == 1) topKey_ = name;
    if (depth_ == 2) innerKey_ = name;
  }
  void restart() override { *this = OptionsCollector(); }

 private:
  // Where a value at the current depth goes; values deeper than the limits' numbers go nowhere.
  OptionValue& scalar() {
    if (depth_ == 1) return members_[topKey_] = OptionValue();
    if (depth_ == 2 && members_[topKey_].kind == OptionValue::Kind::Object)
      return members_[topKey_].members[innerKey_] = OptionValue();
    return ignored_;
  }

  void open(OptionValue::Kind kind) {
    if (depth_ == 0) {
      isObject_ = kind == OptionValue::Kind::Object;
    } else {
      scalar().kind = kind;
    }
    ++depth_;
  }

  std::size_t depth_ = 0;
  bool isObject_ = false;
  std::string topKey_;
  std::string innerKey_;
  std::map<std::string, OptionValue> members_;
  OptionValue ignored_;
};

// A bad option is the caller's slip, not the document's: warn and keep the default.
void optionError(std::vector<Diagnostic>& diagnostics, std::string_view key, std::string message) {
  diagnostics.push_back(
      {Severity::Warning, std::string(format::code::Option), std::move(message), format::childPointer("", key), 0, 0});
}

bool isWholeNumber(const OptionValue& value, double low, double high) {
  return value.kind == OptionValue::Kind::Number && std::floor(value.number) == value.number && value.number >= low &&
         value.number <= high;
}

// `zeroAllowed`: 0 has a meaning of its own (maxOutputBytes: "in proportion to the input").
void readLimit(const OptionValue& limits, const std::string& key, std::size_t& value,
               std::vector<Diagnostic>& diagnostics, bool zeroAllowed = false) {
  const auto found = limits.members.find(key);
  if (found == limits.members.end()) return;
  // JavaScript's safe integers: every one of them is a double exactly.
  if (!isWholeNumber(found->second, zeroAllowed ? 0 : 1, 9007199254740991.0)) {
    optionError(diagnostics, "limits",
                "The option limits." + key +
                    (zeroAllowed ? " must be a whole number, 0 or more." : " must be a positive whole number."));
    return;
  }
  value = static_cast<std::size_t>(found->second.number);
}

// An empty string means no base, as when the option is absent.
void readBaseUrl(const std::string& url, RenderOptions& options, std::vector<Diagnostic>& diagnostics) {
  if (!url.empty() && !policy::parseBaseUrl(url)) {
    optionError(diagnostics, "baseUrl",
                "The option baseUrl must be an absolute http or https URL with a host; it is ignored.");
    return;
  }
  options.baseUrl = url;
}

// The known tokens are kept even when others are refused: a partner's "nofollow" should not be lost to
// a typo beside it.
void readLinkRel(const std::string& tokens, RenderOptions& options, std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> refused;
  options.linkRel = policy::linkRelTokens(tokens, refused);
  if (refused.empty()) return;
  std::string list;
  for (const std::string& token : refused) list.append(list.empty() ? "\"" : ", \"").append(token).append("\"");
  optionError(diagnostics, "linkRel",
              "The option linkRel may hold external, nofollow, noreferrer, sponsored and ugc; " + list +
                  (refused.size() == 1 ? " is" : " are") + " left out.");
}

void readReferrerPolicy(const std::string& keyword, RenderOptions& options, std::vector<Diagnostic>& diagnostics) {
  if (!keyword.empty() && !policy::isReferrerPolicy(keyword)) {
    optionError(diagnostics, "imageReferrerPolicy",
                "The option imageReferrerPolicy must be a referrer policy such as \"no-referrer\" or "
                "\"strict-origin-when-cross-origin\"; it is ignored.");
    return;
  }
  options.imageReferrerPolicy = keyword;
}

}  // namespace

RenderOptions parseOptions(std::string_view json, std::vector<Diagnostic>& diagnostics) {
  RenderOptions options;
  if (json.empty()) return options;
  OptionsCollector collector;
  format::DiagnosticSink ignored;  // any syntax error is reported as "not an object" below
  if (format::parseJson(json, Limits(), collector, ignored) != format::JsonOutcome::Parsed || !collector.isObject()) {
    optionError(diagnostics, "", "The render options must be a JSON object.");
    return options;
  }
  // In name order, as the options were reported before (and as JSON objects are unordered).
  for (const auto& [key, value] : collector.members()) {
    using Kind = OptionValue::Kind;
    if (key == "standalone" && value.kind == Kind::Boolean) {
      options.standalone = value.boolean;
    } else if (key == "headingLevel" && isWholeNumber(value, 1, 6)) {
      options.headingLevel = static_cast<int>(value.number);
    } else if (key == "theme" && value.kind == Kind::String &&
               (value.string == "auto" || value.string == "light" || value.string == "dark")) {
      options.theme = value.string == "dark" ? Theme::Dark : value.string == "light" ? Theme::Light : Theme::Auto;
    } else if (key == "lang" && value.kind == Kind::String) {
      options.lang = value.string;
    } else if (key == "headTags" && value.kind == Kind::Boolean) {
      options.headTags = value.boolean;
    } else if (key == "parts" && value.kind == Kind::Boolean) {
      options.parts = value.boolean;
    } else if (key == "baseUrl" && value.kind == Kind::String) {
      readBaseUrl(value.string, options, diagnostics);
    } else if (key == "relativeImages" && value.kind == Kind::String &&
               (value.string == "keep" || value.string == "drop")) {
      options.relativeImages = value.string == "drop" ? RelativeImages::Drop : RelativeImages::Keep;
    } else if (key == "linkRel" && value.kind == Kind::String) {
      readLinkRel(value.string, options, diagnostics);
    } else if (key == "imageReferrerPolicy" && value.kind == Kind::String) {
      readReferrerPolicy(value.string, options, diagnostics);
    } else if (key == "embeds" && value.kind == Kind::String &&
               (value.string == "click" || value.string == "load" || value.string == "link")) {
      options.embeds = value.string == "load" ? Embeds::Load : value.string == "link" ? Embeds::Link : Embeds::Click;
    } else if (key == "embedOrigins" && value.kind == Kind::String) {
      if (policy::isEmbedOriginList(value.string)) {
        options.embedOrigins = value.string;
      } else {
        optionError(diagnostics, key,
                    "The option embedOrigins must be https origins (\"https://maps.example.org\", lower case, no "
                    "path or port) separated by spaces; it is ignored, so generic embeds are links.");
      }
    } else if (key == "limits" && value.kind == Kind::Object) {
      readLimit(value, "maxInputBytes", options.limits.maxInputBytes, diagnostics);
      readLimit(value, "maxDepth", options.limits.maxDepth, diagnostics);
      readLimit(value, "maxBlocks", options.limits.maxBlocks, diagnostics);
      readLimit(value, "maxStringBytes", options.limits.maxStringBytes, diagnostics);
      readLimit(value, "maxPeople", options.limits.maxPeople, diagnostics);
      readLimit(value, "maxPullquotes", options.limits.maxPullquotes, diagnostics);
      readLimit(value, "maxDiagnostics", options.limits.maxDiagnostics, diagnostics);
      readLimit(value, "maxOutputBytes", options.limits.maxOutputBytes, diagnostics, /*zeroAllowed=*/true);
    } else {
      optionError(diagnostics, key,
                  "The option \"" + key + "\" is unknown or has a value of the wrong kind; it is ignored.");
    }
  }
  return options;
}

}  // namespace broadsheet
