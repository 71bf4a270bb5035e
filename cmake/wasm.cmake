# The WebAssembly module: one ES module (web and Node alike; Node hands it the .wasm bytes) with the
# Embind bindings, written to web/core/ where the JS shell and the npm package pick it up.
set(BROADSHEET_WASM_OUTPUT_DIR "${PROJECT_SOURCE_DIR}/web/core" CACHE PATH "Where broadsheet-core.{js,wasm} go")

add_executable(broadsheet_wasm wasm/bindings.cpp)
target_link_libraries(broadsheet_wasm PRIVATE broadsheet_core)
broadsheet_compile_options(broadsheet_wasm)
set_target_properties(broadsheet_wasm PROPERTIES
  OUTPUT_NAME broadsheet-core
  SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${BROADSHEET_WASM_OUTPUT_DIR}")
target_link_options(broadsheet_wasm PRIVATE
  --bind
  -sMODULARIZE=1
  -sEXPORT_ES6=1
  -sENVIRONMENT=web
  -sEXPORT_NAME=createBroadsheetCore
  # Embind's default glue builds functions with new Function, which a strict CSP forbids.
  -sDYNAMIC_EXECUTION=0
  -sALLOW_MEMORY_GROWTH=1
  -sFILESYSTEM=0
  -sINITIAL_MEMORY=4194304
  -sTOTAL_STACK=1048576)
