// The timeline, the one place offsets become moments: fixed milestones (`dacu when`) and a
// campaign's own (`dacu plan`), derived chains and their refusals, 年末 / 年初, roll rules over
// 国庆 2026, the D060 warnings, and UTC offsets in two zones.

#include "dacu/plan/timeline.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "support.hpp"
#include "dacu/input/calendar_file.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/input/sources.hpp"

using namespace dacu;
using dacu::test::error_of;
using dacu::test::where;

namespace {

const std::vector<std::string> kMilestones{"报名", "竞拍", "排期", "开团"};

// The offset as it would sit in a file: `start: PHRASE` on line 1, the phrase from column 8.
Offset parse(std::string_view phrase) {
  Location where{make_source("offset.yaml", "start: " + std::string(phrase) + "\n"), 1, 8};
  return parse_offset(phrase, where, kMilestones);
}

LocalDateTime at(std::string_view text) { return *parse_local_datetime(text); }

date::local_days day(std::string_view text) { return *parse_date(text); }

const std::vector<MilestoneMoment>& moments() {
  static const std::vector<MilestoneMoment> all{
      {"报名", at("2026-11-20T10:00"), {}},
      {"竞拍", at("2026-11-25T10:00"), {}},
      {"排期", at("2026-12-10T10:00"), {}},
      {"开团", at("2026-12-20T10:00"), {}},
  };
  return all;
}

// `dacu when`'s timeline: milestones given as moments, on the built-in `cn` in Asia/Shanghai.
Timeline when_timeline(const std::vector<MilestoneMoment>& ms, const Location& calendar_where = {}) {
  return Timeline(ms, *builtin_calendar("cn"), Located{"Asia/Shanghai", {}}, calendar_where);
}

struct When {
  ZonedTime at;
  bool day_level = false;
};

// Where an offset lands on the timeline `dacu when` and `dacu plan` share.
When evaluate(const Offset& o, const std::vector<MilestoneMoment>& ms) {
  auto timeline = when_timeline(ms);
  auto p = timeline.point(o);
  return {timeline.zoned(p.at), p.day_level};
}

// A date for day-level results, a date-time with its UTC offset for timed ones.
std::string resolve(const Offset& o) {
  auto r = evaluate(o, moments());
  return r.day_level ? format_date(r.at.day()) : r.at.iso();
}

std::string iso(const Timeline& timeline, const Moment& at) { return timeline.zoned(at).iso(); }

struct Row {
  const char* text;
  const char* resolved;
};

// 报名 2026-11-20 (Fri) 10:00, 竞拍 2026-11-25 10:00, 排期 2026-12-10 10:00, 开团 2026-12-20 (Sun) 10:00.
const Row kRows[] = {
    // The seed's phrases.
    {"报名前20天", "2026-10-31"},
    {"竞拍完后1天", "2026-11-26"},
    {"竞拍后3天", "2026-11-28"},
    {"竞拍前3天", "2026-11-22"},
    {"竞拍成功当天", "2026-11-25"},
    {"排期前15天", "2026-11-25"},
    {"开团前2天", "2026-12-18"},
    {"开团前1小时", "2026-12-20T09:00:00+08:00"},
    {"开团前半小时", "2026-12-20T09:30:00+08:00"},
    {"开团前1分钟", "2026-12-20T09:59:00+08:00"},
    {"开团后25分钟", "2026-12-20T10:25:00+08:00"},
    {"开团后半小时", "2026-12-20T10:30:00+08:00"},
    {"开团后1小时", "2026-12-20T11:00:00+08:00"},
    {"开团15分钟", "2026-12-20T10:15:00+08:00"},
    {"开团当天", "2026-12-20"},
    {"开团当天15点", "2026-12-20T15:00:00+08:00"},
    {"开团当天16:30", "2026-12-20T16:30:00+08:00"},
    {"开团当天16点30分", "2026-12-20T16:30:00+08:00"},
    {"报名当天", "2026-11-20"},
    // 年末 / 年初 count from the first milestone's year (2026): December 2025, January 2026.
    {"年末", "2025-12-01"},
    {"年初", "2026-01-01"},
    {"年未", "2025-12-01"},
    // Chinese numerals.
    {"开团前十五分钟", "2026-12-20T09:45:00+08:00"},
    {"开团前二个小时", "2026-12-20T08:00:00+08:00"},
    {"开团前两天", "2026-12-18"},
    {"开团后一百二十分钟", "2026-12-20T12:00:00+08:00"},
    {"开团前二十天", "2026-11-30"},
    // Working days, a clock on a day offset, weeks.
    {"报名前3个工作日", "2026-11-17"},
    {"开团后2个工作日", "2026-12-22"},
    {"开团后1天10:00", "2026-12-21T10:00:00+08:00"},
    {"开团前2周", "2026-12-06"},
    {"开团后1星期", "2026-12-27"},
    // The compact form.
    {"开团 -2d", "2026-12-18"},
    {"开团 +25min", "2026-12-20T10:25:00+08:00"},
    {"开团 -1h", "2026-12-20T09:00:00+08:00"},
    {"开团 @15:00", "2026-12-20T15:00:00+08:00"},
    {"开团 +1d @10:00", "2026-12-21T10:00:00+08:00"},
    {"开团 +3wd", "2026-12-23"},
    {"开团 -1w", "2026-12-13"},
    {"开团", "2026-12-20T10:00:00+08:00"},
};

}  // namespace

