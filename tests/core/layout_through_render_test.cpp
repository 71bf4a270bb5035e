// The layout stage seen through render(): pull quotes in real documents, bylines, attributions,
// typography, localisation, meta and JSON-LD. layout_functions_test.cpp calls its functions directly.
#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <sstream>

using namespace broadsheet;
using broadsheet::test::countOccurrences;
using broadsheet::test::documentWith;
using broadsheet::test::findDiagnostic;
using broadsheet::test::readSourceFile;

namespace {

// A paragraph block of `words` words, the first being `first`.
std::string paragraph(const std::string& first, std::size_t words = 40) {
  std::string text = first;
  for (std::size_t i = 1; i < words; ++i) text += " word";
  return R"({"type":"paragraph","text":")" + text + R"(."})";
}

std::string paragraphs(std::size_t count, std::size_t words = 40) {
  std::string blocks;
  for (std::size_t i = 0; i < count; ++i) blocks += (i ? "," : "") + paragraph("P" + std::to_string(i + 1), words);
  return blocks;
}

// The text between <div class="bs-body"> and its end, one line per item.
std::string bodyOf(const std::string& html) {
  const std::size_t start = html.find("<div class=\"bs-body\">");
  return html.substr(start, html.find("</div>", start) - start);
}

// Index of the first line of the body holding `needle`.
std::size_t lineOf(const std::string& body, const std::string& needle) {
  const std::size_t at = body.find(needle);
  REQUIRE(at != std::string::npos);
  return static_cast<std::size_t>(std::count(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Pull quotes
// ---------------------------------------------------------------------------------------------

TEST_CASE("seed: each pull quote after the passage it repeats when a slot allows", "[layout][pullquote]") {
  const RenderResult result = render(readSourceFile("examples/nbca-russian-arms-nato.json"));
  REQUIRE(result.ok);
  const std::string body = bodyOf(result.html);
  // Poletaev's words are in his quote block; the pull quote comes after it, not before.
  const std::size_t poletaev = lineOf(body, "bs-pullquote-by\"><bdi>Eduard Poletaev");
  CHECK(poletaev > lineOf(body, "The emphasis will be on Russian technology"));
  CHECK(poletaev == lineOf(body, "can successfully manoeuver") + 1);
  // Pashevich speaks in the last paragraphs, after every slot: his goes where the spread puts it.
  const std::size_t pashevich = lineOf(body, "bs-pullquote-by\"><bdi>Colonel Sergey Pashevich");
  CHECK(pashevich == lineOf(body, "Partnership for Peace") + 1);
  CHECK(result.meta->pullquotesPlaced == 2);
  CHECK(result.meta->pullquotesDropped.empty());
  // Sides alternate, starting at the end margin.
  CHECK(body.find("bs-pullquote--end") < body.find("bs-pullquote--start"));
}

TEST_CASE("too many pull quotes: the first ones that fit are kept, the rest reported by name", "[layout][pullquote]") {
  const std::string json =
      documentWith(paragraphs(3), R"("pullquotes":[{"text":"P1 word word"},{"text":"P2 word word"},)"
                                  R"({"text":"P3 word word"},{"text":"P1 word"}],)");
  const RenderResult result = render(json);
  CHECK(result.ok);
  // Three paragraphs have two places: after the first and after the second.
  CHECK(result.meta->pullquotesPlaced == 2);
  REQUIRE(result.meta->pullquotesDropped.size() == 2);
  CHECK(result.meta->pullquotesDropped[0] == "P3 word word");
  CHECK(countOccurrences(result.html, "bs-pullquote--floating") == 2);
  std::vector<std::string> dropped;
  for (const Diagnostic& d : result.diagnostics) {
    if (d.code == "BS-PULLQUOTE-DROPPED") {
      CHECK(d.severity == Severity::Warning);
      dropped.push_back(d.path);
      CHECK(d.message.find(dropped.size() == 1 ? "\"P3 word word\" was left out: every place after a paragraph"
                                               : "\"P1 word\"") != std::string::npos);
    }
  }
  CHECK(dropped == std::vector<std::string>{"/pullquotes/2/text", "/pullquotes/3/text"});
  REQUIRE(result.meta->pullquotes.size() == 4);
  CHECK(result.meta->pullquotes[2].reason == "no-room");
  CHECK_FALSE(result.meta->pullquotes[2].placed);
  CHECK(findDiagnostic(result.diagnostics, "BS-PULLQUOTE-PARAPHRASE") == nullptr);
}

TEST_CASE("pull quotes in a body without two paragraphs in a row go after a paragraph, never next to another",
          "[layout][pullquote]") {
  // P H A Q B [anchored] C L D: the places are after P (a heading next), A (a quote next) and C (a list next).
  const std::string blocks = paragraph("P") + R"(,{"type":"heading","text":"H"},)" + paragraph("A") +
                             R"(,{"type":"quote","text":"Q"},)" + paragraph("B") +
                             R"(,{"type":"pullquote","text":"B word word"},)" + paragraph("C") +
                             R"(,{"type":"list","items":["i"]},)" + paragraph("D");
  const RenderResult result = render(documentWith(blocks, R"("pullquotes":[{"text":"A word"},{"text":"D word"}],)"));
  CHECK(result.ok);
  CHECK(result.meta->pullquotesPlaced == 3);
  CHECK(result.meta->pullquotesDropped.empty());
  const std::string body = bodyOf(result.html);
  CHECK(lineOf(body, "bs-pullquote--anchored") == lineOf(body, "<p>B word") + 1);
  // Every pull quote follows a paragraph (its line is the one after a <p> line) and precedes a
  // line that is neither a pull quote nor the end of the body.
  std::vector<std::string> lines;
  std::istringstream stream(body);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  std::size_t pullquotes = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].find("<aside class=\"bs-pullquote") == std::string::npos) continue;
    ++pullquotes;
    CHECK(lines[i - 1].rfind("<p>", 0) == 0);
    REQUIRE(i + 1 < lines.size());
    CHECK(lines[i + 1].find("bs-pullquote") == std::string::npos);
  }
  CHECK(pullquotes == 3);
  // meta says where each went, and why.
  REQUIRE(result.meta->pullquotes.size() == 3);
  CHECK(result.meta->pullquotes[0].origin == "anchored");
  CHECK(result.meta->pullquotes[0].reason == "authored");
  CHECK(result.meta->pullquotes[0].after == "/body/4");
  for (std::size_t j = 1; j < 3; ++j) {
    const PullquoteSummary& summary = result.meta->pullquotes[j];
    CHECK(summary.origin == "listed");
    CHECK(summary.reason == "after-paragraph");
    CHECK((summary.after == "/body/0" || summary.after == "/body/2" || summary.after == "/body/6"));
  }
  CHECK(result.meta->pullquotes[1].index < result.meta->pullquotes[2].index);
}

TEST_CASE("an anchored pull quote that breaks a rule moves, with a warning", "[layout][pullquote]") {
  const std::string blocks =
      R"({"type":"pullquote","text":"P2 word"},)" + paragraphs(3) + R"(,{"type":"pullquote","text":"P3 word"})";
  const RenderResult result = render(documentWith(blocks));
  CHECK(result.ok);
  CHECK(result.meta->pullquotesPlaced == 2);
  std::vector<std::string> moved;
  for (const Diagnostic& d : result.diagnostics) {
    if (d.code == "BS-PULLQUOTE-MOVED") moved.push_back(d.path);
  }
  CHECK(moved == std::vector<std::string>{"/body/0", "/body/4"});
  const std::string body = bodyOf(result.html);
  CHECK(lineOf(body, "<p>P1 word") < lineOf(body, "bs-pullquote"));  // nothing before the first paragraph
  REQUIRE(result.meta->pullquotes.size() == 2);
  CHECK(result.meta->pullquotes[0].reason == "moved");
  CHECK(result.meta->pullquotes[0].after == "/body/1");
  CHECK(result.meta->pullquotes[1].after == "/body/2");
  CHECK(result.meta->pullquotes[1].index + 1 < 5);  // not last
}

TEST_CASE("a body of one paragraph takes no pull quote, and says why", "[layout][pullquote]") {
  const std::string blocks = paragraphs(1) + R"(,{"type":"pullquote","text":"P1 word"},{"type":"heading","text":"H"})";
  const RenderResult result = render(documentWith(blocks, R"("pullquotes":[{"text":"P1 word word"}],)"));
  CHECK(result.meta->pullquotesPlaced == 0);
  std::size_t dropped = 0;
  for (const Diagnostic& d : result.diagnostics) {
    if (d.code != "BS-PULLQUOTE-DROPPED") continue;
    ++dropped;
    CHECK(d.message.find("at least two paragraphs") != std::string::npos);
  }
  CHECK(dropped == 2);
  CHECK(result.html.find("bs-pullquote") == std::string::npos);
}

TEST_CASE("pull quotes spread by words: a long opening paragraph pushes them early", "[layout][pullquote]") {
  const std::string blocks = paragraph("P1", 20) + "," + paragraph("P2", 600) + "," + paragraphs(6, 20);
  const RenderResult result = render(documentWith(blocks, R"("pullquotes":[{"text":"P2 word"}],)"));
  const std::string body = bodyOf(result.html);
  CHECK(lineOf(body, "bs-pullquote") == lineOf(body, "<p>P2 word") + 1);
}

TEST_CASE("a paraphrased pull quote is allowed but flagged", "[layout][pullquote]") {
  const RenderResult result =
      render(documentWith(paragraphs(4), R"("pullquotes":[{"text":"Words nobody said"},{"text":"P3 word… word"}],)"));
  CHECK(result.ok);
  CHECK(result.meta->pullquotesPlaced == 2);
  const Diagnostic* paraphrase = findDiagnostic(result.diagnostics, "BS-PULLQUOTE-PARAPHRASE");
  REQUIRE(paraphrase);
  CHECK(paraphrase->severity == Severity::Warning);
  CHECK(paraphrase->path == "/pullquotes/0/text");
  CHECK(countOccurrences(result.html, "aria-hidden=\"true\"") == 1);  // only the real quote
}

TEST_CASE("auto mode picks the analysts' words, 60-200 characters first, as many as fit", "[layout][pullquote]") {
  const std::string shortQuote = "Too short to pull out.";
  const std::string goodQuote = "The reservoir will be empty by August unless the upstream releases change this year.";
  const std::string longQuote = std::string(230, 'x');
  const std::string blocks =
      paragraphs(2) + "," + R"({"type":"paragraph","text":"Dr Roe said: “)" + shortQuote + R"(”"},)" + paragraphs(2) +
      "," + R"({"type":"paragraph","text":"Later, Roe added: “)" + goodQuote + R"(”"},)" + paragraphs(2) + "," +
      R"({"type":"paragraph","text":"An unnamed official said “)" + goodQuote + R"( Really.”"},)" +
      R"({"type":"quote","by":"roe","text":")" + longQuote + R"("},)" + paragraphs(2);
  const std::string analysts = R"("analysts":[{"id":"roe","name":"Jane Roe","role":"hydrologist"},)"
                               R"({"id":"never","name":"Quiet Person","role":"economist"}],)";
  const RenderResult result = render(documentWith(blocks, analysts + R"("pullquotes":"auto",)"));
  CHECK(result.ok);
  CHECK(result.diagnostics.empty());  // automatic pull quotes are never reported
  // About 400 words of body: one pull quote, the preferred length, matched by surname.
  REQUIRE(result.meta->pullquotesPlaced == 1);
  const std::string body = bodyOf(result.html);
  CHECK(body.find("<p class=\"bs-pullquote-text\">The reservoir will be empty") != std::string::npos);
  CHECK(body.find("<p class=\"bs-pullquote-by\"><bdi>Jane Roe</bdi></p>") != std::string::npos);
  // ... and placed after the paragraph it comes from.
  CHECK(lineOf(body, "bs-pullquote") > lineOf(body, "Later, Roe added"));
}

TEST_CASE("auto mode prefers whole sentences and keeps the words exactly", "[layout][pullquote]") {
  const std::string blocks =
      paragraphs(2) + "," +
      R"({"type":"paragraph","text":"“If they want to argue with our numbers, good, we will see them in the valley,” Roe said."},)" +
      paragraphs(1) + "," +
      R"({"type":"quote","by":"roe","text":"Yields fell 2 \\* 3 times_over \\[sic\\] in a year, and <b> nobody </b> noticed it."},)" +
      paragraphs(2);
  RenderResult result =
      render(documentWith(blocks, R"("analysts":[{"id":"roe","name":"Jane Roe"}],"pullquotes":"auto",)"));
  REQUIRE(result.meta->pullquotesPlaced == 1);
  CHECK(result.html.find(
            "<p class=\"bs-pullquote-text\">Yields fell 2 * 3 times_over [sic] in a year, and &lt;b&gt; nobody "
            "&lt;/b&gt; noticed\u00A0it.</p>") != std::string::npos);
  // Without the whole sentence, the span that stops at a comma is taken, without the comma.
  result = render(documentWith(
      paragraphs(2) + "," +
          R"({"type":"paragraph","text":"“If they want to argue with our numbers, good, we will see them in the valley,” Roe said."},)" +
          paragraphs(2),
      R"("analysts":[{"id":"roe","name":"Jane Roe"}],"pullquotes":"auto",)"));
  REQUIRE(result.meta->pullquotesPlaced == 1);
  CHECK(result.html.find("we will see them in the\u00A0valley</p>") != std::string::npos);
}

TEST_CASE("auto mode places one on a short piece whose analyst is named in a declined form", "[layout][pullquote]") {
  // Six paragraphs, under 300 words, no two of which leave a place the old rules allowed; the
  // analyst speaks once, briefly, and is named only in the genitive.
  const std::string blocks =
      paragraph("Первый", 30) + "," + R"({"type":"quote","text":"Цитата из документа.","attribution":"Минэнерго"},)" +
      paragraph("Второй", 30) + R"(,{"type":"heading","text":"Вода"},)" + paragraph("Третий", 30) + "," +
      R"({"type":"paragraph","text":"По словам Динары Алимовой, «воды не хватит уже в июле». Остальные эксперты молчат."},)" +
      R"({"type":"quote","text":"Ещё одна цитата.","attribution":"Минсельхоз"},)" + paragraph("Пятый", 30) + "," +
      paragraph("Шестой", 30);
  const std::string analysts =
      R"("lang":"ru","analysts":[{"id":"alimova","name":"Динара Алимова","role":"политолог"}],"pullquotes":"auto",)";
  const RenderResult result = render(documentWith(blocks, analysts));
  CHECK(result.ok);
  REQUIRE(result.meta->pullquotesPlaced == 1);
  REQUIRE(result.meta->pullquotes.size() == 1);
  const PullquoteSummary& placed = result.meta->pullquotes[0];
  CHECK(placed.text == "воды не хватит уже в июле");
  CHECK(placed.speaker == "alimova");
  CHECK(placed.origin == "auto");
  CHECK(placed.path == "/body/5");
  REQUIRE(result.meta->quotes.size() == 1);
  CHECK(result.meta->quotes[0].speaker == "alimova");
  CHECK(result.meta->quotes[0].path == "/body/5");
}

TEST_CASE("auto mode takes one pull quote per 300 words, never more than the slots", "[layout][pullquote]") {
  std::string blocks;
  for (int i = 0; i < 12; ++i) {
    blocks += (i ? "," : "") + paragraph("P" + std::to_string(i), 60) +
              R"(,{"type":"quote","by":"roe","text":"Quote number )" + std::to_string(i) +
              R"( is long enough to be a candidate for the automatic pull quotes."})";
  }
  const std::string analysts = R"("analysts":[{"id":"roe","name":"Jane Roe"}],"pullquotes":"auto",)";
  // 12 x 60 + 12 x 15 words: 900 words, so three, each after a paragraph (a quote follows it).
  RenderResult result = render(documentWith(blocks, analysts));
  CHECK(result.meta->pullquotesPlaced == 3);
  for (const PullquoteSummary& summary : result.meta->pullquotes) {
    CHECK(summary.origin == "auto");
    CHECK(summary.reason == "after-paragraph");
    CHECK(summary.speaker == "roe");
    CHECK(summary.inBody);
  }
  CHECK(result.diagnostics.empty());
  blocks += "," + paragraphs(8, 60);  // the body is now 1380 words
  result = render(documentWith(blocks, analysts));
  // Four wanted, one from each quarter of the body; the last quarter has no quotes.
  CHECK(result.meta->pullquotesPlaced == 3);
  CHECK(result.diagnostics.empty());
  CHECK(result.html.find("Quote number 0 ") != result.html.rfind("Quote number 0 "));  // first quarter
  CHECK(result.html.find("Quote number 4 ") != result.html.rfind("Quote number 4 "));  // second
  // Third quarter: 10 and 11 are a character closer to 120 than 9; the earlier wins the tie.
  CHECK(result.html.find("Quote number 10 ") != result.html.rfind("Quote number 10 "));
}

