#include "text/markdown.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <string>

#include <cmark.h>

#include "text/tree_memory.hpp"

namespace broadsheet::text {
namespace {

// Smart punctuation on; raw HTML is kept in the tree as HTML nodes, which the html stage prints as
// escaped text (so nothing a writer typed is lost and nothing runs).
constexpr int kParseOptions = CMARK_OPT_SMART;

// One paragraph holding `literal` as its text (NUL shown as U+FFFD, as cmark's parser would).
cmark_node* literalDocument(std::string literal) {
  for (std::size_t nul = literal.find('\0'); nul != std::string::npos; nul = literal.find('\0', nul + 3))
    literal.replace(nul, 1, "\xEF\xBF\xBD");
  cmark_node* document = cmark_node_new_with_mem(CMARK_NODE_DOCUMENT, treeMemory());
  cmark_node* paragraph = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, treeMemory());
  cmark_node* text = cmark_node_new_with_mem(CMARK_NODE_TEXT, treeMemory());
  cmark_node_set_literal(text, literal.c_str());
  cmark_node_append_child(paragraph, text);
  cmark_node_append_child(document, paragraph);
  return document;
}

// Without a budget, the region's allocator (text/tree_memory.hpp; nothing is counted). Through the same
// calls as parseWithin, not cmark_parse_document: its copy of the feeding loop is a kilobyte of WASM.
cmark_node* parse(std::string_view source) {
  cmark_parser* parser = cmark_parser_new_with_mem(kParseOptions, treeMemory());
  cmark_parser_feed(parser, source.data(), source.size());
  cmark_node* document = cmark_parser_finish(parser);
  cmark_parser_free(parser);
  return document;
}

// A text that is not blank and parses into nothing at all was a link reference definition
// ("[a]: /url"), which would vanish: that is not a single paragraph either.
bool isSingleParagraph(cmark_node* document) {
  cmark_node* first = cmark_node_first_child(document);
  return first != nullptr && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH && cmark_node_next(first) == nullptr;
}

// A look-up in the 32 characters: smaller in WASM than four ranges (77 B gzip on the lite core).
bool isAsciiPunctuation(char c) { return std::memchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c, 32) != nullptr; }

bool isSpaceOrTab(char c) { return c == ' ' || c == '\t'; }

