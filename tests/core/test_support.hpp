// Helpers shared by the core tests.
#pragma once

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "broadsheet/broadsheet.hpp"

namespace broadsheet::test {

inline std::string readSourceFile(const std::string& relativePath) {
  std::ifstream file(std::string(BROADSHEET_SOURCE_DIR) + "/" + relativePath, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

inline const Diagnostic* findDiagnostic(const std::vector<Diagnostic>& diagnostics, const std::string& code) {
  for (const Diagnostic& d : diagnostics) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

inline std::size_t countOccurrences(const std::string& haystack, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size()))
    ++count;
  return count;
}

// A minimal valid document with the given body blocks (a JSON array's contents) and extra members.
inline std::string documentWith(const std::string& bodyBlocks, const std::string& extraMembers = "") {
  return R"({"format":"broadsheet/article@1","headline":"Test headline",)" + extraMembers + R"("body":[)" + bodyBlocks +
         "]}";
}

// "CODE /path" of each diagnostic, in order: what a test about diagnostics compares.
inline std::vector<std::string> codesAndPaths(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) out.push_back(d.code + " " + d.path);
  return out;
}

// The part of `html` from the first `from` through the next `to` ("" when `from` is missing).
inline std::string between(const std::string& html, const std::string& from, const std::string& to) {
  const std::size_t start = html.find(from);
  if (start == std::string::npos) return "";
  const std::size_t end = html.find(to, start);
  return html.substr(start, end == std::string::npos ? std::string::npos : end + to.size() - start);
}

}  // namespace broadsheet::test
