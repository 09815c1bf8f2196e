// Expansion: small literal campaigns become dated plans; the built-in 聚划算 template is planned
// for the example dates and checked as a whole.

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "support.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/plan/schedule.hpp"

using namespace dacu;
using dacu::test::error_of;
using dacu::test::where;

namespace {



// A template with one department and the milestones 报名 (given by --set), 开团 = 报名后30天 and
// 结束 = 开团当天23:59, followed by `tasks` (YAML lines under `tasks:`).
std::string small_template(std::string_view tasks, std::string_view extra = "") {
  return fmt::format(
      "dacu: 1\n"
      "kind: template\n"
      "name: 小团\n"
      "departments:\n"
      "  运营: {{lead: 运营主管}}\n"
      "  推广: {{lead: 推广主管}}\n"
      "milestones:\n"
      "  报名:\n"
      "  开团: {{at: 报名后30天}}\n"
      "  结束: 开团当天23:59\n"
      "{}"
      "tasks:\n"
      "{}",
      extra, tasks);
}

Campaign load(std::string_view text, std::vector<Override> sets = {{"报名", "2026-11-20T10:00"}}) {
  Loader loader;
  return loader.parse(text, "t.yaml", ".", sets);
}

Plan plan_of(std::string_view tasks, std::vector<Override> sets = {{"报名", "2026-11-20T10:00"}}) {
  return expand(load(small_template(tasks), std::move(sets)));
}

std::string task_line(std::string_view name, std::string_view fields, std::string_view dept = "运营",
                      std::string_view phase = "活动前") {
  std::string owner = dept == "运营" ? "运营主管" : "推广主管";
  return fmt::format("  - {{name: {}, department: {}, owner: {}, phase: {}, {}}}\n", name, dept, owner, phase, fields);
}

const DatedTask& task_named(const Plan& p, std::string_view name) {
  for (const auto& t : p.tasks) {
    if (t.name == name) return t;
  }
  FAIL("no task " << name);
  throw;
}

// "2026-11-18..2026-11-20" for all-day tasks, "START..END" in ISO with offsets for timed ones.
std::string span(const DatedTask& t) {
  if (t.all_day) return format_date(t.first_day) + ".." + format_date(t.last_day);
  return t.start.iso() + ".." + t.end.iso();
}

}  // namespace

TEST_CASE("milestones are given or derived, in template order", "[schedule]") {
  auto p = plan_of(task_line("a", "start: 报名当天"));
  REQUIRE(p.milestones.size() == 3);
  CHECK(p.milestones[0] == DatedMilestone{"报名", p.milestones[0].at, false, ""});
  CHECK(p.milestones[0].at.iso() == "2026-11-20T10:00:00+08:00");
  CHECK(p.milestones[1].name == "开团");
  CHECK(p.milestones[1].at.iso() == "2026-12-20T10:00:00+08:00");
  CHECK(p.milestones[1].rule == "报名后30天");
  CHECK(p.milestones[2].at.iso() == "2026-12-20T23:59:00+08:00");
  CHECK(p.milestones[2].rule == "开团当天23:59");
  CHECK(p.timezone == "Asia/Shanghai");
  CHECK(p.calendar == "cn");
  CHECK(p.template_name == "小团");
  CHECK(p.warnings.empty());
}

TEST_CASE("a given date wins over the template's derivation", "[schedule]") {
  auto p = plan_of(task_line("a", "start: 开团当天"), {{"报名", "2026-11-20T10:00"}, {"开团", "2026-12-21"}});
  CHECK(p.milestones[1].at.iso() == "2026-12-21T00:00:00+08:00");
  CHECK(p.milestones[1].date_only);
  CHECK(p.milestones[1].rule.empty());
  CHECK(span(p.tasks[0]) == "2026-12-21..2026-12-21");
}

