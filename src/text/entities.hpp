#pragma once
// HTML entity references in CommonMark ("&eacute;"): every core decodes the 677 common ones, the full
// core also the 1,448 rare ones (mathematical operators, long aliases, combined characters), whose
// table the lite core leaves out; an article naming one is left to the full core
// (cmake/cmark_entities.cmake, src/text/cmark_html_unescape.c).

extern "C" {
void cmark_decode_rare_entities(int decode);
extern int cmark_rare_entity_named;
}

namespace broadsheet::text {

/** Makes cmark decode the rare entities too (the full core; called before it parses). */
inline void decodeRareEntities() { cmark_decode_rare_entities(1); }

/**
 * Whether a text parsed since the last call named an entity outside the common ones while the rare
 * ones were not decoded (so it may have been left as written); clears it.
 */
inline bool takeRareEntityNamed() {
  const bool named = cmark_rare_entity_named != 0;
  cmark_rare_entity_named = 0;
  return named;
}

}  // namespace broadsheet::text
