#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "dacu/input/actuals.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/compute/report.hpp"

using namespace dacu;

namespace {

date::local_seconds at(int hour, int minute) {
  return date::local_days{date::year{2026} / 12 / 20} + std::chrono::hours(hour) + std::chrono::minutes(minute);
}

Plan plan_with(std::string metric, std::string plan_figure) {
  Plan plan;
  plan.campaign = "测试";
  plan.timezone = "Asia/Shanghai";
  DatedCheckpoint c;
  c.name = "开团15分钟跟进";
  c.at = {at(10, 15), std::chrono::hours(8)};
  c.metric = std::move(metric);
  if (!plan_figure.empty()) c.plan = parse_rational(plan_figure);
  c.tolerance = Rational(1, 5);
  c.action = "汇报运营";
  plan.checkpoints.push_back(c);
  return plan;
}

}  // namespace

TEST_CASE("Actuals read both shapes, skipping empty wide cells") {
  auto long_rows = parse_actuals("time,metric,value\r\n2026-12-20 10:05,支付笔数,150\r\n", "a.csv");
  REQUIRE(long_rows.size() == 1);
  CHECK(long_rows[0].at == at(10, 5));
  CHECK(long_rows[0].value == Rational(150));
  auto wide = parse_actuals("\xEF\xBB\xBF时间,支付笔数,访客数\n2026-12-20 10:05,150,\n\"2026-12-20 10:15\",\"300\",2000\n", "w.csv");
  REQUIRE(wide.size() == 3);
  CHECK(wide[2].metric == "访客数");
  CHECK(wide[2].where.line == 3);
  CHECK(wide[2].where.column == 26);
}

TEST_CASE("Actuals errors are located at the offending field") {
  try {
    parse_actuals("time,metric,value\n2026-12-20 10:05,支付笔数,1,5\n", "bad.csv");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.diagnostic().code == "D341");
    CHECK(e.diagnostic().where.line == 2);
    CHECK(e.diagnostic().where.column == 25);  // the extra field
  }
}

TEST_CASE("A checkpoint exactly at its tolerance is on plan, beyond it is flagged") {
  auto rows = parse_actuals("time,metric,value\n2026-12-20 10:10,支付笔数,240\n2026-12-20 10:16,支付笔数,999\n", "a.csv");
  std::vector<ActualsInput> in{{rows, "a.csv"}};
  auto r = build_report(plan_with("支付笔数", "300"), in, at(12, 0));
  REQUIRE(r.checkpoints.size() == 1);
  CHECK(*r.checkpoints[0].actual == Rational(240));  // the latest figure at or before 10:15
  CHECK(r.checkpoints[0].actual_at == at(10, 10));
  CHECK(r.checkpoints[0].status == CheckStatus::on_plan);  // -20% exactly
  auto low = build_report(plan_with("支付笔数", "301"), in, at(12, 0));
  CHECK(low.checkpoints[0].status == CheckStatus::below);
  CHECK(low.checkpoints[0].message == "汇报运营");
  CHECK(low.alert());
  auto early = build_report(plan_with("支付笔数", "300"), in, at(10, 14));
  CHECK(early.checkpoints[0].status == CheckStatus::pending);
}

TEST_CASE("Derived ratios are recomputed from their cumulative parts") {
  auto rows = parse_actuals(
      "时间,支付金额,支付买家数,客单价\n2026-12-20 10:05,1000,10,999\n2026-12-20 10:15,3000,20,999\n", "a.csv");
  std::vector<ActualsInput> in{{rows, "a.csv"}};
  auto r = build_report(plan_with("客单价", "150"), in, at(12, 0));
  CHECK(*r.checkpoints[0].actual == Rational(150));  // 3000 ÷ 20, not the exported 999
  CHECK(r.checkpoints[0].status == CheckStatus::on_plan);
}

TEST_CASE("A metric passed with no figure is overdue") {
  auto r = build_report(plan_with("支付笔数", "300"), {}, at(12, 0));
  CHECK(r.checkpoints[0].status == CheckStatus::no_data);
  CHECK(r.overdue().size() == 1);
  CHECK_FALSE(r.alert());
}

// The as-of day: which tasks are due or in progress, which checkpoints are overdue, and how far
// each milestone is, around midnight and at the exact moment of the as-of time.

