#include "signed_bundle.h"

#include <fstream>
#include <regex>

#include "core/base/file_io.h"
#include "test_support.h"

namespace kiosk::test {

namespace fs = std::filesystem;

void reseal_bundle(const fs::path& dir, std::int64_t version, const KeyPair& key) {
  Manifest m;
  m.bundle_id = "aachen";
  m.version = version;
  m.created = "2026-11-26T12:00:00Z";
  m.files = hash_files(dir);
  const std::string bytes = manifest_json(m);
  std::ofstream(dir / manifest_name, std::ios::binary) << bytes;
  std::ofstream(dir / signature_name, std::ios::binary) << sign_manifest(bytes, key.secret_key);
}

void make_signed_bundle(const fs::path& dir, std::int64_t version, const KeyPair& key, bool with_map) {
  fs::remove_all(dir);
  fs::create_directories(dir / "locales");
  const fs::path src = sample_bundle();
  for (const auto& e : fs::directory_iterator(src))
    if (e.is_regular_file()) fs::copy_file(e.path(), dir / e.path().filename());
  fs::copy(src / "services", dir / "services", fs::copy_options::recursive);
  for (const auto& e : fs::directory_iterator(locales_dir()))
    if (e.path().extension() == ".yaml") fs::copy_file(e.path(), dir / "locales" / e.path().filename());
  std::string yaml = read_file(dir / "bundle.yaml");
  yaml = std::regex_replace(yaml, std::regex("\nversion: [0-9]+"), "\nversion: " + std::to_string(version));
  if (with_map) {
    fs::create_directories(dir / "map");
    fs::copy_file(src / "map/aachen.kmap", dir / "map/aachen.kmap");
  }
  std::ofstream(dir / "bundle.yaml", std::ios::binary) << yaml;
  reseal_bundle(dir, version, key);
}

void edit_one_service(const fs::path& dir) {
  fs::path first;
  for (const auto& e : fs::directory_iterator(dir / "services"))
    if (first.empty() || e.path() < first) first = e.path();
  std::string yaml = read_file(first);
  yaml += "# edited: new phone hours from next week\n";
  std::ofstream(first, std::ios::binary) << yaml;
}

}  // namespace kiosk::test
