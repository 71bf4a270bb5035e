#include "format/json_number.hpp"

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace broadsheet::format {
namespace {

// Exactly representable powers of ten: 10^22 is the last one a double holds exactly.
constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr std::uint32_t kSmallPowersOfTen[] = {1,      10,      100,      1000,      10000,
                                               100000, 1000000, 10000000, 100000000, 1000000000};

// A decimal whose digits beyond this many only decide whether it lies above or below a point halfway
// between two doubles: such a point has at most 767 significant digits, so the digits after the 800th
// are kept as one nonzero "sticky" digit (when any of them is nonzero), which compares alike.
constexpr std::size_t kMaxDigits = 800;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// A non-negative integer of any size: base 2^32, least significant limb first, no leading zero limb.
class BigInteger {
 public:
  explicit BigInteger(std::uint64_t value) {
    for (; value != 0; value >>= 32) limbs_.push_back(static_cast<std::uint32_t>(value));
  }

  void multiplyAdd(std::uint32_t factor, std::uint32_t addend) {
    std::uint64_t carry = addend;
    for (std::uint32_t& limb : limbs_) {
      const std::uint64_t product = static_cast<std::uint64_t>(limb) * factor + carry;
      limb = static_cast<std::uint32_t>(product);
      carry = product >> 32;
    }
    if (carry != 0) limbs_.push_back(static_cast<std::uint32_t>(carry));
  }

  void multiplyByPowerOfTen(std::int64_t exponent) {
    for (; exponent >= 9; exponent -= 9) multiplyAdd(kSmallPowersOfTen[9], 0);
    if (exponent > 0) multiplyAdd(kSmallPowersOfTen[exponent], 0);
  }

  void multiplyByPowerOfTwo(std::int64_t exponent) {
    if (limbs_.empty()) return;
    const auto bits = static_cast<unsigned>(exponent % 32);
    if (bits != 0) {
      std::uint32_t carry = 0;
      for (std::uint32_t& limb : limbs_) {
        const std::uint32_t out = limb >> (32 - bits);
        limb = (limb << bits) | carry;
        carry = out;
      }
      if (carry != 0) limbs_.push_back(carry);
    }
    limbs_.insert(limbs_.begin(), static_cast<std::size_t>(exponent / 32), 0);
  }

  friend int compare(const BigInteger& a, const BigInteger& b) {
    if (a.limbs_.size() != b.limbs_.size()) return a.limbs_.size() < b.limbs_.size() ? -1 : 1;
    for (std::size_t i = a.limbs_.size(); i-- > 0;) {
      if (a.limbs_[i] != b.limbs_[i]) return a.limbs_[i] < b.limbs_[i] ? -1 : 1;
    }
    return 0;
  }

 private:
  std::vector<std::uint32_t> limbs_;
};

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

// A finite, non-negative double as significand × 2^exponent (significand < 2^53).
struct BinaryParts {
  std::uint64_t significand;
  std::int64_t exponent;
};

BinaryParts partsOf(double value) {
  const std::uint64_t bits = bitsOf(value);
  const auto biased = static_cast<std::int64_t>(bits >> 52);
  const std::uint64_t fraction = bits & ((std::uint64_t{1} << 52) - 1);
  if (biased == 0) return {fraction, -1074};
  return {fraction | (std::uint64_t{1} << 52), biased - 1075};
}

// Compares digits × 10^exponent with the point halfway between `value` and the next double up,
// (2 × significand + 1) × 2^(exponent − 1), exactly: both sides scaled to integers.
int compareWithHalfwayAbove(const BigInteger& digits, std::int64_t exponent, double value) {
  const BinaryParts parts = partsOf(value);
  BigInteger decimal = digits;
  BigInteger halfway(2 * parts.significand + 1);
  if (exponent >= 0) {
    decimal.multiplyByPowerOfTen(exponent);
  } else {
    halfway.multiplyByPowerOfTen(-exponent);
  }
  const std::int64_t twos = parts.exponent - 1;
  if (twos >= 0) {
    halfway.multiplyByPowerOfTwo(twos);
  } else {
    decimal.multiplyByPowerOfTwo(-twos);
  }
  return compare(decimal, halfway);
}

// The double nearest digits × 10^exponent (ties to even); `digits` has no leading zero, is not
// empty, and its value is known to lie within a double's range or just outside it.
double nearestDouble(const std::string& digits, std::int64_t exponent) {
  const std::size_t taken = digits.size() < 19 ? digits.size() : 19;
  std::uint64_t leading = 0;
  for (std::size_t i = 0; i < taken; ++i) leading = leading * 10 + static_cast<std::uint64_t>(digits[i] - '0');

  // Exact operands and one rounding: the result is the nearest double (Clinger's fast path).
  if (taken == digits.size() && leading <= (std::uint64_t{1} << 53) && exponent >= -22 && exponent <= 22) {
    const auto value = static_cast<double>(leading);
    return exponent >= 0 ? value * kPowersOfTen[exponent] : value / kPowersOfTen[-exponent];
  }

  // Otherwise an estimate within a few units in the last place, corrected by exact comparisons with
  // the points halfway to its neighbours until the decimal lies between them.
  double estimate = static_cast<double>(leading);
  std::int64_t scale = exponent + static_cast<std::int64_t>(digits.size() - taken);
  if (scale >= 0) {
    for (; scale >= 22; scale -= 22) estimate *= kPowersOfTen[22];
    estimate *= kPowersOfTen[scale];
  } else {
    for (scale = -scale; scale >= 22; scale -= 22) estimate /= kPowersOfTen[22];
    estimate /= kPowersOfTen[scale];
  }
  const std::uint64_t infinityBits = 0x7ffULL << 52;
  if (bitsOf(estimate) >= infinityBits) estimate = fromBits(infinityBits - 1);  // the largest double

  BigInteger exact(0);
  for (std::size_t i = 0; i < digits.size(); i += 9) {
    const std::size_t end = i + 9 < digits.size() ? i + 9 : digits.size();
    std::uint32_t chunk = 0;
    for (std::size_t j = i; j < end; ++j) chunk = chunk * 10 + static_cast<std::uint32_t>(digits[j] - '0');
    exact.multiplyAdd(kSmallPowersOfTen[end - i], chunk);
  }
  for (;;) {
    const bool odd = (bitsOf(estimate) & 1) != 0;
    const int above = compareWithHalfwayAbove(exact, exponent, estimate);
    if (above > 0 || (above == 0 && odd)) {
      estimate = fromBits(bitsOf(estimate) + 1);
      if (bitsOf(estimate) == infinityBits) return estimate;
      continue;
    }
    if (estimate == 0) return estimate;
    const double below = fromBits(bitsOf(estimate) - 1);
    const int under = compareWithHalfwayAbove(exact, exponent, below);
    if (under < 0 || (under == 0 && odd)) {
      estimate = below;
      continue;
    }
    return estimate;
  }
}

}  // namespace

double readDecimal(std::string_view text, std::size_t* consumed) {
  std::size_t at = 0;
  bool negative = false;
  if (at < text.size() && (text[at] == '+' || text[at] == '-')) negative = text[at++] == '-';

  // The value is digits × 10^exponent; leading zeros are not kept.
  std::string digits;
  std::int64_t exponent = 0;
  bool anyDigit = false;
  bool sticky = false;  // a nonzero digit after the kept ones
  const auto take = [&](char digit, bool afterPoint) {
    anyDigit = true;
    if (afterPoint) --exponent;
    if (digits.empty() && digit == '0') return;
    if (digits.size() < kMaxDigits) {
      digits.push_back(digit);
    } else {
      ++exponent;
      sticky = sticky || digit != '0';
    }
  };
  for (; at < text.size() && isDigit(text[at]); ++at) take(text[at], false);
  if (at < text.size() && text[at] == '.') {
    std::size_t end = at + 1;
    for (; end < text.size() && isDigit(text[end]); ++end) take(text[end], true);
    if (anyDigit) at = end;
  }
  if (!anyDigit) {
    if (consumed) *consumed = 0;
    return 0.0;
  }
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    std::size_t end = at + 1;
    bool negativeExponent = false;
    if (end < text.size() && (text[end] == '+' || text[end] == '-')) negativeExponent = text[end++] == '-';
    if (end < text.size() && isDigit(text[end])) {
      std::int64_t written = 0;
      for (; end < text.size() && isDigit(text[end]); ++end) {
        if (written < 100000000) written = written * 10 + (text[end] - '0');  // far past any double
      }
      exponent += negativeExponent ? -written : written;
      at = end;
    }
  }
  if (consumed) *consumed = at;

  double magnitude;
  if (sticky) {
    digits.push_back('1');
    --exponent;
  } else {
    while (!digits.empty() && digits.back() == '0') {
      digits.pop_back();
      ++exponent;
    }
  }
  const auto count = static_cast<std::int64_t>(digits.size());
  if (digits.empty() || count + exponent < -324) {
    magnitude = 0.0;  // below 10^-325, under half the least subnormal
  } else if (count - 1 + exponent >= 309) {
    magnitude = fromBits(0x7ffULL << 52);  // at least 10^309: infinity
  } else {
    magnitude = nearestDouble(digits, exponent);
  }
  return negative ? -magnitude : magnitude;
}

}  // namespace broadsheet::format
