// kioskctl sync --config FILE: one sync of the kiosk's bundle (for systemd timers and technicians), its
// status, or a rollback to the previous bundle.

#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "core/config/kiosk_config.h"
#include "core/sync/bundle_install.h"
#include "core/sync/sync_run.h"

namespace kioskctl {
namespace {

struct SyncArgs {
  std::string config = "/etc/kiosk/kiosk.yaml";
  bool allow_older = false, status = false, rollback = false, json = false;
};

int run_sync_command(const SyncArgs& a) {
  kiosk::Diagnostics d;
  const auto c = kiosk::load_kiosk_config(a.config, d);
  for (const auto& item : d.items) fmt::print(stderr, "{}\n", kiosk::format_diagnostic(item));
  if (d.has_errors()) return exit_invalid;
  if (!c.sync.enabled()) {
    fmt::print(stderr, "error: {} has no sync section (source, state_dir, trusted_keys)\n", a.config);
    return exit_invalid;
  }
  const kiosk::StatePaths state{c.sync.state_dir};
  if (a.rollback) {
    if (!kiosk::roll_back_by_hand(state.root)) {
      fmt::print(stderr, "error: there is no previous bundle in {}\n", state.root.generic_string());
      return exit_invalid;
    }
    const auto m = kiosk::installed_manifest(kiosk::link_target(state.current()));
    const auto st = kiosk::read_sync_status(state.root);
    fmt::print("rolled back: {} now shows version {}; the kiosk switches at its next idle moment{}\n",
               state.root.generic_string(), m ? m->version : 0,
               st.held_back_version
                   ? fmt::format("; version {} stays away until a newer one is published", st.held_back_version)
                   : std::string());
    return exit_ok;
  }
  if (a.status) {
    const auto st = kiosk::read_sync_status(state.root);
    const auto cur = kiosk::link_target(state.current());
    const auto m = cur.empty() ? std::nullopt : kiosk::installed_manifest(cur);
    const auto problems =
        cur.empty() ? std::vector<std::string>{"no bundle installed"} : kiosk::verify_bundle(cur, c.sync.trusted_keys);
    if (a.json) {
      fmt::print("{}\n", nlohmann::json{{"last_sync", st.time},
                                        {"outcome", st.outcome},
                                        {"message", st.message},
                                        {"current", cur.generic_string()},
                                        {"version", m ? m->version : 0},
                                        {"verified", problems.empty()},
                                        {"problems", problems}}
                             .dump(2));
    } else {
      fmt::print("last sync:  {} {}: {}\n", st.time.empty() ? "never" : st.time, st.outcome, st.message);
      fmt::print("current:    {} (version {})\n", cur.empty() ? "none" : cur.generic_string(), m ? m->version : 0);
      fmt::print("signature:  {}\n", problems.empty() ? "valid, every file intact" : problems.front());
    }
    return problems.empty() ? exit_ok : exit_invalid;
  }
  const auto r = kiosk::run_sync(c.sync, {a.allow_older});
  if (a.json) {
    fmt::print("{}\n", nlohmann::json{{"outcome", kiosk::outcome_name(r.outcome)},
                                      {"message", r.message},
                                      {"bundle_id", r.bundle_id},
                                      {"version", r.version},
                                      {"files_fetched", r.files_fetched},
                                      {"files_reused", r.files_reused},
                                      {"bytes_received", r.bytes_received},
                                      {"seconds", r.seconds}}
                           .dump(2));
  } else {
    fmt::print(r.outcome == kiosk::SyncOutcome::failed ? stderr : stdout, "sync {}: {} ({:.1f} KiB in {:.2f} s)\n",
               kiosk::outcome_name(r.outcome), r.message, static_cast<double>(r.bytes_received) / 1024, r.seconds);
  }
  return r.outcome == kiosk::SyncOutcome::failed ? exit_invalid : exit_ok;
}

}  // namespace

void add_sync(CLI::App& app, Action& action) {
  auto a = std::make_shared<SyncArgs>();
  auto* sync = app.add_subcommand("sync", "fetch, verify and install the newest signed bundle (one run)");
  sync->add_option("--config", a->config, "the kiosk's config with its sync section")->check(CLI::ExistingFile);
  sync->add_flag("--allow-older", a->allow_older, "install what the source has even when it is older (rollback)");
  sync->add_flag("--status", a->status, "show the last sync and check the current bundle; change nothing");
  sync->add_flag("--rollback", a->rollback, "go back to the previous bundle");
  sync->add_flag("--json", a->json, "print JSON");
  sync->callback([&action, a] { action = [a] { return run_sync_command(*a); }; });
}

}  // namespace kioskctl
