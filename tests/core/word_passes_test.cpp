// The layout's word passes made fast (docs/performance.md, "Word passes, session 8"), each checked
// against a plain reading of its rule on random and adversarial text: Cyrillic, Kazakh, Arabic,
// joiners, soft hyphens, no-break spaces, typographic punctuation and broken UTF-8.
#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "layout/byte_search.hpp"
#include "layout/passage_words.hpp"
#include "layout/speakers.hpp"
#include "layout/words.hpp"

using namespace broadsheet::layout;

namespace {

// Pieces random texts are made of: words and letters of several scripts, every kind of space and
// break the rules tell apart, punctuation that ends sentences or is trimmed, joiners, and bytes that
// start or continue a UTF-8 sequence on their own.
const std::vector<std::string> kPieces = {
    "a", "Word", "water", "42", "Б", "ё", "Ёлка", "ә", "Қазақ", "ұлт", "مرحبا", "ع", "Café", "É", " ", " ", "  ", "\t",
    "\n", "\r", "\f", "\v", "\u00A0", "\u2003", "\u200B", "\u3000", "\u202F", ".", "!", "?", "…", "...", ",", ";", ":",
    "\"", "'", "(", ")", "[", "]", "-", "\u2010", "\u2014", "«", "»", "“", "”", "„", "\u2019", "\u02BB", "\u200D",
    "\u200C", "\u00AD", "\u0301", "\xC2", "\xA0", "\xE2", "\x80", "\xE2\x80", "\xD0", "\xF0\x9F\x98\x80",
    // overlong forms that decode (continuation bytes unchecked)
    // to white space (U+00A0, U+2000, U+3000) or to a letter
    "\xE0\x82\xA0", "\xF0\x82\x80\x80", "\xF0\x83\x80\x80", "\xF8\x82\x80\x80", "\xC1\xA1", "\xD0 ", "\xE2\x80",
    "\xE3\x80\x80",
    // control characters inside words, and words longer than eight bytes
    "\x01", "\x7F", "Uncharacteristically", "overcomplicated",
    // long Cyrillic and Kazakh runs in mixed case, and two-byte sequences broken inside them: a lead
    // byte before a space, an ASCII letter or another lead, a continuation byte alone
    "достопримечательности", "ҚАЗАҚСТАНДАҒЫ", "ЁжиКИ", "ӘлеуметтІк", "Ѐѐ", "ѠѡѾѿ", "Ӏӏ", "Ҳҳ", "Ӷӷ", "сло\xD0 во",
    "сло\xD1во", "сло\xD0\xD0во", "сл\x90ово", "\xD1", "\xDF", "\xC3", "\xD0\x20", "шаңырақ\xD2"};

std::string randomText(std::mt19937& random, std::size_t maxPieces) {
  std::string text;
  const std::size_t pieces = std::uniform_int_distribution<std::size_t>(0, maxPieces)(random);
  for (std::size_t k = 0; k < pieces; ++k)
    text += kPieces[std::uniform_int_distribution<std::size_t>(0, kPieces.size() - 1)(random)];
  return text;
}

// ---------------------------------------------------------------------------------------------
// The closest passage's words and sentences, read plainly.

bool endsWith(std::string_view word, std::string_view tail) {
  return word.size() >= tail.size() && word.substr(word.size() - tail.size()) == tail;
}

// Closing marks stripped first, then: does the word end in . ! ? or …?
bool plainEndsSentence(std::string_view word) {
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view closer : {"\"", ")", "'", "\u00BB", "\u201D", "\u201C"}) {
      if (!word.empty() && endsWith(word, closer)) {
        word.remove_suffix(closer.size());
        stripped = true;
        break;
      }
    }
  }
  return endsWith(word, ".") || endsWith(word, "!") || endsWith(word, "?") || endsWith(word, "\u2026");
}

std::string_view plainTrimmed(std::string_view word) {
  const std::string_view punctuation = " \"'.,;:!?()[]-";
  while (!word.empty() && punctuation.find(word.front()) != std::string_view::npos) word.remove_prefix(1);
  while (!word.empty() && punctuation.find(word.back()) != std::string_view::npos) word.remove_suffix(1);
  return word;
}

constexpr std::uint32_t kSentenceEnd = UINT32_MAX;

