// Decimal text -> the nearest double (ties to even), as strtod reads it, without the C library's
// strtod: in WebAssembly that one computes in 128-bit long double, whose software arithmetic was
// 13.6 KB of the module for the few numbers an article holds (docs/performance.md, "Cuts").
#pragma once

#include <cstddef>
#include <string_view>

namespace broadsheet::format {

// Reads the longest prefix of `text` that strtod would read as a decimal number: an optional sign,
// digits with an optional "." (at least one digit), an optional exponent ("e" or "E", an optional sign,
// digits): strtod's grammar in the C locale, the only one the core runs in. Returns the double strtod returns, bit for
// bit (signed zero, subnormals, infinity on overflow), and in `consumed` how many bytes it read (0 and +0.0: none).
double readDecimal(std::string_view text, std::size_t* consumed = nullptr);

}  // namespace broadsheet::format
