#include "core/config/pin_hash.h"

#include <fmt/format.h>
#include <sodium.h>

#include <charconv>
#include <string_view>
#include <vector>

namespace kiosk {

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (std::size_t start = 0;;) {
    const std::size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

// "m=65536" -> 65536 when the name matches and the number is whole and in range.
bool read_param(std::string_view item, std::string_view name, unsigned long long max, unsigned long long& value) {
  if (!item.starts_with(name) || item.size() <= name.size() + 1 || item[name.size()] != '=') return false;
  const std::string_view digits = item.substr(name.size() + 1);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return ec == std::errc() && end == digits.data() + digits.size() && value >= 1 && value <= max;
}

bool is_base64(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'))
      return false;
  return true;
}

}  // namespace

std::string pin_hash_problem(const std::string& hash) {
  constexpr unsigned long long max_memory_kib = 1u << 20, max_passes = 10, max_lanes = 4;
  // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
  const auto parts = split(hash, '$');
  if (parts.size() != 6 || !parts[0].empty() || parts[1] != "argon2id")
    return "it is not an Argon2id hash ($argon2id$v=19$m=...,t=...,p=...$salt$hash)";
  if (parts[2] != "v=19") return "only Argon2 version 19 (v=19) is supported";
  const auto params = split(parts[3], ',');
  unsigned long long m = 0, t = 0, p = 0;
  if (params.size() != 3 || !read_param(params[0], "m", max_memory_kib, m) ||
      !read_param(params[1], "t", max_passes, t) || !read_param(params[2], "p", max_lanes, p))
    return fmt::format("its costs '{}' are not m=1..{},t=1..{},p=1..{}: a PIN check would block the kiosk", parts[3],
                       max_memory_kib, max_passes, max_lanes);
  if (!is_base64(parts[4]) || !is_base64(parts[5])) return "its salt or hash is not base64";
  return {};
}

bool check_pin(const std::string& pin, const std::string& hash) {
  if (hash.empty() || pin.empty() || !pin_hash_problem(hash).empty() || sodium_init() < 0) return false;
  return crypto_pwhash_str_verify(hash.c_str(), pin.c_str(), pin.size()) == 0;
}

std::string hash_pin(const std::string& pin) {
  if (sodium_init() < 0) return {};
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return {};
  return out;
}

}  // namespace kiosk
