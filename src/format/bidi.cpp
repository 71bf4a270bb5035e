#include "format/bidi.hpp"

#include <cstring>
#include <vector>

namespace broadsheet::format {
namespace {

enum class Control { None, OpenEmbedding, CloseEmbedding, OpenIsolate, CloseIsolate };

// The control encoded at `text[i]` (all are three bytes: E2 80 AA-AE and E2 81 A6-A9).
Control controlAt(const std::string& text, std::size_t i) {
  if (i + 2 >= text.size() || text[i] != '\xE2') return Control::None;
  const auto second = static_cast<unsigned char>(text[i + 1]);
  const auto third = static_cast<unsigned char>(text[i + 2]);
  if (second == 0x80 && third >= 0xAA && third <= 0xAE)
    return third == 0xAC ? Control::CloseEmbedding : Control::OpenEmbedding;
  if (second == 0x81 && third >= 0xA6 && third <= 0xA9)
    return third == 0xA9 ? Control::CloseIsolate : Control::OpenIsolate;
  return Control::None;
}

}  // namespace

std::size_t removeUnpairedBidiControls(std::string& text) {
  if (std::memchr(text.data(), '\xE2', text.size()) == nullptr) return 0;  // most values: no control at all
  struct Open {
    std::size_t at;
    Control kind;
  };
  std::vector<Open> open;
  std::vector<std::size_t> unpaired;  // byte offsets, in order
  for (std::size_t i = 0; i < text.size(); ++i) {
    const Control control = controlAt(text, i);
    if (control == Control::None) continue;
    if (control == Control::OpenEmbedding || control == Control::OpenIsolate) {
      open.push_back({i, control});
    } else {
      const Control opener = control == Control::CloseEmbedding ? Control::OpenEmbedding : Control::OpenIsolate;
      if (!open.empty() && open.back().kind == opener) {
        open.pop_back();
      } else {
        unpaired.push_back(i);
      }
    }
    i += 2;
  }
  for (const Open& left : open) unpaired.push_back(left.at);
  if (unpaired.empty()) return 0;
  std::vector<bool> removed(text.size(), false);
  for (std::size_t at : unpaired) removed[at] = true;
  std::string kept;
  kept.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (removed[i]) {
      i += 2;
    } else {
      kept.push_back(text[i]);
    }
  }
  text = std::move(kept);
  return unpaired.size();
}

}  // namespace broadsheet::format
