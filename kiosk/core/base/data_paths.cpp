#include "core/base/data_paths.h"

#ifndef KIOSK_SOURCE_DATA_DIR
#define KIOSK_SOURCE_DATA_DIR "."
#endif
#ifndef KIOSK_INSTALL_DATA_DIR
#define KIOSK_INSTALL_DATA_DIR "/usr/share/stadt-fuer-alle"
#endif

namespace kiosk {

namespace fs = std::filesystem;

std::vector<fs::path> data_dirs() {
  std::vector<fs::path> out;
  std::error_code ec;
  auto add = [&](const fs::path& p) {
    if (!fs::is_directory(p, ec)) return;
    const fs::path norm = fs::weakly_canonical(p, ec);
    for (const auto& have : out)
      if (have == norm) return;
    out.push_back(norm);
  };
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) add(exe.parent_path().parent_path() / "share" / "stadt-fuer-alle");
  add(KIOSK_SOURCE_DATA_DIR);
  add(KIOSK_INSTALL_DATA_DIR);
  return out;
}

std::optional<fs::path> find_data(const fs::path& relative) {
  std::error_code ec;
  for (const auto& dir : data_dirs())
    if (fs::exists(dir / relative, ec)) return dir / relative;
  return std::nullopt;
}

fs::path default_bundle_dir() {
  std::error_code ec;
  if (fs::exists("content/aachen/bundle.yaml", ec)) return "content/aachen";
  if (auto found = find_data("content/aachen/bundle.yaml")) return found->parent_path();
  return "content/aachen";
}

std::optional<fs::path> find_locales_dir(const fs::path& bundle_dir) {
  std::error_code ec;
  // Relative results stay relative (they are shown to editors); the walk upwards needs the absolute path.
  fs::path rel = bundle_dir;
  for (fs::path dir = fs::weakly_canonical(fs::absolute(bundle_dir, ec), ec); !ec; dir = dir.parent_path()) {
    if (fs::exists(dir / "locales" / "en.yaml", ec)) {
      const fs::path shown = (rel / "locales").lexically_normal();
      return shown.empty() ? fs::path("locales") : shown;
    }
    if (dir == dir.parent_path() || dir.parent_path().empty()) break;
    rel /= "..";
  }
  if (auto found = find_data("locales/en.yaml")) return found->parent_path();
  return std::nullopt;
}

std::optional<fs::path> locales_dir_for(const fs::path& given, const fs::path& bundle_dir) {
  return given.empty() ? find_locales_dir(bundle_dir) : std::optional<fs::path>(given);
}

}  // namespace kiosk
