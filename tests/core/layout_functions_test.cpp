// The layout stage's functions called directly: pull-quote placement (against the golden fixtures),
// quote search, words, labels, dates and lists. layout_through_render_test.cpp sees them through render().
#include <catch2/catch.hpp>

#include "format/value_checks.hpp"
#include "layout/labels.hpp"
#include "layout/pullquote_placement.hpp"
#include "layout/quote_search.hpp"
#include "layout/words.hpp"
#include "test_support.hpp"

#include <sstream>

using namespace broadsheet;
using broadsheet::layout::FlowItem;
using broadsheet::layout::planPullquotes;
using broadsheet::layout::PullquoteRequest;

namespace {

std::vector<std::string> splitWords(const std::string& line) {
  std::vector<std::string> words;
  std::size_t at = 0;
  while ((at = line.find_first_not_of(' ', at)) != std::string::npos) {
    const std::size_t end = std::min(line.find(' ', at), line.size());
    words.push_back(line.substr(at, end - at));
    at = end;
  }
  return words;
}

FlowItem flowItem(const std::string& token) {
  FlowItem item;
  switch (token.at(0)) {
    case 'P': item.kind = FlowItem::Kind::Paragraph; break;
    case 'H': item.kind = FlowItem::Kind::Heading; break;
    case 'Q': item.kind = FlowItem::Kind::Quote; break;
    case 'A': item.kind = FlowItem::Kind::PullQuote; break;
    default: item.kind = FlowItem::Kind::Other; break;
  }
  const std::size_t colon = token.find(':');
  item.words = colon == std::string::npos ? 50 : std::stoul(token.substr(colon + 1));
  return item;
}

PullquoteRequest request(const std::string& token) {
  PullquoteRequest request;
  const std::size_t at = token.find('@');
  if (at != std::string::npos) request.source = std::stoul(token.substr(at + 1));
  request.aimAtSource = token.rfind("auto", 0) == 0;
  return request;
}

struct PlacementCase {
  std::string title;
  std::vector<std::string> body, quotes;
  std::string expect, reasons;
};

std::vector<PlacementCase> placementCases() {
  std::vector<PlacementCase> cases;
  std::istringstream file(test::readSourceFile("tests/core/fixtures/placement.txt"));
  for (std::string line; std::getline(file, line);) {
    const auto value = [&line](std::string_view key) {
      return line.rfind(key, 0) == 0 ? line.substr(key.size()) : std::string();
    };
    if (line.rfind("== ", 0) == 0) cases.push_back({line.substr(3), {}, {}, "", ""});
    else if (line.rfind("body:", 0) == 0) cases.back().body = splitWords(value("body:"));
    else if (line.rfind("quotes:", 0) == 0) cases.back().quotes = splitWords(value("quotes:"));
    else if (line.rfind("expect:", 0) == 0) cases.back().expect = value("expect:");
    else if (line.rfind("reasons:", 0) == 0) cases.back().reasons = value("reasons:");
  }
  return cases;
}

// The plan written the way the fixtures write it.
std::pair<std::string, std::string> describe(const PlacementCase& c) {
  std::vector<FlowItem> flow;
  for (const std::string& token : c.body) flow.push_back(flowItem(token));
  std::vector<PullquoteRequest> requests;
  for (const std::string& token : c.quotes) requests.push_back(request(token));
  const layout::PullquotePlan plan = planPullquotes(flow, requests);
  std::string order, reasons;
  for (const layout::PlacedEntry& entry : plan.order) {
    order +=
        (order.empty() ? "" : " ") + (entry.floating ? "F" + std::to_string(entry.index + 1) : c.body[entry.index]);
  }
  std::size_t anchored = 0;
  for (const std::string& token : c.body) {
    if (token[0] == 'A')
      reasons += (reasons.empty() ? "" : " ") + token.substr(0, token.find(':')) + ":" +
                 layout::reasonName(plan.anchored.at(anchored++));
  }
  for (std::size_t j = 0; j < plan.floating.size(); ++j) {
    reasons +=
        (reasons.empty() ? "" : " ") + ("F" + std::to_string(j + 1)) + ":" + layout::reasonName(plan.floating[j]);
  }
  return {order, reasons};
}

}  // namespace

