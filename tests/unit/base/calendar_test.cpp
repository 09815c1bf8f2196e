// The working-day calendar: the built-in 2026 arrangement day by day, moving over days off, and
// reading calendar files.

#include <catch2/catch.hpp>

#include <string>

#include "dacu/base/calendar.hpp"
#include "dacu/input/calendar_file.hpp"
#include "dacu/base/timefmt.hpp"

using namespace dacu;

namespace {

date::local_days day(std::string_view text) { return *parse_date(text); }

const Calendar& cn() { return *builtin_calendar("cn"); }

struct DayRow {
  const char* day;
  bool working;
  const char* holiday;  // the holiday's name, "" when none
  bool makeup;
};

// 国务院办公厅关于2026年部分节假日安排的通知: every holiday and make-up day, plus the days around them.
const DayRow kDays[] = {
    // 元旦: 1月1日（周四）至3日（周六）放假，1月4日（周日）上班.
    {"2025-12-31", true, "", false},
    {"2026-01-01", false, "元旦", false},
    {"2026-01-02", false, "元旦", false},
    {"2026-01-03", false, "元旦", false},
    {"2026-01-04", true, "", true},
    {"2026-01-05", true, "", false},
    // 春节: 2月15日（周日）至23日（周一）放假，2月14日（周六）、2月28日（周六）上班.
    {"2026-02-13", true, "", false},
    {"2026-02-14", true, "", true},
    {"2026-02-15", false, "春节", false},
    {"2026-02-16", false, "春节", false},
    {"2026-02-17", false, "春节", false},
    {"2026-02-18", false, "春节", false},
    {"2026-02-19", false, "春节", false},
    {"2026-02-20", false, "春节", false},
    {"2026-02-21", false, "春节", false},
    {"2026-02-22", false, "春节", false},
    {"2026-02-23", false, "春节", false},
    {"2026-02-24", true, "", false},
    {"2026-02-28", true, "", true},
    {"2026-03-01", false, "", false},
    // 清明节: 4月4日（周六）至6日（周一）.
    {"2026-04-03", true, "", false},
    {"2026-04-04", false, "清明节", false},
    {"2026-04-05", false, "清明节", false},
    {"2026-04-06", false, "清明节", false},
    {"2026-04-07", true, "", false},
    // 劳动节: 5月1日（周五）至5日（周二），5月9日（周六）上班.
    {"2026-04-30", true, "", false},
    {"2026-05-01", false, "劳动节", false},
    {"2026-05-02", false, "劳动节", false},
    {"2026-05-03", false, "劳动节", false},
    {"2026-05-04", false, "劳动节", false},
    {"2026-05-05", false, "劳动节", false},
    {"2026-05-06", true, "", false},
    {"2026-05-09", true, "", true},
    {"2026-05-10", false, "", false},
    // 端午节: 6月19日（周五）至21日（周日）.
    {"2026-06-18", true, "", false},
    {"2026-06-19", false, "端午节", false},
    {"2026-06-20", false, "端午节", false},
    {"2026-06-21", false, "端午节", false},
    {"2026-06-22", true, "", false},
    // 中秋节: 9月25日（周五）至27日（周日）.
    {"2026-09-24", true, "", false},
    {"2026-09-25", false, "中秋节", false},
    {"2026-09-26", false, "中秋节", false},
    {"2026-09-27", false, "中秋节", false},
    {"2026-09-28", true, "", false},
    // 国庆节: 10月1日（周四）至7日（周三），9月20日（周日）、10月10日（周六）上班.
    {"2026-09-19", false, "", false},
    {"2026-09-20", true, "", true},
    {"2026-09-30", true, "", false},
    {"2026-10-01", false, "国庆节", false},
    {"2026-10-02", false, "国庆节", false},
    {"2026-10-03", false, "国庆节", false},
    {"2026-10-04", false, "国庆节", false},
    {"2026-10-05", false, "国庆节", false},
    {"2026-10-06", false, "国庆节", false},
    {"2026-10-07", false, "国庆节", false},
    {"2026-10-08", true, "", false},
    {"2026-10-09", true, "", false},
    {"2026-10-10", true, "", true},
    {"2026-10-11", false, "", false},
    // An ordinary week.
    {"2026-12-18", true, "", false},
    {"2026-12-19", false, "", false},
    {"2026-12-20", false, "", false},
    {"2026-12-21", true, "", false},
};

}  // namespace

TEST_CASE("the built-in cn calendar holds the State Council's 2026 arrangement day by day", "[calendar]") {
  auto row = GENERATE(from_range(std::begin(kDays), std::end(kDays)));
  INFO("day: " << row.day);
  CHECK(cn().is_working_day(day(row.day)) == row.working);
  CHECK(cn().holiday_name(day(row.day)) == row.holiday);
  CHECK(cn().is_makeup_workday(day(row.day)) == row.makeup);
}