// Appends `source` to `text` as smart punctuation shows it (`scan` false: there is nothing it acts on),
// or returns false (`text` then of no use) when that would depend on how cmark pairs quote marks or on
// a neighbour that is not ASCII (cmark's Unicode classes of spaces and punctuation would decide).
// Runs of "." and "-" pair with nothing (inlines.c: handle_period, handle_hyphen): each "..." is an
// ellipsis from the run's start ("." and ".." stay); two hyphens or more are dashes, all em dashes
// when their number is a multiple of 3, else all en dashes when it is even, else em dashes and then
// one en dash (3n + 2) or two (3n + 4). Quote marks (scan_delims, handle_delim, process_emphasis): a
// mark can open when left-flanking (and, if right-flanking too, only after "(" or "["; never after "]"
// or ")") and close when right-flanking, by the characters of the source on either side (a "-" of a
// dash is punctuation); the text's ends count as spaces. A closer is always "\u201D" or "\u2019". A
// '"' that cannot close shows "\u201C" matched or not; one that can both open and close shows "\u201D"
// unless a later closer pairs with it. A "'" that cannot open shows "\u2019"; one that can is "\u2018"
// only if a later closer pairs with it. So '"' that can both, and "'" that can open, are not built here;
// nor are two quote marks side by side (each is the other's neighbour; rare in prose).
bool appendWithSmartPunctuation(std::string_view source, bool scan, std::string& text) {
  text.reserve(source.size() + 16);  // room for a few marks (each 3 bytes in the place of 1 or 2)
  std::size_t from = 0;
  for (std::size_t at = scan ? 0 : source.size(); at < source.size(); ++at) {
    const char mark = source[at];
    if (mark != '.' && mark != '-' && mark != '"' && mark != '\'') continue;
    std::size_t run = 1;
    while (at + run < source.size() && source[at + run] == mark) ++run;
    const char* three = "\u2014";  // what each three of a run becomes (a quote mark: the mark)
    std::size_t threes = run / 3, enDashes = 0, end = at + run;
    if (mark == '.') {
      three = "\u2026";
      end -= run % 3;  // "." and ".." written as they are with what follows
    } else if (mark == '-' && run > 1) {
      enDashes = run % 3 == 0 ? 0 : run % 2 == 0 ? run / 2 : 3 - run % 3;
      threes = (run - 2 * enDashes) / 3;
    } else if (mark == '"' || mark == '\'') {
      if (run > 1) return false;
      const char before = at == 0 ? ' ' : source[at - 1];
      const char after = end == source.size() ? ' ' : source[end];
      if ((before | after) & 0x80) return false;
      // Plain prose holds no other ASCII space (tabs, line breaks and controls are inline syntax).
      // Left-flanking also asks, before punctuation, for a space or punctuation before the mark;
      // without them the mark is right-flanking and not after "(" or "[", so it cannot open anyway.
      const bool punctuationBefore = isAsciiPunctuation(before);
      const bool leftFlanking = after != ' ';
      const bool rightFlanking =
          before != ' ' && (!punctuationBefore || after == ' ' || isAsciiPunctuation(after));
      const bool canOpen =
          leftFlanking && (!rightFlanking || before == '(' || before == '[') && before != ']' && before != ')';
      const bool isDouble = mark == '"';
      if (canOpen && (rightFlanking || !isDouble)) return false;
      three = !isDouble ? "\u2019" : rightFlanking ? "\u201D" : "\u201C";
      threes = 1;
    }
    if (threes + enDashes > 0) {
      text.append(source.data() + from, at - from);
      for (std::size_t i = 0; i < threes + enDashes; ++i) text.append(i < threes ? three : "\u2013", 3);
      from = end;
    }
    at += run - 1;
  }
  text.append(source.data() + from, source.size() - from);
  return true;
}

// Inline text is one line of prose: newlines become spaces and leading indentation goes, so it can
// only open a block through its first characters ("# ", "> ", "- ", "1. ", "```"...). Those are
// escaped, which keeps the characters and makes them literal. Most texts need none of this and are
// parsed as they are (`rewritten` stays empty).
std::string_view asInlineSource(std::string_view source, const SourceFacts& facts, bool escapeBlockMarker,
                                std::string& rewritten) {
  if (!facts.lineBreaks && !isSpaceOrTab(source.front()) && !escapeBlockMarker) return source;
  std::string& line = rewritten;
  line.reserve(source.size() + 1);
  for (char c : source) line.push_back(c == '\n' || c == '\r' ? ' ' : c);
  const std::size_t start = line.find_first_not_of(" \t");
  line.erase(0, start == std::string::npos ? line.size() : start);
  if (escapeBlockMarker && !line.empty()) {
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')')) {
      line.insert(digits, "\\");
    } else if (isAsciiPunctuation(line[0])) {
      line.insert(0, "\\");
    }
  }
  return line;
}

}  // namespace

