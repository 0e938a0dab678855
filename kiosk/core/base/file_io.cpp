#include "core/base/file_io.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <system_error>

namespace kiosk {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& p, const char* what, int err) {
  throw std::runtime_error(p.generic_string() + ": " + what + ": " + std::strerror(err));
}

// Opens path read-only, calls sync (fsync or syncfs) on it, and throws with `what` when it fails.
void sync_with(const fs::path& path, int (*sync)(int), const char* what) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail(path, "cannot open to sync", errno);
  const int r = sync(fd);
  const int err = errno;
  ::close(fd);
  if (r != 0) fail(path, what, err);
}

}  // namespace

std::string read_file(const fs::path& file, std::size_t max_bytes) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.generic_string() + ": cannot read");
  std::string out;
  char buf[1 << 16];
  while (in) {
    in.read(buf, sizeof buf);
    out.append(buf, static_cast<std::size_t>(in.gcount()));
    if (out.size() > max_bytes)
      throw std::runtime_error(file.generic_string() + ": larger than " + std::to_string(max_bytes) + " bytes");
  }
  if (in.bad()) throw std::runtime_error(file.generic_string() + ": cannot read");
  return out;
}

void sync_path(const fs::path& path) {
  sync_with(path, ::fsync, "fsync failed");
}

void sync_filesystem(const fs::path& path) {
  sync_with(path, ::syncfs, "syncfs failed");
}

void write_file_durably(const fs::path& file, std::string_view bytes) {
  const fs::path tmp = file.string() + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail(tmp, "cannot create", errno);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = n < 0 ? errno : ENOSPC;
      ::close(fd);
      ::unlink(tmp.c_str());
      fail(tmp, "cannot write", err);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    fail(tmp, "cannot write", err);
  }
  if (::rename(tmp.c_str(), file.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    fail(file, "cannot replace", err);
  }
  sync_path(file.parent_path().empty() ? fs::path(".") : file.parent_path());
}

void replace_symlink(const fs::path& link, const fs::path& target) {
  const fs::path tmp = link.string() + ".new";
  ::unlink(tmp.c_str());
  if (::symlink(target.c_str(), tmp.c_str()) != 0) fail(tmp, "cannot create link", errno);
  if (::rename(tmp.c_str(), link.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    fail(link, "cannot replace link", err);
  }
  sync_path(link.parent_path().empty() ? fs::path(".") : link.parent_path());
}

}  // namespace kiosk
