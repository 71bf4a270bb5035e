#include "format/kept_value.hpp"

namespace broadsheet::format {

std::string describe(JsonKind kind) {
  switch (kind) {
    case JsonKind::Null: return "null";
    case JsonKind::Boolean: return "a boolean";
    case JsonKind::String: return "a string";
    case JsonKind::Array: return "an array";
    case JsonKind::Object: return "an object";
    default: return "a number";
  }
}

KeptValue* KeptValue::find(std::string_view name) {
  for (KeptMember& member : members) {
    if (member.name == name) return &member.value;
  }
  return nullptr;
}

KeptValue& KeptValue::set(const std::string& name) {
  if (KeptValue* existing = find(name)) {
    existing->clear();
    return *existing;
  }
  KeptMember& added = members.emplace_back();
  added.name = name;
  return added.value;
}

void KeptValue::clear() {
  kind = JsonKind::Null;
  boolean = false;
  number = 0;
  string.clear();
  items.clear();
  length = 0;
  members.clear();
}

}  // namespace broadsheet::format
