#pragma once
// The kiosk's content-addressed store: every file of every bundle it has fetched, named by its SHA-256,
// so that a new bundle only downloads the files that changed. Installed bundles hard-link to these files;
// a file that no bundle links to any more (link count 1) is garbage.

#include <cstdint>
#include <filesystem>
#include <string_view>

namespace kiosk {

std::filesystem::path blob_path(const std::filesystem::path& store, std::string_view sha256);
bool has_blob(const std::filesystem::path& store, std::string_view sha256, std::uint64_t size);
// Checks part's size and SHA-256, makes it read-only and moves it into the store (not yet durable: the
// installer flushes the filesystem once for all files). Throws SyncError
// (and removes part) when it does not match.
void add_blob(const std::filesystem::path& store, const std::filesystem::path& part, std::string_view sha256,
              std::uint64_t size);
void remove_blob(const std::filesystem::path& store, std::string_view sha256);
// Removes blobs no installed bundle uses; returns how many.
int collect_store_garbage(const std::filesystem::path& store);

}  // namespace kiosk
