#include "format/article.hpp"

namespace broadsheet::format {

const Person* Article::findAnalyst(const std::string& analystId) const {
  for (const Person& analyst : analysts) {
    if (analyst.id == analystId) return &analyst;
  }
  return nullptr;
}

}  // namespace broadsheet::format
