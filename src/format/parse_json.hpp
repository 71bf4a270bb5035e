// JSON text -> a stream of events (nlohmann's SAX parser), with syntax errors and limits reported as
// diagnostics. No JSON document is built: the reader keeps only what the article needs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "broadsheet/broadsheet.hpp"
#include "format/diagnostics.hpp"
#include "format/json_syntax_problem.hpp"

namespace broadsheet::format {

// What the text holds, in order. Numbers come as doubles, as JavaScript reads them.
class JsonEvents {
 public:
  virtual void null() = 0;
  virtual void boolean(bool value) = 0;
  virtual void number(double value) = 0;
  virtual void string(std::string& value) = 0;  // may be moved from
  virtual void startObject() = 0;
  virtual void key(std::string& name) = 0;
  virtual void endObject() = 0;
  virtual void startArray() = 0;
  virtual void endArray() = 0;
  // Forget every event so far: the text is read again from its start (see parseJson).
  virtual void restart() = 0;

 protected:
  ~JsonEvents() = default;
};

enum class JsonOutcome { Parsed, NotJson, OverLimit };

// Says in words what is wrong with a text that is not JSON (findSyntaxProblem). Without one, a syntax
// error is reported at the place nlohmann stopped, plainly: the lite core leaves the strict reader out
// of its link and hands such a document to the full core (read_article.cpp).
using SyntaxExplainer = std::optional<SyntaxProblem> (*)(std::string_view text);

// Reports why when the text is not JSON or breaks a limit; `events` may have seen part of it then.
// `text` must not start with a byte order mark (see withoutByteOrderMark).
JsonOutcome parseJson(std::string_view text, const Limits& limits, JsonEvents& events, DiagnosticSink& sink,
                      SyntaxExplainer explain = nullptr);

}  // namespace broadsheet::format
