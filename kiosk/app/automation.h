#pragma once
// Scripted use of the kiosk (`--script FILE`, the soak, tests): touches, keys, waits and checks as text
// lines, and what a test reads back: the state file and the speech of a screen.

#include <filesystem>
#include <string>

#include "app/kiosk.h"

namespace kiosk::app {

// Script lines: tap X Y | drag X1 Y1 X2 Y2 | hold X Y S | key NAME | pinch X Y F | wait SECONDS |
// locale TAG | search TEXT | reload | sync | screenshot FILE | state FILE. Coordinates are screen pixels.
// Returns an exit code (2: a line that is not a command); `where` names the line in messages.
int run_command(Kiosk& k, const std::string& line, const std::string& where);
int run_script(Kiosk& k, const std::filesystem::path& file);

// The session, the last frame's controls and texts with their boxes, the bundle and the map view, as JSON.
void write_state(const Kiosk& k, const std::filesystem::path& file);

// Headless: what the current screen reads aloud, as a WAV file.
int write_speech(Kiosk& k, const std::filesystem::path& file);

}  // namespace kiosk::app
