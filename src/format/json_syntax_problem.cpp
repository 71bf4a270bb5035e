#include "format/json_syntax_problem.hpp"

#include "format/closest_name.hpp"

namespace broadsheet::format {
namespace {

constexpr std::size_t kMaxNesting = 1024;  // deeper than any limit a parse can pass; past it, no answer
constexpr std::size_t kShownBytes = 40;    // of a name, word or number quoted in a message

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isHex(char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool isWordStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$'; }
bool isWordPart(char c) { return isWordStart(c) || isDigit(c); }
bool isNumberPart(char c) { return isDigit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; }

// At least four upper-case hexadecimal digits, as U+ notation and \u escapes write them (no printf:
// it would bring its whole formatter into the WASM module).
std::string hexDigits(unsigned value) {
  std::string digits;
  do {
    digits.insert(digits.begin(), "0123456789ABCDEF"[value % 16]);
    value /= 16;
  } while (value > 0);
  if (digits.size() < 4) digits.insert(0, 4 - digits.size(), '0');
  return digits;
}

std::string codePointName(unsigned codePoint) { return "U+" + hexDigits(codePoint); }

// The length of the well-formed UTF-8 sequence at `at` (RFC 3629: no overlong forms, no surrogates,
// nothing past U+10FFFF), or 0.
std::size_t utf8Length(std::string_view text, std::size_t at, unsigned& codePoint) {
  const auto byte = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u; };
  const unsigned lead = byte(at);
  std::size_t length = 0;
  unsigned low = 0x80, high = 0xBF;  // the allowed range of the second byte
  if (lead < 0x80) {
    codePoint = lead;
    return 1;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    codePoint = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    codePoint = lead & 0x0F;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    codePoint = lead & 0x07;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned next = byte(at + i);
    if (next < (i == 1 ? low : 0x80) || next > (i == 1 ? high : 0xBF)) return 0;
    codePoint = (codePoint << 6) | (next & 0x3F);
  }
  return length;
}

// A piece of the text quoted in a message: at most kShownBytes, cut between characters.
std::string shown(std::string_view piece) {
  if (piece.size() <= kShownBytes) return std::string(piece);
  std::size_t end = kShownBytes;
  while (end > 0 && (static_cast<unsigned char>(piece[end]) & 0xC0) == 0x80) --end;
  return std::string(piece.substr(0, end)) + "…";
}

std::string quoted(std::string_view piece) { return "`" + shown(piece) + "`"; }

// What a value is to the reader: the whole document, a member's value, an item of an array, or a
// member name (only strings are names).
struct Place {
  enum class Kind { Document, Member, Item, Name } kind = Kind::Document;
  std::string name;  // the member's name; for an item, its array's name when the array is a member's value
};

std::string expectedValue(const Place& place) {
  switch (place.kind) {
    case Place::Kind::Member:
      return "the value of " + quoted(place.name);
    case Place::Kind::Item:
      return place.name.empty() ? "an item" : "an item of " + quoted(place.name);
    default:
      return "a JSON value (an article is an object, `{ … }`)";
  }
}

std::string afterValue(const Place& place) {
  return place.kind == Place::Kind::Member ? "after the value of " + quoted(place.name)
         : place.name.empty()              ? "after an item"
                                           : "after an item of " + quoted(place.name);
}

std::string insideString(const Place& place) {
  switch (place.kind) {
    case Place::Kind::Member:
      return "inside the string of " + quoted(place.name);
    case Place::Kind::Item:
      return place.name.empty() ? "inside a string in an array" : "inside a string in " + quoted(place.name);
    case Place::Kind::Name:
      return "inside a member name";
    default:
      return "inside the string";
  }
}

std::string stringNotClosed(const Place& place) {
  switch (place.kind) {
    case Place::Kind::Member:
      return "the string of " + quoted(place.name) + " is not closed: add its closing `\"`";
    case Place::Kind::Name:
      return "a member name is not closed: add its closing `\"`";
    default:
      return "a string is not closed: add its closing `\"`";
  }
}

// Reads the text as strict JSON, stopping at the first thing that is not, with a message about it.
class StrictReader {
 public:
  explicit StrictReader(std::string_view text) : text_(text) {}

