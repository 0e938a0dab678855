#pragma once
// The kiosk's bundle folders on disk, changed only in steps that survive a kill or a power cut at any point:
//
//   STATE/store/ab/cdef...       every fetched file by SHA-256 (see content_store.h)
//   STATE/bundles/<v>-<hash>/    installed bundles: hard links into the store, manifest and signature
//   STATE/current -> bundles/... what the kiosk shows (a symlink, replaced by rename)
//   STATE/previous -> bundles/.. what it showed before, for rollback
//   STATE/incoming/              part files of downloads (resumed) and bundles being built (*.tmp)

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/bundle/manifest.h"
#include "core/sync/sync_hooks.h"

namespace kiosk {

struct StatePaths {
  std::filesystem::path root;
  [[nodiscard]] std::filesystem::path store() const { return root / "store"; }
  [[nodiscard]] std::filesystem::path bundles() const { return root / "bundles"; }
  [[nodiscard]] std::filesystem::path incoming() const { return root / "incoming"; }
  [[nodiscard]] std::filesystem::path current() const { return root / "current"; }
  [[nodiscard]] std::filesystem::path previous() const { return root / "previous"; }
  [[nodiscard]] std::filesystem::path status() const { return root / "sync-status.json"; }
  [[nodiscard]] std::filesystem::path lock() const { return root / "sync.lock"; }
};

// The folder a link points to (absolute), or empty when the link is missing or dangling.
std::filesystem::path link_target(const std::filesystem::path& link);
// The manifest of an installed bundle folder, or nullopt.
std::optional<Manifest> installed_manifest(const std::filesystem::path& bundle_dir);

// After a crash: removes half-built bundles and stray temporary links, and points `current` at `previous`
// when `current` is missing or damaged (checked against the trusted keys). Returns what it did, for the log.
std::vector<std::string> recover_state(const StatePaths& state, const std::vector<std::array<unsigned char, 32>>& keys);

// Builds bundles/<version>-<hash> from the store (all files must be there), checks it like the kiosk will,
// and makes it durable. Returns its folder. Throws SyncError.
std::filesystem::path install_bundle(const StatePaths& state, const Manifest& m, const std::string& manifest_bytes,
                                     const std::string& signature,
                                     const std::vector<std::array<unsigned char, 32>>& keys, SyncHooks& hooks);

// previous := current, then current := dir; each by an atomic rename, each durable.
void activate_bundle(const StatePaths& state, const std::filesystem::path& dir, SyncHooks& hooks);

// current := previous (when there is one), previous := the bundle left. Returns false when there is nothing to go
// back to.
bool roll_back(const StatePaths& state);
// Removes the `previous` link (after a rejected bundle was left).
void forget_previous(const StatePaths& state);

// Removes bundles that are neither current nor previous nor in use (a kiosk holds a shared lock on the folder
// it shows, see BundleLock), then store files no bundle links. Returns the number of bundles removed.
int collect_garbage(const StatePaths& state);

// A shared lock on a bundle folder for as long as a kiosk shows it (flock; released when the process dies).
class BundleLock {
 public:
  BundleLock() = default;
  explicit BundleLock(const std::filesystem::path& dir);
  ~BundleLock();
  BundleLock(BundleLock&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  BundleLock& operator=(BundleLock&& o) noexcept;
  BundleLock(const BundleLock&) = delete;
  BundleLock& operator=(const BundleLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace kiosk
