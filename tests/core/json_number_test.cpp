// readDecimal (the JSON reader's decimal -> double) against the C library's strtod, bit for bit:
// natively glibc's, in the WASM test run musl's, both correctly rounded. The core no longer links
// strtod (docs/performance.md), so this is where the two are held to each other.
#include <catch2/catch.hpp>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "format/json_number.hpp"

using broadsheet::format::readDecimal;

namespace {

std::uint64_t bitsOf(double value) {
  std::uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

double fromBits(std::uint64_t bits) {
  double value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

// Checks one text: the same double and the same length read as strtod.
void checkLikeStrtod(const std::string& text) {
  char* end = nullptr;
  const double expected = std::strtod(text.c_str(), &end);
  std::size_t consumed = 0;
  const double got = readDecimal(text, &consumed);
  INFO("text: " << text);
  CHECK(bitsOf(got) == bitsOf(expected));
  CHECK(consumed == static_cast<std::size_t>(end - text.c_str()));
}

std::string digitsOf(std::mt19937_64& random, std::size_t count) {
  std::string digits;
  for (std::size_t i = 0; i < count; ++i) digits.push_back(static_cast<char>('0' + random() % 10));
  return digits;
}

// The exact decimal expansion of the point halfway between `value` and the next double up (long
// double holds it exactly: 64 or 113 bits of significand, a double's halfway point needs 54).
std::string halfwayAbove(double value) {
  const long double low = value;
  const long double high = std::nextafter(value, HUGE_VAL);
  const long double halfway = low + (high - low) / 2;
  std::vector<char> text(1400);
  std::snprintf(text.data(), text.size(), "%.1100Le", halfway);
  std::string result(text.data());
  // Trailing zeros of the significand go (the exponent stays after them).
  const std::size_t e = result.find('e');
  std::size_t last = e;
  while (last > 0 && result[last - 1] == '0') --last;
  return result.substr(0, last) + result.substr(e);
}

}  // namespace

TEST_CASE("readDecimal reads numbers as strtod does, bit for bit", "[format][json-number]") {
  for (const char* text : {"0",
                           "-0",
                           "0.0",
                           "-0.0",
                           "1",
                           "-1",
                           "1.5",
                           "0.1",
                           "0.2",
                           "0.3",
                           "2.0000000000000001",
                           "2.0000000000000004",
                           "2.0000000000000002220446049250313",
                           "9007199254740993",
                           "9007199254740992.5",
                           "9007199254740993.0000001",
                           "18446744073709551615",
                           "18446744073709551616",
                           "-9223372036854775809",
                           "123456789012345678901234567890",
                           "1e22",
                           "1e23",
                           "1e-22",
                           "1e-23",
                           "1.7976931348623157e308",
                           "1.7976931348623158e308",
                           "1.797693134862315708145274237317043567981e308",
                           "1.797693134862315807937289714053034150799e308",
                           "1.7976931348623159e308",
                           "1e308",
                           "1e309",
                           "-1e400",
                           "1e99999999999999999999",
                           "4.9406564584124654e-324",
                           "2.4703282292062327e-324",
                           "2.4703282292062328e-324",
                           "2.470328229206232720882e-324",
                           "5e-324",
                           "3e-324",
                           "1e-400",
                           "-1e-99999999999999999",
                           "2.2250738585072011e-308",
                           "2.2250738585072014e-308",
                           "2.2250738585072012e-308",
                           "0.000000000000000000000000000000000000000000001",
                           "1E5",
                           "1e+5",
                           "1e-5",
                           "100000000000000000000000000000000000000000000000000e-50",
                           "5.",
                           ".5",
                           "-.5",
                           "+.5",
                           ".",
                           "-",
                           "+",
                           "e5",
                           "1e",
                           "1e+",
                           "1e-",
                           "1.2.3",
                           "--5",
                           "+-5",
                           "1e5e5",
                           "9e99",
                           "1e400.5",
                           "007",
                           "0.0000e-7",
                           "12e0003"}) {
    checkLikeStrtod(text);
  }
}

TEST_CASE("readDecimal rounds halfway points to even, whatever their length", "[format][json-number]") {
  std::mt19937_64 random(19);
  std::vector<double> values = {1.0,
                                0.1,
                                2.0,
                                9007199254740992.0,
                                DBL_MAX,
                                DBL_MIN,
                                fromBits(1),
                                fromBits(2),
                                fromBits((std::uint64_t{1} << 52) - 1),
                                1e23,
                                5e-324,
                                123456.789};
  for (int i = 0; i < 300; ++i) {
    double value;
    do value = fromBits(random() & 0x7fffffffffffffffULL);
    while (!std::isfinite(value) || value == DBL_MAX);
    values.push_back(value);
  }
  for (const double value : values) {
    if (value == DBL_MAX) continue;
    const std::string halfway = halfwayAbove(value);
    checkLikeStrtod(halfway);
    // Just above and just below the halfway point, far past the 800 digits that are kept.
    const std::size_t e = halfway.find('e');
    std::string above =
        halfway.substr(0, e) + (halfway.find('.') < e ? "" : ".") + std::string(900, '0') + "1" + halfway.substr(e);
    checkLikeStrtod(above);
    if (halfway.find('.') < e) {
      std::string below = halfway.substr(0, e);
      // Lower the last digit by one and append nines: just under the halfway point.
      std::size_t last = below.size() - 1;
      while (below[last] == '0') below[last--] = '9';
      below[last] = static_cast<char>(below[last] - 1);
      checkLikeStrtod(below + std::string(900, '9') + halfway.substr(e));
    }
  }
}

TEST_CASE("readDecimal agrees with strtod on random decimals", "[format][json-number]") {
  std::mt19937_64 random(7);
  for (int i = 0; i < 40000; ++i) {
    std::string text;
    if (random() % 2) text.push_back('-');
    const std::size_t whole = 1 + random() % 25;
    text += random() % 4 == 0 ? "0" : digitsOf(random, whole);
    if (random() % 2) text += "." + digitsOf(random, 1 + random() % 30);
    if (random() % 2) {
      text.push_back(random() % 2 ? 'e' : 'E');
      if (random() % 3 == 0) text.push_back(random() % 2 ? '+' : '-');
      text += std::to_string(random() % 360);
    }
    checkLikeStrtod(text);
  }
  // Near the ends of the range, where the estimate overflows or underflows on the way.
  for (int i = 0; i < 4000; ++i) {
    const std::string digits = digitsOf(random, 1 + random() % 40);
    const int exponent = static_cast<int>(random() % 60);
    checkLikeStrtod("1" + digits + "e" + std::to_string(270 + exponent));
    checkLikeStrtod("1" + digits + "e-" + std::to_string(290 + exponent + static_cast<int>(digits.size())));
  }
}
