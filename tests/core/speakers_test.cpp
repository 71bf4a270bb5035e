// Speaker recognition: analysts named in any grammatical form, and inline quotes tied to them.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

#include "layout/speakers.hpp"

using broadsheet::layout::attributeInlineQuotes;
using broadsheet::layout::InlineQuote;
using broadsheet::layout::SpeakerName;

namespace {

constexpr const char* kNone = "(none)";

// One row: the registry's name, a sentence, and the word expected as the first mention (kNone: none).
struct MentionRow {
  const char* name;
  const char* text;
  const char* mention;
};

std::string firstMention(const MentionRow& row) {
  const std::string_view text = row.text;
  const std::size_t position = SpeakerName(row.name).firstMentionIn(text);
  if (position == std::string_view::npos) return kNone;
  // The expected word's length of text from there (or up to the next space), to compare with it.
  const std::size_t length = row.mention == kNone ? text.find(' ', position) - position : std::strlen(row.mention);
  return std::string(text.substr(position, length));
}

template <std::size_t N>
void checkMentions(const MentionRow (&rows)[N]) {
  for (const MentionRow& row : rows) {
    INFO(row.name << " in: " << row.text);
    CHECK(firstMention(row) == row.mention);
  }
}

std::string quoted(std::string_view paragraph, const InlineQuote& quote) {
  return std::string(paragraph.substr(quote.begin, quote.end - quote.begin));
}

}  // namespace

TEST_CASE("Russian surnames and first names are found in every case", "[speakers]") {
  const MentionRow rows[] = {
      {"Динара Алимова", "Об этом рассказала Алимова.", "Алимова"},
      {"Динара Алимова", "По словам Динары Алимовой, рост замедлится.", "Алимовой"},
      {"Динара Алимова", "Эксперты спросили Алимову о налогах.", "Алимову"},
      {"Динара Алимова", "Разговор с Алимовою был долгим.", "Алимовою"},
      {"Динара Алимова", "ПО СЛОВАМ АЛИМОВОЙ, всё решено.", "АЛИМОВОЙ"},
      {"Динара Алимова", "Как считает Алимо\u0301вой известно", "Алимо\u0301вой"},
      {"Ерлан Алимов", "Позиция Алимова не изменилась.", "Алимова"},
      {"Ерлан Алимов", "Интервью с Алимовым вышло вчера.", "Алимовым"},
      {"Ерлан Алимов", "Как сообщил Алимову источник, сделка сорвалась.", "Алимову"},
      {"Ерлан Алимов", "В статье об Алимове сказано немного.", "Алимове"},
      {"Олег Вишневский", "Мнение Вишневского разделяют не все.", "Вишневского"},
      {"Олег Вишневский", "Журналисты обратились к Вишневскому.", "Вишневскому"},
      {"Олег Вишневский", "Мы говорили с Вишневским.", "Вишневским"},
      {"Олег Вишневский", "О Вишневском писали многие.", "Вишневском"},
      {"Анна Вишневская", "По мнению Вишневской, спад продлится.", "Вишневской"},
      {"Анна Вишневская", "Редакция попросила Вишневскую ответить.", "Вишневскую"},
      {"Пётр Королёв", "По данным Королева, экспорт вырос.", "Королева"},
      {"Марат Султанбеков", "С Султанбековым согласны не все.", "Султанбековым"},
      {"Бакыт Жумабай", "По словам Жумабая, цены вырастут.", "Жумабая"},
      {"Бакыт Жумабай", "Мы встретились с Жумабаем.", "Жумабаем"},
      {"Тимур Карин", "Спор с Карином затянулся.", "Карином"},
      {"Тарас Шевченко", "По словам Шевченко, реформа запоздала.", "Шевченко"},
      {"Тарас Шевченко", "Тараса это не удивило.", "Тараса"},
      {"Ольга Черных", "Как отметила Черных, рынок остыл.", "Черных"},
      {"Динара", "Мы спросили Динару об этом.", "Динару"},
      {"Динара", "С Динарой согласны коллеги.", "Динарой"},
      {"Мария", "Позиция Марии известна.", "Марии"},
      {"Мария", "Вместе с Марией работают трое.", "Марией"},
      {"Ерлан", "У Ерлана другое мнение.", "Ерлана"},
      {"Ерлан", "Вместе с Ерланом мы обсудили отчёт.", "Ерланом"},
      {"Андрей", "Мы позвонили Андрею вечером.", "Андрею"},
      {"Андрей", "С Андреем спорить трудно.", "Андреем"},
      {"Игорь", "По мнению Игоря, это ошибка.", "Игоря"},
      {"Нургуль", "Отчёт Нургули вышел в мае.", "Нургули"},
      {"Нургуль", "Мы поговорили с Нургулью.", "Нургулью"},
  };
  checkMentions(rows);
}