TEST_CASE("every timing phrase resolves to its date or moment", "[timeline]") {
  auto row = GENERATE(from_range(std::begin(kRows), std::end(kRows)));
  INFO("phrase: " << row.text);
  auto o = parse(row.text);
  CHECK(resolve(o) == row.resolved);
  CHECK(evaluate(o, moments()).day_level == o.day_level());
}

TEST_CASE("a day-level offset keeps the milestone's time of day", "[timeline]") {
  auto r = evaluate(parse("开团前2天"), moments());
  CHECK(r.day_level);
  CHECK(r.at.iso() == "2026-12-18T10:00:00+08:00");
}

TEST_CASE("working-day offsets skip 国庆 and count 调休 days", "[timeline]") {
  std::vector<MilestoneMoment> ms{{"开团", at("2026-10-09T10:00"), {}}, {"报名", at("2026-09-22"), {}}};
  auto r = evaluate(parse("开团前3个工作日"), ms);
  CHECK(format_date(r.at.day()) == "2026-09-29");
  r = evaluate(parse("报名前2个工作日"), ms);
  CHECK(format_date(r.at.day()) == "2026-09-20");
}

TEST_CASE("half an hour before midnight is on the day before", "[timeline]") {
  std::vector<MilestoneMoment> ms{{"开团", at("2026-11-11T00:00"), {}}};
  auto r = evaluate(parse("开团前半小时"), ms);
  CHECK_FALSE(r.day_level);
  CHECK(r.at.iso() == "2026-11-10T23:30:00+08:00");
}

TEST_CASE("an offset whose milestone has no moment is refused", "[timeline]") {
  std::vector<MilestoneMoment> ms{{"报名", at("2026-11-20T10:00"), {}}};
  auto d = error_of([&] { evaluate(parse("开团前2天"), ms); });
  CHECK(d.code == "D033");
  CHECK(where(d.where) == "offset.yaml:1:8");
  CHECK(d.message == "milestone 开团 has no date");
  CHECK(d.hint == "give it with --at 开团=2026-12-20T10:00");
}

namespace {

// A template planned on its own: `milestones` are the YAML lines under `milestones:`.
Campaign template_with(std::string_view milestones) {
  Loader loader;
  return loader.parse("dacu: 1\nkind: template\nname: 链\nmilestones:\n" + std::string(milestones), "t.yaml", ".");
}

}  // namespace

TEST_CASE("derived milestones resolve through their chain, across 国庆", "[timeline]") {
  auto c = template_with(
      "  报名: {default: 2026-09-28T10:00}\n"   // Monday
      "  竞拍: 报名后2天\n"
      "  开团: 竞拍后1个工作日\n"               // 10-01 … 10-07 are 国庆节
      "  结束: 开团当天23:59\n"
      "  复盘: 结束后1小时\n");
  Timeline timeline(c);
  // Asking for the last resolves the whole chain.
  CHECK(iso(timeline, timeline.milestone("复盘").at) == "2026-10-09T00:59:00+08:00");
  CHECK(iso(timeline, timeline.milestone("结束").at) == "2026-10-08T23:59:00+08:00");
  CHECK(iso(timeline, timeline.milestone("开团").at) == "2026-10-08T10:00:00+08:00");
  CHECK(iso(timeline, timeline.milestone("竞拍").at) == "2026-09-30T10:00:00+08:00");
  CHECK(iso(timeline, timeline.milestone("报名").at) == "2026-09-28T10:00:00+08:00");
  for (const char* name : {"报名", "竞拍", "开团", "结束", "复盘"}) {
    INFO(name);
    CHECK_FALSE(timeline.milestone(name).date_only);
  }
  CHECK(timeline.warnings().empty());
}

