#include "html/emit_table.hpp"

#include "html/escape.hpp"
#include "html/parts.hpp"

namespace broadsheet::html {

// Literals appended with their lengths: append(const char*) calls strlen in libc++'s library code.
using namespace std::string_view_literals;
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
    out.append(" scope=\""sv);
    out.append(scope);
    out.push_back('"');
  }
  if (!classes.empty()) {
    out.append(" class=\""sv);
    out.append(classes);
    out.push_back('"');
  }
  out.push_back('>');
  appendMarkdown(out, cell, style);
  out.append("</"sv);
  out.append(tag);
  out.push_back('>');
}

}  // namespace

void appendTable(std::string& out, const layout::Table& table, const TextStyle& style, std::string_view lang,
                 std::string_view dir) {
  // The region scrolls sideways in a narrow column; it is focusable so keyboard users can scroll it,
  // and named by the caption so screen readers announce what the focus landed on.
  appendStartTag(out, "div", "bs-table", style.parts);
  out.append(" role=\"region\" tabindex=\"0\" aria-labelledby=\""sv);
  appendAttribute(out, table.captionId);
  out.push_back('"');
  if (!lang.empty()) {
    out.append(" lang=\""sv);
    appendAttribute(out, lang);
    out.push_back('"');
  }
  if (!dir.empty()) {
    out.append(" dir=\""sv);
    appendAttribute(out, dir);
    out.push_back('"');
  }
  out.append("><table>\n<caption id=\""sv);
  appendAttribute(out, table.captionId);
  out.append("\">"sv);
  appendMarkdown(out, table.caption, style);
  out.append("</caption>\n"sv);
  if (!table.header.empty()) {
    out.append("<thead><tr>"sv);
    for (std::size_t i = 0; i < table.header.size(); ++i) {
      appendCell(out, "th", "col", cellClasses(table.columns[i], false), table.header[i], style);
    }
    out.append("</tr></thead>\n"sv);
  }
  out.append("<tbody>\n"sv);
  for (const auto& row : table.rows) {
    out.append("<tr>"sv);
    for (std::size_t i = 0; i < row.size(); ++i) {
      const bool heads = table.rowHeaders && i == 0;
      appendCell(out, heads ? "th" : "td", heads ? "row" : "", cellClasses(table.columns[i], true), row[i], style);
    }
    out.append("</tr>\n"sv);
  }
  out.append("</tbody>\n</table></div>\n"sv);
}

}  // namespace broadsheet::html
