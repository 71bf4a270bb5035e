// JSON events -> the kept document: of an article's JSON text, only what the format reads (see
// kept_value.hpp), built as nlohmann's SAX events stream past, with no JSON document in between.
// The body's blocks are not kept: each one is handed to a BodyBlockReader as soon as it ends, so no
// block outlives its text. What the kept values mean is the article reader's job (read_article.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "broadsheet/broadsheet.hpp"
#include "format/kept_value.hpp"
#include "format/member_names.hpp"
#include "format/parse_json.hpp"

namespace broadsheet::format {

// Reads the body's blocks while the text streams past (the article reader).
class BodyBlockReader {
 public:
  // Block `index` of the body array has ended; `block` is reused for the next block after this returns.
  virtual void readBodyBlock(KeptValue& block, std::size_t index) = 0;
  // The blocks handed over so far no longer count: the document gives "body" again (the last one
  // counts, as for every member), or the text is read again from its start (JsonEvents::restart).
  virtual void forgetBody() = 0;

 protected:
  ~BodyBlockReader() = default;
};

// What is kept of the document when the text has ended.
struct KeptDocument {
  JsonKind rootKind = JsonKind::Null;  // only an object is an article
  KeptValue members;                   // every member but the body
  KeptValue body;                      // a string body, or the kind and length of any other
  bool bodySeen = false;
};

// Takes the events of one JSON text (parseJson) and keeps what the article format reads: the members
// it has, and of records and lists only as many entries as `limits` lets the reader use.
class KeptDocumentBuilder final : public JsonEvents {
 public:
  KeptDocumentBuilder(const Limits& limits, BodyBlockReader& blocks) : limits_(limits), blocks_(blocks) {}

  // Complete once parseJson has returned true. Not const: the reader moves the strings out.
  KeptDocument& document() { return document_; }

  void null() override;
  void boolean(bool value) override;
  void number(double value) override;
  void string(std::string& value) override;
  void startObject() override { open(JsonKind::Object); }
  void startArray() override { open(JsonKind::Array); }
  void endObject() override { close(); }
  void endArray() override { close(); }
  void key(std::string& text) override;
  void restart() override;

 private:
  // How a container is taken: what of its contents is kept, and when they are read.
  enum class Shape {
    Skipped,   // nothing inside is kept: a member the format does not have, a wrong type, past a limit
    Document,  // the root object: its members are kept and read when the text ends
    Body,      // the body array: each block is handed over as soon as it ends
    Block,     // a block object: members kept until it ends (its type may come last)
    Record,    // an object whose members are kept: a person, the image, a link, a pull quote
    List,      // an array whose elements are kept: tags, a list's items
    Records,   // an array of records, the first `limit` kept: people, pull quotes
    Rows,      // an array of arrays of strings, the first `limit` kept: a table's rows
  };

  // Where the value that starts next goes.
  struct Slot {
    KeptValue* value = nullptr;    // null: nothing of it is kept
    Shape shape = Shape::Skipped;  // a container here is read as this shape
    bool keepContent = false;      // false: only its kind (a member the format does not have)
    Names names;                   // Record, Records, Block: the members kept whole
    std::size_t limit = 0;         // Records, Rows: how many are kept
  };

  struct Frame {
    Shape shape;
    KeptValue* value;
    Names names;
    std::size_t limit;
    Slot member;  // objects: where the current member's value goes
  };

  Slot next();
  KeptValue* startScalar(JsonKind kind);
  void endScalar();
  void open(JsonKind kind);
  void close();
  KeptValue* listHere();
  bool addListElement(JsonKind kind);
  void valueEnded();
  Slot documentMember(std::string_view name);
  void forgetBody();

  Limits limits_;
  BodyBlockReader& blocks_;
  KeptDocument document_;

  // Where the events are.
  std::vector<Frame> frames_;
  std::size_t skipDepth_ = 0;  // > 0 inside a container whose contents are not kept

  KeptValue block_;  // the block being kept (one KeptValue for all, which keeps its capacity)
};

}  // namespace broadsheet::format
