// The pipeline: format -> text/layout -> html. Each stage reports into one DiagnosticSink.
#include "broadsheet/broadsheet.hpp"

#include "broadsheet_core_variant.hpp"
#include "format/article.hpp"
#include "format/diagnostics.hpp"
#include "format/read_article.hpp"
#include "format/source_locator.hpp"
#include "html/emit.hpp"
#include "layout/layout.hpp"
#include "policy/url_policy.hpp"
#include "text/entities.hpp"
#include "text/tree_memory.hpp"

namespace broadsheet {
namespace {

// The sink's diagnostics with line:column and in document order. A syntax error is already placed,
// and the text is not JSON then, so the locator does not walk it.
std::vector<Diagnostic> locatedDiagnostics(std::string_view json, format::DiagnosticSink& sink) {
  std::vector<Diagnostic> diagnostics = sink.take();
  if (!diagnostics.empty() && diagnostics.front().code != format::code::JsonSyntax) {
    format::locateDiagnostics(json, diagnostics);
  }
  return diagnostics;
}

// limits.maxOutputBytes, where 0 means 16 bytes of HTML per byte of JSON and 1 MiB more: far above
// what articles make (about as much HTML as JSON), far below what empty markup repeated would.
std::size_t maxOutputBytes(std::string_view json, const Limits& limits) {
  return limits.maxOutputBytes > 0 ? limits.maxOutputBytes : 16 * json.size() + (std::size_t{1} << 20);
}

// The lite core's answer when the article or the options need the full core: no HTML, no
// diagnostics, meta {"needsFullCore": true} (broadsheet_core_variant.hpp).
RenderResult needsFullCore() {
  RenderResult result;
  result.ok = true;
  result.meta.emplace().needsFullCore = true;
  return result;
}

// The full core decodes every HTML entity; the lite core starts with no rare one seen (text/entities.hpp).
void prepareEntities() {
  if constexpr (kFullCore) {
    text::decodeRareEntities();
  } else {
    text::takeRareEntityNamed();
  }
}

// Declared before the article: its destructor runs after the article's trees are freed, and gives the
// text stage's region back to malloc for the next render (text/tree_memory.hpp).
struct TreeRegionGivenBack {
  TreeRegionGivenBack() = default;
  TreeRegionGivenBack(const TreeRegionGivenBack&) = delete;
  TreeRegionGivenBack& operator=(const TreeRegionGivenBack&) = delete;
  ~TreeRegionGivenBack() { text::releaseTreeRegion(); }
};

}  // namespace

RenderResult render(std::string_view json, const RenderOptions& options) {
  if constexpr (!kFullCore) {
    if (options.standalone || options.headTags) return needsFullCore();
  }
  prepareEntities();
  json = format::withoutByteOrderMark(json);
  const TreeRegionGivenBack regionGivenBack;
  RenderResult result;
  format::DiagnosticSink sink(options.limits.maxDiagnostics);
  format::Article article;
  // Whatever else is wrong, an article with a headline is shown (its errors are reported).
  const bool read = format::readArticle(json, options.limits, article, sink, policy::urlContextFor(options));
  if (!kFullCore && article.needsFullCore) return needsFullCore();
  if (read) {
    Meta& meta = result.meta.emplace();
    layout::LayoutTree tree = layout::layOut(article, options, sink, meta);
    // The HTML is about as long as the article's JSON (0.9-1.2x in the bench articles): reserved
    // once, a long article's output is not doubled into, with both copies held while it moves.
    result.html.reserve(json.size() + json.size() / 4 + (options.standalone ? stylesheet().size() : 0) + 4096);
    const html::OutputBudget budget{maxOutputBytes(json, options.limits), sink};
    if (kFullCore && options.headTags) html::appendHeadTags(meta.head.emplace(), tree.facts);
    if (kFullCore && options.standalone) {
      html::appendStandaloneDocument(result.html, tree, budget);
    } else {
      html::appendArticle(result.html, tree, budget);
    }
  }
  // A rare entity may have been left as written: the full core renders this article.
  if (!kFullCore && text::takeRareEntityNamed()) return needsFullCore();
  result.diagnostics = locatedDiagnostics(json, sink);
  result.ok = !hasErrors(result.diagnostics);
  return result;
}

bool hasErrors(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.severity == Severity::Error) return true;
  }
  return false;
}

std::vector<Diagnostic> validate(std::string_view json, const Limits& limits) {
  RenderOptions options;
  options.limits = limits;
  return validate(json, options);
}

std::vector<Diagnostic> validate(std::string_view json, const RenderOptions& options) {
  prepareEntities();
  json = format::withoutByteOrderMark(json);
  const TreeRegionGivenBack regionGivenBack;
  format::DiagnosticSink sink(options.limits.maxDiagnostics);
  format::Article article;
  if (format::readArticle(json, options.limits, article, sink, policy::urlContextFor(options))) {
    Meta meta;
    layout::layOut(article, options, sink, meta);  // pull-quote warnings come from the layout
  }
  return locatedDiagnostics(json, sink);
}

std::string_view version() { return BROADSHEET_VERSION; }

}  // namespace broadsheet
