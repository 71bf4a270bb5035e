// Broadsheet: safe, laid-out news article rendering.
//
// This is the only public header of the core. The pipeline behind it has four stages, each in its own
// folder under src/:
//
//   format  article JSON -> typed Article + diagnostics   (src/format)
//   text    CommonMark -> cmark syntax trees              (src/text)
//   layout  Article -> layout tree (where pieces go)      (src/layout)
//   html    layout tree -> escaped, policy-checked HTML   (src/html)
//
// Nothing here throws: bad input becomes diagnostics, and whatever is valid still renders.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet {

// ---------------------------------------------------------------------------------------------
// Diagnostics
// ---------------------------------------------------------------------------------------------

enum class Severity { Error, Warning };

// One problem found in a document. `code` is a stable identifier from the table in docs/format.md
// (for example "BS-REQUIRED"); `path` is an RFC 6901 JSON Pointer to the offending value (or to where
// a missing member would be); `line` and `column` are 1-based positions in the original text,
// counted in characters, or 0 when the value does not exist in the text.
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;
  std::string message;
  std::string path;
  int line = 0;
  int column = 0;
};

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

// Resource limits. Exceeding one yields a BS-LIMIT diagnostic; defaults are documented in
// docs/format.md.
struct Limits {
  std::size_t maxInputBytes = 8 * 1024 * 1024;
  std::size_t maxDepth = 64;
  std::size_t maxBlocks = 10000;
  std::size_t maxStringBytes = 1024 * 1024;
  std::size_t maxPeople = 100;     // entries of `authors`, and of `analysts`
  std::size_t maxPullquotes = 20;  // `pullquote` blocks and `pullquotes` entries together
  // Diagnostics kept; past it they are only counted, and one BS-LIMIT warning says how many more.
  std::size_t maxDiagnostics = 200;
  // HTML written before emission stops with a BS-LIMIT error; 0: 16 bytes per input byte + 1 MiB.
  std::size_t maxOutputBytes = 0;
};

enum class Theme { Auto, Light, Dark };

// What happens to an image whose URL is path-relative ("img/a.jpg", "/img/a.jpg") when there is no
// base URL to resolve it against.
enum class RelativeImages {
  Keep,  // written as it is: the page showing the article is the article's own site
  Drop,  // left out with a BS-URL-RELATIVE warning: the page would fetch it from its own origin
};

// What an embed block becomes (docs/embeds.md): a placeholder that loads the provider's frame when
// the reader asks (nothing is requested from the provider before), the frame at once, or only a
// link to the original. Every form keeps the link.
enum class Embeds { Click, Load, Link };

struct RenderOptions {
  bool standalone = false;  // a whole HTML document with the stylesheet inlined
  int headingLevel = 1;     // level of the headline element (1-6); body headings shift with it
  Theme theme = Theme::Auto;
  std::string lang;    // overrides the document's language when not empty
  bool parts = false;  // part="…" (the ::part() names of docs/markup.md) on the contract's elements
  // The article's own address (an absolute http or https URL, or ""): relative URLs in its images and
  // links resolve against it. Protocol-relative URLs ("//host/x") become https: with or without it.
  std::string baseUrl;
  RelativeImages relativeImages = RelativeImages::Keep;
  std::string linkRel;              // rel tokens, besides noopener, of body links to other sites ("nofollow ugc")
  std::string imageReferrerPolicy;  // the referrerpolicy of every img ("" writes none)
  // Also write the tags a host page puts in its <head> (canonical link, description, Open Graph,
  // Twitter card, JSON-LD) into Meta::head.
  bool headTags = false;
  Embeds embeds = Embeds::Click;
  // Space-separated https origins ("https://maps.example.org") whose `generic` embeds may be framed;
  // generic embeds from anywhere else are links only.
  std::string embedOrigins;
  Limits limits;
};

// Reads options from their JSON form ({"standalone":true,"headingLevel":2,...}), as the WASM
// bindings and the CLI receive them. Bad members are reported as BS-OPTION diagnostics and keep
// their defaults.
RenderOptions parseOptions(std::string_view json, std::vector<Diagnostic>& diagnostics);

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

