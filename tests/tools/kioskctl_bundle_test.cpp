// kioskctl keygen / bundle build / sign / verify on the sample city, exactly as issue 8 shows them.

#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

#include "kioskctl_run.h"
#include "support/test_support.h"

using namespace kiosk::test;
namespace fs = std::filesystem;

TEST_CASE("build, sign and verify the sample city, a changed byte anywhere is named", "[kioskctl][bundle]") {
  TempDir tmp;
  const std::string keys = (tmp.path() / "keys").string(), out = (tmp.path() / "b").string();
  REQUIRE(kioskctl({"keygen", "--out", keys}).exit_code == 0);
  CHECK((fs::status(fs::path(keys) / "bundle-signing.key").permissions() & fs::perms::others_read) == fs::perms::none);
  const auto built = kioskctl({"bundle", "build", sample_bundle().string(), out});
  INFO(built.err);
  REQUIRE(built.exit_code == 0);
  CHECK(fs::exists(fs::path(out) / "manifest.json"));
  CHECK(fs::exists(fs::path(out) / "map/aachen.kmap"));
  CHECK(fs::exists(fs::path(out) / "locales/ta.yaml"));
  const std::string pub = keys + "/bundle-signing.pub";
  CHECK(kioskctl({"bundle", "verify", out, "--pub", pub}).exit_code == 1);  // not signed yet
  REQUIRE(kioskctl({"bundle", "sign", out, "--key", keys + "/bundle-signing.key"}).exit_code == 0);
  const auto ok = kioskctl({"bundle", "verify", out, "--pub", pub});
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
  CHECK_THAT(ok.out, Catch::Contains("signature valid"));
  // The built bundle is a bundle: it validates on its own, with the locales it carries.
  CHECK(kioskctl({"validate", out}).exit_code == 0);

  for (const std::string file :
       {"bundle.yaml", "services/osm-aachener-rathaus-w8068434.yaml", "map/aachen.kmap", "locales/ar.yaml"}) {
    const fs::path p = fs::path(out) / file;
    if (!fs::exists(p)) continue;
    std::fstream f(p, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(10);
    const char c = static_cast<char>(f.get());
    f.seekp(10);
    f.put(static_cast<char>(c ^ 1));
    f.close();
    const auto bad = kioskctl({"bundle", "verify", out, "--pub", pub});
    INFO(file);
    CHECK(bad.exit_code == 1);
    CHECK_THAT(bad.err, Catch::Contains(file + ": content differs"));
    f.open(p, std::ios::in | std::ios::out | std::ios::binary);  // put it back
    f.seekp(10);
    f.put(c);
  }
  CHECK(kioskctl({"bundle", "verify", out, "--pub", pub}).exit_code == 0);
  // The same version again is refused: kiosks only take newer ones.
  const auto again = kioskctl({"bundle", "build", sample_bundle().string(), out});
  CHECK(again.exit_code == 1);
  CHECK_THAT(again.err, Catch::Contains("is not newer"));
}

TEST_CASE("sync: a built and signed bundle from a folder, status, then a newer one, then rollback",
          "[kioskctl][sync]") {
  TempDir tmp;
  const fs::path keys = tmp.path() / "keys", src = tmp.path() / "src", pub = tmp.path() / "pub";
  REQUIRE(kioskctl({"keygen", "--out", keys.string()}).exit_code == 0);
  fs::copy(sample_bundle(), src, fs::copy_options::recursive);
  auto publish = [&](int version) {
    std::string yaml = read_text(src / "bundle.yaml");
    yaml.replace(yaml.find("\nversion: "), yaml.find('\n', yaml.find("\nversion: ") + 1) - yaml.find("\nversion: "),
                 "\nversion: " + std::to_string(version));
    std::ofstream(src / "bundle.yaml") << yaml;
    const auto b = kioskctl({"bundle", "build", src.string(), pub.string(), "--locales", locales_dir().string()});
    INFO(b.err);
    REQUIRE(b.exit_code == 0);
    REQUIRE(kioskctl({"bundle", "sign", pub.string(), "--key", (keys / "bundle-signing.key").string()}).exit_code == 0);
  };
  publish(1);
  const fs::path config = tmp.path() / "kiosk.yaml";
  std::ofstream(config) << "kiosk_id: hauptbahnhof\nsync:\n  source: " << pub.string() << "\n  state_dir: state\n"
                        << "  trusted_keys: [keys/bundle-signing.pub]\n  reserve_mib: 0\n";
  auto r = kioskctl({"sync", "--config", config.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("sync installed: installed version 1"));
  r = kioskctl({"sync", "--config", config.string(), "--json"});
  CHECK(nlohmann::json::parse(r.out)["outcome"] == "up-to-date");
  r = kioskctl({"sync", "--config", config.string(), "--status"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("signature:  valid, every file intact"));

  publish(2);
  r = kioskctl({"sync", "--config", config.string(), "--json"});
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["outcome"] == "installed");
  CHECK(j["version"] == 2);
  CHECK(j["files_fetched"] == 1);  // bundle.yaml: only the version changed
  r = kioskctl({"sync", "--config", config.string(), "--rollback"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("now shows version 1"));
  r = kioskctl({"sync", "--config", config.string(), "--status", "--json"});
  CHECK(nlohmann::json::parse(r.out)["version"] == 1);

  std::ofstream(config, std::ios::app) << "  retries: many\n";
  r = kioskctl({"sync", "--config", config.string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("kiosk.yaml:7:12"));
}

TEST_CASE("bundle build publishes regular files only and never deletes what is not its own",
          "[kioskctl][bundle][hostile]") {
  TempDir tmp;
  const fs::path src = tmp.path() / "src";
  fs::copy(fixtures_dir() / "bundles" / "valid", src, fs::copy_options::recursive);
  const std::string locales = locales_dir().string();

  // A link to a secret of the build machine: refused by validate and build, nothing is written.
  fs::create_symlink("/etc/passwd", src / "LICENSE.md");
  auto r = kioskctl({"validate", src.string(), "--locales", locales});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out + r.err, Catch::Contains("LICENSE.md is a symbolic link"));
  r = kioskctl({"bundle", "build", src.string(), (tmp.path() / "out").string(), "--locales", locales});
  CHECK(r.exit_code == 1);
  CHECK_FALSE(fs::exists(tmp.path() / "out"));
  fs::remove(src / "LICENSE.md");

  // A folder of other files is not an earlier build: refused, and every file is still there.
  const fs::path other = tmp.path() / "photos";
  fs::create_directories(other);
  std::ofstream(other / "holiday.jpg") << "precious";
  r = kioskctl({"bundle", "build", src.string(), other.string(), "--locales", locales});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("is not an earlier build"));
  CHECK(read_text(other / "holiday.jpg") == "precious");

  // OUT = SRC, OUT inside SRC, SRC inside OUT: refused, the source untouched.
  for (const fs::path& out : {src, src / "built", tmp.path()}) {
    r = kioskctl({"bundle", "build", src.string(), out.string(), "--locales", locales});
    INFO(out);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("inside"));
    CHECK(fs::exists(src / "bundle.yaml"));
  }
  CHECK_FALSE(fs::exists(src / "built"));

  // A new folder, then again into the earlier build (a newer version): fine.
  const fs::path out = tmp.path() / "out";
  r = kioskctl({"bundle", "build", src.string(), out.string(), "--locales", locales});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string yaml = read_text(src / "bundle.yaml");
  yaml.replace(yaml.find("version: 3"), 10, "version: 4");
  std::ofstream(src / "bundle.yaml") << yaml;
  r = kioskctl({"bundle", "build", src.string(), out.string(), "--locales", locales});
  INFO(r.err);
  CHECK(r.exit_code == 0);
}
