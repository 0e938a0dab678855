#include "app/nav_keys.h"

namespace kiosk::app {

void nav_key(SDL_Scancode key, ui::NavKeys& nav) {
  switch (key) {
    case SDL_SCANCODE_DOWN:
      nav.next = true;
      break;
    case SDL_SCANCODE_UP:
      nav.previous = true;
      break;
    case SDL_SCANCODE_LEFT:
      nav.left = true;
      break;
    case SDL_SCANCODE_RIGHT:
      nav.right = true;
      break;
    case SDL_SCANCODE_RETURN:
    case SDL_SCANCODE_KP_ENTER:
    case SDL_SCANCODE_SELECT:
      nav.activate = true;
      break;
    case SDL_SCANCODE_HELP:
    case SDL_SCANCODE_F1:
      nav.help = true;
      break;
    case SDL_SCANCODE_F2:
    case SDL_SCANCODE_AGAIN:
      nav.repeat = true;
      break;
    case SDL_SCANCODE_STOP:
    case SDL_SCANCODE_PAUSE:
      nav.stop = true;
      break;
    default:
      break;
  }
}

}  // namespace kiosk::app
