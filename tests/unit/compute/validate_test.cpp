// `dacu validate` on text: what loads but is probably wrong (D101–D105), every problem of a file
// at once and sorted by location, calendar documents, and the counts by severity.

#include "dacu/compute/validate.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "support.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/input/sources.hpp"

using namespace dacu;
using dacu::test::where;

namespace {

constexpr const char* kHeader =
    "dacu: 1\n"                        // 1
    "kind: template\n"                 // 2
    "name: 校验\n";                    // 3

// A standalone template's problems, read through a loader with no files.
std::vector<Diagnostic> validate(std::string_view text) {
  MemorySources none;
  Loader loader(none);
  return validate_text(text, "v.yaml", ".", loader);
}

// "CODE file:line:col message", one string per diagnostic, for whole-list comparisons.
std::vector<std::string> lines_of(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(fmt::format("{} {} {}", d.code, where(d.where), d.message));
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("a milestone nothing refers to is D101, a warning at its name", "[validate]") {
  auto ds = validate(std::string(kHeader) +
                     "departments:\n"                                                                  // 4
                     "  运营: {lead: 运营主管}\n"                                                      // 5
                     "milestones:\n"                                                                   // 6
                     "  预热: {default: 2026-12-15}\n"                                                 // 7
                     "  开团: {default: 2026-12-18T10:00}\n"                                           // 8
                     "tasks:\n"                                                                        // 9
                     "  - {name: 报名, department: 运营, owner: 运营主管, phase: 活动前, start: 开团前3天}\n");  // 10
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].severity == Severity::warning);
  CHECK(ds[0].code == "D101");
  CHECK(where(ds[0].where) == "v.yaml:7:3");
  CHECK(ds[0].message == "milestone 预热 is declared but nothing uses it");
  CHECK(ds[0].hint == "remove it, or anchor a task or checkpoint to it");
}

TEST_CASE("a milestone used by another milestone, a checkpoint or a phase is not D101", "[validate]") {
  auto ds = validate(std::string(kHeader) +
                     "phases: [活动前, {name: 活动中, from: 开团}]\n"
                     "departments:\n"
                     "  运营: {lead: 运营主管}\n"
                     "milestones:\n"
                     "  报名: {default: 2026-11-18T10:00}\n"
                     "  开团: 报名后30天\n"
                     "  结束: {default: 2026-12-19T10:00}\n"
                     "tasks:\n"
                     "  - {name: 报名准备, department: 运营, owner: 运营主管, phase: 活动前, start: 报名前3天}\n"
                     "checkpoints:\n"
                     "  - {name: 收官, at: 结束, metric: 支付笔数, plan: 300}\n");
  CHECK(lines_of(ds) == Lines{});
}

TEST_CASE("a parameter whose name appears nowhere else is D102, a warning at its name", "[validate]") {
  auto ds = validate(std::string(kHeader) +
                     "departments:\n"                                                                  // 4
                     "  运营: {lead: 运营主管}\n"                                                      // 5
                     "milestones:\n"                                                                   // 6
                     "  开团: {default: 2026-12-18T10:00}\n"                                           // 7
                     "parameters:\n"                                                                   // 8
                     "  件数: {type: integer, default: 100}\n"                                         // 9
                     "  系数: {type: number, default: 1.5}\n"                                          // 10
                     "tasks:\n"                                                                        // 11
                     "  - {name: 报名, department: 运营, owner: 运营主管, phase: 活动前, start: 开团前3天, "
                     "note: 按系数备货}\n");                                                           // 12
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].severity == Severity::warning);
  CHECK(ds[0].code == "D102");
  CHECK(where(ds[0].where) == "v.yaml:9:3");
  CHECK(ds[0].message == "parameter 件数 is declared but nothing uses it");
  CHECK(ds[0].hint == "remove it, or refer to it in a formula");
}

