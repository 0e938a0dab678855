#include "core/facts/yaml_edit.h"

#include <catch2/catch.hpp>

#include <array>

using namespace kiosk;

namespace {
constexpr std::array<std::string_view, 6> order = {"id", "name", "opening_hours", "fees", "fee_note", "last_verified"};

std::string set(const std::string& text, std::string_view key, std::optional<YamlValue> v) {
  const YAML::Node root = YAML::Load(text);
  return set_yaml_key(text, root["services"][0], key, v, order);
}

const std::string file =
    "# A comment the editor wrote.\n"
    "services:\n"
    "  - id: x  # our id\n"
    "    name: Praxis\n"
    "    opening_hours: \"Mo-Fr 08:00-16:00\"  # checked by phone\n"
    "    fee_note:\n"
    "      de: Rezeptgebühr\n"
    "      en: Prescription fee\n"
    "\n"
    "    # facts below\n"
    "    last_verified: 2025-01-01\n";
}  // namespace

TEST_CASE("a YAML value is replaced in place, comments and other lines stay", "[facts][yaml]") {
  CHECK(set(file, "opening_hours", YamlValue{"\"Mo-Fr 09:00-17:00\"", {}}) ==
        "# A comment the editor wrote.\n"
        "services:\n"
        "  - id: x  # our id\n"
        "    name: Praxis\n"
        "    opening_hours: \"Mo-Fr 09:00-17:00\"  # checked by phone\n"
        "    fee_note:\n"
        "      de: Rezeptgebühr\n"
        "      en: Prescription fee\n"
        "\n"
        "    # facts below\n"
        "    last_verified: 2025-01-01\n");
  const std::string added = set(file, "fees", YamlValue{"free", {}});
  CHECK(added.find("    fee_note:") == added.find("    fees: free\n") + 15);  // after opening_hours, in order
  const std::string removed = set(file, "fee_note", std::nullopt);
  CHECK(removed.find("fee_note") == std::string::npos);
  CHECK(removed.find("Prescription") == std::string::npos);
  CHECK(removed.find("\n\n    # facts below\n") != std::string::npos);
  const std::string nested = set(file, "name", YamlValue{{}, {"de: Praxis", "ar: عيادة"}});
  CHECK(nested.find("    name:\n      de: Praxis\n      ar: عيادة\n    opening_hours") != std::string::npos);
  // Every result parses, and says what was meant.
  CHECK(YAML::Load(added)["services"][0]["fees"].Scalar() == "free");
  CHECK(YAML::Load(nested)["services"][0]["name"]["ar"].Scalar() == "عيادة");
  CHECK(YAML::Load(removed)["services"][0]["last_verified"].Scalar() == "2025-01-01");
}

TEST_CASE("scalars are quoted only where YAML would read them otherwise", "[facts][yaml]") {
  CHECK(yaml_scalar("Beratungsstelle, telefonisch") == "Beratungsstelle, telefonisch");
  CHECK(YAML::Load(yaml_scalar("yes")).as<std::string>() == "yes");
  CHECK(YAML::Load(yaml_scalar("a: b # c")).as<std::string>() == "a: b # c");
  CHECK(yaml_scalar("Mo-Fr 08:00-16:00", true) == "\"Mo-Fr 08:00-16:00\"");
  CHECK(yaml_flow_list({"de", "ar"}) == "[de, ar]");
}
