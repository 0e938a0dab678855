// kioskctl keygen / bundle build / sign / verify on the sample city, exactly as issue 8 shows them.

#include <catch2/catch.hpp>

#include <fstream>

#include "kioskctl_run.h"
#include "support/test_support.h"

using namespace kiosk::test;
namespace fs = std::filesystem;

TEST_CASE("build, sign and verify the sample city; a changed byte anywhere is named", "[kioskctl][bundle]") {
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
