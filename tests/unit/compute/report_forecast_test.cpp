// Progress against the campaign's targets and the forecast of the day's totals (issue 18 item 2),
// on the 聚划算 template: 开团 2026-12-20 10:00, 结束 23:59, checkpoints 支付笔数 at 10:05 7.5%,
// 10:15 15%, 10:25 22.5%, 10:45 32.5%, 11:00 40%, 12:00 60% of 件数.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dacu/compute/report.hpp"
#include "dacu/compute/report_forecast.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/plan/planning.hpp"

using namespace dacu;

namespace {

Campaign shop(std::string_view units = "3000") {
  std::string text = "dacu: 1\nkind: campaign\nname: 测试店\nextends: 聚划算\n"
                     "milestones:\n  报名: 2026-11-20T10:00\n  开团: 2026-12-20T10:00\n"
                     "parameters:\n  团购价: 129\n  件数: " + std::string(units) + "\n";
  Loader loader;
  return loader.parse(text, "测试店.yaml", ".");
}

date::local_seconds at(int hour, int minute, int second = 0) {
  return date::local_days{date::year{2026} / 12 / 20} + std::chrono::hours(hour) + std::chrono::minutes(minute) +
         std::chrono::seconds(second);
}

Report report_of(const Campaign& c, std::string_view csv, date::local_seconds as_of) {
  std::vector<ActualsInput> in{{parse_actuals(csv, "a.csv"), "a.csv"}};
  return build_report(plan_campaign(c), in, as_of, {std::chrono::minutes(15), sales_targets(c)});
}

const Progress& progress(const Report& r, std::string_view metric) {
  REQUIRE(r.forecast);
  for (const auto& p : r.forecast->metrics) {
    if (p.metric == metric) return p;
  }
  FAIL("no progress for " << metric);
  return r.forecast->metrics.front();
}

}  // namespace

TEST_CASE("the campaign's targets: 件数, and 成交额 = 团购价 × 件数, capped by the sale rules", "[forecast]") {
  auto t = sales_targets(shop());
  REQUIRE(t.units);
  CHECK(*t.units == Rational(3000));
  CHECK(*t.orders == Rational(3000));  // 支付笔数: one unit per ID, the checkpoints' shares of 件数
  REQUIRE(t.amount);
  CHECK(t.amount->to_string() == "387000.00");
  CHECK(t.amount_formula == "团购价 × 件数");
  CHECK(t.units_capped);  // 聚划算 has rules.sale: 报名数量 is what the platform sells
}

TEST_CASE("the issue's case: 1500 of 3000 件 at 12:20 projects 2454 for the day", "[forecast]") {
  // Planned cumulative share at 12:20: 12:00 is 60% (件数 × 60% ÷ 件数), 结束 23:59 is 100%, so
  // linear between them over 719 minutes: 3/5 + (20/719) × (2/5) = 3/5 + 8/719 = 2197/3595 (61.1%).
  // Projection = 1500 ÷ 2197/3595 = 5392500/2197 ≈ 2454.48 件 → 2454; 193500 ÷ 2197/3595
  // = 695632500/2197 ≈ 316628.36 元. 2454 < 3000: not projected to sell out before the close.
  auto r = report_of(shop(), "time,metric,value\n2026-12-20 12:00,支付笔数,1400\n2026-12-20 12:00,支付金额,180600\n"
                             "2026-12-20 12:20,支付笔数,1500\n2026-12-20 12:20,支付金额,193500\n", at(12, 30));
  const auto& orders = progress(r, "支付笔数");
  CHECK(orders.target == Rational(3000));
  CHECK(*orders.actual == Rational(1500));
  CHECK(orders.actual_at == at(12, 20));
  CHECK(*orders.fraction == Rational(1, 2));
  CHECK(*orders.planned_share == Rational(2197, 3595));
  CHECK(*orders.projection == Rational(5392500, 2197));
  CHECK(orders.cap == Rational(3000));
  CHECK_FALSE(orders.sold_out);
  CHECK_FALSE(orders.sell_out);
  const auto& amount = progress(r, "支付金额");
  CHECK(amount.money);
  CHECK(amount.target == Rational(387000));
  CHECK(*amount.fraction == Rational(1, 2));  // 193500 of 387000
  CHECK(*amount.projection == Rational(695632500, 2197));
  CHECK(Money::from_yuan(*amount.projection, Rounding::half_up_to_fen).to_string() == "316628.36");
  CHECK_FALSE(amount.cap);
  // The method's curve: 开团 0, the six checkpoints, 结束 1.
  REQUIRE(r.forecast->curve.size() == 8);
  CHECK(r.forecast->curve.front() == std::make_pair(at(10, 0), Rational(0)));
  CHECK(r.forecast->curve[6] == std::make_pair(at(12, 0), Rational(3, 5)));
  CHECK(r.forecast->curve.back() == std::make_pair(at(23, 59), Rational(1)));
  CHECK(r.forecast->curve_metric == "支付笔数");
}