TEST_CASE("all-day and timed tasks, ended by an offset or a duration", "[schedule]") {
  auto p = plan_of(task_line("全天", "start: 报名前2天, end: 报名当天") +   //
                   task_line("单日", "start: 报名前5天") +                   //
                   task_line("三天", "start: 报名前10天, duration: 3d") +    //
                   task_line("时点", "start: 开团前1小时", "运营", "活动中") +  //
                   task_line("两小时", "start: 开团, duration: 2h", "运营", "活动中") +
                   task_line("到下午", "start: 开团当天15点, end: 开团当天16:30", "运营", "活动中") +
                   task_line("到当天结束", "start: 开团后25分钟, end: 开团当天", "运营", "活动中") +
                   task_line("从当天起", "start: 开团当天, end: 开团后1小时", "运营", "活动中") +
                   task_line("一天半", "start: 开团当天, duration: 36h", "运营", "活动中"));
  CHECK(span(task_named(p, "全天")) == "2026-11-18..2026-11-20");
  CHECK(task_named(p, "全天").all_day);
  CHECK(task_named(p, "全天").start.iso() == "2026-11-18T00:00:00+08:00");
  CHECK(task_named(p, "全天").end.iso() == "2026-11-21T00:00:00+08:00");  // midnight after the last day
  CHECK(span(task_named(p, "单日")) == "2026-11-15..2026-11-15");
  CHECK(span(task_named(p, "三天")) == "2026-11-10..2026-11-12");
  CHECK(task_named(p, "三天").duration == "3d");

  const auto& moment = task_named(p, "时点");
  CHECK_FALSE(moment.all_day);
  CHECK(moment.start == moment.end);
  CHECK(span(moment) == "2026-12-20T09:00:00+08:00..2026-12-20T09:00:00+08:00");
  CHECK(span(task_named(p, "两小时")) == "2026-12-20T10:00:00+08:00..2026-12-20T12:00:00+08:00");
  CHECK(span(task_named(p, "到下午")) == "2026-12-20T15:00:00+08:00..2026-12-20T16:30:00+08:00");

  // A day-level end of a timed task is the end of that day; its last day is still that day.
  const auto& to_day_end = task_named(p, "到当天结束");
  CHECK_FALSE(to_day_end.all_day);
  CHECK(span(to_day_end) == "2026-12-20T10:25:00+08:00..2026-12-21T00:00:00+08:00");
  CHECK(format_date(to_day_end.first_day) == "2026-12-20");
  CHECK(format_date(to_day_end.last_day) == "2026-12-20");

  // A day-level start of a timed task is the start of that day.
  CHECK(span(task_named(p, "从当天起")) == "2026-12-20T00:00:00+08:00..2026-12-20T11:00:00+08:00");
  // A duration that is not whole days makes the task timed.
  const auto& day_and_half = task_named(p, "一天半");
  CHECK_FALSE(day_and_half.all_day);
  CHECK(span(day_and_half) == "2026-12-20T00:00:00+08:00..2026-12-21T12:00:00+08:00");
  CHECK(format_date(day_and_half.last_day) == "2026-12-21");
}

TEST_CASE("tasks are sorted by start, then end, then template order", "[schedule]") {
  auto p = plan_of(task_line("c", "start: 开团当天, end: 开团后2天") +  //
                   task_line("b", "start: 开团当天, end: 开团后1天") +  //
                   task_line("a", "start: 开团前1天") +                 //
                   task_line("d", "start: 开团当天, end: 开团后1天") +  //
                   task_line("e", "start: 开团前1小时", "运营", "活动中"));
  std::vector<std::string> names;
  for (const auto& t : p.tasks) names.push_back(t.name);
  // a (12-19), then 开团当天 tasks from 00:00: b and d end 12-21 (template order), c ends 12-22;
  // e starts at 09:00.
  CHECK(names == std::vector<std::string>{"a", "b", "d", "c", "e"});
  CHECK(p.tasks[1].template_order == 1);
  CHECK(p.tasks[2].template_order == 3);
}