TEST_CASE("a task starting after the next phase began is D103 at its phase", "[validate]") {
  auto ds = validate(std::string(kHeader) +
                     "phases: [活动前, {name: 活动中, from: 开团}, 活动后]\n"                          // 4
                     "departments:\n"                                                                  // 5
                     "  运营: {lead: 运营主管}\n"                                                      // 6
                     "milestones:\n"                                                                   // 7
                     "  开团: {default: 2026-12-18T10:00}\n"                                           // 8
                     "tasks:\n"                                                                        // 9
                     "  - {name: 复盘, department: 运营, owner: 运营主管, phase: 活动前, start: 开团后2天}\n"      // 10
                     "  - {name: 准点, department: 运营, owner: 运营主管, phase: 活动前, start: 开团当天10:00}\n"  // 11
                     "  - {name: 晚一分, department: 运营, owner: 运营主管, phase: 活动前, start: 开团当天10:01}\n");  // 12
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].severity == Severity::error);
  CHECK(ds[0].code == "D103");
  CHECK(where(ds[0].where) == "v.yaml:10:52");
  CHECK(ds[0].message == "task 复盘 is in 活动前 but starts 2026-12-20, after 活动中 begins (2026-12-18T10:00:00+08:00)");
  CHECK(ds[0].hint == "move it to phase 活动中, or change its start");
  // A timed task is late to the minute; one starting at 开团 exactly is not.
  CHECK(ds[1].code == "D103");
  CHECK(where(ds[1].where) == "v.yaml:12:53");
  CHECK(ds[1].message ==
        "task 晚一分 is in 活动前 but starts 2026-12-18T10:01:00+08:00, after 活动中 begins (2026-12-18T10:00:00+08:00)");
  CHECK(ds[1].hint == "move it to phase 活动中, or change its start");
}

TEST_CASE("a task ending on a day before its own phase began is D103 at its phase", "[validate]") {
  auto ds = validate(std::string(kHeader) +
                     "phases: [{name: 筹备, from: 报名}, 活动前, {name: 活动中, from: 开团}]\n"        // 4
                     "departments:\n"                                                                  // 5
                     "  运营: {lead: 运营主管}\n"                                                      // 6
                     "milestones:\n"                                                                   // 7
                     "  报名: {default: 2026-11-20T10:00}\n"                                           // 8
                     "  开团: {default: 2026-12-18T10:00}\n"                                           // 9
                     "tasks:\n"                                                                        // 10
                     "  - {name: 预热, department: 运营, owner: 运营主管, phase: 活动中, start: 开团前2天}\n"      // 11
                     "  - {name: 早班, department: 运营, owner: 运营主管, phase: 活动中, start: 开团当天08:00}\n"  // 12
                     "  - {name: 调研, department: 运营, owner: 运营主管, phase: 筹备, start: 报名前1天}\n");      // 13
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].code == "D103");
  CHECK(ds[0].severity == Severity::error);
  CHECK(where(ds[0].where) == "v.yaml:11:52");
  CHECK(ds[0].message == "task 预热 is in 活动中 but ends 2026-12-16, before 活动中 begins (2026-12-18)");
  CHECK(ds[0].hint == "move it to phase 活动前, or change its timing");
  // The first phase has no phase before it to suggest; the 08:00 shift on the 开团 day is not early.
  CHECK(ds[1].code == "D103");
  CHECK(where(ds[1].where) == "v.yaml:13:52");
  CHECK(ds[1].message == "task 调研 is in 筹备 but ends 2026-11-19, before 筹备 begins (2026-11-20)");
  CHECK(ds[1].hint == "change its timing");
}

