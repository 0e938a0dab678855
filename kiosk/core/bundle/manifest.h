#pragma once
// A built bundle's manifest: its id, version, creation time and every file's path, size and SHA-256,
// signed with Ed25519 (libsodium). Kiosks trust a bundle only when the signature is from a key in
// their local config and every file matches its line in the manifest.

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct ManifestFile {
  std::string path;  // relative, '/'-separated
  std::uint64_t size = 0;
  std::string sha256;  // lower-case hex
};

struct Manifest {
  std::string bundle_id;
  std::int64_t version = 0;
  std::string created;              // UTC, ISO 8601
  std::vector<ManifestFile> files;  // sorted by path
};

inline constexpr const char* manifest_name = "manifest.json";
inline constexpr const char* signature_name = "manifest.sig";

// Every regular file under dir (but the manifest and its signature), hashed. Throws on I/O errors.
std::vector<ManifestFile> hash_files(const std::filesystem::path& dir);
std::string sha256_file(const std::filesystem::path& file);
std::string sha256_hex(std::string_view bytes);

// Canonical JSON (fixed key order, files sorted): the bytes that are signed.
std::string manifest_json(const Manifest& m);
// nullopt and a reason when the text is not a manifest.
std::optional<Manifest> parse_manifest(const std::string& json, std::string& error);

struct KeyPair {
  std::array<unsigned char, 32> public_key{};
  std::array<unsigned char, 64> secret_key{};
};
KeyPair generate_key_pair();
// Key files: one line, "kiosk-ed25519-public <base64>" or "kiosk-ed25519-secret <base64>".
std::string public_key_text(const KeyPair& k);
std::string secret_key_text(const KeyPair& k);
std::optional<std::array<unsigned char, 32>> read_public_key(const std::string& text);
std::optional<std::array<unsigned char, 64>> read_secret_key(const std::string& text);

// Detached signature of the manifest bytes, as "kiosk-ed25519-sig <base64 key id> <base64 signature>".
std::string sign_manifest(const std::string& manifest_bytes, const std::array<unsigned char, 64>& secret_key);

// Empty when signature_text is a valid signature of manifest_bytes by one of the trusted keys; else why not.
std::string check_signature(const std::string& manifest_bytes, const std::string& signature_text,
                            const std::vector<std::array<unsigned char, 32>>& trusted, std::string* key_id = nullptr);
bool is_sha256_hex(std::string_view s);

// What is wrong with a built bundle, one line each (empty: it is intact and signed by a trusted key).
// hash_contents = false checks sizes only (cheap: for routine crash checks; the kiosk hashes at load).
std::vector<std::string> verify_bundle(const std::filesystem::path& dir,
                                       const std::vector<std::array<unsigned char, 32>>& trusted_keys,
                                       Manifest* manifest_out = nullptr, bool hash_contents = true);

}  // namespace kiosk
