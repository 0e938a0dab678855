#include "core/bundle/manifest.h"

#include "core/base/file_io.h"
#include "core/base/utf8.h"

#include <sodium.h>

#include <fmt/format.h>
#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>
#include <type_traits>

namespace kiosk {

namespace fs = std::filesystem;

namespace {

std::string hex(const unsigned char* p, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

std::string base64(const unsigned char* p, std::size_t n) {
  std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), p, n, sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();  // the NUL
  return out;
}

template <std::size_t N>
std::optional<std::array<unsigned char, N>> unbase64(const std::string& text) {
  std::array<unsigned char, N> out{};
  std::size_t len = 0;
  if (sodium_base642bin(out.data(), N, text.data(), text.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      len != N)
    return std::nullopt;
  return out;
}

// "<kind> <base64>" on one line.
std::optional<std::string> field(const std::string& text, const std::string& kind) {
  std::istringstream in(text);
  std::string k, v;
  if (!(in >> k >> v) || k != kind) return std::nullopt;
  return v;
}

// A key's id: the first 8 bytes of its BLAKE2b hash, so a signature names the key that made it.
std::string key_id(const unsigned char* public_key) {
  unsigned char h[8];
  crypto_generichash(h, sizeof h, public_key, 32, nullptr, 0);
  return base64(h, sizeof h);
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return hex(out, sizeof out);
}

std::string sha256_file(const fs::path& file) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.generic_string() + ": cannot read");
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const auto n = in.gcount();
    if (n > 0)
      crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(buf.data()),
                                static_cast<unsigned long long>(n));
  }
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&st, out);
  return hex(out, sizeof out);
}

std::vector<ManifestFile> hash_files(const fs::path& dir) {
  std::vector<ManifestFile> files;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
    if (!it->is_regular_file()) continue;
    const std::string rel = fs::relative(it->path(), dir).generic_string();
    if (rel == manifest_name || rel == signature_name) continue;
    files.push_back({rel, it->file_size(), sha256_file(it->path())});
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return files;
}

std::string manifest_json(const Manifest& m) {
  nlohmann::ordered_json j;
  j["format"] = "kiosk-bundle-manifest/1";
  j["bundle_id"] = m.bundle_id;
  j["version"] = m.version;
  j["created"] = m.created;
  auto& files = j["files"] = nlohmann::ordered_json::array();
  std::vector<ManifestFile> sorted = m.files;
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  for (const auto& f : sorted) files.push_back({{"path", f.path}, {"size", f.size}, {"sha256", f.sha256}});
  return j.dump(2) + "\n";
}

bool is_sha256_hex(std::string_view s) {
  return s.size() == 64 &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

namespace {

// A whole number of the right sign: nlohmann's get<> of a float such as 6.4e21 into an integer is
// undefined behaviour (found by fuzzing), and a negative size would wrap around.
template <typename Int>
Int whole_number(const nlohmann::json& v, const char* what) {
  const bool ok = std::is_signed_v<Int> ? (v.is_number_unsigned() && v.get<std::uint64_t>() <= INT64_MAX) ||
                                              (v.is_number_integer() && !v.is_number_unsigned())
                                        : v.is_number_unsigned();
  if (!ok) throw std::runtime_error(std::string(what) + " is not a whole number of the right sign");
  return v.get<Int>();
}

}  // namespace

std::optional<Manifest> parse_manifest(const std::string& text, std::string& error) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    error = "manifest.json is not JSON";
    return std::nullopt;
  }
  try {
    if (j.at("format") != "kiosk-bundle-manifest/1") {
      error = "manifest.json: unknown format";
      return std::nullopt;
    }
    Manifest m;
    m.bundle_id = j.at("bundle_id").get<std::string>();
    m.version = whole_number<std::int64_t>(j.at("version"), "version");
    m.created = j.at("created").get<std::string>();
    std::set<std::string> seen;
    for (const auto& f : j.at("files")) {
      ManifestFile mf{f.at("path").get<std::string>(), whole_number<std::uint64_t>(f.at("size"), "size"),
                      f.at("sha256").get<std::string>()};
      // A path may not leave the bundle, name a file twice (`a//b` and `./a` are `a/b` and `a` again), or
      // hold a line break or control character.
      const fs::path p(mf.path);
      bool odd_part = false;  // empty (`a//b`, `a/`), `.` or `..`
      for (const auto& part : p) odd_part |= part.empty() || part == "." || part == "..";
      if (mf.path.empty() || p.is_absolute() || mf.path.find("..") != std::string::npos || has_control_byte(mf.path) ||
          odd_part || mf.path.find("//") != std::string::npos || !seen.insert(mf.path).second ||
          !is_sha256_hex(mf.sha256)) {
        error = "manifest.json: bad file entry '" + mf.path + "'";
        return std::nullopt;
      }
      m.files.push_back(std::move(mf));
    }
    return m;
  } catch (const nlohmann::json::exception& e) {
    error = std::string("manifest.json: ") + e.what();
    return std::nullopt;
  } catch (const std::runtime_error& e) {
    error = std::string("manifest.json: ") + e.what();
    return std::nullopt;
  }
}

