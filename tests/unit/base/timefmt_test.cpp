// Dates, times and durations as planners write them, and how dacu shows them.

#include <catch2/catch.hpp>

#include "dacu/base/timefmt.hpp"

#include "support.hpp"

using namespace dacu;
using namespace std::chrono_literals;

namespace {

date::local_days ymd(int y, unsigned m, unsigned d) { return date::local_days{date::year{y} / m / d}; }

}  // namespace

TEST_CASE("parse_date reads strict ISO dates that exist", "[timefmt]") {
  CHECK(parse_date("2026-12-20") == ymd(2026, 12, 20));
  CHECK(parse_date("2028-02-29") == ymd(2028, 2, 29));  // a leap year
  CHECK(parse_date("2026-01-01") == ymd(2026, 1, 1));
  CHECK_FALSE(parse_date("2026-02-30"));
  CHECK_FALSE(parse_date("2026-02-29"));
  CHECK_FALSE(parse_date("2100-02-29"));  // not a leap year
  CHECK_FALSE(parse_date("2026-13-01"));
  CHECK_FALSE(parse_date("2026-00-10"));
  CHECK_FALSE(parse_date("2026-12-00"));
  CHECK_FALSE(parse_date("2026-1-05"));
  CHECK_FALSE(parse_date("2026/12/20"));
  CHECK_FALSE(parse_date("2026-12-20T10:00"));
  CHECK_FALSE(parse_date(""));
  CHECK_FALSE(parse_date("二〇二六-十二-二十"));
}

TEST_CASE("parse_local_datetime reads a date-time or a date alone", "[timefmt]") {
  auto ten = date::local_seconds{ymd(2026, 12, 20)} + 10h;
  CHECK(parse_local_datetime("2026-12-20T10:00") == LocalDateTime{ten, false, std::nullopt});
  CHECK(parse_local_datetime("2026-12-20 10:00") == LocalDateTime{ten, false, std::nullopt});
  CHECK(parse_local_datetime("2026-12-20T10:00:30") == LocalDateTime{ten + 30s, false, std::nullopt});
  CHECK(parse_local_datetime("2026-12-20 23:59:59") ==
        LocalDateTime{date::local_seconds{ymd(2026, 12, 20)} + 23h + 59min + 59s, false, std::nullopt});
  CHECK(parse_local_datetime("2026-12-20") == LocalDateTime{date::local_seconds{ymd(2026, 12, 20)}, true, std::nullopt});
  CHECK(parse_local_datetime("2026-12-20T00:00") == LocalDateTime{date::local_seconds{ymd(2026, 12, 20)}, false, std::nullopt});
}

TEST_CASE("parse_local_datetime refuses offsets, impossible days and times", "[timefmt]") {
  CHECK_FALSE(parse_local_datetime("2026-12-20T10:00+08:00"));
  CHECK_FALSE(parse_local_datetime("2026-12-20T10:00Z"));
  CHECK_FALSE(parse_local_datetime("2026-02-30T10:00"));
  CHECK_FALSE(parse_local_datetime("2026-12-20T24:00"));
  CHECK_FALSE(parse_local_datetime("2026-12-20T10:60"));
  CHECK_FALSE(parse_local_datetime("2026-12-20T9:00"));
  CHECK_FALSE(parse_local_datetime("2026-12-20X10:00"));
  CHECK_FALSE(parse_local_datetime("2026-12-20T10"));
  CHECK_FALSE(parse_local_datetime(""));
}

TEST_CASE("parse_clock reads HH:MM and H:MM", "[timefmt]") {
  CHECK(parse_clock("08:00") == 8h);
  CHECK(parse_clock("09:59") == 9h + 59min);
  CHECK(parse_clock("9:30") == 9h + 30min);
  CHECK(parse_clock("00:00") == 0min);
  CHECK(parse_clock("23:59") == 23h + 59min);
  CHECK_FALSE(parse_clock("24:00"));
  CHECK_FALSE(parse_clock("12:60"));
  CHECK_FALSE(parse_clock("1200"));
  CHECK_FALSE(parse_clock("12:00:00"));
  CHECK_FALSE(parse_clock("8点"));
  CHECK_FALSE(parse_clock(""));
}

TEST_CASE("parse_duration reads sums of numbers and units", "[timefmt]") {
  CHECK(parse_duration("30min") == 30min);
  CHECK(parse_duration("2h") == 2h);
  CHECK(parse_duration("1h30min") == 90min);
  CHECK(parse_duration("1h30m") == 90min);
  CHECK(parse_duration("7d") == 7 * 24h);
  CHECK(parse_duration("1w") == 7 * 24h);
  CHECK(parse_duration("45s") == 45s);
  CHECK(parse_duration("2d12h") == 60h);
  CHECK(parse_duration("30分钟") == 30min);
  CHECK(parse_duration("2小时") == 2h);
  CHECK(parse_duration("7天") == 7 * 24h);
  CHECK(parse_duration("1周") == 7 * 24h);
  CHECK(parse_duration("0min") == 0s);
}

