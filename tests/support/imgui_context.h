#pragma once
// A Dear ImGui context without a window, for tests that draw into ImGui's draw lists: the display size
// set, the font atlas built, nothing written to disk.

#include <imgui.h>

namespace kiosk::test {

class ImGuiContextForTest {
 public:
  explicit ImGuiContextForTest(ImVec2 display = ImVec2(1920, 1080)) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = display;
    io.IniFilename = nullptr;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  ~ImGuiContextForTest() { ImGui::DestroyContext(); }
  ImGuiContextForTest(const ImGuiContextForTest&) = delete;
  ImGuiContextForTest& operator=(const ImGuiContextForTest&) = delete;
};

}  // namespace kiosk::test
