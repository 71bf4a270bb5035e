// Times the core in-process, natively and compiled to WASM (for `npm run bench`, profilers and
// comparisons of builds): renders each file repeatedly and prints, as one JSON object per file and
// line, {"file":…,"bytes":…,"samples":[ns per render, one per batch]}.
// Usage: broadsheet_bench [--min-ms N] [--batches N] [--validate | --json-only] <file>...
//   --validate   time validate() instead of render()
//   --json-only  time only nlohmann-json's DOM parse of the file (what the format stage starts with),
//                to see how much of a render JSON parsing takes
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "broadsheet/broadsheet.hpp"

namespace {

bool readFile(const std::string& path, std::string& out) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  out.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  return true;
}

// Keeps the optimiser from dropping renders whose results are never looked at.
volatile std::size_t sink = 0;

enum class Work { Render, Validate, JsonOnly };

std::size_t renderOnce(const std::string& input, Work work) {
  if (work == Work::Validate) return broadsheet::validate(input).size();
  if (work == Work::JsonOnly) return nlohmann::json::parse(input, nullptr, /*allow_exceptions=*/false).size();
  const broadsheet::RenderResult result = broadsheet::render(input);
  return result.html.size() + result.diagnostics.size();
}

// One batch: renders until at least minMs have passed; returns nanoseconds per render.
double batch(const std::string& input, double minMs, Work work) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  std::size_t renders = 0;
  double elapsedNs = 0;
  do {
    sink = sink + renderOnce(input, work);
    ++renders;
    elapsedNs = static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count());
  } while (elapsedNs < minMs * 1e6);
  return elapsedNs / static_cast<double>(renders);
}

void printJsonString(const std::string& text) {
  std::putchar('"');
  for (const char c : text) {
    if (c == '"' || c == '\\') std::putchar('\\');
    if (static_cast<unsigned char>(c) < 0x20) {
      std::printf("\\u%04x", c);
    } else {
      std::putchar(c);
    }
  }
  std::putchar('"');
}

}  // namespace

int main(int argc, char** argv) {
  double minMs = 100;
  int batches = 1;
  Work work = Work::Render;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--min-ms" && i + 1 < argc) {
      minMs = std::atof(argv[++i]);
    } else if (arg == "--batches" && i + 1 < argc) {
      batches = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--validate") {
      work = Work::Validate;
    } else if (arg == "--json-only") {
      work = Work::JsonOnly;
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: broadsheet_bench [--min-ms N] [--batches N] [--validate | --json-only] <file>...\n");
    return 2;
  }
  for (const std::string& path : files) {
    std::string input;
    if (!readFile(path, input)) {
      std::fprintf(stderr, "broadsheet_bench: cannot read %s\n", path.c_str());
      return 2;
    }
    batch(input, minMs, work);  // warm-up: caches, and in WASM the optimising compiler's tier-up
    std::printf("{\"file\":");
    printJsonString(path);
    std::printf(",\"bytes\":%zu,\"samples\":[", input.size());
    for (int b = 0; b < batches; ++b) {
      std::printf("%s%.1f", b ? "," : "", batch(input, minMs, work));
    }
    std::printf("]}\n");
    std::fflush(stdout);
  }
  return 0;
}
