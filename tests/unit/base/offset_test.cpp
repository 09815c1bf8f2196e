// Offsets: every timing phrase of seed 000 and the compact form, parsed and then resolved against
// fixed milestones on the built-in calendar `cn` in Asia/Shanghai.

#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <vector>

#include "dacu/base/calendar.hpp"
#include "dacu/input/calendar_file.hpp"
#include "dacu/plan/timeline.hpp"
#include "dacu/base/offset.hpp"
#include "dacu/plan/schedule.hpp"
#include "dacu/base/timefmt.hpp"

using namespace dacu;
using Kind = Offset::Kind;

namespace {

const std::vector<std::string> kMilestones{"报名", "竞拍", "排期", "开团"};

// The offset as it would sit in a file: `start: PHRASE` on line 1, the phrase from column 8.
Location where_of(std::string_view phrase) {
  return Location{make_source("offset.yaml", "start: " + std::string(phrase) + "\n"), 1, 8};
}

Offset parse(std::string_view phrase) { return parse_offset(phrase, where_of(phrase), kMilestones); }

LocalDateTime at(std::string_view text) { return *parse_local_datetime(text); }

const std::vector<MilestoneMoment>& moments() {
  static const std::vector<MilestoneMoment> all{
      {"报名", at("2026-11-20T10:00")},
      {"竞拍", at("2026-11-25T10:00")},
      {"排期", at("2026-12-10T10:00")},
      {"开团", at("2026-12-20T10:00")},
  };
  return all;
}

struct When {
  ZonedTime at;
  bool day_level = false;
};

// Where an offset lands on the timeline `dacu when` and `dacu plan` share.
When evaluate(const Offset& o, const std::vector<MilestoneMoment>& ms) {
  Timeline timeline(ms, *builtin_calendar("cn"), Located{"Asia/Shanghai", {}}, {});
  auto p = timeline.point(o);
  return {timeline.zoned(p.at), p.day_level};
}

// A date for day-level results, a date-time with its UTC offset for timed ones.
std::string resolve(const Offset& o) {
  auto r = evaluate(o, moments());
  return r.day_level ? format_date(r.at.day()) : r.at.iso();
}

struct Row {
  const char* text;
  Kind kind;
  const char* anchor;
  int amount;
  int shift;  // minutes
  int clock;  // minutes after midnight
  const char* canonical;
  const char* resolved;
};

// 报名 2026-11-20 (Fri) 10:00, 竞拍 2026-11-25 10:00, 排期 2026-12-10 10:00, 开团 2026-12-20 (Sun) 10:00.
const Row kRows[] = {
    // The seed's phrases.
    {"报名前20天", Kind::day, "报名", -20, 0, 0, "报名 -20d", "2026-10-31"},
    {"竞拍完后1天", Kind::day, "竞拍", 1, 0, 0, "竞拍 +1d", "2026-11-26"},
    {"竞拍后3天", Kind::day, "竞拍", 3, 0, 0, "竞拍 +3d", "2026-11-28"},
    {"竞拍前3天", Kind::day, "竞拍", -3, 0, 0, "竞拍 -3d", "2026-11-22"},
    {"竞拍成功当天", Kind::day, "竞拍", 0, 0, 0, "竞拍 +0d", "2026-11-25"},
    {"排期前15天", Kind::day, "排期", -15, 0, 0, "排期 -15d", "2026-11-25"},
    {"开团前2天", Kind::day, "开团", -2, 0, 0, "开团 -2d", "2026-12-18"},
    {"开团前1小时", Kind::moment, "开团", 0, -60, 0, "开团 -1h", "2026-12-20T09:00:00+08:00"},
    {"开团前半小时", Kind::moment, "开团", 0, -30, 0, "开团 -30min", "2026-12-20T09:30:00+08:00"},
    {"开团前1分钟", Kind::moment, "开团", 0, -1, 0, "开团 -1min", "2026-12-20T09:59:00+08:00"},
    {"开团后25分钟", Kind::moment, "开团", 0, 25, 0, "开团 +25min", "2026-12-20T10:25:00+08:00"},
    {"开团后半小时", Kind::moment, "开团", 0, 30, 0, "开团 +30min", "2026-12-20T10:30:00+08:00"},
    {"开团后1小时", Kind::moment, "开团", 0, 60, 0, "开团 +1h", "2026-12-20T11:00:00+08:00"},
    {"开团15分钟", Kind::moment, "开团", 0, 15, 0, "开团 +15min", "2026-12-20T10:15:00+08:00"},
    {"开团当天", Kind::day, "开团", 0, 0, 0, "开团 +0d", "2026-12-20"},
    {"开团当天15点", Kind::clock, "开团", 0, 0, 900, "开团 @15:00", "2026-12-20T15:00:00+08:00"},
    {"开团当天16:30", Kind::clock, "开团", 0, 0, 990, "开团 @16:30", "2026-12-20T16:30:00+08:00"},
    {"开团当天16点30分", Kind::clock, "开团", 0, 0, 990, "开团 @16:30", "2026-12-20T16:30:00+08:00"},
    {"报名当天", Kind::day, "报名", 0, 0, 0, "报名 +0d", "2026-11-20"},
    // 年末 / 年初 count from the first milestone's year (2026): December 2025, January 2026.
    {"年末", Kind::year_end, "", 0, 0, 0, "年末", "2025-12-01"},
    {"年初", Kind::year_start, "", 0, 0, 0, "年初", "2026-01-01"},
    {"年未", Kind::year_end, "", 0, 0, 0, "年末", "2025-12-01"},
    // Chinese numerals.
    {"开团前十五分钟", Kind::moment, "开团", 0, -15, 0, "开团 -15min", "2026-12-20T09:45:00+08:00"},
    {"开团前二个小时", Kind::moment, "开团", 0, -120, 0, "开团 -2h", "2026-12-20T08:00:00+08:00"},
    {"开团前两天", Kind::day, "开团", -2, 0, 0, "开团 -2d", "2026-12-18"},
    {"开团后一百二十分钟", Kind::moment, "开团", 0, 120, 0, "开团 +2h", "2026-12-20T12:00:00+08:00"},
    {"开团前二十天", Kind::day, "开团", -20, 0, 0, "开团 -20d", "2026-11-30"},
    // Working days, a clock on a day offset, weeks.
    {"报名前3个工作日", Kind::working_day, "报名", -3, 0, 0, "报名 -3wd", "2026-11-17"},
    {"开团后2个工作日", Kind::working_day, "开团", 2, 0, 0, "开团 +2wd", "2026-12-22"},
    {"开团后1天10:00", Kind::clock, "开团", 1, 0, 600, "开团 +1d @10:00", "2026-12-21T10:00:00+08:00"},
    {"开团前2周", Kind::day, "开团", -14, 0, 0, "开团 -14d", "2026-12-06"},
    {"开团后1星期", Kind::day, "开团", 7, 0, 0, "开团 +7d", "2026-12-27"},
    // The compact form.
    {"开团 -2d", Kind::day, "开团", -2, 0, 0, "开团 -2d", "2026-12-18"},
    {"开团 +25min", Kind::moment, "开团", 0, 25, 0, "开团 +25min", "2026-12-20T10:25:00+08:00"},
    {"开团 -1h", Kind::moment, "开团", 0, -60, 0, "开团 -1h", "2026-12-20T09:00:00+08:00"},
    {"开团 @15:00", Kind::clock, "开团", 0, 0, 900, "开团 @15:00", "2026-12-20T15:00:00+08:00"},
    {"开团 +1d @10:00", Kind::clock, "开团", 1, 0, 600, "开团 +1d @10:00", "2026-12-21T10:00:00+08:00"},
    {"开团 +3wd", Kind::working_day, "开团", 3, 0, 0, "开团 +3wd", "2026-12-23"},
    {"开团 -1w", Kind::day, "开团", -7, 0, 0, "开团 -7d", "2026-12-13"},
    {"开团", Kind::moment, "开团", 0, 0, 0, "开团", "2026-12-20T10:00:00+08:00"},
};

}  // namespace

