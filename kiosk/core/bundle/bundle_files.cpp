#include "core/bundle/bundle_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "core/base/limits.h"
#include "core/base/utf8.h"

namespace kiosk {

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& p) {
  return p.filename().string().starts_with(".");
}

bool is_service_file_name(const fs::path& p) {
  const auto ext = p.extension();
  return ext == ".yaml" || ext == ".yml";
}

// A bundle holds regular files and folders only. A symbolic link (`LICENSE.md -> /etc/shadow`) would make
// `bundle build` publish a file of the build machine, and a FIFO or device would hang whoever reads it.
// False (with an error) for such an entry.
bool check_entry(const fs::recursive_directory_iterator& it, const fs::path& dir, Diagnostics& diags) {
  const fs::path& p = it->path();
  const std::string name = p.filename().string();
  if (first_invalid_utf8(name) || has_control_byte(name)) {
    diags.error({dir.generic_string(), 0, 0}, "bad-file-name",
                fmt::format("a file name in {} holds a line break, a control character or invalid UTF-8",
                            p.parent_path().lexically_relative(dir).generic_string()),
                "rename it: names like that break the messages that point at a file");
    return false;
  }
  std::error_code ec;
  if (it->is_symlink(ec)) {
    diags.error({p.generic_string(), 0, 0}, "symlink",
                fmt::format("{} is a symbolic link: a bundle holds only its own files",
                            p.lexically_relative(dir).generic_string()),
                "replace the link by a copy of the file it points to");
    return false;
  }
  if (!it->is_regular_file(ec) && !it->is_directory(ec)) {
    diags.error(
        {p.generic_string(), 0, 0}, "not-a-file",
        fmt::format("{} is not a regular file (a pipe, socket or device)", p.lexically_relative(dir).generic_string()),
        "remove it from the bundle");
    return false;
  }
  return true;
}

}  // namespace

BundleFiles scan_bundle_files(const fs::path& dir, Diagnostics& diags) {
  BundleFiles files;
  std::error_code ec;
  std::size_t entries = 0;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end; !ec && it != end;
       it.increment(ec)) {
    const fs::path& p = it->path();
    std::error_code type_ec;
    if (hidden(p)) {
      if (it->is_directory(type_ec) && !it->is_symlink(type_ec)) it.disable_recursion_pending();
      continue;
    }
    if (++entries > limits::max_bundle_entries || it.depth() > 8) {
      diags.error({dir.generic_string(), 0, 0}, "too-many-files",
                  fmt::format("the bundle holds more than {} files or folders nested deeper than 8",
                              limits::max_bundle_entries),
                  "a bundle holds its YAML files, its map and the catalogs");
      files.refused = true;
      return files;
    }
    if (!check_entry(it, dir, diags)) {
      files.refused = true;
      continue;
    }
    const bool directory = it->is_directory(type_ec);
    if (it.depth() == 0) {
      files.top.push_back({p, directory});
    } else if (it.depth() == 1 && p.parent_path().filename() == "services") {
      if (!directory && is_service_file_name(p))
        files.service_files.push_back(fs::path("services") / p.filename());
      else
        files.in_services.push_back({p, directory});
    }
  }
  std::sort(files.service_files.begin(), files.service_files.end());
  return files;
}

void name_unread_files(const BundleFiles& files, const std::vector<std::string>& known, Diagnostics& diags) {
  for (const auto& [path, directory] : files.top) {
    const std::string name = path.filename().string();
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    diags.warning(
        {path.generic_string(), 0, 0}, "unread-file",
        fmt::format("{}{} is not part of the bundle format: the kiosk does not read it", name, directory ? "/" : ""),
        "move it out of the bundle, or see content/README.md for the files a bundle holds");
  }
  for (const auto& [p, directory] : files.in_services) {
    const std::string shown = p.generic_string();
    std::string lower_ext = p.extension().string();
    for (char& c : lower_ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (directory) {
      diags.warning(
          {shown, 0, 0}, "unread-file",
          fmt::format("services/{}/ is not read: service files must lie directly in services/", p.filename().string()),
          "move its .yaml files up into services/");
    } else if (lower_ext == ".yaml" || lower_ext == ".yml") {
      diags.error({shown, 0, 0}, "unread-file",
                  fmt::format("{} is not read: service files end in .yaml, in lower case", p.filename().string()),
                  fmt::format("rename it to {}.yaml", p.stem().string()));
    } else {
      diags.warning({shown, 0, 0}, "unread-file",
                    fmt::format("{} is not read: only .yaml files in services/ hold services", p.filename().string()),
                    "rename it to end in .yaml if it holds services, or move it out of the bundle");
    }
  }
}

}  // namespace kiosk