namespace {

constexpr std::string_view kShopTemplate =
    "dacu: 1\n"                                                                                           // 1
    "kind: template\n"                                                                                    // 2
    "name: 小团\n"                                                                                        // 3
    "departments:\n"                                                                                      // 4
    "  运营: {lead: 运营主管}\n"                                                                          // 5
    "milestones:\n"                                                                                       // 6
    "  开团:\n"                                                                                           // 7
    "tasks:\n"                                                                                            // 8
    "  - {name: 备货, department: 运营, owner: 运营主管, phase: 活动前, start: 开团前2天}\n"              // 9
    "  - {name: 盘点, department: 运营, owner: 运营主管, phase: 活动前, start: 开团前1天, roll: none}\n"; // 10

// 开团 on 2026-10-03, a Saturday in the 国庆节 holiday.
constexpr std::string_view kShopCampaign =
    "dacu: 1\n"                                                                                           // 1
    "kind: campaign\n"                                                                                    // 2
    "name: 测试店\n"                                                                                      // 3
    "extends: ../tpl/小团.yaml\n"                                                                         // 4
    "milestones:\n"                                                                                       // 5
    "  开团: 2026-10-03T10:00\n"                                                                          // 6
    "tasks:\n"                                                                                            // 7
    "  add:\n"                                                                                            // 8
    "    - {name: 周日巡检, department: 运营, owner: 运营主管, phase: 活动后, start: 开团后8天}\n"        // 9
    "    - {name: 周日复盘, department: 运营, owner: 运营主管, phase: 活动后, start: 开团后8天, roll: none}\n"  // 10
    "    - {name: 调休值班, department: 运营, owner: 运营主管, phase: 活动后, start: 开团后7天}\n";       // 11

}  // namespace

TEST_CASE("a campaign task on a day off without a roll rule is D104 at its start", "[validate]") {
  MemorySources files;
  files.add("tpl/小团.yaml", std::string(kShopTemplate));
  Loader loader(files);
  loader.set_template_dirs({"tpl"});  // the template sits beside the shop's folder, not in it
  auto ds = validate_text(kShopCampaign, "shop/c.yaml", "shop", loader);
  // 盘点 and 周日复盘 say roll: none; 调休值班 is on 2026-10-10, a Saturday worked for 国庆.
  // 备货, the template's own task, lands on 2026-10-01 (国庆节) and is not reported: the campaign
  // hears once that its 开团 is in the holiday (D106), at the milestone.
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].severity == Severity::warning);
  CHECK(ds[0].code == "D106");
  CHECK(where(ds[0].where) == "shop/c.yaml:6:7");
  CHECK(ds[0].message == "milestone 开团 is on 2026-10-03 周六, a public holiday (国庆节)");
  CHECK(ds[1].severity == Severity::warning);
  CHECK(ds[1].code == "D104");
  CHECK(where(ds[1].where) == "shop/c.yaml:9:68");
  CHECK(ds[1].message == "task 周日巡检 starts on 2026-10-11 周日, a day off");
  CHECK(ds[1].hint == "add `roll: 顺延` to move it to the next working day, or `roll: none` to keep it on purpose");
}

TEST_CASE("a template task the campaign changed is D104, with the change to write in the campaign", "[validate]") {
  MemorySources files;
  files.add("tpl/小团.yaml", std::string(kShopTemplate));
  Loader loader(files);
  loader.set_template_dirs({"tpl"});
  auto ds = validate_text(
      "dacu: 1\nkind: campaign\nname: 测试店\nextends: ../tpl/小团.yaml\n"
      "milestones: {开团: 2026-10-13T10:00}\n"
      "tasks:\n  change:\n    备货: {owner: 运营主管, start: 开团前3天}\n",
      "shop/c.yaml", "shop", loader);
  // 开团前3天 is 2026-10-10, a Saturday worked for 国庆: a working day. 开团前2天 would be Sunday
  // 10-11; the change above moved it, so the campaign owns the day.
  CHECK(lines_of(ds) == Lines{});
  auto sunday = validate_text(
      "dacu: 1\nkind: campaign\nname: 测试店\nextends: ../tpl/小团.yaml\n"
      "milestones: {开团: 2026-10-13T10:00}\n"
      "tasks:\n  change:\n    备货: {owner: 运营主管}\n",
      "shop/c.yaml", "shop", loader);
  REQUIRE(sunday.size() == 1);
  CHECK(sunday[0].code == "D104");
  CHECK(where(sunday[0].where) == "tpl/小团.yaml:9:64");
  CHECK(sunday[0].message == "task 备货 starts on 2026-10-11 周日, a day off");
  CHECK(sunday[0].hint ==
        "in shop/c.yaml, add `tasks: {change: {备货: {roll: 顺延}}}` to move it to the next working day, "
        "or `roll: none` to keep it on purpose");
}