TEST_CASE("roll 顺延 and 提前 move a day off to a working day, over 国庆", "[schedule]") {
  std::vector<Override> sets{{"报名", "2026-08-29T10:00"}};  // 开团 2026-09-28T10:00 (Mon)
  auto p = plan_of(task_line("顺延", "start: 开团后3天, roll: 顺延") +             //
                   task_line("两天", "start: 开团后3天, duration: 2d, roll: 顺延") +  //
                   task_line("提前", "start: 开团后3天, roll: 提前") +             //
                   task_line("不动", "start: 开团后3天") +                         //
                   task_line("工作日", "start: 开团后2天, roll: 顺延") +           //
                   task_line("定时", "start: 开团后3天10:00, roll: 顺延", "运营", "活动中") +
                   task_line("止于节后", "start: 开团后2天, end: 开团后5天, roll: 顺延"),
                   sets);
  CHECK(span(task_named(p, "顺延")) == "2026-10-08..2026-10-08");
  CHECK(task_named(p, "顺延").rolled);
  CHECK(span(task_named(p, "两天")) == "2026-10-08..2026-10-09");
  CHECK(span(task_named(p, "提前")) == "2026-09-30..2026-09-30");
  CHECK(task_named(p, "提前").rolled);
  CHECK(span(task_named(p, "不动")) == "2026-10-01..2026-10-01");
  CHECK_FALSE(task_named(p, "不动").rolled);
  CHECK(span(task_named(p, "工作日")) == "2026-09-30..2026-09-30");
  CHECK_FALSE(task_named(p, "工作日").rolled);
  CHECK(span(task_named(p, "定时")) == "2026-10-08T10:00:00+08:00..2026-10-08T10:00:00+08:00");
  CHECK(task_named(p, "定时").rolled);
  CHECK(span(task_named(p, "止于节后")) == "2026-09-30..2026-10-08");
  CHECK(task_named(p, "止于节后").rolled);
}

TEST_CASE("roll 顺延 honours a campaign's own days off", "[schedule]") {
  // 开团 2026-12-20 (Sun): 聚划算后续活动申报 is 开团后1天 with roll 顺延.
  auto campaign = [](std::string_view calendar) {
    return fmt::format(
        "dacu: 1\nkind: campaign\nname: 试\nextends: 聚划算\n{}milestones:\n  报名: 2026-11-20T10:00\n"
        "  开团: 2026-12-20T10:00\n",
        calendar);
  };
  Loader loader;
  auto plain = expand(loader.parse(campaign(""), "c.yaml", "."));
  CHECK(span(task_named(plain, "聚划算后续活动申报")) == "2026-12-21..2026-12-21");
  CHECK_FALSE(task_named(plain, "聚划算后续活动申报").rolled);

  auto off = expand(loader.parse(campaign("calendar:\n  base: cn\n  days_off: [2026-12-21, 2026-12-22]\n"), "c.yaml", "."));
  CHECK(span(task_named(off, "聚划算后续活动申报")) == "2026-12-23..2026-12-23");
  CHECK(task_named(off, "聚划算后续活动申报").rolled);
  // A task without a roll rule stays on the day off.
  CHECK(span(task_named(off, "跟进后续关联及促销方案")) == "2026-12-21..2026-12-21");

  // A campaign workday makes a weekend day a working day: 开团后6天 is Saturday 12-26.
  auto work = expand(loader.parse(campaign("calendar:\n  workdays: [2026-12-26]\n") +
                                      "tasks:\n  add:\n    - {name: 周六, department: 运营, owner: 运营主管, "
                                      "phase: 活动后, start: 开团后6天, roll: 顺延}\n",
                                  "c.yaml", "."));
  CHECK(span(task_named(work, "周六")) == "2026-12-26..2026-12-26");
  CHECK_FALSE(task_named(work, "周六").rolled);
}

TEST_CASE("milestones that depend on each other in a cycle are refused (D032)", "[schedule]") {
  auto text =
      "dacu: 1\nkind: template\nname: 环\nmilestones:\n  报名: 开团前30天\n  开团: 报名后30天\n"
      "tasks:\n  - {name: a, department: 运营, owner: 运营主管, phase: 活动前, start: 开团当天}\n";
  auto e = error_of([&] { expand(load(text, {})); });
  CHECK(e.code == "D032");
  CHECK(e.message == "milestones depend on each other in a cycle: 报名 → 开团 → 报名");
  CHECK(e.hint == "give one of them a date, or derive it from a milestone outside the cycle");
  CHECK(where(e.where) == "t.yaml:5:7");
}

