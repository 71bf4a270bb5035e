#include "layout/article_facts.hpp"

namespace broadsheet::layout {
namespace {

std::vector<PersonFacts> peopleFacts(const std::vector<format::Person>& people) {
  std::vector<PersonFacts> facts;
  facts.reserve(people.size());
  for (const format::Person& person : people) facts.push_back({person.name, person.honorific, person.role, person.url});
  return facts;
}

}  // namespace

ArticleFacts articleFacts(const format::Article& article, const Meta& meta, const text::Markdown& standfirst) {
  ArticleFacts facts;
  facts.headline = meta.headline;
  facts.description = standfirst.plainText();
  facts.inLanguage = meta.lang;
  facts.datePublished = article.published;
  facts.dateModified = article.updated.empty() ? article.published : article.updated;
  facts.url = article.canonicalUrl;
  facts.articleSection = article.section;
  if (article.image) facts.image = article.image->src;
  for (const std::string& tag : article.tags) facts.keywords += (facts.keywords.empty() ? "" : ", ") + tag;
  facts.wordCount = meta.wordCount;
  facts.authors = peopleFacts(article.authors);
  facts.contributors = peopleFacts(article.analysts);
  if (article.publisher) facts.publisher = Link{article.publisher->label, article.publisher->url};
  return facts;
}

}  // namespace broadsheet::layout
