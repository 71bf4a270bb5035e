// Checks of single values the article format makes: dates, language tags, whole numbers, blank
// text; and how a URL is quoted in a message.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "format/kept_value.hpp"

namespace broadsheet::format {

// Only white space (or nothing).
bool isBlank(const std::string& text);

// A URL quoted in a message: one printable line, cut short when long.
std::string quotedUrl(std::string_view url);

// ISO 8601 calendar date, optionally with a time: YYYY-MM-DD[Thh:mm[:ss[.fff]][Z|±hh:mm]].
bool isIsoDate(std::string_view text);

// A well-formed BCP 47 tag in the common shape: a 2-3 letter language, then subtags of 1-8
// letters or digits.
bool isLanguageTag(std::string_view tag);

// The language subtag, lower-cased: "kk-Cyrl" -> "kk". "_" separates too, as callers' options
// (not validated as tags) sometimes spell it.
std::string primaryLanguage(std::string_view tag);

// Whether the tag is written right to left: by its script subtag when it has one ("az-Arab",
// "ug-Latn"), otherwise by its language.
bool isRightToLeft(std::string_view tag);

// A number with no fraction (2 and 2.0 alike, as JSON Schema's "integer" counts them), or nothing.
std::optional<double> wholeNumber(const KeptValue& value);

}  // namespace broadsheet::format