TEST_CASE("pull-quote placement matches the golden fixtures", "[layout][pullquote]") {
  const auto cases = placementCases();
  REQUIRE(cases.size() >= 15);
  for (const PlacementCase& c : cases) {
    INFO(c.title);
    const auto [order, reasons] = describe(c);
    CHECK(splitWords(order) == splitWords(c.expect));
    CHECK(splitWords(reasons) == splitWords(c.reasons));
  }
}

// Every body of up to 9 items drawn from P, H, Q, A and O, with 0-3 floating pull quotes: the rules
// hold whatever the shape.
TEST_CASE("placement keeps its rules on every small body", "[layout][pullquote]") {
  constexpr FlowItem::Kind kinds[] = {FlowItem::Kind::Paragraph, FlowItem::Kind::Paragraph, FlowItem::Kind::Heading,
                                      FlowItem::Kind::Quote,     FlowItem::Kind::PullQuote, FlowItem::Kind::Other};
  std::uint32_t seed = 12345;
  const auto next = [&seed](std::uint32_t bound) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % bound;
  };
  for (int round = 0; round < 5000; ++round) {
    std::vector<FlowItem> flow(next(10));
    for (FlowItem& item : flow) item = {kinds[next(6)], 1 + next(120)};
    std::vector<PullquoteRequest> requests(next(4));
    for (PullquoteRequest& r : requests) {
      if (!flow.empty() && next(2) == 0) r.source = next(static_cast<std::uint32_t>(flow.size()));
    }
    const layout::PullquotePlan plan = planPullquotes(flow, requests);
    std::size_t paragraphs = 0;
    for (const FlowItem& item : flow) paragraphs += item.kind == FlowItem::Kind::Paragraph;
    const auto isPullquote = [&](const layout::PlacedEntry& e) {
      return e.floating || flow[e.index].kind == FlowItem::Kind::PullQuote;
    };
    const auto isParagraph = [&](const layout::PlacedEntry& e) {
      return !e.floating && flow[e.index].kind == FlowItem::Kind::Paragraph;
    };
    std::size_t placed = 0, paragraphsSoFar = 0;
    for (std::size_t at = 0; at < plan.order.size(); ++at) {
      const layout::PlacedEntry& entry = plan.order[at];
      paragraphsSoFar += isParagraph(entry);
      if (!isPullquote(entry)) continue;
      ++placed;
      CHECK(paragraphsSoFar >= 1);                                 // never before the first paragraph
      CHECK(at + 1 < plan.order.size());                           // never last
      CHECK_FALSE(isPullquote(plan.order[at + 1]));                // never next to another
      if (entry.floating) CHECK(isParagraph(plan.order[at - 1]));  // floating ones follow a paragraph
    }
    // Nothing is left out when the body has two paragraphs and no more pull quotes than paragraphs
    // other than the last item.
    std::size_t places = 0;
    for (std::size_t i = 0; i + 1 < flow.size(); ++i) places += flow[i].kind == FlowItem::Kind::Paragraph;
    std::size_t anchored = 0;
    for (const FlowItem& item : flow) anchored += item.kind == FlowItem::Kind::PullQuote;
    if (paragraphs >= 2 && anchored == 0 && requests.size() <= places) CHECK(placed == requests.size());
    if (paragraphs < 2) CHECK(placed == 0);
    CHECK(plan.floating.size() == requests.size());
    CHECK(plan.anchored.size() == anchored);
  }
}

TEST_CASE("word helpers", "[layout]") {
  CHECK(layout::countWords("  Kazakstan’s new military doctrine — maintains ") == 5);
  CHECK(layout::countWords("\u0421\u043B\u043E\u0432\u043E \u2026 «два»") == 2);
  CHECK(layout::normalizeForMatch("“Russia  Will”\u00A0give") == "\"russia will\" give");
  const std::string body =
      layout::normalizeForMatch("He said, “The emphasis will be on Russian technology. Russia will give discounts.”");
  CHECK(layout::QuoteMatcher("The emphasis will be on Russian technology").appearsIn(body));
  CHECK(layout::QuoteMatcher("“The emphasis will be … Russia will give discounts.”").appearsIn(body));
  CHECK_FALSE(layout::QuoteMatcher("Russia will give everything away").appearsIn(body));
}

