// JSON values as they are kept while the article text streams past: only what the format
// reads (built by format/kept_document.cpp, read by format/read_article.cpp), never a whole document.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::format {

enum class JsonKind : unsigned char { Null, Boolean, Number, String, Array, Object };

// "null", "a boolean", "a number", "a string", "an array" or "an object", as messages say it.
std::string describe(JsonKind kind);

// Names, each once, in the order first added. Small sets are searched in a line; past a few dozen
// names a hash index is built, so an object with a million distinct member names costs linear time
// (a line search per name was quadratic: 80,000 names took 13 s), and ordinary objects pay nothing.
class NameSet {
 public:
  // False when the name was there already.
  bool insert(std::string_view name);
  const std::vector<std::string>& names() const { return names_; }
  void clear();

 private:
  // The index's slot that holds `name`, or the free slot where it would go.
  std::size_t slotOf(std::string_view name) const;

  std::vector<std::string> names_;
  std::vector<std::uint32_t> slots_;  // open addressing: 1 + an index into names_, 0 when free
};

struct KeptMember;

// A JSON value, kept only as far as the format reads it (see KeptDocumentBuilder::next): scalars whole,
// the members and elements the format has, and of anything else only its kind.
struct KeptValue {
  JsonKind kind = JsonKind::Null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::size_t length = 0;        // an array's elements, all of them
  std::vector<KeptValue> items;  // an array of records: the records read, as many as the format reads
  // An array of strings (tags, a list's items): each element's kind, and the strings among them in
  // order. A byte per element that is not a string, so a long array of numbers stays small.
  std::vector<JsonKind> itemKinds;
  std::vector<std::string> itemStrings;
  // An object's members the format has, each name once: at most the format's few names, so a line
  // search finds them. Other names are only listed, for their warnings.
  std::vector<KeptMember> members;
  NameSet unknownNames;

  KeptValue* find(std::string_view name);
  // The member `name`, emptied: when an object has a name twice, the last one counts (as in JSON.parse).
  // `name` is kept as a view: one of member_names.hpp's constant lists (no string made per member).
  KeptValue& set(std::string_view name);
  void clear();  // keeps the capacity, for the next block
};

struct KeptMember {
  std::string_view name;  // in a constant list of names (KeptValue::set)
  KeptValue value;
};

}  // namespace broadsheet::format
