#pragma once
// Everything a kiosk or a tool needs from disk, loaded and checked together. The kiosk never uses
// content for which ok() is false.

#include <filesystem>
#include <optional>

#include "core/data_paths.h"  // find_locales_dir, which every user of load_content needs
#include "core/diagnostics.h"
#include "core/i18n_catalog.h"
#include "core/model.h"

namespace kiosk {

struct Content {
  Bundle bundle;
  Catalogs catalogs;
  Diagnostics diags;

  [[nodiscard]] bool ok() const { return !diags.has_errors(); }
};

// Loads the bundle in bundle_dir and the UI catalogs in locales_dir, validates both and checks that
// every locale the bundle offers has a UI catalog.
Content load_content(const std::filesystem::path& bundle_dir, const std::filesystem::path& locales_dir);

}  // namespace kiosk