TEST_CASE("Ukrainian and Belarusian forms are found", "[speakers]") {
  const MentionRow rows[] = {
      {"Динара Алимова", "За словами Алимової, ціни зростуть.", "Алимової"},
      {"Динара Алимова", "Журналісти написали Алимовій листа.", "Алимовій"},
      {"Ерлан Алимов", "Ми надіслали Алимові запитання.", "Алимові"},
      {"Ерлан Алимов", "Розмова з Алимовим тривала годину.", "Алимовим"},
      {"Олег Вишневський", "На думку Вишневського, криза минула.", "Вишневського"},
      {"Ганна Вишневська", "За словами Вишневської, криза минула.", "Вишневської"},
      {"Тарас Шевченко", "За словами Шевченка, реформа запізнилася.", "Шевченка"},
      {"Динара", "Ми запитали Динари думку.", "Динари"},
      {"Динара", "Подякували Динарі за відповідь.", "Динарі"},
      {"Марія", "Ми поговорили з Марією.", "Марією"},
      {"Андрій", "Думка Андрія відома.", "Андрія"},
      {"Аляксандр Алімаў", "Паводле Алімава, цэны вырастуць.", "Алімава"},
      {"Аляксандр Алімаў", "Мы размаўлялі з Алімавым.", "Алімавым"},
      {"Вольга Алімава", "Паводле Алімавай, цэны вырастуць.", "Алімавай"},
      {"Алег Вішнеўскі", "Паводле Вішнеўскага, крызіс мінуў.", "Вішнеўскага"},
      {"Ганна Вішнеўская", "Паводле Вішнеўскай, крызіс мінуў.", "Вішнеўскай"},
  };
  checkMentions(rows);
}

TEST_CASE("Kazakh and Kyrgyz case suffixes are found on any stem", "[speakers]") {
  const MentionRow rows[] = {
      {"Динара Алимова", "Алимованың айтуынша, бағалар өседі.", "Алимованың"},
      {"Динара Алимова", "Біз Алимоваға хат жаздық.", "Алимоваға"},
      {"Динара Алимова", "Алимовамен сұхбат жарияланды.", "Алимовамен"},
      {"Ерлан Алимов", "Алимовтың пікірінше, реформа кешікті.", "Алимовтың"},
      {"Ерлан Алимов", "Біз Алимовқа сұрақ қойдық.", "Алимовқа"},
      {"Ерлан", "Ерланның ойынша, бәрі дұрыс.", "Ерланның"},
      {"Айгүл Сәрсенова", "Сәрсенованың баяндамасы.", "Сәрсенованың"},
      {"Нұрлан Қасымов", "ҚАСЫМОВТЫҢ айтуынша, бәрі дұрыс.", "ҚАСЫМОВТЫҢ"},
      {"Бакыт Алымов", "Алымовдун айтымында, баалар өсөт.", "Алымовдун"},
      {"Бакыт Алымов", "Биз Алымовго кат жаздык.", "Алымовго"},
      {"Бакыт Алымов", "Бул тууралуу Алымовдон сурадык.", "Алымовдон"},
      {"Айгүл Алымова", "Алымованын пикиринде, реформа кечикти.", "Алымованын"},
      {"Айгүл Алымова", "Алымова менен маек жарыяланды.", "Алымова"},
      {"Нурлан Бекмурат уулу", "Бекмураттын айтымында, баары жакшы.", "Бекмураттын"},
  };
  checkMentions(rows);
}

