// The facts worksheet end to end, as an editor uses it: export, edit in a spreadsheet, import.

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/facts/csv_table.h"
#include "kioskctl_run.h"
#include "support/test_support.h"

using namespace kiosk::test;
namespace fs = std::filesystem;

namespace {

const std::string service_id = "abtei-apotheke-n8323979878";
const std::string service_file = "services/osm-abtei-apotheke-n8323979878.yaml";

// The sample city without its map (not needed here, and large).
fs::path copy_sample(const TempDir& tmp) {
  const fs::path dir = tmp.path() / "city";
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(sample_bundle()))
    if (e.path().filename() != "map") fs::copy(e.path(), dir / e.path().filename(), fs::copy_options::recursive);
  return dir;
}

std::map<std::string, std::string> all_files(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).generic_string()] = read_text(e.path());
  return out;
}

struct Sheet {
  kiosk::CsvTable table;
  std::size_t header = 0;
  std::size_t column(const std::string& name) const {
    const auto& h = table.rows[header];
    const auto it = std::find(h.begin(), h.end(), name);
    REQUIRE(it != h.end());
    return static_cast<std::size_t>(it - h.begin());
  }
  std::size_t row_of(const std::string& id) const {
    for (std::size_t r = header + 1; r < table.rows.size(); ++r)
      if (!table.rows[r].empty() && table.rows[r][0] == id) return r;
    FAIL("no row for " << id);
    return 0;
  }
  void set(const std::string& id, const std::string& col, const std::string& value) {
    table.rows[row_of(id)][column(col)] = value;
  }
  void write(const fs::path& p) const {
    std::ofstream(p, std::ios::binary) << kiosk::write_csv(table.rows, table.separator, false);
  }
};

