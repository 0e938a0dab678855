#pragma once
// A kiosk's state folder, a signing key and bundles of the sample city, for the sync tests.

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "core/bundle/manifest.h"
#include "core/sync/bundle_install.h"
#include "core/sync/sync_run.h"
#include "support/signed_bundle.h"
#include "support/test_support.h"

namespace kiosk::test {

struct SyncFixture {
  TempDir tmp;
  KeyPair key = generate_key_pair();
  std::filesystem::path state = tmp.path() / "state";

  // Fast retries and short timeouts: the faults are found in seconds, not minutes.
  [[nodiscard]] SyncConfig config(const std::string& source) const {
    SyncConfig c;
    c.source = source;
    c.state_dir = state;
    c.trusted_keys = {key.public_key};
    c.timeout_seconds = 1;
    c.retries = 2;
    c.retry_delay_seconds = 0.05;
    c.reserve_bytes = 0;
    return c;
  }
  // A published bundle at tmp/pub-<version>.
  std::filesystem::path publish(std::int64_t version, bool one_service_change = false) {
    const auto dir = tmp.path() / ("pub-" + std::to_string(version));
    make_signed_bundle(dir, version, key);
    if (one_service_change) {
      edit_one_service(dir);
      reseal_bundle(dir, version, key);
    }
    return dir;
  }
  // Publishes `version` and syncs it in (it must install).
  void install(std::int64_t version) {
    REQUIRE(run_sync(config(publish(version).string())).outcome == SyncOutcome::installed);
  }
  // The version the kiosk would show (shown_version with this fixture's key).
  [[nodiscard]] std::int64_t shown() const;
};

// The version the kiosk would show, after checking the whole folder like the kiosk does; 0 when none.
inline std::int64_t shown_version(const std::filesystem::path& state,
                                  const std::vector<std::array<unsigned char, 32>>& keys) {
  const auto cur = link_target(StatePaths{state}.current());
  if (cur.empty()) return 0;
  const auto problems = verify_bundle(cur, keys);
  INFO((problems.empty() ? std::string() : problems.front()));
  REQUIRE(problems.empty());
  return installed_manifest(cur)->version;
}

// Nothing half-installed: no bundle being built, no temporary links.
inline void require_nothing_half_installed(const std::filesystem::path& state) {
  namespace fs = std::filesystem;
  const StatePaths s{state};
  std::error_code ec;
  CHECK_FALSE(fs::is_symlink(state / "current.new", ec));
  CHECK_FALSE(fs::is_symlink(state / "previous.new", ec));
  if (fs::is_directory(s.incoming(), ec))
    for (const auto& e : fs::directory_iterator(s.incoming())) CHECK(e.path().extension() != ".tmp");
  if (fs::is_directory(s.bundles(), ec))
    for (const auto& e : fs::directory_iterator(s.bundles())) CHECK(installed_manifest(e.path()).has_value());
}

inline std::int64_t SyncFixture::shown() const {
  return shown_version(state, {key.public_key});
}

}  // namespace kiosk::test