// ---------------------------------------------------------------------------------------------
// Bylines, attributions, panel
// ---------------------------------------------------------------------------------------------

TEST_CASE("bylines join names by the language's rules, with honorifics", "[layout][byline]") {
  const std::string people = R"("authors":[{"name":"Ann Writer"},{"name":"Bo Editor"}],"analysts":[)"
                             R"({"id":"a","name":"Eduard Poletaev"},{"id":"b","name":"Daur Dosybiev"},)"
                             R"({"id":"c","name":"Sergey Pashevich","honorific":"Colonel"}],)";
  const std::string person = "<span class=\"bs-person\"><bdi>";
  auto byline = [&](const std::string& lang) {
    const RenderResult result = render(documentWith(paragraphs(1), R"("lang":")" + lang + R"(",)" + people));
    const std::size_t start = result.html.find("<p class=\"bs-byline\">");
    return result.html.substr(start, result.html.find("</p>", start) - start);
  };
  const std::string en = byline("en");
  CHECK(en.find("By " + person + "Ann Writer</bdi></span> and " + person + "Bo Editor") != std::string::npos);
  CHECK(en.find("With analysis from " + person + "Eduard Poletaev</bdi></span>, " + person +
                "Daur Dosybiev</bdi></span> and " + person + "Colonel Sergey Pashevich</bdi></span>") !=
        std::string::npos);
  const std::string ru = byline("ru");
  CHECK(ru.find("Авторы: " + person) != std::string::npos);
  CHECK(ru.find("Daur Dosybiev</bdi></span> и " + person + "Colonel") != std::string::npos);
  CHECK(byline("kk").find("Daur Dosybiev</bdi></span> және " + person) != std::string::npos);
  const std::string ar = byline("ar");
  CHECK(ar.find("Eduard Poletaev</bdi></span> و" + person + "Daur Dosybiev</bdi></span> و" + person) !=
        std::string::npos);
  // One author: the singular label.
  const RenderResult single = render(documentWith(paragraphs(1), R"("lang":"ru","authors":[{"name":"Анна"}],)"));
  CHECK(single.html.find("Автор: " + person + "Анна") != std::string::npos);
}