TEST_CASE("a milestone without a date is refused when something needs it (D033)", "[schedule]") {
  auto e = error_of([] { plan_of(task_line("a", "start: 开团前1天"), {}); });
  CHECK(e.code == "D033");
  CHECK(e.message == "milestone 报名 has no date, but '报名后30天' needs it");
  CHECK(e.hint == "give it in the campaign file (milestones: {报名: 2026-12-20T10:00}) or with --set 报名=…");
  CHECK(where(e.where) == "t.yaml:1:1");

  // In a campaign file the error points at its milestones.
  Loader loader;
  e = error_of([&] {
    expand(loader.parse("dacu: 1\nkind: campaign\nname: 试\nextends: 聚划算\nmilestones:\n  报名: 2026-11-20T10:00\n",
                        "c.yaml", "."));
  });
  CHECK(e.code == "D033");
  CHECK(e.message == "milestone 开团 has no date, but '开团当天' needs it");  // 排期, the first to need it
  CHECK(where(e.where) == "c.yaml:6:3");
}

TEST_CASE("a task that ends before it starts is refused at its end (D034)", "[schedule]") {
  auto e = error_of([] { plan_of(task_line("倒", "start: 开团后2天, end: 开团后1天")); });
  CHECK(e.code == "D034");
  CHECK(e.message == "task 倒 ends (2026-12-21) before it starts (2026-12-22)");
  CHECK(e.hint == "check the two offsets; an end offset names the last day of the task");
  CHECK(where(e.where) == "t.yaml:12:75");

  e = error_of([] { plan_of(task_line("倒", "start: 开团后1小时, end: 开团", "运营", "活动中")); });
  CHECK(e.code == "D034");
  CHECK(e.message == "task 倒 ends (2026-12-20T10:00:00+08:00) before it starts (2026-12-20T11:00:00+08:00)");
  CHECK(e.hint == "check the two offsets: the end must not come before the start");
}

TEST_CASE("the plan's errors and warnings come out in Chinese when that is the language", "[schedule]") {
  dacu::test::InChinese zh;
  auto e = error_of([] { plan_of(task_line("倒", "start: 开团后2天, end: 开团后1天")); });
  CHECK(e.code == "D034");
  CHECK(e.message == "任务 倒 的结束（2026-12-21）早于开始（2026-12-22）");
  CHECK(e.hint == "检查这两个偏移；结束偏移指的是任务的最后一天");
  auto p = plan_of(task_line("跨年", "start: 开团后10个工作日"));
  REQUIRE(p.warnings.size() == 1);
  CHECK(p.warnings[0].message == "日历 cn 没有 2027 年的法定节假日安排：只把周末算作休息日");
  auto filtered = error_of([&] { filter_plan(p, PlanFilter{"运营部", "", "", {}, {}}); });
  CHECK(filtered.code == "D521");
  CHECK(filtered.message == "--dept 运营部：计划里没有这个部门");
  CHECK(message_in(Language::en, "D521.department", {{"value", "运营部"}}) == "--dept 运营部: the plan has no department of that name");
}

TEST_CASE("a working-day offset in a year the calendar does not cover warns D060", "[schedule]") {
  auto p = plan_of(task_line("跨年", "start: 开团后10个工作日"));
  // 2026-12-20 (Sun) plus 10 working days, weekends only in 2027.
  CHECK(span(task_named(p, "跨年")) == "2027-01-01..2027-01-01");
  REQUIRE(p.warnings.size() == 1);
  const auto& w = p.warnings[0];
  CHECK(w.severity == Severity::warning);
  CHECK(w.code == "D060");
  CHECK(w.message == "calendar cn has no official holiday arrangement for 2027: only weekends count as days off");
  CHECK(w.hint ==
        "add 2027 to templates/calendars/cn.yaml once the State Council publishes it, or list the days under "
        "calendar: days_off / workdays");

  // Calendar days into 2027 need no holiday data: no warning.
  CHECK(plan_of(task_line("跨年", "start: 开团后20天")).warnings.empty());
}