struct AnalystSummary {
  std::string id;
  std::string name;
  std::string role;
};

// Where one pull quote went, or why it was left out (docs/layout.md, "Pull quotes").
struct PullquoteSummary {
  std::string text;    // plain text
  std::string origin;  // "anchored" (a pullquote block), "listed" (the `pullquotes` member) or "auto"
  std::string path;    // JSON Pointer of where it came from; for "auto", of the block it quotes
  bool placed = false;
  std::size_t index = 0;  // when placed: its position among the laid-out body's items
  std::string after;      // when placed: JSON Pointer of the block it follows
  std::string reason;   // "between-paragraphs", "after-paragraph", "authored", "moved", "too-few-paragraphs", "no-room"
  std::string speaker;  // analyst id, "" when none
  bool inBody = false;  // its words are the body's (otherwise BS-PULLQUOTE-PARAPHRASE)
};

// A quotation in a paragraph («…», “…”) and the analyst its sentence names.
struct InlineQuoteSummary {
  std::string text;
  std::string speaker;  // analyst id, "" when the sentence names none
  std::string path;     // JSON Pointer of the block
};

// Facts about the rendered article, for callers that index, display or test it.
struct Meta {
  std::string id;        // the document's `id`, "" when none
  std::string headline;  // plain text
  std::string lang;
  std::string dir;
  std::string canonicalUrl;
  std::size_t wordCount = 0;
  std::size_t readingMinutes = 0;
  std::vector<AnalystSummary> analysts;
  std::size_t pullquotesPlaced = 0;
  std::vector<std::string> pullquotesDropped;  // texts of pull quotes left out
  std::vector<PullquoteSummary> pullquotes;    // every pull quote, anchored ones first, in document order
  std::vector<InlineQuoteSummary> quotes;      // at most kMaxInlineQuotes, in reading order
  std::string readUrl;                         // syndication.readUrl (https), "" when none
  std::optional<std::string> head;             // with RenderOptions::headTags: the host page's head tags
  // Set only by the lite WebAssembly core (web/core/broadsheet-core-lite.wasm), when the article or the
  // options need what it leaves out; nothing else is then set and the html is empty: render with the
  // full core. Written to JSON only when true, so the full core's meta is unchanged.
  bool needsFullCore = false;
};
inline constexpr std::size_t kMaxInlineQuotes = 200;

struct RenderResult {
  bool ok = false;  // !hasErrors(diagnostics)
  // The article, whenever the document has a usable headline: invalid members are left out (their
  // diagnostics say so), so `html` may be set while `ok` is false. Empty when nothing can be shown.
  std::string html;
  std::vector<Diagnostic> diagnostics;
  // Present exactly when an article was read (the document is a JSON object with a usable headline),
  // errors and all; absent when there was nothing to describe.
  std::optional<Meta> meta;
};

// Renders article JSON (UTF-8) into HTML. Never throws; see RenderResult::ok.
RenderResult render(std::string_view json, const RenderOptions& options = {});

// True when a diagnostic is an error: what RenderResult::ok is the negation of, and the verdict on a
// list from validate(). The list always holds at least one of the errors found, however many
// limits.maxDiagnostics leaves out, so it is enough to decide.
bool hasErrors(const std::vector<Diagnostic>& diagnostics);

// Reports the document's diagnostics without producing HTML.
std::vector<Diagnostic> validate(std::string_view json, const Limits& limits = {});
// The same diagnostics render() reports with these options (baseUrl and relativeImages decide which
// images are left out).
std::vector<Diagnostic> validate(std::string_view json, const RenderOptions& options);

// The stylesheet every rendering relies on (also inlined into standalone documents).
std::string_view stylesheet();

// Library version, "major.minor.patch".
std::string_view version();

// ---------------------------------------------------------------------------------------------
// Serialisation for bindings and tools
// ---------------------------------------------------------------------------------------------

std::string diagnosticsToJson(const std::vector<Diagnostic>& diagnostics);
// `null` when there is no meta (RenderResult::meta is absent).
std::string metaToJson(const std::optional<Meta>& meta);

}  // namespace broadsheet
