// Issue 15, points 4 and 5: corrections and updates, language versions (the switcher, JSON-LD), a
// block's own lang and dir, and display texts written in the other direction than the article.
#include <catch2/catch.hpp>

#include "layout/language_names.hpp"
#include "layout/text_direction.hpp"
#include "test_support.hpp"

using namespace broadsheet;
using test::between;
using test::codesAndPaths;
using test::countOccurrences;
using test::documentWith;

namespace {

const std::string kParagraph = R"({"type":"paragraph","text":"Words."})";

}  // namespace

TEST_CASE("corrections and updates render after the body, before the note, with localised labels",
          "[versions][pipeline]") {
  const std::string json = documentWith(kParagraph, R"("note":"A note.","corrections":[
    {"date":"2026-12-05","text":"An earlier version gave the *wrong* year."},
    {"date":"2026-12-06T09:30:00+06:00","text":"Figures for 2026 added.","kind":"update"}],)");
  const RenderResult result = render(json);
  REQUIRE(result.ok);
  CHECK(result.diagnostics.empty());
  const std::string& html = result.html;
  const std::size_t body = html.find("</div>\n<div class=\"bs-corrections\">");
  REQUIRE(body != std::string::npos);
  CHECK(body < html.find("<aside class=\"bs-note\">"));
  CHECK(html.find("<section class=\"bs-correction bs-correction--correction\"><h2 class=\"bs-correction-title\"><span "
                  "class=\"bs-correction-label\">Correction</span> <time class=\"bs-correction-date\" "
                  "datetime=\"2026-12-05\">December 5, 2026</time></h2>\n<p>An earlier version gave the <em>wrong</em> "
                  "year.</p></section>") != std::string::npos);
  CHECK(html.find("<section class=\"bs-correction bs-correction--update\"><h2 class=\"bs-correction-title\"><span "
                  "class=\"bs-correction-label\">Update</span> <time class=\"bs-correction-date\" "
                  "datetime=\"2026-12-06T09:30:00+06:00\">December 6, 2026</time></h2>") != std::string::npos);

  const RenderResult kazakh = render(documentWith(kParagraph, R"("lang":"kk","corrections":[
    {"date":"2026-12-05","text":"x"},{"date":"2026-12-05","text":"y","kind":"update"}],)"));
  CHECK(kazakh.html.find(">Түзету</span> <time class=\"bs-correction-date\" datetime=\"2026-12-05\">2026\u202Fж. 5 "
                         "желтоқсан</time>") != std::string::npos);
  CHECK(kazakh.html.find(">Жаңарту</span>") != std::string::npos);
  CHECK(render(documentWith(kParagraph, R"("lang":"ru","corrections":[{"date":"2026-12-05","text":"x"}],)"))
            .html.find(">Исправление</span>") != std::string::npos);
  CHECK(render(documentWith(kParagraph,
                            R"("lang":"ar","corrections":[{"date":"2026-12-05","text":"x","kind":"update"}],)"))
            .html.find(">تحديث</span>") != std::string::npos);
}