TEST_CASE("labels and dates follow the language", "[layout]") {
  // CLDR's long dates (docs/locales.md): en is CLDR's en (US order), ru and kk have a narrow no-break space after the
  // year.
  CHECK(layout::formatDate("2007-02-20", layout::labelsFor("en")) == "February 20, 2007");
  CHECK(layout::formatDate("2007-02-20T10:00Z", layout::labelsFor("ru-RU")) == "20 февраля 2007\u202Fг.");
  CHECK(layout::formatDate("2007-02-20", layout::labelsFor("kk")) == "2007\u202Fж. 20 ақпан");
  CHECK(layout::formatDate("2024-03-10", layout::labelsFor("ar")) == "10 مارس 2024");
  CHECK(layout::formatDate("2024-13-10", layout::labelsFor("en")).empty());
  // One primary-language rule for the format stage and the labels: case-blind, "-" or "_".
  CHECK(&layout::labelsFor("RU_ru") == &layout::labelsFor("ru"));
  CHECK(&layout::labelsFor("Kk-Cyrl") == &layout::labelsFor("kk"));
  CHECK(format::primaryLanguage("AR-eg") == "ar");
  CHECK(format::isRightToLeft("ckb-IQ"));
  // A script subtag decides before the language (issue 15: a block's dir follows its lang's script).
  CHECK(format::isRightToLeft("kk-Arab-CN"));
  CHECK_FALSE(format::isRightToLeft("ug-Latn"));
  CHECK_FALSE(format::isRightToLeft("kk-Cyrl"));
  CHECK(format::isRightToLeft("ar-EG"));
  CHECK_FALSE(format::isRightToLeft("de-1996"));
  CHECK(layout::formatDate("", layout::labelsFor("en")).empty());
  CHECK(layout::labelsFor("xx").by == "By");
  CHECK(layout::labelsFor("KK-Cyrl-KZ").listAnd == " және ");
  CHECK(layout::readingTime(3, layout::labelsFor("en")) == "3 min read");
  CHECK(layout::readingTime(3, layout::labelsFor("ru")) == "3 мин чтения");
  CHECK(layout::readingTime(3, layout::labelsFor("kk")) == "3 мин оқу");
  // Arabic counts have their own forms.
  const layout::Labels& arabic = layout::labelsFor("ar");
  CHECK(layout::readingTime(1, arabic) == "دقيقة واحدة للقراءة");
  CHECK(layout::readingTime(2, arabic) == "دقيقتان للقراءة");
  CHECK(layout::readingTime(5, arabic) == "5 دقائق للقراءة");
  CHECK(layout::readingTime(11, arabic) == "11 دقيقة للقراءة");
  CHECK(layout::readingTime(100, arabic) == "100 دقيقة للقراءة");
}

TEST_CASE("lists are joined by the language's rules", "[layout]") {
  auto join = [](std::size_t count, const char* lang) {
    const std::string names[] = {"A", "B", "C", "D"};
    std::string out = names[0];
    for (std::size_t i = 1; i < count; ++i)
      out += std::string(layout::listSeparator(i - 1, count, layout::labelsFor(lang))) + names[i];
    return out;
  };
  CHECK(join(1, "en") == "A");
  CHECK(join(2, "en") == "A and B");
  CHECK(join(3, "en") == "A, B and C");
  CHECK(join(4, "ru") == "A, B, C и D");
  CHECK(join(3, "kk") == "A, B және C");
  CHECK(join(3, "ar") == "A وB وC");
}

TEST_CASE("words normalised for matching", "[layout]") {
  const std::string text = "  “Kazakstan’s  new” military\u00A0doctrine — «maintains» A\tB\n c ";
  CHECK(layout::normalizeForMatch(text) == "\"kazakstan's new\" military doctrine - \"maintains\" a b c");
  std::string appended = "kept|";
  layout::appendForMatch(appended, "  Two  words ");
  CHECK(appended == "kept|two words");
  CHECK(layout::countWords(text) == 8);  // "—" holds no letter or digit
  // Cyrillic and Latin-1 case, ё as е, soft hyphens and zero-width spaces, every dash and the Uzbek ʻ.
  CHECK(layout::normalizeForMatch("ЁЛКА Ёжик ÉTÉ") == "елка ежик été");
  CHECK(layout::normalizeForMatch("ҚАЗАҚСТАН Өзбекстан ҮЙ Ӏ") == "қазақстан өзбекстан үй ӏ");
  CHECK(layout::normalizeForMatch("меж\u00ADгосу\u00ADдар\u200Bственный") == "межгосударственный");
  CHECK(layout::normalizeForMatch("а\u2011б \u2212 в \u2013 г") == "а-б - в - г");
  CHECK(layout::normalizeForMatch("Oʻzbekiston gʼ") == "o'zbekiston g'");
}

