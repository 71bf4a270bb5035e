#include "html/parts.hpp"

namespace broadsheet::html {

// Literals appended with their lengths: append(const char*) calls strlen in libc++'s library code.
using namespace std::string_view_literals;
namespace {

// The names docs/markup.md documents for the element (tests/security/urls-bidi.test.mjs checks the two agree).
struct ClassPart {
  std::string_view className;
  std::string_view part;
};
constexpr ClassPart kParts[] = {
    {"bs-article", "article"},
    {"bs-header", "header"},
    {"bs-section", "section"},
    {"bs-headline", "headline"},
    {"bs-standfirst", "standfirst"},
    {"bs-byline", "byline"},
    {"bs-meta", "meta"},
    {"bs-translations", "translations"},
    {"bs-figure", "figure"},
    {"bs-lead-image", "lead-image"},
    {"bs-gallery", "gallery"},
    {"bs-body", "body"},
    {"bs-heading", "heading"},
    {"bs-quote", "quote"},
    {"bs-attribution", "attribution"},
    {"bs-pullquote", "pullquote"},
    {"bs-callout", "callout"},
    {"bs-table", "table"},
    {"bs-corrections", "corrections"},
    {"bs-correction", "correction"},
    {"bs-note", "note"},
    {"bs-footer", "footer"},
    {"bs-analysts", "analysts"},
    {"bs-tags", "tags"},
    {"bs-cta", "cta"},
    {"bs-publisher", "publisher"},
    {"bs-provenance", "provenance"},
};

}  // namespace

std::string_view partName(std::string_view className) {
  for (const ClassPart& entry : kParts) {
    if (entry.className == className) return entry.part;
  }
  return "";
}

void appendStartTag(std::string& out, std::string_view tag, std::string_view classes, bool parts) {
  out.push_back('<');
  out.append(tag);
  out.append(" class=\""sv);
  out.append(classes);
  out.push_back('"');
  if (!parts) return;
  std::string names;
  for (std::size_t start = 0; start < classes.size();) {
    std::size_t end = classes.find(' ', start);
    if (end == std::string_view::npos) end = classes.size();
    const std::string_view part = partName(classes.substr(start, end - start));
    if (!part.empty()) names.append(names.empty() ? "" : " ").append(part);
    start = end + 1;
  }
  if (names.empty()) return;
  out.append(" part=\""sv);
  out.append(names);
  out.push_back('"');
}

}  // namespace broadsheet::html
