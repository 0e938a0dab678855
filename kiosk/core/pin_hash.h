#pragma once
// Technician PINs are stored only as libsodium password hashes (Argon2id).

#include <string>

namespace kiosk {

bool check_pin(const std::string& pin, const std::string& hash);
std::string hash_pin(const std::string& pin);  // empty on failure

}  // namespace kiosk
