#pragma once
// `kiosk --bench-json FILE` (run by `kioskctl bench`): start-up to the first frame, frame times over a
// tour of every screen in four scripts, and the map at city and street zoom.

#include <chrono>
#include <filesystem>

#include "app/kiosk.h"

namespace kiosk::app {

int run_bench(Kiosk& k, const std::filesystem::path& out, std::chrono::steady_clock::time_point start);

}  // namespace kiosk::app