TEST_CASE("the 2026 arrangement has 33 holidays and 6 make-up working days", "[calendar]") {
  int holidays = 0, makeups = 0;
  for (auto d = day("2026-01-01"); d <= day("2026-12-31"); d += date::days{1}) {
    if (!cn().holiday_name(d).empty()) ++holidays;
    if (cn().is_makeup_workday(d)) ++makeups;
  }
  CHECK(holidays == 3 + 9 + 3 + 5 + 3 + 3 + 7);
  CHECK(makeups == 6);
}

TEST_CASE("the cn calendar covers 2025 and 2026 and not 2027", "[calendar]") {
  CHECK(cn().name() == "cn");
  CHECK(cn().covers(2025));
  CHECK(cn().covers(2026));
  CHECK_FALSE(cn().covers(2024));
  CHECK_FALSE(cn().covers(2027));
  CHECK(cn().covered_years() == std::set<int>{2025, 2026});
  // 2025 as published (2024-11-12): 国庆 and 中秋 together 10-01..10-08, 09-28 and 10-11 worked.
  CHECK_FALSE(cn().is_working_day(day("2025-10-08")));
  CHECK(cn().is_working_day(day("2025-09-28")));
  CHECK(cn().is_working_day(day("2025-10-11")));
  CHECK(cn().is_working_day(day("2025-01-26")));
  CHECK_FALSE(cn().is_working_day(day("2025-01-28")));
  // Outside the covered years only weekends are days off: 2027-01-01 is a Friday.
  CHECK(cn().is_working_day(day("2027-01-01")));
  CHECK_FALSE(cn().is_working_day(day("2027-01-02")));
}

TEST_CASE("builtin calendars are found by name", "[calendar]") {
  CHECK(builtin_calendar_names() == std::vector<std::string>{"cn"});
  CHECK(builtin_calendar("cn") != nullptr);
  CHECK(builtin_calendar("us") == nullptr);
}

TEST_CASE("next and previous working day step over days off", "[calendar]") {
  auto next = [](const char* d) { return format_date(cn().next_working_day(day(d))); };
  auto previous = [](const char* d) { return format_date(cn().previous_working_day(day(d))); };
  CHECK(next("2026-10-08") == "2026-10-08");      // already a working day
  CHECK(next("2026-10-01") == "2026-10-08");      // 国庆
  CHECK(next("2026-10-03") == "2026-10-08");
  CHECK(next("2026-02-15") == "2026-02-24");      // 春节
  CHECK(next("2026-09-19") == "2026-09-20");      // Saturday before a 调休 Sunday
  CHECK(next("2026-12-19") == "2026-12-21");      // an ordinary weekend
  CHECK(previous("2026-10-07") == "2026-09-30");
  CHECK(previous("2026-02-23") == "2026-02-14");  // a 调休 Saturday
  CHECK(previous("2026-01-03") == "2025-12-31");
  CHECK(previous("2026-12-20") == "2026-12-18");
  CHECK(previous("2026-10-10") == "2026-10-10");  // a 调休 Saturday is a working day
}

TEST_CASE("adding working days skips holidays and counts make-up days", "[calendar]") {
  auto add = [](const char* d, int n) { return format_date(cn().add_working_days(day(d), n)); };
  // 开团前3个工作日 with 开团 2026-10-09: 10-08, then over 国庆 to 09-30 and 09-29.
  CHECK(add("2026-10-09", -3) == "2026-09-29");
  // 报名前2个工作日 with 报名 2026-09-22: 09-21 (Mon), 09-20 (a 调休 Sunday).
  CHECK(add("2026-09-22", -2) == "2026-09-20");
  CHECK(add("2026-09-30", 1) == "2026-10-08");
  CHECK(add("2026-09-30", 3) == "2026-10-10");
  CHECK(add("2026-10-10", -1) == "2026-10-09");
  // 春节: 02-14 (a 调休 Saturday) is followed by nine days off.
  CHECK(add("2026-02-13", 1) == "2026-02-14");
  CHECK(add("2026-02-13", 2) == "2026-02-24");
  CHECK(add("2026-02-24", -1) == "2026-02-14");
  CHECK(add("2026-02-27", 1) == "2026-02-28");
  // Zero is the day itself, even a day off; the day itself is never counted.
  CHECK(add("2026-10-01", 0) == "2026-10-01");
  CHECK(add("2026-10-01", 1) == "2026-10-08");
  CHECK(add("2026-10-01", -1) == "2026-09-30");
  // Across the year end, where 2027 has weekends only.
  CHECK(add("2026-12-31", 1) == "2027-01-01");
  CHECK(add("2026-12-31", 2) == "2027-01-04");
}

