#include "core/config/kiosk_config.h"

#include "core/base/file_io.h"
#include "core/bundle/manifest.h"
#include "core/config/pin_hash.h"
#include "core/yaml/yaml_file.h"
#include "core/yaml/yaml_read.h"

namespace kiosk {

namespace {

// A trusted key is written inline ("kiosk-ed25519-public ...") or as a key file's path (relative to the config).
void read_trusted_key(const ReadContext& ctx, const YAML::Node& n, const std::filesystem::path& base, SyncConfig& s) {
  const auto v = read_string(ctx, n, "a trusted key", 1000);
  if (!v) return;
  std::string text = *v;
  if (text.rfind("kiosk-ed25519-public", 0) != 0) {
    const std::filesystem::path p =
        std::filesystem::path(text).is_absolute() ? std::filesystem::path(text) : base / text;
    try {
      text = read_file(p, 4096);
    } catch (const std::exception& e) {
      ctx.diags.error(ctx.pos(n), "bad-key", std::string("trusted key file: ") + e.what(),
                      "make a key pair with: kioskctl keygen --out DIR, and copy the .pub file here");
      return;
    }
  }
  if (auto k = read_public_key(text))
    s.trusted_keys.push_back(*k);
  else
    ctx.diags.error(ctx.pos(n), "bad-key", "not an Ed25519 public key of kioskctl keygen",
                    "a key is one line: kiosk-ed25519-public <base64>");
}

SyncConfig read_sync(const ReadContext& ctx, const YAML::Node& n, const std::filesystem::path& base) {
  SyncConfig s;
  MapReader m(ctx, n, "sync",
              {"source", "state_dir", "trusted_keys", "interval_minutes", "timeout_seconds", "retries",
               "retry_delay_seconds", "reserve_mib"});
  if (!m.ok()) return s;
  if (auto v = read_string(ctx, m.require("source", "an https:// URL, a folder, or usb:/media"), "source", 2000))
    s.source = *v;
  if (auto v = read_string(ctx, m.require("state_dir", "e.g. /var/lib/kiosk"), "state_dir", 1000)) {
    s.state_dir = *v;
    if (s.state_dir.is_relative()) s.state_dir = base / s.state_dir;
  }
  const auto keys = m.require("trusted_keys", "the public keys whose signatures this kiosk accepts");
  if (keys.IsSequence()) {
    for (const auto& k : keys) read_trusted_key(ctx, k, base, s);
  } else if (keys.IsDefined() && !keys.IsNull()) {
    read_trusted_key(ctx, keys, base, s);
  }
  // With no key no bundle verifies: the kiosk could never show one. A mistake of the config, said here.
  if (keys.IsDefined() && (keys.IsNull() || (keys.IsSequence() && keys.size() == 0)))
    ctx.diags.error(ctx.pos(keys), "bad-key", "trusted_keys is empty: no bundle could be verified",
                    "list the public key(s) of your bundle signer: kiosk-ed25519-public <base64>, or a .pub file");
  if (m.has("interval_minutes"))
    if (auto v = read_number(ctx, m.get("interval_minutes"), "interval_minutes", 0, 7 * 24 * 60))
      s.interval_minutes = *v;
  if (m.has("timeout_seconds"))
    if (auto v = read_number(ctx, m.get("timeout_seconds"), "timeout_seconds", 1, 3600)) s.timeout_seconds = *v;
  if (m.has("retries"))
    if (auto v = read_integer(ctx, m.get("retries"), "retries", 0, 20)) s.retries = static_cast<int>(*v);
  if (m.has("retry_delay_seconds"))
    if (auto v = read_number(ctx, m.get("retry_delay_seconds"), "retry_delay_seconds", 0, 600))
      s.retry_delay_seconds = *v;
  if (m.has("reserve_mib"))
    if (auto v = read_integer(ctx, m.get("reserve_mib"), "reserve_mib", 0, 1 << 20))
      s.reserve_bytes = static_cast<std::uint64_t>(*v) << 20;
  return s;
}

}  // namespace

KioskConfig load_kiosk_config(const std::filesystem::path& file, Diagnostics& diags) {
  KioskConfig c;
  auto f = load_yaml_file(file, file.generic_string(), diags);
  if (!f) return c;
  const ReadContext ctx{*f, diags};
  MapReader m(ctx, f->root, "the kiosk config",
              {"kiosk_id", "location", "heading", "technician_pin_hash", "idle_seconds", "warning_seconds", "sync"});
  if (m.has("kiosk_id"))
    if (auto v = read_id(ctx, m.get("kiosk_id"), "kiosk_id")) c.kiosk_id = *v;
  if (m.has("location")) {
    MapReader loc(ctx, m.get("location"), "location", {"lat", "lon"});
    if (loc.ok()) {
      const auto lat = read_number(ctx, loc.require("lat"), "lat", -90, 90);
      const auto lon = read_number(ctx, loc.require("lon"), "lon", -180, 180);
      if (lat && lon) c.location = GeoPoint{*lat, *lon};
    }
  }
  if (m.has("heading"))
    if (auto v = read_number(ctx, m.get("heading"), "heading", 0, 360)) c.heading_deg = *v;
  if (m.has("technician_pin_hash")) {
    const auto n = m.get("technician_pin_hash");
    if (auto v = read_string(ctx, n, "technician_pin_hash", 200)) {
      if (const std::string why = pin_hash_problem(*v); why.empty())
        c.technician_pin_hash = *v;
      else
        diags.error(ctx.pos(n), "bad-value", "technician_pin_hash: " + why,
                    "make one with: kioskctl pin-hash (it reads the PIN from standard input)");
    }
  }
  if (m.has("idle_seconds"))
    if (auto v = read_number(ctx, m.get("idle_seconds"), "idle_seconds", 10, 3600)) c.idle_seconds = *v;
  if (m.has("warning_seconds"))
    if (auto v = read_number(ctx, m.get("warning_seconds"), "warning_seconds", 20, 600)) c.warning_seconds = *v;
  if (m.has("sync")) c.sync = read_sync(ctx, m.get("sync"), file.parent_path());
  return c;
}

}  // namespace kiosk
