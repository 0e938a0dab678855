#include "core/sync/bundle_install.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>

#include "core/base/file_io.h"
#include "core/sync/content_store.h"
#include "core/sync/sync_error.h"

namespace kiosk {

namespace fs = std::filesystem;

namespace {

// The folder name: version first (sorts and reads well), then the manifest's hash (two builds of one version differ).
std::string bundle_name(const Manifest& m, const std::string& manifest_bytes) {
  return fmt::format("{}-{}", m.version, sha256_hex(manifest_bytes).substr(0, 12));
}

void remove_quietly(const fs::path& p) {
  std::error_code ec;
  fs::permissions(p, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(p, ec);
}

bool is_locked(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool locked = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
  ::close(fd);
  return locked;
}

}  // namespace

fs::path link_target(const fs::path& link) {
  std::error_code ec;
  if (!fs::is_symlink(link, ec)) return {};
  fs::path t = fs::read_symlink(link, ec);
  if (ec) return {};
  if (t.is_relative()) t = link.parent_path() / t;
  if (!fs::is_directory(t, ec)) return {};
  return fs::weakly_canonical(t, ec);
}

std::optional<Manifest> installed_manifest(const fs::path& dir) {
  try {
    std::string why;
    return parse_manifest(read_file(dir / manifest_name, 16u << 20), why);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::vector<std::string> recover_state(const StatePaths& s, const std::vector<std::array<unsigned char, 32>>& keys) {
  std::vector<std::string> done;
  std::error_code ec;
  for (const char* stray : {"current.new", "previous.new", "sync-status.json.tmp"})
    if (fs::is_symlink(s.root / stray, ec) || fs::exists(s.root / stray, ec)) {
      fs::remove(s.root / stray, ec);
      done.push_back(fmt::format("removed {} left by an interrupted sync", stray));
    }
  if (fs::is_directory(s.incoming(), ec))
    for (const auto& e : fs::directory_iterator(s.incoming(), ec))
      if (e.path().extension() == ".tmp") {
        remove_quietly(e.path());
        done.push_back("removed the half-built bundle " + e.path().filename().string());
      }
  const fs::path cur = link_target(s.current());
  // Sizes, not hashes: this runs before every sync, and torn writes change sizes; the kiosk hashes at load.
  const bool cur_ok = !cur.empty() && verify_bundle(cur, keys, nullptr, false).empty();
  if (!cur_ok) {
    const fs::path prev = link_target(s.previous());
    if (!prev.empty() && verify_bundle(prev, keys, nullptr, false).empty()) {
      replace_symlink(s.current(), fs::relative(prev, s.root));
      done.push_back(cur.empty() ? "current was missing: back to the previous bundle"
                                 : "current was damaged: back to the previous bundle");
    }
  }
  return done;
}

fs::path install_bundle(const StatePaths& s, const Manifest& m, const std::string& manifest_bytes,
                        const std::string& signature, const std::vector<std::array<unsigned char, 32>>& keys,
                        SyncHooks& hooks) {
  const std::string name = bundle_name(m, manifest_bytes);
  const fs::path final_dir = s.bundles() / name;
  std::error_code ec;
  if (fs::is_directory(final_dir, ec) && verify_bundle(final_dir, keys).empty()) return final_dir;  // installed before
  const fs::path tmp = s.incoming() / (name + ".tmp");
  remove_quietly(tmp);
  fs::create_directories(tmp);
  try {
    // Store files downloaded by this sync, and the new folder: flushed once before anything points at them.
    for (const auto& f : m.files) {
      const fs::path dest = tmp / f.path;
      fs::create_directories(dest.parent_path());
      const fs::path blob = blob_path(s.store(), f.sha256);
      // A hard link costs no space; a copy where the filesystem has none.
      fs::create_hard_link(blob, dest, ec);
      if (ec) fs::copy_file(blob, dest);
    }
    std::ofstream(tmp / manifest_name, std::ios::binary) << manifest_bytes;
    std::ofstream out(tmp / signature_name, std::ios::binary);
    out << signature;
    out.close();
    if (!out) throw std::runtime_error("cannot write manifest.sig");
  } catch (const fs::filesystem_error& e) {
    remove_quietly(tmp);
    throw SyncError(std::string("cannot build the bundle folder: ") + e.what());
  } catch (const std::runtime_error& e) {
    remove_quietly(tmp);
    throw SyncError(std::string("cannot build the bundle folder: ") + e.what());
  }
  hooks.step("bundle-built");
  // The same check the kiosk makes: what is installed is exactly what was signed. A store file that does
  // not match (torn by a power cut before it was flushed) is dropped, so that the next sync fetches it again.
  Manifest checked;
  if (auto problems = verify_bundle(tmp, keys, &checked); !problems.empty()) {
    for (const auto& f : m.files) {
      std::error_code e2;
      if (fs::file_size(tmp / f.path, e2) != f.size || sha256_file(tmp / f.path) != f.sha256)
        remove_blob(s.store(), f.sha256);
    }
    remove_quietly(tmp);
    throw SyncError("the installed bundle does not verify: " + problems.front());
  }
  sync_filesystem(s.root);
  fs::create_directories(s.bundles());
  remove_quietly(final_dir);
  fs::rename(tmp, final_dir);
  sync_path(s.bundles());
  hooks.step("bundle-renamed");
  return final_dir;
}

void activate_bundle(const StatePaths& s, const fs::path& dir, SyncHooks& hooks) {
  const fs::path rel = fs::relative(dir, s.root);
  const fs::path cur = link_target(s.current());
  if (!cur.empty() && cur != fs::weakly_canonical(dir)) {
    replace_symlink(s.previous(), fs::relative(cur, s.root));
    hooks.step("previous-swapped");
  }
  replace_symlink(s.current(), rel);
  hooks.step("current-swapped");
}

bool roll_back(const StatePaths& s) {
  const fs::path prev = link_target(s.previous()), cur = link_target(s.current());
  if (prev.empty()) return false;
  replace_symlink(s.current(), fs::relative(prev, s.root));
  if (!cur.empty()) replace_symlink(s.previous(), fs::relative(cur, s.root));
  return true;
}

void forget_previous(const StatePaths& s) {
  std::error_code ec;
  fs::remove(s.previous(), ec);
  sync_path(s.root);
}

int collect_garbage(const StatePaths& s) {
  int removed = 0;
  std::error_code ec;
  const fs::path cur = link_target(s.current()), prev = link_target(s.previous());
  if (fs::is_directory(s.bundles(), ec))
    for (const auto& e : fs::directory_iterator(s.bundles(), ec)) {
      const fs::path p = fs::weakly_canonical(e.path(), ec);
      if (p == cur || p == prev || !e.is_directory() || is_locked(p)) continue;
      remove_quietly(p);
      ++removed;
    }
  collect_store_garbage(s.store());
  return removed;
}

BundleLock::BundleLock(const fs::path& dir) {
  fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ >= 0) ::flock(fd_, LOCK_SH);
}
BundleLock::~BundleLock() {
  if (fd_ >= 0) ::close(fd_);
}
BundleLock& BundleLock::operator=(BundleLock&& o) noexcept {
  if (this != &o) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = o.fd_;
    o.fd_ = -1;
  }
  return *this;
}

}  // namespace kiosk