TEST_CASE("the sell-out time is when the projected curve reaches the cap", "[forecast]") {
  // 1500 at 10:45, where the plan is 32.5% (13/40): projection 1500 × 40/13 = 60000/13 ≈ 4615.
  // The cap 3000 is reached when the share is 3000 ÷ 60000/13 = 13/20 (65%): past 12:00 (60%),
  // on the segment to 23:59 (100%): 12:00 + (13/20 − 3/5) ÷ (2/5) × 719 min = 12:00 + 89.875 min
  // = 13:29:52.5, rounded up to 13:29:53. The day's total cannot pass the 3000 offered: the
  // projection shown is 3000, not 60000/13.
  auto r = report_of(shop(), "time,metric,value\n2026-12-20 10:45,支付笔数,1500\n", at(10, 50));
  const auto& orders = progress(r, "支付笔数");
  CHECK(*orders.projection == Rational(3000));
  CHECK_FALSE(orders.sold_out);
  REQUIRE(orders.sell_out);
  CHECK(*orders.sell_out == at(13, 29, 53));
}

TEST_CASE("a capped sale projects no more than 件数, nor 支付金额 more than 成交额", "[forecast]") {
  // 193500 at 10:45 (plan 32.5% = 13/40) paces 193500 × 40/13 ≈ 595384.62, above 成交额
  // 129 × 3000 = 387000: the projection stops at 387000. 1200 units at 11:00 (40%) project 3000
  // exactly, which the cap leaves as it is.
  auto r = report_of(shop(), "time,metric,value\n2026-12-20 10:45,支付金额,193500\n2026-12-20 11:00,支付笔数,1200\n",
                     at(11, 5));
  CHECK(*progress(r, "支付金额").projection == Rational(387000));
  CHECK(*progress(r, "支付笔数").projection == Rational(3000));
}

TEST_CASE("a figure that reached the cap is sold out at that row", "[forecast]") {
  auto r = report_of(shop("1000"), "time,metric,value\n2026-12-20 10:40,支付笔数,990\n2026-12-20 10:50,支付笔数,1000\n"
                                   "2026-12-20 11:00,支付笔数,1000\n", at(11, 30));
  const auto& orders = progress(r, "支付笔数");
  CHECK(orders.sold_out);
  CHECK(orders.sell_out == at(10, 50));
}

TEST_CASE("no figure since the opening: targets shown, nothing projected", "[forecast]") {
  auto r = report_of(shop(), "time,metric,value\n2026-12-18 10:00,支付笔数,20\n", at(10, 3));
  const auto& orders = progress(r, "支付笔数");
  CHECK_FALSE(orders.actual);  // the figure two days before 开团 is not the sale's
  CHECK_FALSE(orders.projection);
}

TEST_CASE("the planned share is linear between the curve's points", "[forecast]") {
  ReportForecast f;
  f.curve = {{at(10, 0), Rational(0)}, {at(11, 0), Rational(2, 5)}, {at(23, 59), Rational(1)}};
  CHECK(f.share_at(at(9, 0)) == Rational(0));
  CHECK(f.share_at(at(10, 30)) == Rational(1, 5));
  CHECK(f.share_at(at(11, 0)) == Rational(2, 5));
  CHECK(f.share_at(at(23, 59)) == Rational(1));
  CHECK(f.share_at(at(23, 59, 30)) == Rational(1));
  // 1/5 reached at 10:30 with 300: projection 1500, cap 600 at share 2/5, i.e. 11:00.
  CHECK(projected_sell_out(f, Rational(1500), Rational(600), at(10, 30)) == at(11, 0));
  CHECK_FALSE(projected_sell_out(f, Rational(500), Rational(600), at(10, 30)));
}
