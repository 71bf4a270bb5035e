# The WebAssembly module: one ES module (web and Node alike; Node hands it the .wasm bytes) with the
# core's few exported C functions (wasm/bindings.cpp), written to web/core/ where the JS shell and the
# npm package pick it up.
set(BROADSHEET_WASM_OUTPUT_DIR "${PROJECT_SOURCE_DIR}/web/core" CACHE PATH "Where broadsheet-core.{js,wasm} go")

add_executable(broadsheet_wasm wasm/bindings.cpp)
target_link_libraries(broadsheet_wasm PRIVATE broadsheet_core)
broadsheet_compile_options(broadsheet_wasm)
broadsheet_wasm_optimize(broadsheet_wasm)
set_target_properties(broadsheet_wasm PROPERTIES
  OUTPUT_NAME broadsheet-core
  SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${BROADSHEET_WASM_OUTPUT_DIR}")
target_link_options(broadsheet_wasm PRIVATE
  -sMODULARIZE=1
  -sEXPORT_ES6=1
  -sENVIRONMENT=web
  -sEXPORT_NAME=createBroadsheetCore
  # No eval or new Function in the glue: pages with a strict CSP can load it.
  -sDYNAMIC_EXECUTION=0
  -sALLOW_MEMORY_GROWTH=1
  -sFILESYSTEM=0
  -sINITIAL_MEMORY=4194304
  -sTOTAL_STACK=1048576)

# The timing tool (tools/broadsheet_bench.cpp) as WASM under node, so the bench can compare the core's
# phases natively and in WASM. Reads files through NODERAWFS; not part of the package.
add_executable(broadsheet_bench_wasm tools/broadsheet_bench.cpp)
target_link_libraries(broadsheet_bench_wasm PRIVATE broadsheet_core)
broadsheet_compile_options(broadsheet_bench_wasm)
broadsheet_wasm_optimize(broadsheet_bench_wasm)
# .cjs: the repository's package.json makes .js files ES modules, and this tool is CommonJS.
set_target_properties(broadsheet_bench_wasm PROPERTIES SUFFIX ".cjs")
target_link_options(broadsheet_bench_wasm PRIVATE -sENVIRONMENT=node -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1
                    -sTOTAL_STACK=1048576)
