// Collects diagnostics while a document is read. Positions are filled in afterwards from the JSON
// Pointers (see source_locator.hpp), so the readers only ever name the path.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "broadsheet/broadsheet.hpp"

namespace broadsheet::format {

// Stable diagnostic codes; docs/format.md documents each one. Keep the two in step.
namespace code {
inline constexpr std::string_view JsonSyntax = "BS-JSON-SYNTAX";
inline constexpr std::string_view Limit = "BS-LIMIT";
inline constexpr std::string_view Format = "BS-FORMAT";
inline constexpr std::string_view Required = "BS-REQUIRED";
inline constexpr std::string_view Empty = "BS-EMPTY";
inline constexpr std::string_view Type = "BS-TYPE";
inline constexpr std::string_view Value = "BS-VALUE";
inline constexpr std::string_view Date = "BS-DATE";
inline constexpr std::string_view Lang = "BS-LANG";
inline constexpr std::string_view UrlScheme = "BS-URL-SCHEME";
inline constexpr std::string_view UrlRelative = "BS-URL-RELATIVE";
inline constexpr std::string_view Bidi = "BS-BIDI";
inline constexpr std::string_view UnknownMember = "BS-UNKNOWN-MEMBER";
inline constexpr std::string_view UnknownBlock = "BS-UNKNOWN-BLOCK";
inline constexpr std::string_view RefAnalyst = "BS-REF-ANALYST";
inline constexpr std::string_view DuplicateId = "BS-DUPLICATE-ID";
inline constexpr std::string_view PullquoteDropped = "BS-PULLQUOTE-DROPPED";
inline constexpr std::string_view PullquoteParaphrase = "BS-PULLQUOTE-PARAPHRASE";
inline constexpr std::string_view PullquoteMoved = "BS-PULLQUOTE-MOVED";
inline constexpr std::string_view EmptyBlock = "BS-EMPTY-BLOCK";
inline constexpr std::string_view Option = "BS-OPTION";
inline constexpr std::string_view License = "BS-LICENSE";
inline constexpr std::string_view LicenseTerms = "BS-LICENSE-TERMS";
inline constexpr std::string_view TranslationLang = "BS-TRANSLATION-LANG";
inline constexpr std::string_view ImageSize = "BS-IMAGE-SIZE";
inline constexpr std::string_view Footnote = "BS-FOOTNOTE";
inline constexpr std::string_view EmbedProvider = "BS-EMBED-PROVIDER";
inline constexpr std::string_view TableShape = "BS-TABLE-SHAPE";
}  // namespace code

// Keeps at most `capacity` diagnostics and counts the rest, so that a document with millions of
// problems costs no more memory than one with a few hundred (limits.maxDiagnostics). When there are
// errors, at least one of them is kept.
class DiagnosticSink {
 public:
  static constexpr std::size_t kUnbounded = static_cast<std::size_t>(-1);
  explicit DiagnosticSink(std::size_t capacity = kUnbounded) : capacity_(capacity) {}

  void error(std::string_view code, std::string path, std::string message);
  void warning(std::string_view code, std::string path, std::string message);
  void add(Diagnostic diagnostic);
  // False when a diagnostic of this severity would only be counted: callers need not build its message.
  bool keeps(Severity severity) const { return !full() || (severity == Severity::Error && errorCount_ == 0); }
  // A diagnostic found but not kept.
  void count(Severity severity);
  // Takes over what `other` kept (as far as there is room) and what it counted.
  void absorb(DiagnosticSink& other);

  std::vector<Diagnostic>& items() { return items_; }
  // The kept diagnostics, then (when some were only counted) one BS-LIMIT warning saying how many.
  std::vector<Diagnostic> take();

 private:
  bool full() const { return items_.size() >= capacity_; }

  std::vector<Diagnostic> items_;
  std::size_t capacity_;
  std::size_t errorCount_ = 0;  // kept and counted
  std::size_t counted_ = 0;     // found but not kept
  std::size_t countedErrors_ = 0;
};

}  // namespace broadsheet::format
