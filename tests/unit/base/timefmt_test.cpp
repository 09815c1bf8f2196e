// Dates, times and durations as planners write them, and how dacu shows them.

#include <catch2/catch.hpp>

#include "dacu/base/timefmt.hpp"

#include "support.hpp"

using namespace dacu;
using namespace std::chrono_literals;

namespace {

date::local_days ymd(int y, unsigned m, unsigned d) { return date::local_days{date::year{y} / m / d}; }

}  // namespace

TEST_CASE("parse_date reads year-first dates that exist", "[timefmt]") {
  CHECK(parse_date("2026-12-20") == ymd(2026, 12, 20));
  CHECK(parse_date("2028-02-29") == ymd(2028, 2, 29));  // a leap year
  CHECK(parse_date("2026-01-01") == ymd(2026, 1, 1));
  CHECK_FALSE(parse_date("2026-02-30"));
  CHECK_FALSE(parse_date("2026-02-29"));
  CHECK_FALSE(parse_date("2100-02-29"));  // not a leap year
  CHECK_FALSE(parse_date("2026-13-01"));
  CHECK_FALSE(parse_date("2026-00-10"));
  CHECK_FALSE(parse_date("2026-12-00"));
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
  CHECK_FALSE(parse_local_datetime("2026-12-20X10:00"));
  CHECK_FALSE(parse_local_datetime("2026-12-20T10"));
  CHECK_FALSE(parse_local_datetime(""));
}

TEST_CASE("parse_clock reads HH:MM, H:MM and the spoken forms", "[timefmt]") {
  CHECK(parse_clock("08:00") == 8h);
  CHECK(parse_clock("09:59") == 9h + 59min);
  CHECK(parse_clock("9:30") == 9h + 30min);
  CHECK(parse_clock("00:00") == 0min);
  CHECK(parse_clock("23:59") == 23h + 59min);
  CHECK_FALSE(parse_clock("24:00"));
  CHECK_FALSE(parse_clock("12:60"));
  CHECK_FALSE(parse_clock("1200"));
  CHECK_FALSE(parse_clock("12:00:00"));
  CHECK(parse_clock("8点") == 8h);
  CHECK(parse_clock("10点30分") == 10h + 30min);
  CHECK(parse_clock("10点30") == 10h + 30min);
  CHECK(parse_clock("10点半") == 10h + 30min);
  CHECK(parse_clock("10时") == 10h);
  CHECK(parse_clock("１０：００") == 10h);
  CHECK_FALSE(parse_clock("24点"));
  CHECK_FALSE(parse_clock("10点60分"));
  CHECK_FALSE(parse_clock("10点钟"));
  CHECK_FALSE(parse_clock("十点"));  // Chinese numerals are for offsets (开团当天十点), not values
  CHECK_FALSE(parse_clock(""));
}

// Each form a Chinese user types, and what it means.
TEST_CASE("parse_date reads the forms Chinese users type", "[timefmt]") {
  CHECK(parse_date("2026/12/20") == ymd(2026, 12, 20));
  CHECK(parse_date("2026.12.20") == ymd(2026, 12, 20));
  CHECK(parse_date("2026/1/5") == ymd(2026, 1, 5));
  CHECK(parse_date("2026-1-05") == ymd(2026, 1, 5));
  CHECK(parse_date("2026年12月20日") == ymd(2026, 12, 20));
  CHECK(parse_date("2026年12月20号") == ymd(2026, 12, 20));
  CHECK(parse_date("2026年1月5日") == ymd(2026, 1, 5));
  CHECK(parse_date("２０２６-12-20") == ymd(2026, 12, 20));
  CHECK(parse_date("２０２６－１２－２０") == ymd(2026, 12, 20));
  CHECK(parse_date("２０２６／１２／２０") == ymd(2026, 12, 20));
  CHECK(parse_date("２０２６年１２月２０日") == ymd(2026, 12, 20));
  CHECK_FALSE(parse_date("2026/12-20"));  // one separator throughout
  CHECK_FALSE(parse_date("2026/2/30"));
  CHECK_FALSE(parse_date("2026年2月30日"));
  CHECK_FALSE(parse_date("2026年12月20"));
  CHECK_FALSE(parse_date("2026-012-20"));
  CHECK_FALSE(parse_date("12/20/2026"));
  CHECK_FALSE(parse_date("20/12/2026"));
  CHECK_FALSE(parse_date("26-12-20"));
  CHECK_FALSE(parse_date("12月20日"));
}