TEST_CASE("attribution: name and role on first mention, short name after; panel lists everyone", "[layout][byline]") {
  const std::string blocks = paragraphs(1) + R"(,{"type":"quote","text":"One.","by":"dr"},)" + paragraphs(1) +
                             R"(,{"type":"quote","text":"Two.","by":"dr"},{"type":"quote","text":"Three.","by":"ec"})";
  const std::string analysts =
      R"("analysts":[{"id":"dr","name":"Ilse Marrowby","honorific":"Dr","role":"hydrologist"},)"
      R"({"id":"ec","name":"Tobias Fernhollow","role":"economist","affiliation":"Advisory"},)"
      R"({"id":"nq","name":"Never Quoted","role":"observer","url":"https://example.org/nq"}],)";
  const RenderResult result = render(documentWith(blocks, analysts));
  REQUIRE(result.ok);
  const std::string& html = result.html;
  CHECK(
      html.find(
          "\u2014 <span class=\"bs-person\"><bdi>Dr Ilse Marrowby</bdi></span>, <bdi>hydrologist</bdi></figcaption>") !=
      std::string::npos);
  CHECK(html.find("\u2014 <span class=\"bs-person\"><bdi>Dr Marrowby</bdi></span></figcaption>") != std::string::npos);
  CHECK(
      html.find(
          "\u2014 <span class=\"bs-person\"><bdi>Tobias Fernhollow</bdi></span>, <bdi>economist</bdi></figcaption>") !=
      std::string::npos);
  // The panel: every analyst, quoted or not, linked when a url is given.
  CHECK(countOccurrences(html, "<li class=\"bs-analyst\">") == 3);
  CHECK(
      html.find("<span class=\"bs-analyst-name\"><a href=\"https://example.org/nq\"><bdi>Never Quoted</bdi></a></span> "
                "<span class=\"bs-analyst-role\"><bdi>observer</bdi></span>") != std::string::npos);
  CHECK(html.find("<span class=\"bs-analyst-affiliation\"><bdi>Advisory</bdi></span>") != std::string::npos);
  CHECK(result.meta->analysts.size() == 3);
  CHECK(result.meta->analysts[0].name == "Dr Ilse Marrowby");
}

