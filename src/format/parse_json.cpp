#include "format/parse_json.hpp"

#include <string>

#include "format/source_locator.hpp"

namespace broadsheet::format {
namespace {

using Json = nlohmann::json;

// nlohmann's DOM builder, plus a nesting limit (so hostile depth costs nothing) and a record of
// where a syntax error happened instead of an exception.
class LimitedDomBuilder : public nlohmann::detail::json_sax_dom_parser<Json> {
 public:
  LimitedDomBuilder(Json& document, std::size_t maxDepth)
      : json_sax_dom_parser(document, /*allow_exceptions=*/false), maxDepth_(maxDepth) {}

  bool start_object(std::size_t elements) {
    return enter() && json_sax_dom_parser::start_object(elements);
  }
  bool end_object() {
    --depth_;
    return json_sax_dom_parser::end_object();
  }
  bool start_array(std::size_t elements) {
    return enter() && json_sax_dom_parser::start_array(elements);
  }
  bool end_array() {
    --depth_;
    return json_sax_dom_parser::end_array();
  }

  template <class Exception>
  bool parse_error(std::size_t position, const std::string& /*lastToken*/, const Exception& error) {
    syntaxErrorAt_ = position;
    syntaxError_ = error.what();
    return false;
  }

  bool depthExceeded() const { return depthExceeded_; }
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

  std::size_t maxDepth_;
  std::size_t depth_ = 0;
  bool depthExceeded_ = false;
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

}  // namespace

bool parseJson(std::string_view text, const Limits& limits, Json& out, DiagnosticSink& sink) {
  if (text.size() > limits.maxInputBytes) {
    sink.error(code::Limit, "",
               "The document is " + std::to_string(text.size()) + " bytes long; the limit is " +
                   std::to_string(limits.maxInputBytes) + " bytes.");
    return false;
  }
  LimitedDomBuilder builder(out, limits.maxDepth);
  const bool parsed = Json::sax_parse(text.begin(), text.end(), &builder);
  if (parsed && !builder.is_errored()) return true;

  Diagnostic diagnostic;
  diagnostic.severity = Severity::Error;
  if (builder.depthExceeded()) {
    diagnostic.code = std::string(code::Limit);
    diagnostic.message = "The document nests objects and arrays more than " +
                         std::to_string(limits.maxDepth) + " levels deep.";
  } else {
    // The error position counts bytes read, including the byte that could not be used.
    const std::size_t offset = builder.syntaxErrorAt() > 0 ? builder.syntaxErrorAt() - 1 : 0;
    const TextPosition position = positionOfOffset(text, offset);
    diagnostic.code = std::string(code::JsonSyntax);
    diagnostic.message = "The document is not valid JSON at line " + std::to_string(position.line) +
                         ", column " + std::to_string(position.column) + ": " +
                         explainSyntaxError(builder.syntaxError()) + ".";
    diagnostic.line = position.line;
    diagnostic.column = position.column;
  }
  sink.add(std::move(diagnostic));
  out = Json();
  return false;
}

}  // namespace broadsheet::format
