#include "layout/article_facts.hpp"

#include <cctype>
#include <string>

#include "layout/licenses.hpp"

namespace broadsheet::layout {
namespace {

std::vector<PersonFacts> peopleFacts(const std::vector<format::Person>& people) {
  std::vector<PersonFacts> facts;
  facts.reserve(people.size());
  for (const format::Person& person : people) facts.push_back({person.name, person.honorific, person.role, person.url});
  return facts;
}

// Open Graph spells a locale language_TERRITORY: "kk-KZ" -> "kk_KZ", "en" -> "en". Script and other
// subtags have no place there and are left out ("kk-Cyrl-KZ" -> "kk_KZ").
std::string openGraphLocale(std::string_view lang) {
  std::string locale;
  std::size_t start = 0;
  for (std::size_t index = 0; start <= lang.size(); ++index) {
    std::size_t end = lang.find_first_of("-_", start);
    if (end == std::string_view::npos) end = lang.size();
    const std::string_view subtag = lang.substr(start, end - start);
    if (index == 0) {
      for (char c : subtag) locale.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    } else if (subtag.size() == 2 && std::isalpha(static_cast<unsigned char>(subtag[0])) &&
               std::isalpha(static_cast<unsigned char>(subtag[1]))) {
      locale.push_back('_');
      for (char c : subtag) locale.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c));
      break;
    }
    start = end + 1;
  }
  return locale;
}

void addSyndicationFacts(const format::Syndication& syndication, ArticleFacts& facts) {
  facts.isBasedOn = syndication.originalUrl;
  facts.basedOnPublished = syndication.firstPublished;
  if (syndication.licenseIsUrl) {
    facts.license = syndication.license;
  } else if (const LicenseTerms* terms = knownLicense(syndication.license)) {
    facts.license = terms->deedUrl;
  }
  facts.source = OrganizationFacts{syndication.source.label, syndication.source.url, syndication.sourceLogo};
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
  if (article.syndication) addSyndicationFacts(*article.syndication, facts);
  // The page a search engine should credit: a republished article points to its original.
  facts.canonical = article.syndication ? article.syndication->originalUrl : article.canonicalUrl;
  facts.siteName = article.publisher     ? article.publisher->label
                   : article.syndication ? article.syndication->source.label
                                         : std::string();
  facts.ogLocale = openGraphLocale(meta.lang);
  facts.twitterCard = article.image ? "summary_large_image" : "summary";
  facts.tags = article.tags;
  return facts;
}

void addLanguageAlternates(ArticleFacts& facts, std::string_view lang, std::string_view ownUrl) {
  std::vector<const TranslationLink*> versions;
  if (facts.translationOf) versions.push_back(&*facts.translationOf);
  for (const TranslationLink& version : facts.translations) versions.push_back(&version);
  if (versions.empty()) return;
  if (!ownUrl.empty()) facts.alternates.push_back(HreflangAlternate{std::string(lang), std::string(ownUrl)});
  for (const TranslationLink* version : versions) {
    facts.alternates.push_back(HreflangAlternate{version->lang, version->url});
    facts.ogLocaleAlternates.push_back(openGraphLocale(version->lang));
  }
}

}  // namespace broadsheet::layout