TEST_CASE("parse_duration refuses text that is not a duration", "[timefmt]") {
  CHECK_FALSE(parse_duration(""));
  CHECK_FALSE(parse_duration("30"));
  CHECK_FALSE(parse_duration("min"));
  CHECK_FALSE(parse_duration("2 h"));
  CHECK_FALSE(parse_duration("-2h"));
  CHECK_FALSE(parse_duration("2x"));
  CHECK_FALSE(parse_duration("1.5h"));
  CHECK_FALSE(parse_duration("三十分钟"));
  CHECK_FALSE(parse_duration("1234567890h"));
}

TEST_CASE("durations are shown in the largest units that fit", "[timefmt]") {
  CHECK(format_duration(30min) == "30min");
  CHECK(format_duration(2h) == "2h");
  CHECK(format_duration(90min) == "1h30min");
  CHECK(format_duration(7 * 24h) == "7d");
  CHECK(format_duration(2 * 24h + 3h + 5min + 7s) == "2d3h5min7s");
  CHECK(format_duration(0s) == "0min");
  CHECK(format_duration(-30min) == "-30min");
  for (auto text : {"30min", "2h", "1h30min", "7d", "45s", "2d12h"}) {
    INFO(text);
    CHECK(parse_duration(format_duration(*parse_duration(text))) == parse_duration(text));
  }
}

TEST_CASE("dates and date-times are shown in ISO 8601", "[timefmt]") {
  auto at = date::local_seconds{ymd(2026, 12, 20)} + 10h + 25min;
  CHECK(format_date(ymd(2026, 12, 20)) == "2026-12-20");
  CHECK(format_date(ymd(2026, 1, 4)) == "2026-01-04");
  CHECK(format_local_iso(at) == "2026-12-20T10:25:00");
  CHECK(format_iso_with_offset(at, 8h) == "2026-12-20T10:25:00+08:00");
  CHECK(format_iso_with_offset(at, 0s) == "2026-12-20T10:25:00+00:00");
  CHECK(format_iso_with_offset(at, -(5h + 30min)) == "2026-12-20T10:25:00-05:30");
  CHECK(format_iso_with_offset(at, 5h + 45min) == "2026-12-20T10:25:00+05:45");
}

TEST_CASE("weekdays are named in Chinese or English", "[timefmt]") {
  CHECK(weekday_name(ymd(2026, 12, 20), false) == "周日");
  CHECK(weekday_name(ymd(2026, 12, 20), true) == "Sun");
  CHECK(weekday_name(ymd(2026, 10, 1), false) == "周四");
  CHECK(weekday_name(ymd(2026, 10, 10), true) == "Sat");
  CHECK(weekday_name(ymd(2026, 12, 21), false) == "周一");
}

TEST_CASE("a zone name that follows the host or names a tzdata file is D084", "[timefmt]") {
  auto where = Location{make_source("c.yaml", "timezone: localtime\n"), 1, 11};
  struct Row {
    const char* name;
    const char* why;
  };
  for (auto [name, why] : {Row{"localtime", "follows the machine dacu runs on"}, Row{"/etc/localtime", "follows the machine dacu runs on"},
                           Row{"../../etc/localtime", "follows the machine dacu runs on"},
                           Row{"Asia/../localtime", "follows the machine dacu runs on"},
                           Row{"posixrules", "is a file of the system's time-zone data, not a zone"},
                           Row{"right/Asia/Shanghai", "is a file of the system's time-zone data, not a zone"},
                           Row{"Factory", "is the time-zone data's placeholder, not a zone"}}) {
    INFO(name);
    const char* zone = name;  // clang 14 cannot capture a structured binding
    auto d = dacu::test::error_of([&] { check_zone_name(zone, where); });
    CHECK(d.code == "D084");
    CHECK(d.where == where);
    CHECK(d.message == fmt::format("time zone '{}' {}", name, why));
    CHECK(d.hint == "name an IANA zone such as Asia/Shanghai, so that the plan is the same on every machine");
  }
  for (auto name : {"Asia/Shanghai", "UTC", "Etc/GMT-8", "America/Argentina/Buenos_Aires", "EST5EDT", "Asia/Shanghia"}) {
    INFO(name);
    CHECK_NOTHROW(check_zone_name(name, where));
  }
}
