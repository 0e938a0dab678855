// The running kiosk and sync: it shows the synced `current` bundle, switches to a new one at the next idle
// moment (never in the middle of someone's visit), and goes back by itself when a new bundle does not load.

#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>

#include "core/base/file_io.h"
#include "core/sync/bundle_install.h"
#include "core/sync/sync_run.h"
#include "kiosk_script.h"
#include "support/signed_bundle.h"

namespace fs = std::filesystem;
using namespace kiosk;
using namespace kiosk::test;

namespace {

struct SyncedKiosk {
  TempDir tmp;
  KeyPair key = generate_key_pair();
  fs::path state = tmp.path() / "state";

  SyncConfig sync_config(const fs::path& source) const {
    SyncConfig c;
    c.source = source.string();
    c.state_dir = state;
    c.trusted_keys = {key.public_key};
    c.reserve_bytes = 0;
    return c;
  }
  fs::path publish(std::int64_t version, bool broken = false) {
    const fs::path dir = tmp.path() / ("pub-" + std::to_string(version));
    make_signed_bundle(dir, version, key);
    if (broken) {  // signed, but the kiosk cannot load it (a publisher's tool skipped validation)
      std::ofstream(dir / "bundle.yaml", std::ios::app) << "locales: [de\n";
      reseal_bundle(dir, version, key);
    }
    return dir;
  }
  // Straight into the state folder, as a sync of an older kiosk version (which did not load a bundle
  // before activating it) would have left it: signed and verified, but its content does not load.
  void install_unloadable(const fs::path& source) {
    const fs::path dir = state / "bundles" / ("9-" + source.filename().string());
    fs::create_directories(dir);
    fs::copy(source, dir, fs::copy_options::recursive);
    SyncHooks none;
    activate_bundle(StatePaths{state}, dir, none);
  }
  void install(const fs::path& source) {
    const auto r = run_sync(sync_config(source));
    INFO(r.message);
    REQUIRE(r.outcome == SyncOutcome::installed);
  }
  // The kiosk's config: syncing from source (only when told: interval 0).
  fs::path config(const fs::path& source) {
    std::ofstream(tmp.path() / "city.pub") << public_key_text(key);
    const fs::path file = tmp.path() / "kiosk.yaml";
    std::ofstream(file) << "kiosk_id: hauptbahnhof\nsync:\n  source: " << source.string()
                        << "\n  state_dir: " << state.string()
                        << "\n  trusted_keys: [city.pub]\n  interval_minutes: 0\n  reserve_mib: 0\n";
    return file;
  }
};

}  // namespace

TEST_CASE("a new bundle is shown at the next idle moment, not during a visit", "[app][sync]") {
  SyncedKiosk k;
  k.install(k.publish(1));
  const auto cfg = k.config(k.publish(2));
  const auto r = run_script({"state", "tap 960 900", "state", "sync", "wait 3", "state", "wait 200", "wait 3", "state"},
                            {"--config", cfg.string(), "--locale", "de"});
  INFO(r.result.err);
  REQUIRE(r.result.exit_code == 0);
  REQUIRE(r.states.size() == 4);
  CHECK(r.states[0]["bundle"]["version"] == 1);
  CHECK(r.states[0]["bundle"]["managed"] == true);
  CHECK_THAT(r.states[0]["bundle"]["signature"].get<std::string>(), Catch::StartsWith("valid, all"));
  CHECK(r.states[1]["screen"] != "attract");
  // Synced during the visit: still version 1 on the screen.
  CHECK(r.states[2]["bundle"]["version"] == 1);
  CHECK(link_target(StatePaths{k.state}.current()).filename().string().rfind("2-", 0) == 0);
  // Idle: the visit is wiped, and the new bundle is shown.
  CHECK(r.states[3]["screen"] == "attract");
  CHECK(r.states[3]["bundle"]["version"] == 2);
  CHECK_THAT(r.result.err, Catch::Contains("bundle: now showing version 2"));
}

TEST_CASE("a new bundle that does not load: the kiosk stays on the last good one and reports why", "[app][sync]") {
  SyncedKiosk k;
  k.install(k.publish(1));
  const auto cfg = k.config(k.publish(2, true));
  const auto r = run_script({"sync", "wait 3", "state"}, {"--config", cfg.string()});
  INFO(r.result.err);
  REQUIRE(r.result.exit_code == 0);
  CHECK(r.states[0]["bundle"]["version"] == 1);
  CHECK_THAT(r.result.err, Catch::Contains("does not load"));
  CHECK(installed_manifest(link_target(StatePaths{k.state}.current()))->version == 1);
  const auto st = read_sync_status(k.state);
  CHECK(st.outcome == "failed");  // sync loads a bundle before activating it: never shown, never rolled back
  CHECK_THAT(st.message, Catch::Contains("bundle.yaml"));
}

