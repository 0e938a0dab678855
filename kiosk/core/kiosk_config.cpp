#include "core/kiosk_config.h"

#include "core/yaml_file.h"
#include "core/yaml_read.h"

namespace kiosk {

KioskConfig load_kiosk_config(const std::filesystem::path& file, Diagnostics& diags) {
  KioskConfig c;
  auto f = load_yaml_file(file, file.generic_string(), diags);
  if (!f) return c;
  const ReadContext ctx{*f, diags};
  MapReader m(ctx, f->root, "the kiosk config", {"kiosk_id", "technician_pin_hash", "idle_seconds", "warning_seconds"});
  if (m.has("kiosk_id"))
    if (auto v = read_id(ctx, m.get("kiosk_id"), "kiosk_id")) c.kiosk_id = *v;
  if (m.has("technician_pin_hash")) {
    const auto n = m.get("technician_pin_hash");
    if (auto v = read_string(ctx, n, "technician_pin_hash", 200)) {
      if (v->rfind("$argon2", 0) == 0)
        c.technician_pin_hash = *v;
      else
        diags.error(ctx.pos(n), "bad-value", "technician_pin_hash is not an Argon2 hash",
                    "make one with: kioskctl pin-hash (it reads the PIN from standard input)");
    }
  }
  if (m.has("idle_seconds"))
    if (auto v = read_number(ctx, m.get("idle_seconds"), "idle_seconds", 10, 3600)) c.idle_seconds = *v;
  if (m.has("warning_seconds"))
    if (auto v = read_number(ctx, m.get("warning_seconds"), "warning_seconds", 20, 600)) c.warning_seconds = *v;
  return c;
}

}  // namespace kiosk