// The text split at every break (a word between two breaks may be empty), numbered in order of
// first appearance, kSentenceEnd after a word that ends a sentence and after the last.
std::vector<std::uint32_t> plainPassageTokens(std::string_view text, std::map<std::string, std::uint32_t>& numbers) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t breakLength = std::string_view(" \t\n\r").find(text[i]) != std::string_view::npos ? 1
                                    : text.substr(i, 2) == "\u00A0"                                     ? 2
                                                                                                        : 0;
    if (breakLength == 0) {
      ++i;
      continue;
    }
    words.push_back(text.substr(start, i - start));
    i += breakLength;
    start = i;
  }
  words.push_back(text.substr(start));
  std::vector<std::uint32_t> tokens;
  for (std::size_t w = 0; w < words.size(); ++w) {
    const std::string_view trimmed = plainTrimmed(words[w]);
    if (!trimmed.empty()) {
      const auto known = numbers.emplace(std::string(trimmed), static_cast<std::uint32_t>(numbers.size())).first;
      tokens.push_back(known->second);
    }
    if (w + 1 == words.size() || plainEndsSentence(words[w])) tokens.push_back(kSentenceEnd);
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Word counting, read plainly: code points as the renderer decodes them (a lead byte's length,
// continuation bytes not checked), runs between white space that hold a letter or digit.

char32_t decode(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i++]);
  const int length = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  char32_t c = length == 0 ? lead : lead & (0x3F >> length);
  for (int k = 0; k < length && i < text.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(text[i++]) & 0x3F);
  return c;
}

std::size_t plainCountWords(std::string_view text) {
  std::size_t words = 0;
  bool letterSinceSpace = false;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = decode(text, i);
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
                       (c >= 0x2000 && c <= 0x200B) || c == 0x3000;
    if (space) {
      words += letterSinceSpace ? 1 : 0;
      letterSinceSpace = false;
      continue;
    }
    const bool letter =
        c < 0x80 ? (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                 : !(c >= 0xA0 && c <= 0xBF) && !(c >= 0x2000 && c <= 0x206F) && !(c >= 0x3000 && c <= 0x303F);
    letterSinceSpace = letterSinceSpace || letter;
  }
  return words + (letterSinceSpace ? 1 : 0);
}

}  // namespace

namespace {

// forEachPassageWord's words (numbered as plainPassageTokens numbers them) and sentence ends.
std::vector<std::uint32_t> passageTokens(std::string_view text, std::size_t from, std::size_t to,
                                         std::map<std::string, std::uint32_t>& numbers) {
  std::vector<std::uint32_t> tokens;
  forEachPassageWord(
      text, from, to,
      [&](std::size_t offset, std::size_t length) {
        const std::string word(text.substr(offset, length));
        tokens.push_back(numbers.emplace(word, static_cast<std::uint32_t>(numbers.size())).first->second);
      },
      [&] { tokens.push_back(kSentenceEnd); });
  return tokens;
}

}  // namespace

TEST_CASE("the closest passage reads words and sentences as the plain rule does", "[layout][pullquote][words]") {
  std::mt19937 random(20261206);
  for (int round = 0; round < 3000; ++round) {
    // The item sits inside a longer text, as in the body's normalised words: what is around it
    // (here a no-break space cut in two at each edge) is not read.
    const std::string item = randomText(random, 40);
    const std::string text = "x\xC2" + item + "\xA0y";
    std::map<std::string, std::uint32_t> numbers, plainNumbers;
    INFO("item: " << item);
    REQUIRE(passageTokens(text, 2, 2 + item.size(), numbers) == plainPassageTokens(item, plainNumbers));
  }
}