TEST_CASE("corrections are checked member by member, with paths", "[versions][format]") {
  const std::string json = documentWith(kParagraph, R"("corrections":[
    {"date":"2026-02-30","text":"bad day"},
    {"text":"no date"},
    {"date":"2026-12-05"},
    {"date":"2026-12-05","text":"   "},
    {"date":"2026-12-05","text":"kept as a correction","kind":"updat"},
    "not an object",
    {"date":" ","text":"blank date","when":"x"},
    {"date":"2026-12-05T25:00Z","text":"bad hour"},
    {"date":"2026-12-05","text":"[x](javascript:alert(1)) kept"}],)");
  const RenderResult result = render(json);
  CHECK(codesAndPaths(result.diagnostics) == std::vector<std::string>{
                                                 "BS-DATE /corrections/0/date",
                                                 "BS-REQUIRED /corrections/1/date",
                                                 "BS-REQUIRED /corrections/2/text",
                                                 "BS-EMPTY /corrections/3/text",
                                                 "BS-VALUE /corrections/4/kind",
                                                 "BS-TYPE /corrections/5",
                                                 "BS-EMPTY /corrections/6/date",
                                                 "BS-UNKNOWN-MEMBER /corrections/6/when",
                                                 "BS-DATE /corrections/7/date",
                                                 "BS-URL-SCHEME /corrections/8/text",
                                             });
  CHECK(result.diagnostics[4].message.find("did you mean `update`?") != std::string::npos);
  CHECK(countOccurrences(result.html, "<section class=\"bs-correction ") == 2);
  CHECK(result.html.find("bs-correction--correction\"><h2 class=\"bs-correction-title\"><span "
                         "class=\"bs-correction-label\">Correction</span> <time class=\"bs-correction-date\" "
                         "datetime=\"2026-12-05\">December 5, 2026</time></h2>\n<p>kept as a correction</p>") !=
        std::string::npos);
  CHECK(result.html.find("javascript") == std::string::npos);

  const std::string wrongType = documentWith(kParagraph, R"("corrections":{"date":"2026-12-05"},)");
  CHECK(codesAndPaths(validate(wrongType)) == std::vector<std::string>{"BS-TYPE /corrections"});
  std::string many = R"("corrections":[)";
  for (int i = 0; i < 101; ++i) many += std::string(i ? "," : "") + R"({"date":"2026-12-05","text":"c"})";
  const RenderResult capped = render(documentWith(kParagraph, many + "],"));
  CHECK(codesAndPaths(capped.diagnostics) == std::vector<std::string>{"BS-LIMIT /corrections"});
  CHECK(countOccurrences(capped.html, "<section class=\"bs-correction ") == 100);
}

TEST_CASE("corrections are listed in JSON-LD as CorrectionComment; updates are not", "[versions][pipeline]") {
  RenderOptions standalone;
  standalone.standalone = true;
  const std::string html = render(documentWith(kParagraph, R"("corrections":[
    {"date":"2026-12-05","text":"The **mayor** said </script> it."},
    {"date":"2026-12-06","text":"An update.","kind":"update"}],)"),
                                  standalone)
                               .html;
  CHECK(
      html.find(
          R"(,"correction":[{"@type":"CorrectionComment","text":"The mayor said \u003c/script\u003e it.","datePublished":"2026-12-05"}])") !=
      std::string::npos);
  CHECK(html.find("An update.\"") == std::string::npos);
  CHECK(countOccurrences(html, "</script>") == 1);
}

TEST_CASE("translations: a language switcher with each language named in itself", "[versions][pipeline]") {
  const std::string json = documentWith(kParagraph, R"("lang":"ru","translations":[
    {"lang":"kk","url":"https://example.org/kk/1","headline":"Қазақша тақырып"},
    {"lang":"ar","url":"/ar/1"},
    {"lang":"x-klingon","url":"https://example.org/x"},
    {"lang":"kk-Latn","url":"https://example.org/kk-latn/1"},
    {"lang":"en-GB","url":"https://example.org/en/1"}],)");
  const RenderResult result = render(json);
  CHECK(codesAndPaths(result.diagnostics) == std::vector<std::string>{"BS-LANG /translations/2/lang"});
  const std::string nav = between(result.html, "<nav", "</nav>");
  CHECK(
      nav ==
      "<nav class=\"bs-translations\" aria-label=\"На других языках:\"><span class=\"bs-translations-label\" "
      "aria-hidden=\"true\">На других языках:</span> <ul class=\"bs-translation-list\">"
      "<li><a class=\"bs-translation\" href=\"https://example.org/kk/1\" rel=\"alternate\" hreflang=\"kk\" lang=\"kk\" "
      "dir=\"ltr\">қазақ тілі</a></li>"
      "<li><a class=\"bs-translation\" href=\"/ar/1\" rel=\"alternate\" hreflang=\"ar\" lang=\"ar\" "
      "dir=\"rtl\">العربية</a></li>"
      "<li><a class=\"bs-translation\" href=\"https://example.org/kk-latn/1\" rel=\"alternate\" hreflang=\"kk-Latn\" "
      "lang=\"kk-Latn\" dir=\"ltr\">qazaq tılı</a></li>"
      "<li><a class=\"bs-translation\" href=\"https://example.org/en/1\" rel=\"alternate\" hreflang=\"en-GB\" "
      "lang=\"en-GB\" "
      "dir=\"ltr\">English</a></li></ul></nav>");
  // In the header, after the date line and before the lead image.
  CHECK(result.html.find("<nav class=\"bs-translations\"") > result.html.find("<p class=\"bs-meta\">"));
  CHECK(result.html.find("<nav class=\"bs-translations\"") < result.html.find("</header>"));
  CHECK(render(documentWith(kParagraph)).html.find("bs-translations") == std::string::npos);
}

