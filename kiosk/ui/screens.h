#pragma once
// The resident screens. Each draws into the full-screen window within `area` and changes the session.

#include "ui/ui_env.h"
#include "ui/widgets.h"

namespace kiosk::ui {

void draw_attract(UiEnv& env, Session& s, const ImRect& area);
void draw_language(UiEnv& env, Session& s, const ImRect& area);
void draw_home(UiEnv& env, Session& s, const ImRect& area);
void draw_list(UiEnv& env, Session& s, const ImRect& area);
void draw_detail(UiEnv& env, Session& s, const ImRect& area);
void draw_search(UiEnv& env, Session& s, const ImRect& area);
void draw_map(UiEnv& env, Session& s, const ImRect& area);
void draw_accessibility(UiEnv& env, Session& s, const ImRect& area);

// The bar on top of every screen but attract: back, title, language and accessibility buttons.
// Returns the area below it.
ImRect draw_top_bar(UiEnv& env, Session& s, const std::string& title);

// The height a service row needs at the current text size and script.
float service_row_height(UiEnv& env, float width);
// One list row for a service; returns true when tapped.
bool service_row(UiEnv& env, const ListedService& ls, const ImRect& r, int index);

// Goes to a screen, keeping the way back simple (home is the root).
void go(Session& s, Screen to);

}  // namespace kiosk::ui
