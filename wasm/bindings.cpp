// Embind bindings: a few coarse calls that move whole documents as UTF-8 bytes through linear
// memory. No logic lives here; see web/broadsheet.js for the friendly API around them.
//
// Protocol: JS asks for an input region (inputBuffer), writes the article bytes followed by the
// options bytes into it, calls render, then reads the results as byte views until the next call.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <string>

#include "broadsheet/broadsheet.hpp"

namespace {

struct Session {
  std::string input;
  std::string html;
  std::string diagnostics;
  std::string meta;
};

Session& session() {
  static Session instance;
  return instance;
}

emscripten::val bytes(const std::string& text) {
  return emscripten::val(emscripten::typed_memory_view(text.size(), reinterpret_cast<const std::uint8_t*>(text.data())));
}

std::uintptr_t inputBuffer(std::size_t byteLength) {
  session().input.resize(byteLength);
  return reinterpret_cast<std::uintptr_t>(session().input.data());
}

// mode 0: render; mode 1: validate only. Returns 0 when no error was reported, 1 otherwise.
int render(std::size_t inputLength, std::size_t optionsLength, int mode) {
  Session& s = session();
  if (inputLength + optionsLength > s.input.size()) return -1;
  const std::string_view input(s.input.data(), inputLength);
  std::vector<broadsheet::Diagnostic> optionDiagnostics;
  const broadsheet::RenderOptions options =
      broadsheet::parseOptions(std::string_view(s.input.data() + inputLength, optionsLength), optionDiagnostics);

  broadsheet::RenderResult result;
  if (mode == 1) {
    result.diagnostics = broadsheet::validate(input, options.limits);
  } else {
    result = broadsheet::render(input, options);
  }
  result.diagnostics.insert(result.diagnostics.begin(), optionDiagnostics.begin(), optionDiagnostics.end());
  s.html = std::move(result.html);
  s.diagnostics = broadsheet::diagnosticsToJson(result.diagnostics);
  // Meta describes an article; when none could be read (or only validation ran) there is none.
  const bool articleRead = !result.meta.lang.empty();
  s.meta = mode == 1 || !articleRead ? std::string("null") : broadsheet::metaToJson(result.meta);
  for (const auto& diagnostic : result.diagnostics) {
    if (diagnostic.severity == broadsheet::Severity::Error) return 1;
  }
  return 0;
}

emscripten::val resultHtml() { return bytes(session().html); }
emscripten::val resultDiagnostics() { return bytes(session().diagnostics); }
emscripten::val resultMeta() { return bytes(session().meta); }

emscripten::val stylesheetBytes() {
  static const std::string css(broadsheet::stylesheet());
  return bytes(css);
}

std::string version() { return std::string(broadsheet::version()); }

}  // namespace

EMSCRIPTEN_BINDINGS(broadsheet) {
  emscripten::function("inputBuffer", &inputBuffer);
  emscripten::function("render", &render);
  emscripten::function("resultHtml", &resultHtml);
  emscripten::function("resultDiagnostics", &resultDiagnostics);
  emscripten::function("resultMeta", &resultMeta);
  emscripten::function("stylesheet", &stylesheetBytes);
  emscripten::function("version", &version);
}
