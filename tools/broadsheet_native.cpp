// The native command-line renderer, for benchmarks and debugging the core without WASM.
// Usage: broadsheet-native [--standalone] [--diagnostics] <file|->   (HTML on stdout)
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "broadsheet/broadsheet.hpp"

int main(int argc, char** argv) {
  broadsheet::RenderOptions options;
  bool printDiagnostics = false;
  std::string path;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--standalone") {
      options.standalone = true;
    } else if (arg == "--diagnostics") {
      printDiagnostics = true;
    } else if (path.empty()) {
      path = arg;
    } else {
      std::cerr << "usage: broadsheet-native [--standalone] [--diagnostics] <file|->\n";
      return 2;
    }
  }
  if (path.empty()) {
    std::cerr << "usage: broadsheet-native [--standalone] [--diagnostics] <file|->\n";
    return 2;
  }
  std::string input;
  if (path == "-") {
    input.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      std::cerr << "broadsheet-native: cannot read " << path << "\n";
      return 2;
    }
    input.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  }
  const broadsheet::RenderResult result = broadsheet::render(input, options);
  std::cout << result.html;
  for (const auto& d : result.diagnostics) {
    if (printDiagnostics || d.severity == broadsheet::Severity::Error) {
      std::cerr << (d.path.empty() ? "/" : d.path) << ' ' << d.line << ':' << d.column << ' ' << d.code << ' '
                << d.message << '\n';
    }
  }
  return result.ok ? 0 : 1;
}