TEST_CASE("a roll rule moves the task off the day off and silences D104", "[validate]") {
  MemorySources files;
  files.add("tpl/小团.yaml", std::string(kShopTemplate));
  Loader loader(files);
  loader.set_template_dirs({"tpl"});  // the template sits beside the shop's folder, not in it
  auto ds = validate_text(
      "dacu: 1\nkind: campaign\nname: 测试店\nextends: ../tpl/小团.yaml\n"
      "milestones: {开团: 2026-10-13T10:00}\n"
      "tasks:\n  change:\n    备货: {roll: 顺延}\n",
      "shop/c.yaml", "shop", loader);
  CHECK(lines_of(ds) == Lines{});
}

TEST_CASE("a fresh campaign that only dates its milestones hears nothing of the template", "[validate]") {
  MemorySources files;
  files.add("tpl/小团.yaml", std::string(kShopTemplate));
  Loader loader(files);
  loader.set_template_dirs({"tpl"});
  // 开团 on Tuesday 2026-10-13: 备货 (开团前2天) is on Sunday 10-11, as the template counted.
  auto ds = validate_text("dacu: 1\nkind: campaign\nname: 测试店\nextends: ../tpl/小团.yaml\n"
                          "milestones: {开团: 2026-10-13T10:00}\n",
                          "shop/c.yaml", "shop", loader);
  CHECK(lines_of(ds) == Lines{});
}

TEST_CASE("a standalone template is not checked for days off", "[validate]") {
  auto ds = validate(std::string(kHeader) +
                     "departments: {运营: {lead: 运营主管}}\n"
                     "milestones: {开团: {default: 2026-10-03T10:00}}\n"
                     "tasks:\n"
                     "  - {name: 备货, department: 运营, owner: 运营主管, phase: 活动前, start: 开团前2天}\n");
  CHECK(lines_of(ds) == Lines{});
}

TEST_CASE("one owner on two timed tasks at once is D105 at the later task's owner", "[validate]") {
  auto ds = validate(std::string(kHeader) +
                     "departments:\n"                                                                  // 4
                     "  运营: {lead: 运营主管}\n"                                                      // 5
                     "  推广: {lead: 推广主管}\n"                                                      // 6
                     "milestones:\n"                                                                   // 7
                     "  开团: {default: 2026-12-18T10:00}\n"                                           // 8
                     "tasks:\n"                                                                        // 9
                     "  - {name: 开团巡检, department: 运营, owner: 运营主管, phase: 活动中, start: 开团当天10:00}\n"   // 10
                     "  - {name: 开团播报, department: 运营, owner: 运营主管, phase: 活动中, start: 开团当天10:00}\n"   // 11
                     "  - {name: 直播, department: 推广, owner: 推广主管, phase: 活动中, start: 开团, duration: 2h}\n"  // 12
                     "  - {name: 答疑, department: 推广, owner: 推广主管, phase: 活动中, start: 开团后1小时, duration: 30min}\n"  // 13
                     "  - {name: 复盘, department: 推广, owner: 推广主管, phase: 活动中, start: 开团后2小时, duration: 1h}\n");  // 14
  // 复盘 starts as 直播 ends: no overlap.
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].severity == Severity::warning);
  CHECK(ds[0].code == "D105");
  CHECK(where(ds[0].where) == "v.yaml:11:41");
  CHECK(ds[0].message == "运营主管 is booked on 开团巡检 and 开团播报 at the same time (2026-12-18T10:00:00+08:00)");
  CHECK(ds[0].hint == "dacu never moves a task to resolve this: give one of them another owner or time");
  CHECK(ds[1].code == "D105");
  CHECK(where(ds[1].where) == "v.yaml:13:39");
  CHECK(ds[1].message == "推广主管 is booked on 直播 and 答疑 at the same time (2026-12-18T11:00:00+08:00)");
}