  std::optional<SyntaxProblem> read() {
    skipSpace();
    if (atEnd()) return SyntaxProblem{0, "the text holds no JSON: an article is a JSON object, `{ … }`"};
    if (!value(Place{})) return problem_;
    skipSpace();
    if (atEnd()) return std::nullopt;
    if (comment()) return problem_;
    fail(at_, "more text after the end of the document (" + found(at_) + "): a document holds one JSON value");
    return problem_;
  }

 private:
  bool atEnd() const { return at_ >= text_.size(); }
  char current() const { return text_[at_]; }
  char next() const { return at_ + 1 < text_.size() ? text_[at_ + 1] : '\0'; }
  void skipSpace() {
    while (!atEnd() && isSpace(current())) ++at_;
  }

  bool fail(std::size_t offset, std::string explanation) {
    problem_ = SyntaxProblem{offset, std::move(explanation)};
    return false;
  }
  bool endsEarly(const std::string& expected) {
    return fail(text_.size(), "the text ends too early: expected " + expected);
  }
  // A comment where a token should be: the problem, and true.
  bool comment() {
    if (current() != '/' || (next() != '/' && next() != '*')) return false;
    fail(at_, "JSON has no comments: remove it");
    return true;
  }

  std::string_view wordAt(std::size_t from) const {
    std::size_t end = from;
    while (end < text_.size() && isWordPart(text_[end])) ++end;
    return text_.substr(from, end - from);
  }
  std::string_view numberAt(std::size_t from) const {
    std::size_t end = from;
    while (end < text_.size() && isNumberPart(text_[end])) ++end;
    return text_.substr(from, end - from);
  }

  // The token at `offset`, for "found ...".
  std::string found(std::size_t offset) const {
    const char c = text_[offset];
    if (c == '"') return "a string";
    if (isDigit(c) || c == '-') return "the number " + quoted(numberAt(offset));
    if (isWordStart(c)) return quoted(wordAt(offset));
    if (c == '`') return "a backquote";
    if (c > 0x20 && c < 0x7F) return std::string("`") + c + "`";
    unsigned codePoint = 0;
    if (utf8Length(text_, offset, codePoint) == 0) return "bytes that are not UTF-8";
    return (codePoint < 0x20 || codePoint == 0x7F ? "the control character " : "the character ") +
           codePointName(codePoint);
  }

  bool value(const Place& place) {
    if (++depth_ > kMaxNesting) return false;  // problem_ stays empty: no answer
    skipSpace();
    if (atEnd()) return endsEarly(expectedValue(place));
    const std::size_t start = at_;
    const char c = current();
    bool read = true;
    if (c == '{') {
      read = object();
    } else if (c == '[') {
      read = array(place);
    } else if (c == '"') {
      read = string(place, nullptr);
    } else if (c == '-' || isDigit(c)) {
      read = number();
    } else if (isWordStart(c)) {
      read = word(start);
    } else if (c == '\'') {
      read = fail(start, "strings are written in double quotes (\"), not single quotes");
    } else if ((c == '.' || c == '+') && isDigit(next())) {
      const std::string written(numberAt(start));
      read = fail(start, quoted(written) + " is not a JSON number: write " +
                             quoted(c == '.' ? "0" + written : written.substr(1)));
    } else if (!comment()) {
      read = fail(start, "expected " + expectedValue(place) + ", found " + found(start));
    } else {
      read = false;
    }
    --depth_;
    return read;
  }