TEST_CASE("filter_plan keeps the tasks that match every given field", "[schedule]") {
  auto p = plan_of(task_line("运营前", "start: 报名前2天, end: 报名当天") +
                   task_line("推广前", "start: 报名前5天", "推广") +
                   task_line("推广中", "start: 开团后25分钟, end: 开团当天", "推广", "活动中") +
                   task_line("运营后", "start: 开团后1天, end: 开团后3天", "运营", "活动后"),
                   {{"报名", "2026-11-20T10:00"}});
  auto names = [](const Plan& plan) {
    std::vector<std::string> out;
    for (const auto& t : plan.tasks) out.push_back(t.name);
    return out;
  };
  auto day = [](const char* text) { return std::optional(*parse_date(text)); };
  auto by = [](std::string department, std::string owner, std::string phase, std::optional<date::local_days> from,
               std::optional<date::local_days> to) { return PlanFilter{department, owner, phase, from, to}; };
  CHECK(names(filter_plan(p, PlanFilter{})) == names(p));
  CHECK(names(filter_plan(p, by("推广", "", "", {}, {}))) == std::vector<std::string>{"推广前", "推广中"});
  CHECK(names(filter_plan(p, by("", "运营主管", "", {}, {}))) == std::vector<std::string>{"运营前", "运营后"});
  CHECK(names(filter_plan(p, by("", "", "活动中", {}, {}))) == std::vector<std::string>{"推广中"});
  CHECK(names(filter_plan(p, by("推广", "", "活动前", {}, {}))) == std::vector<std::string>{"推广前"});
  // Dates keep tasks that overlap [from, to].
  CHECK(names(filter_plan(p, by("", "", "", day("2026-11-20"), day("2026-11-20")))) ==
        std::vector<std::string>{"运营前"});
  CHECK(names(filter_plan(p, by("", "", "", day("2026-12-20"), {}))) == std::vector<std::string>{"推广中", "运营后"});
  // A timed task that runs to the end of 12-20 does not reach 12-21.
  CHECK(names(filter_plan(p, by("", "", "", day("2026-12-21"), {}))) == std::vector<std::string>{"运营后"});
  CHECK(names(filter_plan(p, by("", "", "", {}, day("2026-11-15")))) == std::vector<std::string>{"推广前"});
  CHECK(names(filter_plan(p, by("", "", "", day("2027-01-01"), {}))).empty());
}

static const DatedCheckpoint& checkpoint_named(const Plan& p, std::string_view name) {
  for (const auto& c : p.checkpoints) {
    if (c.name == name) return c;
  }
  FAIL("no checkpoint " << name);
  return p.checkpoints.front();
}

