// Writes the seed corpora of the fuzz targets from real data: the sample city's bundle files and the
// rule fixtures, real opening_hours values, the test map, the UI strings of every script, and a signed
// manifest. Usage: make_fuzz_seeds OUT_DIR (one folder per target).

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/base/diagnostics.h"
#include "core/bundle/manifest.h"
#include "core/i18n/i18n_catalog.h"
#include "core/mapdata/map_writer.h"
#include "fuzz_input.h"
#include "support/tiny_map.h"

namespace fs = std::filesystem;

namespace {

const fs::path source = KIOSK_SOURCE_DIR;

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Corpus {
  fs::path dir;
  int count = 0;
  void add(const std::string& bytes) {
    std::ofstream(dir / fmt::format("seed-{:04}", count++), std::ios::binary) << bytes;
  }
};

Corpus corpus(const fs::path& out, const char* name) {
  fs::remove_all(out / name);
  fs::create_directories(out / name);
  return {out / name};
}

// The selector byte of a bundle file, by its name.
int bundle_selector(const fs::path& rel) {
  if (rel.parent_path().filename() == "services") return 2;
  const auto name = rel.filename().string();
  for (std::size_t i = 0; i < std::size(kiosk::fuzz::bundle_files); ++i)
    if (kiosk::fuzz::bundle_files[i] == name) return static_cast<int>(i);
  return -1;
}

void bundle_seeds(const fs::path& out) {
  auto c = corpus(out, "bundle_yaml");
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(source / "tests/fixtures/bundles"))
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  int services = 0;
  for (const auto& e : fs::recursive_directory_iterator(source / "content/aachen"))
    if (e.path().extension() == ".yaml" && (bundle_selector(e.path()) != 2 || services++ < 40))
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files)
    if (const int sel = bundle_selector(f); sel >= 0) c.add(std::string(1, static_cast<char>(sel)) + read(f));
}

void hours_seeds(const fs::path& out) {
  auto c = corpus(out, "opening_hours");
  std::ifstream in(source / "tests/fixtures/opening_hours/aachen_values.txt");
  std::vector<std::string> values;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') values.push_back(line);
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  for (const auto& v : values) c.add(v);
}

void map_seeds(const fs::path& out) {
  auto c = corpus(out, "kmap");
  const auto bytes = kiosk::serialize(kiosk::test::tiny_map());
  c.add(std::string(bytes.begin(), bytes.end()));
}

void text_seeds(const fs::path& out) {
  auto c = corpus(out, "text_layout");
  kiosk::Diagnostics diags;
  const auto catalogs = kiosk::load_catalogs(source / "locales", diags);
  for (std::size_t i = 0; i < std::size(kiosk::fuzz::layout_locales); ++i) {
    const auto* cat = catalogs.find(std::string(kiosk::fuzz::layout_locales[i]));
    if (!cat) continue;
    int n = 0;
    for (const auto& [key, msg] : cat->messages) {
      if (n++ >= 12) break;
      // locale, 28 px, 600 px wide, start-aligned, no line limit
      const std::string header{static_cast<char>(i), 22, 600 >> 8, 600 & 0xFF, 0};
      c.add(header + msg.pattern);
    }
  }
}

void manifest_seeds(const fs::path& out) {
  auto c = corpus(out, "manifest");
  std::array<unsigned char, 32> pk{};
  std::array<unsigned char, 64> sk{};
  if (sodium_init() < 0) throw std::runtime_error("libsodium did not start");
  crypto_sign_seed_keypair(pk.data(), sk.data(), kiosk::fuzz::signing_seed);
  kiosk::Manifest m;
  m.bundle_id = "fuzz";
  m.version = 3;
  m.created = "2026-11-27T00:00:00Z";
  m.files = kiosk::hash_files(source / "tests/fixtures/bundles/valid");
  const std::string json = kiosk::manifest_json(m);
  c.add(json + std::string(kiosk::fuzz::manifest_separator) + kiosk::sign_manifest(json, sk));
  c.add(json);  // unsigned
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    fmt::print(stderr, "usage: make_fuzz_seeds OUT_DIR\n");
    return 2;
  }
  const fs::path out = argv[1];
  bundle_seeds(out);
  hours_seeds(out);
  map_seeds(out);
  text_seeds(out);
  manifest_seeds(out);
  return 0;
}