  bool object() {
    ++at_;
    skipSpace();
    if (atEnd()) return endsEarly("a member name in double quotes, or `}`");
    if (current() == '}') {
      ++at_;
      return true;
    }
    std::size_t comma = std::string_view::npos;
    while (true) {
      skipSpace();
      if (atEnd()) return endsEarly("a member name in double quotes");
      const char c = current();
      std::string name;
      if (c == '"') {
        if (!string(Place{Place::Kind::Name, {}}, &name)) return false;
      } else if (c == '}' && comma != std::string_view::npos) {
        return fail(comma, "a trailing comma before `}`: remove it");
      } else if (c == ',' && comma != std::string_view::npos) {
        return fail(at_, "two commas in a row: remove one");
      } else if (c == '\'') {
        return fail(at_, "member names are written in double quotes (\"), not single quotes");
      } else if (isWordStart(c)) {
        const std::string written(wordAt(at_));
        return fail(at_, "the member name " + quoted(written) + " needs double quotes: write " +
                             quoted("\"" + written + "\""));
      } else if (comment()) {
        return false;
      } else {
        return fail(at_, "expected a member name in double quotes, found " + found(at_));
      }
      skipSpace();
      if (atEnd()) return endsEarly("`:` after the member name " + quoted(name));
      if (current() != ':') {
        if (comment()) return false;
        return fail(at_, "expected `:` after the member name " + quoted(name) + ", found " + found(at_));
      }
      ++at_;
      const Place member{Place::Kind::Member, name};
      if (!value(member)) return false;
      skipSpace();
      const std::string expected = "`,` or `}` " + afterValue(member);
      if (atEnd()) return endsEarly(expected);
      if (current() == '}') {
        ++at_;
        return true;
      }
      if (current() != ',') {
        if (comment()) return false;
        if (current() == '"') return fail(at_, "expected " + expected + ": is a comma missing?");
        return fail(at_, "expected " + expected + ", found " + found(at_));
      }
      comma = at_++;
    }
  }

  bool array(const Place& place) {
    ++at_;
    const Place item{Place::Kind::Item, place.kind == Place::Kind::Member ? place.name : std::string()};
    skipSpace();
    if (atEnd()) return endsEarly("an item or `]`");
    if (current() == ']') {
      ++at_;
      return true;
    }
    std::size_t comma = std::string_view::npos;
    while (true) {
      skipSpace();
      if (!atEnd() && current() == ']' && comma != std::string_view::npos) {
        return fail(comma, "a trailing comma before `]`: remove it");
      }
      if (!atEnd() && current() == ',' && comma != std::string_view::npos) {
        return fail(at_, "two commas in a row: remove one");
      }
      if (!value(item)) return false;
      skipSpace();
      const std::string expected = "`,` or `]` " + afterValue(item);
      if (atEnd()) return endsEarly(expected);
      const char c = current();
      if (c == ']') {
        ++at_;
        return true;
      }
      if (c != ',') {
        if (comment()) return false;
        if (c == '"' || c == '{' || c == '[' || c == '-' || isDigit(c) || isWordStart(c)) {
          return fail(at_, "expected " + expected + ": is a comma missing?");
        }
        return fail(at_, "expected " + expected + ", found " + found(at_));
      }
      comma = at_++;
    }
  }

  // A string from its opening quote; `name` (when given) receives it as written, escapes and all.
  bool string(const Place& place, std::string* name) {
    const std::size_t open = at_++;
    while (true) {
      if (atEnd()) return fail(open, stringNotClosed(place));
      const auto c = static_cast<unsigned char>(current());
      if (c == '"') {
        if (name) *name = std::string(text_.substr(open + 1, at_ - open - 1));
        ++at_;
        return true;
      }
      if (c == '\n' || c == '\r') return fail(at_, "a line break " + insideString(place) + ": write it as \\n");
      if (c == '\t') return fail(at_, "a tab " + insideString(place) + ": write it as \\t");
      if (c < 0x20) {
        return fail(at_, "the control character " + codePointName(c) + " " + insideString(place) + ": write it as \\u" +
                             hexDigits(c));
      }
      if (c == '\\') {
        if (!escape(place, open)) return false;
        continue;
      }
      unsigned codePoint = 0;
      const std::size_t length = utf8Length(text_, at_, codePoint);
      if (length == 0) return fail(at_, "bytes that are not UTF-8 " + insideString(place) + ": save the text as UTF-8");
      at_ += length;
    }
  }

  bool hexAt(std::size_t from, unsigned& value) const {
    if (from + 4 > text_.size()) return false;
    value = 0;
    for (std::size_t i = from; i < from + 4; ++i) {
      if (!isHex(text_[i])) return false;
      value = value * 16 + static_cast<unsigned>(isDigit(text_[i]) ? text_[i] - '0' : (text_[i] | 0x20) - 'a' + 10);
    }
    return true;
  }

