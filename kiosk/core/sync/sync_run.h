#pragma once
// One sync: from a source's signed manifest to a new `current` bundle, or a clear reason why not. The
// last result is kept in STATE/sync-status.json for the technician screen and `kioskctl sync`.

#include <cstdint>
#include <string>

#include "core/sync/sync_config.h"
#include "core/sync/sync_hooks.h"

namespace kiosk {

enum class SyncOutcome { installed, up_to_date, failed };

struct SyncResult {
  SyncOutcome outcome = SyncOutcome::failed;
  std::string message;  // for people: what happened or what is wrong
  std::string bundle_id;
  std::int64_t version = 0;  // of the bundle now current
  int files_fetched = 0, files_reused = 0;
  std::uint64_t bytes_received = 0;  // over the wire (or read from the folder)
  double seconds = 0;
};

struct SyncOptions {
  bool allow_older = false;  // a technician's forced rollback to what the source has
};

SyncResult run_sync(const SyncConfig& config, const SyncOptions& options, SyncHooks& hooks);
SyncResult run_sync(const SyncConfig& config, const SyncOptions& options = {});

// The kiosk found the new current bundle unusable: back to the previous one; the bundle is remembered as
// rejected (a sync does not install it again) and the reason is kept in the status. Returns false when there
// was nothing to go back to.
// remember = false for a bundle damaged on this disk (not wrong as published): a sync may install it again.
bool reject_current_bundle(const std::filesystem::path& state_dir, const std::string& reason, bool remember = true);

// A technician's rollback (kioskctl sync --rollback, the technician screen): current and previous swap, and
// the version left is held back: timer syncs do not reinstall it, only a newer version ends the hold.
// Returns false when there is nothing to go back to.
bool roll_back_by_hand(const std::filesystem::path& state_dir);

struct SyncStatus {
  std::string time;     // UTC, ISO 8601, of the last sync
  std::string outcome;  // installed, up-to-date, failed
  std::string message;
  std::string etag;
  std::string rejected_manifest;  // SHA-256 of a manifest the kiosk could not load
  std::string rejected_reason;
  std::int64_t held_back_version = 0;  // a technician rolled back from it: not installed again
  std::int64_t version = 0;
  std::uint64_t bytes_received = 0;
};
SyncStatus read_sync_status(const std::filesystem::path& state_dir);

const char* outcome_name(SyncOutcome o);

}  // namespace kiosk