// ---------------------------------------------------------------------------------------------
// Typography
// ---------------------------------------------------------------------------------------------

TEST_CASE("quote marks follow the language, nested ones too", "[layout][typography]") {
  auto firstParagraph = [](const std::string& lang, const std::string& text) {
    const RenderResult result =
        render(documentWith(R"({"type":"paragraph","text":")" + text + R"("})", R"("lang":")" + lang + R"(",)"));
    const std::size_t start = result.html.find("<p>") + 3;
    return result.html.substr(start, result.html.find("</p>", start) - start);
  };
  CHECK(firstParagraph("en", R"(He said \"no \"never\" again\".)") ==
        "He said \u201Cno \u2018never\u2019 again\u201D.");
  CHECK(firstParagraph("ru", R"(Он сказал \"нет \"никогда\" больше\".)") ==
        "Он сказал \u00ABнет \u201Eникогда\u201C больше\u00BB.");
  CHECK(firstParagraph("kk", R"(\"Иә\")") == "\u00AB\u0418\u04D9\u00BB");
  CHECK(firstParagraph("ar", R"(قال \"نعم\")") == "قال \u00AB\u0646\u0639\u0645\u00BB");
  // Marks the author typed in the language's own style stay, and count for nesting.
  CHECK(firstParagraph("ru", "«Он сказал “нет”»") == "«Он сказал „нет“»");
  CHECK(firstParagraph("ru", "„Лапки“") == "„Лапки“");
  // Apostrophes are not quote marks.
  CHECK(firstParagraph("ru", "Kazakstan’s") == "Kazakstan’s");
}

