// Fuzz target: the YAML bundle loader and its rules, through the real entry point (a folder on disk).
// The first byte chooses which file of a small valid bundle the rest replaces.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/bundle/bundle_loader.h"
#include "core/bundle/bundle_validate.h"
#include "fuzz_input.h"

namespace fs = std::filesystem;

namespace {

struct Scratch {
  fs::path dir;
  Scratch() {
    std::string tmpl = (fs::temp_directory_path() / "kiosk-fuzz-bundle-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) std::abort();
    dir = tmpl;
    fs::copy(KIOSK_SOURCE_DIR "/tests/fixtures/bundles/valid", dir, fs::copy_options::recursive);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
};

void write(const fs::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Scratch scratch;
  kiosk::fuzz::Bytes in{data, size};
  const fs::path file = scratch.dir / kiosk::fuzz::bundle_files[in.take() % std::size(kiosk::fuzz::bundle_files)];
  const std::string original = read(file);
  write(file, in.rest());
  kiosk::Diagnostics diags;  // what load_content does, without re-reading the UI catalogs each time
  auto bundle = kiosk::load_bundle(scratch.dir, diags);
  kiosk::validate_bundle(bundle, diags);
  // Every error names a file of the bundle: editors must be able to find it.
  for (const auto& d : diags.items)
    if (d.pos.file.empty()) __builtin_trap();
  write(file, original);
  return 0;
}
