// Every way a download or an install can go wrong (a real HTTP server on loopback that misbehaves, a full
// disk, kill -9 and power cuts at every step): the kiosk keeps the last good bundle, nothing is left
// half-installed, and the status says why.

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "core/base/file_io.h"
#include "core/sync/content_store.h"
#include "support/http_test_server.h"
#include "sync_fixture.h"

namespace fs = std::filesystem;
using namespace kiosk;
using namespace kiosk::test;

namespace {

// The kiosk shows version 1 from server; the server now has version 2 (one service changed).
struct Faulty : SyncFixture {
  HttpTestServer server{publish(1)};
  std::vector<std::array<unsigned char, 32>> keys{key.public_key};
  std::string changed;  // the service file that differs in version 2

  Faulty() {
    REQUIRE(run_sync(config(server.url())).outcome == SyncOutcome::installed);
    const auto v2 = publish(2, true);
    for (const auto& e : fs::directory_iterator(v2 / "services"))
      if (read_file(e.path()).find("# edited") != std::string::npos)
        changed = "services/" + e.path().filename().string();
    REQUIRE_FALSE(changed.empty());
    server.set_root(v2);
  }

  // The sync failed with `why`, and version 1 is still shown, intact.
  void require_kept(const SyncResult& r, const std::string& why) {
    INFO(r.message);
    CHECK(r.outcome == SyncOutcome::failed);
    CHECK_THAT(r.message, Catch::Contains(why));
    CHECK(shown_version(state, keys) == 1);
    require_nothing_half_installed(state);
    const auto st = read_sync_status(state);
    CHECK(st.outcome == "failed");
    CHECK(st.message == r.message);
  }
};

}  // namespace

TEST_CASE("sync faults: truncated download (the connection always ends early)", "[sync][faults]") {
  Faulty fx;
  fx.server.fault(fx.changed, {.cut_after = 20});
  fx.require_kept(run_sync(fx.config(fx.server.url())),
                  fx.changed + ": the connection ended before the end of the file");
}

TEST_CASE("sync faults: connection cut mid-file once: the download resumes", "[sync][faults]") {
  Faulty fx;
  fx.server.fault(fx.changed, {.cut_after = 100, .times = 1});
  const auto r = run_sync(fx.config(fx.server.url()));
  INFO(r.message);
  REQUIRE(r.outcome == SyncOutcome::installed);
  CHECK(shown_version(fx.state, fx.keys) == 2);
  CHECK(fx.server.requests(fx.changed) == 3);  // version 1's, the cut one, the resumed one
  CHECK(fx.server.range_requests() == 1);
}

TEST_CASE("sync faults: wrong hash (a byte changed in transit or on the server)", "[sync][faults]") {
  Faulty fx;
  fx.server.fault(fx.changed, {.flip_byte = true});
  fx.require_kept(run_sync(fx.config(fx.server.url())), fx.changed + ": content differs from the manifest");
}

TEST_CASE("sync faults: server down", "[sync][faults]") {
  Faulty fx;
  fx.require_kept(run_sync(fx.config("http://127.0.0.1:" + std::to_string(closed_port()) + "/")),
                  "manifest.json: Couldn't connect to server (gave up after 3 attempts)");
}

TEST_CASE("sync faults: server errors: retried with backoff, then given up", "[sync][faults]") {
  Faulty fx;
  fx.server.fault("manifest.json", {.status = 503, .times = 2});
  auto r = run_sync(fx.config(fx.server.url()));
  INFO(r.message);
  CHECK(r.outcome == SyncOutcome::installed);
  CHECK(fx.server.requests("manifest.json") == 4);  // the first sync, two 503s, then the good one

  fx.server.set_root(fx.publish(3));
  fx.server.fault("manifest.json", {.status = 503});
  r = run_sync(fx.config(fx.server.url()));
  CHECK(r.outcome == SyncOutcome::failed);
  CHECK_THAT(r.message, Catch::Contains("the server answered 503 (gave up after 3 attempts)"));
  CHECK(shown_version(fx.state, fx.keys) == 2);
}

TEST_CASE("sync faults: server very slow: the stalled transfer is cut", "[sync][faults]") {
  Faulty fx;
  fx.server.fault(fx.changed, {.bytes_per_second = 40});
  auto cfg = fx.config(fx.server.url());
  cfg.retries = 1;
  fx.require_kept(run_sync(cfg), "timed out");
}