namespace {

// The containers the line starting at `i` opens or continues: "> ", "- ", "* ", "+ ", "1. ", "1) ",
// and indentation (a nested list item sits at least two columns in). Stops counting past the bound.
std::size_t lineNesting(std::string_view source, std::size_t i) {
  std::size_t markers = 0, columns = 0;
  for (bool more = true; more && i < source.size() && markers + columns / 2 <= kMaxMarkdownNesting;) {
    const char c = source[i];
    const char next = i + 1 < source.size() ? source[i + 1] : '\n';
    const bool spaceAfter = next == ' ' || next == '\t' || next == '\n' || next == '\r';
    if (c == ' ' || c == '\t') {
      columns += c == '\t' ? 4 : 1;
      ++i;
    } else if (c == '>' || ((c == '-' || c == '*' || c == '+') && spaceAfter)) {
      ++markers;
      ++i;
    } else if (c >= '0' && c <= '9') {
      std::size_t j = i;
      while (j < source.size() && j - i < 9 && source[j] >= '0' && source[j] <= '9') ++j;
      const char after = j + 1 < source.size() ? source[j + 1] : '\n';
      more = j < source.size() && (source[j] == '.' || source[j] == ')') &&
             (after == ' ' || after == '\t' || after == '\n' || after == '\r');
      if (more) {
        ++markers;
        i = j + 1;
      }
    } else {
      more = false;
    }
  }
  return markers + columns / 2;
}

// The sum, over each "]", of the "[" still open before it (counting starts at the first "[").
bool bracketWorkExceedsBound(std::string_view source) {
  const void* first = std::memchr(source.data(), '[', source.size());
  if (!first) return false;
  std::size_t openBrackets = 0, bracketWork = 0;
  for (std::size_t i = static_cast<std::size_t>(static_cast<const char*>(first) - source.data()); i < source.size();
       ++i) {
    if (source[i] == '[') {
      ++openBrackets;
    } else if (source[i] == ']') {
      bracketWork += openBrackets;
      if (bracketWork > kMaxMarkdownBracketWork) return true;
      if (openBrackets > 0) --openBrackets;
    }
  }
  return false;
}

// The position of the next "\n" or "\r" from `from`, or the end. memchr when the text has no "\r",
// which is nearly always.
std::size_t nextLineBreak(std::string_view source, std::size_t from, bool hasCarriageReturns) {
  if (!hasCarriageReturns) {
    const void* found = std::memchr(source.data() + from, '\n', source.size() - from);
    return found ? static_cast<std::size_t>(static_cast<const char*>(found) - source.data()) : source.size();
  }
  while (from < source.size() && source[from] != '\n' && source[from] != '\r') ++from;
  return from;
}

}  // namespace

SourceFacts factsOf(std::string_view source) {
  enum : unsigned char {
    kNotBlank = 1,
    kLineBreak = 2,
    kCarriageReturn = 4,
    kBracket = 8,
    kLinkSyntax = 16,
    kInlineSyntax = 32,
    kQuote = 64,
    kCloseBracket = 128,
  };
  static constexpr auto kFlags = [] {
    std::array<unsigned char, 256> table{};
    for (auto& flags : table) flags = kNotBlank;
    for (unsigned char control = 0; control < 0x20; ++control) table[control] = kNotBlank | kInlineSyntax;
    for (const unsigned char syntax : std::string_view("\\`&_*")) table[syntax] = kNotBlank | kInlineSyntax;
    table[']'] = kNotBlank | kCloseBracket;
    table['\''] = kNotBlank | kQuote;
    table['"'] = kNotBlank | kQuote;
    table[' '] = 0;
    table['\t'] = kInlineSyntax;
    table['\n'] = kLineBreak | kInlineSyntax;
    table['\r'] = kLineBreak | kCarriageReturn | kInlineSyntax;
    table['['] = kNotBlank | kBracket | kLinkSyntax;
    table['<'] = kNotBlank | kLinkSyntax | kInlineSyntax;
    return table;
  }();
  // Eight bytes a step: the loop's own overhead was most of its cost (every text of an article
  // passes here).
  const auto flagsOf = [&](std::size_t i) { return kFlags[static_cast<unsigned char>(source[i])]; };
  unsigned flags = 0;
  std::size_t i = 0;
  for (; i + 8 <= source.size(); i += 8) {
    flags |= (flagsOf(i) | flagsOf(i + 1) | flagsOf(i + 2) | flagsOf(i + 3)) |
             (flagsOf(i + 4) | flagsOf(i + 5) | flagsOf(i + 6) | flagsOf(i + 7));
  }
  for (; i < source.size(); ++i) flags |= flagsOf(i);
  SourceFacts facts;
  facts.blank = !(flags & kNotBlank);
  facts.lineBreaks = flags & kLineBreak;
  facts.carriageReturns = flags & kCarriageReturn;
  facts.brackets = flags & kBracket;
  facts.linkSyntax = flags & kLinkSyntax;
  facts.inlineSyntax = flags & kInlineSyntax;
  facts.quotes = flags & kQuote;
  facts.closeBrackets = flags & kCloseBracket;
  return facts;
}

