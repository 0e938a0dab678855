#pragma once
// Which bundle the kiosk shows: the first one at start, the one sync made current at an idle moment, and
// a plain out-of-service screen when none can be shown. A bundle that does not load never replaces the
// shown one; a synced one that does not load is rolled back from, once.

#include <filesystem>
#include <optional>
#include <string>

#include "app/kiosk.h"

namespace kiosk::app {

// Loads the bundle in dir; when it is good, it replaces the shown one (content, map, everything the
// screens use). Otherwise says why and changes nothing.
bool load_bundle(Kiosk& k, const std::filesystem::path& dir, std::string& why);

// No bundle can be shown: a plain screen says so in every language, the journal and the self-test say
// why, and sync goes on (a good bundle is shown as soon as one arrives). Never a blank screen or a loop.
void show_out_of_service(Kiosk& k, const std::string& why);

// At an idle moment (nobody using the screens, or a technician watching), shows what sync made current.
// A bundle that does not load is rejected: back to the previous one, and the status says why.
void maybe_switch_bundle(Kiosk& k);

// Starts loading the bundle show_first_bundle will show first, on another thread: a metropolis's
// thousands of service files load while fonts, speech and the display open.
void start_first_bundle_load(Kiosk& k);

// At start: the bundle named, else the synced `current` one, else the packaged sample. A broken kiosk
// config (k.config_problem says how) or a deployed kiosk without a loadable bundle shows out of service;
// returns an exit code when the kiosk cannot start (a bundle named by hand that does not load).
std::optional<int> show_first_bundle(Kiosk& k);

}  // namespace kiosk::app
