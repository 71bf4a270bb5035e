#include "format/json_pointer.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace broadsheet::format {

std::string childPointer(std::string_view parent, std::string_view token) {
  std::string pointer;
  pointer.reserve(parent.size() + token.size() + 1);
  pointer.append(parent);
  pointer.push_back('/');
  for (char c : token) {
    if (c == '~') {
      pointer.append("~0");
    } else if (c == '/') {
      pointer.append("~1");
    } else {
      pointer.push_back(c);
    }
  }
  return pointer;
}

std::string childPointer(std::string_view parent, std::size_t index) {
  // Digits need no escapes, and written here they need no string of their own (std::to_string).
  char token[1 + 20];  // '/' and the digits of any std::size_t
  char* const end = std::end(token);
  char* first = end;
  do {
    *--first = static_cast<char>('0' + index % 10);
    index /= 10;
  } while (index != 0);
  *--first = '/';
  std::string pointer(parent);
  pointer.append(first, end);
  return pointer;
}

std::string memberName(std::string_view pointer) {
  std::string name;
  std::size_t start = 1;
  while (start <= pointer.size()) {
    std::size_t end = pointer.find('/', start);
    if (end == std::string_view::npos) end = pointer.size();
    std::string token;
    for (std::size_t i = start; i < end; ++i) {
      const char c = pointer[i];
      if (c == '~' && i + 1 < end && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
        token.push_back(pointer[++i] == '0' ? '~' : '/');
      } else {
        token.push_back(static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c);
      }
    }
    const bool index = !token.empty() && std::all_of(token.begin(), token.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c));
    });
    if (index) {
      name += "[" + token + "]";
    } else {
      if (!name.empty()) name += ".";
      name += token.empty() ? "(empty name)" : token;
    }
    start = end + 1;
  }
  return name.empty() ? "the document" : "\"" + name + "\"";
}

}  // namespace broadsheet::format
