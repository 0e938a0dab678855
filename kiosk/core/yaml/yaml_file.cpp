#include "core/yaml/yaml_file.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/base/limits.h"
#include "core/base/utf8.h"

namespace kiosk {

std::optional<YamlFile> load_yaml_file(const std::filesystem::path& path, std::string display_path,
                                       Diagnostics& diags) {
  // One open, one fstat and one read: a metropolis bundle has thousands of small service files, and
  // iostreams plus a separate stat per file cost as much as parsing them.
  auto unreadable = [&](int err) {
    diags.error({display_path, 0, 0}, "unreadable", fmt::format("cannot read the file ({})", std::strerror(err)));
    return std::nullopt;
  };
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return unreadable(errno);
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return unreadable(errno);
  if (!S_ISREG(st.st_mode)) return unreadable(EISDIR);
  const auto size = static_cast<std::uintmax_t>(st.st_size);
  if (size > limits::max_file_bytes) {
    diags.error({display_path, 0, 0}, "file-too-large",
                fmt::format("the file has {} bytes, more than the limit of {}", size, limits::max_file_bytes),
                "split it into several files");
    return std::nullopt;
  }
  std::string text(static_cast<std::size_t>(size), '\0');
  std::size_t got = 0;
  while (got < text.size()) {  // a file that shrinks while it is read ends where it ends
    const ::ssize_t n = ::read(fd, text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return unreadable(errno);
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  text.resize(got);
  return parse_yaml_text(std::move(text), std::move(display_path), diags);
}

std::optional<YamlFile> parse_yaml_text(std::string text, std::string display_path, Diagnostics& diags) {
  YamlFile file;
  file.display_path = std::move(display_path);
  file.text = std::move(text);

  if (auto bad = first_invalid_utf8(file.text)) {
    const LineCol lc = line_col_at(file.text, *bad);
    diags.error({file.display_path, lc.line, lc.col}, "invalid-utf8",
                fmt::format("invalid UTF-8 (byte 0x{:02X})", static_cast<unsigned char>(file.text[*bad])),
                "save the file as UTF-8");
    return std::nullopt;
  }

  file.line_starts.push_back(0);
  for (std::size_t i = 0; i < file.text.size(); ++i)
    if (file.text[i] == '\n') file.line_starts.push_back(i + 1);

  // YAML allows no C0 control but tab, line feed and carriage return in a file; a raw NUL cuts a value
  // short in some readers and not in others. The first one is enough to find the rest.
  for (std::size_t i = 0; i < file.text.size(); ++i) {
    const auto c = static_cast<unsigned char>(file.text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      const LineCol lc = line_col_at(file.text, i);
      diags.error({file.display_path, lc.line, lc.col}, "control-character",
                  fmt::format("control character {} in the file", code_point_name(c)),
                  "remove it: it is invisible and a text editor may not show it");
      return std::nullopt;
    }
  }

  for (const CodePointAt& c : find_bidi_controls(file.text)) {
    const LineCol lc = line_col_at(file.text, c.offset);  // rare: the quadratic cost does not matter
    diags.error({file.display_path, lc.line, lc.col}, "bidi-control",
                fmt::format("bidi control character {} can make text display differently from what it says",
                            code_point_name(c.cp)),
                "remove it; the kiosk sets the direction of each text itself");
  }

  try {
    file.root = YAML::Load(file.text);
  } catch (const YAML::ParserException& e) {
    diags.error(pos_at(file, e.mark.line, e.mark.column), "yaml-syntax", fmt::format("YAML syntax: {}", e.msg),
                "check indentation, colons and quotes");
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    diags.error({file.display_path, 0, 0}, "yaml-syntax", fmt::format("YAML: {}", e.what()));
    return std::nullopt;
  }
  return file;
}

SourcePos pos_at(const YamlFile& file, int line0, int col0_bytes) {
  if (line0 < 0 || static_cast<std::size_t>(line0) >= file.line_starts.size()) return {file.display_path, 0, 0};
  const std::size_t start = file.line_starts[static_cast<std::size_t>(line0)];
  const std::size_t bytes = col0_bytes < 0 ? 0 : static_cast<std::size_t>(col0_bytes);
  const std::string_view line = std::string_view(file.text).substr(start, bytes);
  return {file.display_path, line0 + 1, static_cast<int>(count_code_points(line)) + 1};
}

SourcePos pos_of(const YamlFile& file, const YAML::Node& node) {
  const YAML::Mark m = node.Mark();
  return pos_at(file, m.line, m.column);
}

}  // namespace kiosk
