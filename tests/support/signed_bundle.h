#pragma once
// Built and signed bundles for sync tests, made from the sample city (its YAML and the UI catalogs;
// the compiled map only when asked, it is 15 MiB).

#include <cstdint>
#include <filesystem>

#include "core/bundle/manifest.h"

namespace kiosk::test {

// dir := the sample bundle at `version`, with manifest.json and manifest.sig by key.
void make_signed_bundle(const std::filesystem::path& dir, std::int64_t version, const KeyPair& key,
                        bool with_map = false);
// After a change in dir: writes the manifest and the signature again.
void reseal_bundle(const std::filesystem::path& dir, std::int64_t version, const KeyPair& key);
// A one-service change: a new phone number in the first service file (an editor's everyday edit).
void edit_one_service(const std::filesystem::path& dir);

}  // namespace kiosk::test
