// The HSDS importer: schedules as opening_hours that our own parser and evaluator read as HSDS means them,
// free texts as our words, and the hand-written Aachen sample in all three published forms.

#include "core/import/hsds_import.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <variant>

#include "core/bundle/bundle_loader.h"
#include "core/hours/opening_hours.h"
#include "core/import/hsds_facts.h"
#include "core/import/hsds_schedule.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

HsdsSchedule weekly(std::string id, std::string byday, std::string opens, std::string closes) {
  HsdsSchedule s;
  s.id = std::move(id);
  s.freq = "WEEKLY";
  s.byday = std::move(byday);
  s.opens_at = std::move(opens);
  s.closes_at = std::move(closes);
  return s;
}

// The value, after checking that it has no errors and that our parser reads it.
std::string hours(const std::vector<HsdsSchedule>& schedules) {
  const auto c = schedules_to_opening_hours(schedules);
  for (const auto& e : c.errors) UNSCOPED_INFO(e);
  REQUIRE(c.errors.empty());
  const auto parsed = parse_opening_hours(c.opening_hours);
  if (const auto* e = std::get_if<OhParseError>(&parsed))
    FAIL(c.opening_hours << ": column " << e->column << ": " << e->message);
  return c.opening_hours;
}

RuleState state_at(const std::string& value, Date day, int minute) {
  const auto parsed = parse_opening_hours(value);
  REQUIRE(std::holds_alternative<OpeningHours>(parsed));
  return evaluate_at(std::get<OpeningHours>(parsed), OhContext{}, LocalDateTime{day, minute}).state;
}

bool mentions(const std::vector<std::string>& lines, const std::string& part) {
  for (const auto& l : lines)
    if (l.find(part) != std::string::npos) return true;
  return false;
}

fs::path sample_bundle_copy(const fs::path& dir) {
  fs::create_directories(dir);
  for (const char* f : {"bundle.yaml", "categories.yaml", "holidays.yaml"})
    fs::copy_file(test::sample_bundle() / f, dir / f);
  return dir;
}

}  // namespace

TEST_CASE("hsds: weekly schedules become opening_hours, days with the same hours grouped", "[import][hsds]") {
  CHECK(hours({weekly("s1", "MO,TU,WE,TH,FR", "09:00", "17:00")}) == "Mo-Fr 09:00-17:00");
  CHECK(hours({weekly("s1", "SA", "10:00", "13:00")}) == "Sa 10:00-13:00");
  CHECK(hours({weekly("s1", "MO,WE,FR", "09:00", "12:00")}) == "Mo,We,Fr 09:00-12:00");
  CHECK(hours({weekly("s1", "mo,tu,we,fr", "09:00", "12:00")}) == "Mo-We,Fr 09:00-12:00");
  CHECK(hours({weekly("s1", "SA,SU", "10:00", "12:00")}) == "Sa,Su 10:00-12:00");
  // Two schedules of one service: morning hours on three days, afternoons on two of them.
  CHECK(hours({weekly("am", "MO,TU,TH", "09:00", "12:00"), weekly("pm", "TU,TH", "14:00:00", "17:00:00")}) ==
        "Mo 09:00-12:00; Tu,Th 09:00-12:00,14:00-17:00");
  // Overlapping schedules are one span.
  CHECK(hours({weekly("a", "MO", "09:00", "12:00"), weekly("b", "MO", "11:00", "13:00")}) == "Mo 09:00-13:00");
  // HSDS's "all day" is 00:00-23:59; every day of it is 24/7.
  CHECK(hours({weekly("s1", "MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59")}) == "24/7");
  CHECK(hours({weekly("s1", "MO,TU,WE,TH,FR,SA,SU", "08:00", "20:00")}) == "Mo-Su 08:00-20:00");
  CHECK(hours({weekly("s1", "FR", "22:00", "02:00")}) == "Fr 22:00-02:00");
  CHECK(hours({weekly("s1", "FR", "18:00", "00:00")}) == "Fr 18:00-24:00");
  // DAILY, and no freq at all with times, are every day.
  HsdsSchedule daily = weekly("d", "", "07:00", "09:00");
  daily.freq = "DAILY";
  CHECK(hours({daily}) == "Mo-Su 07:00-09:00");
}

