// A `table` block's members -> format::Table (docs/format.md, "Tables"). The article reader lends its
// diagnostics and its CommonMark parsing, so cells are checked and parsed once, like every other text.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "format/article.hpp"
#include "format/diagnostics.hpp"
#include "format/kept_value.hpp"

namespace broadsheet::format {

class TableTexts {
 public:
  // A diagnostic whose message names the member at `path`, then goes on with `rest`.
  virtual void report(Severity severity, std::string_view code, const std::string& path,
                      std::initializer_list<std::string_view> rest) = 0;
  // Element `index` of the array at `parent`, checked against the string limit and parsed as inline
  // CommonMark; nothing when it is too long (reported).
  virtual std::optional<Text> inlineText(std::string source, const std::string& parent, std::size_t index) = 0;
  // The block's `caption`: required, inline CommonMark, not blank.
  virtual std::optional<Text> caption(KeptValue& block, const std::string& path) = 0;

 protected:
  ~TableTexts() = default;
};

// Reads the table members of `block` (at `path`) into `table`; false when the table is dropped
// (no usable caption or rows).
bool readTable(KeptValue& block, const std::string& path, TableTexts& texts, Table& table);

}  // namespace broadsheet::format
