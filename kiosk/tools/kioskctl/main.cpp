// kioskctl: validate, preview and build content; check translations; import data; benchmark.

#include <fmt/format.h>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{"kioskctl: tools for the Stadt für alle kiosk's content, maps and devices"};
  app.require_subcommand(1);
  kioskctl::Action action;
  kioskctl::add_validate(app, action);
  kioskctl::add_info(app, action);
  kioskctl::add_i18n(app, action);
  kioskctl::add_import(app, action);
  kioskctl::add_bench(app, action);
  kioskctl::add_hours(app, action);
  kioskctl::add_text(app, action);
  kioskctl::add_preview(app, action);
  kioskctl::add_pin(app, action);
  kioskctl::add_map(app, action);
  kioskctl::add_speak(app, action);
  kioskctl::add_bundle(app, action);
  kioskctl::add_sync(app, action);
  kioskctl::add_facts(app, action);
  kioskctl::add_city(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kioskctl::exit_usage;
  }
  try {
    return action ? action() : kioskctl::exit_usage;
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return kioskctl::exit_invalid;
  }
}
