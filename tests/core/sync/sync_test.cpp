// Syncing bundles from a real HTTP server on loopback, a folder and a USB stick: what is fetched, what is
// reused, how versions and keys are checked, rollback and garbage collection.

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "core/base/file_io.h"
#include "core/config/kiosk_config.h"
#include "core/sync/content_store.h"
#include "support/http_test_server.h"
#include "sync_fixture.h"

namespace fs = std::filesystem;
using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("sync: first install over HTTP, then a conditional request, then only what changed", "[sync]") {
  SyncFixture fx;
  HttpTestServer server(fx.publish(1));
  const auto cfg = fx.config(server.url());

  auto r = run_sync(cfg);
  INFO(r.message);
  REQUIRE(r.outcome == SyncOutcome::installed);
  CHECK(r.version == 1);
  CHECK(shown_version(fx.state, cfg.trusted_keys) == 1);
  const int first_requests = server.total_requests();
  CHECK(r.files_fetched > 300);

  // Nothing changed: one request, answered 304 thanks to the ETag.
  r = run_sync(cfg);
  CHECK(r.outcome == SyncOutcome::up_to_date);
  CHECK(server.total_requests() == first_requests + 1);
  CHECK(server.request_lines().back() == "GET /manifest.json HTTP/1.1");

  // An editor changes one service: the manifest, its signature, bundle.yaml (the version) and that file.
  server.set_root(fx.publish(2, true));
  r = run_sync(cfg);
  INFO(r.message);
  REQUIRE(r.outcome == SyncOutcome::installed);
  CHECK(r.files_fetched == 2);
  CHECK(r.files_reused > 300);
  CHECK(server.total_requests() == first_requests + 1 + 4);
  CHECK(shown_version(fx.state, cfg.trusted_keys) == 2);
  CHECK(installed_manifest(link_target(StatePaths{fx.state}.previous()))->version == 1);
  require_nothing_half_installed(fx.state);

  // A third version: the first is neither current nor previous any more, so it and its files go.
  server.set_root(fx.publish(3, false));
  r = run_sync(cfg);
  REQUIRE(r.outcome == SyncOutcome::installed);
  int bundles = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(StatePaths{fx.state}.bundles())) ++bundles;
  CHECK(bundles == 2);
  CHECK(read_sync_status(fx.state).outcome == "installed");
  CHECK(read_sync_status(fx.state).version == 3);
}

TEST_CASE("sync: a bundle folder that a kiosk shows is not collected", "[sync]") {
  SyncFixture fx;
  const auto cfg = fx.config(fx.publish(1).string());
  REQUIRE(run_sync(cfg).outcome == SyncOutcome::installed);
  const fs::path v1 = link_target(StatePaths{fx.state}.current());
  const BundleLock shown(v1);  // a kiosk still shows version 1
  fx.install(2);
  fx.install(3);
  CHECK(fs::exists(v1 / "bundle.yaml"));
  CHECK(verify_bundle(v1, {fx.key.public_key}).empty());
}

TEST_CASE("sync: versions must increase, a technician can go back", "[sync]") {
  SyncFixture fx;
  fx.install(3);
  auto r = run_sync(fx.config(fx.publish(2).string()));
  CHECK(r.outcome == SyncOutcome::failed);
  CHECK_THAT(r.message, Catch::Contains("version 2, older than the version 3"));
  CHECK(fx.shown() == 3);
  CHECK(read_sync_status(fx.state).outcome == "failed");

  // The same version again with other files is a mistake of the publisher, not an update.
  const auto again = fx.tmp.path() / "again";
  make_signed_bundle(again, 3, fx.key);
  edit_one_service(again);
  reseal_bundle(again, 3, fx.key);
  r = run_sync(fx.config(again.string()));
  CHECK(r.outcome == SyncOutcome::failed);
  CHECK_THAT(r.message, Catch::Contains("versions must increase"));

  r = run_sync(fx.config((fx.tmp.path() / "pub-2").string()), SyncOptions{true});
  CHECK(r.outcome == SyncOutcome::installed);
  CHECK(fx.shown() == 2);
}

