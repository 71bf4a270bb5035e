#include "format/parse_json.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "format/source_locator.hpp"

namespace broadsheet::format {
namespace {

using Json = nlohmann::json;

// nlohmann's SAX interface, forwarded to JsonEvents, plus a nesting limit (so hostile depth costs
// nothing) and a record of where a syntax error happened instead of an exception.
class LimitedSaxForwarder {
 public:
  LimitedSaxForwarder(JsonEvents& events, std::size_t maxDepth) : events_(events), maxDepth_(maxDepth) {}

  bool null() {
    events_.null();
    return true;
  }
  bool boolean(bool value) {
    events_.boolean(value);
    return true;
  }
  bool number_integer(Json::number_integer_t value) {
    events_.number(static_cast<double>(value));
    return true;
  }
  bool number_unsigned(Json::number_unsigned_t value) {
    events_.number(static_cast<double>(value));
    return true;
  }
  bool number_float(Json::number_float_t value, const std::string& /*text*/) {
    events_.number(value);
    return true;
  }
  bool string(std::string& value) {
    events_.string(value);
    return true;
  }
  bool binary(Json::binary_t& /*value*/) { return true; }  // only binary formats have these, not JSON text
  bool key(std::string& name) {
    events_.key(name);
    return true;
  }
  bool start_object(std::size_t /*elements*/) {
    if (!enter()) return false;
    events_.startObject();
    return true;
  }
  bool end_object() {
    --depth_;
    events_.endObject();
    return true;
  }
  bool start_array(std::size_t /*elements*/) {
    if (!enter()) return false;
    events_.startArray();
    return true;
  }
  bool end_array() {
    --depth_;
    events_.endArray();
    return true;
  }

  template <class Exception>
  bool parse_error(std::size_t position, const std::string& /*lastToken*/, const Exception& error) {
    syntaxErrorAt_ = position;
    syntaxError_ = error.what();
    numberOverflow_ = error.id == kNumberOverflow;
    return false;
  }

  bool depthExceeded() const { return depthExceeded_; }
  bool numberOverflow() const { return numberOverflow_; }
  std::size_t syntaxErrorAt() const { return syntaxErrorAt_; }
  const std::string& syntaxError() const { return syntaxError_; }

 private:
  bool enter() {
    if (++depth_ > maxDepth_) {
      depthExceeded_ = true;
      return false;
    }
    return true;
  }

  static constexpr int kNumberOverflow = 406;  // nlohmann's out_of_range.406