TEST_CASE("translations: duplicates and the article's own language are warnings; bad URLs errors",
          "[versions][format]") {
  const std::string json = documentWith(kParagraph, R"("lang":"kk","translations":[
    {"lang":"ru","url":"https://example.org/ru"},
    {"lang":"KK","url":"https://example.org/kk"},
    {"lang":"RU","url":"https://example.org/ru2"},
    {"lang":"uz-Cyrl","url":"javascript:alert`1`"},
    {"url":"https://example.org/none"},
    {"lang":"tg","url":"   "},
    {"lang":"tg","url":"https://example.org/tg","headline":"Сарлавҳа\u202E","hreflang":"tg"}],)");
  const RenderResult result = render(json);
  CHECK(codesAndPaths(result.diagnostics) == std::vector<std::string>{
                                                 "BS-TRANSLATION-LANG /translations/1/lang",
                                                 "BS-TRANSLATION-LANG /translations/2/lang",
                                                 "BS-URL-SCHEME /translations/3/url",
                                                 "BS-REQUIRED /translations/4/lang",
                                                 "BS-EMPTY /translations/5/url",
                                                 "BS-BIDI /translations/6/headline",
                                                 "BS-UNKNOWN-MEMBER /translations/6/hreflang",
                                             });
  CHECK(result.diagnostics[0].severity == Severity::Warning);
  CHECK(result.diagnostics[0].message.find("the article's own language") != std::string::npos);
  CHECK(result.diagnostics[1].message.find("an earlier entry") != std::string::npos);
  CHECK(countOccurrences(result.html, "class=\"bs-translation\"") == 2);
  CHECK(result.html.find("javascript") == std::string::npos);
}

TEST_CASE("translations and translationOf in JSON-LD", "[versions][pipeline]") {
  RenderOptions standalone;
  standalone.standalone = true;
  const std::string json = documentWith(kParagraph, R"("lang":"en","translations":[
    {"lang":"kk","url":"https://example.org/kk/1","headline":"Қазақша </script>"}],
    "translationOf":{"lang":"ru","url":"https://example.org/ru/1"},)");
  const RenderResult result = render(json, standalone);
  REQUIRE(result.ok);
  CHECK(
      result.html.find(
          R"(,"workTranslation":[{"@type":"NewsArticle","url":"https://example.org/kk/1","inLanguage":"kk","headline":"Қазақша \u003c/script\u003e"}],"translationOfWork":{"@type":"NewsArticle","url":"https://example.org/ru/1","inLanguage":"ru"})") !=
      std::string::npos);
  const auto bad =
      validate(documentWith(kParagraph, R"("translationOf":{"lang":"r u","url":"data:x","headline":"h"},)"));
  CHECK(codesAndPaths(bad) == std::vector<std::string>{"BS-LANG /translationOf/lang",
                                                       "BS-URL-SCHEME /translationOf/url",
                                                       "BS-UNKNOWN-MEMBER /translationOf/headline"});
  CHECK(codesAndPaths(validate(documentWith(kParagraph, R"("translationOf":{"lang":"ru"},)"))) ==
        std::vector<std::string>{"BS-REQUIRED /translationOf/url"});
}

