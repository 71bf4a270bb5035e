#include "layout/description.hpp"

namespace broadsheet::layout {

std::string descriptionFromBody(const std::vector<BodyItem>& body) {
  for (const BodyItem& item : body) {
    if (item.kind != BodyItem::Kind::Paragraph) continue;
    std::string text = item.text.plainText();
    // Search engines show about 160 characters; count code points, not bytes (Cyrillic is 2 each).
    std::size_t chars = 0;
    std::size_t cut = text.size();
    for (std::size_t i = 0; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
      if (++chars > kDescriptionChars) {
        cut = i;
        break;
      }
    }
    if (cut == text.size()) return text;
    const std::size_t space = text.rfind(' ', cut);
    text.resize(space != std::string::npos && space > 0 ? space : cut);
    while (!text.empty() && (text.back() == ' ' || text.back() == ',')) text.pop_back();
    return text + "\u2026";
  }
  return "";
}

}  // namespace broadsheet::layout