TEST_CASE("Uzbek (Cyrillic and Latin), Tajik and English forms are found", "[speakers]") {
  const MentionRow rows[] = {
      {"Дилноза Каримова", "Каримованинг фикрича, ислоҳот кечикмоқда.", "Каримованинг"},
      {"Дилноза Каримова", "Биз Каримовага савол бердик.", "Каримовага"},
      {"Шавкат Каримов", "Каримовнинг сўзларига кўра, нархлар ошади.", "Каримовнинг"},
      {"Ғайрат Ўринов", "Ўриновдан сўрадик.", "Ўриновдан"},
      {"Dilnoza Karimova", "Karimovaning fikricha, islohot kechikmoqda.", "Karimovaning"},
      {"Dilnoza Karimova", "Biz Karimovaga savol berdik.", "Karimovaga"},
      {"G\u02BBayrat O\u02BBrinov", "O'rinovning so'zlariga ko'ra, narxlar oshadi.", "O'rinovning"},
      {"G\u02BBayrat O\u02BBrinov", "Biz O\u2018rinovdan so\u2018radik.", "O\u2018rinovdan"},
      {"Шаҳло Алимова", "Мо Алимова-ро пурсидем.", "Алимова-ро"},
      {"Ҷамшед Раҳмонов", "Мо Раҳмоновро дидем.", "Раҳмоновро"},
      {"Ҷамшед Раҳмонов", "Ба гуфтаи Раҳмонов, нархҳо боло мераванд.", "Раҳмонов"},
      {"Ҷамшед Раҳмонов", "Андешаи Раҳмонови коршинос.", "Раҳмонови"},
      {"Ҷамшед Раҳмонӣ", "Мо Ҷамшедро дидем.", "Ҷамшедро"},
      {"Dinara Alimova", "In Alimova's view, prices will rise.", "Alimova's"},
      {"Dinara Alimova", "Prices will rise, Alimova said.", "Alimova"},
  };
  checkMentions(rows);
}

TEST_CASE("other people and other words are not taken for the analyst", "[speakers]") {
  const MentionRow rows[] = {
      {"Иван", "Об этом сказала Иванова.", kNone},
      {"Иван Шевченко", "Иванова это не удивило.", kNone},
      {"Динара Алимова", "Об этом сказал Алимов.", kNone},
      {"Динара Алимова", "Динара согласилась не сразу.", kNone},
      {"Динара Алимова", "Фамилия алимова написана строчными.", kNone},
      {"Динара Алимова", "Это сказала Алимовская.", kNone},
      {"Динара Алимова", "Пришла Алимова-Петрова.", kNone},
      {"Ерлан Алимов", "Интервью с Алимовой вышло вчера.", kNone},
      {"Ерлан Алимов", "Семья Алимовых переехала.", kNone},
      {"Ерлан Алимов", "Об этом сообщил Салимов.", kNone},
      {"Бакыт Алымов", "Об этом сообщил Алимов.", kNone},
      {"Олег Вишневский", "По мнению Вишневской, спад продлится.", kNone},
      {"Анна Вишневская", "Об этом сказал Вишневский.", kNone},
      {"Карим", "Каримова не согласна.", kNone},
      {"Карим", "Каримов не согласен.", kNone},
      {"Ерлан", "Ерланов не согласен.", kNone},
      {"Ерлан", "Ерланбек не согласен.", kNone},
      {"Асан", "Асанова не согласна.", kNone},
      {"Нур", "Нурсултан изменился.", kNone},
      {"Роза", "В саду расцвела роза.", kNone},
      {"Dilnoza Karimova", "Karimovich did not agree.", kNone},
      {"Dinara Alimova", "the alimova variety", kNone},
      {"", "Алимова сказала.", kNone},
  };
  checkMentions(rows);
}