TEST_CASE("breaks and terminators are looked for eight bytes at a time and found where a byte at a time finds them",
          "[layout][pullquote][speakers][words]") {
  // Bytes drawn mostly from those near the masks' edges: 0x20, 0x21, 0xC1-0xC3, 0xA0, 0x00, 0x80,
  // 0xFF, the terminators' bytes and their neighbours.
  const std::vector<unsigned char> near = {0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x2D, 0x2E,
                                           0x2F, 0x3E, 0x3F, 0x40, 0x41, 0x61, 0x7F, 0x80, 0xA0, 0xC1,
                                           0xC2, 0xC3, 0xD0, 0xE1, 0xE2, 0xE3, 0xFE, 0xFF};
  const auto terminatorStart = [](unsigned char byte) {
    return byte == '.' || byte == '!' || byte == '?' || byte == 0xE2;
  };
  const auto terminatorStarts = [](std::uint64_t chunk) {
    using namespace byte_search;
    return equalTo(chunk, '.') | equalTo(chunk, '!') | equalTo(chunk, '?') | equalTo(chunk, 0xE2);
  };
  std::mt19937 random(7122026);
  for (int round = 0; round < 3000; ++round) {
    std::vector<unsigned char> bytes(random() % 40);
    for (unsigned char& byte : bytes)
      byte = random() % 8 == 0 ? near[random() % near.size()] : static_cast<unsigned char>('a' + random() % 26);
    for (std::size_t to = 0; to <= bytes.size(); ++to) {
      for (std::size_t at = 0; at <= to; ++at) {
        std::size_t expected = at;
        while (expected < to && bytes[expected] > 0x20 && bytes[expected] != 0xC2) ++expected;
        REQUIRE(passage_bytes::nextCandidate(bytes.data(), at, to) == expected);
        expected = at;
        while (expected < to && !terminatorStart(bytes[expected])) ++expected;
        REQUIRE(byte_search::findFirst(bytes.data(), at, to, terminatorStarts, terminatorStart) == expected);
      }
    }
  }
}

TEST_CASE("each item's end ends a sentence once", "[layout][pullquote][words]") {
  const std::string text = "The deal. \u00ABthe\u00BB deal!\nDeal";
  std::map<std::string, std::uint32_t> numbers;
  const std::size_t newline = text.find('\n');
  std::vector<std::uint32_t> tokens = passageTokens(text, 0, newline, numbers);
  for (const std::uint32_t token : passageTokens(text, newline + 1, text.size(), numbers)) tokens.push_back(token);
  // Only ASCII punctuation is trimmed, so «the» stays a word of its own.
  const std::vector<std::uint32_t> expected = {0, 1, kSentenceEnd, 2, 1, kSentenceEnd, 3, kSentenceEnd};
  CHECK(tokens == expected);
}

// The quote words' table, against a plain map: every word of every quote found with exactly the
// quotes that hold it, and no other word found (words that share a first byte and a length with a
// quote word, or are 63 bytes and longer, pass the first check and must still be told apart; words
// that share the bytes hashed, the first two and the last two, and the length, differ only in the
// middle and must be told apart by their bytes).
TEST_CASE("quote words are found with the quotes that hold them, and no other word is", "[layout][pullquote][words]") {
  std::mt19937 random(5122026);
  for (int round = 0; round < 300; ++round) {
    QuoteWords table;
    std::map<std::string, std::vector<std::uint32_t>> plain;
    std::vector<std::string> seen;
    const auto quotes = static_cast<std::uint32_t>(1 + random() % 6);
    for (std::uint32_t q = 0; q < quotes; ++q) {
      for (std::size_t w = 0, words = 1 + random() % 70; w < words; ++w) {
        std::string word = randomText(random, 4);
        if (random() % 8 == 0) word += std::string(60 + random() % 10, 'a');
        if (word.empty()) continue;
        seen.push_back(word);
        std::vector<std::uint32_t>& holders = plain[word];
        const bool isNew = holders.empty() || holders.back() != q;
        CHECK(table.add(word, q) == isNew);
        if (isNew) holders.push_back(q);
      }
    }
    CHECK(table.size() == plain.size());
    for (int probe = 0; probe < 400; ++probe) {
      std::string word = probe % 2 == 0 && !seen.empty() ? seen[random() % seen.size()] : randomText(random, 4);
      if (probe % 7 == 0) word += std::string(60 + random() % 10, 'a');
      if (probe % 5 == 1 && !seen.empty()) {
        // a quote word (or a Cyrillic word) changed in one byte between its first two and last two
        word = random() % 2 == 0 ? seen[random() % seen.size()] : "ққазақстандағы";
        if (word.size() > 4) word[2 + random() % (word.size() - 4)] ^= static_cast<char>(1 + random() % 255);
      }
      if (word.empty()) continue;
      const std::uint32_t number = table.find(reinterpret_cast<const unsigned char*>(word.data()), word.size());
      const auto known = plain.find(word);
      INFO("word: " << word);
      REQUIRE((number != QuoteWords::kNone) == (known != plain.end()));
      if (number == QuoteWords::kNone) continue;
      std::vector<std::uint32_t> holders;
      for (std::uint32_t e = table.firstEntry(number); e != QuoteWords::kNone; e = table.entry(e).next)
        holders.insert(holders.begin(), table.entry(e).quote);
      CHECK(holders == known->second);
    }
  }
}

