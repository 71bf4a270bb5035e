// The WebAssembly core's entry points: a few coarse C functions that move whole documents as UTF-8
// bytes through linear memory. No logic lives here; see web/broadsheet.js for the friendly API.
//
// Plain exported functions rather than Embind: Embind's glue added ~5 KB gzip of JavaScript (and
// ~2 KB of WebAssembly) to every download for four calls that pass only numbers.
//
// Protocol: JS asks for an input region (broadsheet_input), writes the article bytes followed by the
// options bytes into it, calls broadsheet_render, then reads the results through broadsheet_results,
// a table of (pointer, length) pairs into linear memory, valid until the next call.
#include <emscripten/emscripten.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "broadsheet/broadsheet.hpp"

namespace {

struct Session {
  std::string input;
  std::string html;
  std::string diagnostics;
  std::string meta;
  // (pointer, length) of html, diagnostics and meta; of the stylesheet; of the version.
  std::uint32_t results[6] = {};
  std::uint32_t stylesheet[2] = {};
  std::uint32_t version[2] = {};
};

Session& session() {
  static Session instance;
  return instance;
}

void describe(std::uint32_t* pair, std::string_view text) {
  pair[0] = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(text.data()));
  pair[1] = static_cast<std::uint32_t>(text.size());
}

}  // namespace

extern "C" {

// Makes room for `byteLength` bytes of input (article then options); returns where to write them.
EMSCRIPTEN_KEEPALIVE char* broadsheet_input(std::size_t byteLength) {
  session().input.resize(byteLength);
  return session().input.data();
}

// mode 0: render; mode 1: validate only. Returns 0 when no error was reported, 1 otherwise, -1 when
// the lengths do not fit the input region.
EMSCRIPTEN_KEEPALIVE int broadsheet_render(std::size_t inputLength, std::size_t optionsLength, int mode) {
  Session& s = session();
  if (inputLength + optionsLength > s.input.size()) return -1;
  // The caller has decoded the previous results; freeing them first keeps them from adding to this
  // render's peak memory (a 1 MB article's HTML is over 1 MB).
  for (std::string* previous : {&s.html, &s.diagnostics, &s.meta}) std::string().swap(*previous);
  const std::string_view input(s.input.data(), inputLength);
  std::vector<broadsheet::Diagnostic> optionDiagnostics;
  const broadsheet::RenderOptions options =
      broadsheet::parseOptions(std::string_view(s.input.data() + inputLength, optionsLength), optionDiagnostics);

  broadsheet::RenderResult result;
  if (mode == 1) {
    result.diagnostics = broadsheet::validate(input, options);
  } else {
    result = broadsheet::render(input, options);
  }
  result.diagnostics.insert(result.diagnostics.begin(), optionDiagnostics.begin(), optionDiagnostics.end());
  s.html = std::move(result.html);
  s.diagnostics = broadsheet::diagnosticsToJson(result.diagnostics);
  // Meta describes an article; when none could be read (or only validation ran) there is none.
  const bool articleRead = !result.meta.lang.empty();
  s.meta = mode == 1 || !articleRead ? std::string("null") : broadsheet::metaToJson(result.meta);
  describe(s.results, s.html);
  describe(s.results + 2, s.diagnostics);
  describe(s.results + 4, s.meta);
  for (const auto& diagnostic : result.diagnostics) {
    if (diagnostic.severity == broadsheet::Severity::Error) return 1;
  }
  return 0;
}

// The last render's html, diagnostics (JSON) and meta (JSON) as three (pointer, length) pairs.
EMSCRIPTEN_KEEPALIVE const std::uint32_t* broadsheet_results() { return session().results; }

EMSCRIPTEN_KEEPALIVE const std::uint32_t* broadsheet_stylesheet() {
  describe(session().stylesheet, broadsheet::stylesheet());
  return session().stylesheet;
}

EMSCRIPTEN_KEEPALIVE const std::uint32_t* broadsheet_version() {
  describe(session().version, broadsheet::version());
  return session().version;
}

}  // extern "C"
