# Every dependency comes from a Debian 12 package (deploy/install-deps.sh installs them all).
find_package(PkgConfig REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
find_package(yaml-cpp REQUIRED)
find_package(fmt REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(ZLIB REQUIRED)
find_package(BZip2 REQUIRED)
find_package(EXPAT REQUIRED)
find_package(Threads REQUIRED)
find_package(CURL REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET GLOBAL libsodium)
pkg_check_modules(HARFBUZZ REQUIRED IMPORTED_TARGET GLOBAL harfbuzz)
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET GLOBAL freetype2)
pkg_check_modules(ESPEAK REQUIRED IMPORTED_TARGET GLOBAL espeak-ng)
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET GLOBAL libqrencode)
pkg_check_modules(GEOS REQUIRED IMPORTED_TARGET GLOBAL geos)  # the map compiler: repair, simplify, triangulate
pkg_check_modules(SYSTEMD REQUIRED IMPORTED_TARGET GLOBAL libsystemd)  # sd_notify: readiness and watchdog
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET GLOBAL imgui)  # Debian: -limgui -lstb

# libosmium is header-only; Debian ships no CMake config for it. It reads PBF (zlib) and XML (expat, bz2).
find_path(OSMIUM_INCLUDE_DIR osmium/version.hpp REQUIRED)
find_path(PROTOZERO_INCLUDE_DIR protozero/version.hpp REQUIRED)
add_library(osmium_headers INTERFACE)
target_include_directories(osmium_headers SYSTEM INTERFACE ${OSMIUM_INCLUDE_DIR} ${PROTOZERO_INCLUDE_DIR})
target_link_libraries(osmium_headers INTERFACE ZLIB::ZLIB BZip2::BZip2 EXPAT::EXPAT Threads::Threads)

if(KIOSK_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
endif()
