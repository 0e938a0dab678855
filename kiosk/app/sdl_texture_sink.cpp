#include "app/sdl_texture_sink.h"

namespace kiosk::app {

void* SdlTextureSink::create(int size) {
  SDL_Texture* t = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, size, size);
  if (t) {
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(t, SDL_ScaleModeLinear);
  }
  return t;
}

void SdlTextureSink::update(void* texture, const text::DirtyRect& r, const std::uint8_t* pixels, int stride,
                            bool color) {
  const int w = r.x1 - r.x0, h = r.y1 - r.y0;
  const SDL_Rect rect{r.x0, r.y0, w, h};
  if (color) {  // RGBA bytes are ABGR8888 on a little-endian machine, as SDL names packed formats
    SDL_UpdateTexture(static_cast<SDL_Texture*>(texture), &rect, pixels, stride * 4);
    return;
  }
  buffer_.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const std::uint32_t a = pixels[y * stride + x];
      buffer_[static_cast<std::size_t>(y * w + x)] = (a << 24) | 0x00FFFFFFu;  // ABGR8888: white, alpha = coverage
    }
  SDL_UpdateTexture(static_cast<SDL_Texture*>(texture), &rect, buffer_.data(), w * 4);
}

void SdlTextureSink::destroy(void* texture) {
  SDL_DestroyTexture(static_cast<SDL_Texture*>(texture));
}

}  // namespace kiosk::app
