#pragma once
// The kiosk's own local settings (/etc/kiosk/kiosk.yaml): which place it stands at, the technician PIN's
// hash, idle times. Never part of the content bundle.

#include <filesystem>
#include <optional>
#include <string>

#include "core/base/diagnostics.h"
#include "core/model/model.h"
#include "core/sync/sync_config.h"

namespace kiosk {

struct KioskConfig {
  std::string kiosk_id;  // one of the bundle's kiosks
  // Where this kiosk stands and which way a person in front of it faces, when it differs from (or is not
  // among) the bundle's kiosk places: set by the technician who installs it.
  std::optional<GeoPoint> location;
  std::optional<double> heading_deg;
  std::string technician_pin_hash;  // libsodium crypto_pwhash_str (Argon2id); empty: no technician screen
  double idle_seconds = 90;         // without a touch before the warning
  double warning_seconds = 30;      // the warning's countdown; at least 20
  SyncConfig sync;                  // empty source: the kiosk shows the bundle it was started with
};

KioskConfig load_kiosk_config(const std::filesystem::path& file, Diagnostics& diags);

}  // namespace kiosk
