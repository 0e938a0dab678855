#pragma once
// Reading whole files, and writing files so that they survive a power cut: the data and the folder
// entry are on the disk before the function returns, and a reader sees the old or the new file, never half.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk {

// The file's bytes; throws std::runtime_error naming the file when it cannot be read or is larger than max_bytes.
std::string read_file(const std::filesystem::path& file, std::size_t max_bytes = std::size_t(1) << 30);

// fsync of a file or folder (a folder's fsync makes renames and new entries in it durable). Throws on error.
void sync_path(const std::filesystem::path& path);

// Flushes everything written to the filesystem that holds path (one syncfs instead of an fsync per file
// when a step wrote hundreds of files). Throws on error.
void sync_filesystem(const std::filesystem::path& path);

// Writes to "<file>.tmp", fsyncs it, renames it over file and fsyncs the folder. Throws on error
// (e.g. ENOSPC), leaving file as it was.
void write_file_durably(const std::filesystem::path& file, std::string_view bytes);

// A symlink "link" -> target, replaced atomically (symlink to "<link>.new", then rename) and made durable.
void replace_symlink(const std::filesystem::path& link, const std::filesystem::path& target);

}  // namespace kiosk
