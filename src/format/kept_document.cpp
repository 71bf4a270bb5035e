#include "format/kept_document.hpp"

#include "format/article.hpp"

namespace broadsheet::format {

void KeptDocumentBuilder::null() {
  startScalar(JsonKind::Null);
  endScalar();
}

void KeptDocumentBuilder::boolean(bool value) {
  if (KeptValue* kept = startScalar(JsonKind::Boolean)) kept->boolean = value;
  endScalar();
}

void KeptDocumentBuilder::number(double value) {
  if (KeptValue* kept = startScalar(JsonKind::Number)) kept->number = value;
  endScalar();
}

void KeptDocumentBuilder::string(std::string& value) {
  // A copy, not a move: the parser's buffer keeps its capacity for the next string, and the kept
  // string gets exactly its size (a moved buffer grown escape by escape held up to twice its size:
  // the generated 1 MB article's WASM memory grew by 256 KB; moving saved no time either).
  if (KeptValue* kept = startScalar(JsonKind::String)) {
    kept->string = value;
  } else if (KeptValue* list = listHere()) {
    list->itemStrings.push_back(value);
  }
  endScalar();
}

void KeptDocumentBuilder::key(std::string& text) {
  if (skipDepth_ > 0) return;
  const std::string_view name = text;
  Frame& frame = frames_.back();
  if (frame.shape == Shape::Document) {
    frame.member = documentMember(text);
    return;
  }
  const std::string_view* known = frame.names.find(name);
  if (!known) {
    frame.value->unknownNames.insert(name);
    frame.member = Slot{};
    return;
  }
  // The one object inside a record: syndication's source.
  if (frame.names.first == names(kSyndicationMembers).first && name == "source") {
    frame.member = Slot{&frame.value->set(*known), Shape::Record, true, names(kSourceMembers), 0};
    return;
  }
  // Images' candidates (an image block's, the lead image's, a gallery's images') and a gallery's images.
  if (name == "sources" && (frame.shape == Shape::Block || frame.names.first == names(kImageMembers).first)) {
    frame.member = Slot{&frame.value->set(*known), Shape::Records, true, names(kImageSourceMembers), kMaxImageSources};
    return;
  }
  if (name == "images" && frame.shape == Shape::Block) {
    frame.member = Slot{&frame.value->set(*known), Shape::Records, true, names(kImageMembers), kMaxGalleryImages};
    return;
  }
  if (frame.shape == Shape::Block && name == "rows") {
    frame.member = Slot{&frame.value->set(*known), Shape::Rows, true, {}, kMaxTableRows};
    return;
  }
  // Lists of strings: a list's items, a table's header and column alignments.
  const bool list = frame.shape == Shape::Block && (name == "items" || name == "header" || name == "align");
  frame.member = Slot{&frame.value->set(*known), list ? Shape::List : Shape::Skipped, true, {}, 0};
}

void KeptDocumentBuilder::restart() {
  forgetBody();
  document_.bodySeen = false;
  document_.members.clear();
  frames_.clear();
  skipDepth_ = 0;
  document_.rootKind = JsonKind::Null;
}

// The value starting now: where it goes, and for a container how it is read.
KeptDocumentBuilder::Slot KeptDocumentBuilder::next() {
  Frame& frame = frames_.back();
  switch (frame.shape) {
    case Shape::Body:
      if (frame.value->length++ >= limits_.maxBlocks) return Slot{};  // the reader reports it once, at the end
      block_.clear();
      return Slot{&block_, Shape::Block, true, names(kBlockMembers), 0};
    case Shape::Records:
      if (frame.value->length++ >= frame.limit) return Slot{};
      frame.value->items.emplace_back();
      return Slot{&frame.value->items.back(), Shape::Record, true, frame.names, 0};
    case Shape::Rows:
      // Rows past the limit are counted, not kept (the reader reports them).
      if (frame.value->length++ >= frame.limit) return Slot{};
      frame.value->items.emplace_back();
      return Slot{&frame.value->items.back(), Shape::List, true, {}, 0};
    default: return frame.member;
  }
}

KeptValue* KeptDocumentBuilder::startScalar(JsonKind kind) {
  if (skipDepth_ > 0) return nullptr;
  if (frames_.empty()) {
    document_.rootKind = kind;
    return nullptr;
  }
  if (addListElement(kind)) return nullptr;
  const Slot slot = next();
  if (!slot.value) return nullptr;
  slot.value->kind = kind;
  return slot.keepContent ? slot.value : nullptr;
}

void KeptDocumentBuilder::endScalar() {
  if (skipDepth_ == 0) valueEnded();
}

void KeptDocumentBuilder::open(JsonKind kind) {
  if (skipDepth_ > 0) {
    ++skipDepth_;
    return;
  }
  if (frames_.empty()) {
    document_.rootKind = kind;
    if (kind == JsonKind::Object) {
      frames_.push_back(Frame{Shape::Document, &document_.members, {}, 0, Slot{}});
    } else {
      skipDepth_ = 1;
    }
    return;
  }
  if (addListElement(kind)) {
    skipDepth_ = 1;  // only a string is an element the format reads
    return;
  }
  const Slot slot = next();
  if (slot.value) slot.value->kind = kind;
  const bool wantsObject = slot.shape == Shape::Block || slot.shape == Shape::Record;
  const bool wantsArray = slot.shape == Shape::Body || slot.shape == Shape::List || slot.shape == Shape::Records ||
                          slot.shape == Shape::Rows;
  if (!slot.value || !slot.keepContent || !(kind == JsonKind::Object ? wantsObject : wantsArray)) {
    skipDepth_ = 1;
    return;
  }
  frames_.push_back(Frame{slot.shape, slot.value, slot.names, slot.limit, Slot{}});
}

void KeptDocumentBuilder::close() {
  if (skipDepth_ > 0) {
    if (--skipDepth_ == 0) valueEnded();
    return;
  }
  frames_.pop_back();
  valueEnded();
}

// The array of strings whose element starts now, if that is where the events are.
KeptValue* KeptDocumentBuilder::listHere() {
  return skipDepth_ == 0 && !frames_.empty() && frames_.back().shape == Shape::List ? frames_.back().value : nullptr;
}

// Records an element's kind when the events are in an array of strings (its text comes with it).
bool KeptDocumentBuilder::addListElement(JsonKind kind) {
  KeptValue* list = listHere();
  if (!list) return false;
  ++list->length;
  list->itemKinds.push_back(kind);
  return true;
}

// A whole value has been kept: a block of the body is handed to the reader now.
void KeptDocumentBuilder::valueEnded() {
  if (frames_.empty()) return;
  const Frame& frame = frames_.back();
  if (frame.shape == Shape::Body && frame.value->length <= limits_.maxBlocks) {
    blocks_.readBodyBlock(block_, frame.value->length - 1);
  }
}

KeptDocumentBuilder::Slot KeptDocumentBuilder::documentMember(std::string_view name) {
  if (name == "body") {
    if (document_.bodySeen) forgetBody();
    document_.bodySeen = true;
    return Slot{&document_.body, Shape::Body, true, {}, 0};
  }
  const std::string_view* known = names(kDocumentMembers).find(name);
  if (!known) {
    document_.members.unknownNames.insert(name);
    return Slot{};
  }
  KeptValue& value = document_.members.set(*known);
  if (name == "tags") return Slot{&value, Shape::List, true, {}, 0};
  if (name == "authors" || name == "analysts") {
    return Slot{&value, Shape::Records, true, names(kPersonMembers), limits_.maxPeople};
  }
  if (name == "pullquotes") {
    // No more entries than the limit can be read, whatever the body holds.
    return Slot{&value, Shape::Records, true, names(kPullquoteMembers), limits_.maxPullquotes};
  }
  if (name == "corrections") return Slot{&value, Shape::Records, true, names(kCorrectionMembers), kMaxCorrections};
  if (name == "translations") {
    return Slot{&value, Shape::Records, true, names(kTranslationMembers), kMaxTranslations};
  }
  if (name == "footnotes") return Slot{&value, Shape::Records, true, names(kFootnoteMembers), kMaxFootnotes};
  if (name == "sources") return Slot{&value, Shape::Records, true, names(kCitedSourceMembers), kMaxSources};
  if (name == "translationOf") return Slot{&value, Shape::Record, true, names(kTranslationOfMembers), 0};
  if (name == "image") return Slot{&value, Shape::Record, true, names(kImageMembers), 0};
  if (name == "publisher") return Slot{&value, Shape::Record, true, names(kPublisherMembers), 0};
  if (name == "callToAction") return Slot{&value, Shape::Record, true, names(kCallToActionMembers), 0};
  if (name == "syndication") return Slot{&value, Shape::Record, true, names(kSyndicationMembers), 0};
  return Slot{&value, Shape::Skipped, true, {}, 0};
}

// A body given twice: the last one counts, as for every other member.
void KeptDocumentBuilder::forgetBody() {
  document_.body.clear();
  blocks_.forgetBody();
}

}  // namespace broadsheet::format