TEST_CASE("a mention is found in time linear in a long hostile text", "[speakers]") {
  std::string text;
  for (int k = 0; k < 200000; ++k) text += "Алимовых Алимовск ";
  const std::size_t expected = text.size();
  text += "Алимовой";
  text.insert(0, std::string(100000, '-'));
  CHECK(SpeakerName("Динара Алимова").firstMentionIn(text) == expected + 100000);
  CHECK_FALSE(SpeakerName("Динара Алимова").namedIn(std::string(1000000, 'A')));
}

TEST_CASE("quotes are attributed in time linear in a long paragraph", "[speakers]") {
  std::string paragraph;
  constexpr std::size_t kQuotes = 50000;
  for (std::size_t k = 0; k < kQuotes; ++k) paragraph += "«Цитата», — сказала Алимова. ";
  paragraph += std::string(200000, '.');  // then 100000 opening marks, each nested in the one before
  for (std::size_t k = 0; k < 100000; ++k) paragraph += "«";
  const auto quotes = attributeInlineQuotes(paragraph, {SpeakerName("Ерлан Сатпаев"), SpeakerName("Динара Алимова")});
  REQUIRE(quotes.size() == kQuotes + 1);
  CHECK(quotes[kQuotes - 1].speaker == std::optional<std::size_t>(1));
}

TEST_CASE("an inline quote goes to the analyst named after it in its sentence", "[speakers]") {
  const std::vector<SpeakerName> speakers{SpeakerName("Динара Алимова"), SpeakerName("Ерлан Сатпаев")};
  SECTION("ru") {
    const std::string paragraph =
        "Сатпаев ждёт роста. «Рост цен замедлится только к осени», — считает политолог Динара Алимова.";
    const auto quotes = attributeInlineQuotes(paragraph, speakers);
    REQUIRE(quotes.size() == 1);
    CHECK(quoted(paragraph, quotes[0]) == "Рост цен замедлится только к осени");
    CHECK(quotes[0].speaker == std::optional<std::size_t>(0));
  }
  SECTION("ru, after an initial") {
    const std::string paragraph = "«Цены вырастут», — считает политолог Д. Алимова. Сатпаев не согласен.";
    const auto quotes = attributeInlineQuotes(paragraph, speakers);
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == std::optional<std::size_t>(0));
  }
  SECTION("kk") {
    const std::string paragraph = "«Инфляция биыл төмендейді», — деді саясаттанушы Ерлан Сатпаев.";
    const auto quotes = attributeInlineQuotes(paragraph, speakers);
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == std::optional<std::size_t>(1));
  }
  SECTION("ky") {
    const std::vector<SpeakerName> kyrgyz{SpeakerName("Айгүл Алымова"), SpeakerName("Бакыт Алымов")};
    const std::string paragraph = "«Баалар дагы өсөт», — деди саясат таануучу Бакыт Алымов.";
    const auto quotes = attributeInlineQuotes(paragraph, kyrgyz);
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == std::optional<std::size_t>(1));
  }
  SECTION("uz") {
    const std::vector<SpeakerName> uzbek{SpeakerName("Шавкат Юсупов"), SpeakerName("Дилноза Каримова")};
    const std::string paragraph = "«Нархлар яна ошади», — деди сиёсатшунос Дилноза Каримова.";
    const auto quotes = attributeInlineQuotes(paragraph, uzbek);
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == std::optional<std::size_t>(1));
  }
  SECTION("tg") {
    const std::vector<SpeakerName> tajik{SpeakerName("Шаҳло Алимова"), SpeakerName("Ҷамшед Раҳмонов")};
    const std::string paragraph = "«Нархҳо боз боло мераванд», — гуфт коршинос Ҷамшед Раҳмонов.";
    const auto quotes = attributeInlineQuotes(paragraph, tajik);
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == std::optional<std::size_t>(1));
  }
  SECTION("en") {
    const std::vector<SpeakerName> english{SpeakerName("Erlan Satpayev"), SpeakerName("Dinara Alimova")};
    const std::string paragraph = "\u201CPrices will keep rising,\u201D said analyst Dinara Alimova.";
    const auto quotes = attributeInlineQuotes(paragraph, english);
    REQUIRE(quotes.size() == 1);
    CHECK(quoted(paragraph, quotes[0]) == "Prices will keep rising,");
    CHECK(quotes[0].speaker == std::optional<std::size_t>(1));
  }
}