TEST_CASE("parse_local_datetime reads the date-times Chinese users type", "[timefmt]") {
  auto day = date::local_seconds{ymd(2026, 12, 20)};
  CHECK(parse_local_datetime("2026/12/20 10:00") == LocalDateTime{day + 10h, false, std::nullopt});
  CHECK(parse_local_datetime("2026/12/20T10:00") == LocalDateTime{day + 10h, false, std::nullopt});
  CHECK(parse_local_datetime("2026-12-20T9:00") == LocalDateTime{day + 9h, false, std::nullopt});
  CHECK(parse_local_datetime("2026年12月20日 10:00") == LocalDateTime{day + 10h, false, std::nullopt});
  CHECK(parse_local_datetime("2026年12月20日10点") == LocalDateTime{day + 10h, false, std::nullopt});
  CHECK(parse_local_datetime("2026年12月20日 10点30分") == LocalDateTime{day + 10h + 30min, false, std::nullopt});
  CHECK(parse_local_datetime("2026年12月20号 10点半") == LocalDateTime{day + 10h + 30min, false, std::nullopt});
  CHECK(parse_local_datetime("2026-12-20 10点") == LocalDateTime{day + 10h, false, std::nullopt});
  CHECK(parse_local_datetime("２０２６-12-20T１０：００") == LocalDateTime{day + 10h, false, std::nullopt});
  CHECK(parse_local_datetime("2026年12月20日") == LocalDateTime{day, true, std::nullopt});
  CHECK_FALSE(parse_local_datetime("2026-12-2010:00"));  // only after 日 may the space go
  CHECK_FALSE(parse_local_datetime("2026年12月20日 25点"));
  CHECK_FALSE(parse_local_datetime("2026/12/20  10:00"));
  CHECK(parse_datetime_with_offset("2026/11/1T01:30-05:00")->utc_offset == -5h);
  CHECK(parse_datetime_with_offset("2026-11-01T01:30－05:00")->utc_offset == -5h);
}

namespace {

std::string advice(std::string_view text) {
  auto a = date_advice(text, "fallback");
  return a.problem + " | " + a.hint;
}

}  // namespace

TEST_CASE("date_advice names the form it saw and shows the accepted one", "[timefmt]") {
  CHECK(advice("12/20/2026") == ": it has the year last | write the date as 2026-12-20 (year-month-day)");
  CHECK(advice("20/12/2026") == ": it has the year last | write the date as 2026-12-20 (year-month-day)");
  CHECK(advice("20.12.2026 10:00") == ": it has the year last | write the date as 2026-12-20 (year-month-day)");
  CHECK(advice("05/06/2026") ==
        ": it has the year last, so month and day cannot be told apart | write the date year first: 2026-05-06 or "
        "2026-06-05, whichever you mean");
  CHECK(advice("40/12/2026") == ": it has the year last | write the date year first, as 2026-12-20");
  CHECK(advice("26-12-20") == ": it has a two-digit year | write the date as 2026-12-20 (the year in full)");
  CHECK(advice("26/1/5 10:00") == ": it has a two-digit year | write the date as 2026-01-05 (the year in full)");
  CHECK(advice("12月20日") == ": it has no year | write the year too, e.g. 2026年12月20日 or 2026-12-20");
  CHECK(advice("2026/2/30") == " | that day does not exist; check the month (01–12) and the month's length");
  CHECK(advice("2026-12-20 25:00") ==
        " | write the time as 10:00, 10点 or 10点30分 (hours 0–23, minutes 0–59) after the date");
  CHECK(advice("明天") == " | fallback");
  CHECK(advice("") == " | fallback");
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
