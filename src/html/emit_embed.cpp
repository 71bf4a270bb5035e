#include "html/emit_embed.hpp"

#include "html/escape.hpp"
#include "html/parts.hpp"

namespace broadsheet::html {

// Literals appended with their lengths: append(const char*) calls strlen in libc++'s library code.
using namespace std::string_view_literals;
namespace {

using Mode = layout::EmbedBox::Mode;

void attribute(std::string& out, std::string_view name, std::string_view value) {
  out.push_back(' ');
  out.append(name);
  out.append("=\""sv);
  appendAttribute(out, value);
  out.push_back('"');
}

// The box's start tag: its ratio as a class, or for an author's number as an inline style (the only
// one Broadsheet writes: docs/embeds.md says what a style-src CSP needs for it).
void openBox(std::string& out, const layout::EmbedBox& box, bool parts) {
  const std::string classes = box.ratioClass.empty() ? "bs-embed-box" : "bs-embed-box bs-embed-box--" + box.ratioClass;
  appendStartTag(out, "div", classes, parts);
  if (!box.ratio.empty()) attribute(out, "style", "aspect-ratio: " + box.ratio);
}

// <p class="…">text</p>: the placeholder's lines and the link form's title.
void appendLine(std::string& out, std::string_view className, std::string_view text, bool parts) {
  appendStartTag(out, "p", className, parts);
  out.push_back('>');
  appendText(out, text);
  out.append("</p>"sv);
}

}  // namespace

std::string embedClasses(const layout::EmbedBox& box) {
  std::string classes = "bs-embed";
  if (!box.provider.empty()) classes.append(" bs-embed--"sv).append(box.provider);
  classes.append(box.mode == Mode::Placeholder ? " bs-embed--placeholder"
                 : box.mode == Mode::Frame     ? " bs-embed--frame"
                                               : " bs-embed--link");
  return classes;
}

void appendEmbedBox(std::string& out, const layout::EmbedBox& box, bool parts) {
  if (box.mode == Mode::Link) {
    appendLine(out, "bs-embed-title", box.title, parts);
    return;
  }
  openBox(out, box, parts);
  if (box.mode == Mode::Frame) {
    out.push_back('>');
    appendStartTag(out, "iframe", "bs-embed-frame", parts);
    attribute(out, "src", box.frame);
    attribute(out, "title", box.title);
    attribute(out, "sandbox", box.sandbox);
    if (!box.allow.empty()) attribute(out, "allow", box.allow);
    out.append(" referrerpolicy=\"strict-origin-when-cross-origin\" loading=\"lazy\"></iframe></div>"sv);
    return;
  }
  // The placeholder asks for nothing from the provider: no image, no font, no frame.
  attribute(out, "data-bs-embed-src", box.frame);
  attribute(out, "data-bs-embed-title", box.title);
  attribute(out, "data-bs-embed-sandbox", box.sandbox);
  if (!box.allow.empty()) attribute(out, "data-bs-embed-allow", box.allow);
  out.push_back('>');
  appendLine(out, "bs-embed-provider", box.providerName, parts);
  appendLine(out, "bs-embed-title", box.title, parts);
  appendLine(out, "bs-embed-privacy", box.privacy, parts);
  // Hidden until a script that can load the frame shows it: without one, the link below is the way.
  appendStartTag(out, "button", "bs-embed-load", parts);
  out.append(" type=\"button\" hidden>"sv);
  appendText(out, box.load);
  out.append("</button></div>"sv);
}

void appendEmbedLink(std::string& out, const layout::EmbedBox& box, std::string_view rel, bool parts) {
  appendStartTag(out, "a", "bs-embed-original", parts);
  attribute(out, "href", box.original);
  attribute(out, "rel", rel);
  out.push_back('>');
  appendText(out, box.openOriginal);
  out.append("</a>"sv);
}

}  // namespace broadsheet::html