TEST_CASE("every timing phrase parses to its offset and resolves to its date or moment", "[offset]") {
  auto row = GENERATE(from_range(std::begin(kRows), std::end(kRows)));
  INFO("phrase: " << row.text);
  auto o = parse(row.text);

  Offset expected;
  expected.anchor = row.anchor;
  expected.kind = row.kind;
  expected.amount = row.amount;
  expected.shift = std::chrono::minutes(row.shift);
  expected.clock = std::chrono::minutes(row.clock);
  CHECK(o == expected);
  CHECK(o.text == row.text);
  CHECK(o.canonical() == row.canonical);
  CHECK(resolve(o) == row.resolved);
  bool timed = row.kind == Kind::moment || row.kind == Kind::clock;
  CHECK(o.day_level() == !timed);
}

TEST_CASE("the canonical form of every phrase reads back as the same offset", "[offset]") {
  auto row = GENERATE(from_range(std::begin(kRows), std::end(kRows)));
  INFO("phrase: " << row.text);
  auto o = parse(row.text);
  CHECK(parse(o.canonical()) == o);
}

TEST_CASE("the longest milestone name that starts the phrase wins", "[offset]") {
  std::vector<std::string> names{"开团", "开团结束"};
  auto o = parse_offset("开团结束后1天", where_of("开团结束后1天"), names);
  CHECK(o.anchor == "开团结束");
  CHECK(o.amount == 1);
}

TEST_CASE("spaces around a phrase are not part of it", "[offset]") {
  auto o = parse("  开团前2天 ");
  CHECK(o.anchor == "开团");
  CHECK(o.amount == -2);
}

TEST_CASE("a day-level offset keeps the milestone's time of day", "[offset]") {
  auto r = evaluate(parse("开团前2天"), moments());
  CHECK(r.day_level);
  CHECK(r.at.iso() == "2026-12-18T10:00:00+08:00");
}

