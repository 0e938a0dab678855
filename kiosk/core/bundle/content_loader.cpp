#include "core/bundle/content_loader.h"

#include <fmt/format.h>

#include <future>
#include <iterator>
#include <utility>

#include "core/bundle/bundle_loader.h"
#include "core/bundle/bundle_validate.h"
#include "core/i18n/i18n_check.h"

namespace kiosk {

namespace fs = std::filesystem;

Content load_content(const fs::path& bundle_dir, const fs::path& locales_dir, const PublishChecks& publish) {
  Content c;
  // The UI catalogs on another thread: the bundle's first files are read on one core.
  struct Shared {
    Catalogs catalogs;
    PictogramNames pictograms;
    Diagnostics diags;
  };
  auto shared = std::async(std::launch::async, [&locales_dir] {
    Shared r;
    r.catalogs = load_catalogs(locales_dir, r.diags);
    if (auto config = default_pictogram_config()) r.pictograms = load_pictogram_names(*config, r.diags);
    return r;
  });
  c.dir = bundle_dir;
  c.bundle = load_bundle(bundle_dir, c.diags);
  validate_bundle(c.bundle, c.diags, publish.today);
  Shared loaded = shared.get();
  c.catalogs = std::move(loaded.catalogs);
  c.pictograms = std::move(loaded.pictograms);
  std::move(loaded.diags.items.begin(), loaded.diags.items.end(), std::back_inserter(c.diags.items));
  check_category_pictograms(c.bundle, bundle_dir, c.pictograms, c.diags);
  if (publish.catalogs) check_catalogs(c.catalogs, c.diags);
  if (!c.catalogs.locales.empty()) {
    for (std::size_t i = 0; i < c.bundle.locales.size(); ++i) {
      const std::string& tag = c.bundle.locales[i];
      if (!c.catalogs.find_for(tag))
        c.diags.error(
            c.bundle.locale_pos[i], "unknown-locale",
            fmt::format("the bundle offers locale '{}', but there are no UI strings for it in {}", tag,
                        locales_dir.generic_string()),
            fmt::format("add {}/{}.yaml or remove '{}' from 'locales'", locales_dir.generic_string(), tag, tag));
    }
  }
  return c;
}

Content catalogs_only(const fs::path& locales_dir) {
  Content c;
  c.catalogs = load_catalogs(locales_dir, c.diags);
  c.bundle.timezone = "UTC";
  c.bundle.default_locale = std::string(Catalogs::source_locale);
  for (const auto& cat : c.catalogs.locales) c.bundle.locales.push_back(cat.info.tag);
  return c;
}

}  // namespace kiosk