TEST_CASE("countWords counts as the plain rule does", "[layout][words]") {
  std::mt19937 random(6122026);
  for (int round = 0; round < 5000; ++round) {
    const std::string text = randomText(random, 50);
    INFO("text: " << text);
    REQUIRE(countWords(text) == plainCountWords(text));
  }
  CHECK(countWords("Ақын\u00A0— ақын, \u0627\u0644\u0645\u0627\u0621 5") == 4);
}

TEST_CASE("names in paragraphs are found as without the first-letter shortcut", "[layout][speakers][words]") {
  // attributeInlineQuotes steps over capitalised words that start no form of a name, unless some
  // form's stem is empty: a speaker "А" (stem "" + endings) turns the shortcut off. It never matches
  // the words below, so with it the quotes must be tied to the same speakers.
  const std::vector<std::string> words = {
      "Алимова",   "Алимовой", "Алимовағы",  "Алимовадан", "Вишневский", "Вишневского", "Шевченко",  "Шевченка",
      "Haddad",    "Haddad's", "Haddadning", "HADDAD",     "Brandt",     "brandt",      "Petrov-ga", "Oʻzbekiston",
      "Қазақстан", "Әлем",     "әлем",       "Ёлка",       "Café",       "Élite",       "рынок",     "Рынок",
      "Министр",   "считает",  "сказал",     "said",       "مرحبا",      "Д.",          "проф.",     "Dr.",
      "«",         "»",        "“",          "”",          "„",          ",",           ".",         "?",
      "—",         "-",        "\u00AD",     "\u200D",     "\u0301",     "\u00A0",      ":",         "…"};
  const std::vector<SpeakerName> speakers = {SpeakerName("Динара Алимова"), SpeakerName("Leila Haddad"),
                                             SpeakerName("Игорь Вишневский"), SpeakerName("Тарас Шевченко"),
                                             SpeakerName("Ilya Petrov")};
  std::vector<SpeakerName> withEmptyStem = speakers;
  withEmptyStem.emplace_back("А");
  std::mt19937 random(19);
  std::size_t attributed = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string paragraph;
    const std::size_t count = std::uniform_int_distribution<std::size_t>(1, 40)(random);
    for (std::size_t k = 0; k < count; ++k) {
      paragraph += words[std::uniform_int_distribution<std::size_t>(0, words.size() - 1)(random)];
      if (random() % 4 != 0) paragraph += ' ';
    }
    INFO("paragraph: " << paragraph);
    REQUIRE_FALSE(withEmptyStem.back().namedIn(paragraph));
    const std::vector<InlineQuote> fast = attributeInlineQuotes(paragraph, speakers);
    const std::vector<InlineQuote> plain = attributeInlineQuotes(paragraph, withEmptyStem);
    REQUIRE(fast.size() == plain.size());
    for (std::size_t q = 0; q < fast.size(); ++q) {
      CHECK(fast[q].begin == plain[q].begin);
      CHECK(fast[q].end == plain[q].end);
      CHECK(fast[q].speaker == plain[q].speaker);
      attributed += fast[q].speaker ? 1 : 0;
    }
  }
  CHECK(attributed > 500);  // the shortcut was tried on paragraphs that do name the speakers
}