TEST_CASE("hsds: monthly and dated schedules add to the weekly hours", "[import][hsds]") {
  HsdsSchedule monthly = weekly("m", "1WE,3WE", "17:00", "19:00");
  monthly.freq = "MONTHLY";
  const std::string value = hours({weekly("w", "MO,WE", "10:00", "12:00"), monthly});
  CHECK(value == "Mo,We 10:00-12:00, We[1,3] 17:00-19:00");
  // 2026-01-07 is the first Wednesday of January, 2026-01-14 the second.
  CHECK(state_at(value, {2026, 1, 7}, 11 * 60) == RuleState::open);
  CHECK(state_at(value, {2026, 1, 7}, 18 * 60) == RuleState::open);
  CHECK(state_at(value, {2026, 1, 14}, 11 * 60) == RuleState::open);
  CHECK(state_at(value, {2026, 1, 14}, 18 * 60) == RuleState::closed);

  HsdsSchedule last = weekly("l", "-1FR", "14:00", "16:00");
  last.freq = "MONTHLY";
  CHECK(hours({last}) == "Fr[-1] 14:00-16:00");

  HsdsSchedule term = weekly("t", "TU", "16:00", "18:00");
  term.valid_from = "2026-01-12";
  term.valid_to = "2026-06-26";
  const std::string dated = hours({weekly("w", "TU,TH", "09:00", "12:00"), term});
  CHECK(dated == "Tu,Th 09:00-12:00, 2026 Jan 12-2026 Jun 26 Tu 16:00-18:00");
  CHECK(state_at(dated, {2026, 1, 13}, 17 * 60) == RuleState::open);
  CHECK(state_at(dated, {2026, 1, 13}, 10 * 60) == RuleState::open);  // added, not replaced
  CHECK(state_at(dated, {2026, 7, 7}, 17 * 60) == RuleState::closed);
  CHECK(state_at(dated, {2026, 7, 7}, 10 * 60) == RuleState::open);
}

TEST_CASE("hsds: what opening_hours cannot say is a warning naming the schedule", "[import][hsds]") {
  HsdsSchedule fortnightly = weekly("every-other-friday", "FR", "15:00", "18:00");
  fortnightly.interval = "2";
  HsdsSchedule by_date = weekly("on-the-15th", "", "10:00", "12:00");
  by_date.freq = "MONTHLY";
  by_date.bymonthday = "15";
  HsdsSchedule text_only;
  text_only.id = "by-notice";
  text_only.description = "In den Schulferien nach Aushang";
  HsdsSchedule wrong_ordinal = weekly("weekly-first-monday", "1MO", "10:00", "12:00");
  const auto c = schedules_to_opening_hours(
      {fortnightly, by_date, text_only, wrong_ordinal, weekly("kept", "SA", "10:00", "13:00")});
  CHECK(c.errors.empty());
  CHECK(c.opening_hours == "Sa 10:00-13:00");
  CHECK(mentions(c.warnings, "schedule 'every-other-friday': repeats every 2 weeks"));
  CHECK(mentions(c.warnings, "schedule 'on-the-15th': days of the month (bymonthday 15)"));
  CHECK(mentions(c.warnings, "schedule 'by-notice': only a description ('In den Schulferien nach Aushang')"));
  CHECK(mentions(c.warnings, "schedule 'weekly-first-monday': byday '1MO' counts weekdays within a month"));

  // Half a validity window, counts and UTC offsets: the hours are kept, and said to be read loosely.
  HsdsSchedule from_only = weekly("from", "MO", "09:00:00+01:00", "12:00:00+01:00");
  from_only.valid_from = "2026-03-01";
  from_only.count = "10";
  const auto loose = schedules_to_opening_hours({from_only});
  CHECK(loose.opening_hours == "Mo 09:00-12:00");
  CHECK(mentions(loose.warnings, "schedule 'from': valid from 2026-03-01 only"));
  CHECK(mentions(loose.warnings, "schedule 'from': count 10 is left out"));
  CHECK(mentions(loose.warnings, "schedule 'from': the UTC offsets"));

  const auto nothing = schedules_to_opening_hours({text_only});
  CHECK(nothing.opening_hours.empty());
}

