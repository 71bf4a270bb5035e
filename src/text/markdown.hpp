// The text stage: CommonMark source -> cmark syntax tree. It knows nothing about HTML or the URL
// policy: the format stage decides each link's destination (destinations.hpp), and the html stage
// walks these trees and writes what was decided, escaped.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

struct cmark_node;

namespace broadsheet::text {

// One link or image in a Markdown text: its node, and its destination as the author wrote it (a view
// of the node's URL, valid while the tree lives and the destination is not decided: destinations.hpp).
struct LinkTarget {
  cmark_node* node = nullptr;
  std::string_view url;
  bool image = false;  // an image (![alt](src)) rather than a link
};

// Which characters that change how a source is parsed or checked it holds, from one pass over it
// with one table lookup per byte (a memchr scan for each character was 5% of a render in WASM,
// where memchr is not vectorised).
struct SourceFacts {
  bool blank = true;             // nothing but spaces, tabs and line breaks
  bool lineBreaks = false;       // "\n" or "\r"
  bool carriageReturns = false;  // "\r"
  bool brackets = false;         // "[": links and images, and the bracket bound below
  bool linkSyntax = false;       // "[" or "<": links, images and autolinks
  bool inlineSyntax = false;     // a control, or a byte inline syntax or smart punctuation acts on
                                 // wherever it stands (not "[", "]", "'" or "\"", told apart here)
  bool quotes = false;           // "'" or "\"", which smart punctuation makes quote marks or apostrophes
  bool closeBrackets = false;    // "]"
};
SourceFacts factsOf(std::string_view source);

// Whether cmark (smart punctuation on) would parse `source` into one paragraph holding one text, and
// this function can tell that text: it is then appended to `literal` (given empty), the source with
// its quote marks curly, "..." an ellipsis and "--" and longer runs dashes as cmark makes them. No
// inline syntax, no "](" or "]:", no block marker or space at its start (nor space at its end), and no
// quote mark whose outcome depends on pairing or on a neighbour that is not ASCII. Such an inline text
// is not given to cmark.
bool isPlainProse(std::string_view source, const SourceFacts& facts, std::string& literal);

enum class Flavor {
  Inline,  // one run of inline CommonMark (emphasis, code, links): never a heading, list or quote
  Blocks,  // full block-level CommonMark
};

// cmark 0.30.2 (the version built here) takes quadratic time on a few shapes of input: Markdown
// containers nested thousands deep (each line and each emphasis walks every open container) and
// long runs of link openers that stay open (`![[]()` repeated: each closed link walks them all).
// A text whose structure passes these bounds is not parsed: it becomes one paragraph of literal
// text, so every character still shows and the cost stays linear. The format stage reports such
// texts as BS-LIMIT warnings. Both measures are estimates from one linear scan of the source.
inline constexpr std::size_t kMaxMarkdownNesting = 64;           // quote and list markers (+ indent / 2) opening a line
inline constexpr std::size_t kMaxMarkdownBracketWork = 1000000;  // sum, over "]", of the "[" still open before it
bool exceedsStructureBounds(std::string_view source);
bool exceedsStructureBounds(std::string_view source, const SourceFacts& facts);

// A reference to a callable that takes each piece of a text, for the length of one call: it neither
// owns nor copies the callable, so nothing is allocated (std::function may allocate).
class PieceVisitor {
 public:
  template <typename Visit, typename = std::enable_if_t<!std::is_same_v<std::decay_t<Visit>, PieceVisitor>>>
  PieceVisitor(Visit&& visit)  // NOLINT: implicit, so a lambda can be passed as it is
      : object_(const_cast<void*>(static_cast<const void*>(&visit))), call_([](void* object, std::string_view piece) {
          (*static_cast<std::remove_reference_t<Visit>*>(object))(piece);
        }) {}
  void operator()(std::string_view piece) const { call_(object_, piece); }

