// How the article's people are shown in each place: which names link, which details follow a name,
// and the words that join a list of names.
#pragma once

#include <string>
#include <vector>

#include "format/article.hpp"
#include "layout/labels.hpp"
#include "layout/layout_tree.hpp"

namespace broadsheet::layout {

// "Colonel Sergey Pashevich": the name with its honorific.
std::string displayName(const format::Person& person);

// "Colonel Pashevich", "Poletaev": how a quote names an analyst after the first time.
std::string shortName(const format::Person& person);

// "By Jane Doe, data editor, NBCentralAsia" ("Авторы:" before two or more): authors link to their
// page when they have one, and their role and affiliation follow the name.
PeopleList bylineAuthors(const std::vector<format::Person>& authors, const Labels& labels);

// "With analysis from A, B and C": names only, as the panel links them and gives their roles (and so
// do their quotes' attributions).
PeopleList bylineAnalysts(const std::vector<format::Person>& analysts, const Labels& labels);

// The analyst panel: each name linked when it has a URL, with role and affiliation.
PeopleList analystPanel(const std::vector<format::Person>& analysts, const Labels& labels);

}  // namespace broadsheet::layout
