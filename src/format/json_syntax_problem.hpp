// What is wrong with JSON text that nlohmann's parser refused, said in words: what was expected where
// ("expected `,` or `}` after the value of `headline`: is a comma missing?"), with the offset of the
// offending token's start. A second, strict reading of the text (RFC 8259), done only after a parse
// failed, so that messages name members and suggest fixes without parser terms.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace broadsheet::format {

struct SyntaxProblem {
  std::size_t offset = 0;  // byte offset of the offending token (the text's size when it ends too early)
  std::string explanation;  // lower-case start, no final full stop; may end with "?"
};

// The first place where `text` is not one JSON value, or nothing when it is (or nests too deep to say).
std::optional<SyntaxProblem> findSyntaxProblem(std::string_view text);

}  // namespace broadsheet::format
