#include "format/diagnostics.hpp"

#include <algorithm>
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

void DiagnosticSink::forget(std::string_view pointer) {
  const auto inside = [pointer](const Diagnostic& diagnostic) {
    const std::string_view path = diagnostic.path;
    return path.substr(0, pointer.size()) == pointer && (path.size() == pointer.size() || path[pointer.size()] == '/');
  };
  items_.erase(std::remove_if(items_.begin(), items_.end(), inside), items_.end());
  errorCount_ = static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& diagnostic) {
    return diagnostic.severity == Severity::Error;
  }));
}

}  // namespace broadsheet::format