TEST_CASE("sync: signatures: missing, changed manifest, unknown key", "[sync]") {
  SyncFixture fx;
  fx.install(1);

  const auto unsigned_dir = fx.publish(2);
  fs::remove(unsigned_dir / signature_name);
  HttpTestServer server(unsigned_dir);
  auto r = run_sync(fx.config(server.url()));
  CHECK(r.outcome == SyncOutcome::failed);
  CHECK_THAT(r.message, Catch::Contains("manifest.sig is missing"));

  const auto forged = fx.publish(3);
  std::string m = read_file(forged / manifest_name);
  m.replace(m.find("\"version\": 3"), 12, "\"version\": 9");
  std::ofstream(forged / manifest_name, std::ios::binary) << m;
  server.set_root(forged);
  r = run_sync(fx.config(server.url()));
  CHECK(r.outcome == SyncOutcome::failed);
  CHECK_THAT(r.message, Catch::Contains("does not match manifest.json"));

  const KeyPair stranger = generate_key_pair();
  const auto other = fx.tmp.path() / "other";
  make_signed_bundle(other, 4, stranger);
  server.set_root(other);
  r = run_sync(fx.config(server.url()));
  CHECK(r.outcome == SyncOutcome::failed);
  CHECK_THAT(r.message, Catch::Contains("which this kiosk does not trust"));

  CHECK(fx.shown() == 1);
  require_nothing_half_installed(fx.state);
}

TEST_CASE("sync: the proxy comes from the environment", "[sync]") {
  SyncFixture fx;
  HttpTestServer proxy(fx.publish(1));
  setenv("http_proxy", proxy.url().c_str(), 1);
  unsetenv("no_proxy");
  unsetenv("NO_PROXY");
  const auto r = run_sync(fx.config("http://content.city.invalid/"));
  unsetenv("http_proxy");
  INFO(r.message);
  REQUIRE(r.outcome == SyncOutcome::installed);
  CHECK(proxy.request_lines().front() == "GET http://content.city.invalid/manifest.json HTTP/1.1");
}

TEST_CASE("sync: a USB stick: nothing until a stick with a bundle is mounted", "[sync]") {
  SyncFixture fx;
  const fs::path media = fx.tmp.path() / "media";
  fs::create_directories(media / "kiosk");
  const auto cfg = fx.config("usb:" + media.string());
  auto r = run_sync(cfg);
  CHECK(r.outcome == SyncOutcome::up_to_date);
  CHECK_THAT(r.message, Catch::Contains("no USB stick"));
  make_signed_bundle(media / "kiosk" / "STICK" / "stadt-fuer-alle", 5, fx.key);
  r = run_sync(cfg);
  INFO(r.message);
  CHECK(r.outcome == SyncOutcome::installed);
  CHECK(shown_version(fx.state, cfg.trusted_keys) == 5);
}

TEST_CASE("sync: the kiosk rejects a bundle it cannot load: back to the previous one, not installed again", "[sync]") {
  SyncFixture fx;
  fx.install(1);
  const auto v2 = fx.publish(2);
  REQUIRE(run_sync(fx.config(v2.string())).outcome == SyncOutcome::installed);
  REQUIRE(reject_current_bundle(fx.state, "services/x.yaml:3:5: error: bad opening_hours"));
  CHECK(fx.shown() == 1);
  const auto st = read_sync_status(fx.state);
  CHECK(st.outcome == "rolled-back");
  CHECK_THAT(st.message, Catch::Contains("bad opening_hours"));
  const auto r = run_sync(fx.config(v2.string()));
  CHECK(r.outcome == SyncOutcome::failed);
  CHECK_THAT(r.message, Catch::Contains("version 2 was rejected by this kiosk"));
  CHECK(fx.shown() == 1);
  CHECK(run_sync(fx.config(fx.publish(3).string())).outcome == SyncOutcome::installed);
}

