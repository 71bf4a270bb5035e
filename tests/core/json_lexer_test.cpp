// The lexer parse_json.cpp runs (format/json_lexer.hpp: nlohmann's lexer over ArticleInput, strings read
// in place) against nlohmann's own lexer over a std::string, on JSON texts drawn at random from pieces
// that reach every branch of a string (escapes, surrogates, UTF-8 of each length, ill-formed bytes,
// control characters, the end of the text; runs of plain bytes long enough to be read eight at a time):
// the same events, the same verdict, and on an error the same offset and error id.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "format/json_lexer.hpp"

namespace {

using Json = nlohmann::json;

// Every SAX event as a line of text, and where and why parsing stopped.
struct Recorder {
  std::vector<std::string> events;
  std::size_t errorAt = 0;
  int errorId = 0;

  bool null() { return add("null"); }
  bool boolean(bool value) { return add(value ? "true" : "false"); }
  bool number_integer(Json::number_integer_t value) { return add("int " + std::to_string(value)); }
  bool number_unsigned(Json::number_unsigned_t value) { return add("unsigned " + std::to_string(value)); }
  bool number_float(Json::number_float_t value, const std::string& text) {
    return add("float " + std::to_string(value) + " " + text);
  }
  bool string(std::string& value) { return add("string " + value); }
  bool binary(Json::binary_t& /*value*/) { return add("binary"); }
  bool key(std::string& name) { return add("key " + name); }
  bool start_object(std::size_t /*elements*/) { return add("{"); }
  bool end_object() { return add("}"); }
  bool start_array(std::size_t /*elements*/) { return add("["); }
  bool end_array() { return add("]"); }
  template <class Exception>
  bool parse_error(std::size_t position, const std::string& /*lastToken*/, const Exception& error) {
    errorAt = position;
    errorId = error.id;
    return false;
  }