TEST_CASE("an inline quote goes to the analyst named before it when none follows", "[speakers]") {
  const std::vector<SpeakerName> speakers{SpeakerName("Ерлан Сатпаев"), SpeakerName("Динара Алимова")};
  const auto speakerOf = [&](const std::string& paragraph) {
    const auto quotes = attributeInlineQuotes(paragraph, speakers);
    REQUIRE(quotes.size() == 1);
    return quotes[0].speaker;
  };
  const std::optional<std::size_t> alimova = 1;
  CHECK(speakerOf("Сатпаев молчит. По словам Динары Алимовой, «бюджет не выдержит таких расходов».") == alimova);
  CHECK(speakerOf("Алимова уверена: «Это провал.» Затем Сатпаев добавил, что ждёт отчёта.") == alimova);
  CHECK(speakerOf("Сатпаев молчит. Алимованың айтуынша, «бағалар әлі де өседі».") == alimova);
  CHECK(speakerOf("Сатпаев молчит. Алимовадан сұрадық: «Реформа қашан?»") == alimova);
  CHECK(speakerOf("Сатпаев молчит. Алимованын айтымында, «реформа кечигип жатат».") == alimova);
  CHECK(speakerOf("Сатпаев молчит. Алимованинг фикрича, «ислоҳот кечикмоқда».") == alimova);
  CHECK(speakerOf("Сатпаев молчит. Ба гуфтаи Алимова, «ислоҳот дер мондааст».") == alimova);
  const std::vector<SpeakerName> english{SpeakerName("Erlan Satpayev"), SpeakerName("Dinara Alimova")};
  const std::string paragraph = "Satpayev was silent. According to Alimova, \u201Cthe reform is late.\u201D";
  const auto quotes = attributeInlineQuotes(paragraph, english);
  REQUIRE(quotes.size() == 1);
  CHECK(quoted(paragraph, quotes[0]) == "the reform is late.");
  CHECK(quotes[0].speaker == alimova);
}

TEST_CASE("two analysts in one paragraph each get their own quote", "[speakers]") {
  const std::vector<SpeakerName> speakers{SpeakerName("Динара Алимова"), SpeakerName("Ерлан Сатпаев")};
  const auto speakersOf = [&](const std::string& paragraph) {
    std::vector<std::optional<std::size_t>> found;
    for (const InlineQuote& quote : attributeInlineQuotes(paragraph, speakers)) found.push_back(quote.speaker);
    return found;
  };
  using Found = std::vector<std::optional<std::size_t>>;
  CHECK(
      speakersOf("«Инфляция уже пошла на спад», — отмечает Алимова. Однако Сатпаев возражает: «Цены ещё вырастут».") ==
      Found{0, 1});
  CHECK(speakersOf("Алимованың пікірінше, «реформа кешігіп жатыр». Ал Сатпаев «бәрі жоспар бойынша» дейді.") ==
        Found{0, 1});
  CHECK(speakersOf("«Баалар өсөт», — дейт Сатпаев. «Жок, түшөт», — деп жооп берди Алимова.") == Found{1, 0});
  CHECK(speakersOf("«Нархлар ошади», — деди Сатпаев. Алимова эса «нархлар тушади» деб ҳисоблайди.") == Found{1, 0});
  CHECK(speakersOf("«Нархҳо боло мераванд», — гуфт Алимова, — «аммо на зуд».") == Found{0, 0});
  const std::vector<SpeakerName> english{SpeakerName("Dinara Alimova"), SpeakerName("Erlan Satpayev")};
  std::vector<std::optional<std::size_t>> found;
  for (const InlineQuote& quote : attributeInlineQuotes(
           "\u201CInflation has peaked,\u201D says Alimova. But Satpayev disagrees: \u201CPrices will rise.\u201D",
           english)) {
    found.push_back(quote.speaker);
  }
  CHECK(found == Found{0, 1});
}

