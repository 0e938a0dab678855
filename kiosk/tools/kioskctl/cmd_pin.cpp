// kioskctl pin-hash: the hash of a technician PIN for the kiosk's local config. The PIN is read from
// standard input so that it does not end up in the shell's history.

#include <fmt/format.h>

#include <iostream>

#include "commands.h"
#include "core/config/pin_hash.h"

namespace kioskctl {

void add_pin(CLI::App& app, Action& action) {
  auto* cmd = app.add_subcommand("pin-hash", "read a technician PIN (4 to 12 digits) from stdin, print its hash");
  cmd->callback([&action] {
    action = [] {
      std::string pin;
      std::getline(std::cin, pin);
      if (pin.size() < 4 || pin.size() > 12 || pin.find_first_not_of("0123456789") != std::string::npos) {
        fmt::print(stderr, "error: a PIN is 4 to 12 digits\n");
        return exit_invalid;
      }
      const std::string hash = kiosk::hash_pin(pin);
      if (hash.empty()) return exit_invalid;
      fmt::print("technician_pin_hash: \"{}\"\n", hash);
      return exit_ok;
    };
  });
}

}  // namespace kioskctl
