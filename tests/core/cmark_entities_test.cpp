// src/text/cmark_html_unescape.c (entity and numeric references from a compact table) against cmark's
// own houdini_html_u.c, compiled into this runner with its functions renamed (tests/core/CMakeLists.txt):
// every entity, near misses, and generated text must decode to the same bytes.
#include <catch2/catch.hpp>

#include <cmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "buffer.h"
#include "houdini.h"
#include "utf8.h"

#include "text/entities.hpp"

extern "C" {
bufsize_t cmark_reference_unescape_ent(cmark_strbuf* ob, const uint8_t* src, bufsize_t size);
int cmark_reference_unescape_html(cmark_strbuf* ob, const uint8_t* src, bufsize_t size);
}

namespace {

#include "entities.inc"

struct Decoded {
  long result;
  std::string bytes;
  bool operator==(const Decoded& other) const { return result == other.result && bytes == other.bytes; }
};

template <typename Function>
Decoded decode(Function function, const std::string& text) {
  cmark_strbuf buffer;
  cmark_strbuf_init(cmark_get_default_mem_allocator(), &buffer, 0);
  const long result =
      function(&buffer, reinterpret_cast<const uint8_t*>(text.data()), static_cast<bufsize_t>(text.size()));
  Decoded decoded{result,
                  std::string(reinterpret_cast<const char*>(buffer.ptr), static_cast<std::size_t>(buffer.size))};
  cmark_strbuf_free(&buffer);
  return decoded;
}

// Both implementations on `text`: the whole of it as HTML, and every suffix as a reference after "&".
void checkSame(const std::string& text) {
  INFO(text);
  REQUIRE(decode(houdini_unescape_html, text) == decode(cmark_reference_unescape_html, text));
  for (std::size_t at = 0; at <= text.size(); ++at) {
    const std::string suffix = text.substr(at);
    REQUIRE(decode(houdini_unescape_ent, suffix) == decode(cmark_reference_unescape_ent, suffix));
  }
}

}  // namespace

TEST_CASE("every HTML entity decodes as cmark decodes it", "[text][cmark]") {
  broadsheet::text::decodeRareEntities();  // as the full core does
  REQUIRE(CMARK_NUM_ENTITIES > 2000);
  for (const cmark_entity_node& entity : cmark_entities) {
    const std::string name(reinterpret_cast<const char*>(entity.entity));
    const std::string expected(reinterpret_cast<const char*>(entity.bytes));
    INFO(name);
    CHECK(decode(houdini_unescape_html, "&" + name + ";").bytes == expected);
    checkSame("&" + name + ";");
    checkSame("a&" + name + "; &" + name + " &" + name.substr(0, name.size() - 1) + "; &" + name + "x;");
  }
}

TEST_CASE("numeric references and near misses decode as cmark decodes them", "[text][cmark]") {
  broadsheet::text::decodeRareEntities();
  for (const char* text : {"",
                           "&",
                           "&&",
                           "&;",
                           "&#;",
                           "&#x;",
                           "&#X41;",
                           "&#65;",
                           "&#0;",
                           "&#xD800;",
                           "&#xDFFF;",
                           "&#x10FFFF;",
                           "&#x110000;",
                           "&#1114111;",
                           "&#1114112;",
                           "&#99999999;",
                           "&#0000065;",
                           "&#00000065;",
                           "&#x0000041;",
                           "&#x00041;",
                           "&#12",
                           "&#x",
                           "&#a;",
                           "&amp",
                           "&amp ;",
                           "& amp;",
                           "&amp;amp;",
                           "&AMP;",
                           "&Amp;",
                           "no reference",
                           "&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;",
                           "&CounterClockwiseContourIntegral;",
                           "&CounterClockwiseContourIntegralx;",
                           "&zwnj;&zwj;&zz;",
                           "&AElig;&AEli;&A;",
                           "&ngE;&nbsp;&NotNestedGreaterGreater;"}) {
    checkSame(text);
  }
}

TEST_CASE("generated text decodes as cmark decodes it", "[text][cmark]") {
  broadsheet::text::decodeRareEntities();
  const std::vector<std::string> pieces = {"&",    "&",   "#",   "x",   "X",  ";",        ";",   " ",
                                           "0",    "1",   "9",   "a",   "F",  "q",        "amp", "lt",
                                           "nbsp", "not", "ngE", "Afr", "zw", "\xC3\xA9", "\xFF"};
  std::mt19937 random(7);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    const int length = static_cast<int>(random() % 12);
    for (int k = 0; k < length; ++k) text += pieces[random() % pieces.size()];
    checkSame(text);
  }
}

// The lite core's table: an entity whose text is one code point below U+2200 and whose name has at
// most 8 characters decodes as cmark decodes it; any other name is left as written and reported, so
// that the article goes to the full core.
TEST_CASE("without the rare entities, the common ones decode as cmark's and the others are reported", "[text][cmark]") {
  cmark_decode_rare_entities(0);
  broadsheet::text::takeRareEntityNamed();
  std::size_t common = 0;
  for (const cmark_entity_node& entity : cmark_entities) {
    const std::string name(reinterpret_cast<const char*>(entity.entity));
    const std::string text(reinterpret_cast<const char*>(entity.bytes));
    INFO(name);
    int32_t codePoint = 0;
    const int sequence = cmark_utf8proc_iterate(reinterpret_cast<const uint8_t*>(text.data()),
                                                static_cast<bufsize_t>(text.size()), &codePoint);
    const bool expectCommon =
        static_cast<std::size_t>(sequence) == text.size() && codePoint < 0x2200 && name.size() <= 8;
    const std::string reference = "&" + name + ";";
    const Decoded ours = decode(houdini_unescape_html, "a " + reference + " b");
    const bool reported = broadsheet::text::takeRareEntityNamed();
    REQUIRE(reported == !expectCommon);
    if (expectCommon) {
      ++common;
      REQUIRE(ours == decode(cmark_reference_unescape_html, "a " + reference + " b"));
    } else {
      REQUIRE(ours.bytes == "a " + reference + " b");
    }
  }
  CHECK(common == 677);
  // Numeric references and text without a name are decoded as before, and report nothing.
  for (const char* text : {"&#233; &#xE9; & &; a&b", "&#x2713;"}) {
    INFO(text);
    REQUIRE(decode(houdini_unescape_html, text) == decode(cmark_reference_unescape_html, text));
    REQUIRE_FALSE(broadsheet::text::takeRareEntityNamed());
  }
  // A name that is no entity at all may be a rare one, as far as the lite core knows.
  decode(houdini_unescape_html, "&notanentity;");
  REQUIRE(broadsheet::text::takeRareEntityNamed());
  broadsheet::text::decodeRareEntities();
  decode(houdini_unescape_html, "&notanentity; &check;");
  REQUIRE_FALSE(broadsheet::text::takeRareEntityNamed());
}