TEST_CASE("hsds: values HSDS does not allow are errors naming the schedule", "[import][hsds]") {
  const auto error_of = [](HsdsSchedule s) {
    const auto c = schedules_to_opening_hours({std::move(s)});
    CHECK(c.opening_hours.empty());
    REQUIRE(c.errors.size() == 1);
    return c.errors[0];
  };
  CHECK(error_of(weekly("x", "MO", "18:00", "25:00")) == "schedule 'x': closes_at '25:00' is not a time (HH:MM)");
  CHECK(error_of(weekly("x", "MO", "9 Uhr", "12:00")) == "schedule 'x': opens_at '9 Uhr' is not a time (HH:MM)");
  CHECK(error_of(weekly("x", "MO", "10:00", "10:00")) == "schedule 'x': opens_at and closes_at are both 10:00");
  CHECK(error_of(weekly("x", "MO,XY", "09:00", "12:00")) ==
        "schedule 'x': byday 'MO,XY' is not a list of MO, TU, WE, TH, FR, SA, SU");
  HsdsSchedule hourly = weekly("x", "MO", "09:00", "12:00");
  hourly.freq = "HOURLY";
  CHECK(error_of(hourly) == "schedule 'x': freq 'HOURLY' is not WEEKLY or MONTHLY");
  HsdsSchedule backwards = weekly("x", "MO", "09:00", "12:00");
  backwards.valid_from = "2026-06-01";
  backwards.valid_to = "2026-01-31";
  CHECK(error_of(backwards) == "schedule 'x': ends (2026-01-31) before it starts (2026-06-01)");
  HsdsSchedule bad_date = weekly("x", "MO", "09:00", "12:00");
  bad_date.valid_to = "2026-02-30";
  CHECK(error_of(bad_date) == "schedule 'x': valid_to '2026-02-30' is not a date (YYYY-MM-DD)");

  CHECK(parse_hsds_time("09:00") == 9 * 60);
  CHECK(parse_hsds_time("9:30") == 9 * 60 + 30);
  CHECK(parse_hsds_time("17:45:30") == 17 * 60 + 45);
  bool offset = false;
  CHECK(parse_hsds_time("09:00Z", &offset) == 9 * 60);
  CHECK(offset);
  CHECK(parse_hsds_time("09:00-05:00") == 9 * 60);
  CHECK(parse_hsds_time("24:00") == 24 * 60);
  CHECK(parse_hsds_time("24:30") == -1);
  CHECK(parse_hsds_time("09:60") == -1);
  CHECK(parse_hsds_time("0900") == -1);
  CHECK(parse_hsds_time("") == -1);
}

