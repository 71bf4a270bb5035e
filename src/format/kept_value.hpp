// JSON values as the article reader keeps them while the text streams past: only what the format
// reads (see format/read_article.cpp), never a whole document.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::format {

enum class JsonKind { Null, Boolean, Number, String, Array, Object };

// "null", "a boolean", "a number", "a string", "an array" or "an object", as messages say it.
std::string describe(JsonKind kind);

struct KeptMember;

// A JSON value, kept only as far as the format reads it (see ArticleReader::next): scalars whole,
// the members and elements the format has, and of anything else only its kind.
struct KeptValue {
  JsonKind kind = JsonKind::Null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<KeptValue> items;     // an array's elements, as many as the format reads
  std::size_t length = 0;       // an array's elements, all of them
  std::vector<KeptMember> members;  // an object's members, each name once

  KeptValue* find(std::string_view name);
  // The member `name`, emptied: when an object has a name twice, the last one counts (as in JSON.parse).
  KeptValue& set(const std::string& name);
  void clear();  // keeps the capacity, for the next block
};

struct KeptMember {
  std::string name;
  KeptValue value;
};

}  // namespace broadsheet::format
