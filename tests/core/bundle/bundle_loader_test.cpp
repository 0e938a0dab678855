#include "core/bundle/bundle_loader.h"

#include <catch2/catch.hpp>

#include "core/bundle/announcements.h"
#include "core/bundle/bundle_validate.h"
#include "core/config/kiosk_config.h"
#include "core/config/pin_hash.h"

#include <fstream>
#include "support/test_support.h"

using namespace kiosk;

TEST_CASE("the loader reads every field of a service", "[bundle]") {
  Diagnostics diags;
  const Bundle b = load_bundle(test::fixtures_dir() / "bundles" / "valid", diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(b.id == "mini");
  CHECK(b.version == 3);
  CHECK(b.timezone == "Europe/Berlin");
  CHECK(b.locales == std::vector<std::string>{"de", "en", "ar"});
  REQUIRE(b.kiosks.size() == 1);
  CHECK(b.kiosks[0].heading_deg == 90);

  const Service* s = b.find_service("clinic");
  REQUIRE(s);
  CHECK(s->category == "health");
  CHECK(s->name.language_neutral());
  CHECK(*s->description.find("ar") == "طب عام، حتى بدون تأمين.");
  CHECK(s->address.street == "Markt 1");
  CHECK(s->address.postcode == "52062");
  CHECK(s->location.lat == Approx(50.776));
  CHECK(s->opening_hours == "Mo-Fr 08:00-16:00");
  CHECK(s->phones == std::vector<std::string>{"+49 241 123456"});
  CHECK(s->website == "https://example.org/praxis");
  CHECK(s->email == "praxis@example.org");
  CHECK(s->languages == std::vector<std::string>{"de", "ar", "fa"});
  CHECK(s->fees == Fees::free);
  CHECK(s->documents.known);
  CHECK(s->documents.required.empty());
  CHECK(s->anonymous == YesNo::yes);
  CHECK(s->wheelchair == Wheelchair::limited);
  CHECK(s->target_groups == std::vector<std::string>{"everyone"});
  REQUIRE(s->last_verified);
  CHECK(*s->last_verified == Date{2026, 10, 1});
  CHECK(s->id_pos.line == 2);

  SECTION("facts that are not written stay unknown") {
    const Service* f = b.find_service("food-bank");
    REQUIRE(f);
    CHECK(f->fees == Fees::unknown);
    CHECK(f->anonymous == YesNo::unknown);
    CHECK(f->wheelchair == Wheelchair::unknown);
    CHECK(f->languages.empty());
    CHECK(f->documents.required == std::vector<std::string>{"proof_of_income"});
    CHECK_FALSE(f->last_verified);
  }
  SECTION("announcements and holidays") {
    REQUIRE(b.announcements.size() == 1);
    const Announcement& a = b.announcements[0];
    CHECK(a.weekdays == std::vector<int>{0, 1, 2, 3, 4});
    CHECK(a.start_minute == 8 * 60);
    CHECK(a.end_minute == 18 * 60);
    CHECK(a.until->minute_of_day == 18 * 60);
    REQUIRE(b.holidays.size() == 1);
    CHECK(b.holidays[0].date == Date{2026, 12, 25});
    REQUIRE(b.school_holidays.size() == 1);
    CHECK(b.school_holidays[0].until == Date{2027, 1, 6});
  }
}

TEST_CASE("a folder without bundle.yaml is refused", "[bundle]") {
  test::TempDir tmp;
  Diagnostics diags;
  load_bundle(tmp.path(), diags);
  CHECK(diags.has_errors());
  load_bundle(tmp.path() / "missing", diags);
  CHECK(diags.items.back().rule == "missing-file");
}

TEST_CASE("every file in a bundle is read or named", "[bundle]") {
  test::TempDir tmp;
  const auto dir = tmp.path() / "b";
  std::filesystem::copy(test::fixtures_dir() / "bundles" / "valid", dir, std::filesystem::copy_options::recursive);
  auto rules_for = [&](const std::string& name) {
    Diagnostics diags;
    load_bundle(dir, diags);
    std::vector<std::string> out;
    for (const auto& d : diags.items)
      if (d.pos.file.ends_with(name)) out.push_back(std::string(severity_name(d.severity)) + " " + d.rule);
    return out;
  };
  Diagnostics before;
  const auto valid_services = load_bundle(dir, before).services.size();
  std::ofstream(dir / "services" / "notes.txt") << "services:\n  - id: forgotten\n";
  CHECK(rules_for("services/notes.txt") == std::vector<std::string>{"warning unread-file"});
  std::filesystem::create_directories(dir / "services" / "sub");
  CHECK(rules_for("services/sub") == std::vector<std::string>{"warning unread-file"});
  std::filesystem::copy_file(dir / "services" / "notes.txt", dir / "services" / "more.YAML");
  CHECK(rules_for("services/more.YAML") == std::vector<std::string>{"error unread-file"});
  std::ofstream(dir / "todo.txt") << "call the food bank\n";
  CHECK(rules_for("todo.txt") == std::vector<std::string>{"warning unread-file"});
  // .yml is read like .yaml; hidden files and the known ones are not named.
  std::filesystem::copy_file(dir / "services" / "notes.txt", dir / "services" / "forgotten.yml");
  std::ofstream(dir / ".editorconfig") << "root = true\n";
  std::ofstream(dir / "README.md") << "# our city\n";
  Diagnostics diags;
  const Bundle b = load_bundle(dir, diags);
  CHECK(b.services.size() == valid_services + 1);
  CHECK(b.find_service("forgotten"));
  CHECK(rules_for(".editorconfig").empty());
  CHECK(rules_for("README.md").empty());
  for (const auto& d : diags.items) CHECK_FALSE((d.rule == "unread-file" && d.pos.file.ends_with("forgotten.yml")));
}

TEST_CASE("oversized files are refused before parsing", "[bundle]") {
  test::TempDir tmp;
  std::filesystem::copy(test::fixtures_dir() / "bundles" / "valid", tmp.path() / "b",
                        std::filesystem::copy_options::recursive);
  {
    std::ofstream big(tmp.path() / "b" / "services" / "big.yaml");
    big << "services:\n  - id: x\n    description: \"" << std::string(17u << 20, 'a') << "\"\n";
  }
  Diagnostics diags;
  load_bundle(tmp.path() / "b", diags);
  REQUIRE(diags.has_errors());
  CHECK(diags.items.front().rule == "file-too-large");
}

TEST_CASE("translation coverage counts only texts that need translating", "[bundle]") {
  Diagnostics diags;
  const Bundle b = load_bundle(test::fixtures_dir() / "bundles" / "valid", diags);
  const auto cov = content_translation_coverage(b);
  REQUIRE(cov.size() == 3);
  for (const auto& c : cov) {
    CHECK(c.total == 6);  // title, kiosk name, 2 category names, 1 description, 1 announcement
    CHECK(c.translated == 6);
  }
}

TEST_CASE("technician PINs are stored as Argon2 hashes only", "[pin]") {
  const std::string h = hash_pin("4711");
  CHECK(h.rfind("$argon2id$", 0) == 0);
  CHECK(check_pin("4711", h));
  CHECK_FALSE(check_pin("4712", h));
  CHECK_FALSE(check_pin("", h));
  CHECK_FALSE(check_pin("4711", ""));
}

TEST_CASE("a PIN hash whose costs would block the kiosk is a config error", "[pin][config]") {
  const std::string good = hash_pin("4711");
  CHECK(pin_hash_problem(good).empty());
  // What a hostile or careless config held: the PIN check ran for hours and the kiosk ignored SIGTERM.
  std::string huge = good;
  huge.replace(huge.find(",t=") + 3, 1, "4294967295");
  CHECK_THAT(pin_hash_problem(huge), Catch::Contains("t=1..10"));
  CHECK_FALSE(check_pin("4711", huge));  // refused at once, not computed
  for (const char* bad :
       {"$argon2id$v=19$m=4194304,t=2,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=65536,t=2,p=64$c2FsdA$aGFzaA",
        "$argon2id$v=19$m=65536,t=0,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=65536,t=2$c2FsdA$aGFzaA",
        "$argon2i$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA",
        "$argon2id$v=19$m=65536,t=2,p=1$c2F sdA$aGFzaA", "$argon2id$v=16$m=65536,t=2,p=1$c2FsdA$aGFzaA"})
    CHECK_FALSE(pin_hash_problem(bad).empty());
  test::TempDir tmp;
  std::ofstream(tmp.path() / "k.yaml") << "technician_pin_hash: \"" << huge << "\"\n";
  Diagnostics d;
  const KioskConfig c = load_kiosk_config(tmp.path() / "k.yaml", d);
  REQUIRE(d.items.size() == 1);
  CHECK_THAT(format_diagnostic(d.items[0]), Catch::Contains("k.yaml:1:22: error: technician_pin_hash"));
  CHECK(c.technician_pin_hash.empty());
}

TEST_CASE("the kiosk's local config is validated with positions", "[config]") {
  test::TempDir tmp;
  std::ofstream(tmp.path() / "k.yaml") << "kiosk_id: bushof\ntechnician_pin_hash: \"1234\"\nidle_secs: 60\n";
  Diagnostics d;
  const KioskConfig c = load_kiosk_config(tmp.path() / "k.yaml", d);
  CHECK(c.kiosk_id == "bushof");
  REQUIRE(d.items.size() == 2);
  CHECK(format_diagnostic(d.items[0]).find("k.yaml:3:1: error: unknown key 'idle_secs'") != std::string::npos);
  CHECK(format_diagnostic(d.items[1]).find("k.yaml:2:22: error: technician_pin_hash: it is not an Argon2id hash") !=
        std::string::npos);
}

TEST_CASE("announcements shown now: dates, days, hours, and emergency first", "[announcements]") {
  Diagnostics diags;
  Bundle b = load_bundle(test::fixtures_dir() / "bundles" / "valid", diags);
  // welcome: 2026-01-01 .. 2026-12-31T18:00, Mo-Fr, 08:00-18:00
  CHECK(current_announcements(b, {{2026, 11, 26}, 10 * 60}).size() == 1);  // Thursday morning
  CHECK(current_announcements(b, {{2026, 11, 28}, 10 * 60}).empty());      // Saturday
  CHECK(current_announcements(b, {{2026, 11, 26}, 19 * 60}).empty());      // after hours
  CHECK(current_announcements(b, {{2027, 1, 4}, 10 * 60}).empty());        // after 'until'
  Announcement e;
  e.id = "flood";
  e.emergency = true;
  b.announcements.push_back(e);
  const auto now = current_announcements(b, {{2026, 11, 26}, 10 * 60});
  REQUIRE(now.size() == 1);  // an emergency hides everything else
  CHECK(now[0]->id == "flood");
}