bool isPlainProse(std::string_view source, const SourceFacts& facts, std::string& literal) {
  if (facts.inlineSyntax || source.empty() || source.front() == ' ' || source.back() == ' ') return false;
  // What opens a block at a line's start: headings, quotes, list and thematic break markers, fences,
  // setext underlines, HTML; a byte order mark, which cmark skips at the start.
  if (std::string_view("#>-+*=_`~<\xEF").find(source.front()) != std::string_view::npos) return false;
  std::size_t digits = 0;
  while (digits < source.size() && source[digits] >= '0' && source[digits] <= '9') ++digits;
  // An ordered list marker: digits, then "." or ")" before a space or the end ("1.5", "1..2" are prose).
  if (digits > 0 && digits < source.size() && (source[digits] == '.' || source[digits] == ')') &&
      (digits + 1 == source.size() || source[digits + 1] == ' '))
    return false;
  // Brackets make a link only before "(" (an inline link) or with a reference definition ("[a]: /url",
  // which an inline text can hold only at its start): "[sic]", "[Kazakhstan] said", "[a][b]" and
  // "[^1]" stay as they are written (footnote references are found in the tree later).
  if ((facts.brackets || facts.closeBrackets) &&
      (source.find("](") != std::string_view::npos || source.find("]:") != std::string_view::npos))
    return false;
  // Runs of "." and "-" are looked for only where they could be smart punctuation ("--", "..").
  const bool dotsOrDashes =
      source.find("..") != std::string_view::npos || source.find("--") != std::string_view::npos;
  return appendWithSmartPunctuation(source, facts.quotes || dotsOrDashes, literal);
}

bool exceedsStructureBounds(std::string_view source) { return exceedsStructureBounds(source, factsOf(source)); }

// Two measures, each taken with a scan that skips what cannot matter: the nesting at every line
// start (a line starts after each "\n" or "\r"), and the bracket work from the first "[" on.
bool exceedsStructureBounds(std::string_view source, const SourceFacts& facts) {
  if (lineNesting(source, 0) > kMaxMarkdownNesting) return true;
  for (std::size_t lineStart = 0; facts.lineBreaks && lineStart < source.size();) {
    lineStart = nextLineBreak(source, lineStart, facts.carriageReturns) + 1;
    if (lineNesting(source, lineStart) > kMaxMarkdownNesting) return true;
  }
  return facts.brackets && bracketWorkExceedsBound(source);
}

void Markdown::FreeNode::operator()(cmark_node* node) const { cmark_node_free(node); }

TreeBudget::TreeBudget(std::size_t structureBytes, std::size_t treeBytes)
    : structureLeft_(structureBytes), treeBytes_(treeBytes), heldAtStart_(treeBytesHeld()) {}

std::size_t TreeBudget::remaining() const {
  if (spent_) return 0;
  const std::size_t held = treeBytesHeld() > heldAtStart_ ? treeBytesHeld() - heldAtStart_ : 0;
  return std::min(structureLeft_, held < treeBytes_ ? treeBytes_ - held : 0);
}

namespace {

// The end of the line holding `at`, past its line break ("\r\n" counts as one).
std::size_t endOfLine(std::string_view source, std::size_t at, bool hasCarriageReturns) {
  std::size_t end = nextLineBreak(source, at, hasCarriageReturns);
  if (end < source.size() && source[end] == '\r' && end + 1 < source.size() && source[end + 1] == '\n') ++end;
  return end < source.size() ? end + 1 : end;
}

}  // namespace