TEST_CASE("a new bundle that does not load on this kiosk (installed by an older sync): back to the last good one",
          "[app][sync]") {
  SyncedKiosk k;
  k.install(k.publish(1));
  k.install_unloadable(k.publish(2, true));
  const auto r = run_script({"state"}, {"--config", k.config(k.tmp.path() / "nowhere").string()});
  INFO(r.result.err);
  REQUIRE(r.result.exit_code == 0);
  CHECK(r.states[0]["bundle"]["version"] == 1);
  const auto st = read_sync_status(k.state);
  CHECK(st.outcome == "rolled-back");
  CHECK_THAT(st.message, Catch::Contains("bundle.yaml"));
}

TEST_CASE("no bundle can be shown: out of service in every language, no loop, the self-test says why",
          "[app][sync][hostile]") {
  SyncedKiosk k;
  k.install_unloadable(k.publish(1, true));
  const auto cfg = k.config(k.tmp.path() / "nowhere");
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = run_script({"state", "wait 5", "state"}, {"--config", cfg.string()});
  INFO(r.result.err);
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(60));
  REQUIRE(r.result.exit_code == 0);
  REQUIRE(r.states.size() == 2);
  CHECK(r.states[1]["out_of_service"] == true);
  const std::string texts = r.states[1]["texts"].dump();
  CHECK_THAT(texts, Catch::Contains("This kiosk is out of service.") &&
                        Catch::Contains("Dieses Terminal ist außer Betrieb.") &&
                        Catch::Contains("هذا الجهاز خارج الخدمة."));
  CHECK_THAT(r.result.err, Catch::Contains("out of service"));
  // The state folder is not rewritten over and over: one rollback attempt, one status.
  CHECK(read_sync_status(k.state).outcome == "rolled-back");
  const auto self = run_command({KIOSK_PATH, "--headless", "--self-test", "--config", cfg.string()});
  CHECK(self.exit_code == 1);
  CHECK_THAT(self.out, Catch::Contains("OUT OF SERVICE"));
}

TEST_CASE("keys that match no bundle, or a broken config: out of service, not a restart loop", "[app][sync][hostile]") {
  SyncedKiosk k;
  k.install(k.publish(1));
  const auto cfg = k.config(k.tmp.path() / "nowhere");
  for (const std::string& keys : {std::string("[]"), "[\"kiosk-ed25519-public " + std::string(43, 'A') + "=\"]"}) {
    std::string text = read_file(cfg);
    text.replace(text.find("[city.pub]"), 10, keys);
    const fs::path other = k.tmp.path() / "other.yaml";
    std::ofstream(other) << text;
    const auto r = run_command({KIOSK_PATH, "--headless", "--self-test", "--config", other.string()});
    INFO(keys << "\n" << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("OUT OF SERVICE"));
  }
}

TEST_CASE("at start a current bundle that does not load is rolled back before the first frame", "[app][sync]") {
  SyncedKiosk k;
  k.install(k.publish(1));
  k.install_unloadable(k.publish(2, true));  // installed (signed), but it cannot be shown
  const auto cfg = k.config(k.tmp.path() / "nowhere");
  const auto r = run_script({"state"}, {"--config", cfg.string()});
  INFO(r.result.err);
  REQUIRE(r.result.exit_code == 0);
  CHECK(r.states[0]["bundle"]["version"] == 1);
  CHECK(read_sync_status(k.state).outcome == "rolled-back");
}

TEST_CASE("a synced bundle changed on disk is not shown", "[app][sync]") {
  SyncedKiosk k;
  k.install(k.publish(1));
  k.install(k.publish(2));
  const fs::path cur = link_target(StatePaths{k.state}.current());
  const fs::path f = cur / "categories.yaml";
  const std::string text = read_file(f);
  fs::remove(f);
  std::ofstream(f) << text << "# tampered\n";
  const auto r = run_script({"state"}, {"--config", k.config(k.tmp.path() / "nowhere").string()});
  INFO(r.result.err);
  REQUIRE(r.result.exit_code == 0);
  CHECK(r.states[0]["bundle"]["version"] == 1);
  CHECK_THAT(r.result.err, Catch::Contains("does not load: categories.yaml: 18897 bytes, the manifest says 18886"));
  // Damaged, not wrong: the next sync may install the same version again.
  CHECK(read_sync_status(k.state).rejected_manifest.empty());
}
