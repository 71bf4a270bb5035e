// The WebAssembly core's entry points: a few coarse C functions that move whole documents as UTF-8
// bytes through linear memory. No logic lives here; see web/broadsheet.js for the friendly API.
//
// Plain exported functions rather than Embind: Embind's glue added ~5 KB gzip of JavaScript (and
// ~2 KB of WebAssembly) to every download for a few calls that pass only numbers.
//
// Protocol: JS asks for an input region (broadsheet_input), writes the article bytes followed by the
// options bytes into it, calls broadsheet_render or broadsheet_validate, then reads the results through
// broadsheet_results, a table of (pointer, length) pairs into linear memory, valid until the next call.
// Every decision (ok, whether there is meta) is the core's, in RenderResult and broadsheet::hasErrors;
// this file only serialises it.
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

// Runs `produce` on the input region's article and options and lays its result out for JS to read.
template <typename Produce>
int serve(std::size_t inputLength, std::size_t optionsLength, Produce produce) {
  Session& s = session();
  if (inputLength + optionsLength > s.input.size()) return -1;
  // The caller has decoded the previous results; freeing them first keeps them from adding to this
  // render's peak memory (a 1 MB article's HTML is over 1 MB).
  for (std::string* previous : {&s.html, &s.diagnostics, &s.meta}) std::string().swap(*previous);
  std::vector<broadsheet::Diagnostic> optionDiagnostics;  // warnings only: they never change `ok`
  const broadsheet::RenderOptions options =
      broadsheet::parseOptions(std::string_view(s.input.data() + inputLength, optionsLength), optionDiagnostics);

  broadsheet::RenderResult result = produce(std::string_view(s.input.data(), inputLength), options);
  result.diagnostics.insert(result.diagnostics.begin(), optionDiagnostics.begin(), optionDiagnostics.end());
  s.html = std::move(result.html);
  s.diagnostics = broadsheet::diagnosticsToJson(result.diagnostics);
  s.meta = broadsheet::metaToJson(result.meta);
  describe(s.results, s.html);
  describe(s.results + 2, s.diagnostics);
  describe(s.results + 4, s.meta);
  return result.ok ? 0 : 1;
}

}  // namespace

extern "C" {

// Makes room for `byteLength` bytes of input (article then options); returns where to write them.
EMSCRIPTEN_KEEPALIVE char* broadsheet_input(std::size_t byteLength) {
  std::string& input = session().input;
  // Exactly what is asked for: growing by resize() alone would double the capacity (libc++).
  if (byteLength > input.capacity()) input.reserve(byteLength);
  input.resize(byteLength);
  return input.data();
}

// Both entry points read `inputLength` bytes of article and then `optionsLength` bytes of options from
// the input region, fill the results table, and return the core's verdict: 0 when no diagnostic is an
// error (RenderResult::ok), 1 when one is, -1 when the lengths do not fit the input region.

// The article's html, diagnostics and meta (`null` when no article was read).
EMSCRIPTEN_KEEPALIVE int broadsheet_render(std::size_t inputLength, std::size_t optionsLength) {
  return serve(inputLength, optionsLength, [](std::string_view input, const broadsheet::RenderOptions& options) {
    return broadsheet::render(input, options);
  });
}

// The diagnostics only: html is empty and meta is `null`.
EMSCRIPTEN_KEEPALIVE int broadsheet_validate(std::size_t inputLength, std::size_t optionsLength) {
  return serve(inputLength, optionsLength, [](std::string_view input, const broadsheet::RenderOptions& options) {
    broadsheet::RenderResult result;
    result.diagnostics = broadsheet::validate(input, options);
    result.ok = !broadsheet::hasErrors(result.diagnostics);
    return result;
  });
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