  JsonEvents& events_;
  std::size_t maxDepth_;
  std::size_t depth_ = 0;
  bool depthExceeded_ = false;
  bool numberOverflow_ = false;
  std::size_t syntaxErrorAt_ = 0;
  std::string syntaxError_;
};

// nlohmann's messages read "[json.exception.parse_error.101] parse error at line 1, column 9:
// syntax error while parsing object - unexpected '}'; expected string literal". Keep the part after
// the last " - " (or after the position), which says what was wrong.
std::string explainSyntaxError(const std::string& what) {
  std::size_t start = what.rfind(" - ");
  if (start != std::string::npos) {
    start += 3;
  } else {
    start = what.find(": ");
    start = start == std::string::npos ? 0 : start + 2;
  }
  std::string explanation = what.substr(start);
  // nlohmann quotes the offending token raw; keep the message one printable line.
  for (char& c : explanation) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return explanation;
}

bool isNumberCharacter(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// JSON allows numbers a double cannot hold (1e400); nlohmann stops at them, JavaScript reads them as
// Infinity. So that such a number is reported where it stands (BS-TYPE, BS-VALUE) like any other
// misplaced number, each one is replaced by an equally long, finite stand-in (9e99, padded with
// spaces), which keeps every offset and so every line and column.
std::string withFiniteNumbers(std::string_view text) {
  std::string result(text);
  bool inString = false;
  for (std::size_t i = 0; i < result.size(); ++i) {
    const char c = result[i];
    if (inString) {
      if (c == '\\') ++i;
      else if (c == '"') inString = false;
      continue;
    }
    if (c == '"') {
      inString = true;
      continue;
    }
    if (c != '-' && (c < '0' || c > '9')) continue;
    std::size_t end = i;
    while (end < result.size() && isNumberCharacter(result[end])) ++end;
    const std::string token = result.substr(i, end - i);
    const double value = std::strtod(token.c_str(), nullptr);
    const std::string standIn = value < 0 ? "-9e99" : "9e99";
    if (std::isinf(value) && token.size() >= standIn.size()) {
      result.replace(i, token.size(), standIn + std::string(token.size() - standIn.size(), ' '));
    }
    i = end - 1;
  }
  return result;
}

// Where the token that ends at `last` starts: a string back to its opening quote, a number or a
// literal (true, false, null) back to its first character; anything else is one character.
std::size_t tokenStart(std::string_view text, std::size_t last) {
  if (last >= text.size()) return last;
  if (text[last] == '"') {
    for (std::size_t i = last; i-- > 0;) {
      if (text[i] != '"') continue;
      std::size_t backslashes = 0;
      while (backslashes < i && text[i - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return i;
    }
    return last;
  }
  const auto partOfWord = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || isNumberCharacter(c); };
  if (!partOfWord(text[last])) return last;
  std::size_t start = last;
  while (start > 0 && partOfWord(text[start - 1])) --start;
  return start;
}

struct ParseOutcome {
  bool parsed = false;
  bool depthExceeded = false;
  bool numberOverflow = false;
  std::size_t errorAt = 0;
  std::string error;
};

ParseOutcome parseOnce(std::string_view text, std::size_t maxDepth, JsonEvents& events) {
  LimitedSaxForwarder forwarder(events, maxDepth);
  ParseOutcome outcome;
  outcome.parsed = Json::sax_parse(text.begin(), text.end(), &forwarder);
  outcome.depthExceeded = forwarder.depthExceeded();
  outcome.numberOverflow = forwarder.numberOverflow();
  outcome.errorAt = forwarder.syntaxErrorAt();
  outcome.error = forwarder.syntaxError();
  return outcome;
}

}  // namespace

bool parseJson(std::string_view text, const Limits& limits, JsonEvents& events, DiagnosticSink& sink) {
  if (text.size() > limits.maxInputBytes) {
    sink.error(code::Limit, "",
               "The document is " + std::to_string(text.size()) + " bytes long; the limit is " +
                   std::to_string(limits.maxInputBytes) + " bytes.");
    return false;
  }
  ParseOutcome outcome = parseOnce(text, limits.maxDepth, events);
  if (outcome.numberOverflow) {
    // Rare, so the copy is only made here; offsets are unchanged (see withFiniteNumbers).
    events.restart();
    outcome = parseOnce(withFiniteNumbers(text), limits.maxDepth, events);
  }
  if (outcome.parsed) return true;

  Diagnostic diagnostic;
  diagnostic.severity = Severity::Error;
  if (outcome.depthExceeded) {
    diagnostic.code = std::string(code::Limit);
    diagnostic.message =
        "The document nests objects and arrays more than " + std::to_string(limits.maxDepth) + " levels deep.";
  } else {
    // nlohmann counts the bytes read, up to and including the one that could not be used. When the
    // lexer failed inside a token ("; last read: ..."), that byte is the failure point; when a whole
    // token came where it may not ("unexpected string literal", often a missing comma), it is the
    // token's last byte, and its first is where the reader should look.
    const std::size_t lastRead = outcome.errorAt > 0 ? outcome.errorAt - 1 : 0;
    const bool wholeToken = outcome.error.find("; last read: '") == std::string::npos;
    const std::size_t offset = wholeToken ? tokenStart(text, lastRead) : lastRead;
    const TextPosition position = positionOfOffset(text, offset);
    diagnostic.code = std::string(code::JsonSyntax);
    diagnostic.message = "The document is not valid JSON at line " + std::to_string(position.line) + ", column " +
                         std::to_string(position.column) + ": " + explainSyntaxError(outcome.error) + ".";
    diagnostic.line = position.line;
    diagnostic.column = position.column;
  }
  sink.add(std::move(diagnostic));
  return false;
}

}  // namespace broadsheet::format
