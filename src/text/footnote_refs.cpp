#include "text/footnote_refs.hpp"

#include <cmark.h>

#include <string>

#include "text/tree_memory.hpp"

namespace broadsheet::text {
namespace {

// A reference node is a custom inline node (it has no text, so words and plain text skip it) whose
// on_enter holds the label, and once numbered, the number (on_enter) and occurrence (on_exit).
constexpr std::string_view kNumbered = "#";  // on_exit prefix of a numbered reference

bool isLabelByte(char c) { return c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '[' && c != ']'; }

// The runs of adjacent text nodes outside links and images. cmark leaves "[", "^1" and "]" as three
// text nodes (the bracket was a possible link opener), so a reference may span several.
std::vector<std::vector<cmark_node*>> textRuns(cmark_node* document) {
  std::vector<std::vector<cmark_node*>> runs;
  int linkDepth = 0;
  cmark_node* previous = nullptr;
  cmark_iter* iter = cmark_iter_new(document);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
      linkDepth += event == CMARK_EVENT_ENTER ? 1 : -1;
      continue;
    }
    if (type != CMARK_NODE_TEXT || linkDepth > 0) continue;
    if (previous && cmark_node_previous(node) == previous) {
      runs.back().push_back(node);
    } else {
      runs.push_back({node});
    }
    previous = node;
  }
  cmark_iter_free(iter);
  return runs;
}

void insertText(cmark_node* before, std::string_view words) {
  if (words.empty()) return;
  cmark_node* node = cmark_node_new_with_mem(CMARK_NODE_TEXT, treeMemory());
  cmark_node_set_literal(node, std::string(words).c_str());
  cmark_node_insert_before(before, node);
}

void markRun(const std::vector<cmark_node*>& run, LabelCheck known) {
  std::string words;
  for (cmark_node* node : run) words.append(cmark_node_get_literal(node));
  if (words.find("[^") == std::string::npos) return;
  struct Found {
    std::size_t start, end;
    std::string_view label;
  };
  std::vector<Found> found;
  for (std::size_t at = words.find("[^"); at != std::string::npos; at = words.find("[^", at + 1)) {
    std::size_t end = at + 2;
    while (end < words.size() && end - at - 2 <= kMaxFootnoteLabel && isLabelByte(words[end])) ++end;
    const std::size_t length = end - at - 2;
    if (end >= words.size() || words[end] != ']' || length == 0 || length > kMaxFootnoteLabel) continue;
    const std::string_view label = std::string_view(words).substr(at + 2, length);
    if (known(label)) found.push_back({at, end + 1, label});
  }
  if (found.empty()) return;
  cmark_node* first = run.front();
  std::size_t copied = 0;
  for (const Found& reference : found) {
    insertText(first, std::string_view(words).substr(copied, reference.start - copied));
    cmark_node* mark = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, treeMemory());
    cmark_node_set_on_enter(mark, std::string(reference.label).c_str());
    cmark_node_insert_before(first, mark);
    copied = reference.end;
  }
  insertText(first, std::string_view(words).substr(copied));
  for (cmark_node* node : run) cmark_node_free(node);
}

}  // namespace

void markFootnoteReferences(Markdown& markdown, LabelCheck known) {
  if (markdown.empty() || !markdown.sourceFacts().brackets) return;
  for (const auto& run : textRuns(markdown.document())) markRun(run, known);
}

bool isFootnoteReference(cmark_node* node) {
  if (cmark_node_get_type(node) != CMARK_NODE_CUSTOM_INLINE) return false;
  const char* label = cmark_node_get_on_enter(node);
  return label && *label;
}

std::vector<cmark_node*> footnoteReferences(const Markdown& markdown) {
  std::vector<cmark_node*> references;
  if (markdown.empty()) return references;
  cmark_iter* iter = cmark_iter_new(markdown.document());
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event == CMARK_EVENT_ENTER && isFootnoteReference(node)) references.push_back(node);
  }
  cmark_iter_free(iter);
  return references;
}

std::string_view footnoteLabel(cmark_node* node) {
  const char* label = cmark_node_get_on_enter(node);
  return label ? label : "";
}

void numberFootnoteReference(cmark_node* node, std::size_t number, std::size_t occurrence) {
  cmark_node_set_on_enter(node, std::to_string(number).c_str());
  cmark_node_set_on_exit(node, (std::string(kNumbered) + std::to_string(occurrence)).c_str());
}

FootnoteNumber footnoteNumber(cmark_node* node) {
  const char* occurrence = cmark_node_get_on_exit(node);
  if (!occurrence || std::string_view(occurrence).substr(0, 1) != kNumbered) return {};
  return {footnoteLabel(node), std::string_view(occurrence).substr(kNumbered.size())};
}

}  // namespace broadsheet::text