TEST_CASE("a moment at the start of a timed task of the same owner is D105", "[validate]") {
  // 开团巡检 at 10:00 sharp and 直播 from 10:00 to 12:00: the owner is on both at 10:00, as with a
  // moment at 10:30 (which is reported). The moment sorts first, having the earlier end, and a
  // moment that sorts first is never compared as inside the other task.
  auto ds = validate(std::string(kHeader) +
                     "departments:\n"                                                                  // 4
                     "  运营: {lead: 运营主管}\n"                                                      // 5
                     "milestones:\n"                                                                   // 6
                     "  开团: {default: 2026-12-18T10:00}\n"                                           // 7
                     "tasks:\n"                                                                        // 8
                     "  - {name: 开团巡检, department: 运营, owner: 运营主管, phase: 活动中, start: 开团}\n"  // 9
                     "  - {name: 直播, department: 运营, owner: 运营主管, phase: 活动中, start: 开团, duration: 2h}\n");  // 10
  CHECK(lines_of(ds) ==
        Lines{"D105 v.yaml:10:39 运营主管 is booked on 开团巡检 and 直播 at the same time (2026-12-18T10:00:00+08:00)"});
}

TEST_CASE("a moment inside a timed task of the same owner is D105", "[validate]") {
  auto ds = validate(std::string(kHeader) +
                     "departments:\n"                                                                  // 4
                     "  运营: {lead: 运营主管}\n"                                                      // 5
                     "milestones:\n"                                                                   // 6
                     "  开团: {default: 2026-12-18T10:00}\n"                                           // 7
                     "tasks:\n"                                                                        // 8
                     "  - {name: 开团巡检, department: 运营, owner: 运营主管, phase: 活动中, start: 开团后半小时}\n"  // 9
                     "  - {name: 直播, department: 运营, owner: 运营主管, phase: 活动中, start: 开团, duration: 2h}\n"    // 10
                     "  - {name: 收尾, department: 运营, owner: 运营主管, phase: 活动中, start: 开团后2小时}\n");       // 11
  // 收尾 at 12:00 is when 直播 ends: no overlap.
  CHECK(lines_of(ds) ==
        Lines{"D105 v.yaml:9:41 运营主管 is booked on 直播 and 开团巡检 at the same time (2026-12-18T10:30:00+08:00)"});
}

TEST_CASE("tasks of one owner at one moment are one D105 with their number, however many", "[validate]") {
  // Four at 10:00 (one of them 直播, which runs on) and a fifth at 10:30 inside 直播: one warning per
  // moment, the first three named, not the ten pairs of the four.
  auto ds = validate(std::string(kHeader) +
                     "departments:\n"                                                                  // 4
                     "  运营: {lead: 运营主管}\n"                                                      // 5
                     "milestones:\n"                                                                   // 6
                     "  开团: {default: 2026-12-18T10:00}\n"                                           // 7
                     "tasks:\n"                                                                        // 8
                     "  - {name: 直播, department: 运营, owner: 运营主管, phase: 活动中, start: 开团, duration: 2h}\n"  // 9
                     "  - {name: 甲, department: 运营, owner: 运营主管, phase: 活动中, start: 开团}\n"     // 10
                     "  - {name: 乙, department: 运营, owner: 运营主管, phase: 活动中, start: 开团}\n"     // 11
                     "  - {name: 丙, department: 运营, owner: 运营主管, phase: 活动中, start: 开团}\n"     // 12
                     "  - {name: 丁, department: 运营, owner: 运营主管, phase: 活动中, start: 开团后半小时}\n");  // 13
  CHECK(lines_of(ds) ==
        Lines{"D105 v.yaml:9:39 运营主管 is booked on 4 tasks at the same time (2026-12-18T10:00:00+08:00): 甲, 乙, 丙 and 1 more",
              "D105 v.yaml:13:38 运营主管 is booked on 直播 and 丁 at the same time (2026-12-18T10:30:00+08:00)"});
}

