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
inline constexpr std::string_view Option = "BS-OPTION";
}  // namespace code

class DiagnosticSink {
 public:
  void error(std::string_view code, std::string path, std::string message);
  void warning(std::string_view code, std::string path, std::string message);
  void add(Diagnostic diagnostic);
  // Drops what was reported at `pointer` or inside it: a member given twice counts only the last time.
  void forget(std::string_view pointer);

  bool hasErrors() const { return errorCount_ > 0; }
  std::vector<Diagnostic>& items() { return items_; }

 private:
  std::vector<Diagnostic> items_;
  std::size_t errorCount_ = 0;
};

}  // namespace broadsheet::format