TEST_CASE("working-day offsets skip 国庆 and count 调休 days", "[offset]") {
  std::vector<MilestoneMoment> ms{{"开团", at("2026-10-09T10:00")}, {"报名", at("2026-09-22")}};
  const auto& cn = *builtin_calendar("cn");
  auto r = evaluate(parse("开团前3个工作日"), ms);
  CHECK(format_date(r.at.day()) == "2026-09-29");
  r = evaluate(parse("报名前2个工作日"), ms);
  CHECK(format_date(r.at.day()) == "2026-09-20");
}

TEST_CASE("half an hour before midnight is on the day before", "[offset]") {
  std::vector<MilestoneMoment> ms{{"开团", at("2026-11-11T00:00")}};
  auto r = evaluate(parse("开团前半小时"), ms);
  CHECK_FALSE(r.day_level);
  CHECK(r.at.iso() == "2026-11-10T23:30:00+08:00");
}

TEST_CASE("an offset whose milestone has no moment is refused", "[offset]") {
  std::vector<MilestoneMoment> ms{{"报名", at("2026-11-20T10:00")}};
  try {
    evaluate(parse("开团前2天"), ms);
    FAIL("no error");
  } catch (const InputError& e) {
    const auto& d = e.diagnostic();
    CHECK(d.code == "D033");
    CHECK(d.message == "milestone 开团 has no date");
    CHECK(d.hint == "give it with --at 开团=2026-12-20T10:00");
    CHECK(d.where.column == 8);
  }
}

namespace {

struct Failure {
  const char* text;
  const char* code;
  int column;
  const char* message;
  const char* hint;
};

constexpr const char* kForms =
    "write it like 报名前20天, 竞拍后3天, 开团前半小时, 开团后25分钟, 开团当天15点, "
    "报名前3个工作日, or 开团 -2d / 开团 +25min / 开团 @15:00";

const Failure kFailures[] = {
    {"开闭前2天", "D031", 8, "unknown milestone '开闭' in offset '开闭前2天'", "did you mean 开团?"},
    {"大促前2天", "D031", 8, "unknown milestone '大促' in offset '大促前2天'", "expected one of: 报名, 竞拍, 排期, 开团"},
    {"前2天", "D030", 8, "offset '前2天' does not start with a milestone", "start with one of the milestones, e.g. 报名前2天"},
    {"开团前二天半", "D030", 13, "unexpected text after the offset", kForms},
    {"开团前", "D030", 11, "expected a number after 前/后", kForms},
    {"开团前2", "D030", 12, "expected a unit: 天, 个工作日, 周, 小时 or 分钟", kForms},
    {"开团x", "D030", 10, "expected 前, 后, 当天 or a number after the milestone", kForms},
    {"", "D030", 8, "an empty offset", kForms},
    {"   ", "D030", 8, "an empty offset", kForms},
    {"开团当天25点", "D030", 12, "not a time of day", "hours run 0–23 and minutes 0–59, e.g. 开团当天16:30"},
    {"开团当天16:75", "D030", 12, "not a time of day", "hours run 0–23 and minutes 0–59, e.g. 开团当天16:30"},
    {"开团前1半天", "D030", 14, "half days are not supported", "write the hours instead, e.g. 开团前12小时"},
    {"开团 -2x", "D030", 13, "unknown unit in offset",
     "units are d (days), wd (working days), w (weeks), h (hours), min (minutes)"},
    {"开团 2d", "D030", 11, "unexpected text in offset", "write it like 开团 -2d, 开团 +25min or 开团 @15:00"},
    {"开团 +3wd @10:00", "D030", 16, "a clock time after working days is not supported",
     "write the working-day offset alone"},
    {"开团 +1h @10:00", "D030", 15, "a clock time cannot follow an hour or minute offset", "write it like 开团 +1d @10:00"},
};

}  // namespace

TEST_CASE("unreadable phrases are refused with a located message and a hint", "[offset]") {
  auto f = GENERATE(from_range(std::begin(kFailures), std::end(kFailures)));
  INFO("phrase: '" << f.text << "'");
  try {
    parse(f.text);
    FAIL("no error");
  } catch (const InputError& e) {
    const auto& d = e.diagnostic();
    CHECK(d.code == f.code);
    CHECK(d.message == f.message);
    CHECK(d.hint == f.hint);
    CHECK(d.where.line == 1);
    CHECK(d.where.column == f.column);
    CHECK(d.where.file_name() == "offset.yaml");
  }
}

TEST_CASE("a refused phrase is shown with a caret under the failing character", "[offset]") {
  try {
    parse("开闭前2天");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(format_diagnostic(e.diagnostic()) ==
          "dacu: error: offset.yaml:1:8: unknown milestone '开闭' in offset '开闭前2天' [D031]\n"
          " 1 | start: 开闭前2天\n"
          "   |        ^\n"
          "hint: did you mean 开团?\n");
  }
}
