// Clock changes: every offset kind across both changes of America/New_York and Europe/Berlin.
//
// How the expected answers were obtained: the instants of the 2026 changes are published by the
// IANA tz database (America/New_York: 2026-03-08 07:00Z, the clocks go from 02:00 EST to 03:00 EDT;
// 2026-11-01 06:00Z, from 02:00 EDT back to 01:00 EST. Europe/Berlin: 2026-03-29 01:00Z, from 02:00
// CET to 03:00 CEST; 2026-10-25 01:00Z, from 03:00 CEST back to 02:00 CET). Each expectation is that
// instant plus the elapsed time, converted by hand with the offset on its side of the change.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dacu/base/offset.hpp"
#include "dacu/input/calendar_file.hpp"
#include "dacu/plan/timeline.hpp"
#include "support.hpp"

using namespace dacu;
using dacu::test::error_of;

namespace {

// What `dacu when PHRASE --at 开团=AT --timezone ZONE` prints, and the warnings it gives.
struct When {
  std::string at;
  std::vector<std::string> codes;
};

When when(std::string_view phrase, std::string_view at, std::string zone) {
  auto value = parse_datetime_with_offset(at);
  REQUIRE(value);
  std::vector<MilestoneMoment> ms{{"开团", *value, Location{make_source("<at>", std::string(at)), 1, 1}}};
  std::vector<std::string> names{"开团"};
  Timeline timeline(ms, *builtin_calendar("cn"), Located{std::move(zone), {}}, {});
  auto p = timeline.point(parse_offset(phrase, Location{make_source("<phrase>", std::string(phrase)), 1, 1}, names));
  When out{p.day_level ? format_date(p.at.day()) : timeline.zoned(p.at).iso(), {}};
  for (const auto& w : timeline.warnings()) out.codes.push_back(w.code);
  return out;
}

struct Row {
  const char* zone;
  const char* at;
  const char* phrase;
  const char* expected;
  const char* warning;  // "" or the code
};

const Row kRows[] = {
    // New York, spring forward (02:00 EST → 03:00 EDT at 07:00Z).
    {"America/New_York", "2026-03-08T01:30", "开团后1小时", "2026-03-08T03:30:00-04:00", ""},  // 06:30Z + 1h = 07:30Z
    {"America/New_York", "2026-03-08T03:00", "开团前3分钟", "2026-03-08T01:57:00-05:00", ""},  // 07:00Z − 3min
    {"America/New_York", "2026-03-08T03:00", "开团前半小时", "2026-03-08T01:30:00-05:00", ""},
    {"America/New_York", "2026-03-07T02:30", "开团后1天", "2026-03-08", ""},                    // day-level: the date
    {"America/New_York", "2026-03-07T10:00", "开团后1天9点", "2026-03-08T09:00:00-04:00", ""},  // clock on the new offset
    {"America/New_York", "2026-03-06T10:00", "开团后2个工作日", "2026-03-10", ""},
    // New York, fall back (02:00 EDT → 01:00 EST at 06:00Z).
    {"America/New_York", "2026-11-01T00:30", "开团后1小时", "2026-11-01T01:30:00-04:00", ""},   // 04:30Z + 1h
    {"America/New_York", "2026-11-01T00:30", "开团后2小时", "2026-11-01T01:30:00-05:00", ""},   // the second 01:30
    {"America/New_York", "2026-11-01T01:30", "开团后30分钟", "2026-11-01T01:00:00-05:00", "D026"},  // 05:30Z + 30min
    {"America/New_York", "2026-11-01T01:30-05:00", "开团后30分钟", "2026-11-01T02:00:00-05:00", ""},  // the later 01:30
    {"America/New_York", "2026-10-31T12:00", "开团后1天12点", "2026-11-01T12:00:00-05:00", ""},
    {"America/New_York", "2026-11-01T00:30", "开团后1天", "2026-11-02", ""},
    // Berlin, spring forward (02:00 CET → 03:00 CEST at 01:00Z).
    {"Europe/Berlin", "2026-03-29T01:30", "开团后1小时", "2026-03-29T03:30:00+02:00", ""},       // 00:30Z + 1h
    {"Europe/Berlin", "2026-03-29T03:10", "开团前15分钟", "2026-03-29T01:55:00+01:00", ""},      // 01:10Z − 15min
    {"Europe/Berlin", "2026-03-28T18:00", "开团后1天18点", "2026-03-29T18:00:00+02:00", ""},
    {"Europe/Berlin", "2026-03-28T02:30", "开团后1天", "2026-03-29", ""},
    // Berlin, fall back (03:00 CEST → 02:00 CET at 01:00Z).
    {"Europe/Berlin", "2026-10-25T01:30", "开团后1小时", "2026-10-25T02:30:00+02:00", ""},       // 23:30Z + 1h
    {"Europe/Berlin", "2026-10-25T01:30", "开团后2小时", "2026-10-25T02:30:00+01:00", ""},       // the second 02:30
    {"Europe/Berlin", "2026-10-25T02:30", "开团后1小时", "2026-10-25T02:30:00+01:00", "D026"},  // 00:30Z + 1h
    {"Europe/Berlin", "2026-10-25T02:30+01:00", "开团前1小时", "2026-10-25T02:30:00+02:00", ""},
    {"Europe/Berlin", "2026-10-24T20:00", "开团后1天20点", "2026-10-25T20:00:00+01:00", ""},
};

}  // namespace

