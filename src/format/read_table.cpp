#include "format/read_table.hpp"

#include <algorithm>
#include <vector>

#include "format/closest_name.hpp"
#include "format/json_pointer.hpp"
#include "format/member_names.hpp"

namespace broadsheet::format {
namespace {

class TableReader {
 public:
  TableReader(KeptValue& block, const std::string& path, TableTexts& texts, Table& table)
      : block_(block), path_(path), texts_(texts), table_(table) {}

  bool read() {
    auto caption = texts_.caption(block_, path_);
    readRowHeaders();
    const bool hasHeader = readHeader();
    KeptValue* rows = arrayMember("rows", /*required=*/true);
    if (!caption || !rows) return false;
    table_.caption = std::move(*caption);
    // The header declares the shape; without one, the first row does.
    if (!hasHeader && !rows->items.empty() && rows->items[0].kind == JsonKind::Array) {
      table_.columns = std::min(rows->items[0].length, kMaxTableColumns);
    }
    if (hasHeader) fitHeader();
    readRows(*rows);
    if (table_.rows.empty()) {
      if (rows->length == 0) fail(code::Empty, childPointer(path_, "rows"), {" must hold at least one row."});
      return false;
    }
    readAlign();
    return true;
  }

 private:
  void fail(std::string_view code, const std::string& path, std::initializer_list<std::string_view> rest) {
    texts_.report(Severity::Error, code, path, rest);
  }
  void warn(std::string_view code, const std::string& path, std::initializer_list<std::string_view> rest) {
    texts_.report(Severity::Warning, code, path, rest);
  }

  KeptValue* arrayMember(std::string_view key, bool required) {
    KeptValue* found = block_.find(key);
    const std::string path = childPointer(path_, key);
    if (!found) {
      if (required) fail(code::Required, path, {" is required: an array of rows, each an array of cells."});
      return nullptr;
    }
    if (found->kind != JsonKind::Array) {
      fail(code::Type, path, {" must be an array, found ", describe(found->kind), "."});
      return nullptr;
    }
    return found;
  }

  void readRowHeaders() {
    KeptValue* found = block_.find("rowHeaders");
    if (!found) return;
    if (found->kind != JsonKind::Boolean) {
      fail(code::Type, childPointer(path_, "rowHeaders"), {" must be a boolean, found ", describe(found->kind), "."});
      return;
    }
    table_.rowHeaders = found->boolean;
  }

  // The cells of one array of strings (a row or the header), at most `count` (the rest are cut by the
  // caller's rule); a cell that is not a string, or too long, is reported and left empty, so the
  // columns stay where they are.
  std::vector<Text> cells(KeptValue& list, const std::string& path, std::size_t count) {
    std::vector<Text> result;
    result.reserve(count);
    for (std::size_t i = 0, strings = 0; i < list.itemKinds.size() && result.size() < count; ++i) {
      if (list.itemKinds[i] != JsonKind::String) {
        fail(code::Type, childPointer(path, i),
             {" must be a string (inline CommonMark), found ", describe(list.itemKinds[i]),
              "; the cell is left empty."});
        result.emplace_back();
        continue;
      }
      auto cell = texts_.inlineText(std::move(list.itemStrings[strings++]), path, i);
      result.push_back(cell ? std::move(*cell) : Text{});
    }
    return result;
  }

  bool readHeader() {
    KeptValue* header = arrayMember("header", /*required=*/false);
    if (!header || header->length == 0) return false;
    const std::string path = childPointer(path_, "header");
    if (header->length > kMaxTableColumns) {
      fail(code::Limit, path,
           {" has ", std::to_string(header->length), " columns; the limit is ", std::to_string(kMaxTableColumns),
            ", so the rest are left out."});
    }
    table_.columns = std::min(header->length, kMaxTableColumns);
    table_.header = cells(*header, path, table_.columns);
    return true;
  }

  void fitHeader() {
    while (table_.header.size() < table_.columns) table_.header.emplace_back();
  }