TEST_CASE("sync faults: disk full", "[sync][faults]") {
  Faulty fx;
  SECTION("a write fails with ENOSPC") {
    SyncHooks hooks;
    hooks.write_budget = 10;
    fx.require_kept(run_sync(fx.config(fx.server.url()), {}, hooks), "No space left on device");
  }
  SECTION("not enough free space to begin with") {
    auto cfg = fx.config(fx.server.url());
    cfg.reserve_bytes = std::uint64_t(1) << 50;
    fx.require_kept(run_sync(cfg), "disk full: the update needs");
  }
  // Room again: the next sync installs.
  CHECK(run_sync(fx.config(fx.server.url())).outcome == SyncOutcome::installed);
}

TEST_CASE("sync faults: kill -9 at every step of an install", "[sync][faults]") {
  for (const char* step :
       {"manifest-fetched", "file-partial", "file-stored", "files-complete", "bundle-built", "bundle-renamed",
        "previous-swapped", "current-swapped", "garbage-collected", "status-written"}) {
    DYNAMIC_SECTION(step) {
      Faulty fx;
      const pid_t pid = fork();
      REQUIRE(pid >= 0);
      if (pid == 0) {
        SyncHooks hooks;
        hooks.at_step = [&](std::string_view s) {
          if (s == step) ::kill(::getpid(), SIGKILL);
        };
        run_sync(fx.config(fx.server.url()), {}, hooks);
        ::_exit(0);
      }
      int status = 0;
      ::waitpid(pid, &status, 0);
      REQUIRE(WIFSIGNALED(status));
      CHECK(WTERMSIG(status) == SIGKILL);
      // Killed: the kiosk would show one whole version, old or new, never a mix.
      const auto shown = shown_version(fx.state, fx.keys);
      CHECK((shown == 1 || shown == 2));
      // The next start (or sync) cleans up and finishes the job.
      recover_state(StatePaths{fx.state}, fx.keys);
      require_nothing_half_installed(fx.state);
      const auto r = run_sync(fx.config(fx.server.url()));
      INFO(r.message);
      CHECK(r.outcome != SyncOutcome::failed);
      CHECK(shown_version(fx.state, fx.keys) == 2);
    }
  }
}

TEST_CASE("sync faults: power cut between rename steps", "[sync][faults]") {
  // What the disk can hold after a power cut, given the fsyncs after every step: each state below, and
  // torn data where a disk lied about a flush. Start-up recovery must leave a whole bundle current.
  Faulty fx;
  REQUIRE(run_sync(fx.config(fx.server.url())).outcome == SyncOutcome::installed);  // v2 current, v1 previous
  const StatePaths s{fx.state};
  const fs::path v1 = link_target(s.previous()), v2 = link_target(s.current());

  SECTION("cut after the new link was made, before it replaced current") {
    fs::create_symlink(fs::relative(v1, fx.state), fx.state / "current.new");
    fs::create_directories(s.incoming() / "3-abc.tmp" / "services");
    std::ofstream(s.incoming() / "3-abc.tmp" / "bundle.yaml") << "id: aa";  // half-built
    recover_state(s, fx.keys);
    CHECK(shown_version(fx.state, fx.keys) == 2);
    require_nothing_half_installed(fx.state);
  }
  SECTION("cut after previous was swapped, before current") {
    replace_symlink(s.previous(), fs::relative(v2, fx.state));
    recover_state(s, fx.keys);
    CHECK(shown_version(fx.state, fx.keys) == 2);
  }
  SECTION("current points at a folder that did not reach the disk") {
    replace_symlink(s.current(), "bundles/9-000000000000");
    CHECK(recover_state(s, fx.keys).size() == 1);
    CHECK(shown_version(fx.state, fx.keys) == 1);
  }
  SECTION("a torn file in the current bundle") {
    const fs::path f = v2 / fx.changed;
    const std::string text = read_file(f);
    fs::remove(f);  // a hard link into the store: replace it, do not write through it
    std::ofstream(f, std::ios::binary) << text.substr(0, text.size() / 2);
    const auto done = recover_state(s, fx.keys);
    REQUIRE(done.size() == 1);
    CHECK_THAT(done[0], Catch::Contains("current was damaged"));
    CHECK(shown_version(fx.state, fx.keys) == 1);
  }
}

TEST_CASE("sync faults: a hostile manifest cannot write outside the state folder", "[sync][faults]") {
  Faulty fx;
  const auto evil = fx.tmp.path() / "evil";
  make_signed_bundle(evil, 5, fx.key);
  std::string m = read_file(evil / manifest_name);
  const auto pos = m.find("\"path\": \"") + 9;
  m.insert(pos, "../../");
  std::ofstream(evil / manifest_name, std::ios::binary) << m;
  std::ofstream(evil / signature_name, std::ios::binary) << sign_manifest(m, fx.key.secret_key);
  fx.server.set_root(evil);
  fx.require_kept(run_sync(fx.config(fx.server.url())), "bad file entry");
}
