#pragma once
// Where a kiosk gets its content bundle from and whom it trusts: the `sync:` part of the kiosk's local config.

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk {

struct SyncConfig {
  // "https://host/path/" (or http), a local folder, or "usb:/media" (a bundle folder on any stick mounted there).
  std::string source;
  std::filesystem::path state_dir;  // the content store, installed bundles, `current` link and sync status
  std::vector<std::array<unsigned char, 32>> trusted_keys;  // Ed25519 public keys
  double interval_minutes = 15;             // the kiosk's own schedule; 0: only `kioskctl sync` (e.g. a systemd timer)
  double timeout_seconds = 30;              // to connect, and for a transfer that has stalled
  int retries = 4;                          // per file, with exponential backoff (and resume)
  double retry_delay_seconds = 2;           // the first backoff; doubles each time
  std::uint64_t reserve_bytes = 64u << 20;  // free space a sync must leave on the state folder's disk

  [[nodiscard]] bool enabled() const { return !source.empty() && !state_dir.empty(); }
};

}  // namespace kiosk
