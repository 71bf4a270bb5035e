#include "layout/tables.hpp"

#include <utility>

namespace broadsheet::layout {
namespace {

// Spaces that group digits ("1 234", "1 234") or stand between a number and its unit ("12 %").
constexpr std::string_view kSpaces[] = {" ", "\u00A0", "\u202F", "\u2009", "\u2007"};
constexpr std::string_view kSigns[] = {"-", "+", "\u2212", "\u00B1", "\u2013"};
constexpr std::string_view kCurrencies[] = {"US$",    "A$",     "C$",     "HK$",    "$",      "\u20AC", "\u00A3",
                                            "\u00A5", "\u20B8", "\u20BD", "\u20B4", "\u20B9", "\u20A9", "\u20BA",
                                            "\u20BC", "\u20BE", "\u20AE", "\u20AA", "\u20A6", "\u20B1", "CHF"};
// After the number: percent, per mille, and magnitudes (English, Russian, Kazakh news usage).
constexpr std::string_view kSuffixes[] = {"%",    "\u2030", "bn",   "mn",    "tn",   "k",    "K",
                                          "m",    "M",      "B",    "млрд.", "млрд", "млн.", "млн",
                                          "трлн", "трлн.",  "тыс.", "тыс",   "мың",  "mln",  "bln"};

bool eat(std::string_view& text, std::string_view piece) {
  if (text.substr(0, piece.size()) != piece) return false;
  text.remove_prefix(piece.size());
  return true;
}

bool eatEnd(std::string_view& text, std::string_view piece) {
  if (text.size() < piece.size() || text.substr(text.size() - piece.size()) != piece) return false;
  text.remove_suffix(piece.size());
  return true;
}

template <std::size_t N>
bool eatAny(std::string_view& text, const std::string_view (&pieces)[N]) {
  for (std::string_view piece : pieces) {
    if (eat(text, piece)) return true;
  }
  return false;
}

template <std::size_t N>
bool eatAnyEnd(std::string_view& text, const std::string_view (&pieces)[N]) {
  for (std::string_view piece : pieces) {
    if (eatEnd(text, piece)) return true;
  }
  return false;
}

void trim(std::string_view& text) {
  while (eatAny(text, kSpaces)) {
  }
  while (eatAnyEnd(text, kSpaces)) {
  }
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Digits in groups: each separator (one of , . ' or a space) stands between two digits.
bool isDigitRun(std::string_view text) {
  bool lastWasDigit = false;
  bool anyDigit = false;
  while (!text.empty()) {
    if (isDigit(text.front())) {
      text.remove_prefix(1);
      lastWasDigit = anyDigit = true;
      continue;
    }
    if (!lastWasDigit) return false;
    if (!eat(text, ",") && !eat(text, ".") && !eat(text, "'") && !eatAny(text, kSpaces)) return false;
    lastWasDigit = false;
  }
  return anyDigit && lastWasDigit;
}

// A cell that says "no figure" ("", "—", "–", "-", "n/a") neither makes a column numeric nor keeps it from being one.
bool isPlaceholder(std::string_view cell) {
  trim(cell);
  return cell.empty() || cell == "\u2014" || cell == "\u2013" || cell == "-" || cell == "\u2212" || cell == "n/a" ||
         cell == "N/A" || cell == "\u2026" || cell == "...";
}

}  // namespace

bool looksNumeric(std::string_view cell) {
  trim(cell);
  eatAny(cell, kSigns);
  const bool currencyFirst = eatAny(cell, kCurrencies);
  if (currencyFirst) {
    trim(cell);
    eatAny(cell, kSigns);  // "$-3" as well as "-$3"
  }
  for (int i = 0; i < 2; ++i) {  // "12 млн ₸": a magnitude and a currency
    trim(cell);
    if (!eatAnyEnd(cell, kSuffixes) && (currencyFirst || !eatAnyEnd(cell, kCurrencies))) break;
  }
  trim(cell);
  return isDigitRun(cell);
}

std::size_t tableSourceBytes(const format::Table& table) {
  std::size_t bytes = table.caption.source.size() + 1;
  for (const format::Text& cell : table.header) bytes += cell.source.size() + 1;
  for (const std::vector<format::Text>& row : table.rows) {
    for (const format::Text& cell : row) bytes += cell.source.size() + 1;
  }
  return bytes;
}

Table::~Table() = default;

std::unique_ptr<Table> layOutTable(format::Table& table, std::string captionId) {
  auto laidOut = std::make_unique<Table>();
  Table& result = *laidOut;
  result.captionId = std::move(captionId);
  result.caption = std::move(table.caption.tree);
  result.rowHeaders = table.rowHeaders;
  for (format::Text& cell : table.header) result.header.push_back(std::move(cell.tree));
  result.columns.resize(table.columns);
  for (std::size_t column = 0; column < table.columns; ++column) {
    // A row header is a label, however it reads; other columns are numeric when most of their
    // cells that hold something are numbers.
    std::size_t numbers = 0;
    std::size_t counted = 0;
    for (const std::vector<format::Text>& row : table.rows) {
      const std::string cell = row[column].tree.plainText();
      if (isPlaceholder(cell)) continue;
      ++counted;
      if (looksNumeric(cell)) ++numbers;
    }
    TableColumn& layout = result.columns[column];
    layout.numeric = !(table.rowHeaders && column == 0) && numbers > 0 && 2 * numbers > counted;
    const format::Align given = column < table.align.size() ? table.align[column] : format::Align::Auto;
    layout.align = given == format::Align::Start    ? CellAlign::Start
                   : given == format::Align::End    ? CellAlign::End
                   : given == format::Align::Center ? CellAlign::Center
                   : layout.numeric                 ? CellAlign::End
                                                    : CellAlign::Start;
  }
  for (std::vector<format::Text>& row : table.rows) {
    std::vector<text::Markdown>& cells = result.rows.emplace_back();
    cells.reserve(row.size());
    for (format::Text& cell : row) cells.push_back(std::move(cell.tree));
  }
  return laidOut;
}

}  // namespace broadsheet::layout
