#pragma once
// Checks UI catalogs against the English source: missing and extra keys, placeholders that differ,
// plural messages without the locale's CLDR plural forms. A missing or empty ("") message is a warning:
// the kiosk shows it in the fallback language.

#include "core/base/diagnostics.h"
#include "core/i18n/i18n_catalog.h"

namespace kiosk {

void check_catalogs(const Catalogs& catalogs, Diagnostics& diags);

}  // namespace kiosk
