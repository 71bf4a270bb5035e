#include "layout/people.hpp"

namespace broadsheet::layout {
namespace {

// What a list of `count` names puts before the i-th: nothing, ", " or " and ".
std::string separatorBefore(std::size_t i, std::size_t count, const Labels& labels) {
  return i == 0 ? std::string() : std::string(listSeparator(i - 1, count, labels));
}

}  // namespace

std::string displayName(const format::Person& person) {
  return person.honorific.empty() ? person.name : person.honorific + " " + person.name;
}

std::string shortName(const format::Person& person) {
  const std::size_t lastSpace = person.name.find_last_of(' ');
  const std::string surname = lastSpace == std::string::npos ? person.name : person.name.substr(lastSpace + 1);
  return person.honorific.empty() ? surname : person.honorific + " " + surname;
}

PeopleList bylineAuthors(const std::vector<format::Person>& authors, const Labels& labels) {
  PeopleList list{std::string(authors.size() == 1 ? labels.by : labels.byMany), {}};
  for (std::size_t i = 0; i < authors.size(); ++i) {
    const format::Person& author = authors[i];
    list.people.push_back(
        {separatorBefore(i, authors.size(), labels), displayName(author), author.url, author.role, author.affiliation});
  }
  return list;
}

PeopleList bylineAnalysts(const std::vector<format::Person>& analysts, const Labels& labels) {
  PeopleList list{std::string(labels.withAnalysisFrom), {}};
  for (std::size_t i = 0; i < analysts.size(); ++i) {
    list.people.push_back({separatorBefore(i, analysts.size(), labels), displayName(analysts[i]), "", "", ""});
  }
  return list;
}

PeopleList analystPanel(const std::vector<format::Person>& analysts, const Labels& labels) {
  PeopleList list{std::string(labels.analysts), {}};
  for (const format::Person& analyst : analysts) {
    list.people.push_back({"", displayName(analyst), analyst.url, analyst.role, analyst.affiliation});
  }
  return list;
}

}  // namespace broadsheet::layout