TEST_CASE("any block may carry lang and dir; dir follows lang's script", "[versions][pipeline]") {
  const std::string json = documentWith(
      R"({"type":"paragraph","text":"English.","lang":"en"},
         {"type":"paragraph","text":"مرحبا","lang":"ar"},
         {"type":"heading","text":"Қазақша","lang":"kk-Cyrl","dir":"auto"},
         {"type":"quote","text":"«Сөз»","lang":"kk","dir":"rtl"},
         {"type":"list","items":["a"],"lang":"az-Arab"},
         {"type":"note","text":"n","dir":"ltr"},
         {"type":"image","src":"https://example.org/a.png","alt":"a","width":4,"height":3,"lang":"fa"},
         {"type":"divider","lang":"en"},
         {"type":"markdown","text":"Para one.\n\n## Head\n\n- item\n\n> quoted\n\n    code","lang":"he"},
         {"type":"paragraph","text":"p","lang":"english","dir":"sideways"},
         {"type":"pullquote","text":"Words","lang":"ar"})");
  const RenderResult result = render(json);
  CHECK(codesAndPaths(result.diagnostics) == std::vector<std::string>{"BS-LANG /body/9/lang", "BS-VALUE /body/9/dir",
                                                                      "BS-PULLQUOTE-MOVED /body/10",
                                                                      "BS-PULLQUOTE-PARAPHRASE /body/10/text"});
  const std::string& html = result.html;
  CHECK(html.find("<p lang=\"en\">English.</p>") != std::string::npos);
  CHECK(html.find("<p lang=\"ar\" dir=\"rtl\">مرحبا</p>") != std::string::npos);
  CHECK(html.find("<h2 class=\"bs-heading bs-heading--2\" lang=\"kk-Cyrl\">Қазақша</h2>") != std::string::npos);
  CHECK(html.find("<figure class=\"bs-quote\" lang=\"kk\" dir=\"rtl\">") != std::string::npos);
  CHECK(html.find("<ul class=\"bs-list\" lang=\"az-Arab\" dir=\"rtl\">") != std::string::npos);
  CHECK(html.find("<aside class=\"bs-callout\" dir=\"ltr\">") != std::string::npos);
  CHECK(html.find("<figure class=\"bs-figure\" lang=\"fa\" dir=\"rtl\">") != std::string::npos);
  CHECK(html.find("<hr class=\"bs-divider\" lang=\"en\">") != std::string::npos);
  CHECK(html.find("<p lang=\"he\" dir=\"rtl\">Para one.</p>") != std::string::npos);
  CHECK(html.find("bs-heading--3\" lang=\"he\" dir=\"rtl\">Head</h") != std::string::npos);
  CHECK(html.find("<ul class=\"bs-list\" lang=\"he\" dir=\"rtl\">\n<li>item</li>") != std::string::npos);
  CHECK(html.find("<blockquote class=\"bs-blockquote\" lang=\"he\" dir=\"rtl\">\n<p>quoted</p>") != std::string::npos);
  CHECK(html.find("<pre class=\"bs-code\" lang=\"he\" dir=\"rtl\"><code>") != std::string::npos);
  CHECK(html.find("<p>p</p>") != std::string::npos);  // bad lang and dir: the article's
  CHECK(html.find("bs-pullquote--anchored\" lang=\"ar\" dir=\"rtl\">") != std::string::npos);
  // In an Arabic article an English block states ltr, and an Arabic one needs no dir.
  const std::string arabic =
      render(
          documentWith(
              R"({"type":"paragraph","text":"English","lang":"en"},{"type":"paragraph","text":"عربي","lang":"ar-EG"})",
              R"("lang":"ar",)"))
          .html;
  CHECK(arabic.find("<p lang=\"en\" dir=\"ltr\">English</p>") != std::string::npos);
  CHECK(arabic.find("<p lang=\"ar-EG\">عربي</p>") != std::string::npos);
}

TEST_CASE("a headline or standfirst in the other direction states its own", "[versions][layout]") {
  const RenderResult english =
      render(documentWith(kParagraph, R"("headline":"هل تتغير السياسة؟","standfirst":"تحليل **جديد** لعلاقات NATO",)"));
  CHECK(english.html.find("<h1 class=\"bs-headline\" dir=\"rtl\">") != std::string::npos);
  CHECK(english.html.find("<p class=\"bs-standfirst\" dir=\"rtl\">") != std::string::npos);
  const RenderResult arabic =
      render(documentWith(kParagraph, R"("lang":"ar","headline":"NATO and Kazakhstan: what changes?","standfirst":"نص")"
                                      R"(,)"));
  CHECK(arabic.html.find("<h1 class=\"bs-headline\" dir=\"ltr\">") != std::string::npos);
  CHECK(arabic.html.find("<p class=\"bs-standfirst\">") != std::string::npos);
  // An English headline that opens with an Arabic name keeps the article's direction.
  const RenderResult name = render(documentWith(kParagraph, R"("headline":"القنديلي says the talks went well",)"));
  CHECK(name.html.find("<h1 class=\"bs-headline\">") != std::string::npos);
}

