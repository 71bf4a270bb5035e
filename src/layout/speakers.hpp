// Speaker recognition: finding an analyst in running text in any grammatical form, and tying the
// inline quotes of a paragraph to the analyst their sentence names.
//
// Names are found whole-word, in Cyrillic (Russian, Ukrainian, Belarusian, Kazakh, Kyrgyz, Uzbek,
// Tajik) and Latin script, declined or with a Turkic or Tajik case suffix; docs/layout.md has the
// rules. Everything here is linear in the text, without regex, iostreams or locales.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::layout {

struct InlineQuote;
class SpeakerName;
std::vector<InlineQuote> attributeInlineQuotes(std::string_view paragraph, const std::vector<SpeakerName>& speakers);

// One analyst's name, ready to be found in running text.
class SpeakerName {
 public:
  // `name` is person.name without honorific, e.g. "Динара Алимова".
  explicit SpeakerName(std::string_view name);
  // Byte offset of the first mention of the person in `text` in any grammatical form, or npos.
  std::size_t firstMentionIn(std::string_view text) const;
  bool namedIn(std::string_view text) const { return firstMentionIn(text) != std::string_view::npos; }

 private:
  // One word of the name as it appears in text: the stem, then one of the endings its declension
  // gives, then optionally (hyphenated or not) one of the case suffixes of its script.
  struct Paradigm {
    std::u32string stem;
    std::vector<std::u32string_view> endings;
    bool cyrillic = true;
  };
  bool isMention(std::u32string_view foldedWord) const;
  friend std::vector<InlineQuote> attributeInlineQuotes(std::string_view, const std::vector<SpeakerName>&);

  std::vector<Paradigm> paradigms_;
};

// One «…» / “…” span of a paragraph.
struct InlineQuote {
  std::size_t begin = 0, end = 0;      // byte range of the words inside the marks
  std::optional<std::size_t> speaker;  // index into the speakers vector
};

// The quoted spans of a paragraph's plain text, in reading order, each tied to the analyst its
// sentence names. A span runs from « or “ (or „) to its closing mark; marks nested inside it are part
// of it, and an opening mark never closed runs to the end of the paragraph (the convention for a
// quotation continuing into the next one). The sentence of a span stretches from the previous
// sentence end to the next one (. ! ? … outside quote marks; not after a one-letter word or a
// common abbreviation such as "проф.", nor before a lower-case word). The speaker is the analyst
// named first after the span in its sentence ("«…», — считает Динара Алимова."), else the one
// named last before it ("По словам Алимовой, «…»."), else, when the sentence names nobody, the one
// analyst a lead-in sentence just before names, if that sentence quotes nobody itself ("Алимова
// давно изучает рынок. «…»."). A quotation after another's words ("…, — считает Алимова. В
// министерстве ответили: «…».") is nobody's. Names inside quotes are not counted.
std::vector<InlineQuote> attributeInlineQuotes(std::string_view paragraph, const std::vector<SpeakerName>& speakers);

}  // namespace broadsheet::layout
