// libFuzzer target for the native core (issue 6). Built with -fsanitize=fuzzer,address,undefined by
// scripts/fuzz.sh (CMake option BROADSHEET_FUZZ); run with `npm run fuzz -- -max_total_time=60`.
//
// Each input is rendered as an article fragment and as a standalone document, validated, and read as
// render options. Besides crashes, leaks and undefined behaviour, the target stops on any broken
// invariant of docs/security.md:
//   - the HTML holds only elements and attributes of tests/security/markup-allowlist.json, and every
//     '<' in it opens one of them (so no text ever became markup);
//   - every URL attribute passes the URL policy as it stands (nothing a browser would read as
//     javascript:, data: ...), and so does every candidate of an img's srcset; an embed's frame
//     address (iframe src, the placeholder's data-bs-embed-src) is https besides;
//   - the only inline style is an embed box's "aspect-ratio: N / 1000";
//   - no NUL or other control character reaches the HTML, and the JSON-LD holds no '<';
//   - the diagnostics and meta handed to JavaScript are valid JSON, and `ok` agrees with them.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "broadsheet/broadsheet.hpp"
#include "html/standalone_page.hpp"
#include "policy/url_policy.hpp"

namespace {

using Json = nlohmann::json;

struct AllowList {
  std::set<std::string, std::less<>> elements;
  std::set<std::string, std::less<>> standaloneElements;
  Json attributes;     // element -> [attribute]; "*" for every element
  Json urlAttributes;  // element -> attribute
  std::set<std::string, std::less<>> scriptTypes;
};

[[noreturn]] void broken(const char* invariant, std::string_view html, std::size_t at) {
  const std::size_t from = at > 80 ? at - 80 : 0;
  std::fprintf(stderr, "\nBROKEN INVARIANT: %s at byte %zu\n...%.*s...\n", invariant, at,
               static_cast<int>(std::min<std::size_t>(160, html.size() - from)), html.data() + from);
  __builtin_trap();
}

const AllowList& allowList() {
  static const AllowList list = [] {
    std::ifstream file(std::string(BROADSHEET_SOURCE_DIR) + "/tests/security/markup-allowlist.json");
    const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    const Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object()) {
      std::fprintf(stderr, "render_fuzzer: cannot read tests/security/markup-allowlist.json\n");
      std::abort();
    }
    AllowList result;
    for (const auto& name : json["elements"]) result.elements.insert(name.get<std::string>());
    for (const auto& name : json["standaloneElements"]) result.standaloneElements.insert(name.get<std::string>());
    for (const auto& type : json["scriptTypes"]) result.scriptTypes.insert(type.get<std::string>());
    result.attributes = json["attributes"];
    result.urlAttributes = json["urlAttributes"];
    return result;
  }();
  return list;
}

bool attributeAllowed(const AllowList& list, const std::string& element, const std::string& attribute) {
  for (const std::string& key : {element, std::string("*")}) {
    const auto found = list.attributes.find(key);
    if (found == list.attributes.end()) continue;
    for (const auto& name : *found) {
      if (name.get_ref<const std::string&>() == attribute) return true;
    }
  }
  return false;
}

// The five references our escaping writes; anything else stays as it is.
std::string decodeAttribute(std::string_view value) {
  static constexpr std::string_view kReferences[][2] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}};
  std::string decoded;
  for (std::size_t i = 0; i < value.size(); ++i) {
    bool replaced = false;
    for (const auto& reference : kReferences) {
      if (value.substr(i, reference[0].size()) == reference[0]) {
        decoded.append(reference[1]);
        i += reference[0].size() - 1;
        replaced = true;
        break;
      }
    }
    if (!replaced) decoded.push_back(value[i]);
  }
  return decoded;
}

std::string_view trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \n") - first + 1);
}