TEST_CASE("a chain from a date-only milestone stays date-only until a clock time", "[timeline]") {
  auto c = template_with(
      "  报名: {default: 2026-09-28}\n"
      "  竞拍: 报名后2天\n"
      "  开团: 竞拍当天10:00\n"
      "  结束: 开团后2天\n");
  Timeline timeline(c);
  CHECK(timeline.milestone("竞拍").at.local == date::local_seconds{day("2026-09-30")});
  CHECK(timeline.milestone("竞拍").date_only);
  CHECK(timeline.milestone("开团").at.local == date::local_seconds{day("2026-09-30")} + std::chrono::hours(10));
  CHECK_FALSE(timeline.milestone("开团").date_only);
  CHECK(timeline.milestone("结束").at.local == date::local_seconds{day("2026-10-02")} + std::chrono::hours(10));
  CHECK_FALSE(timeline.milestone("结束").date_only);
}

TEST_CASE("milestones derived from each other are a cycle (D032)", "[timeline]") {
  auto c = template_with(
      "  开团: 报名后30天\n"    // 5
      "  报名: 开团前30天\n");  // 6
  Timeline timeline(c);
  auto d = error_of([&] { timeline.milestone("开团"); });
  CHECK(d.code == "D032");
  CHECK(where(d.where) == "t.yaml:5:7");
  CHECK(d.message == "milestones depend on each other in a cycle: 开团 → 报名 → 开团");
  CHECK(d.hint == "give one of them a date, or derive it from a milestone outside the cycle");
}

TEST_CASE("a milestone neither given nor derived has no date (D033) at the campaign's milestones", "[timeline]") {
  MemorySources files;
  files.add("tpl/小团.yaml",
            "dacu: 1\nkind: template\nname: 小团\n"
            "milestones:\n  报名:\n  开团:\n"
            "tasks:\n  - {name: 备货, department: 仓储, owner: 仓库主管, phase: 活动前, start: 开团前2天}\n");
  files.add("shop/c.yaml",
            "dacu: 1\n"                    // 1
            "kind: campaign\n"             // 2
            "name: 测试店\n"               // 3
            "extends: ../tpl/小团.yaml\n"  // 4
            "milestones:\n"                // 5
            "  报名: 2026-11-20T10:00\n");  // 6
  Loader loader(files);
  loader.set_template_dirs({"tpl"});  // the template sits beside the shop's folder, not in it
  auto c = loader.load_file("shop/c.yaml");
  Timeline timeline(c);
  CHECK(iso(timeline, timeline.milestone("报名").at) == "2026-11-20T10:00:00+08:00");
  auto d = error_of([&] { timeline.point(c.plan.tasks[0].start); });
  CHECK(d.code == "D033");
  CHECK(where(d.where) == "shop/c.yaml:6:3");
  CHECK(d.message == "milestone 开团 has no date, but '开团前2天' needs it");
  CHECK(d.hint == "give it in the campaign file (milestones: {开团: 2026-12-20T10:00}) or with --set 开团=…");
  d = error_of([&] { timeline.milestone("开团"); });
  CHECK(d.code == "D033");
  CHECK(d.message == "milestone 开团 has no date");
}

TEST_CASE("年末 and 年初 are the month around the campaign's new year, by edge", "[timeline]") {
  auto year_end = parse("年末");
  auto year_start = parse("年初");
  // The first milestone with a date of its own is in 2027: 年末 is December 2026.
  auto c = template_with("  报名: 开团前30天\n  开团: {default: 2027-01-15T10:00}\n");
  Timeline timeline(c);
  auto p = timeline.point(year_end, Edge::start);
  CHECK(p.day_level);
  CHECK(iso(timeline, p.at) == "2026-12-01T00:00:00+08:00");
  CHECK(format_date(timeline.day(year_end, Edge::end)) == "2026-12-31");
  CHECK(format_date(timeline.day(year_start, Edge::start)) == "2027-01-01");
  CHECK(format_date(timeline.day(year_start, Edge::end)) == "2027-01-31");
  // With no dated milestone the year is 2026.
  auto undated = template_with("  开团:\n");
  Timeline plain(undated);
  CHECK(format_date(plain.day(year_end)) == "2025-12-01");
  CHECK(format_date(plain.day(year_start, Edge::end)) == "2026-01-31");
  // `dacu when` counts from the first milestone given.
  auto when = when_timeline({{"开团", at("2027-06-18T20:00"), {}}, {"报名", at("2026-05-01"), {}}});
  CHECK(format_date(when.day(year_end)) == "2026-12-01");
}

