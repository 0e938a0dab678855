#pragma once
// The resident UI driven frame by frame as the app drives it: the sample bundle, real fonts, a windowless
// ImGui context, 1280x720 (tests/ui).

#include <catch2/catch.hpp>

#include <imgui.h>

#include "core/bundle/content_loader.h"
#include "support/imgui_context.h"
#include "support/test_support.h"
#include "text/text_engine.h"
#include "ui/kiosk_ui.h"

namespace kiosk::test {

struct UiFixture {
  Content content = load_content(test::sample_bundle(), test::locales_dir());
  Diagnostics diags;
  std::unique_ptr<text::TextEngine> text = text::make_text_engine(text::default_font_config(), diags);
  TimeFormats time_formats;
  ui::UiSettings settings;
  std::unique_ptr<ui::UiEnv> env;
  ui::Session session;
  test::ImGuiContextForTest imgui{ImVec2(1280, 720)};

  UiFixture() {
    REQUIRE(content.ok());
    REQUIRE(text);
    settings.idle_seconds = 30;
    settings.warning_seconds = 20;
    env = ui::make_env(content, *text, time_formats, settings, "");
  }

  ui::FrameOutput frame(double clock, bool touched = false, ui::NavKeys nav = {}) {
    ImGui::GetIO().DeltaTime = 1.f / 30;
    ImGui::NewFrame();
    ui::FrameInput in;
    in.size = ImVec2(1280, 720);
    in.now = {{2026, 11, 26}, 10 * 60};
    in.clock = clock;
    in.touched = touched;
    in.nav = nav;
    ui::begin_frame(*env, session, in);
    ui::draw_frame(*env, session);
    ui::FrameOutput out = ui::end_frame(*env);
    ImGui::Render();
    return out;
  }
};

}  // namespace kiosk::test