 private:
  void* object_;
  void (*call_)(void*, std::string_view);
};

// Memory for the syntax trees of one document (a tree is held from parsing until its HTML is
// written). cmark makes a node of about 100 bytes for as little as one source byte ("- - - -" lines,
// ">>>>" lines), so a document of dense blocks would need many times its size. A Blocks text parsed
// within the budget is fed a chunk of lines at a time while two measures stay under their bounds:
// the bytes cmark held for each text when it had been fed (the block structure and the raw text of
// paragraphs: the inline nodes are made afterwards, when cmark finishes), and the bytes all the trees
// hold now (inline nodes included; trees freed give theirs back). Ordinary prose makes 2-3 bytes of
// inline nodes per byte, so the second bound is the looser. Once either is reached the rest of the
// text is left out (see Markdown::leftOutFrom), and so is every later text. Inline texts are parsed
// whole and not counted.
class TreeBudget {
 public:
  TreeBudget(std::size_t structureBytes, std::size_t treeBytes);
  std::size_t remaining() const;
  void spendStructure(std::size_t bytes) { structureLeft_ = bytes < structureLeft_ ? structureLeft_ - bytes : 0; }
  void spendAll() { spent_ = true; }

 private:
  std::size_t structureLeft_;
  std::size_t treeBytes_;
  std::size_t heldAtStart_;
  bool spent_ = false;
};

// Lines fed to cmark at a time: the budget can be overrun by one chunk's tree.
inline constexpr std::size_t kMarkdownChunkBytes = 16 * 1024;

class Markdown {
 public:
  Markdown() = default;
  // Without a budget (and always for Flavor::Inline) the whole source is parsed, whatever its tree takes.
  Markdown(std::string_view source, Flavor flavor, TreeBudget* budget = nullptr);

  // The document node, or null for an empty Markdown. For Flavor::Inline the document holds
  // paragraphs only, whose children are the inline content.
  cmark_node* document() const { return document_.get(); }
  Flavor flavor() const { return flavor_; }
  bool empty() const { return !document_; }
  // True when the source passed the structure bounds above and is shown as literal text.
  bool shownAsText() const { return shownAsText_; }
  // The byte of the source (the start of a line) from which it was left out because the tree budget
  // ran out, or npos when all of it was parsed.
  std::size_t leftOutFrom() const { return leftOutFrom_; }
  // What the source held (see SourceFacts), so callers need not scan it again.
  const SourceFacts& sourceFacts() const { return facts_; }

  // Splits a Blocks document into one document per top-level block, so the layout can place
  // things between them, making at most `maxParts` documents: the last one holds all the blocks left.
  // This Markdown is left empty.
  std::vector<Markdown> splitBlocks(std::size_t maxParts);

  // True when the document is one paragraph (the usual body paragraph).
  bool isParagraph() const;

  // The levels (1-6, as "#" to "######" set them) of the document's headings, in reading order,
  // those inside block quotes and lists included.
  std::vector<int> headingLevels() const;

  // Removes the headings, paragraphs and list items that show nothing (no character but white space,
  // and no image), with the lists and block quotes that are left with nothing in them; returns how
  // many headings, paragraphs and list items went. A document left with no block becomes empty().
  // Whether to call it is the layout's decision.
  std::size_t removeEmptyBlocks();

  // The words as a reader sees them: text and code spans, with breaks and blocks as spaces.
  std::string plainText() const;
  // The same text in the pieces it is stored in (a trailing space is not trimmed), for callers that
  // scan it without keeping it.
  void visitPlainText(PieceVisitor visit) const;

  // Every link and image, in reading order (autolinks and resolved reference links included).
  // Judging their destinations is the caller's business: this stage knows no URL policy
  // (text::decideDestination keeps the verdict on the node).
  std::vector<LinkTarget> linkTargets() const;

 private:
  struct FreeNode {
    void operator()(cmark_node* node) const;
  };
  Markdown(cmark_node* document, Flavor flavor);
  cmark_node* parseWithin(std::string_view source, TreeBudget& budget);

  std::unique_ptr<cmark_node, FreeNode> document_;
  Flavor flavor_ = Flavor::Inline;
  bool shownAsText_ = false;
  std::size_t leftOutFrom_ = std::string_view::npos;
  SourceFacts facts_;
};

}  // namespace broadsheet::text
