#include "format/kept_value.hpp"

#include <functional>

namespace broadsheet::format {
namespace {

// Up to this many names a line search is as quick as hashing, and needs no index.
constexpr std::size_t kNamesWithoutIndex = 32;

std::size_t hashOf(std::string_view name) { return std::hash<std::string_view>()(name); }

}  // namespace

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

std::size_t NameSet::find(std::string_view name) const {
  if (slots_.empty()) {
    for (std::size_t i = 0; i < names_.size(); ++i) {
      if (names_[i] == name) return i;
    }
    return names_.size();
  }
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = hashOf(name) & mask; slots_[slot] != 0; slot = (slot + 1) & mask) {
    if (names_[slots_[slot] - 1] == name) return slots_[slot] - 1;
  }
  return names_.size();
}

bool NameSet::insert(std::string_view name) {
  if (find(name) != names_.size()) return false;
  names_.emplace_back(name);
  // At most half the slots in use: the index is rebuilt, twice as large, when that would be passed.
  if (names_.size() > kNamesWithoutIndex && names_.size() * 2 > slots_.size()) {
    rebuildIndex();
  } else if (!slots_.empty()) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = hashOf(name) & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = static_cast<std::uint32_t>(names_.size());
  }
  return true;
}

void NameSet::rebuildIndex() {
  std::size_t size = 64;
  while (size < names_.size() * 4) size *= 2;
  slots_.assign(size, 0);
  const std::size_t mask = size - 1;
  for (std::size_t i = 0; i < names_.size(); ++i) {
    std::size_t slot = hashOf(names_[i]) & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = static_cast<std::uint32_t>(i + 1);
  }
}

void NameSet::clear() {
  names_.clear();
  slots_.clear();
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
  length = 0;
  items.clear();
  itemKinds.clear();
  itemStrings.clear();
  members.clear();
  unknownNames.clear();
}

}  // namespace broadsheet::format
