# Warnings for our own targets only: third-party headers come in as SYSTEM includes.
add_library(kiosk_warnings INTERFACE)
target_compile_options(kiosk_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough
  $<$<BOOL:${KIOSK_WERROR}>:-Werror>)
# GCC 12 at -O3 reports std::string concatenations inside libstdc++ as overflows/overlaps (GCC bugs
# 105329, 105651): false positives that would stop release builds.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(kiosk_warnings INTERFACE -Wno-restrict -Wno-stringop-overflow -Wno-stringop-overread -Wno-array-bounds)
  # Likewise "may be used uninitialized" inside inlined std::vector code at -O3 (it stopped the release
  # build, which CI does not make). Debug builds keep the warning; clang's asan build has its own.
  target_compile_options(kiosk_warnings INTERFACE $<$<NOT:$<CONFIG:Debug>>:-Wno-maybe-uninitialized>)
endif()
