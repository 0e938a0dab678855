#pragma once
// Keys of a keyboard or a tactile keypad (EZ-Access style: arrows, Enter, Help) to the UI's navigation.

#include <SDL.h>

#include "ui/a11y.h"

namespace kiosk::app {

void nav_key(SDL_Scancode key, ui::NavKeys& nav);

}  // namespace kiosk::app