TEST_CASE("textDirection counts words by their first letter", "[versions][layout]") {
  CHECK(layout::textDirection("") == "");
  CHECK(layout::textDirection("2026 — 12!") == "");
  CHECK(layout::textDirection("Hello") == "ltr");
  CHECK(layout::textDirection("Сәлем әлем") == "ltr");
  CHECK(layout::textDirection("مرحبا بالعالم") == "rtl");
  CHECK(layout::textDirection("שלום") == "rtl");
  CHECK(layout::textDirection("NATO تغير السياسة") == "rtl");
  CHECK(layout::textDirection("سامر says hello") == "ltr");
  CHECK(layout::textDirection("سامر Smith") == "rtl");  // a tie: the first letter
  CHECK(layout::textDirection("«2026» Smith") == "ltr");
  CHECK(layout::textDirection("\xFF\xFE abc") == "ltr");  // malformed bytes have no direction
}

TEST_CASE("nativeLanguageName: the issue's locales, by language and script", "[versions][layout]") {
  CHECK(layout::nativeLanguageName("kk") == "қазақ тілі");
  CHECK(layout::nativeLanguageName("kk-Cyrl-KZ") == "қазақ тілі");
  CHECK(layout::nativeLanguageName("KK-latn") == "qazaq tılı");
  CHECK(layout::nativeLanguageName("uz") == "o‘zbek");
  CHECK(layout::nativeLanguageName("uz-Latn") == "o‘zbek");
  CHECK(layout::nativeLanguageName("uz-Cyrl") == "ўзбекча");
  CHECK(layout::nativeLanguageName("ru-RU") == "русский");
  CHECK(layout::nativeLanguageName("zh-Hant-TW") == "中文");
  CHECK(layout::nativeLanguageName("en_US") == "English");
  CHECK(layout::nativeLanguageName("uz_cyrl_UZ") == "ўзбекча");
  CHECK(layout::nativeLanguageName("kk-Latn-KZ") == "qazaq tılı");
  CHECK(layout::nativeLanguageName("kk-KZ") == "қазақ тілі");
  for (const char* tag : {"en", "ru", "uk", "kk", "ky", "uz", "tg", "tk", "tr", "fa", "ps", "ar", "zh"}) {
    CHECK_FALSE(layout::nativeLanguageName(tag).empty());
  }
  CHECK(layout::nativeLanguageName("de").empty());
  CHECK(layout::nativeLanguageName("").empty());
}

TEST_CASE("a block in another language quotes with its language's marks and hyphenates by its rules",
          "[versions][layout]") {
  const std::string html =
      render(
          documentWith(
              R"({"type":"paragraph","text":"He said \"yes\"."},{"type":"paragraph","text":"Ол \"иә\" деді.","lang":"kk"},)"
              R"({"type":"paragraph","text":"قال \"نعم\".","lang":"ar"},{"type":"paragraph","text":"Она \"да\".","lang":"ru-RU"})"))
          .html;
  CHECK(html.find("<p>He said \u201Cyes\u201D.</p>") != std::string::npos);
  CHECK(html.find("<p lang=\"kk\">Ол \u00ABиә\u00BB деді.</p>") != std::string::npos);
  CHECK(html.find("<p lang=\"ar\" dir=\"rtl\">قال \u00ABنعم\u00BB.</p>") != std::string::npos);
  CHECK(html.find("<p lang=\"ru-RU\">Она \u00ABда\u00BB.</p>") != std::string::npos);
  // In a Russian article, a Kazakh block has the same marks: nothing to change.
  const std::string russian =
      render(documentWith(R"({"type":"paragraph","text":"Ол \"иә\" деді.","lang":"kk"})", R"("lang":"ru",)")).html;
  CHECK(russian.find("<p lang=\"kk\">Ол \u00ABиә\u00BB деді.</p>") != std::string::npos);
  // An anchored pull quote in Kazakh inside an English article gets Kazakh soft hyphens.
  const std::string pullquote =
      render(
          documentWith(
              R"({"type":"paragraph","text":"One."},{"type":"pullquote","text":"мемлекеттерінің қауіпсіздігі","lang":"kk"},)"
              R"({"type":"paragraph","text":"Two."})"))
          .html;
  CHECK(pullquote.find("мем\u00ADле\u00ADкет\u00ADте\u00ADрі\u00ADнің") != std::string::npos);
}
