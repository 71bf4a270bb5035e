#include "layout/article_ids.hpp"

#include <cstdint>
#include <string_view>

namespace broadsheet::layout {

std::string articleIdPrefix(const format::Article& article) {
  // FNV-1a: short, stable across platforms, and only needs to tell articles apart.
  std::uint32_t hash = 2166136261u;
  for (std::string_view part : {std::string_view(article.id), std::string_view(article.canonicalUrl),
                                std::string_view(article.headline.source)}) {
    for (unsigned char c : part) hash = (hash ^ c) * 16777619u;
    hash = (hash ^ 0xFFu) * 16777619u;  // so "ab"+"c" and "a"+"bc" differ
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string prefix = "bs-";
  for (int shift = 28; shift >= 0; shift -= 4) prefix.push_back(kHex[(hash >> shift) & 0xF]);
  prefix.push_back('-');
  return prefix;
}

}  // namespace broadsheet::layout