TEST_CASE("a quote whose sentence names nobody goes to the analyst of a lead-in sentence, or to none", "[speakers]") {
  const std::vector<SpeakerName> speakers{SpeakerName("Динара Алимова"), SpeakerName("Ерлан Сатпаев")};
  const auto speakersOf = [&](const std::string& paragraph) {
    std::vector<std::optional<std::size_t>> found;
    for (const InlineQuote& quote : attributeInlineQuotes(paragraph, speakers)) found.push_back(quote.speaker);
    return found;
  };
  using Found = std::vector<std::optional<std::size_t>>;
  CHECK(speakersOf("Алимова давно изучает рынок труда. «Мигранты возвращаются домой».") == Found{0});
  CHECK(speakersOf("Сатпаев бұл туралы көп жазды. «Баға өседі», — деді ол.") == Found{1});
  CHECK(speakersOf("Алимова и Сатпаев спорят о реформе. «Реформа запоздала».") == Found{std::nullopt});
  CHECK(speakersOf("«Это ошибка», — говорят в министерстве.") == Found{std::nullopt});
  // A name inside a quote is not its speaker.
  CHECK(speakersOf("«Алимова ошибается», — пишут в комментариях.") == Found{std::nullopt});
  // The analyst of another sentence with its own quotation is not the ministry's voice, before or after.
  CHECK(speakersOf("«Воды хватит», — считает Алимова. В министерстве ответили: «График утверждён».") ==
        Found{0, std::nullopt});
  CHECK(speakersOf("В министерстве заявили, что «график утверждён». Сатпаева, однако, тревожит другое: «Зимой будет "
                   "дефицит».") == Found{std::nullopt, 1});
  // Only the sentence just before counts.
  CHECK(speakersOf("Алимова давно изучает рынок. Рынок меняется. «Мигранты возвращаются».") == Found{std::nullopt});
}

TEST_CASE("quoted spans nest and tolerate unbalanced marks", "[speakers]") {
  const std::vector<SpeakerName> speakers{SpeakerName("Динара Алимова")};
  SECTION("inner „…“ and “…” belong to the outer quote") {
    const std::string paragraph = "«Он сказал „нет“ и ушёл, а “они” остались», — вспоминает Алимова.";
    const auto quotes = attributeInlineQuotes(paragraph, speakers);
    REQUIRE(quotes.size() == 1);
    CHECK(quoted(paragraph, quotes[0]) == "Он сказал „нет“ и ушёл, а “они” остались");
    CHECK(quotes[0].speaker == std::optional<std::size_t>(0));
  }
  SECTION("a stray closing mark is ignored") {
    const std::string paragraph = "Цены» растут. «Цитата», — сказала Алимова.";
    const auto quotes = attributeInlineQuotes(paragraph, speakers);
    REQUIRE(quotes.size() == 1);
    CHECK(quoted(paragraph, quotes[0]) == "Цитата");
  }
  SECTION("a quote never closed runs to the end of the paragraph") {
    const std::string paragraph = "Алимова пишет: « Начало цитаты, которая продолжится ";
    const auto quotes = attributeInlineQuotes(paragraph, speakers);
    REQUIRE(quotes.size() == 1);
    CHECK(quoted(paragraph, quotes[0]) == "Начало цитаты, которая продолжится");
    CHECK(quotes[0].speaker == std::optional<std::size_t>(0));
  }
  SECTION("an inner quote left open does not swallow the rest") {
    const std::string paragraph = "«Он сказал „нет и ушёл», — вспоминает Алимова. «Вторая»";
    const auto quotes = attributeInlineQuotes(paragraph, speakers);
    REQUIRE(quotes.size() == 2);
    CHECK(quoted(paragraph, quotes[0]) == "Он сказал „нет и ушёл");
    CHECK(quoted(paragraph, quotes[1]) == "Вторая");
  }
  SECTION("no marks, no quotes") { CHECK(attributeInlineQuotes("Алимова молчит.", speakers).empty()); }
}
