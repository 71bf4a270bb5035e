// RFC 6901 JSON Pointers, built one reference token at a time, and read back as names for messages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace broadsheet::format {

// "/a~1b" for (parent "", token "a/b"): '~' becomes "~0" and '/' becomes "~1".
std::string childPointer(std::string_view parent, std::string_view token);
std::string childPointer(std::string_view parent, std::size_t index);

// "/analysts/0/name" -> "\"analysts[0].name\"": how a member reads in a message (one printable line).
std::string memberName(std::string_view pointer);

}  // namespace broadsheet::format