TEST_CASE("normalizeForMatch maps and collapses as the plain rule does", "[layout][pullquote][words]") {
  // Pieces whose normal forms are known: letters lower-cased (ASCII, Latin-1, Cyrillic, ё as е),
  // typographic marks made plain, soft hyphens and joiners dropped, every white space a space.
  const std::vector<std::pair<std::string, std::string>> pieces = {
      {"a", "a"},
      {"Word", "word"},
      {"42", "42"},
      {"x-y.", "x-y."},
      {" ", " "},
      {"\t", " "},
      {"\n", " "},
      {"\r", " "},
      {"\f", " "},
      {"\v", " "},
      {"\u00A0", " "},
      {"\u201C", "\""},
      {"\u201D", "\""},
      {"\u00AB", "\""},
      {"\u2019", "'"},
      {"\u2014", "-"},
      {"\u2212", "-"},
      {"\u00AD", ""},
      {"\u200D", ""},
      {"\u200C", ""},
      {"\u0401", "\u0435"},
      {"\u0411", "\u0431"},
      {"\u00C9", "\u00E9"},
      {"\u04D8", "\u04D9"},
      {"\u0645", "\u0645"},
      {"\u2026", "\u2026"},
      {std::string("\0", 1), std::string("\0", 1)},
      // ASCII runs longer than eight bytes, the bytes around A-Z, and control characters inside a run
      {"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"},
      {"@[`{~\x7F", "@[`{~\x7F"},
      {"\x01\x1F!", "\x01\x1F!"},
      {"Mid-SentenceWord,", "mid-sentenceword,"},
      // every letter of U+0400-U+047F (Russian and most Cyrillic) in runs longer than eight bytes, in
      // mixed case, Kazakh's letters, and lead bytes D0 and D1 broken (before a space, ASCII, a lead)
      {"АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ", "абвгдежзийклмнопрстуфхцчшщъыьэюя"},
      {"абвгдежзийклмнопрстуфхцчшщъыьэюя", "абвгдежзийклмнопрстуфхцчшщъыьэюя"},
      {"ЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏ", "ѐеђѓєѕіїјљњћќѝўџ"},
      {"ѐёђѓєѕіїјљњћќѝўџ", "ѐеђѓєѕіїјљњћќѝўџ"},
      {"ѠѡѢѣѤѥѦѧѨѩѪѫѬѭѮѯѰѱѲѳѴѵѶѷѸѹѺѻѼѽѾѿ", "ѡѡѣѣѥѥѧѧѩѩѫѫѭѭѯѯѱѱѳѳѵѵѷѷѹѹѻѻѽѽѿѿ"},
      {"ӘҒҚҢӨҰҮҺІ", "әғқңөұүһі"},
      {"ҚазАҚстАН", "қазақстан"},
      {"ЁЛКА", "елка"},
      {"\xD0", "\xD0"},
      {"\xD1", "\xD1"},
      {"\xD0 ", "\xD0 "},
      {"\xD1Z", "\xD1z"},
      {"\xD0\xD1", "\xD0\xD1"},
      // the rest of the block (U+0480-U+04FF: Kazakh's, Tajik's, Abkhaz's letters) in both cases, lead
      // bytes D2 and D3 broken, and single spaces between Cyrillic words (copied with the run)
      {"ҒғҚқҢңҮүҰұҺһ", "ғғққңңүүұұһһ"},
      {"ӀӁӂӃӄӅӆӇӈӉӊӋӌӍӎӏ", "ӏӂӂӄӄӆӆӈӈӊӊӌӌӎӎӏ"},
      {"ӐӑӘәӨөӮӯӲӳӸӹӾӿ", "ӑӑәәөөӯӯӳӳӹӹӿӿ"},
      {"\u0482\u0483\u0489", "\u0482\u0483\u0489"},
      {"\xD2", "\xD2"},
      {"\xD3 ", "\xD3 "},
      {"\xD3Z", "\xD3z"},
      {"\xD2\xD0\xB0", "\xD2\xD0\xB0"},
      {"ж ё", "ж е"},
      {"ЖЁ Ж", "же ж"},
      {"ый й ", "ый й "},
      {"а-б, в", "а-б, в"},
      // two-byte letters other than Cyrillic and Latin-1 (kept as they are), and U+02BB/U+02BC (lead
      // CA, apostrophes) among them, broken or not
      {"ΩΣω", "ΩΣω"},
      {"Őőƒ", "Őőƒ"},
      {"ʀ", "ʀ"},
      {"\u02BB", "'"},
      {"\u02BC", "'"},
      {"\xCA", "\xCA"},
      {"\xCA ", "\xCA "},
      {"ÀÞ×ß", "àþ×ß"}};
  std::mt19937 random(612);
  for (int round = 0; round < 5000; ++round) {
    std::string text, mapped;
    const std::size_t count = std::uniform_int_distribution<std::size_t>(0, 30)(random);
    for (std::size_t k = 0; k < count; ++k) {
      const auto& piece = pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(random)];
      text += piece.first;
      mapped += piece.second;
    }
    std::string expected;  // spaces collapsed, none at either end
    for (const char c : mapped) {
      if (c == ' ' && (expected.empty() || expected.back() == ' ')) continue;
      expected += c;
    }
    if (!expected.empty() && expected.back() == ' ') expected.pop_back();
    INFO("text: " << text);
    REQUIRE(normalizeForMatch(text) == expected);
  }
}

