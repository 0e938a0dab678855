#include "core/sync/content_store.h"

#include <sys/stat.h>

#include <string>

#include "core/base/file_io.h"
#include "core/bundle/manifest.h"
#include "core/sync/sync_error.h"

namespace kiosk {

namespace fs = std::filesystem;

fs::path blob_path(const fs::path& store, std::string_view sha) {
  // Two levels, as git does: no folder gets hundreds of thousands of entries.
  return store / std::string(sha.substr(0, 2)) / std::string(sha.substr(2));
}

bool has_blob(const fs::path& store, std::string_view sha, std::uint64_t size) {
  std::error_code ec;
  const auto p = blob_path(store, sha);
  return fs::is_regular_file(p, ec) && fs::file_size(p, ec) == size;
}

void remove_blob(const fs::path& store, std::string_view sha) {
  std::error_code ec;
  fs::remove(blob_path(store, sha), ec);
}

void add_blob(const fs::path& store, const fs::path& part, std::string_view sha, std::uint64_t size) {
  std::error_code ec;
  const auto got_size = fs::file_size(part, ec);
  if (ec || got_size != size) {
    fs::remove(part, ec);
    throw SyncError("has " + std::to_string(got_size) + " bytes, the manifest says " + std::to_string(size));
  }
  if (sha256_file(part) != sha) {
    fs::remove(part, ec);
    throw SyncError("content differs from the manifest (SHA-256): corrupted in transit, or changed on the server");
  }
  ::chmod(part.c_str(), 0444);  // shared by hard links: nobody may change it in place
  const auto dest = blob_path(store, sha);
  fs::create_directories(dest.parent_path());
  // Made durable together with the others, before any bundle uses it (see install_bundle).
  fs::rename(part, dest);
}

int collect_store_garbage(const fs::path& store) {
  int removed = 0;
  std::error_code ec;
  if (!fs::is_directory(store, ec)) return 0;
  for (const auto& sub : fs::directory_iterator(store, ec)) {
    if (!sub.is_directory()) continue;
    for (const auto& e : fs::directory_iterator(sub.path(), ec)) {
      struct stat st {};
      if (::lstat(e.path().c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_nlink == 1 && fs::remove(e.path(), ec))
        ++removed;
    }
  }
  return removed;
}

}  // namespace kiosk