TEST_CASE("headline and pull quotes keep their last two words together", "[layout][typography]") {
  auto headline = [](const std::string& text) {
    const RenderResult result = render(R"({"format":"broadsheet/article@1","headline":")" + text + R"(","body":"x"})");
    const std::size_t start = result.html.find("bs-headline\">") + 13;
    return result.html.substr(start, result.html.find("</h1>", start) - start);
  };
  CHECK(headline("Reliance on Russian Arms") == "Reliance on Russian\u00A0Arms");
  CHECK(headline("Two words") == "Two words");  // a pair alone is not a widow
  CHECK(headline("Ends in *short words*") == "Ends in <em>short\u00A0words</em>");
  CHECK(headline("Reliance on Russian Arms Won’t Hamper NATO Ties") ==
        "Reliance on Russian Arms Won’t Hamper NATO\u00A0Ties");
  CHECK(headline("A <b> & c") == "A &lt;b&gt; &amp;\u00A0c");  // bound before escaping, escaping intact
  CHECK(headline("Talks on Niederamerelbewässerung continue") ==
        "Talks on Niederamerelbewässerung continue");                       // too long
  CHECK(headline("of military technology.") == "of military technology.");  // 20 characters: too long
  CHECK(headline("Three `code` ends") == "Three <code>code</code>\u00A0ends");
  CHECK(headline("Three `code span here` ends") == "Three <code>code span here</code> ends");  // 19 characters
  // At most 12 characters: what the narrowest headline or pull quote line holds (docs/layout.md).
  CHECK(headline("Talks on Russian Arms") == "Talks on Russian\u00A0Arms");  // 12
  CHECK(headline("Talks on Russian Armour") == "Talks on Russian Armour");   // 14
  CHECK(headline("Визит в Москву") == "Визит в\u00A0Москву");
  CHECK(headline("Визит главы Казахстана") == "Визит главы Казахстана");  // 17

  const RenderResult result = render(documentWith(
      paragraphs(4), R"json("pullquotes":[{"text":"P2 word word word [word](https://example.org)"}],)json"));
  CHECK(result.html.find("<p class=\"bs-pullquote-text\">P2 word word word\u00A0word</p>") != std::string::npos);
}

TEST_CASE("display text gets soft hyphens in its language; body text and code do not",
          "[layout][typography][hyphenation]") {
  const std::string shy = "\u00AD";
  const std::string mezh = "Меж" + shy + "го" + shy + "су" + shy + "дар" + shy + "ствен" + shy + "ных";
  const std::string ru =
      render(
          R"({"format":"broadsheet/article@1","lang":"ru-RU","headline":"Геополитический & выбор",)"
          R"("standfirst":"Межгосударственных споров нет","body":[)"
          R"({"type":"paragraph","text":"Первый геополитический абзац."},{"type":"paragraph","text":"Второй."},)"
          R"({"type":"pullquote","text":"Межгосударственных `геополитический` связей"},{"type":"paragraph","text":"Третий."}]})")
          .html;
  CHECK(ru.find(">Гео" + shy + "по" + shy + "ли" + shy + "ти" + shy + "чес" + shy + "кий &amp;\u00A0выбор</h1>") !=
        std::string::npos);
  CHECK(ru.find("\"bs-standfirst\">" + mezh + " споров нет</p>") != std::string::npos);
  CHECK(ru.find(">" + mezh + " <code>геополитический</code> связей</p>") != std::string::npos);
  CHECK(ru.find("<p>Первый геополитический абзац.</p>") != std::string::npos);  // body: CSS hyphens:auto
  // English: no rules, no soft hyphens.
  const std::string en =
      render(R"({"format":"broadsheet/article@1","headline":"Internationalization questions","body":"x"})").html;
  CHECK(en.find(shy) == std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Localisation
// ---------------------------------------------------------------------------------------------

TEST_CASE("labels, dates and direction per language; unknown languages get English labels", "[layout][l10n]") {
  const std::string extra = R"("published":"2024-03-10","updated":"2024-03-12T08:00:00Z","note":"n","tags":["t"],)"
                            R"("analysts":[{"id":"a","name":"A B"}],)";
  auto renderIn = [&](const std::string& lang) {
    return render(documentWith(paragraphs(2), R"("lang":")" + lang + R"(",)" + extra)).html;
  };
  const std::string ar = renderIn("ar");
  CHECK(ar.rfind("<article class=\"bs-article\" lang=\"ar\" dir=\"rtl\"", 0) == 0);
  CHECK(ar.find(">10 مارس 2024</time>") != std::string::npos);
  CHECK(
      ar.find("<span class=\"bs-updated\">حُدّث في <time datetime=\"2024-03-12T08:00:00Z\">12 مارس 2024</time></span>") !=
      std::string::npos);
  CHECK(ar.find(">ملاحظة المحرر<") != std::string::npos);
  CHECK(ar.find("aria-label=\"المحللون\"") != std::string::npos);
  CHECK(ar.find(">دقيقة واحدة للقراءة<") != std::string::npos);
  const RenderResult quoted =
      render(documentWith(R"({"type":"quote","text":"نعم","by":"a"})",
                          R"("lang":"ar","analysts":[{"id":"a","name":"سامر القنديلي","role":"محلل سياسي"}],)"));
  CHECK(quoted.html.find("سامر القنديلي</bdi></span>، <bdi>محلل سياسي</bdi></figcaption>") != std::string::npos);

  const std::string ru = renderIn("ru");
  CHECK(ru.find(">10 марта 2024\u202Fг.</time>") != std::string::npos);
  CHECK(ru.find(">От редакции<") != std::string::npos);
  CHECK(ru.find("Комментарии экспертов: ") != std::string::npos);

  const std::string kk = renderIn("kk");
  CHECK(kk.find(">2024\u202Fж. 10 наурыз</time>") != std::string::npos);
  CHECK(kk.find(">Сарапшылар<") != std::string::npos);

  const std::string unknown = renderIn("tlh-Latn");
  CHECK(unknown.rfind("<article class=\"bs-article\" lang=\"tlh-Latn\" dir=\"ltr\"", 0) == 0);
  CHECK(unknown.find(">March 10, 2024</time>") != std::string::npos);
  CHECK(unknown.find("With analysis from ") != std::string::npos);
  CHECK(unknown.find("Updated <time") != std::string::npos);

  // An update on the day of publication is not worth a second date: it shows the time of day, with
  // the offset the date-time gives, when it gives one.
  const std::string sameDay =
      render(documentWith(paragraphs(2), R"("published":"2024-03-10T06:00:00Z","updated":"2024-03-10T09:00:00Z",)"))
          .html;
  CHECK(sameDay.find(
            "<span class=\"bs-updated\">Updated <time datetime=\"2024-03-10T09:00:00Z\">9:00\u202FAM GMT</time>") !=
        std::string::npos);
  const std::string kazakhTime = render(documentWith(paragraphs(2), R"("lang":"kk","published":"2024-03-10",)"
                                                                    R"("updated":"2024-03-10T14:05:30+06:00",)"))
                                     .html;
  CHECK(kazakhTime.find("Жаңартылды <time datetime=\"2024-03-10T14:05:30+06:00\">14:05 GMT+6</time>") !=
        std::string::npos);
  const std::string noOffset =
      render(documentWith(paragraphs(2), R"("published":"2024-03-10T06:00","updated":"2024-03-10T09:00",)")).html;
  CHECK(noOffset.find("bs-updated") == std::string::npos);
  const std::string sameMoment =
      render(documentWith(paragraphs(2), R"("published":"2024-03-10T06:00Z","updated":"2024-03-10T06:00Z",)")).html;
  CHECK(sameMoment.find("bs-updated") == std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Meta and JSON-LD
// ---------------------------------------------------------------------------------------------

TEST_CASE("reading time uses the language's words per minute", "[layout][meta]") {
  // 920 words (a two-word headline and nine paragraphs of 102); en reads 230 per minute.
  const std::string body = paragraphs(9, 102);
  const RenderResult en = render(documentWith(body));
  CHECK(en.meta->wordCount == 2 + 9 * 102);
  CHECK(en.meta->readingMinutes == 4);  // 920 / 230
  const RenderResult ru = render(documentWith(body, R"("lang":"ru",)"));
  CHECK(ru.meta->readingMinutes == 5);  // 920 / 180 = 5.1
  const RenderResult kk = render(documentWith(body, R"("lang":"kk",)"));
  CHECK(kk.meta->readingMinutes == 6);  // 920 / 165 = 5.6
  const RenderResult ar = render(documentWith(body, R"("lang":"ar",)"));
  CHECK(ar.meta->readingMinutes == 7);  // 920 / 140 = 6.6
  const RenderResult tiny = render(documentWith(paragraphs(1, 3)));
  CHECK(tiny.meta->readingMinutes == 1);  // never zero
  // Floating pull quotes repeat the body and are not counted again.
  const RenderResult quoted = render(documentWith(body, R"("pullquotes":[{"text":"P3 word word"}],)"));
  CHECK(quoted.meta->wordCount == en.meta->wordCount);
}

TEST_CASE("standalone JSON-LD describes the NewsArticle and cannot break out of its script", "[layout][meta]") {
  RenderOptions options;
  options.standalone = true;
  const RenderResult seed = render(readSourceFile("examples/long-analysis.json"), options);
  REQUIRE(seed.ok);
  const std::size_t start = seed.html.find("<script type=\"application/ld+json\">");
  REQUIRE(start != std::string::npos);
  const std::string jsonLd = seed.html.substr(start, seed.html.find("</script>", start) - start);
  for (const char* member :
       {"\"@type\":\"NewsArticle\"", "\"headline\":\"Who Owns the Amerel?", "\"inLanguage\":\"en\"",
        "\"datePublished\":\"2024-05-14T06:30:00Z\"", "\"dateModified\":\"2024-05-15T09:10:00+02:00\"",
        "\"author\":[{\"@type\":\"Person\",\"name\":\"Petra Lindqvist-Moor\"",
        "\"contributor\":[{\"@type\":\"Person\",\"name\":\"Ilse Marrowby\",\"honorificPrefix\":\"Dr\"",
        "\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Quillon Ledger (fictional)\"", "\"wordCount\":"}) {
    INFO(member);
    CHECK(jsonLd.find(member) != std::string::npos);
  }

  const std::string hostile =
      documentWith(paragraphs(1),
                   "\"authors\":[{\"name\":\"</script><script>alert(1)</script>\u2028\u2029\"}],"
                   "\"publisher\":{\"name\":\"<!--\"},\"section\":\"</SCRIPT >\",");
  const RenderResult escaped = render(hostile, options);
  const std::size_t at = escaped.html.find("<script type=\"application/ld+json\">");
  const std::string script = escaped.html.substr(at, escaped.html.find("</script>", at) - at);
  CHECK(script.find('<', 1) == std::string::npos);
  CHECK(script.find("\u2028") == std::string::npos);
  CHECK(script.find("\u2029") == std::string::npos);
  CHECK(script.find("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u2028\\u2029") !=
        std::string::npos);
  CHECK(countOccurrences(escaped.html, "<script") == 1);
}
