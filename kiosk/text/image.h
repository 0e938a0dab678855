#pragma once
// An 8-bit RGBA image in memory, and PNG files (stb, from Debian's libstb).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

namespace kiosk::text {

struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
};

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4

  Image() = default;
  Image(int w, int h, Rgba fill);
  void blend(int x, int y, Rgba color, std::uint8_t coverage);
};

bool write_png(const std::filesystem::path& path, const Image& image);
std::optional<Image> read_png(const std::filesystem::path& path);

// Mean absolute difference per channel (0..255) and the share of pixels that differ by more than 64:
// golden images are compared with a tolerance, not bit for bit.
struct ImageDiff {
  double mean = 0;
  double share_different = 0;
  bool same_size = false;
};
ImageDiff compare(const Image& a, const Image& b);

}  // namespace kiosk::text
