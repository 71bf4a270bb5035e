# The WebAssembly module: one ES module (web and Node alike; Node hands it the .wasm bytes) with the
# core's few exported C functions (wasm/bindings.cpp), written to web/core/ where the JS shell and the
# npm package pick it up.
# The stack: 128 KB. Nothing in the core recurses without a bound (JSON is parsed without recursion,
# Markdown nesting is capped at 64 levels, emission follows the capped trees): tests/security (its
# pathological nesting included) and the 1 MB bench articles pass at 64 KB with Emscripten's
# stack-overflow checks on (-sSTACK_OVERFLOW_CHECK=2). 1 MB of stack was 0.9 MB of every renderer's
# linear memory (docs/performance.md).
set(BROADSHEET_WASM_STACK_BYTES 131072)
set(BROADSHEET_WASM_OUTPUT_DIR "${PROJECT_SOURCE_DIR}/web/core" CACHE PATH "Where broadsheet-core.{js,wasm} go")

# wasm/integer_snprintf.c keeps the C library's floating-point printf out of the module.
function(broadsheet_wasm_module target core output_name output_dir)
  add_executable(${target} wasm/bindings.cpp wasm/integer_snprintf.c)
  target_link_libraries(${target} PRIVATE ${core})
  broadsheet_compile_options(${target})
  broadsheet_wasm_optimize(${target})
  set_target_properties(${target} PROPERTIES
    OUTPUT_NAME ${output_name}
    SUFFIX ".js"
    RUNTIME_OUTPUT_DIRECTORY "${output_dir}")
  target_link_options(${target} PRIVATE
    -sMODULARIZE=1
    -sEXPORT_ES6=1
    -sENVIRONMENT=web
    -sEXPORT_NAME=createBroadsheetCore
    # No eval or new Function in the glue: pages with a strict CSP can load it.
    -sDYNAMIC_EXECUTION=0
    -sALLOW_MEMORY_GROWTH=1
    # Grow by 5 % over what is asked, not 20 %: the 1 MB articles' linear memory then ends within a page
    # or two of what they need (docs/performance.md).
    -sMEMORY_GROWTH_GEOMETRIC_STEP=0.05
    -sFILESYSTEM=0
    -sINITIAL_MEMORY=4194304
    -sTOTAL_STACK=${BROADSHEET_WASM_STACK_BYTES})
endfunction()

broadsheet_wasm_module(broadsheet_wasm broadsheet_core broadsheet-core "${BROADSHEET_WASM_OUTPUT_DIR}")

# The lite core for the element and the embed (docs/performance.md, "The lite core for the element"):
# the same bindings and link over broadsheet_core_lite. Its module has the same imports and exports as
# the full one, so the full core's glue instantiates it (tests/lite/lite-core.test.mjs checks that);
# only its .wasm is shipped, as web/core/broadsheet-core-lite.wasm.
broadsheet_wasm_module(broadsheet_wasm_lite broadsheet_core_lite broadsheet-core-lite "${CMAKE_CURRENT_BINARY_DIR}/lite")
add_custom_command(TARGET broadsheet_wasm_lite POST_BUILD
  COMMAND "${CMAKE_COMMAND}" -E copy "${CMAKE_CURRENT_BINARY_DIR}/lite/broadsheet-core-lite.wasm"
          "${BROADSHEET_WASM_OUTPUT_DIR}/broadsheet-core-lite.wasm"
  VERBATIM)

# The glue, minified in the Release build: emcc only strips its whitespace (its renaming pass,
# --closure 1, needs the Closure Compiler, which is not here), so esbuild (a devDependency, which
# also bundles the playground) renames its locals: 12.4 -> 6.9 KB raw, 3.9 -> 2.9 KB gzip
# (docs/performance.md, "Cuts, second round"). The module's exports and behaviour are unchanged;
# tests/js/wasm-contract.test.mjs and the CSP check read the minified file.
if(CMAKE_BUILD_TYPE STREQUAL "Release")
  find_program(BROADSHEET_ESBUILD esbuild HINTS "${PROJECT_SOURCE_DIR}/node_modules/.bin" REQUIRED)
  add_custom_command(TARGET broadsheet_wasm POST_BUILD
    COMMAND "${BROADSHEET_ESBUILD}" "${BROADSHEET_WASM_OUTPUT_DIR}/broadsheet-core.js" --minify --format=esm
            --log-level=warning --allow-overwrite "--outfile=${BROADSHEET_WASM_OUTPUT_DIR}/broadsheet-core.js"
    VERBATIM)
endif()

# The timing tool (tools/broadsheet_bench.cpp) as WASM under node, so the bench can compare the core's
# phases natively and in WASM. Reads files through NODERAWFS; not part of the package.
add_executable(broadsheet_bench_wasm tools/broadsheet_bench.cpp)
target_link_libraries(broadsheet_bench_wasm PRIVATE broadsheet_core)
broadsheet_compile_options(broadsheet_bench_wasm)
broadsheet_wasm_optimize(broadsheet_bench_wasm)
# .cjs: the repository's package.json makes .js files ES modules, and this tool is CommonJS.
set_target_properties(broadsheet_bench_wasm PROPERTIES SUFFIX ".cjs")
target_link_options(broadsheet_bench_wasm PRIVATE -sENVIRONMENT=node -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1
                    -sTOTAL_STACK=${BROADSHEET_WASM_STACK_BYTES})
