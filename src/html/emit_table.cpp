#include "html/emit_table.hpp"

#include "html/escape.hpp"
#include "html/parts.hpp"

namespace broadsheet::html {
namespace {

// The classes of a cell in `column`: its alignment (start needs none) and tabular figures for numbers.
std::string_view cellClasses(const layout::TableColumn& column, bool numbers) {
  using layout::CellAlign;
  if (numbers && column.numeric) {
    return column.align == CellAlign::End      ? "bs-cell--end bs-cell--numeric"
           : column.align == CellAlign::Center ? "bs-cell--center bs-cell--numeric"
                                               : "bs-cell--numeric";
  }
  return column.align == CellAlign::End ? "bs-cell--end" : column.align == CellAlign::Center ? "bs-cell--center" : "";
}

void appendCell(std::string& out, std::string_view tag, std::string_view scope, std::string_view classes,
                const text::Markdown& cell, const TextStyle& style) {
  out.push_back('<');
  out.append(tag);
  if (!scope.empty()) {
    out.append(" scope=\"");
    out.append(scope);
    out.push_back('"');
  }
  if (!classes.empty()) {
    out.append(" class=\"");
    out.append(classes);
    out.push_back('"');
  }
  out.push_back('>');
  appendMarkdown(out, cell, style);
  out.append("</");
  out.append(tag);
  out.push_back('>');
}

}  // namespace

void appendTable(std::string& out, const layout::Table& table, const TextStyle& style, std::string_view lang,
                 std::string_view dir) {
  // The region scrolls sideways in a narrow column; it is focusable so keyboard users can scroll it,
  // and named by the caption so screen readers announce what the focus landed on.
  appendStartTag(out, "div", "bs-table", style.parts);
  out.append(" role=\"region\" tabindex=\"0\" aria-labelledby=\"");
  appendAttribute(out, table.captionId);
  out.push_back('"');
  if (!lang.empty()) {
    out.append(" lang=\"");
    appendAttribute(out, lang);
    out.push_back('"');
  }
  if (!dir.empty()) {
    out.append(" dir=\"");
    appendAttribute(out, dir);
    out.push_back('"');
  }
  out.append("><table>\n<caption id=\"");
  appendAttribute(out, table.captionId);
  out.append("\">");
  appendMarkdown(out, table.caption, style);
  out.append("</caption>\n");
  if (!table.header.empty()) {
    out.append("<thead><tr>");
    for (std::size_t i = 0; i < table.header.size(); ++i) {
      appendCell(out, "th", "col", cellClasses(table.columns[i], false), table.header[i], style);
    }
    out.append("</tr></thead>\n");
  }
  out.append("<tbody>\n");
  for (const auto& row : table.rows) {
    out.append("<tr>");
    for (std::size_t i = 0; i < row.size(); ++i) {
      const bool heads = table.rowHeaders && i == 0;
      appendCell(out, heads ? "th" : "td", heads ? "row" : "", cellClasses(table.columns[i], true), row[i], style);
    }
    out.append("</tr>\n");
  }
  out.append("</tbody>\n</table></div>\n");
}

}  // namespace broadsheet::html