TEST_CASE("the built-in 聚划算 template planned for 报名 11-20 and 开团 12-20", "[schedule]") {
  Loader loader;
  auto c = loader.parse(builtin_template_text("聚划算"), "<builtin>/聚划算.yaml", ".",
                        std::vector<Override>{{"报名", "2026-11-20T10:00"}, {"开团", "2026-12-20T10:00"}});
  auto p = expand(c);
  // The half-hourly follow-up is one task written once, 27 in the plan (10:30 … 23:30).
  CHECK(p.tasks.size() == c.plan.tasks.size() - 1 + 27);
  CHECK(p.warnings.empty());

  std::map<std::string, std::string> milestones;
  for (const auto& m : p.milestones) milestones[m.name] = m.at.iso();
  CHECK(milestones == std::map<std::string, std::string>{{"报名", "2026-11-20T10:00:00+08:00"},
                                                         {"竞拍", "2026-12-05T10:00:00+08:00"},
                                                         {"排期", "2026-12-20T10:00:00+08:00"},
                                                         {"开团", "2026-12-20T10:00:00+08:00"},
                                                         {"结束", "2026-12-20T23:59:00+08:00"}});

  auto open = date::local_days{date::year{2026} / 12 / 20} + std::chrono::hours{10};
  for (const auto& t : p.tasks) {
    INFO("task: " << t.name);
    CHECK(t.start.local <= t.end.local);
    CHECK(t.first_day <= t.last_day);
    if (t.phase == "活动前") CHECK(t.start.local < open);
    // 活动后 begins at 结束 (23:59): 恢复零售价 and 页面全部取消 happen then.
    if (t.phase == "活动后") CHECK(t.start.local >= open + std::chrono::minutes{13 * 60 + 59});
  }
  CHECK(std::is_sorted(p.tasks.begin(), p.tasks.end(), [](const DatedTask& a, const DatedTask& b) {
    return a.start.local < b.start.local;
  }));

  CHECK(span(task_named(p, "年度聚划算的投入产出比")) == "2025-12-01..2026-01-31");
  CHECK(span(task_named(p, "聚划算活动报名")) == "2026-11-19..2026-11-20");
  // 排期 is the slot date (开团当天); the auction runs 排期前20天 to 排期前15天 and 竞拍 is its last day.
  CHECK(span(task_named(p, "坑位竞拍")) == "2026-11-30..2026-12-05");
  CHECK(span(task_named(p, "竞拍保证金")) == "2026-12-02..2026-12-04");
  CHECK(span(task_named(p, "交竞拍费")) == "2026-12-06..2026-12-07");
  // 聚划算保证金冻结 排期前3天 is 开团前3天, next to the 缴纳 deadline 开团前1天 (12-19).
  CHECK(span(task_named(p, "聚划算保证金冻结")) == "2026-12-17..2026-12-17");
  CHECK(span(task_named(p, "费用按预算执行，超预算时第一时间向电商经理汇报并落实执行")) == "2026-12-06..2026-12-21");
  CHECK(span(task_named(p, "改价格、改库存数量")) == "2026-12-18..2026-12-19");
  CHECK(span(task_named(p, "早班客服准时上线")) == "2026-12-20T08:00:00+08:00..2026-12-20T08:00:00+08:00");
  CHECK(span(task_named(p, "开团前点击量及收藏量的实际与预估差距，是否需调整补救")) ==
        "2026-12-20T09:00:00+08:00..2026-12-20T09:30:00+08:00");
  CHECK(span(task_named(p, "跟进物流打单及打包情况，是否按计划执行")) ==
        "2026-12-20T15:00:00+08:00..2026-12-20T16:00:00+08:00");
  CHECK(span(task_named(p, "活动后的总结会")) == "2026-12-23..2026-12-24");
  CHECK(span(task_named(p, "按订单发货")) == "2026-12-21..2026-12-27");

  REQUIRE(p.checkpoints.size() == 6 + 27);  // and the half-hourly 访客数 follow-ups
  CHECK(p.checkpoints.front().name == "开团5分钟跟进");
  CHECK(p.checkpoints.front().at.iso() == "2026-12-20T10:05:00+08:00");
  CHECK(checkpoint_named(p, "开团120分钟跟进").at.iso() == "2026-12-20T12:00:00+08:00");
  CHECK(checkpoint_named(p, "开团120分钟跟进").plan == Rational(1200));
  CHECK(p.checkpoints.back().name == "开团半小时跟进 23:30");
}

namespace {

// 报名 and 开团 both given; 开团 may carry a time of day.
std::string two_milestones(std::string_view open_time) {
  return fmt::format(
      "dacu: 1\nkind: template\nname: 小团\n"
      "departments:\n  运营: {{lead: 运营主管}}\n"
      "milestones:\n"
      "  报名:\n"
      "  开团: {{{}}}\n"
      "tasks:\n"
      "  - {{name: 开团巡检, department: 运营, owner: 运营主管, phase: 活动中, start: 开团后5分钟}}\n",
      open_time);
}

}  // namespace

TEST_CASE("dates that go backwards against the template's milestone order are D036 at the date given", "[schedule]") {
  auto d = error_of([] {
    expand(load(two_milestones(""), {{"报名", "2026-12-25T10:00"}, {"开团", "2026-12-20T10:00"}}));
  });
  CHECK(d.code == "D036");
  CHECK(where(d.where) == "<command line>:1:4");
  CHECK(d.message == "milestone 报名 (2026-12-25 Fri 10:00) comes after 开团 (2026-12-20 Sun 10:00), but the template orders them 报名 → 开团");
  CHECK(d.hint == "give 报名 a date before 开团, or check the month and the year");
  // Same moment is in order.
  CHECK_NOTHROW(expand(load(two_milestones(""), {{"报名", "2026-12-20T10:00"}, {"开团", "2026-12-20T10:00"}})));
}

