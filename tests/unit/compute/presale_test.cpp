#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "dacu/compute/presale.hpp"
#include "dacu/compute/roi.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/model/template.hpp"
#include "dacu/render/render_roi.hpp"

using namespace dacu;

namespace {

// A presale template: 到手价 299, 2000 件 planned, 60% sold on a 定金 of 50 that counts for 100
// (定金 50 抵 100), 85% of the deposit payers pay the balance. `extra` is appended.
std::string presale(std::string_view values = "", std::string_view extra = "") {
  return fmt::format(R"(dacu: 1
kind: template
name: t
parameters:
  到手价: {{type: money, default: 299}}
  件数: {{type: integer, default: 2000}}
  件数占比: {{type: percent, default: 100%}}
  预售占比: {{type: percent, default: 60%}}
  定金: {{type: money, default: 50}}
  膨胀金额: {{type: money, default: 100}}
  尾款支付率: {{type: percent, default: 85%}}
  进货价: {{type: money, default: 120}}
{}milestones:
  开售: {{default: 2026-11-11T20:00}}
revenue:
  price: 到手价
  units: 件数 × 件数占比
  presale_share: 预售占比
  deposit: 定金
  deposit_value: 膨胀金额
  balance_rate: 尾款支付率
  unit_cost: 进货价
budget:
  lines:
    - {{name: 直通车, category: 推广, amount: 3万}}
    - {{name: 淘宝客佣金, category: 推广, amount: 成交额 × 5%}}
{})",
                     values, extra);
}

Campaign load(const std::string& text) {
  Loader loader;
  return loader.parse(text, "t.yaml", ".", {});
}

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const InputError& e) {
    return format_diagnostic(e.diagnostic());
  }
  return "no error";
}

// `text` with the first `from` replaced by `to`.
std::string subst(std::string text, std::string_view from, std::string_view to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

Wave wave(std::string name, Rational share) {
  Wave w;
  w.name = std::move(name);
  w.values["件数占比"] = share;
  return w;
}

// The parts add up to the total in fen, and the units to the planned units.
void check_parts(const PresaleFigures& f) {
  CHECK(f.deposits.fen() + f.balances.fen() + f.spot.fen() == f.total.fen());
  CHECK(f.presale_units + f.spot_units == f.units);
  CHECK(f.paid_units + f.unpaid_units == f.presale_units);
  CHECK(f.forfeited <= f.deposits);
}

}  // namespace

// The worked example, by hand:
//   预售件数     = 2000 × 60%           = 1200   (sold on a deposit)
//   付尾款件数   = 1200 × 85%           = 1020
//   未付尾款件数 = 1200 − 1020          =  180   (not sold: their stock stays, not counted as 现货)
//   现货件数     = 2000 − 1200          =  800
//   定金   = 1200 × 50                  =  60,000.00  (all deposits: Tmall keeps an unpaid one)
//            of which 180 × 50          =   9,000.00  from buyers who never pay the balance
//   尾款   = 1020 × (299 − 100)         = 202,980.00  (定金 50 抵 100: the balance is price − 100)
//   现货   =  800 × 299                 = 239,200.00
//   成交额 = 60,000 + 202,980 + 239,200 = 502,180.00
//   膨胀让利 = 1020 × (100 − 50)        =  51,000.00  (a price reduction: a paying buyer pays
//            50 + 199 = 249 = 299 − 50; it is already out of 成交额 and is no cost line)
//   货品成本 = (1020 + 800) × 120       = 218,400.00  (only the units shipped)
//   淘宝客佣金 = 502,180 × 5%           =  25,109.00; 活动费用 = 30,000 + 25,109 = 55,109.00
//   净利润 = 502,180 − 218,400 − 55,109 = 228,671.00
TEST_CASE("presale worked example: 定金 50 抵 100, 尾款支付率 85%", "[presale]") {
  auto r = compute_roi(load(presale()));
  REQUIRE(r.base.presale);
  const auto& p = *r.base.presale;
  REQUIRE(p.waves.size() == 1);
  const auto& f = p.total;
  CHECK(f.units == 2000);
  CHECK(f.presale_units == 1200);
  CHECK(f.paid_units == 1020);
  CHECK(f.unpaid_units == 180);
  CHECK(f.spot_units == 800);
  CHECK(f.deposits.to_string() == "60000.00");
  CHECK(f.forfeited.to_string() == "9000.00");
  CHECK(f.balance_price.to_string() == "199.00");
  CHECK(f.balances.to_string() == "202980.00");
  CHECK(f.spot.to_string() == "239200.00");
  CHECK(f.total.to_string() == "502180.00");
  CHECK(f.bonus_total.to_string() == "51000.00");
  CHECK(f.goods_cost->to_string() == "218400.00");
  check_parts(f);
  CHECK(r.base.revenue == f.total);
  CHECK(*r.base.units == Rational(1820));
  CHECK(r.base.cost.to_string() == "55109.00");
  CHECK(r.base.net_profit->to_string() == "228671.00");
  // Every figure says how it was reached.
  CHECK(f.trace.balances.formula == "付尾款件数 × (到手价 − 膨胀金额)");
  CHECK(f.trace.balances.inputs == "付尾款件数 = 1020, 到手价 = 299, 膨胀金额 = 100");
  CHECK(f.trace.paid_units.formula == "round(预售件数 × 尾款支付率)");
  CHECK(f.trace.paid_units.inputs == "预售件数 = 1200, 尾款支付率 = 85%");
  CHECK(r.base.revenue_trace.inputs == "定金 = 60000.00, 尾款 = 202980.00, 现货 = 239200.00");
}

