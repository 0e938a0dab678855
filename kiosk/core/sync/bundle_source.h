#pragma once
// Where bundles come from: a web server or CDN (any static HTTP server), a local folder, or a USB stick.
// A source hands out the manifest with its signature, and single files by their path in the manifest.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "core/bundle/manifest.h"
#include "core/sync/sync_config.h"
#include "core/sync/sync_hooks.h"

namespace kiosk {

struct FetchedManifest {
  bool not_modified = false;  // the server's ETag is the one we had: nothing to do
  bool absent = false;        // no bundle there (e.g. no USB stick in): nothing to do
  std::string manifest, signature, etag;
};

class BundleSource {
 public:
  virtual ~BundleSource() = default;
  [[nodiscard]] virtual std::string describe() const = 0;
  // Throws SyncError.
  virtual FetchedManifest fetch_manifest(const std::string& etag) = 0;
  // Appends to part until it holds the file's size (resuming what is already there). Throws SyncError.
  virtual void fetch_file(const ManifestFile& file, const std::filesystem::path& part, SyncHooks& hooks) = 0;
  [[nodiscard]] std::uint64_t bytes_received() const { return bytes_received_; }

 protected:
  std::uint64_t bytes_received_ = 0;
};

// Throws SyncError when the source is not understood.
std::unique_ptr<BundleSource> make_http_source(const SyncConfig& config);
std::unique_ptr<BundleSource> make_folder_source(const std::filesystem::path& folder);
// The first "<mount>/*/stadt-fuer-alle/" or "<mount>/*/*/stadt-fuer-alle/" folder with a manifest.
std::unique_ptr<BundleSource> make_usb_source(const std::filesystem::path& mount_point);
std::unique_ptr<BundleSource> make_source(const SyncConfig& config);

// Appends bytes to an open part file, within the hooks' write budget (tests fill the disk). Throws SyncError.
void write_part(int fd, const char* data, std::size_t n, SyncHooks& hooks);

}  // namespace kiosk