TEST_CASE("hsds: free texts and codes become our words, or stay unknown", "[import][hsds]") {
  CHECK(documents_in_text("Personalausweis, Reisepass oder Aufenthaltstitel") ==
        std::vector<std::string>{"id_document", "residence_permit"});
  CHECK(documents_in_text("Proof of address, e.g. a utility bill") == std::vector<std::string>{"proof_of_address"});
  CHECK(documents_in_text("Elektronische Gesundheitskarte") == std::vector<std::string>{"health_insurance_card"});
  CHECK(documents_in_text("Überweisung vom Hausarzt") == std::vector<std::string>{"referral"});
  CHECK(documents_in_text("Stadtausweis") == std::vector<std::string>{"city_id"});
  CHECK(documents_in_text("Mitgliedsausweis des Vereins").empty());
  CHECK(says_no_documents("Keine Unterlagen nötig"));
  CHECK(says_no_documents("None"));
  CHECK_FALSE(says_no_documents("Passport"));

  CHECK(wheelchair_in_text("Barrierefreier Zugang über den Hof") == "yes");
  CHECK(wheelchair_in_text("Wheelchair accessible entrance") == "yes");
  CHECK(wheelchair_in_text("The building is not wheelchair accessible") == "no");
  CHECK(wheelchair_in_text("Eingang über drei Stufen, nicht barrierefrei") == "no");
  CHECK(wheelchair_in_text("Eingeschränkt barrierefrei: Aufzug nur bis 1. OG") == "limited");
  CHECK(wheelchair_in_text("Induktionsschleife für Hörgeräte").empty());

  CHECK(fees_from_amounts({0.0}) == "free");
  CHECK(fees_from_amounts({2.0}) == "paid");
  CHECK(fees_from_amounts({0.0, 1.5}) == "reduced");
  CHECK(fees_from_amounts({std::nullopt}).empty());
  CHECK(fees_from_amounts({}).empty());

  CHECK(language_tag_for_code("ar") == "ar");
  CHECK(language_tag_for_code("ara") == "ar");
  CHECK(language_tag_for_code("ger") == "de");
  CHECK(language_tag_for_code("fas") == "fa");
  CHECK(language_tag_for_code("ckb") == "ckb");
  CHECK(language_tag_for_code("Arabisch").empty());
  CHECK(language_tag_for_code("").empty());
}

TEST_CASE("hsds: the Aachen sample reads the same nested, as tables and as one dataset file", "[import][hsds]") {
  const fs::path fixtures = test::fixtures_dir() / "hsds";
  test::TempDir tmp;

  // The per-table files, gathered into one dataset object.
  const fs::path dataset = tmp.path() / "dataset.json";
  {
    std::string text = "{";
    for (const auto& e : fs::directory_iterator(fixtures / "aachen-tabular"))
      text += (text.size() > 1 ? ",\n\"" : "\"") + e.path().stem().string() + "\": " + test::read_text(e.path());
    std::ofstream(dataset) << text << "}\n";
  }

  std::vector<fs::path> outs;
  for (const fs::path& in : {fixtures / "aachen-services.json", fixtures / "aachen-tabular", dataset}) {
    INFO(in);
    const fs::path out = sample_bundle_copy(tmp.path() / ("b" + std::to_string(outs.size())));
    const auto report = import_hsds({in, out, "community", "de"});
    CHECK(report.services == 6);
    CHECK(report.skipped == 1);  // the telephone counselling has no place
    CHECK(report.per_category.at("education") == 2);
    CHECK(mentions(report.warnings,
                   "(Telefonberatung bei Gewalt): location 'e5b3d1f9-7a2c-4e6b-9d8f-3a1c5e7b9d07' "
                   "is virtual"));
    CHECK(mentions(report.warnings,
                   "(Kleiderkammer Ost): schedule '5c4b3a29-1807-4f6e-9d5c-4b3a29180708': repeats "
                   "every 2 weeks"));
    CHECK(report.dropped_fields.at("service.interpretation_services") == 1);
    CHECK(report.dropped_fields.at("schedule.description") == 4);
    outs.push_back(out);
  }
  for (std::size_t i = 1; i < outs.size(); ++i) {
    for (const auto& e : fs::directory_iterator(outs[0] / "services")) {
      INFO(e.path().filename());
      CHECK(test::read_text(e.path()) == test::read_text(outs[i] / "services" / e.path().filename()));
    }
  }

  Diagnostics diags;
  const Bundle b = load_bundle(outs[0], diags);
  for (const auto& d : diags.items)
    if (d.severity == Severity::error) UNSCOPED_INFO(format_diagnostic(d));
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(b.services.size() == 6);

  const Service* advice = b.find_service("migrationsberatung-fur-erwachsene-5a6c7e01");
  REQUIRE(advice);
  CHECK(advice->category == "advice");
  CHECK(advice->opening_hours == "Mo 09:00-12:00; Tu,Th 09:00-12:00,14:00-17:00");
  CHECK(advice->languages == std::vector<std::string>{"de", "ar", "fa", "tr"});
  CHECK(advice->fees == Fees::free);
  CHECK_FALSE(advice->documents.known);  // the data does not say
  CHECK(advice->wheelchair == Wheelchair::yes);
  CHECK(advice->address.street == "Adalbertsteinweg 12");
  CHECK(advice->location.lat == Approx(50.77412));
  CHECK(advice->phones == std::vector<std::string>{"+49 241 4000 100"});
  CHECK(*advice->description.find("de") ==
        "Beratung zu Aufenthalt, Arbeit, Wohnung und Familiennachzug. Ohne Termin in den offenen Sprechstunden.");
  CHECK(advice->last_verified == Date{2025, 11, 3});

  const Service* food = b.find_service("lebensmittelausgabe-am-samstag-5a6c7e02");
  REQUIRE(food);
  CHECK(food->opening_hours == "Sa 10:00-13:00");
  CHECK(food->fees == Fees::paid);
  CHECK(food->documents.required == std::vector<std::string>{"proof_of_income", "id_document", "residence_permit"});
  CHECK(food->wheelchair == Wheelchair::no);
  CHECK(food->languages == std::vector<std::string>{"de", "uk"});
  CHECK(food->phones == std::vector<std::string>{"+49 241 4000 200"});  // the organization's

  const Service* clinic = b.find_service("medizinische-sprechstunde-ohne-krankenschein-5a6c7e03");
  REQUIRE(clinic);
  CHECK(clinic->opening_hours == "Mo 10:00-12:00, We[1,3] 17:00-19:00");
  CHECK(clinic->documents.known);
  CHECK(clinic->documents.required.empty());

  // One service at two places: two entries, each with the hours of its place.
  const Service* cafe_city = b.find_service("sprachcafe-deutsch-2a3b4c04");
  const Service* cafe_east = b.find_service("sprachcafe-deutsch-2a3b4c05");
  REQUIRE(cafe_city);
  REQUIRE(cafe_east);
  CHECK(*cafe_city->name.find("und") == "Sprachcafé Deutsch – Haus der Begegnung");
  CHECK(cafe_city->opening_hours == "Th 18:00-20:00");
  CHECK(cafe_east->opening_hours == "2026 Jan 12-2026 Jun 26 Tu 16:00-18:00");
  CHECK(cafe_east->fees == Fees::reduced);

  const Service* clothes = b.find_service("kleiderkammer-ost-5a6c7e05");
  REQUIRE(clothes);
  CHECK(clothes->category == "community");  // from --category: its taxonomy is not ours
  CHECK(clothes->opening_hours.empty());
  CHECK(clothes->wheelchair == Wheelchair::unknown);
  CHECK(clothes->phones == std::vector<std::string>{"+49 241 4000 400"});  // not the fax
}

