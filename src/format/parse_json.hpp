// JSON text -> a stream of events (nlohmann's SAX parser), with syntax errors and limits reported as
// diagnostics. No JSON document is built: the reader keeps only what the article needs.
#pragma once

#include <string>
#include <string_view>

#include "broadsheet/broadsheet.hpp"
#include "format/diagnostics.hpp"

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

// Returns false (and reports why) when the text is not JSON or breaks a limit; `events` may have
// seen part of it then. `text` must not start with a byte order mark (see withoutByteOrderMark).
bool parseJson(std::string_view text, const Limits& limits, JsonEvents& events, DiagnosticSink& sink);

}  // namespace broadsheet::format
