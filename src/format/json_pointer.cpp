#include "format/json_pointer.hpp"

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
  return childPointer(parent, std::to_string(index));
}

}  // namespace broadsheet::format
