#pragma once
// Everything a kiosk or a tool needs from disk, loaded and checked together. The kiosk never uses
// content for which ok() is false.

#include <filesystem>
#include <optional>

#include "core/base/data_paths.h"  // find_locales_dir, which every user of load_content needs
#include "core/base/diagnostics.h"
#include "core/bundle/pictograms.h"
#include "core/i18n/i18n_catalog.h"
#include "core/model/model.h"

namespace kiosk {

struct Content {
  std::filesystem::path dir;  // the bundle's folder (its own pictograms are read from there)
  Bundle bundle;
  Catalogs catalogs;
  PictogramNames pictograms;  // empty when the icon font's names are not installed
  Diagnostics diags;

  [[nodiscard]] bool ok() const { return !diags.has_errors(); }
};

// What editors' tools (validate, build) check beyond what the kiosk checks on every load.
struct PublishChecks {
  std::optional<Date> today;  // facts checked after today are refused
  bool catalogs = false;      // the UI catalogs' placeholders and plural forms (as `kioskctl i18n check`)
};

// Loads the bundle in bundle_dir, the UI catalogs in locales_dir and the pictogram names, validates them
// and checks that every locale the bundle offers has a UI catalog and every category icon a pictogram.
Content load_content(const std::filesystem::path& bundle_dir, const std::filesystem::path& locales_dir,
                     const PublishChecks& publish = {});

// No bundle, only the UI catalogs: what a kiosk that cannot show any bundle needs to say so in every
// language ("out of service"). The bundle offers every catalog's locale and keeps the time in UTC.
Content catalogs_only(const std::filesystem::path& locales_dir);

}  // namespace kiosk