TEST_CASE("sync: one sync at a time", "[sync]") {
  SyncFixture fx;
  fs::create_directories(fx.state);
  const int fd = ::open((fx.state / "sync.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  REQUIRE(::flock(fd, LOCK_EX) == 0);
  const auto r = run_sync(fx.config(fx.publish(1).string()));
  ::close(fd);
  CHECK(r.outcome == SyncOutcome::failed);
  CHECK(r.message == "another sync is running");
}

TEST_CASE("sync: the kiosk config's sync section", "[sync]") {
  TempDir tmp;
  const KeyPair k = generate_key_pair();
  std::ofstream(tmp.path() / "city.pub") << public_key_text(k);
  std::ofstream(tmp.path() / "kiosk.yaml")
      << "kiosk_id: hauptbahnhof\n"
         "sync:\n"
         "  source: https://content.example.org/aachen/\n"
         "  state_dir: /var/lib/kiosk\n"
         "  trusted_keys: [city.pub, \""
      << public_key_text(k).substr(0, public_key_text(k).size() - 1) << "\"]\n  interval_minutes: 10\n";
  Diagnostics d;
  auto c = load_kiosk_config(tmp.path() / "kiosk.yaml", d);
  CHECK_FALSE(d.has_errors());
  CHECK(c.sync.source == "https://content.example.org/aachen/");
  CHECK(c.sync.trusted_keys.size() == 2);
  CHECK(c.sync.interval_minutes == 10);

  std::ofstream(tmp.path() / "bad.yaml") << "sync:\n  source: /srv/b\n  state_dir: /var/lib/kiosk\n"
                                            "  trusted_keys: [missing.pub, \"kiosk-ed25519-public AAAA\"]\n";
  Diagnostics bad;
  c = load_kiosk_config(tmp.path() / "bad.yaml", bad);
  REQUIRE(bad.items.size() == 2);
  CHECK(format_diagnostic(bad.items[0]).find("bad.yaml:4:18") != std::string::npos);
  CHECK_THAT(format_diagnostic(bad.items[1]), Catch::Contains("not an Ed25519 public key"));
}

TEST_CASE("sync: after an automatic rollback the rejected bundle is forgotten, not the previous one", "[sync]") {
  SyncFixture fx;
  fx.install(1);
  fx.install(2);
  REQUIRE(reject_current_bundle(fx.state, "services/x.yaml:3:5: error: bad opening_hours"));
  CHECK(fx.shown() == 1);
  // A technician's "previous bundle" must not bring the rejected one back, and a second failure has
  // nothing to swap with (two bad bundles used to swap ~15 times a second, forever).
  CHECK(link_target(StatePaths{fx.state}.previous()).empty());
  CHECK_FALSE(roll_back_by_hand(fx.state));
  CHECK_FALSE(reject_current_bundle(fx.state, "the previous one fails too"));
  CHECK(fx.shown() == 1);
}

TEST_CASE("sync: a technician's rollback sticks until a newer version is published", "[sync]") {
  SyncFixture fx;
  fx.install(1);
  const auto v2 = fx.publish(2);
  REQUIRE(run_sync(fx.config(v2.string())).outcome == SyncOutcome::installed);
  REQUIRE(roll_back_by_hand(fx.state));
  CHECK(fx.shown() == 1);
  CHECK(read_sync_status(fx.state).held_back_version == 2);
  auto r = run_sync(fx.config(v2.string()));  // the next timer sync
  CHECK(r.outcome == SyncOutcome::up_to_date);
  CHECK_THAT(r.message, Catch::Contains("rolled back on this kiosk"));
  CHECK(fx.shown() == 1);
  r = run_sync(fx.config(fx.publish(3).string()));
  CHECK(r.outcome == SyncOutcome::installed);
  CHECK(fx.shown() == 3);
  CHECK(read_sync_status(fx.state).held_back_version == 0);
}

TEST_CASE("sync: a signed bundle whose content does not load is not installed", "[sync]") {
  SyncFixture fx;
  fx.install(1);
  const auto v2 = fx.publish(2);
  fs::path first;
  for (const auto& e : fs::directory_iterator(v2 / "services"))
    if (first.empty() || e.path() < first) first = e.path();
  std::ofstream(first, std::ios::app) << "    opening_hrs: Mo-Fr 09:00-17:00\n";  // an unknown key
  reseal_bundle(v2, 2, fx.key);
  const auto r = run_sync(fx.config(v2.string()));
  CHECK(r.outcome == SyncOutcome::failed);
  CHECK_THAT(r.message, Catch::Contains("does not load") && Catch::Contains("opening_hrs"));
  CHECK(fx.shown() == 1);
  CHECK_FALSE(read_sync_status(fx.state).rejected_manifest.empty());
}

TEST_CASE("sync: an empty trust list is a config error", "[sync]") {
  TempDir tmp;
  for (const char* keys : {"[]", "", "~"}) {
    std::ofstream(tmp.path() / "kiosk.yaml") << "sync:\n  source: /srv/b\n  state_dir: /var/lib/kiosk\n"
                                             << "  trusted_keys: " << keys << "\n";
    Diagnostics d;
    load_kiosk_config(tmp.path() / "kiosk.yaml", d);
    INFO(keys);
    REQUIRE(d.has_errors());
    CHECK_THAT(format_diagnostic(d.items.front()), Catch::Contains("trusted_keys"));
  }
}
