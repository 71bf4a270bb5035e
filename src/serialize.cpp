// JSON forms of diagnostics and meta, for the WASM bindings and the native CLI.
//
// Written out directly rather than built as nlohmann-json values and dumped: for these two fixed
// shapes the library's DOM and serializer cost about 15 KB of the WebAssembly module (6.7 KB gzip).
// The output is what nlohmann's dump() wrote: members in its (sorted) order, no spaces, the same
// escapes, and invalid UTF-8 replaced by U+FFFD.
#include <cstdint>
#include <string>
#include <string_view>

#include "broadsheet/broadsheet.hpp"
#include "format/json_text.hpp"

namespace broadsheet {
namespace {

// The length of the well-formed UTF-8 sequence at text[at] (Unicode table 3-7), or 0 when there is none;
// then `*broken` is the length of its longest valid beginning (at least 1), which one U+FFFD replaces.
std::size_t utf8SequenceAt(std::string_view text, std::size_t at, std::size_t* broken) {
  const auto byte = [&](std::size_t i) { return at + i < text.size() ? static_cast<unsigned char>(text[at + i]) : 0u; };
  const format::Utf8Lead lead = format::utf8Lead(byte(0));
  if (lead.continuations == 0) {
    *broken = 1;
    return 0;
  }
  const std::size_t length = 1 + static_cast<std::size_t>(lead.continuations);
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned next = byte(i);
    if (next < (i == 1 ? lead.low : 0x80) || next > (i == 1 ? lead.high : 0xBF)) {
      *broken = i;
      return 0;
    }
  }
  return length;
}

bool writtenAsItIs(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

void appendString(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (std::size_t i = 0; i < text.size();) {
    // Most of a text is printable ASCII written as it is: appended a run at a time (a byte at a time
    // was 3 % of rendering the seed article as WebAssembly).
    std::size_t run = i;
    while (run < text.size() && writtenAsItIs(static_cast<unsigned char>(text[run]))) ++run;
    if (run > i) {
      out.append(text, i, run - i);
      i = run;
      continue;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      std::size_t broken = 0;
      const std::size_t length = utf8SequenceAt(text, i, &broken);
      if (length > 0) {
        out.append(text, i, length);
        i += length;
      } else {
        out.append("\xEF\xBF\xBD");
        i += broken;
      }
      continue;
    }
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      default:  // the other controls (every other byte below 0x80 was written in a run)
        out.append("\\u00");
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
    ++i;
  }
  out.push_back('"');
}

void appendNumber(std::string& out, std::int64_t value) {
  if (value < 0) out.push_back('-');
  std::uint64_t magnitude = value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  char digits[20];
  std::size_t count = 0;
  do {
    digits[count++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude > 0);
  while (count > 0) out.push_back(digits[--count]);
}

// ,"key": for every member but an object's first.
void appendKey(std::string& out, std::string_view key) {
  // Lengths given: append(const char*) measures its argument with strlen, in libc++'s library code.
  out.append(",\"", 2);
  out.append(key);
  out.append("\":", 2);
}

}  // namespace

std::string diagnosticsToJson(const std::vector<Diagnostic>& diagnostics) {
  std::string out = "[";
  for (const Diagnostic& d : diagnostics) {
    if (out.size() > 1) out.push_back(',');
    out.append("{\"code\":");
    appendString(out, d.code);
    appendKey(out, "column");
    appendNumber(out, d.column);
    appendKey(out, "line");
    appendNumber(out, d.line);
    appendKey(out, "message");
    appendString(out, d.message);
    appendKey(out, "path");
    appendString(out, d.path);
    appendKey(out, "severity");
    out.append(d.severity == Severity::Error ? "\"error\"}" : "\"warning\"}");
  }
  out.push_back(']');
  return out;
}

namespace {
// A string, or null when it is empty.
void appendOptionalString(std::string& out, const std::string& value) {
  if (value.empty()) out.append("null");
  else appendString(out, value);
}
}  // namespace

std::string metaToJson(const std::optional<Meta>& described) {
  if (!described) return "null";
  const Meta& meta = *described;
  if (meta.needsFullCore) return "{\"needsFullCore\":true}";
  std::string out = "{\"analysts\":[";
  for (std::size_t i = 0; i < meta.analysts.size(); ++i) {
    if (i > 0) out.push_back(',');
    out.append("{\"id\":");
    appendString(out, meta.analysts[i].id);
    appendKey(out, "name");
    appendString(out, meta.analysts[i].name);
    appendKey(out, "role");
    appendString(out, meta.analysts[i].role);
    out.push_back('}');
  }
  out.push_back(']');
  appendKey(out, "canonicalUrl");
  appendString(out, meta.canonicalUrl);
  appendKey(out, "dir");
  appendString(out, meta.dir);
  if (meta.head) {
    appendKey(out, "head");
    appendString(out, *meta.head);
  }
  appendKey(out, "headline");
  appendString(out, meta.headline);
  appendKey(out, "id");
  appendString(out, meta.id);
  appendKey(out, "lang");
  appendString(out, meta.lang);
  appendKey(out, "pullquotes");
  out.append("{\"dropped\":[");
  for (std::size_t i = 0; i < meta.pullquotesDropped.size(); ++i) {
    if (i > 0) out.push_back(',');
    appendString(out, meta.pullquotesDropped[i]);
  }
  out.append("],\"items\":[");
  for (std::size_t i = 0; i < meta.pullquotes.size(); ++i) {
    const PullquoteSummary& quote = meta.pullquotes[i];
    out.append(i > 0 ? ",{" : "{");
    out.append("\"after\":");
    if (quote.placed) appendString(out, quote.after);
    else out.append("null");
    appendKey(out, "inBody");
    out.append(quote.inBody ? "true" : "false");
    appendKey(out, "index");
    if (quote.placed) appendNumber(out, static_cast<std::int64_t>(quote.index));
    else out.append("null");
    appendKey(out, "origin");
    appendString(out, quote.origin);
    appendKey(out, "path");
    appendString(out, quote.path);
    appendKey(out, "placed");
    out.append(quote.placed ? "true" : "false");
    appendKey(out, "reason");
    appendString(out, quote.reason);
    appendKey(out, "speaker");
    appendOptionalString(out, quote.speaker);
    appendKey(out, "text");
    appendString(out, quote.text);
    out.push_back('}');
  }
  out.append("],\"placed\":");
  appendNumber(out, static_cast<std::int64_t>(meta.pullquotesPlaced));
  out.push_back('}');
  appendKey(out, "quotes");
  out.push_back('[');
  for (std::size_t i = 0; i < meta.quotes.size(); ++i) {
    out.append(i > 0 ? ",{\"path\":" : "{\"path\":");
    appendString(out, meta.quotes[i].path);
    appendKey(out, "speaker");
    appendOptionalString(out, meta.quotes[i].speaker);
    appendKey(out, "text");
    appendString(out, meta.quotes[i].text);
    out.push_back('}');
  }
  out.push_back(']');
  appendKey(out, "readUrl");
  appendOptionalString(out, meta.readUrl);
  appendKey(out, "readingMinutes");
  appendNumber(out, static_cast<std::int64_t>(meta.readingMinutes));
  appendKey(out, "wordCount");
  appendNumber(out, static_cast<std::int64_t>(meta.wordCount));
  out.push_back('}');
  return out;
}

}  // namespace broadsheet
