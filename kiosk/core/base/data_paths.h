#pragma once
// Where the project's shared data lives (UI catalogs, font chains, the sample bundle), resolved in one
// place for the kiosk and every tool, so that a bundle kept in a folder or repository of its own works
// with an installed package as well as with a binary run from a build tree.

#include <filesystem>
#include <optional>
#include <vector>

namespace kiosk {

// The data folders to try, in order: the one beside the running binary (<prefix>/bin/.. /share/
// stadt-fuer-alle, so an installed package finds its own data wherever the prefix is), the source tree
// the binary was built from, and the install prefix it was configured with. Only existing folders.
std::vector<std::filesystem::path> data_dirs();

// The first `relative` (a file or folder) under data_dirs(); nullopt when none has it.
std::optional<std::filesystem::path> find_data(const std::filesystem::path& relative);

// The sample city's bundle: content/aachen in the working folder (a source tree), else in data_dirs().
std::filesystem::path default_bundle_dir();

// Where the UI catalogs are when not given: in the bundle folder or any folder above it (a built bundle
// carries them; a city's own repository may keep its own `locales/`), else in data_dirs().
std::optional<std::filesystem::path> find_locales_dir(const std::filesystem::path& bundle_dir);

// The UI catalogs to use: the folder given (--locales) when there is one, else find_locales_dir.
std::optional<std::filesystem::path> locales_dir_for(const std::filesystem::path& given,
                                                     const std::filesystem::path& bundle_dir);

}  // namespace kiosk