TEST_CASE("hsds: broken input names the file and the record, and nothing is written", "[import][hsds]") {
  const fs::path broken = test::fixtures_dir() / "hsds" / "broken";
  test::TempDir tmp;
  const fs::path out = sample_bundle_copy(tmp.path() / "b");
  try {
    import_hsds({broken / "bad-records.json", out, "advice", ""});
    FAIL("no error");
  } catch (const HsdsInputError& e) {
    const std::string file = (broken / "bad-records.json").generic_string();
    CHECK(e.problems == std::vector<std::string>{
                            file + ": services[0] has no id",
                            file + ": service 'b0000000-0000-4000-8000-000000000002' has no name",
                            file + ": service 'b0000000-0000-4000-8000-000000000003' (Abendsprechstunde): schedule "
                                   "'b0000000-0000-4000-8000-000000000006': closes_at '25:00' is not a time (HH:MM)"});
  }
  CHECK_FALSE(fs::exists(out / "services"));

  try {
    import_hsds({broken / "not-json.json", out, "advice", ""});
    FAIL("no error");
  } catch (const HsdsInputError& e) {
    REQUIRE(e.problems.size() == 1);
    CHECK(e.problems[0].rfind((broken / "not-json.json").generic_string() + ": not valid JSON: parse error at line 6",
                              0) == 0);
  }
}
