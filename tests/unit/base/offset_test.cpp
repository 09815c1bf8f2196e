// Offsets: every timing phrase of seed 000 and the compact form, parsed to its offset and its
// canonical form; refused phrases located at the failing character. Where the phrases land on the
// calendar is plan/timeline's business (tests/unit/plan/timeline_test.cpp).

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dacu/base/offset.hpp"
#include "support.hpp"

using namespace dacu;
using Kind = Offset::Kind;

namespace {

const std::vector<std::string> kMilestones{"报名", "竞拍", "排期", "开团"};

// The offset as it would sit in a file: `start: PHRASE` on line 1, the phrase from column 8.
Location where_of(std::string_view phrase) {
  return Location{make_source("offset.yaml", "start: " + std::string(phrase) + "\n"), 1, 8};
}

Offset parse(std::string_view phrase) { return parse_offset(phrase, where_of(phrase), kMilestones); }

struct Row {
  const char* text;
  Kind kind;
  const char* anchor;
  int amount;
  int shift;  // minutes
  int clock;  // minutes after midnight
  const char* canonical;
};

const Row kRows[] = {
    // The seed's phrases.
    {"报名前20天", Kind::day, "报名", -20, 0, 0, "报名 -20d"},
    {"竞拍完后1天", Kind::day, "竞拍", 1, 0, 0, "竞拍 +1d"},
    {"竞拍后3天", Kind::day, "竞拍", 3, 0, 0, "竞拍 +3d"},
    {"竞拍前3天", Kind::day, "竞拍", -3, 0, 0, "竞拍 -3d"},
    {"竞拍成功当天", Kind::day, "竞拍", 0, 0, 0, "竞拍 +0d"},
    {"排期前15天", Kind::day, "排期", -15, 0, 0, "排期 -15d"},
    {"开团前2天", Kind::day, "开团", -2, 0, 0, "开团 -2d"},
    {"开团前1小时", Kind::moment, "开团", 0, -60, 0, "开团 -1h"},
    {"开团前半小时", Kind::moment, "开团", 0, -30, 0, "开团 -30min"},
    {"开团前1分钟", Kind::moment, "开团", 0, -1, 0, "开团 -1min"},
    {"开团后25分钟", Kind::moment, "开团", 0, 25, 0, "开团 +25min"},
    {"开团后半小时", Kind::moment, "开团", 0, 30, 0, "开团 +30min"},
    {"开团后1小时", Kind::moment, "开团", 0, 60, 0, "开团 +1h"},
    {"开团15分钟", Kind::moment, "开团", 0, 15, 0, "开团 +15min"},
    {"开团当天", Kind::day, "开团", 0, 0, 0, "开团 +0d"},
    {"开团当天15点", Kind::clock, "开团", 0, 0, 900, "开团 @15:00"},
    {"开团当天16:30", Kind::clock, "开团", 0, 0, 990, "开团 @16:30"},
    {"开团当天16点30分", Kind::clock, "开团", 0, 0, 990, "开团 @16:30"},
    {"报名当天", Kind::day, "报名", 0, 0, 0, "报名 +0d"},
    // 年末 / 年初 name no milestone: the year comes from the campaign's.
    {"年末", Kind::year_end, "", 0, 0, 0, "年末"},
    {"年初", Kind::year_start, "", 0, 0, 0, "年初"},
    {"年未", Kind::year_end, "", 0, 0, 0, "年末"},
    // Chinese numerals.
    {"开团前十五分钟", Kind::moment, "开团", 0, -15, 0, "开团 -15min"},
    {"开团前二个小时", Kind::moment, "开团", 0, -120, 0, "开团 -2h"},
    {"开团前两天", Kind::day, "开团", -2, 0, 0, "开团 -2d"},
    {"开团后一百二十分钟", Kind::moment, "开团", 0, 120, 0, "开团 +2h"},
    {"开团前二十天", Kind::day, "开团", -20, 0, 0, "开团 -20d"},
    // Working days, a clock on a day offset, weeks.
    {"报名前3个工作日", Kind::working_day, "报名", -3, 0, 0, "报名 -3wd"},
    {"开团后2个工作日", Kind::working_day, "开团", 2, 0, 0, "开团 +2wd"},
    {"开团后1天10:00", Kind::clock, "开团", 1, 0, 600, "开团 +1d @10:00"},
    {"开团前2周", Kind::day, "开团", -14, 0, 0, "开团 -14d"},
    {"开团后1星期", Kind::day, "开团", 7, 0, 0, "开团 +7d"},
    // The compact form.
    {"开团 -2d", Kind::day, "开团", -2, 0, 0, "开团 -2d"},
    {"开团 +25min", Kind::moment, "开团", 0, 25, 0, "开团 +25min"},
    {"开团 -1h", Kind::moment, "开团", 0, -60, 0, "开团 -1h"},
    {"开团 @15:00", Kind::clock, "开团", 0, 0, 900, "开团 @15:00"},
    {"开团 +1d @10:00", Kind::clock, "开团", 1, 0, 600, "开团 +1d @10:00"},
    {"开团 +3wd", Kind::working_day, "开团", 3, 0, 0, "开团 +3wd"},
    {"开团 -1w", Kind::day, "开团", -7, 0, 0, "开团 -7d"},
    {"开团", Kind::moment, "开团", 0, 0, 0, "开团"},
};

}  // namespace

