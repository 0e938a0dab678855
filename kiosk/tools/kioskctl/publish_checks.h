#pragma once
// What `validate` and `bundle build` check beyond the kiosk's own checks on load.

#include "core/bundle/content_loader.h"

namespace kioskctl {

// Today as the latest date anywhere on Earth (UTC+14), so that a fact checked today in any time zone
// is never "in the future"; and the UI catalogs' placeholder and plural checks.
kiosk::PublishChecks publish_checks();

}  // namespace kioskctl