TEST_CASE("a paraphrased pull quote's warning quotes the closest passage", "[layout][pullquote]") {
  const std::string blocks =
      R"({"type":"paragraph","text":"Вода стала главной темой переговоров."},)"
      R"({"type":"paragraph","text":"«Без договора по воде не будет и договора по энергии. Это ясно всем», — считает Динара Алимова."},)"
      R"({"type":"paragraph","text":"Третий абзац."},{"type":"pullquote","text":"Без соглашения по воде не будет договора по энергии"},)"
      R"({"type":"paragraph","text":"Четвёртый абзац."})";
  const RenderResult result = render(test::documentWith(
      blocks,
      R"("pullquotes":[{"text":"Без договора по воде НЕ БУДЕТ и договора по энергии"},{"text":"Совсем другие слова"}],)"));
  std::vector<const Diagnostic*> paraphrases;
  for (const Diagnostic& d : result.diagnostics) {
    if (d.code == "BS-PULLQUOTE-PARAPHRASE") paraphrases.push_back(&d);
  }
  // The anchored one is checked too; the listed exact one (case aside) is not reported. Diagnostics
  // come in the order of the source (here `pullquotes` comes before `body`).
  REQUIRE(paraphrases.size() == 2);
  CHECK(paraphrases[0]->path == "/pullquotes/1/text");
  CHECK(paraphrases[0]->message.find("closest passage") == std::string::npos);  // no word in common
  CHECK(paraphrases[1]->path == "/body/3/text");
  INFO(paraphrases[1]->message);
  CHECK(paraphrases[1]->message.find(
            "The closest passage is \"«Без договора по воде не будет и договора по энергии.\"") != std::string::npos);
  REQUIRE(result.meta->pullquotes.size() == 3);
  CHECK_FALSE(result.meta->pullquotes[0].inBody);
  CHECK(result.meta->pullquotes[1].inBody);
}

TEST_CASE("text search stays linear on hostile needles", "[layout]") {
  std::string haystack;
  for (int i = 0; i < 200000; ++i) haystack += "a ";
  std::string needle;
  for (int i = 0; i < 2000; ++i) needle += "a ";
  const layout::TextSearch search(needle + "b");
  std::size_t scanned = 0;
  CHECK(search.in(haystack, &scanned) == std::string_view::npos);
  CHECK(scanned == haystack.size());
  CHECK(layout::TextSearch("a b").in("a a a b") == 4);
}

TEST_CASE("quote search finds the first item holding the words, however far it has indexed", "[layout]") {
  std::vector<layout::BodyItem> body(40);
  for (std::size_t i = 0; i < body.size(); ++i) {
    body[i].text = text::Markdown("Filler paragraph number " + std::to_string(i) + ".", text::Flavor::Inline);
  }
  body[30].kind = layout::BodyItem::Kind::PullQuote;  // pull quotes are not where words are looked for
  body[30].text = text::Markdown("The needle, in plain words.", text::Flavor::Inline);
  body[35].text = text::Markdown("He said: “The *needle*, in plain words.”", text::Flavor::Inline);
  layout::QuoteSearch search(body, body.size(), 4096);

  const auto last = search.find("paragraph number 39");  // indexes the whole body
  REQUIRE(last.item.has_value());
  CHECK(*last.item == 39);
  const auto needle = search.find("“the needle, in plain words”");
  REQUIRE(needle.item.has_value());
  CHECK(*needle.item == 35);
  CHECK(*search.find("number 3").item == 3);  // the first of 3, 30... 39

  const auto across = search.find("number 7. … filler paragraph number 8");  // two fragments, two items
  CHECK_FALSE(across.item.has_value());
  CHECK(across.inBody);
  const auto paraphrase = search.find("a needle in other words");
  CHECK_FALSE(paraphrase.item.has_value());
  CHECK_FALSE(paraphrase.inBody);
}
