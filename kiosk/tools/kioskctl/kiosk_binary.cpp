#include "kiosk_binary.h"

namespace kioskctl {

namespace fs = std::filesystem;

std::optional<fs::path> find_kiosk_binary() {
  std::error_code ec;
  // Our own file, not argv[0]: kioskctl may have been started through PATH or a symlink.
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  for (const fs::path& p : {self.parent_path() / "kiosk", self.parent_path() / ".." / ".." / "app" / "kiosk"})
    if (fs::exists(p, ec)) return p.lexically_normal();
  return std::nullopt;
}

}  // namespace kioskctl
