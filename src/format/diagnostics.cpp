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
  const bool error = diagnostic.severity == Severity::Error;
  if (!full()) {
    if (error) ++errorCount_;
    items_.push_back(std::move(diagnostic));
    return;
  }
  // The list shows whether there are errors (broadsheet::hasErrors reads it): the first error found
  // once the list is full of warnings takes the last one's place (and that warning is counted
  // instead), or is kept beyond a capacity of 0.
  if (error && errorCount_ == 0) {
    if (items_.empty()) {
      items_.push_back(std::move(diagnostic));
    } else {
      count(items_.back().severity);
      items_.back() = std::move(diagnostic);
    }
    ++errorCount_;
    return;
  }
  count(diagnostic.severity);
}

void DiagnosticSink::count(Severity severity) {
  if (severity == Severity::Error) {
    ++errorCount_;
    ++countedErrors_;
  }
  ++counted_;
}

void DiagnosticSink::absorb(DiagnosticSink& other) {
  for (Diagnostic& diagnostic : other.items_) add(std::move(diagnostic));
  errorCount_ += other.countedErrors_;
  countedErrors_ += other.countedErrors_;
  counted_ += other.counted_;
  other = DiagnosticSink(other.capacity_);
}

std::vector<Diagnostic> DiagnosticSink::take() {
  std::vector<Diagnostic> diagnostics = std::move(items_);
  if (counted_ > 0) {
    diagnostics.push_back({Severity::Warning, std::string(code::Limit),
                           std::to_string(counted_) + " more diagnostics were found and are not listed; the limit is " +
                               std::to_string(capacity_) + ".",
                           "", 0, 0});
  }
  *this = DiagnosticSink(capacity_);
  return diagnostics;
}

}  // namespace broadsheet::format
