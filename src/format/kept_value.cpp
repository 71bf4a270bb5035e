#include "format/kept_value.hpp"

#include "format/member_names.hpp"

namespace broadsheet::format {
namespace {

// Up to this many names a line search is as quick as hashing, and needs no index.
constexpr std::size_t kNamesWithoutIndex = 32;

// FNV-1a: a few instructions, and less WASM than libc++'s string hash inlined here. Not seeded: names
// made to collide could make probes long (as with std::hash, which is not seeded either).
std::uint32_t hashOf(std::string_view name) {
  std::uint32_t hash = 2166136261u;
  for (const char c : name) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  return hash;
}

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

std::size_t NameSet::slotOf(std::string_view name) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = hashOf(name) & mask;
  while (slots_[slot] != 0 && names_[slots_[slot] - 1] != name) slot = (slot + 1) & mask;
  return slot;
}

bool NameSet::insert(std::string_view name) {
  if (slots_.empty()) {
    for (const std::string& known : names_) {
      if (known == name) return false;
    }
  } else if (slots_[slotOf(name)] != 0) {
    return false;
  }
  names_.push_back(std::string(name));
  // At most half the slots in use: past that the index is built again, four slots a name.
  if (names_.size() > kNamesWithoutIndex && names_.size() * 2 > slots_.size()) {
    std::size_t size = 64;  // a power of two, for the mask
    while (size < names_.size() * 4) size *= 2;
    slots_.assign(size, 0);
    for (std::size_t i = 0; i < names_.size(); ++i) slots_[slotOf(names_[i])] = static_cast<std::uint32_t>(i + 1);
  } else if (!slots_.empty()) {
    slots_[slotOf(name)] = static_cast<std::uint32_t>(names_.size());
  }
  return true;
}

void NameSet::clear() {
  names_.clear();
  slots_.clear();
}

KeptValue* KeptValue::find(std::string_view name) {
  for (KeptMember& member : members) {
    if (Names::sameName(member.name, name)) return &member.value;
  }
  return nullptr;
}

KeptValue& KeptValue::set(std::string_view name) {
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
