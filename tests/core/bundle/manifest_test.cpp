// Bundle manifests and their Ed25519 signatures: what is signed, what is refused.

#include <catch2/catch.hpp>

#include <fstream>

#include "core/bundle/manifest.h"
#include "support/test_support.h"

using namespace kiosk;
using namespace kiosk::test;
namespace fs = std::filesystem;

namespace {

// A tiny built bundle: two files, a manifest, signed with `k`.
void make_signed(const fs::path& dir, const KeyPair& k) {
  fs::create_directories(dir / "services");
  std::ofstream(dir / "bundle.yaml") << "id: t\nversion: 3\n";
  std::ofstream(dir / "services/a.yaml") << "services: []\n";
  Manifest m{"t", 3, "2026-11-26T10:00:00Z", hash_files(dir)};
  std::ofstream(dir / manifest_name) << manifest_json(m);
  std::ofstream(dir / signature_name) << sign_manifest(read_text(dir / manifest_name), k.secret_key);
}

}  // namespace

TEST_CASE("a signed bundle verifies, its manifest lists every file with size and SHA-256", "[bundle]") {
  TempDir tmp;
  const auto k = generate_key_pair();
  make_signed(tmp.path(), k);
  Manifest m;
  CHECK(verify_bundle(tmp.path(), {k.public_key}, &m).empty());
  CHECK(m.version == 3);
  REQUIRE(m.files.size() == 2);
  CHECK(m.files[0].path == "bundle.yaml");
  CHECK(m.files[1].path == "services/a.yaml");
  CHECK(m.files[1].size == 13);  // "services: []\n"
  CHECK(m.files[1].sha256 == sha256_file(tmp.path() / "services/a.yaml"));
  CHECK(m.files[1].sha256.size() == 64);
}

TEST_CASE("every kind of tampering is refused and named", "[bundle]") {
  TempDir tmp;
  const auto k = generate_key_pair(), other = generate_key_pair();
  make_signed(tmp.path(), k);
  auto problems = [&] { return verify_bundle(tmp.path(), {k.public_key}); };
  SECTION("one byte of a file") {
    std::ofstream(tmp.path() / "services/a.yaml") << "services: {}\n";
    REQUIRE(problems().size() == 1);
    CHECK_THAT(problems()[0], Catch::Contains("services/a.yaml") && Catch::Contains("SHA-256"));
  }
  SECTION("a file cut short") {
    std::ofstream(tmp.path() / "bundle.yaml") << "id: t\n";
    CHECK_THAT(problems().at(0), Catch::Contains("bundle.yaml: 6 bytes, the manifest says 17"));
  }
  SECTION("a file missing or added") {
    fs::remove(tmp.path() / "services/a.yaml");
    std::ofstream(tmp.path() / "services/evil.yaml") << "x";
    const auto p = problems();
    REQUIRE(p.size() == 2);
    CHECK_THAT(p[0], Catch::Contains("services/a.yaml: missing"));
    CHECK_THAT(p[1], Catch::Contains("services/evil.yaml: not in the manifest"));
  }
  SECTION("the manifest changed after signing") {
    std::string m = read_text(tmp.path() / manifest_name);
    m.replace(m.find("\"version\": 3"), 12, "\"version\": 4");
    std::ofstream(tmp.path() / manifest_name) << m;
    CHECK_THAT(problems().at(0), Catch::Contains("does not match"));
  }
  SECTION("no signature, a bad one, an untrusted key") {
    CHECK_THAT(verify_bundle(tmp.path(), {other.public_key}).at(0), Catch::Contains("does not trust"));
    std::ofstream(tmp.path() / signature_name) << "kiosk-ed25519-sig abc garbage\n";
    CHECK_THAT(problems().at(0), Catch::Contains("not a kiosk signature"));
    fs::remove(tmp.path() / signature_name);
    CHECK_THAT(problems().at(0), Catch::Contains("not signed"));
  }
}

TEST_CASE("manifests that point outside the bundle or twice at a file are refused", "[bundle]") {
  std::string why;
  const std::string head = R"({"format":"kiosk-bundle-manifest/1","bundle_id":"t","version":1,"created":"x","files":[)";
  const std::string hash(64, 'a');
  CHECK_FALSE(parse_manifest(head + R"({"path":"../etc/passwd","size":1,"sha256":")" + hash + "\"}]}", why));
  CHECK_FALSE(parse_manifest(head + R"({"path":"/etc/passwd","size":1,"sha256":")" + hash + "\"}]}", why));
  CHECK_FALSE(parse_manifest(
      head + R"({"path":"a","size":1,"sha256":")" + hash + R"("},{"path":"a","size":1,"sha256":")" + hash + "\"}]}",
      why));
  CHECK_FALSE(parse_manifest("not json", why));
  CHECK(parse_manifest(head + R"({"path":"a","size":1,"sha256":")" + hash + "\"}]}", why));
  // The same file again under another spelling, a folder, a file name with a line break.
  for (const char* path : {"services//a.yaml", "./a", "services/./a.yaml", "services/", "services/a\\nb.yaml"})
    CHECK_FALSE(parse_manifest(head + R"({"path":")" + path + R"(","size":1,"sha256":")" + hash + "\"}]}", why));
}

TEST_CASE("manifest numbers that are not whole numbers of the right sign are refused", "[bundle][hostile]") {
  // 6.4e21 as a size was undefined behaviour in the conversion (found by fuzzing).
  const std::string hash(64, 'a');
  auto manifest = [&](const std::string& version, const std::string& size) {
    return R"({"format":"kiosk-bundle-manifest/1","bundle_id":"t","version":)" + version +
           R"(,"created":"x","files":[{"path":"a","size":)" + size + R"(,"sha256":")" + hash + "\"}]}";
  };
  std::string why;
  for (const auto& [version, size] : std::vector<std::pair<std::string, std::string>>{{"1", "6.44444e+21"},
                                                                                      {"1", "-1"},
                                                                                      {"1", "1.5"},
                                                                                      {"1.5", "1"},
                                                                                      {"18446744073709551615", "1"},
                                                                                      {"1", "\"1\""}}) {
    INFO(version << " " << size);
    CHECK_FALSE(parse_manifest(manifest(version, size), why));
    CHECK_THAT(why, Catch::StartsWith("manifest.json: "));
  }
  CHECK(parse_manifest(manifest("2", "0"), why));
}

TEST_CASE("key files round-trip and reject what is not a key", "[bundle]") {
  const auto k = generate_key_pair();
  CHECK(read_public_key(public_key_text(k)) == k.public_key);
  CHECK(read_secret_key(secret_key_text(k)) == k.secret_key);
  CHECK_FALSE(read_public_key(secret_key_text(k)));
  CHECK_FALSE(read_public_key("kiosk-ed25519-public AAAA\n"));
}