// Two waves with 件数占比 35% / 65% of 2001 件, a price with fen and a 尾款支付率 of 87%, so that
// every count rounds:
//   第一波: 件数 round(700.35) = 700, 预售 420, 付尾款 round(365.4) = 365, 现货 280
//           定金 21,000.00 + 尾款 365 × 199.90 = 72,963.50 + 现货 280 × 299.90 = 83,972.00 = 177,935.50
//   第二波: 件数 round(1300.65) = 1301, 预售 round(780.6) = 781, 付尾款 round(679.47) = 679, 现货 520
//           定金 39,050.00 + 尾款 135,732.10 + 现货 155,948.00 = 330,730.10
//   合计:   508,665.60 = 177,935.50 + 330,730.10
TEST_CASE("presale per wave: each wave's parts and the waves add up to the total in fen", "[presale]") {
  auto c = load(subst(subst(subst(presale(), "default: 299}", "default: 299.90}"), "default: 2000", "default: 2001"),
                      "default: 85%", "default: 87%"));
  c.plan.waves.waves = {wave("第一波", Rational(35, 100)), wave("第二波", Rational(65, 100))};
  auto r = compute_roi(c);
  REQUIRE(r.base.presale);
  const auto& p = *r.base.presale;
  REQUIRE(p.waves.size() == 2);
  const auto& a = p.waves[0];
  const auto& b = p.waves[1];
  CHECK(a.wave == "第一波");
  CHECK(a.units == 700);
  CHECK(a.presale_units == 420);
  CHECK(a.paid_units == 365);
  CHECK(a.spot_units == 280);
  CHECK(a.balances.to_string() == "72963.50");
  CHECK(a.total.to_string() == "177935.50");
  CHECK(b.units == 1301);
  CHECK(b.presale_units == 781);
  CHECK(b.paid_units == 679);
  CHECK(b.spot_units == 520);
  CHECK(b.balances.to_string() == "135732.10");
  CHECK(b.total.to_string() == "330730.10");
  CHECK(p.total.total.to_string() == "508665.60");
  check_parts(a);
  check_parts(b);
  check_parts(p.total);
  // Each part of the total is the waves' sum, to the fen.
  CHECK(a.deposits.fen() + b.deposits.fen() == p.total.deposits.fen());
  CHECK(a.balances.fen() + b.balances.fen() == p.total.balances.fen());
  CHECK(a.spot.fen() + b.spot.fen() == p.total.spot.fen());
  CHECK(a.total.fen() + b.total.fen() == p.total.total.fen());
  CHECK(r.base.revenue == p.total.total);
  CHECK(a.trace.units.inputs == "件数 = 2001, 件数占比 = 35%");
  CHECK(p.total.trace.total.formula == "第一波 + 第二波");
}

