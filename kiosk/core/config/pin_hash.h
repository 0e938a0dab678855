#pragma once
// Technician PINs are stored only as libsodium password hashes (Argon2id).

#include <string>

namespace kiosk {

// What is wrong with a stored hash, or empty when it is an Argon2id string whose costs a kiosk can afford:
// `$argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>`. A hash with t=4294967295 would make every
// PIN check run for hours, so the costs are bounded (m <= 1 GiB, t <= 10, p <= 4).
std::string pin_hash_problem(const std::string& hash);

// False for a wrong PIN and for a hash with a problem. Takes up to a second: never on the frame loop.
bool check_pin(const std::string& pin, const std::string& hash);
std::string hash_pin(const std::string& pin);  // empty on failure

}  // namespace kiosk