  bool escape(const Place& place, std::size_t open) {
    if (at_ + 1 >= text_.size()) return fail(open, stringNotClosed(place));
    const char kind = text_[at_ + 1];
    if (kind == '"' || kind == '\\' || kind == '/' || kind == 'b' || kind == 'f' || kind == 'n' || kind == 'r' ||
        kind == 't') {
      at_ += 2;
      return true;
    }
    if (kind != 'u') {
      const std::string what = kind > 0x20 && kind < 0x7F && kind != '`' ? quoted(std::string("\\") + kind)
                                                                           : "a backslash before " + found(at_ + 1);
      return fail(at_, what + " is not a JSON escape (" + insideString(place) + "): write a backslash as `\\\\`");
    }
    unsigned unit = 0;
    if (!hexAt(at_ + 2, unit)) {
      return fail(at_, "`\\u` must be followed by four hexadecimal digits (" + insideString(place) + ")");
    }
    const std::string written(text_.substr(at_, 6));
    if (unit >= 0xDC00 && unit <= 0xDFFF) {
      return fail(at_, quoted(written) +
                           " is the second half of a surrogate pair, but no first half (`\\ud800` to `\\udbff`) "
                           "comes before it (" +
                           insideString(place) + ")");
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      unsigned second = 0;
      if (at_ + 7 >= text_.size() || text_[at_ + 6] != '\\' || text_[at_ + 7] != 'u' || !hexAt(at_ + 8, second) ||
          second < 0xDC00 || second > 0xDFFF) {
        return fail(at_, quoted(written) +
                             " is the first half of a surrogate pair, but its second half (`\\udc00` to `\\udfff`) "
                             "does not follow (" +
                             insideString(place) + ")");
      }
      at_ += 12;
      return true;
    }
    at_ += 6;
    return true;
  }

  bool number() {
    const std::size_t start = at_;
    if (current() == '-') {
      ++at_;
      if (atEnd() || !isDigit(current())) {
        if (!atEnd() && isWordStart(current())) return word(start);  // -Infinity
        return fail(start, "`-` must be followed by a digit");
      }
    }
    if (current() == '0' && isDigit(next())) {
      const std::string written(numberAt(start));
      const bool negative = written[0] == '-';
      std::size_t first = negative ? 1 : 0;
      while (first < written.size() && written[first] == '0') ++first;
      std::string fixed = written.substr(first);
      if (fixed.empty() || !isDigit(fixed[0])) fixed = "0" + fixed;
      return fail(start, quoted(written) + ": a number does not start with 0; write " +
                             quoted((negative ? "-" : "") + fixed));
    }
    while (!atEnd() && isDigit(current())) ++at_;
    if (!atEnd() && current() == '.') {
      ++at_;
      if (atEnd() || !isDigit(current())) {
        return fail(start, "expected a digit after the decimal point of " + quoted(numberAt(start)));
      }
      while (!atEnd() && isDigit(current())) ++at_;
    }
    if (!atEnd() && (current() == 'e' || current() == 'E')) {
      ++at_;
      if (!atEnd() && (current() == '+' || current() == '-')) ++at_;
      if (atEnd() || !isDigit(current())) {
        return fail(start, "expected a digit in the exponent of " + quoted(numberAt(start)));
      }
      while (!atEnd() && isDigit(current())) ++at_;
    }
    return true;
  }

  // A bare word at at_: true, false, null, or a mistake. `from` is where its token starts: the word, or a
  // minus sign before it (-Infinity).
  bool word(std::size_t from) {
    const std::string_view written = wordAt(at_);
    if (from == at_ && (written == "true" || written == "false" || written == "null")) {
      at_ += written.size();
      return true;
    }
    const std::string token = quoted(text_.substr(from, at_ - from + written.size()));
    for (std::string_view nonFinite : {"nan", "inf", "infinity"}) {
      if (editDistance(written, nonFinite, 0) == 0) {
        return fail(from, token + " is not a JSON value: JSON has no NaN or Infinity; write a number or `null`");
      }
    }
    if (from == at_) {
      if (const auto suggestion = closestName(written, {"true", "false", "null"})) {
        return fail(from, token + " is not a JSON value: did you mean `" + std::string(*suggestion) + "`?");
      }
    }
    return fail(from, token + " is not a JSON value: is it a string without its double quotes?");
  }

  std::string_view text_;
  std::size_t at_ = 0;
  std::size_t depth_ = 0;
  std::optional<SyntaxProblem> problem_;
};

}  // namespace

std::optional<SyntaxProblem> findSyntaxProblem(std::string_view text) { return StrictReader(text).read(); }

}  // namespace broadsheet::format