TEST_CASE("presale scenarios over 尾款支付率 and break-even", "[presale]") {
  auto c = load(presale("", "scenarios:\n  低: {尾款支付率: 75%}\n  高: {尾款支付率: 95%}\n"));
  c.plan.waves.waves = {wave("第一波", Rational(2, 5)), wave("第二波", Rational(3, 5))};
  c.plan.waves.waves[0].values["尾款支付率"] = Rational(1, 2);  // a scenario's value wins over a wave's
  RoiOptions options;
  options.scenarios = true;
  auto r = compute_roi(c, options);
  REQUIRE(r.scenarios.size() == 2);
  const auto& low = r.scenarios[0].figures.presale->waves;
  CHECK(low[0].balance_rate == Rational(3, 4));
  CHECK(low[1].balance_rate == Rational(3, 4));
  // 件数 800 / 1200; 预售 480 / 720; 付尾款 360 / 540 at 75%: 尾款 900 × 199 = 179,100.00
  CHECK(r.scenarios[0].figures.presale->total.balances.to_string() == "179100.00");
  CHECK(r.scenarios[1].figures.presale->total.paid_units == 456 + 684);
  // Without the scenario, the wave's own 50% holds in 第一波.
  CHECK(r.base.presale->waves[0].paid_units == 240);
  // Break-even varies 件数 in every wave, solved exactly (the profit is linear in 件数).
  REQUIRE(r.base.break_even);
  REQUIRE(r.base.break_even->units);
  auto n = *r.base.break_even->units;
  auto at = [&](std::int64_t units) {
    auto x = c;
    for (auto& p : x.plan.parameters) {
      if (p.name == "件数") p.number = Rational(units);
    }
    return *compute_roi(x).base.net_profit;
  };
  CHECK(!at(n).is_negative());
  CHECK(at(n - 1).is_negative());
}

TEST_CASE("presale values out of range are located where they were given", "[presale]") {
  auto rate = load(subst(presale(), "default: 85%", "default: 110%"));
  CHECK(error_of([&] { compute_roi(rate); })
            .starts_with("dacu: error: t.yaml:11:35: the balance rate is 110%, not between 0% and 100%"));
  auto below = load(subst(presale(), "default: 100}", "default: 40}"));
  CHECK(error_of([&] { compute_roi(below); })
            .starts_with("dacu: error: t.yaml:10:32: the deposit's value 40.00 is below the deposit 50.00"));
  auto above = load(subst(presale(), "default: 100}", "default: 300}"));
  CHECK(error_of([&] { compute_roi(above); })
            .starts_with("dacu: error: t.yaml:10:32: the deposit's value 300.00 is above the price 299.00"));
  auto share = load(subst(presale(), "default: 60%", "default: 160%"));
  CHECK(error_of([&] { compute_roi(share); }).find("[D363]") != std::string::npos);
  // validate sees them through check_budget.
  CHECK(check_budget(rate.plan).front().code == "D360");
  // In a wave, the message names the wave and points at the wave's value.
  auto c = load(presale());
  c.plan.waves.waves = {wave("第一波", Rational(1, 2)), wave("第二波", Rational(1, 2))};
  c.plan.waves.waves[1].values["尾款支付率"] = Rational(6, 5);
  CHECK(error_of([&] { compute_roi(c); }).find("第二波 · the balance rate is 120%") != std::string::npos);
  // A presale needs every part.
  auto missing = subst(presale(), "  deposit: 定金\n", "");
  CHECK(error_of([&] { load(missing); }).starts_with("dacu: error: t.yaml:16:3: the presale revenue lacks deposit [D362]"));
}

TEST_CASE("presale per wave in the table and in JSON", "[presale]") {
  auto c = load(presale());
  c.plan.waves.waves = {wave("第一波", Rational(2, 5)), wave("第二波", Rational(3, 5))};
  auto r = compute_roi(c);
  auto table = render_roi(r, Format::table);
  // One row per figure per wave, then the sums, whose formula names the waves.
  CHECK(table.find("第一波  尾款") != std::string::npos);
  CHECK(table.find("第二波  尾款") != std::string::npos);
  CHECK(table.find("合计    成交额") != std::string::npos);
  CHECK(table.find("第一波 + 第二波") != std::string::npos);
  auto json = render_roi(r, Format::json);
  CHECK(json.find(R"("wave": "第一波")") != std::string::npos);
  CHECK(json.find(R"("wave": "第二波")") != std::string::npos);
  CHECK(json.find(R"("bonus": "price_reduction")") != std::string::npos);
  // 800 / 1200 件: 尾款 408 × 199 + 612 × 199 = 202,980.00 as in the one-wave example.
  CHECK(json.find(R"("balances": "202980.00")") != std::string::npos);
}