// Fed in chunks of whole lines while the budget lasts (cmark's bytes so far, the parser's buffers
// included). Once it is spent, nothing more is fed, of this text or any later one.
cmark_node* Markdown::parseWithin(std::string_view source, TreeBudget& budget) {
  const std::size_t room = budget.remaining();
  const std::size_t before = treeBytesHeld();
  cmark_parser* parser = cmark_parser_new_with_mem(kParseOptions, countedTreeMemory());
  std::size_t fed = 0;
  for (; fed < source.size() && treeBytesHeld() - before < room;) {
    const std::size_t end = source.size() - fed <= kMarkdownChunkBytes
                                ? source.size()
                                : endOfLine(source, fed + kMarkdownChunkBytes, facts_.carriageReturns);
    cmark_parser_feed(parser, source.data() + fed, end - fed);
    fed = end;
  }
  if (fed < source.size()) leftOutFrom_ = fed;
  if (leftOutFrom_ != std::string_view::npos) budget.spendAll();
  else budget.spendStructure(treeBytesHeld() - before);
  cmark_node* document = cmark_parser_finish(parser);
  cmark_parser_free(parser);
  return document;
}

Markdown::Markdown(std::string_view source, Flavor flavor, TreeBudget* budget)
    : flavor_(flavor), facts_(factsOf(source)) {
  if (facts_.blank) return;  // nothing to show
  if (exceedsStructureBounds(source, facts_)) {
    shownAsText_ = true;
    document_.reset(literalDocument(std::string(source)));
    return;
  }
  // Most inline texts of an article are plain prose: cmark's parse would give this same tree, at
  // several times the cost of building it.
  std::string literal;
  if (flavor == Flavor::Inline && isPlainProse(source, facts_, literal)) {
    document_.reset(literalDocument(std::move(literal)));
    return;
  }
  if (flavor == Flavor::Blocks) {
    document_.reset(budget ? parseWithin(source, *budget) : parse(source));
    if (leftOutFrom_ == 0) document_.reset();
    return;
  }
  std::string rewritten;
  document_.reset(parse(asInlineSource(source, facts_, false, rewritten)));
  if (!isSingleParagraph(document_.get())) {
    rewritten.clear();
    document_.reset(parse(asInlineSource(source, facts_, true, rewritten)));
  }
}

Markdown::Markdown(cmark_node* document, Flavor flavor) : document_(document), flavor_(flavor) {}

std::vector<Markdown> Markdown::splitBlocks(std::size_t maxParts) {
  std::vector<Markdown> parts;
  while (cmark_node* block = cmark_node_first_child(document_.get())) {
    cmark_node* part = document_.get();
    if (parts.size() + 1 < maxParts) {
      cmark_node_unlink(block);
      part = cmark_node_new_with_mem(CMARK_NODE_DOCUMENT, treeMemory());
      cmark_node_append_child(part, block);
    } else {
      document_.release();  // the rest stays together
    }
    parts.push_back(Markdown(part, Flavor::Blocks));
  }
  document_.reset();
  return parts;
}

bool Markdown::isParagraph() const {
  if (!document_) return false;
  cmark_node* first = cmark_node_first_child(document_.get());
  return first != nullptr && cmark_node_next(first) == nullptr && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH;
}

std::vector<int> Markdown::headingLevels() const {
  std::vector<int> levels;
  if (!document_) return levels;
  cmark_iter* iter = cmark_iter_new(document_.get());
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING) {
      levels.push_back(cmark_node_get_heading_level(node));
    }
  }
  cmark_iter_free(iter);
  return levels;
}

namespace {

// cmark's leaf nodes (the only ones its iterator enters without leaving), and whether one shows
// something: a character other than white space, or a thematic break.
bool isLeaf(cmark_node_type type) {
  switch (type) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK: return true;
    default: return false;
  }
}

