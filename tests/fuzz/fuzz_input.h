#pragma once
// Splitting a fuzzer's bytes into the parameters of a call: the first bytes choose (locale, size, file),
// the rest is the text. Shared by the fuzz targets and the seed maker, so that seeds mean what they say.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::fuzz {

struct Bytes {
  const std::uint8_t* data;
  std::size_t size;
  std::uint8_t take() {  // 0 once the bytes are used up
    if (size == 0) return 0;
    --size;
    return *data++;
  }
  [[nodiscard]] std::string rest() const { return {reinterpret_cast<const char*>(data), size}; }
};

// The bundle file a bundle_yaml input replaces, by its first byte.
inline constexpr std::string_view bundle_files[] = {"bundle.yaml", "categories.yaml", "services/clinic.yaml",
                                                    "announcements.yaml", "holidays.yaml"};

// Locales of text_layout inputs, by their first byte: every script the kiosk shows, and a few mixes.
inline constexpr std::string_view layout_locales[] = {"en", "de", "ar", "fa", "ckb", "ti", "ta", "uk",
                                                      "tr", "ru", "ur", "ps", "so",  "am", "he", "zh"};

// manifest inputs: the manifest's bytes, this separator, the signature line.
inline constexpr std::string_view manifest_separator = "\n--signature--\n";

// The fixed key pair manifest inputs are signed with (libsodium's seed key pair of this seed), so that
// seeds carry valid signatures the fuzzer can then break.
inline constexpr unsigned char signing_seed[32] = {'s', 't', 'a', 'd', 't', '-', 'f', 'u', 'e', 'r',
                                                   '-', 'a', 'l', 'l', 'e', '-', 'f', 'u', 'z', 'z'};

}  // namespace kiosk::fuzz