// An img's srcset: "URL 640w, URL 1280w"; the writer percent-encodes white space and commas at a URL's
// ends, so ", " only ever separates candidates.
void checkSrcset(std::string_view html, std::size_t valueStart, const std::string& srcset) {
  std::size_t start = 0;
  while (start <= srcset.size()) {
    std::size_t end = srcset.find(", ", start);
    if (end == std::string::npos) end = srcset.size();
    const std::string candidate = srcset.substr(start, end - start);
    const std::size_t space = candidate.rfind(' ');
    if (space == std::string::npos || candidate.back() != 'w') broken("a srcset candidate without a width", html, valueStart);
    const std::string url = candidate.substr(0, space);
    const auto allowed = broadsheet::policy::allowedUrl(url, broadsheet::policy::UrlKind::Image);
    if (!allowed || *allowed != url) broken("a srcset URL the policy refuses, or would change", html, valueStart);
    start = end + 2;
  }
}

void checkFrameAddress(std::string_view html, std::size_t valueStart, const std::string& url) {
  const auto allowed = broadsheet::policy::allowedUrl(url, broadsheet::policy::UrlKind::Link);
  if (url.rfind("https://", 0) != 0 || !allowed || *allowed != url)
    broken("an embed frame address that is not an https URL the policy keeps", html, valueStart);
}

bool isAspectRatioStyle(std::string_view style) {
  constexpr std::string_view kStart = "aspect-ratio: ", kEnd = " / 1000";
  if (style.size() <= kStart.size() + kEnd.size() || style.substr(0, kStart.size()) != kStart ||
      style.substr(style.size() - kEnd.size()) != kEnd)
    return false;
  const std::string_view number = style.substr(kStart.size(), style.size() - kStart.size() - kEnd.size());
  return number.find_first_not_of("0123456789") == std::string_view::npos;
}

bool isNameChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