bool leafShows(cmark_node* node) {
  if (cmark_node_get_type(node) == CMARK_NODE_THEMATIC_BREAK) return true;
  const char* literal = cmark_node_get_literal(node);
  for (const char* c = literal ? literal : ""; *c != '\0'; ++c) {
    if (*c != ' ' && *c != '\t' && *c != '\n' && *c != '\r') return true;
  }
  return false;
}

}  // namespace

std::size_t Markdown::removeEmptyBlocks() {
  if (!document_) return 0;
  std::size_t removed = 0;
  // One walk: each open container learns from what is in it whether it shows something, and is
  // judged when it is left (cmark lets a node be freed once its EXIT event has been returned).
  std::string shows;  // '1' or '0' per open container (an image shows whatever its description)
  cmark_iter* iter = cmark_iter_new(document_.get());
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(node);
    if (isLeaf(type)) {
      if (!shows.empty() && leafShows(node)) shows.back() = '1';
      continue;
    }
    if (event == CMARK_EVENT_ENTER) {
      shows.push_back(type == CMARK_NODE_IMAGE ? '1' : '0');
      continue;
    }
    const bool nodeShows = shows.back() == '1';
    shows.pop_back();
    if (shows.empty()) break;  // the document
    const bool judged = type == CMARK_NODE_HEADING || type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_ITEM;
    const bool emptied =
        (type == CMARK_NODE_LIST || type == CMARK_NODE_BLOCK_QUOTE) && cmark_node_first_child(node) == nullptr;
    if ((judged && !nodeShows) || emptied) {
      removed += judged ? 1 : 0;
      cmark_node_free(node);  // unlinks it too
    } else if (nodeShows) {
      shows.back() = '1';
    }
  }
  cmark_iter_free(iter);
  if (!cmark_node_first_child(document_.get())) document_.reset();
  return removed;
}

void Markdown::visitPlainText(PieceVisitor visit) const {
  if (!document_) return;
  cmark_node* const root = document_.get();
  bool empty = true, endsWithSpace = false;
  const auto emit = [&](std::string_view piece) {
    if (piece.empty()) return;
    visit(piece);
    empty = false;
    endsWithSpace = piece.back() == ' ';
  };
  // Leaving a container block separates its words from the next block's.
  const auto leave = [&](cmark_node* node) {
    const cmark_node_type type = cmark_node_get_type(node);
    if (!empty && !endsWithSpace && type >= CMARK_NODE_FIRST_BLOCK && type <= CMARK_NODE_LAST_BLOCK) emit(" ");
  };
  // Depth first by the tree's own links: cmark_iter allocates for every walk, and this runs for
  // every body item.
  for (cmark_node* node = cmark_node_first_child(root); node != nullptr;) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
      case CMARK_NODE_HTML_INLINE: emit(cmark_node_get_literal(node)); break;
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_HTML_BLOCK:
        emit(cmark_node_get_literal(node));
        emit(" ");
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: emit(" "); break;
      default:
        if (cmark_node* child = cmark_node_first_child(node)) {
          node = child;
          continue;
        }
        if (cmark_node_get_type(node) != CMARK_NODE_THEMATIC_BREAK) leave(node);  // an empty container
    }
    // Up to the next sibling, leaving each container on the way.
    while (node != nullptr && cmark_node_next(node) == nullptr) {
      node = cmark_node_parent(node);
      if (node == root) node = nullptr;
      if (node != nullptr) leave(node);
    }
    if (node != nullptr) node = cmark_node_next(node);
  }
}

std::string Markdown::plainText() const {
  std::string text;
  visitPlainText([&text](std::string_view piece) { text.append(piece); });
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

std::vector<LinkTarget> Markdown::linkTargets() const {
  std::vector<LinkTarget> targets;
  if (!document_) return targets;
  cmark_iter* iter = cmark_iter_new(document_.get());
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(node);
    if (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE) continue;
    const char* url = cmark_node_get_url(node);
    targets.push_back({node, url ? url : "", type == CMARK_NODE_IMAGE});
  }
  cmark_iter_free(iter);
  return targets;
}

}  // namespace broadsheet::text