KeyPair generate_key_pair() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  KeyPair k;
  crypto_sign_keypair(k.public_key.data(), k.secret_key.data());
  return k;
}

std::string public_key_text(const KeyPair& k) {
  return "kiosk-ed25519-public " + base64(k.public_key.data(), k.public_key.size()) + "\n";
}
std::string secret_key_text(const KeyPair& k) {
  return "kiosk-ed25519-secret " + base64(k.secret_key.data(), k.secret_key.size()) + "\n";
}

std::optional<std::array<unsigned char, 32>> read_public_key(const std::string& text) {
  const auto v = field(text, "kiosk-ed25519-public");
  return v ? unbase64<32>(*v) : std::nullopt;
}
std::optional<std::array<unsigned char, 64>> read_secret_key(const std::string& text) {
  const auto v = field(text, "kiosk-ed25519-secret");
  return v ? unbase64<64>(*v) : std::nullopt;
}

std::string sign_manifest(const std::string& bytes, const std::array<unsigned char, 64>& sk) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  unsigned char sig[crypto_sign_BYTES];
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), sk.data());
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  crypto_sign_ed25519_sk_to_pk(pk, sk.data());
  return "kiosk-ed25519-sig " + key_id(pk) + " " + base64(sig, sizeof sig) + "\n";
}

std::string check_signature(const std::string& manifest_bytes, const std::string& signature_text,
                            const std::vector<std::array<unsigned char, 32>>& trusted, std::string* key_id_out) {
  if (sodium_init() < 0) return "libsodium could not be initialised";
  std::istringstream in(signature_text);
  std::string kind, id, sig64;
  const auto sig = (in >> kind >> id >> sig64) && kind == "kiosk-ed25519-sig" ? unbase64<64>(sig64) : std::nullopt;
  if (!sig) return "manifest.sig is not a kiosk signature";
  const auto key = std::find_if(trusted.begin(), trusted.end(), [&](const auto& k) { return key_id(k.data()) == id; });
  if (key == trusted.end()) return "manifest.sig is signed by key " + id + ", which this kiosk does not trust";
  if (crypto_sign_verify_detached(sig->data(), reinterpret_cast<const unsigned char*>(manifest_bytes.data()),
                                  manifest_bytes.size(), key->data()) != 0)
    return "manifest.sig does not match manifest.json (changed after signing, or forged)";
  if (key_id_out) *key_id_out = id;
  return {};
}

std::vector<std::string> verify_bundle(const fs::path& dir, const std::vector<std::array<unsigned char, 32>>& trusted,
                                       Manifest* manifest_out, bool hash_contents) {
  std::vector<std::string> problems;
  if (sodium_init() < 0) return {"libsodium could not be initialised"};
  std::error_code ec;
  if (!fs::exists(dir / manifest_name, ec)) return {"manifest.json is missing"};
  const std::string bytes = read_file(dir / manifest_name);
  // The signature first: nothing of an unsigned manifest is believed.
  if (!fs::exists(dir / signature_name, ec))
    problems.push_back("manifest.sig is missing: the bundle is not signed");
  else if (auto why = check_signature(bytes, read_file(dir / signature_name, 4096), trusted); !why.empty())
    problems.push_back(why);
  std::string error;
  const auto m = parse_manifest(bytes, error);
  if (!m) {
    problems.push_back(error);
    return problems;
  }
  std::set<std::string> listed;
  for (const auto& f : m->files) {
    listed.insert(f.path);
    const fs::path p = dir / f.path;
    if (!fs::is_regular_file(p, ec)) {
      problems.push_back(f.path + ": missing");
      continue;
    }
    if (fs::file_size(p, ec) != f.size) {
      problems.push_back(fmt::format("{}: {} bytes, the manifest says {}", f.path, fs::file_size(p, ec), f.size));
      continue;
    }
    if (hash_contents && sha256_file(p) != f.sha256)
      problems.push_back(f.path + ": content differs from the manifest (SHA-256)");
  }
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
    if (!it->is_regular_file()) continue;
    const std::string rel = fs::relative(it->path(), dir).generic_string();
    if (rel != manifest_name && rel != signature_name && !listed.contains(rel))
      problems.push_back(rel + ": not in the manifest");
  }
  if (manifest_out) *manifest_out = *m;
  return problems;
}

}  // namespace kiosk
