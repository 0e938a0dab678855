// The sentences residents read about opening hours, through the shipped catalogs and ICU formats.

#include "core/hours/hours_text.h"

#include <catch2/catch.hpp>

#include "core/hours/civil_date.h"
#include "support/test_support.h"

using namespace kiosk;

namespace {

struct Words {
  Catalogs catalogs;
  HolidayCalendar calendar;
  OhContext ctx{&calendar, std::nullopt, std::nullopt, nullptr};

  Words() {
    Diagnostics diags;
    catalogs = load_catalogs(test::locales_dir(), diags);
    REQUIRE_FALSE(diags.has_errors());
    calendar.public_days.push_back(days_from_civil({2026, 12, 25}));
  }
  HoursStatus say(const std::string& locale, const std::string& value, LocalDateTime now) const {
    const auto parsed = parse_opening_hours(value);
    const auto& oh = std::get<OpeningHours>(parsed);
    const TimeFormat tf(catalogs.find(locale)->info);
    return describe_hours(&oh, ctx, now, make_format_context(catalogs, locale, "de"), tf);
  }
};

const LocalDateTime thursday_10{{2026, 11, 26}, 10 * 60};

}  // namespace

TEST_CASE("hours in German", "[hours][words]") {
  Words w;
  CHECK(w.say("de", "Mo-Fr 08:00-18:00", thursday_10).text == "Geöffnet bis 18:00");
  CHECK(w.say("de", "Mo-Fr 08:00-10:20", thursday_10).text == "Schließt in 20 Minuten");
  CHECK(w.say("de", "Mo-Fr 08:00-10:01", thursday_10).text == "Schließt in 1 Minute");
  CHECK(w.say("de", "Mo-Fr 14:00-18:00", thursday_10).text == "Öffnet heute um 14:00");
  CHECK(w.say("de", "Fr 09:00-12:00", thursday_10).text == "Öffnet morgen um 09:00");
  CHECK(w.say("de", "Mo 09:00-12:00", thursday_10).text == "Öffnet am Montag um 09:00");
  CHECK(w.say("de", "Dec 24 09:00-12:00", thursday_10).text == "Öffnet am Donnerstag, 24. Dezember um 09:00");
  CHECK(w.say("de", "24/7", thursday_10).text == "Tag und Nacht geöffnet");
  CHECK(w.say("de", "off", thursday_10).text == "Geschlossen");
  CHECK(w.say("de", "Mo-Fr 08:00-18:00 \"nach Vereinbarung\"", thursday_10).text == "Öffnungszeiten nicht bekannt");
  CHECK(w.say("de", "Mo-Fr 08:00-18:00 \"nach Vereinbarung\"", thursday_10).comment == "nach Vereinbarung");
  const TimeFormat tf(w.catalogs.find("de")->info);
  CHECK(describe_hours(nullptr, w.ctx, thursday_10, make_format_context(w.catalogs, "de", "de"), tf).text ==
        "Öffnungszeiten nicht bekannt");
}

TEST_CASE("hours in English use the locale's clock", "[hours][words]") {
  Words w;
  CHECK(w.say("en", "Mo-Fr 08:00-17:00", thursday_10).text == "Open until 5:00\u202FPM");
  CHECK(w.say("en", "Mo-Fr 08:00-10:20", thursday_10).text == "Closes in 20 minutes");
}

TEST_CASE("hours in Arabic and Persian: their digits, times isolated inside right-to-left text", "[hours][words]") {
  Words w;
  const auto ar = w.say("ar", "Mo-Fr 08:00-17:00", thursday_10).text;
  CHECK(ar.find("مفتوح حتى") == 0);
  CHECK(ar.find("\u2066") != std::string::npos);  // LRI ... PDI around the time
  CHECK(ar.find("\u2069") != std::string::npos);
  CHECK(ar.find("٥") != std::string::npos);                                          // Arabic-Indic digits
  CHECK(w.say("ar", "Mo-Fr 08:00-10:02", thursday_10).text == "يُغلق خلال دقيقتين");  // the dual
  CHECK(w.say("ar", "Mo-Fr 08:00-10:03", thursday_10).text == "يُغلق خلال ٣ دقائق");
  const auto fa = w.say("fa", "Mo-Fr 08:00-17:00", thursday_10).text;
  CHECK(fa.find("۱۷:۰۰") != std::string::npos);  // Persian digits
}

TEST_CASE("every shipped locale says something for every state", "[hours][words]") {
  Words w;
  for (const auto& cat : w.catalogs.locales) {
    INFO(cat.info.tag);
    for (const char* v : {"Mo-Fr 08:00-18:00", "Mo-Fr 08:00-10:20", "Fr 09:00-12:00", "Mo 09:00-12:00", "24/7", "off",
                          "Mo-Fr \"by appointment\""}) {
      INFO(v);
      const auto s = w.say(cat.info.tag, v, thursday_10);
      CHECK_FALSE(s.text.empty());
      CHECK(s.text.find('{') == std::string::npos);
    }
  }
}

TEST_CASE("a week table", "[hours][words]") {
  Words w;
  const auto oh = std::get<OpeningHours>(parse_opening_hours("Mo-Fr 08:00-12:00,13:00-17:00; Sa 22:00-02:00; PH off"));
  const TimeFormat tf(w.catalogs.find("de")->info);
  const auto rows =
      week_table(oh, w.ctx, {2026, 12, 21}, {2026, 12, 24}, make_format_context(w.catalogs, "de", "de"), tf);
  REQUIRE(rows.size() == 7);
  CHECK(rows[0].day == "Montag");
  CHECK(rows[0].hours == "08:00–12:00, 13:00–17:00");
  CHECK(rows[3].today);
  CHECK(rows[4].hours == "Geschlossen");  // Friday 25 December, a public holiday
  CHECK(rows[5].hours == "22:00–02:00");  // Saturday night, shown on Saturday
  CHECK(rows[6].hours == "Geschlossen");  // Sunday: only the end of Saturday's range
}

TEST_CASE("time formats are built once per formatting locale and kept", "[hours][i18n]") {
  Words w;
  TimeFormats formats;
  const TimeFormat& de = formats.get(w.catalogs.find("de")->info);
  CHECK(&formats.get(w.catalogs.find("de")->info) == &de);
  const TimeFormat& ar = formats.get(w.catalogs.find("ar")->info);
  CHECK(&ar != &de);
  CHECK(formats.size() == 2);
  CHECK(de.time(17 * 60) == "17:00");
  CHECK(ar.rtl());
  CHECK(ar.time_range(8 * 60, 16 * 60).starts_with("\u2066"));  // isolated inside right-to-left text
  // Another numbering is another format.
  LocaleInfo ar_latn = w.catalogs.find("ar")->info;
  ar_latn.numbering = "latn";
  CHECK(&formats.get(ar_latn) != &ar);
  CHECK(formats.get(ar_latn).time(17 * 60).find("5:00") != std::string::npos);
  // Counts and list numbers in the language's digits, without grouping.
  CHECK(de.number(12) == "12");
  CHECK(ar.number(12) == "١٢");
  CHECK(formats.get(w.catalogs.find("fa")->info).number(1390) == "۱۳۹۰");
  CHECK(formats.get(ar_latn).number(7) == "7");
}
