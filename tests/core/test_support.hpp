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

}  // namespace broadsheet::test
