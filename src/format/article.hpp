// The typed article model: what the author wrote, after validation. Every member here is valid;
// members that failed validation are absent (their diagnostics explain why).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace broadsheet::format {

struct Person {
  std::string id;
  std::string name;
  std::string role;
  std::string affiliation;
  std::string honorific;
  std::string url;
};

struct Image {
  std::string src;
  std::string alt;
  std::string caption;  // inline CommonMark
  std::string credit;   // inline CommonMark
  int width = 0;        // 0 when not given
  int height = 0;
};

struct Link {
  std::string label;
  std::string url;
};

enum class BlockType { Paragraph, Heading, Quote, PullQuote, List, Image, Note, Divider, Markdown };

// One body block. Which members are used depends on `type`; the rest stay empty.
struct Block {
  BlockType type = BlockType::Paragraph;
  std::string text;                // inline CommonMark (block CommonMark for Markdown)
  int level = 2;                   // Heading
  std::string by;                  // Quote, PullQuote: a valid analyst id or empty
  std::string attribution;         // Quote: free-text attribution when there is no analyst
  bool ordered = false;            // List
  std::vector<std::string> items;  // List: inline CommonMark
  Image image;                     // Image
};

struct PullQuote {
  std::string text;
  std::string by;
};

struct Article {
  std::string id;
  std::string lang = "en";
  std::string dir;  // "ltr" or "rtl"; resolved from lang when the document says "auto" or nothing
  std::string headline;
  std::string standfirst;
  std::string published;
  std::string updated;
  std::string section;
  std::vector<std::string> tags;
  std::optional<Link> publisher;  // label holds the publisher's name
  std::string canonicalUrl;
  std::vector<Person> authors;
  std::vector<Person> analysts;
  std::optional<Image> image;
  std::vector<Block> body;  // a CommonMark string body becomes one Markdown block
  std::vector<PullQuote> pullquotes;
  bool autoPullquotes = false;  // "pullquotes": "auto"
  std::string note;
  std::optional<Link> callToAction;

  const Person* findAnalyst(const std::string& analystId) const;
};

}  // namespace broadsheet::format