TEST_CASE("a calendar document is checked as a calendar", "[validate]") {
  constexpr std::string_view kCalendar =
      "dacu: 1\n"                                      // 1
      "kind: calendar\n"                               // 2
      "name: 测试日历\n"                               // 3
      "years:\n"                                       // 4
      "  2026:\n"                                      // 5
      "    holidays:\n"                                // 6
      "      国庆节: [2026-10-01, 2027-10-01]\n";      // 7
  auto ds = validate(kCalendar);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].severity == Severity::error);
  CHECK(ds[0].code == "D024");
  CHECK(where(ds[0].where) == "v.yaml:7:25");
  CHECK(ds[0].message == "holiday 国庆节 lasts 366 days, more than 31");
  CHECK(ds[0].hint == "check the last day: a public holiday is a few days, e.g. [2026-10-01, 2026-10-07]");
  CHECK(lines_of(validate("dacu: 1\nkind: calendar\nname: 测试日历\nyears:\n  2026:\n"
                          "    holidays: {国庆节: [2026-10-01, 2026-10-07]}\n")) == Lines{});
}

TEST_CASE("every problem of a file is collected and sorted by location", "[validate]") {
  auto ds = validate(std::string(kHeader) +
                     "departments: {运营: {lead: 运营主管}}\n"                                                         // 4
                     "milestones: {开团: {default: 2026-12-18T10:00}}\n"                                               // 5
                     "tasks:\n"                                                                                        // 6
                     "  - {name: 一, department: 运营, owner: 运营主管, phase: 活动前, strat: 开团前3天}\n"            // 7
                     "  - {name: 二, department: 仓储, owner: 运营主管, phase: 活动前, start: 开团前3天}\n"            // 8
                     "  - {name: 三, department: 运营, owner: 仓储主管, phase: 活动前, start: 开团前3天}\n"            // 9
                     "  - {name: 四, department: 运营, owner: 运营主管, phase: 活动前, start: 开团前三天半}\n"         // 10
                     "  - {name: 五, department: 运营, owner: 运营主管, phase: 活动前, start: 开团前2天}\n"            // 11
                     "  - {name: 五, department: 运营, owner: 运营主管, phase: 活动前, start: 开团前1天}\n");          // 12
  // Read in the order 7, 10, 12 (while reading) and 8, 9 (references, once all is read).
  CHECK(lines_of(ds) == Lines{
                            "D002 v.yaml:7:56 unknown key 'strat' in a task",
                            "D043 v.yaml:8:27 task 二: department '仓储' is not declared",
                            "D044 v.yaml:9:38 task 三: owner '仓储主管' is not a declared role",
                            "D030 v.yaml:10:68 unexpected text after the offset",
                            "D042 v.yaml:12:12 a task named 五 already exists (line 11)",
                        });
  for (const auto& d : ds) CHECK(d.severity == Severity::error);
  REQUIRE(ds.size() == 5);
  CHECK(ds[0].hint == "expected one of: name, department, owner, phase, start, end, duration, roll, note, repeat, until, source, …");
  CHECK(ds[1].hint == "expected one of: 运营");
  CHECK(ds[4].hint == "give each task its own name; use `change:` to modify an existing one");
  auto counts = count_diagnostics(ds);
  CHECK(counts.errors == 5);
  CHECK(counts.warnings == 0);
}

TEST_CASE("a file that does not parse is one diagnostic", "[validate]") {
  auto ds = validate("dacu: 1\nkind: template\nname: 校验\nname: 又一个\n");
  CHECK(lines_of(ds) == Lines{"D003 v.yaml:4:1 duplicate key 'name'"});
}

TEST_CASE("a file the sources do not hold is one D010", "[validate]") {
  MemorySources none;
  Loader loader(none);
  auto ds = validate_file("shop/none.yaml", loader);
  CHECK(lines_of(ds) == Lines{"D010 shop/none.yaml:0:0 no such file"});
}

TEST_CASE("count_diagnostics counts errors and warnings", "[validate]") {
  CHECK(count_diagnostics({}).errors == 0);
  CHECK(count_diagnostics({}).warnings == 0);
  std::vector<Diagnostic> ds{{Severity::warning, "D101", {}, "a", "", {}, {}, {}, {}},
                             {Severity::error, "D001", {}, "b", "", {}, {}, {}, {}},
                             {Severity::warning, "D105", {}, "c", "", {}, {}, {}, {}}};
  auto counts = count_diagnostics(ds);
  CHECK(counts.errors == 1);
  CHECK(counts.warnings == 2);
}