  void readRows(KeptValue& rows) {
    const std::string path = childPointer(path_, "rows");
    if (rows.length > kMaxTableRows) {
      fail(code::Limit, path,
           {" has ", std::to_string(rows.length), " rows; the limit is ", std::to_string(kMaxTableRows),
            ", so the rest are left out."});
    }
    std::size_t cellCount = 0;
    for (std::size_t r = 0; r < rows.items.size(); ++r) {
      KeptValue& row = rows.items[r];
      const std::string rowPath = childPointer(path, r);
      if (row.kind != JsonKind::Array) {
        fail(code::Type, rowPath, {" must be an array of cells, found ", describe(row.kind), "; the row is left out."});
        continue;
      }
      if (row.length == 0) {
        fail(code::Empty, rowPath, {" must hold at least one cell; the row is left out."});
        continue;
      }
      if (table_.columns == 0) table_.columns = std::min(row.length, kMaxTableColumns);
      if (cellCount + table_.columns > kMaxTableCells) {
        fail(code::Limit, rowPath,
             {" would take the table past ", std::to_string(kMaxTableCells),
              " cells (the limit); it and the rows after it are left out."});
        return;
      }
      cellCount += table_.columns;
      if (row.length != table_.columns) reportShape(rowPath, row.length);
      std::vector<Text> cellsOfRow = cells(row, rowPath, table_.columns);
      while (cellsOfRow.size() < table_.columns) cellsOfRow.emplace_back();
      table_.rows.push_back(std::move(cellsOfRow));
    }
  }

  // Short rows are padded with empty cells (nothing is lost); long ones are cut to the header's width
  // (the header says how many columns the author meant; a stray cell must not widen the whole table).
  void reportShape(const std::string& rowPath, std::size_t length) {
    const std::string have = std::to_string(length);
    const std::string want = std::to_string(table_.columns);
    warn(code::TableShape, rowPath,
         {" has ", have, length == 1 ? " cell" : " cells", " but the table has ", want,
          table_.columns == 1 ? " column" : " columns",
          length < table_.columns ? "; it is padded with empty cells."
                                  : "; the cells past the last column are left out."});
  }

  void readAlign() {
    table_.align.assign(table_.columns, Align::Auto);
    KeptValue* align = arrayMember("align", /*required=*/false);
    if (!align) return;
    const std::string path = childPointer(path_, "align");
    if (align->length > table_.columns) {
      warn(code::TableShape, path,
           {" has ", std::to_string(align->length), " entries but the table has ", std::to_string(table_.columns),
            table_.columns == 1 ? " column" : " columns", "; the rest are ignored."});
    }
    for (std::size_t i = 0, strings = 0; i < align->itemKinds.size(); ++i) {
      const std::string entryPath = childPointer(path, i);
      if (align->itemKinds[i] != JsonKind::String) {
        fail(code::Type, entryPath, {" must be a string, found ", describe(align->itemKinds[i]), "."});
        continue;
      }
      const std::string& value = align->itemStrings[strings++];
      const auto known = std::find(std::begin(kAlignValues), std::end(kAlignValues), value);
      if (known == std::end(kAlignValues)) {
        fail(code::Value, entryPath,
             {" must be \"start\", \"end\", \"center\" or \"auto\"; the column is aligned automatically",
              value.size() <= 32 ? didYouMean(closestName(value, kAlignValues)) : "."});
        continue;
      }
      if (i >= table_.columns) continue;
      static constexpr Align kAligns[] = {Align::Start, Align::End, Align::Center, Align::Auto};
      table_.align[i] = kAligns[known - std::begin(kAlignValues)];
    }
  }

  static std::string didYouMean(std::optional<std::string_view> suggestion) {
    return suggestion ? "; did you mean `" + std::string(*suggestion) + "`?" : ".";
  }

  KeptValue& block_;
  const std::string& path_;
  TableTexts& texts_;
  Table& table_;
};

}  // namespace

Table::~Table() = default;

bool readTable(KeptValue& block, const std::string& path, TableTexts& texts, Table& table) {
  return TableReader(block, path, texts, table).read();
}

}  // namespace broadsheet::format
