#include "format/source_locator.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>
#include <unordered_map>
#include <utility>

#include "format/json_pointer.hpp"
#include "format/json_text.hpp"

namespace broadsheet::format {
namespace {

constexpr std::size_t kNotFound = std::numeric_limits<std::size_t>::max();

bool isJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Walks valid JSON text without building anything, keeping the pointer of the value under the
// cursor, and records the offsets of the pointers asked for.
class PointerScanner {
 public:
  PointerScanner(std::string_view text, std::unordered_map<std::string, std::size_t>& wanted)
      : text_(text), wanted_(wanted) {}

  void run() {
    remaining_ = wanted_.size();
    std::string pointer;
    std::vector<Frame> stack;
    while (remaining_ > 0) {
      skipSpace();
      if (pos_ >= text_.size()) return;
      // Only the wanted pointers and their ancestors are followed; any other value is stepped
      // over whole, so the cost stays linear however deep or wide the document is.
      const bool followed = wanted_.count(pointer) > 0;
      record(pointer);
      const char c = text_[pos_];
      if (followed && (c == '{' || c == '[')) {
        ++pos_;
        stack.push_back({c == '{', 0, pointer.size()});
        skipSpace();
        if (pos_ < text_.size() && (text_[pos_] == '}' || text_[pos_] == ']')) {
          ++pos_;
          stack.pop_back();
        } else {
          enterChild(stack.back(), pointer);
          continue;
        }
      } else if (followed) {
        skipScalar();
      } else {
        skipValue();
      }
      // After a value: move to the next sibling or close finished containers.
      bool descended = false;
      while (!stack.empty() && !descended) {
        skipSpace();
        if (pos_ >= text_.size()) return;
        Frame& frame = stack.back();
        pointer.resize(frame.pointerLength);
        if (text_[pos_] == ',') {
          ++pos_;
          ++frame.index;
          enterChild(frame, pointer);
          descended = true;
        } else {
          ++pos_;  // '}' or ']'
          stack.pop_back();
        }
      }
      if (!descended) return;
    }
  }

 private:
  struct Frame {
    bool isObject;
    std::size_t index;
    std::size_t pointerLength;
  };

  void enterChild(const Frame& frame, std::string& pointer) {
    if (frame.isObject) {
      skipSpace();
      std::string key = readString();
      skipSpace();
      if (pos_ < text_.size() && text_[pos_] == ':') ++pos_;
      pointer = childPointer(pointer, key);
    } else {
      pointer = childPointer(pointer, frame.index);
    }
  }

  void record(const std::string& pointer) {
    auto found = wanted_.find(pointer);
    if (found != wanted_.end() && found->second == kNotFound) {
      found->second = pos_;
      --remaining_;
    }
  }

  // Steps over one value (a scalar, or a container with everything in it) without building
  // pointers. Tolerates text that is not valid JSON: it never reads past the end.
  void skipValue() {
    std::size_t depth = 0;
    do {
      skipSpace();
      if (pos_ >= text_.size()) return;
      const char c = text_[pos_];
      if (c == '{' || c == '[') {
        ++depth;
        ++pos_;
      } else if (c == '}' || c == ']') {
        if (depth == 0) return;  // not ours to close
        --depth;
        ++pos_;
      } else if (depth > 0 && (c == ',' || c == ':')) {
        ++pos_;
      } else {
        const std::size_t before = pos_;
        skipScalar();
        if (pos_ == before) ++pos_;  // a stray character in invalid text
      }
    } while (depth > 0);
  }

  void skipSpace() {
    while (pos_ < text_.size() && isJsonSpace(text_[pos_])) ++pos_;
  }

  void skipScalar() {
    if (text_[pos_] == '"') {
      skipString();
      return;
    }
    while (pos_ < text_.size() && !isJsonSpace(text_[pos_]) && text_[pos_] != ',' && text_[pos_] != '}' &&
           text_[pos_] != ']') {
      ++pos_;
    }
  }

  unsigned readHex4() {
    unsigned value = 0;
    for (int i = 0; i < 4 && pos_ < text_.size(); ++i, ++pos_) {
      const int digit = hexDigitValue(text_[pos_]);
      value = value << 4 | (digit < 0 ? 0u : static_cast<unsigned>(digit));  // text that is not JSON: 0
    }
    return value;
  }