TEST_CASE("roll rules move a day off to the next or previous working day over 国庆 2026", "[timeline]") {
  auto timeline = when_timeline(moments());
  auto roll = [&](std::string_view d, Roll rule) { return format_date(timeline.roll(day(d), rule)); };
  CHECK(roll("2026-10-03", Roll::next) == "2026-10-08");
  CHECK(roll("2026-10-03", Roll::previous) == "2026-09-30");
  CHECK(roll("2026-10-01", Roll::previous) == "2026-09-30");
  CHECK(roll("2026-10-07", Roll::next) == "2026-10-08");
  CHECK(roll("2026-10-03", Roll::none) == "2026-10-03");
  // Working days stay, the 调休 Saturday too.
  CHECK(roll("2026-10-09", Roll::next) == "2026-10-09");
  CHECK(roll("2026-10-10", Roll::next) == "2026-10-10");
  CHECK(roll("2026-10-10", Roll::previous) == "2026-10-10");
  // 中秋节 2026-09-25 … 27 (Friday to Sunday) rolls back to Thursday.
  CHECK(roll("2026-09-27", Roll::previous) == "2026-09-24");
  CHECK(timeline.warnings().empty());
}

TEST_CASE("warnings give D060 once per year the calendar lacks, in year order", "[timeline]") {
  Location calendar_where{make_source("c.yaml", "calendar: cn\n"), 1, 11};
  auto timeline = when_timeline({{"开团", at("2026-12-30T10:00"), {}}}, calendar_where);
  // Into 2027 by working days: without its arrangement only weekends are off, 元旦 is worked.
  CHECK(format_date(timeline.day(parse("开团后3个工作日"))) == "2027-01-04");
  timeline.roll(day("2028-05-01"), Roll::next);
  timeline.roll(day("2027-10-01"), Roll::previous);
  timeline.roll(day("2028-10-01"), Roll::next);
  timeline.roll(day("2029-10-01"), Roll::none);  // roll: none does not consult the calendar
  auto ws = timeline.warnings();
  REQUIRE(ws.size() == 2);
  for (std::size_t i = 0; i < ws.size(); ++i) {
    auto year = 2027 + static_cast<int>(i);
    INFO(year);
    CHECK(ws[i].severity == Severity::warning);
    CHECK(ws[i].code == "D060");
    CHECK(where(ws[i].where) == "c.yaml:1:11");
    CHECK(ws[i].message == fmt::format("calendar cn has no official holiday arrangement for {}: only weekends count as "
                                       "days off", year));
    CHECK(ws[i].hint == fmt::format("add {} to templates/calendars/cn.yaml once the State Council publishes it, or "
                                    "list the days under calendar: days_off / workdays", year));
  }
}

TEST_CASE("zoned gives the zone's UTC offset at each moment", "[timeline]") {
  auto shanghai = when_timeline(moments());
  auto january = date::local_seconds{day("2026-01-15")} + std::chrono::hours(12);
  auto july = date::local_seconds{day("2026-07-15")} + std::chrono::hours(12);
  CHECK(shanghai.zoned(january).iso() == "2026-01-15T12:00:00+08:00");
  CHECK(shanghai.zoned(july).iso() == "2026-07-15T12:00:00+08:00");
  CHECK(shanghai.zoned(july).utc_offset == std::chrono::hours(8));

  Timeline new_york(moments(), *builtin_calendar("cn"), Located{"America/New_York", {}}, {});
  CHECK(new_york.zoned(january).iso() == "2026-01-15T12:00:00-05:00");
  CHECK(new_york.zoned(january).utc_offset == -std::chrono::hours(5));
  CHECK(new_york.zoned(july).iso() == "2026-07-15T12:00:00-04:00");
  CHECK(new_york.zoned(july).utc_offset == -std::chrono::hours(4));
  CHECK(new_york.zoned(july).local == july);
}

TEST_CASE("hour offsets are elapsed time across a clock change", "[timeline]") {
  // New York springs forward at 02:00 on 2026-03-08: one hour after 01:30 is 03:30.
  Timeline new_york(std::vector<MilestoneMoment>{{"开团", at("2026-03-08T01:30"), {}}}, *builtin_calendar("cn"),
                    Located{"America/New_York", {}}, {});
  CHECK(new_york.zoned(new_york.point(parse("开团后1小时")).at).iso() == "2026-03-08T03:30:00-04:00");
  CHECK(new_york.zoned(new_york.point(parse("开团后1天")).at).iso() == "2026-03-09T01:30:00-04:00");
}

TEST_CASE("an unknown time zone is D021 at its name", "[timeline]") {
  Location zone_where{make_source("t.yaml", "timezone: Asia/Beijing\n"), 1, 11};
  auto d = error_of([&] { find_zone(Located{"Asia/Beijing", zone_where}); });
  CHECK(d.code == "D021");
  CHECK(where(d.where) == "t.yaml:1:11");
  CHECK(d.message == "unknown time zone 'Asia/Beijing'");
  CHECK(d.hint == "use an IANA name such as Asia/Shanghai");
}