 private:
  bool add(std::string event) {
    events.push_back(std::move(event));
    return true;
  }
};

struct Outcome {
  bool parsed;
  Recorder recorder;
};

Outcome throughArticleLexer(const std::string& text) {
  Outcome outcome{false, {}};
  nlohmann::detail::parser<Json, broadsheet::format::ArticleInput> parser(
      broadsheet::format::ArticleInput{text.data(), text.data() + text.size()});
  outcome.parsed = parser.sax_parse(&outcome.recorder, true);
  return outcome;
}

Outcome throughNlohmannLexer(const std::string& text) {
  Outcome outcome{false, {}};
  outcome.parsed = Json::sax_parse(text, &outcome.recorder);
  return outcome;
}

// Pieces of a string's contents: plain, escaped, UTF-8 well and ill formed, and what ends a string.
// clang-format off
const std::vector<std::string> kStringPieces = {
    "a", "word ", "eight by", "a run of twenty bytes", "~", " ", "\"", "\\", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\x", "\\",
    "\\u0041", "\\u00e9", "\\u00E9", "\\u20ac", "\\uFFFF", "\\u0000", "\\u12g4", "\\u12", "\\uD83D\\uDE00",
    "\\ud83d\\ude00", "\\uD800", "\\uD800\\u0041", "\\uD800\\n", "\\uD800x", "\\uDBFF\\uDFFF", "\\uDC00",
    "\\uD800\\uD800", "\\uD800\\uDBFF", "\\uD800\\u12", "\\uD800\\", "\n", "\t", std::string(1, '\0'),
    "\x1f", "\x7f", "\xc3\xa9", "\xc2\x80", "\xdf\xbf", "\xc1\xbf", "\xc0\x80", "\xe0\xa0\x80", "\xe0\x9f\xbf",
    "\xe2\x82\xac", "\xed\x9f\xbf", "\xed\xa0\x80", "\xef\xbf\xbf", "\xf0\x90\x80\x80", "\xf0\x8f\xbf\xbf",
    "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf3\xbf\xbf\xbf", "\xf5\x80\x80\x80", "\x80", "\xbf", "\xff",
    "\xe2\x82", "\xe2", "\xf0\x90\x80", "\xe2\x82\n", "\xc3", "\xc3\"", "\xe2\"\xac",
    // Runs of two-byte sequences (Cyrillic and Kazakh, eight bytes and more, read four at a time), and
    // runs that one bad pair spoils: an overlong lead, a lead without its second byte, a second byte
    // that is not one, a three-byte lead where a pair was.
    "\xd0\xb6\xd0\xb6\xd0\xb6\xd0\xb6", "\xd2\x9b\xd0\xb0\xd0\xb7\xd0\xb0\xd2\x9b\xd1\x88\xd0\xb0 ",
    "\xc2\x80\xdf\xbf\xc2\xbf\xdf\x80", "\xd0\xb6\xd0\xb6\xd0\xb6\xc1\xbf", "\xd0\xb6\xc0\x80\xd0\xb6\xd0\xb6",
    "\xd0\xb6\xd0\xb6\xd0\xb6\xd0", "\xd0\xb6\xd0\xb6\xd0\xb6\xd0\"", "\xd0\xb6\xd0\xb6\xd0\x7f\xd0\xb6",
    "\xd0\xb6\xd0\xb6\xd0\xb6\xe2\x82", "\xd0\xb6\xd0\xb6\xd0\xb6\xd0\xc0", "\xd0\xb6\xd0\xb6\xd0\xb6\xd0\xff"};
// clang-format on

// Values and separators around the strings, so that numbers and literals (get() and unget()) are read too.
const std::vector<std::string> kOtherPieces = {"1",
                                               "-0",
                                               "12.5e3",
                                               "1e400",
                                               "01",
                                               "-",
                                               "true",
                                               "nul",
                                               "null",
                                               "false",
                                               " ",
                                               "\n\t ",
                                               "[]",
                                               "{}",
                                               "[1,2]",
                                               "1.",
                                               "0x1",
                                               "2E-2",
                                               "18446744073709551616"};

std::string randomString(std::mt19937& random) {
  std::string text = "\"";
  const std::size_t pieces = random() % 8;
  for (std::size_t i = 0; i < pieces; ++i) text += kStringPieces[random() % kStringPieces.size()];
  // Mostly closed, sometimes not: the text may end inside it.
  if (random() % 8 != 0) text += "\"";
  return text;
}

std::string randomValue(std::mt19937& random) {
  return random() % 3 == 0 ? kOtherPieces[random() % kOtherPieces.size()] : randomString(random);
}

std::string randomText(std::mt19937& random) {
  std::string text = random() % 2 == 0 ? "[" : "{";
  const bool object = text == "{";
  const std::size_t members = random() % 5;
  for (std::size_t i = 0; i < members; ++i) {
    if (i > 0) text += random() % 10 == 0 ? " " : ",";
    if (object) text += randomString(random) + (random() % 10 == 0 ? "" : ":");
    text += randomValue(random);
  }
  if (random() % 10 != 0) text += object ? "}" : "]";
  // Sometimes cut short anywhere.
  if (random() % 6 == 0) text.resize(random() % (text.size() + 1));
  return text;
}

}  // namespace

TEST_CASE("strings read in place give nlohmann's events, verdict and error offsets", "[format]") {
  std::mt19937 random(19);
  std::size_t failures = 0;
  std::size_t parsed = 0;
  for (int round = 0; round < 20000; ++round) {
    const std::string text = randomText(random);
    const Outcome ours = throughArticleLexer(text);
    const Outcome theirs = throughNlohmannLexer(text);
    INFO("text: " << text);
    REQUIRE(ours.parsed == theirs.parsed);
    REQUIRE(ours.recorder.events == theirs.recorder.events);
    REQUIRE(ours.recorder.errorAt == theirs.recorder.errorAt);
    REQUIRE(ours.recorder.errorId == theirs.recorder.errorId);
    (ours.parsed ? parsed : failures) += 1;
  }
  // Both verdicts are common enough for the comparison to mean something.
  CHECK(parsed > 2000);
  CHECK(failures > 2000);
}

TEST_CASE("a long string with every kind of piece reads as nlohmann reads it", "[format]") {
  std::string contents;
  for (int i = 0; i < 200; ++i)
    contents += "plain text \\\"quoted\\\" \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \\u00e9\\uD83D\\uDE00 ";
  const std::string text = "{\"body\": [\"" + contents + "\", \"" + contents + "\"]}";
  const Outcome ours = throughArticleLexer(text);
  const Outcome theirs = throughNlohmannLexer(text);
  REQUIRE(ours.parsed);
  REQUIRE(theirs.parsed);
  CHECK(ours.recorder.events == theirs.recorder.events);
}