  // Steps over a string token starting at '"' without decoding it: from quote to quote with memchr,
  // until a quote is preceded by an even number of backslashes (decoding every string the scanner
  // passed was 15% of rendering an article with warnings).
  void skipString() {
    ++pos_;  // opening quote
    while (pos_ < text_.size()) {
      const void* found = std::memchr(text_.data() + pos_, '"', text_.size() - pos_);
      const std::size_t quote =
          found ? static_cast<std::size_t>(static_cast<const char*>(found) - text_.data()) : text_.size();
      std::size_t backslashes = 0;
      while (quote - backslashes > pos_ && text_[quote - backslashes - 1] == '\\') ++backslashes;
      pos_ = quote + 1;
      if (backslashes % 2 == 0) return;
    }
  }

  // Reads a string token starting at '"' and returns its decoded value.
  std::string readString() {
    std::string value;
    ++pos_;  // opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') {
      const char c = text_[pos_++];
      if (c != '\\' || pos_ >= text_.size()) {
        value.push_back(c);
        continue;
      }
      const char escaped = text_[pos_++];
      if (const int byte = escapedByte(escaped); byte >= 0) {
        value.push_back(static_cast<char>(byte));
        continue;
      }
      if (escaped != 'u') {
        value.push_back(escaped);  // not JSON: kept as it is
        continue;
      }
      unsigned codePoint = readHex4();
      if (codePoint >= 0xD800 && codePoint < 0xDC00 && text_.substr(pos_, 2) == "\\u") {
        pos_ += 2;
        const unsigned low = readHex4();
        codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
      }
      appendUtf8(value, codePoint);
    }
    ++pos_;  // closing quote
    return value;
  }

  std::string_view text_;
  std::unordered_map<std::string, std::size_t>& wanted_;
  std::size_t pos_ = 0;
  std::size_t remaining_ = 0;  // wanted pointers not found yet
};

std::string_view parentPointer(std::string_view pointer) {
  const std::size_t slash = pointer.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : pointer.substr(0, slash);
}

}  // namespace

std::string_view withoutByteOrderMark(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
}

TextPosition positionOfOffset(std::string_view text, std::size_t byteOffset) {
  // Lines by memchr from newline to newline (a byte at a time was most of placing a diagnostic at
  // the end of a long article); the column counts characters, not UTF-8 continuation bytes, after
  // the last newline.
  TextPosition position{1, 1};
  const char* const begin = text.data();
  const char* const end = begin + std::min(byteOffset, text.size());
  const char* lineStart = begin;
  while (lineStart < end) {
    const void* newline = std::memchr(lineStart, '\n', static_cast<std::size_t>(end - lineStart));
    if (newline == nullptr) break;
    ++position.line;
    lineStart = static_cast<const char*>(newline) + 1;
  }
  for (const char* at = lineStart; at < end; ++at) {
    if ((static_cast<unsigned char>(*at) & 0xC0) != 0x80) ++position.column;
  }
  return position;
}

void locateDiagnostics(std::string_view text, std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return;
  text = withoutByteOrderMark(text);
  std::unordered_map<std::string, std::size_t> wanted;
  for (const Diagnostic& diagnostic : diagnostics) {
    for (std::string_view p = diagnostic.path;; p = parentPointer(p)) {
      wanted.emplace(std::string(p), kNotFound);
      if (p.empty()) break;
    }
  }
  PointerScanner(text, wanted).run();

  std::vector<std::pair<std::size_t, std::size_t>> offsetOfDiagnostic;  // (offset, index)
  for (std::size_t index = 0; index < diagnostics.size(); ++index) {
    std::size_t offset = kNotFound;
    for (std::string_view p = diagnostics[index].path; offset == kNotFound; p = parentPointer(p)) {
      offset = wanted[std::string(p)];
      if (p.empty()) break;
    }
    offsetOfDiagnostic.emplace_back(offset, index);
  }
  std::stable_sort(offsetOfDiagnostic.begin(), offsetOfDiagnostic.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });

  // The offsets are sorted, so one sweep over the text yields every position.
  std::vector<Diagnostic> ordered;
  ordered.reserve(diagnostics.size());
  TextPosition position{1, 1};
  std::size_t scanned = 0;
  for (const auto& [offset, index] : offsetOfDiagnostic) {
    Diagnostic diagnostic = std::move(diagnostics[index]);
    if (offset != kNotFound) {
      const TextPosition delta = positionOfOffset(text.substr(scanned), offset - scanned);
      if (delta.line > 1) {
        position.line += delta.line - 1;
        position.column = delta.column;
      } else {
        position.column += delta.column - 1;
      }
      scanned = offset;
      diagnostic.line = position.line;
      diagnostic.column = position.column;
    }
    ordered.push_back(std::move(diagnostic));
  }
  diagnostics = std::move(ordered);
}

}  // namespace broadsheet::format
