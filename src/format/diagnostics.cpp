#include "format/diagnostics.hpp"

#include <utility>

namespace broadsheet::format {

void DiagnosticSink::error(std::string_view code, std::string path, std::string message) {
  add({Severity::Error, std::string(code), std::move(message), std::move(path), 0, 0});
}

void DiagnosticSink::warning(std::string_view code, std::string path, std::string message) {
  add({Severity::Warning, std::string(code), std::move(message), std::move(path), 0, 0});
}

void DiagnosticSink::add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::Error) ++errorCount_;
  items_.push_back(std::move(diagnostic));
}

}  // namespace broadsheet::format