TEST_CASE("a campaign's own days off and workdays change a copy of the calendar", "[calendar]") {
  Calendar c = cn();
  c.add_holiday(day("2026-12-24"), "休息日");
  c.add_workday(day("2026-12-19"));
  CHECK_FALSE(c.is_working_day(day("2026-12-24")));
  CHECK(c.holiday_name(day("2026-12-24")) == "休息日");
  CHECK(c.is_working_day(day("2026-12-19")));
  CHECK(cn().is_working_day(day("2026-12-24")));
  CHECK_FALSE(cn().is_working_day(day("2026-12-19")));
}

TEST_CASE("a calendar file is read with its weekend, holidays and workdays", "[calendar]") {
  auto c = parse_calendar(
      "dacu: 1\n"
      "kind: calendar\n"
      "name: shop\n"
      "weekend: [日]\n"
      "years:\n"
      "  2027:\n"
      "    holidays:\n"
      "      春节: [2027-02-06, 2027-02-08]\n"
      "    workdays: [2027-02-07]\n",
      "shop.yaml");
  CHECK(c.name() == "shop");
  CHECK(c.covers(2027));
  CHECK(c.is_working_day(day("2027-01-02")));        // Saturday: not a weekend day here
  CHECK_FALSE(c.is_working_day(day("2027-01-03")));  // Sunday
  CHECK(c.holiday_name(day("2027-02-06")) == "春节");
  CHECK_FALSE(c.is_working_day(day("2027-02-08")));
  CHECK(c.is_working_day(day("2027-02-07")));        // a workday beats the holiday and the weekend
}

namespace {

struct CalendarFailure {
  const char* name;
  const char* text;
  const char* code;
  int line;
  int column;
  const char* message;
  const char* hint;
};

const CalendarFailure kCalendarFailures[] = {
    {"a day that does not exist",
     "dacu: 1\nkind: calendar\nname: x\nyears:\n  2026:\n    holidays:\n      国庆节: [2026-02-30, 2026-10-07]\n",
     "D020", 7, 13, "'2026-02-30' is not a date",
     "that day does not exist; check the month (01–12) and the month's length"},
    {"a date with the year last",
     "dacu: 1\nkind: calendar\nname: x\nyears:\n  2026:\n    workdays: [10/11/2026]\n",
     "D020", 6, 16, "'10/11/2026' is not a date: it has the year last, so month and day cannot be told apart",
     "write the date year first: 2026-10-11 or 2026-11-10, whichever you mean"},
    {"a holiday range that runs backwards",
     "dacu: 1\nkind: calendar\nname: x\nyears:\n  2026:\n    holidays:\n      国庆节: [2026-10-07, 2026-10-01]\n",
     "D034", 7, 25, "holiday 国庆节 ends before it starts", "write the first day off, then the last: [2026-10-01, 2026-10-07]"},
    {"a holiday with one day",
     "dacu: 1\nkind: calendar\nname: x\nyears:\n  2026:\n    holidays:\n      国庆节: [2026-10-07]\n",
     "D004", 7, 12, "holiday 国庆节 must give its first and last day", "write it as [2026-10-01, 2026-10-07]"},
    {"a workday listed under another year",
     "dacu: 1\nkind: calendar\nname: x\nyears:\n  2026:\n    workdays: [2027-01-04]\n",
     "D020", 6, 16, "2027-01-04 is not in 2026", "list each day under its own year"},
    {"a year that is not a number",
     "dacu: 1\nkind: calendar\nname: x\nyears:\n  二〇二六:\n    workdays: []\n",
     "D004", 5, 3, "'二〇二六' is not a year", "write the year as 2026"},
    {"a weekday that does not exist",
     "dacu: 1\nkind: calendar\nname: x\nweekend: [六, 八]\n",
     "D004", 4, 14, "'八' is not a weekday", "write weekdays as 一 二 三 四 五 六 日 (or mon … sun)"},
    {"a document of another kind",
     "dacu: 1\nkind: template\nname: x\n",
     "D006", 2, 7, "expected `kind: calendar`, found 'template'", "a calendar file starts with `dacu: 1` and `kind: calendar`"},
};

}  // namespace

TEST_CASE("calendar files with mistakes are refused with a located message", "[calendar]") {
  auto f = GENERATE(from_range(std::begin(kCalendarFailures), std::end(kCalendarFailures)));
  INFO(f.name);
  try {
    parse_calendar(f.text, "cal.yaml");
    FAIL("no error");
  } catch (const InputError& e) {
    const auto& d = e.diagnostic();
    CHECK(d.code == f.code);
    CHECK(d.message == f.message);
    CHECK(d.hint == f.hint);
    CHECK(d.where.file_name() == "cal.yaml");
    CHECK(d.where.line == f.line);
    CHECK(d.where.column == f.column);
  }
}
