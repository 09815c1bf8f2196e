#include <catch2/catch.hpp>

#include "dacu/input/actuals.hpp"
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