namespace {

// A plan from a one-department template whose 开团 is 2026-12-20 (Sunday) 10:00, with `tasks`
// (YAML lines under `tasks:`) and `extra` (more top-level YAML).
Plan day_plan(std::string_view tasks, std::string_view extra = "") {
  std::string text =
      "dacu: 1\nkind: template\nname: 日报\n"
      "departments: {运营: {lead: 运营主管}}\n"
      "milestones:\n"
      "  开团: {default: 2026-12-20T10:00}\n"
      "  结束: {default: 2026-12-22}\n"
      "tasks:\n" +
      std::string(tasks) + std::string(extra);
  Loader loader;
  return expand(loader.parse(text, "日报.yaml", "."));
}

std::string task(std::string_view name, std::string_view timing) {
  return "  - {name: " + std::string(name) + ", department: 运营, owner: 运营主管, phase: 活动中, " +
         std::string(timing) + "}\n";
}

date::local_seconds on(int day, int hour, int minute = 0, int second = 0) {
  return date::local_days{date::year{2026} / 12 / day} + std::chrono::hours(hour) + std::chrono::minutes(minute) +
         std::chrono::seconds(second);
}

std::vector<std::string> names(const std::vector<DatedTask>& tasks) {
  std::vector<std::string> out;
  for (const auto& t : tasks) out.push_back(t.name);
  return out;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("an all-day task is due all through its last day and in progress before it", "[report]") {
  auto plan = day_plan(task("备货", "start: 开团前2天, end: 开团当天"));
  REQUIRE(plan.tasks.size() == 1);
  REQUIRE(plan.tasks[0].all_day);
  CHECK(format_date(plan.tasks[0].last_day) == "2026-12-20");

  auto before = build_report(plan, {}, on(19, 23, 59, 59));
  CHECK(names(before.due_today) == Names{});
  CHECK(names(before.in_progress) == Names{"备货"});
  for (auto moment : {on(20, 0), on(20, 10), on(20, 23, 59, 59)}) {
    auto r = build_report(plan, {}, moment);
    CHECK(names(r.due_today) == Names{"备货"});
    CHECK(names(r.in_progress) == Names{});
  }
  auto after = build_report(plan, {}, on(21, 0));
  CHECK(names(after.due_today) == Names{});
  CHECK(names(after.in_progress) == Names{});
}

TEST_CASE("a timed task ending before midnight is due on its day only", "[report]") {
  auto plan = day_plan(task("晚场直播", "start: 开团当天20:00, end: 开团当天23:59"));
  auto evening = build_report(plan, {}, on(20, 21));
  CHECK(names(evening.due_today) == Names{"晚场直播"});
  CHECK(names(evening.in_progress) == Names{});
  auto morning = build_report(plan, {}, on(21, 9));
  CHECK(names(morning.due_today) == Names{});
  CHECK(names(morning.in_progress) == Names{});
}

TEST_CASE("a timed task ending at midnight is due on its last day, not the next", "[report]") {
  // 20:00 to 00:00 of the next day: the plan gives its last day as 2026-12-20 (an end at midnight
  // closes the day before), and the report must agree.
  auto plan = day_plan(task("晚场直播", "start: 开团当天20:00, end: 开团后1天00:00"));
  REQUIRE(plan.tasks.size() == 1);
  REQUIRE_FALSE(plan.tasks[0].all_day);
  CHECK(plan.tasks[0].end.iso() == "2026-12-21T00:00:00+08:00");
  CHECK(format_date(plan.tasks[0].last_day) == "2026-12-20");

  auto evening = build_report(plan, {}, on(20, 21));
  CHECK(names(evening.due_today) == Names{"晚场直播"});
  CHECK(names(evening.in_progress) == Names{});
  auto morning = build_report(plan, {}, on(21, 9));
  CHECK(names(morning.due_today) == Names{});
  CHECK(names(morning.in_progress) == Names{});
}

TEST_CASE("a task starting after the as-of moment is due only when it ends that day", "[report]") {
  auto plan = day_plan(task("晚间巡检", "start: 开团当天22:00, duration: 30min") +
                       task("次日复盘", "start: 开团后1天10:00, duration: 1h") +
                       task("收尾", "start: 开团后1天, end: 结束当天"));
  auto r = build_report(plan, {}, on(20, 21));
  CHECK(names(r.due_today) == Names{"晚间巡检"});
  CHECK(names(r.in_progress) == Names{});
  auto next = build_report(plan, {}, on(21, 9));
  CHECK(names(next.due_today) == Names{"次日复盘"});
  CHECK(names(next.in_progress) == Names{"收尾"});
}

TEST_CASE("a checkpoint exactly at the as-of moment is no longer pending", "[report]") {
  auto plan = day_plan(task("开团巡检", "start: 开团"),
                       "checkpoints:\n  - {name: 开团整点, at: 开团, metric: 支付笔数, plan: 300, tolerance: 20%}\n");
  REQUIRE(plan.checkpoints.size() == 1);
  CHECK(plan.checkpoints[0].at.iso() == "2026-12-20T10:00:00+08:00");

  auto early = build_report(plan, {}, on(20, 9, 59, 59));
  CHECK(early.checkpoints[0].status == CheckStatus::pending);
  CHECK(early.overdue().empty());

  auto exact = build_report(plan, {}, on(20, 10));
  CHECK(exact.checkpoints[0].status == CheckStatus::no_data);
  REQUIRE(exact.overdue().size() == 1);
  CHECK(exact.overdue()[0]->checkpoint.name == "开团整点");

  // A figure at that very minute counts for it.
  auto rows = parse_actuals("time,metric,value\n2026-12-20 10:00,支付笔数,290\n", "a.csv");
  std::vector<ActualsInput> in{{rows, "a.csv"}};
  auto counted = build_report(plan, in, on(20, 10));
  CHECK(counted.checkpoints[0].status == CheckStatus::on_plan);
  CHECK(*counted.checkpoints[0].actual == Rational(290));
  CHECK(counted.checkpoints[0].actual_at == on(20, 10));
  CHECK(counted.overdue().empty());
}

TEST_CASE("the countdown gives the time to each milestone, negative once passed", "[report]") {
  auto plan = day_plan(task("开团巡检", "start: 开团"));
  using std::chrono::hours;
  using std::chrono::seconds;

  auto r = build_report(plan, {}, on(19, 21));
  CHECK(r.as_of.iso() == "2026-12-19T21:00:00+08:00");
  REQUIRE(r.countdown.size() == 2);
  CHECK(r.countdown[0].milestone == "开团");
  CHECK(r.countdown[0].at.iso() == "2026-12-20T10:00:00+08:00");
  CHECK_FALSE(r.countdown[0].date_only);
  CHECK(r.countdown[0].remaining == hours(13));
  CHECK(r.countdown[1].milestone == "结束");
  CHECK(r.countdown[1].at.iso() == "2026-12-22T00:00:00+08:00");
  CHECK(r.countdown[1].date_only);
  CHECK(r.countdown[1].remaining == hours(51));

  CHECK(build_report(plan, {}, on(20, 10)).countdown[0].remaining == seconds(0));
  CHECK(build_report(plan, {}, on(20, 12, 0, 1)).countdown[0].remaining == -(hours(2) + seconds(1)));
}

TEST_CASE("Each checkpoint with a plan carries its tolerance band, and the report its counts") {
  auto rows = parse_actuals("time,metric,value\n2026-12-20 10:10,支付笔数,200\n", "a.csv");
  std::vector<ActualsInput> in{{rows, "a.csv"}};
  auto r = build_report(plan_with("支付笔数", "300"), in, at(12, 0));
  CHECK(r.checkpoints[0].low == Rational(240));   // 300 × (1 − 20%)
  CHECK(r.checkpoints[0].high == Rational(360));  // 300 × (1 + 20%)
  CHECK(r.off_plan_count() == 1);
  CHECK(r.with_actual_count() == 1);
  auto no_plan = build_report(plan_with("支付笔数", ""), {}, at(12, 0));
  CHECK_FALSE(no_plan.checkpoints[0].low);
  CHECK_FALSE(no_plan.checkpoints[0].high);
  CHECK(no_plan.off_plan_count() == 0);
  CHECK(no_plan.with_actual_count() == 0);
  // A plan too large to widen by its tolerance stays out of the chart rather than failing.
  auto huge = build_report(plan_with("支付笔数", "9223372036854775807"), {}, at(12, 0));
  CHECK_FALSE(huge.checkpoints[0].high);
}

// Stale and missing figures (issue 21 item 3): never compared as if current, never alerts.

TEST_CASE("a figure older than the staleness tolerance is stale, not below plan", "[report]") {
  // The case: the export stopped at 10:15 (420 笔); the 12:00 checkpoint (plan 1800) was
  // reported "below -76.7%" from it. It is 1h45m old there: stale, shown, not compared.
  auto plan = day_plan(task("开团巡检", "start: 开团"),
                       "checkpoints:\n  - {name: 开团120分钟跟进, at: 开团后120分钟, metric: 支付笔数, plan: 1800, tolerance: 20%}\n");
  std::vector<ActualsInput> in{{parse_actuals("time,metric,value\n2026-12-20 10:15,支付笔数,420\n", "a.csv"), "a.csv"}};
  auto r = build_report(plan, in, on(20, 12, 30));
  const auto& c = r.checkpoints[0];
  CHECK(c.status == CheckStatus::stale);
  CHECK(*c.actual == Rational(420));
  CHECK(c.actual_at == on(20, 10, 15));
  CHECK(c.age == std::chrono::seconds(105 * 60));
  CHECK_FALSE(c.deviation);
  CHECK(c.message.empty());
  CHECK(r.stale());
  CHECK_FALSE(r.alert());  // --fail-on-alert does not change for stale figures
  CHECK_FALSE(r.missing_data());
  CHECK(status_name(c.status) == "stale");
  // Exactly at the tolerance is still current; a wider tolerance compares it.
  ReportSettings wide;
  wide.max_staleness = std::chrono::minutes(105);
  auto compared = build_report(plan, in, on(20, 12, 30), wide);
  CHECK(compared.checkpoints[0].status == CheckStatus::below);
  CHECK(compared.checkpoints[0].deviation->round_to(3) == Rational(-767, 1000));
}

TEST_CASE("a figure from before 开团 is not used for a checkpoint after it", "[report]") {
  // The case: a figure from two days before 开团 was accepted for 开团后5分钟.
  auto plan = day_plan(task("开团巡检", "start: 开团"),
                       "checkpoints:\n  - {name: 开团5分钟跟进, at: 开团后5分钟, metric: 支付笔数, plan: 150, tolerance: 20%}\n");
  std::vector<ActualsInput> in{{parse_actuals("time,metric,value\n2026-12-18 10:04,支付笔数,150\n2026-12-20 09:59,支付笔数,3\n", "a.csv"), "a.csv"}};
  ReportSettings lenient;
  lenient.max_staleness = std::chrono::hours(24 * 7);  // not the staleness rule: 开团 decides
  auto r = build_report(plan, in, on(20, 10, 30), lenient);
  CHECK(r.checkpoints[0].status == CheckStatus::no_data);
  CHECK_FALSE(r.checkpoints[0].actual);
  CHECK(r.missing_data());
  CHECK_FALSE(r.alert());
  CHECK_FALSE(r.stale());
  // A row at 开团 itself belongs to the sale.
  std::vector<ActualsInput> at_open{{parse_actuals("time,metric,value\n2026-12-20 10:00,支付笔数,150\n", "a.csv"), "a.csv"}};
  CHECK(build_report(plan, at_open, on(20, 10, 30)).checkpoints[0].status == CheckStatus::on_plan);
}

TEST_CASE("the latest figure at or before as-of is listed past the last checkpoint", "[report]") {
  auto plan = day_plan(task("开团巡检", "start: 开团"),
                       "checkpoints:\n  - {name: 开团120分钟跟进, at: 开团后120分钟, metric: 支付笔数, plan: 1800, tolerance: 20%}\n");
  std::vector<ActualsInput> in{{parse_actuals("time,metric,value\n2026-12-20 12:00,支付笔数,1725\n2026-12-20 12:20,支付笔数,1800\n"
                                              "2026-12-20 12:40,支付笔数,1900\n", "a.csv"), "a.csv"}};
  auto r = build_report(plan, in, on(20, 12, 30));
  REQUIRE(r.latest.size() == 1);
  CHECK(r.latest[0].metric == "支付笔数");
  CHECK(r.latest[0].value == Rational(1800));  // 12:40 is after as-of
  CHECK(r.latest[0].at == on(20, 12, 20));
}
