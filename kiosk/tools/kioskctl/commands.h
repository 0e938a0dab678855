#pragma once
// Each kioskctl subcommand registers its options on the CLI11 app and stores what to run.

#include <CLI/CLI.hpp>

#include <functional>

namespace kioskctl {

// Exit codes shared by every subcommand.
inline constexpr int exit_ok = 0;
inline constexpr int exit_invalid = 1;  // the input is wrong (invalid bundle, bad value)
inline constexpr int exit_usage = 2;    // the command line is wrong

using Action = std::function<int()>;

void add_validate(CLI::App& app, Action& action);
void add_info(CLI::App& app, Action& action);
void add_i18n(CLI::App& app, Action& action);
void add_i18n_coverage(CLI::App& i18n, Action& action);  // under add_i18n's "i18n"
void add_import(CLI::App& app, Action& action);
void add_bench(CLI::App& app, Action& action);
void add_hours(CLI::App& app, Action& action);
void add_text(CLI::App& app, Action& action);
void add_preview(CLI::App& app, Action& action);
void add_pin(CLI::App& app, Action& action);
void add_map(CLI::App& app, Action& action);
void add_speak(CLI::App& app, Action& action);
void add_bundle(CLI::App& app, Action& action);
void add_sync(CLI::App& app, Action& action);
void add_facts(CLI::App& app, Action& action);
void add_city(CLI::App& app, Action& action);

}  // namespace kioskctl
