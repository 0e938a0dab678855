#include "text/image.h"

#include <stb_image.h>
#include <stb_image_write.h>

#include <cstdlib>

namespace kiosk::text {

Image::Image(int w, int h, Rgba fill)
    : width(w), height(h), rgba(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4) {
  for (std::size_t i = 0; i < rgba.size(); i += 4) {
    rgba[i] = fill.r;
    rgba[i + 1] = fill.g;
    rgba[i + 2] = fill.b;
    rgba[i + 3] = fill.a;
  }
}

void Image::blend(int x, int y, Rgba c, std::uint8_t coverage) {
  if (x < 0 || y < 0 || x >= width || y >= height || coverage == 0) return;
  const int a = coverage * c.a / 255;
  std::uint8_t* p =
      &rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4];
  auto mix = [a](std::uint8_t dst, std::uint8_t src) {
    return static_cast<std::uint8_t>((src * a + dst * (255 - a)) / 255);
  };
  p[0] = mix(p[0], c.r);
  p[1] = mix(p[1], c.g);
  p[2] = mix(p[2], c.b);
  p[3] = static_cast<std::uint8_t>(std::min(255, p[3] + a));
}

bool write_png(const std::filesystem::path& path, const Image& image) {
  return stbi_write_png(path.string().c_str(), image.width, image.height, 4, image.rgba.data(), image.width * 4) != 0;
}

std::optional<Image> read_png(const std::filesystem::path& path) {
  int w = 0, h = 0, n = 0;
  unsigned char* data = stbi_load(path.string().c_str(), &w, &h, &n, 4);
  if (!data) return std::nullopt;
  Image img;
  img.width = w;
  img.height = h;
  img.rgba.assign(data, data + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  stbi_image_free(data);
  return img;
}

ImageDiff compare(const Image& a, const Image& b) {
  ImageDiff d;
  d.same_size = a.width == b.width && a.height == b.height;
  if (!d.same_size || a.rgba.empty()) return d;
  std::size_t sum = 0, different = 0;
  for (std::size_t i = 0; i < a.rgba.size(); i += 4) {
    int worst = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const int diff = std::abs(a.rgba[i + k] - b.rgba[i + k]);
      sum += static_cast<std::size_t>(diff);
      worst = std::max(worst, diff);
    }
    different += worst > 64;
  }
  d.mean = static_cast<double>(sum) / static_cast<double>(a.rgba.size());
  d.share_different = static_cast<double>(different) / static_cast<double>(a.rgba.size() / 4);
  return d;
}

}  // namespace kiosk::text