Sheet export_sheet(const fs::path& dir, const fs::path& csv, const std::string& locale) {
  const auto r = kioskctl({"facts", "export", "--bundle", dir.string(), "--out", csv.string(), "--locale", locale});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto parsed = kiosk::read_csv(read_text(csv));
  REQUIRE(std::holds_alternative<kiosk::CsvTable>(parsed));
  Sheet s{std::get<kiosk::CsvTable>(parsed), 0};
  while (s.table.rows[s.header].empty() || s.table.rows[s.header][0].starts_with("#")) ++s.header;
  return s;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// Lines of `a` that `b` does not have (as multisets).
std::vector<std::string> minus(std::vector<std::string> a, std::vector<std::string> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::vector<std::string> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

}  // namespace

TEST_CASE("facts: a worksheet edited in every fact column is written back as minimal YAML edits", "[kioskctl][facts]") {
  TempDir tmp;
  const fs::path dir = copy_sample(tmp);
  const auto before = all_files(dir);
  Sheet sheet = export_sheet(dir, tmp.path() / "facts.csv", "de");
  // Headers and values in the editor's language; what is not known says so.
  const auto& row = sheet.table.rows[sheet.row_of(service_id)];
  CHECK(row[sheet.column("Kosten")] == "Nicht bekannt");
  CHECK(row[sheet.column("Zugang mit Rollstuhl")] == "Stufenloser Zugang");
  CHECK(sheet.table.rows.size() == sheet.header + 1 + 319);

  sheet.set(service_id, "Telefon", "'+49 241 12345");  // as exported: protected against formula injection
  sheet.set(service_id, "Öffnungszeiten", "Mo-Fr 08:30-18:00");
  sheet.set(service_id, "Dokumente", "Krankenversicherungskarte");
  sheet.set(service_id, "Anonym", "Sie können anonym bleiben");
  sheet.set(service_id, "Kosten", "kostenlos");  // case does not matter
  sheet.set(service_id, "Hinweis zu Kosten", "Rezeptgebühr 5 €");
  sheet.set(service_id, "Gesprochene Sprachen", "de; ar; tr");
  sheet.set(service_id, "Zugang mit Rollstuhl", "Teilweise stufenlos");
  sheet.set(service_id, "Geprüft von", "Beratungsstelle, telefonisch");
  sheet.write(tmp.path() / "edited.csv");
  const auto r = kioskctl(
      {"facts", "import", (tmp.path() / "edited.csv").string(), "--bundle", dir.string(), "--today", "2026-12-02"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("wrote 9 changed facts in 1 services, 1 files") != std::string::npos);
  CHECK(r.out.find("fees: Nicht bekannt -> Kostenlos") != std::string::npos);

  const auto after = all_files(dir);
  for (const auto& [name, text] : before)
    if (name != service_file) CHECK(after.at(name) == text);
  const auto old_lines = lines_of(before.at(service_file)), new_lines = lines_of(after.at(service_file));
  CHECK(minus(old_lines, new_lines) ==
        std::vector<std::string>{"    opening_hours: \"Mo-Fr 08:30-18:30; Sa 08:30-13:03; Su,PH off\"",
                                 "    wheelchair: yes"});
  CHECK(minus(new_lines, old_lines) ==
        std::vector<std::string>{"      de: Rezeptgebühr 5 €", "    anonymous: yes",
                                 "    documents: [health_insurance_card]", "    fee_note:", "    fees: free",
                                 "    languages: [de, ar, tr]", "    last_verified: 2026-12-02",
                                 "    opening_hours: \"Mo-Fr 08:30-18:00\"", "    phone: \"+49 241 12345\"",
                                 "    verified_by: Beratungsstelle, telefonisch", "    wheelchair: limited"});
  // The comment lines at the top of the file are kept.
  CHECK(after.at(service_file).starts_with("# Imported from OpenStreetMap"));
  // The bundle is valid, and a new export shows the new facts; importing it again changes nothing.
  CHECK(kioskctl({"validate", dir.string()}).exit_code == 0);
  Sheet again = export_sheet(dir, tmp.path() / "again.csv", "de");
  CHECK(again.table.rows[again.row_of(service_id)][again.column("Zuletzt geprüft")] == "2026-12-02");
  const auto r2 = kioskctl({"facts", "import", (tmp.path() / "again.csv").string(), "--bundle", dir.string()});
  CHECK(r2.exit_code == 0);
  CHECK(r2.out.find("no changes") != std::string::npos);
  CHECK(all_files(dir) == after);
  // The report counts what is now known.
  const auto rep = kioskctl({"facts", "report", "--bundle", dir.string(), "--json", "--today", "2026-12-02"});
  REQUIRE(rep.exit_code == 0);
  const auto j = nlohmann::json::parse(rep.out);
  const auto& all = j["categories"].back();
  CHECK(all["category"] == "all");
  CHECK(all["services"] == 319);
  CHECK(all["known"]["fees"] == 27);  // 26 from OpenStreetMap, one from the worksheet
  CHECK(all["known"]["documents"] == 1);
  CHECK(all["known"]["anonymous"] == 1);
  CHECK(all["known"]["languages"] == 3);
  CHECK(all["known"]["last_verified"] == 1);
  CHECK(j["due"].size() == 318);
  CHECK(j["due_before"] == "2025-12-02");
}

TEST_CASE("facts: a broken worksheet is refused with row:column and nothing is written", "[kioskctl][facts]") {
  TempDir tmp;
  const fs::path dir = copy_sample(tmp);
  const auto before = all_files(dir);
  const Sheet sheet = export_sheet(dir, tmp.path() / "facts.csv", "en");
  const std::string other = sheet.table.rows[sheet.header + 2][0];
  const int row = static_cast<int>(sheet.row_of(service_id)) + 1;
  auto col = [&](const std::string& name) { return static_cast<int>(sheet.column(name)) + 1; };
  struct Case {
    std::string what, column, value;
    int col;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"bad enum", "Costs", "gratis", col("Costs"), "Costs: 'gratis' is not one of:"},
      {"bad hours", "Opening hours", "Mo-Fr 8-18:30", col("Opening hours"), "at character 7"},
      {"bad language tag", "Languages spoken", "de; arabic!", col("Languages spoken"),
       "'arabic!' is not a language code"},
      {"unknown id", "Id", "abtei-apotheke-n832397987", col("Id"), "did you mean 'abtei-apotheke-n8323979878'?"},
      {"bad date", "Last checked", "2099-01-01", col("Last checked"), "lies in the future"},
      {"read-only column", "Name", "Another name", col("Name"), "is not changed by the worksheet"},
  };
  for (const auto& c : cases) {
    SECTION(c.what) {
      Sheet edited = sheet;
      edited.set(service_id, "Wheelchair access", "Not step-free");  // a good change beside the bad one
      edited.set(service_id, c.column, c.value);
      edited.write(tmp.path() / "broken.csv");
      const auto r = kioskctl({"facts", "import", (tmp.path() / "broken.csv").string(), "--bundle", dir.string()});
      INFO(r.err);
      CHECK(r.exit_code == 1);
      CHECK(r.err.find(fmt::format("broken.csv:{}:{}: error: ", row, c.col)) != std::string::npos);
      CHECK(r.err.find(c.message) != std::string::npos);
      CHECK(r.err.find("nothing was written") != std::string::npos);
      CHECK(all_files(dir) == before);
    }
  }
  SECTION("duplicated row") {
    Sheet edited = sheet;
    edited.table.rows.push_back(edited.table.rows[edited.row_of(other)]);
    edited.write(tmp.path() / "broken.csv");
    const auto r = kioskctl({"facts", "import", (tmp.path() / "broken.csv").string(), "--bundle", dir.string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(fmt::format("broken.csv:{}:1: error: the service '{}' has a second row here (the first is row {})",
                                 edited.table.rows.size(), other, sheet.row_of(other) + 1)) != std::string::npos);
    CHECK(all_files(dir) == before);
  }
  SECTION("not UTF-8, unclosed quote, unknown column") {
    std::ofstream(tmp.path() / "latin1.csv", std::ios::binary) << "Id,Costs\nx,Geb\xFChr\n";
    auto r = kioskctl({"facts", "import", (tmp.path() / "latin1.csv").string(), "--bundle", dir.string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("latin1.csv:2:1: error: the file is not UTF-8") != std::string::npos);
    std::ofstream(tmp.path() / "quote.csv", std::ios::binary) << "Id,Costs\n" << service_id << ",\"free\n";
    r = kioskctl({"facts", "import", (tmp.path() / "quote.csv").string(), "--bundle", dir.string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("quote.csv:2:1: error: a quoted cell is not closed") != std::string::npos);
    std::ofstream(tmp.path() / "col.csv", std::ios::binary) << "Id,Cost\n" << service_id << ",free\n";
    r = kioskctl({"facts", "import", (tmp.path() / "col.csv").string(), "--bundle", dir.string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("col.csv:1:2: error: unknown column 'Cost'; did you mean 'Costs'?") != std::string::npos);
    CHECK(all_files(dir) == before);
  }
}

TEST_CASE("facts: a semicolon sheet with a byte order mark, as Excel in German writes it", "[kioskctl][facts]") {
  TempDir tmp;
  const fs::path dir = copy_sample(tmp);
  const fs::path csv = tmp.path() / "excel.csv";
  auto r = kioskctl({"facts", "export", "--bundle", dir.string(), "--out", csv.string(), "--separator", ";", "--bom",
                     "--category", "food", "--locale", "ar"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string text = read_text(csv);
  CHECK(text.starts_with("\xEF\xBB\xBF"));
  CHECK(text.find("\r\n") != std::string::npos);
  r = kioskctl({"facts", "import", csv.string(), "--bundle", dir.string()});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("no changes") != std::string::npos);
  r = kioskctl({"facts", "export", "--bundle", dir.string(), "--out", csv.string(), "--category", "fod"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("did you mean 'food'?") != std::string::npos);
}
