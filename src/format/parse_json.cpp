#include "format/parse_json.hpp"

#include <cmath>
#include <cstring>
#include <string>

#include "format/json_lexer.hpp"
#include "format/json_number.hpp"
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
    numberOverflow_ = error.id == kNumberOverflow;
    return false;
  }

  bool depthExceeded() const { return depthExceeded_; }
  bool numberOverflow() const { return numberOverflow_; }
  std::size_t syntaxErrorAt() const { return syntaxErrorAt_; }

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
};

// An explanation as a message: capital first letter, a full stop unless it asks a question.
std::string sentence(std::string explanation) {
  if (!explanation.empty() && explanation[0] >= 'a' && explanation[0] <= 'z') explanation[0] -= 'a' - 'A';
  if (explanation.empty() || explanation.back() != '?') explanation.push_back('.');
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
    const double value = readDecimal(token);  // what strtod reads of it
    const std::string standIn = value < 0 ? "-9e99" : "9e99";
    if (std::isinf(value) && token.size() >= standIn.size()) {
      result.replace(i, token.size(), standIn + std::string(token.size() - standIn.size(), ' '));
    }
    i = end - 1;
  }
  return result;
}

struct ParseOutcome {
  bool parsed = false;
  bool depthExceeded = false;
  bool numberOverflow = false;
  std::size_t errorAt = 0;
  std::string_view text;  // what was parsed: the text, or its copy with finite numbers
};

ParseOutcome parseOnce(std::string_view text, std::size_t maxDepth, JsonEvents& events) {
  LimitedSaxForwarder forwarder(events, maxDepth);
  ParseOutcome outcome;
  // nlohmann's parser over the text in place (json_lexer.hpp); what Json::sax_parse does for a JSON
  // text, without building an adapter over iterators first.
  nlohmann::detail::parser<Json, ArticleInput> parser(ArticleInput{text.data(), text.data() + text.size()});
  outcome.parsed = parser.sax_parse(&forwarder, /*strict=*/true);
  outcome.depthExceeded = forwarder.depthExceeded();
  outcome.numberOverflow = forwarder.numberOverflow();
  outcome.errorAt = forwarder.syntaxErrorAt();
  outcome.text = text;
  return outcome;
}

}  // namespace

JsonOutcome parseJson(std::string_view text, const Limits& limits, JsonEvents& events, DiagnosticSink& sink,
                      SyntaxExplainer explain) {
  if (text.size() > limits.maxInputBytes) {
    sink.error(code::Limit, "",
               "The document is " + std::to_string(text.size()) + " bytes long; the limit is " +
                   std::to_string(limits.maxInputBytes) + " bytes.");
    return JsonOutcome::OverLimit;
  }
  ParseOutcome outcome = parseOnce(text, limits.maxDepth, events);
  std::string finiteText;
  if (outcome.numberOverflow) {
    // Rare, so the copy is only made here; offsets are unchanged (see withFiniteNumbers).
    events.restart();
    finiteText = withFiniteNumbers(text);
    outcome = parseOnce(finiteText, limits.maxDepth, events);
  }
  if (outcome.parsed) return JsonOutcome::Parsed;

  Diagnostic diagnostic;
  diagnostic.severity = Severity::Error;
  if (outcome.depthExceeded) {
    diagnostic.code = std::string(code::Limit);
    diagnostic.message =
        "The document nests objects and arrays more than " + std::to_string(limits.maxDepth) + " levels deep.";
  } else {
    // nlohmann says only where it stopped, in its own terms; a strict second reading (only now, on
    // failure) says what was expected there, in words, at the start of the offending token. Should
    // the two ever disagree, the place nlohmann stopped at is reported plainly.
    std::optional<SyntaxProblem> problem;
    if (explain) problem = explain(outcome.text);
    if (!problem) problem = SyntaxProblem{outcome.errorAt > 0 ? outcome.errorAt - 1 : 0, "the text is not JSON here"};
    const TextPosition position = positionOfOffset(text, problem->offset);
    diagnostic.code = std::string(code::JsonSyntax);
    diagnostic.message = sentence(problem->explanation);
    diagnostic.line = position.line;
    diagnostic.column = position.column;
  }
  const JsonOutcome failure = outcome.depthExceeded ? JsonOutcome::OverLimit : JsonOutcome::NotJson;
  sink.add(std::move(diagnostic));
  return failure;
}

}  // namespace broadsheet::format