void checkHtml(std::string_view html, bool standalone) {
  const AllowList& list = allowList();
  std::size_t i = 0;
  if (standalone) {
    constexpr std::string_view kDoctype = "<!DOCTYPE html>";
    if (html.substr(0, kDoctype.size()) != kDoctype)
      broken("a standalone document starts with <!DOCTYPE html>", html, 0);
    i = kDoctype.size();
  }
  while (i < html.size()) {
    const auto c = static_cast<unsigned char>(html[i]);
    if (c != '<') {
      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) broken("a control character in the HTML", html, i);
      if (c == '>') broken("a bare '>' outside a tag (text is escaped)", html, i);
      ++i;
      continue;
    }
    const std::size_t tagStart = i;
    const bool closing = i + 1 < html.size() && html[i + 1] == '/';
    std::size_t j = i + 1 + (closing ? 1 : 0);
    const std::size_t nameStart = j;
    while (j < html.size() && isNameChar(html[j])) ++j;
    const std::string name(html.substr(nameStart, j - nameStart));
    if (name.empty()) broken("a '<' that opens none of our tags", html, tagStart);
    if (!list.elements.count(name) && !(standalone && list.standaloneElements.count(name))) {
      broken("an element outside the allow-list", html, tagStart);
    }
    std::string scriptType;
    while (true) {
      while (j < html.size() && (html[j] == ' ' || html[j] == '\n')) ++j;
      if (j >= html.size()) broken("a tag that never ends", html, tagStart);
      if (html[j] == '>') break;
      if (closing) broken("attributes on a closing tag", html, j);
      const std::size_t attributeStart = j;
      while (j < html.size() && isNameChar(html[j])) ++j;
      const std::string attribute(html.substr(attributeStart, j - attributeStart));
      if (!attribute.empty() && !attributeAllowed(list, name, attribute))
        broken("an attribute outside the allow-list", html, attributeStart);
      // The one boolean attribute we write bare: the embed placeholder's button is `hidden` until a
      // script shows it.
      if (attribute == "hidden" && html.substr(j, 2) != "=\"") continue;
      if (attribute.empty() || html.substr(j, 2) != "=\"")
        broken("an attribute not written as name=\"value\"", html, attributeStart);
      const std::size_t valueStart = j + 2;
      const std::size_t valueEnd = html.find('"', valueStart);
      if (valueEnd == std::string_view::npos) broken("an attribute value that never ends", html, attributeStart);
      const std::string_view value = html.substr(valueStart, valueEnd - valueStart);
      if (value.find_first_of("<>") != std::string_view::npos)
        broken("'<' or '>' unescaped in an attribute", html, valueStart);
      for (std::size_t k = 0; k < value.size(); ++k) {
        const auto v = static_cast<unsigned char>(value[k]);
        if ((v < 0x20 && v != '\t' && v != '\n') || v == 0x7F)
          broken("a control character in an attribute", html, valueStart + k);
      }
      const auto urlAttribute = list.urlAttributes.find(name);
      if (urlAttribute != list.urlAttributes.end() && urlAttribute->get_ref<const std::string&>() == attribute) {
        const std::string url = decodeAttribute(value);
        const auto kind = name == "img" ? broadsheet::policy::UrlKind::Image : broadsheet::policy::UrlKind::Link;
        const auto allowed = broadsheet::policy::allowedUrl(url, kind);
        if (!allowed || *allowed != url) broken("a URL the policy refuses, or would change", html, valueStart);
      }
      if (name == "img" && attribute == "srcset") checkSrcset(html, valueStart, decodeAttribute(value));
      if ((name == "iframe" && attribute == "src") || attribute == "data-bs-embed-src")
        checkFrameAddress(html, valueStart, decodeAttribute(value));
      if (attribute == "style" && !isAspectRatioStyle(decodeAttribute(value)))
        broken("an inline style other than an embed box's aspect-ratio", html, valueStart);
      if (name == "script" && attribute == "type") scriptType = decodeAttribute(value);
      j = valueEnd + 1;
    }
    i = j + 1;
    if (closing) continue;
    if (name == "script") {
      if (!list.scriptTypes.count(scriptType)) broken("a script that is not JSON-LD", html, tagStart);
      const std::size_t end = html.find("</script>", i);
      if (end == std::string_view::npos) broken("a script that never ends", html, tagStart);
      const std::string_view data = html.substr(i, end - i);
      if (data.find('<') != std::string_view::npos) broken("'<' inside JSON-LD", html, i + data.find('<'));
      if (!Json::accept(data)) broken("JSON-LD that is not JSON", html, i);
      i = end;
    } else if (name == "style") {
      const std::size_t end = html.find("</style>", i);
      // A standalone document has two: the page's own (broadsheet::html::standalonePageStyle) and ours.
      const std::string_view held = end == std::string_view::npos ? std::string_view() : trimmed(html.substr(i, end - i));
      if (end == std::string_view::npos ||
          (held != trimmed(broadsheet::stylesheet()) && held != trimmed(broadsheet::html::standalonePageStyle()))) {
        broken("a style element holding anything but our stylesheet or the standalone page's", html, tagStart);
      }
      i = end;
    }
  }
}

void checkResult(const broadsheet::RenderResult& result, bool standalone) {
  bool errors = false;
  for (const auto& diagnostic : result.diagnostics)
    errors = errors || diagnostic.severity == broadsheet::Severity::Error;
  if (result.ok == errors) broken("ok disagrees with the diagnostics", result.html, 0);
  const std::string diagnostics = broadsheet::diagnosticsToJson(result.diagnostics);
  if (!Json::accept(diagnostics)) broken("diagnostics that are not JSON", diagnostics, 0);
  const std::string meta = broadsheet::metaToJson(result.meta);
  if (!Json::accept(meta)) broken("meta that is not JSON", meta, 0);
  if (!result.html.empty()) checkHtml(result.html, standalone);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  checkResult(broadsheet::render(input), false);

  broadsheet::RenderOptions standalone;
  standalone.standalone = true;
  standalone.headingLevel = static_cast<int>(size % 6) + 1;
  checkResult(broadsheet::render(input, standalone), true);

  const std::vector<broadsheet::Diagnostic> diagnostics = broadsheet::validate(input);
  if (!Json::accept(broadsheet::diagnosticsToJson(diagnostics)))
    broken("validate's diagnostics are not JSON", input, 0);

  std::vector<broadsheet::Diagnostic> optionDiagnostics;
  broadsheet::parseOptions(input, optionDiagnostics);
  return 0;
}