namespace {

// The lower case of a letter of the Cyrillic block (U+0400-U+04FF) as Unicode's case pairs give it,
// ё as е; anything else unchanged.
char32_t plainCyrillicLower(char32_t c) {
  if (c >= 0x400 && c <= 0x40F) c += 0x50;
  else if (c >= 0x410 && c <= 0x42F) c += 0x20;
  else if (c == 0x4C0) c = 0x4CF;
  else if (((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x4FF)) && c % 2 == 0)
    c += 1;
  else if (c >= 0x4C1 && c <= 0x4CE && c % 2 == 1) c += 1;
  return c == 0x451 ? 0x435 : c;
}

std::string utf8(char32_t c) {
  return c < 0x800 ? std::string{static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))}
                   : std::string(1, static_cast<char>(c));
}

}  // namespace

TEST_CASE("normalizeForMatch folds every Cyrillic letter wherever it stands in a run", "[layout][pullquote][words]") {
  // Each letter of U+0400-U+04FF at every offset of an eight-byte chunk (runs of lower-case Russian
  // are copied four letters at a time), alone, between Cyrillic words, and before ASCII.
  for (char32_t c = 0x400; c <= 0x4FF; ++c) {
    const std::string letter = utf8(c), lower = utf8(plainCyrillicLower(c));
    std::string before = "", expectedBefore = "";
    for (int offset = 0; offset < 6; ++offset) {
      const std::string text = before + letter + "жи " + letter + letter + " шы" + letter + "Q" + letter;
      const std::string expected = expectedBefore + lower + "жи " + lower + lower + " шы" + lower + "q" + lower;
      INFO("U+" << std::hex << static_cast<std::uint32_t>(c) << " after " << before);
      REQUIRE(normalizeForMatch(text) == expected);
      before += offset % 2 == 0 ? "б" : "Б";
      expectedBefore += "б";
    }
  }
}