TEST_CASE("every timing phrase parses to its offset", "[offset]") {
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

TEST_CASE("a milestone name that ends with 前 or 后 is D085: the grammar would read it as a direction", "[offset]") {
  // Without the rule, 报名前20天 with a milestone 报名前 is 20 days after it.
  auto o = parse_offset("报名前20天", where_of("报名前20天"), std::vector<std::string>{"报名", "报名前"});
  CHECK(o.anchor == "报名前");
  CHECK(o.amount == 20);
  auto key = Location{make_source("t.yaml", "  报名前: {}\n"), 1, 3};
  auto d = dacu::test::error_of([&] { check_milestone_name("报名前", key); });
  CHECK(d.code == "D085");
  CHECK(d.where == key);
  CHECK(d.message == "milestone name '报名前' ends with 前, which offset phrases read as 'before': 报名前20天 would count "
                     "20 days after 报名前, not from 报名");
  CHECK(d.hint == "rename it so that it does not end with 前 or 后, e.g. 报名前期");
  d = dacu::test::error_of([&] { check_milestone_name("开团后", key); });
  CHECK(d.message == "milestone name '开团后' ends with 后, which offset phrases read as 'after': 开团后20天 would count "
                     "20 days after 开团后, not from 开团");
  d = dacu::test::error_of([&] { check_milestone_name("前", key); });
  CHECK(d.message == "milestone name '前' ends with 前, which offset phrases read as 'before': 前20天 would count 20 days after 前");
  for (auto name : {"报名", "开团", "竞拍完", "预热期", "前期", "活动结束", "后台审核"}) {
    INFO(name);
    CHECK_NOTHROW(check_milestone_name(name, key));
  }
}


TEST_CASE("offset errors come from the catalogue, in Chinese when messages are", "[offset]") {
  dacu::test::InChinese zh;
  auto d = dacu::test::error_of([] { parse("开团前1个半天"); });
  CHECK(d.code == "D030");
  CHECK(d.message == "不支持半天");
  CHECK(d.hint == "改用小时，例如 开团前12小时");
  // A refusal without a hint of its own shows the forms of an offset.
  d = dacu::test::error_of([] { parse("开团前"); });
  CHECK(d.message == "「前」「后」后面应是数字");
  CHECK(d.hint.starts_with("写成 报名前20天、竞拍后3天"));
  d = dacu::test::error_of([] { parse("开幕前2天"); });
  CHECK(d.code == "D031");
  CHECK(d.message == "偏移「开幕前2天」里的里程碑「开幕」不存在");
  auto key = Location{make_source("t.yaml", "  报名前: {}\n"), 1, 3};
  d = dacu::test::error_of([&] { check_milestone_name("报名前", key); });
  CHECK(d.message == "里程碑名「报名前」以 前 结尾，偏移会把它读成「之前」：报名前20天 会算成 报名前 之后 20 天，而不是从 报名 算起");
  CHECK(d.hint == "改个名字，不要以 前 或 后 结尾，例如 报名前期");
}

TEST_CASE("full-width digits and signs read as their ASCII forms", "[offset]") {
  // Issue 17: every other value grammar folds what a Chinese input method types (fold_fullwidth);
  // offsets refused 开团前３天 with "expected a number after 前/后".
  const std::vector<std::pair<std::string, std::string>> pairs{
      {"开团前３天", "开团前3天"},         {"开团当天１０：００", "开团当天10:00"}, {"开团当天１５点３０分", "开团当天15点30分"},
      {"报名前２０天", "报名前20天"},       {"开团后１天１０：００", "开团后1天10:00"}, {"开团 －２d", "开团 -2d"},
      {"开团 ＋２５min", "开团 +25min"}, {"开团 @１５：００", "开团 @15:00"},      {"开团 ＋１d @１０:００", "开团 +1d @10:00"},
  };
  for (const auto& [wide, ascii] : pairs) {
    INFO(wide);
    auto o = parse(wide);
    CHECK(o == parse(ascii));
    CHECK(o.text == wide);
  }
}

TEST_CASE("a refused full-width phrase is located at the character as typed", "[offset]") {
  // Columns count the characters typed, not the folded ASCII: ２５ is two characters at 12–13.
  auto e = dacu::test::error_of([] { parse("开团当天２５点"); });
  CHECK(e.code == "D030");
  CHECK(e.message == "not a time of day");
  CHECK(e.where.column == 12);
  e = dacu::test::error_of([] { parse("开团前３ｘ"); });
  CHECK(e.message == "expected a unit: 天, 个工作日, 周, 小时 or 分钟");
  CHECK(e.where.column == 12);
  e = dacu::test::error_of([] { parse("开团 －２x"); });
  CHECK(e.message == "unknown unit in offset");
  CHECK(e.where.column == 13);
}

TEST_CASE("spaces around a phrase are not part of it", "[offset]") {
  auto o = parse("  开团前2天 ");
  CHECK(o.anchor == "开团");
  CHECK(o.amount == -2);
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

TEST_CASE("Chinese numerals are read as people write them, and nothing else", "[offset]") {
  auto days = [](std::string phrase) { return parse(phrase).amount; };
  CHECK(days("开团后十天") == 10);
  CHECK(days("开团后十五天") == 15);
  CHECK(days("开团后二十天") == 20);
  CHECK(days("开团后二十五天") == 25);
  CHECK(days("开团后一百天") == 100);
  CHECK(days("开团后一百零五天") == 105);
  CHECK(days("开团后一百二十天") == 120);
  CHECK(days("开团后两百天") == 200);
  CHECK(days("开团后三天") == 3);
  for (const char* bad : {"开团后三三天", "开团后十十天", "开团后二十十天", "开团后一百十天", "开团后零五天"}) {
    INFO(bad);
    try {
      parse(bad);
      FAIL("accepted");
    } catch (const InputError& e) {
      CHECK(e.diagnostic().code == "D030");
      CHECK(e.diagnostic().where.column == where_of(bad).column + 3);  // at the numeral, after 开团后
      CHECK(e.diagnostic().hint == "write it as people do: 三, 十五, 二十, 二十五, 一百零五; or in digits: 33");
    }
  }
}