TEST_CASE("every offset kind across both clock changes, New York and Berlin", "[dst]") {
  for (const auto& row : kRows) {
    INFO(row.zone << " " << row.at << " " << row.phrase);
    auto w = when(row.phrase, row.at, row.zone);
    CHECK(w.at == row.expected);
    if (*row.warning) {
      CHECK(w.codes == std::vector<std::string>{row.warning});
    } else {
      CHECK(w.codes.empty());
    }
  }
}

TEST_CASE("a wall time the clocks skip is D025 naming the gap and both sides", "[dst]") {
  auto d = error_of([] { when("开团", "2026-03-08T02:30", "America/New_York"); });
  CHECK(d.code == "D025");
  CHECK(d.message == "开团: 2026-03-08T02:30 does not exist in America/New_York: the clocks go from 02:00 to 03:00");
  CHECK(d.hint == "write 2026-03-08T01:59 (before the change) or 2026-03-08T03:00 (after it)");
  d = error_of([] { when("开团当天2:30", "2026-03-29", "Europe/Berlin"); });
  CHECK(d.code == "D025");
  CHECK(d.message == "开团当天2:30: 2026-03-29T02:30 does not exist in Europe/Berlin: the clocks go from 02:00 to 03:00");
  CHECK(d.hint == "write 2026-03-29T01:59 (before the change) or 2026-03-29T03:00 (after it)");
}

TEST_CASE("a UTC offset that is not the zone's is D025", "[dst]") {
  auto d = error_of([] { when("开团", "2026-11-01T01:30-06:00", "America/New_York"); });
  CHECK(d.code == "D025");
  CHECK(d.message == "开团: 2026-11-01T01:30-06:00 is not a time in America/New_York: there 2026-11-01T01:30 has the "
                     "offset -04:00 or -05:00");
  // The hint offers both readings and never one that is refused in turn (the trial found a loop).
  CHECK(d.hint == "for that wall time write 2026-11-01T01:30-04:00 or 2026-11-01T01:30-05:00; for that instant "
                  "write 2026-11-01T02:30-05:00");
  auto z = error_of([] { when("开团", "2026-12-20T02:00Z", "Asia/Shanghai"); });
  CHECK(z.hint == "for that wall time write 2026-12-20T02:00+08:00; for that instant write 2026-12-20T10:00+08:00");
  // In the skipped hour, any offset: the gap is named.
  auto gap = error_of([] { when("开团", "2026-03-08T02:30-05:00", "America/New_York"); });
  CHECK(gap.message == "开团: 2026-03-08T02:30 does not exist in America/New_York: the clocks go from 02:00 to 03:00");
  for (auto written : {"2026-03-08T02:30-05:00", "2026-03-08T02:30-04:00"}) {
    CHECK(error_of([&] { when("开团", written, "America/New_York"); }).code == "D025");
  }
}

TEST_CASE("a repeated wall time says which was taken and how to ask for the other", "[dst]") {
  auto value = *parse_datetime_with_offset("2026-11-01T01:30");
  std::vector<MilestoneMoment> ms{{"开团", value, {}}};
  Timeline timeline(ms, *builtin_calendar("cn"), Located{"America/New_York", {}}, {});
  timeline.milestone("开团");
  auto w = timeline.warnings();
  REQUIRE(w.size() == 1);
  CHECK(w[0].message == "开团: 2026-11-01T01:30 happens twice in America/New_York (at -04:00, then at -05:00); the earlier is taken");
  CHECK(w[0].hint == "write 2026-11-01T01:30-05:00 for the later one");
}

TEST_CASE("long working-day spans are counted to the end, both ways", "[dst][calendar]") {
  // An independent count (the official 2025 and 2026 arrangements, weekends only outside them)
  // gives 2027-03-17 and 2024-10-22 (a Tuesday); the guard that shrank as the loop ran stopped at
  // 2027-03-08 and at a Sunday.
  CHECK(when("开团后300个工作日", "2026-01-05T10:00", "Asia/Shanghai").at == "2027-03-17");
  CHECK(when("开团前300个工作日", "2026-01-05T10:00", "Asia/Shanghai").at == "2024-10-22");
}

TEST_CASE("a date outside the years dacu plans in is D027", "[dst]") {
  auto d = error_of([] { when("开团后1天", "3001-10-09T10:00", "Asia/Shanghai"); });
  CHECK(d.code == "D027");
  CHECK(d.message == "3001-10-09 is outside the years dacu plans in (1970–2999)");
}
