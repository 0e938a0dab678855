// Bundles from a local folder or a USB stick: the same checks as over the network, only the bytes come
// from a file.

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/base/file_io.h"
#include "core/sync/bundle_source.h"
#include "core/sync/sync_error.h"

namespace kiosk {

namespace fs = std::filesystem;

void write_part(int fd, const char* data, std::size_t n, SyncHooks& hooks) {
  if (hooks.write_budget >= 0) {
    if (static_cast<std::int64_t>(n) > hooks.write_budget) {
      hooks.write_budget = 0;
      throw SyncError(std::string("cannot write: ") + std::strerror(ENOSPC));
    }
    hooks.write_budget -= static_cast<std::int64_t>(n);
  }
  while (n > 0) {
    const ssize_t w = ::write(fd, data, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) throw SyncError(std::string("cannot write: ") + std::strerror(w < 0 ? errno : ENOSPC));
    data += w;
    n -= static_cast<std::size_t>(w);
  }
}

namespace {

class FolderSource final : public BundleSource {
 public:
  explicit FolderSource(fs::path dir) : dir_(std::move(dir)) {}

  [[nodiscard]] std::string describe() const override { return dir_.generic_string(); }

  FetchedManifest fetch_manifest(const std::string&) override {
    FetchedManifest m;
    try {
      m.manifest = read_file(dir_ / manifest_name, 16u << 20);
    } catch (const std::exception& e) {
      throw SyncError(std::string("no bundle: ") + e.what());
    }
    std::error_code ec;
    if (fs::exists(dir_ / signature_name, ec)) m.signature = read_file(dir_ / signature_name, 4096);
    bytes_received_ += m.manifest.size() + m.signature.size();
    return m;
  }

  void fetch_file(const ManifestFile& f, const fs::path& part, SyncHooks& hooks) override {
    std::ifstream in(dir_ / f.path, std::ios::binary);
    if (!in) throw SyncError("cannot read it from " + describe());
    const int fd = ::open(part.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw SyncError(std::string("cannot create a part file: ") + std::strerror(errno));
    try {
      // Resume: a stick pulled out halfway leaves the part for next time.
      const off_t have = ::lseek(fd, 0, SEEK_END);
      if (have < 0 || static_cast<std::uint64_t>(have) > f.size) {
        if (::ftruncate(fd, 0) != 0) throw SyncError("cannot truncate a part file");
        ::lseek(fd, 0, SEEK_SET);
      } else {
        in.seekg(have);
      }
      std::uint64_t total = static_cast<std::uint64_t>(std::max<off_t>(have, 0));
      char buf[1 << 16];
      bool first = true;
      while (total < f.size && in) {
        in.read(buf, static_cast<std::streamsize>(std::min<std::uint64_t>(sizeof buf, f.size - total)));
        const auto n = static_cast<std::size_t>(in.gcount());
        if (n == 0) break;
        write_part(fd, buf, n, hooks);
        total += n;
        bytes_received_ += n;
        if (first) hooks.step("file-partial");
        first = false;
      }
    } catch (...) {
      ::close(fd);
      throw;
    }
    ::close(fd);
  }

 private:
  fs::path dir_;
};

class AbsentSource final : public BundleSource {
 public:
  explicit AbsentSource(fs::path mount) : mount_(std::move(mount)) {}
  [[nodiscard]] std::string describe() const override { return "usb:" + mount_.generic_string(); }
  FetchedManifest fetch_manifest(const std::string&) override {
    FetchedManifest m;
    m.absent = true;
    return m;
  }
  void fetch_file(const ManifestFile&, const fs::path&, SyncHooks&) override { throw SyncError("no USB stick"); }

 private:
  fs::path mount_;
};

}  // namespace

std::unique_ptr<BundleSource> make_folder_source(const fs::path& folder) {
  return std::make_unique<FolderSource>(folder);
}

std::unique_ptr<BundleSource> make_usb_source(const fs::path& mount) {
  std::error_code ec;
  // udisks mounts sticks at /media/<user>/<label>, others at /media/<label>.
  for (const auto& a : fs::directory_iterator(mount, ec)) {
    if (!a.is_directory(ec)) continue;
    if (fs::exists(a.path() / "stadt-fuer-alle" / manifest_name, ec))
      return make_folder_source(a.path() / "stadt-fuer-alle");
    for (const auto& b : fs::directory_iterator(a.path(), ec))
      if (b.is_directory(ec) && fs::exists(b.path() / "stadt-fuer-alle" / manifest_name, ec))
        return make_folder_source(b.path() / "stadt-fuer-alle");
  }
  return std::make_unique<AbsentSource>(mount);
}

std::unique_ptr<BundleSource> make_source(const SyncConfig& c) {
  if (c.source.rfind("http://", 0) == 0 || c.source.rfind("https://", 0) == 0) return make_http_source(c);
  if (c.source.rfind("usb:", 0) == 0) return make_usb_source(c.source.substr(4));
  if (c.source.rfind("file://", 0) == 0) return make_folder_source(c.source.substr(7));
  if (c.source.find("://") != std::string::npos)
    throw SyncError("source " + c.source + ": only http://, https://, file://, usb: or a folder");
  return make_folder_source(c.source);
}

}  // namespace kiosk
