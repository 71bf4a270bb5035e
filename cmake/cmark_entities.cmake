# cmark decodes HTML entity references ("&eacute;") with a table of 2,125 entries, each a pointer to the
# name and 8 bytes for its UTF-8 text: about 42 KB in the WebAssembly module (13 KB gzip).
# src/text/cmark_html_unescape.c decodes them from one compact byte string instead, which this file
# writes from cmark's own entities.inc when CMake configures, so the entities are exactly cmark's.
#
# Each table's byte string holds its entries in cmark's (byte-wise sorted) order, each as
#   [length of the prefix shared with the previous name] [rest of the name] [length of the text] [text]
# Names are ASCII letters and digits, and both lengths are below 0x20, so the name ends at the first
# byte under 0x20. Every 16th entry starts a block and shares nothing with the one before it; the
# blocks' offsets let a lookup binary-search the blocks and then read at most 16 entries.
# cmark's houdini_html_u.c (which holds the table) is not compiled.
set(entity_block_size 16)

file(READ "${cmark_src}/entities.inc" entities_inc)
string(REGEX MATCHALL "\\{\\(unsigned char\\*\\)\"[A-Za-z0-9]+\", \\{[0-9, ]+\\}\\}" entity_entries "${entities_inc}")
string(REGEX MATCH "#define CMARK_NUM_ENTITIES ([0-9]+)" _ "${entities_inc}")
set(entity_declared_count "${CMAKE_MATCH_1}")
list(LENGTH entity_entries entity_count)
if(entity_count LESS 2000 OR NOT entity_count EQUAL entity_declared_count)
  message(FATAL_ERROR "cmark's entities.inc has an unexpected form (${entity_count} entries read, "
                      "${entity_declared_count} declared)")
endif()

# Two tables: the common entities (one code point below U+2200, whose names have at most 8 characters:
# Latin letters, Greek, punctuation, currency, letterlike symbols and arrows; 677 of them), which every
# core decodes, and the rest (mathematical operators, long aliases, combined characters), which only
# the full core does: the lite core leaves an article that names one of those to the full core
# (src/text/cmark_html_unescape.c). The rest is about 7 KB of the lite core's gzip size.
set(common_entity_entries "")
set(rare_entity_entries "")
set(previous_name "")
foreach(entry IN LISTS entity_entries)
  string(REGEX MATCH "\"([A-Za-z0-9]+)\", \\{([0-9, ]+)\\}" _ "${entry}")
  set(name "${CMAKE_MATCH_1}")
  string(REPLACE " " "" text_bytes "${CMAKE_MATCH_2}")
  string(REPLACE "," ";" text_bytes "${text_bytes}")
  list(REMOVE_ITEM text_bytes 0)  # cmark's text is zero-terminated
  list(LENGTH text_bytes text_length)
  string(LENGTH "${name}" name_length)
  if(NOT previous_name STRLESS name AND NOT previous_name STREQUAL "")
    message(FATAL_ERROR "cmark's entities are not sorted: ${previous_name} before ${name}")
  endif()
  if(name_length GREATER 31 OR text_length LESS 1 OR text_length GREATER 31)
    message(FATAL_ERROR "cmark's entity ${name} does not fit the compact table")
  endif()
  set(previous_name "${name}")
  # One code point below U+2200: one or two UTF-8 bytes, or three led by E0 or E1, or by E2 then 80-87.
  set(common FALSE)
  list(GET text_bytes 0 lead)
  if(name_length LESS_EQUAL 8 AND (text_length LESS_EQUAL 2 OR text_length EQUAL 3))
    if(text_length LESS_EQUAL 2 OR lead EQUAL 224 OR lead EQUAL 225)
      set(common TRUE)
    elseif(lead EQUAL 226)
      list(GET text_bytes 1 second)
      if(second LESS 136)
        set(common TRUE)
      endif()
    endif()
  endif()
  if(text_length EQUAL 2 AND lead LESS 194)
    set(common FALSE)  # two bytes that are not one code point: an ASCII character and another
  endif()
  string(REPLACE ";" "," text_list "${text_bytes}")  # one list element per entry
  if(common)
    list(APPEND common_entity_entries "${name}=${text_list}")
  else()
    list(APPEND rare_entity_entries "${name}=${text_list}")
  endif()
endforeach()

# Writes the C initializers of one table: ${prefix}_bytes and ${prefix}_block_offsets.
function(write_entity_table entries prefix)
  set(bytes "")
  set(block_offsets "")
  set(offset 0)
  set(index 0)
  set(previous_name "")
  foreach(entry IN LISTS entries)
    string(REGEX MATCH "^([A-Za-z0-9]+)=(.*)$" _ "${entry}")
    set(name "${CMAKE_MATCH_1}")
    string(REPLACE "," ";" text_bytes "${CMAKE_MATCH_2}")
    list(LENGTH text_bytes text_length)
    string(LENGTH "${name}" name_length)
    math(EXPR block_position "${index} % ${entity_block_size}")
    set(shared 0)
    if(block_position EQUAL 0)
      string(APPEND block_offsets "${offset},")
    else()
      string(LENGTH "${previous_name}" previous_length)
      while(shared LESS name_length AND shared LESS previous_length)
        string(SUBSTRING "${name}" ${shared} 1 a)
        string(SUBSTRING "${previous_name}" ${shared} 1 b)
        if(NOT a STREQUAL b)
          break()
        endif()
        math(EXPR shared "${shared} + 1")
      endwhile()
    endif()
    set(line "${shared},")
    set(position ${shared})
    while(position LESS name_length)
      string(SUBSTRING "${name}" ${position} 1 character)
      string(APPEND line "'${character}',")
      math(EXPR position "${position} + 1")
    endwhile()
    string(APPEND line "${text_length},")
    foreach(byte IN LISTS text_bytes)
      string(APPEND line "${byte},")
    endforeach()
    string(APPEND bytes "  /* ${name} */ ${line}\n")
    math(EXPR offset "${offset} + 1 + ${name_length} - ${shared} + 1 + ${text_length}")
    math(EXPR index "${index} + 1")
    set(previous_name "${name}")
  endforeach()
  if(offset GREATER 65535)
    message(FATAL_ERROR "cmark's entities take ${offset} bytes, more than 16-bit offsets reach")
  endif()
  set(${prefix}_bytes "${bytes}" PARENT_SCOPE)
  set(${prefix}_block_offsets "${block_offsets}" PARENT_SCOPE)
  set(${prefix}_count "${index}" PARENT_SCOPE)
endfunction()
write_entity_table("${common_entity_entries}" common_entity)
write_entity_table("${rare_entity_entries}" rare_entity)

file(CONFIGURE OUTPUT "${cmark_generated}/cmark_entity_table.h" CONTENT
"// Generated by cmake/cmark_entities.cmake from cmark's entities.inc (${entity_count} entities:
// ${common_entity_count} common, ${rare_entity_count} rare).
#include <stdint.h>
#define ENTITY_NAME_MAX_LENGTH 31
static const uint8_t kCommonEntityBytes[] = {
${common_entity_bytes}};
static const uint16_t kCommonEntityBlockOffsets[] = {${common_entity_block_offsets}};
static const uint8_t kRareEntityBytes[] = {
${rare_entity_bytes}};
static const uint16_t kRareEntityBlockOffsets[] = {${rare_entity_block_offsets}};
" @ONLY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${cmark_src}/entities.inc")
