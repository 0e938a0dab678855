#pragma once
// The screen a kiosk shows when it has no bundle it can show.

#include "ui/ui_env.h"

namespace kiosk::ui {

// env: an env over content with no bundle facts, only the UI catalogs; draws "out of service" in each.
void draw_out_of_service(UiEnv& env);

}  // namespace kiosk::ui