TEST_CASE("聚划算: a 报名 given after 竞拍 (排期前15天, 排期 being 开团当天) is D036 at the 报名 given", "[schedule]") {
  // 竞拍 is derived from 开团 now, not from 报名: a late 报名 can land after it, and the user is told.
  Loader loader;
  auto d = error_of([&] {
    expand(loader.parse(builtin_template_text("聚划算"), "<builtin>/聚划算.yaml", ".",
                        std::vector<Override>{{"报名", "2026-12-10T10:00"}, {"开团", "2026-12-20T10:00"}}));
  });
  CHECK(d.code == "D036");
  CHECK(where(d.where) == "<command line>:1:4");
  CHECK(d.message ==
        "milestone 报名 (2026-12-10 Thu 10:00) comes after 竞拍 (2026-12-05 Sat 10:00, 排期前15天), but the template "
        "orders them 报名 → 竞拍");
  // 竞拍 is derived: the way out may be its real date, given in the campaign.
  CHECK(d.hint ==
        "give 报名 a date before 竞拍; 竞拍 is derived as 排期前15天: if it is really on another day (its date already "
        "fixed, or no such step this time), write its real date in the campaign's milestones: (竞拍: DATE)");
  // A date given alone is shown as a day, as the plan's table shows it.
  auto late = error_of([&] {
    expand(loader.parse(builtin_template_text("聚划算"), "<builtin>/聚划算.yaml", ".",
                        std::vector<Override>{{"报名", "2027-01-15"}, {"开团", "2027-01-25"}}));
  });
  CHECK(late.message ==
        "milestone 报名 (2027-01-15 Fri) comes after 竞拍 (2027-01-10 Sun 10:00, 排期前15天), but the template "
        "orders them 报名 → 竞拍");
  // 报名 on the auction's last day is still in order.
  CHECK_NOTHROW(expand(loader.parse(builtin_template_text("聚划算"), "<builtin>/聚划算.yaml", ".",
                                    std::vector<Override>{{"报名", "2026-12-05T10:00"}, {"开团", "2026-12-20T10:00"}})));
}

TEST_CASE("聚划算: 坑位竞拍 follows a 竞拍 the shop gives, and keeps the seed's dates when 竞拍 is derived", "[schedule]") {
  // The auction ends on 竞拍: written from 竞拍 (竞拍前5天 to 竞拍当天), not from 排期, so a 竞拍 given by the
  // shop moves it instead of leaving it after the auction's result.
  Loader loader;
  auto p = expand(loader.parse(builtin_template_text("聚划算"), "<builtin>/聚划算.yaml", ".",
                               std::vector<Override>{{"报名", "2027-01-15"}, {"竞拍", "2027-01-18"}, {"开团", "2027-01-25"}}));
  CHECK(span(task_named(p, "坑位竞拍")) == "2027-01-13..2027-01-18");
  CHECK(span(task_named(p, "竞拍保证金")) == "2027-01-15..2027-01-17");
  CHECK(span(task_named(p, "交竞拍费")) == "2027-01-19..2027-01-20");
  // Derived 竞拍 (排期前15天): the seed's 排期前20天 to 排期前15天.
  auto d = expand(loader.parse(builtin_template_text("聚划算"), "<builtin>/聚划算.yaml", ".",
                               std::vector<Override>{{"报名", "2026-12-25"}, {"开团", "2027-01-25"}}));
  CHECK(span(task_named(d, "坑位竞拍")) == "2027-01-05..2027-01-10");
}

TEST_CASE("a date alone takes the template's time of day, and without one it is D061", "[schedule]") {
  auto with_time = expand(load(two_milestones(R"(time: "10:00")"), {{"报名", "2026-11-20T10:00"}, {"开团", "2026-12-20"}}));
  REQUIRE(with_time.milestones.size() == 2);
  CHECK(with_time.milestones[1].at.iso() == "2026-12-20T10:00:00+08:00");
  CHECK(with_time.milestones[1].time_from_template);
  CHECK_FALSE(with_time.milestones[1].date_only);
  CHECK(with_time.tasks[0].start.iso() == "2026-12-20T10:05:00+08:00");
  CHECK(with_time.warnings.empty());

  auto without = expand(load(two_milestones(""), {{"报名", "2026-11-20T10:00"}, {"开团", "2026-12-20"}}));
  CHECK(without.milestones[1].date_only);
  CHECK(without.tasks[0].start.iso() == "2026-12-20T00:05:00+08:00");
  REQUIRE(without.warnings.size() == 1);
  CHECK(without.warnings[0].code == "D061");
  CHECK(without.warnings[0].message ==
        "milestone 开团 is a date without a time, so it is 00:00 and what happens hours or minutes from it is dated from midnight");
  CHECK(without.warnings[0].hint == "give its time too, e.g. 2026-12-20T10:00");
}
