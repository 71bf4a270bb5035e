// Looking for the first of a few byte values eight bytes at a time (SWAR): the word passes step over
// the text between the bytes that matter to them (breaks, sentence terminators), and most stretches
// between those are longer than a byte at a time is cheap for.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace broadsheet::layout::byte_search {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the lowest byte of a chunk is its first");

inline constexpr std::uint64_t kOnes = 0x0101010101010101u, kHighs = 0x8080808080808080u;

inline std::uint64_t chunkAt(const unsigned char* bytes) {
  std::uint64_t chunk;
  std::memcpy(&chunk, bytes, sizeof chunk);
  return chunk;
}

// The top bit of each byte of `chunk` equal to `value`, and maybe of bytes after such a byte (a
// borrow runs on): only the lowest bit set is exact, which is all a search needs.
inline std::uint64_t equalTo(std::uint64_t chunk, unsigned char value) {
  const std::uint64_t x = chunk ^ (value * kOnes);
  return (x - kOnes) & ~x & kHighs;
}

// The same for the bytes below `limit` (at most 0x80).
inline std::uint64_t below(std::uint64_t chunk, unsigned char limit) {
  return (chunk - limit * kOnes) & ~chunk & kHighs;
}

// The position of the first byte at or after `at` (before `to`) for which matches(chunk) sets the top
// bit and isMatch(byte) holds (the same rule a byte at a time); `to` when there is none.
template <typename Matches, typename IsMatch>
std::size_t findFirst(const unsigned char* bytes, std::size_t at, std::size_t to, Matches matches, IsMatch isMatch) {
  for (; at + 8 <= to; at += 8) {
    const std::uint64_t mask = matches(chunkAt(bytes + at));
    if (mask != 0) return at + static_cast<std::size_t>(__builtin_ctzll(mask)) / 8;
  }
  while (at < to && !isMatch(bytes[at])) ++at;
  return at;
}

}  // namespace broadsheet::layout::byte_search
