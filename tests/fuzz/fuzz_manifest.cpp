// Fuzz target: the manifest parser and the signature check (manifest bytes, separator, signature line).

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/bundle/manifest.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::array<unsigned char, 32> trusted = [] {
    std::array<unsigned char, 32> pk{};
    std::array<unsigned char, 64> sk{};
    if (sodium_init() < 0) __builtin_trap();
    crypto_sign_seed_keypair(pk.data(), sk.data(), kiosk::fuzz::signing_seed);
    return pk;
  }();
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto cut = input.find(kiosk::fuzz::manifest_separator);
  const std::string manifest = input.substr(0, cut);
  const std::string signature =
      cut == std::string::npos ? "" : input.substr(cut + kiosk::fuzz::manifest_separator.size());
  std::string error;
  if (const auto m = kiosk::parse_manifest(manifest, error)) {
    // What the parser accepts must be safe to use as paths and store names.
    for (const auto& f : m->files) {
      if (!kiosk::is_sha256_hex(f.sha256) || f.path.empty() || f.path.front() == '/') __builtin_trap();
      for (std::size_t begin = 0; begin <= f.path.size();) {
        const std::size_t end = std::min(f.path.find('/', begin), f.path.size());
        const std::string_view part(f.path.data() + begin, end - begin);
        if (part.empty() || part == "." || part == "..") __builtin_trap();  // it would leave the bundle
        begin = end + 1;
      }
    }
    (void)kiosk::manifest_json(*m);
  }
  std::string key_id;
  (void)kiosk::check_signature(manifest, signature, {trusted}, &key_id);
  return 0;
}
