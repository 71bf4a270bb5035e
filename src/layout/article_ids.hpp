// The prefix of the ids an article's elements carry (footnotes, table captions).
#pragma once

#include <string>

#include "format/article.hpp"

namespace broadsheet::layout {

// "bs-1f2e3d4c-": "bs-", 8 hex digits of a hash of the article's id, canonical URL and headline, and
// a dash. Two different articles on one page never share an id, and one article always gets the same
// ids, in Node and in every browser (the ids are in golden outputs).
std::string articleIdPrefix(const format::Article& article);

}  // namespace broadsheet::layout
