#include "core/pin_hash.h"

#include <sodium.h>

namespace kiosk {

bool check_pin(const std::string& pin, const std::string& hash) {
  if (hash.empty() || pin.empty() || sodium_init() < 0) return false;
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
