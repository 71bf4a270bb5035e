# cmark, compiled from Debian's source package (unpacked by scripts/setup.sh) into a static library,
# the same source for the native and the WASM build. Only the library sources are used.
set(CMARK_SOURCE_DIR "${PROJECT_SOURCE_DIR}/third_party_src/cmark" CACHE PATH "cmark source tree")
if(NOT EXISTS "${CMARK_SOURCE_DIR}/src/blocks.c")
  message(FATAL_ERROR "cmark source not found in ${CMARK_SOURCE_DIR}: run scripts/setup.sh first")
endif()

set(cmark_src "${CMARK_SOURCE_DIR}/src")
# Broadsheet writes its own HTML from the syntax tree, so cmark's xml, man, latex and commonmark
# renderers (and their shared render.c) are not built. html.c stays only because cmark.c's
# cmark_markdown_to_html refers to it; nothing calls either, and the linker drops both.
# houdini_html_u.c (entity references, with a 42 KB table) is replaced by src/text/cmark_html_unescape.c.
add_library(cmark_static STATIC
  ${cmark_src}/cmark.c ${cmark_src}/node.c ${cmark_src}/iterator.c ${cmark_src}/blocks.c
  ${cmark_src}/inlines.c ${cmark_src}/scanners.c ${cmark_src}/utf8.c ${cmark_src}/buffer.c
  ${cmark_src}/references.c ${cmark_src}/html.c ${cmark_src}/houdini_href_e.c
  ${cmark_src}/houdini_html_e.c ${cmark_src}/cmark_ctype.c
  "${PROJECT_SOURCE_DIR}/src/text/cmark_case_fold.c" "${PROJECT_SOURCE_DIR}/src/text/cmark_html_unescape.c"
  "${PROJECT_SOURCE_DIR}/src/text/cmark_scanners.c")
# Every scanner the module calls (autolinks, HTML block starts and ends, inline HTML, link titles,
# white space, headings, code fences) is src/text/cmark_scanners.c; scanners.c's re2c versions keep
# other names, which only tests/core/cmark_scanners_test.cpp calls (the linker drops them from the
# module). Its other three (scheme, entity, dangerous URL) are for cmark's renderers, not linked.
set_source_files_properties("${cmark_src}/scanners.c" PROPERTIES COMPILE_DEFINITIONS
  "_scan_autolink_uri=cmark_re2c_scan_autolink_uri;_scan_autolink_email=cmark_re2c_scan_autolink_email;_scan_html_block_start=cmark_re2c_scan_html_block_start;_scan_html_block_end_1=cmark_re2c_scan_html_block_end_1;_scan_html_block_end_2=cmark_re2c_scan_html_block_end_2;_scan_html_block_end_3=cmark_re2c_scan_html_block_end_3;_scan_html_block_end_4=cmark_re2c_scan_html_block_end_4;_scan_html_block_end_5=cmark_re2c_scan_html_block_end_5;_scan_link_title=cmark_re2c_scan_link_title;_scan_html_tag=cmark_re2c_scan_html_tag;_scan_html_block_start_7=cmark_re2c_scan_html_block_start_7;_scan_spacechars=cmark_re2c_scan_spacechars;_scan_atx_heading_start=cmark_re2c_scan_atx_heading_start;_scan_setext_heading_line=cmark_re2c_scan_setext_heading_line;_scan_open_code_fence=cmark_re2c_scan_open_code_fence;_scan_close_code_fence=cmark_re2c_scan_close_code_fence;_scan_html_comment=cmark_re2c_scan_html_comment;_scan_html_pi=cmark_re2c_scan_html_pi;_scan_html_declaration=cmark_re2c_scan_html_declaration;_scan_html_cdata=cmark_re2c_scan_html_cdata")

# The headers cmark's own build generates.
set(cmark_generated "${CMAKE_CURRENT_BINARY_DIR}/cmark_generated")
set(PROJECT_VERSION_MAJOR 0)
set(PROJECT_VERSION_MINOR 30)
set(PROJECT_VERSION_PATCH 2)
set(HAVE_STDBOOL_H 1)
set(HAVE___BUILTIN_EXPECT 1)
set(HAVE___ATTRIBUTE__ 1)
configure_file(${cmark_src}/cmark_version.h.in ${cmark_generated}/cmark_version.h)
configure_file(${cmark_src}/config.h.in ${cmark_generated}/config.h)

# Case folding as compact tables (src/text/cmark_case_fold.c) instead of cmark's switch.
include(cmake/cmark_case_fold.cmake)
# Entity references from a compact table instead of cmark's houdini_html_u.c.
include(cmake/cmark_entities.cmake)
include(GenerateExportHeader)
generate_export_header(cmark_static BASE_NAME cmark EXPORT_FILE_NAME ${cmark_generated}/cmark_export.h)

target_compile_definitions(cmark_static PUBLIC CMARK_STATIC_DEFINE)
target_include_directories(cmark_static SYSTEM PUBLIC ${cmark_src} ${cmark_generated})
set_target_properties(cmark_static PROPERTIES C_STANDARD 99 POSITION_INDEPENDENT_CODE ON)
