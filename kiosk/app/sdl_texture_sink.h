#pragma once
// The glyph atlas's pages as SDL textures: white pixels whose alpha is the glyph coverage, so that
// ImGui's vertex colour tints the text.

#include <SDL.h>

#include <vector>

#include "text/glyph_atlas.h"

namespace kiosk::app {

class SdlTextureSink final : public text::TextureSink {
 public:
  explicit SdlTextureSink(SDL_Renderer* renderer) : renderer_(renderer) {}
  void* create(int size) override;
  void update(void* texture, const text::DirtyRect& rect, const std::uint8_t* pixels, int stride, bool color) override;
  void destroy(void* texture) override;

 private:
  SDL_Renderer* renderer_;
  std::vector<std::uint32_t> buffer_;
};

}  // namespace kiosk::app