TEST_CASE("inline quotes are tied to speakers as the plain rule reads sentences", "[layout][speakers][words]") {
  // Paragraphs of whole sentences (each ends in ". " and starts with a capital or a quote), so the
  // rule reads plainly: the first name after a quote in its sentence, else the last before it, else
  // the one speaker a quote-free sentence just before names. Names in far sentences and inside
  // quotes must not count (attributeInlineQuotes reads only the sentences that can decide). No word
  // ends in a one-letter run before its full stop ("Haddad's." reads as an initial, not an end).
  struct Token {
    std::string text;
    int speaker = -1;  // the speaker a name form names
    bool quote = false;
  };
  const std::vector<SpeakerName> speakers = {SpeakerName("Динара Алимова"), SpeakerName("Leila Haddad"),
                                             SpeakerName("Ilya Petrov")};
  const std::vector<Token> names = {{"Алимова", 0},    {"Алимовой", 0}, {"Haddad", 1},
                                    {"Haddadning", 1}, {"Petrov", 2},   {"Petrov-ning", 2}};
  const std::vector<std::string> capitals = {"Министр", "Рынок", "Динара", "Oʻzbekiston", "Қазақстан", "Café"};
  const std::vector<std::string> others = {"рынок", "считает", "said", "and", "әлем", "مرحبا", "—", "2024"};
  std::mt19937 random(2026);
  const auto pick = [&](std::size_t size) { return std::uniform_int_distribution<std::size_t>(0, size - 1)(random); };
  std::size_t attributed = 0;
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::vector<Token>> sentences(1 + pick(6));
    for (auto& sentence : sentences) {
      const std::size_t length = 1 + pick(7);
      for (std::size_t k = 0; k < length; ++k) {
        const std::size_t kind = pick(6);
        if (kind == 0) {
          sentence.push_back(names[pick(names.size())]);
        } else if (kind == 1) {
          // A quote, sometimes with a name inside it (which names nobody).
          std::string quoted = "«" + others[pick(others.size())];
          if (pick(3) == 0) quoted += " " + names[pick(names.size())].text;
          sentence.push_back({quoted + " " + others[pick(others.size())] + "»", -1, true});
        } else if (k == 0) {
          sentence.push_back({capitals[pick(capitals.size())]});
        } else {
          sentence.push_back({kind == 2 ? capitals[pick(capitals.size())] : others[pick(others.size())]});
        }
      }
    }
    std::string paragraph;
    std::vector<std::optional<std::size_t>> expected;
    for (std::size_t s = 0; s < sentences.size(); ++s) {
      const auto& sentence = sentences[s];
      for (std::size_t k = 0; k < sentence.size(); ++k) {
        paragraph += (k == 0 ? "" : " ") + sentence[k].text;
        if (!sentence[k].quote) continue;
        std::optional<std::size_t> speaker;
        for (std::size_t after = k + 1; after < sentence.size() && !speaker; ++after)
          if (sentence[after].speaker >= 0) speaker = static_cast<std::size_t>(sentence[after].speaker);
        for (std::size_t before = k; before-- > 0 && !speaker;)
          if (sentence[before].speaker >= 0) speaker = static_cast<std::size_t>(sentence[before].speaker);
        if (!speaker && s > 0) {
          bool quotes = false, several = false;
          std::optional<std::size_t> named;
          for (const Token& token : sentences[s - 1]) {
            quotes = quotes || token.quote;
            if (token.speaker < 0) continue;
            several = several || (named && *named != static_cast<std::size_t>(token.speaker));
            named = static_cast<std::size_t>(token.speaker);
          }
          if (!quotes && !several) speaker = named;
        }
        expected.push_back(speaker);
      }
      paragraph += ". ";
    }
    INFO("paragraph: " << paragraph);
    const std::vector<InlineQuote> quotes = attributeInlineQuotes(paragraph, speakers);
    REQUIRE(quotes.size() == expected.size());
    for (std::size_t q = 0; q < quotes.size(); ++q) {
      CHECK(quotes[q].speaker == expected[q]);
      attributed += expected[q] ? 1 : 0;
    }
  }
  CHECK(attributed > 500);
}

TEST_CASE("a word not capitalised ends where a capitalised one does", "[layout][speakers][words]") {
  // firstMentionIn steps over a word that is not capitalised without folding it (two-byte letters
  // two bytes at a time) and folds a capitalised one code point by code point: both must end the
  // word at the same byte, so "ж…Алимова" and "Ж…Алимова" name Алимова at the same place or not at
  // all, whatever the Cyrillic, Kazakh, Arabic or broken UTF-8 between.
  const std::vector<std::string> pieces = {"а", "ң", "Қ", "ё", "م", "x", "-", "'", "\u00AD", "\u0301", "\xD0", "\xD1",
                                           "\xDF", "\xE2", "\x80", "\xBF", "\xC2", "\xCA", " ", ".", "\xD0 ",
                                           "\xD0"
                                           "A",
                                           "\u04FF", "\u0500",
                                           // runs long enough to be stepped over four letters at a time,
                                           // a capital inside one, and Uzbek's apostrophe (a joiner)
                                           "достопримечательности", "шаңыраҚ", "\u02BC"};
  const SpeakerName speaker("Динара Алимова");
  std::mt19937 random(9122026);
  std::size_t found = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string between;
    for (std::size_t k = random() % 6; k > 0; --k) between += pieces[random() % pieces.size()];
    const std::string lower = "ж" + between + "Алимова", upper = "Ж" + between + "Алимова";
    INFO("between: " << between);
    REQUIRE(speaker.firstMentionIn(lower) == speaker.firstMentionIn(upper));
    found += speaker.namedIn(lower) ? 1 : 0;
  }
  CHECK(found > 1000);
}
