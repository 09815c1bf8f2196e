#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "dacu/compute/roi.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/model/template.hpp"

using namespace dacu;

namespace {

// A template with the seed's 聚划算 figures; `extra` is appended (more sections or lines).
std::string juhuasuan(std::string_view lines = "", std::string_view extra = "") {
  return fmt::format(R"(dacu: 1
kind: template
name: t
parameters:
  团购价: {{type: money, default: 99}}
  件数: {{type: integer, default: 2000}}
  进货价: {{type: money, default: 45}}
  佣金率: {{type: percent, default: 5%}}
  类目: {{type: string, default: 普通}}
milestones:
  开团: {{default: 2026-12-20T10:00}}
revenue:
  price: 团购价
  units: 件数
  unit_cost: 进货价
budget:
  declared_total: 16990
  lines:
    - {{name: 直通车, category: 推广, amount: 3000}}
    - {{name: 钻展, category: 推广, amount: 1000}}
    - {{name: 赠品, category: 活动, amount: 2000}}
    - {{name: 免单红包, category: 活动, amount: 990}}
    - {{name: 保底佣金, category: 活动, amount: 5000}}
{}{})",
                     lines, extra);
}

Campaign load(const std::string& text, std::vector<Override> overrides = {}) {
  Loader loader;
  return loader.parse(text, "t.yaml", ".", overrides);
}

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const InputError& e) {
    return format_diagnostic(e.diagnostic());
  }
  return "no error";
}

}  // namespace

TEST_CASE("the seed's 聚划算 example: revenue, cost and ratios", "[budget]") {
  auto r = compute_roi(load(juhuasuan()));
  CHECK(r.base.revenue.to_string() == "198000.00");
  CHECK(r.base.cost.to_string() == "11990.00");
  CHECK(*r.base.cost_ratio == Rational(11990, 198000));
  CHECK(format_percent(*r.base.cost_ratio, 2) == "6.06%");
  CHECK(format_fixed(*r.base.roas, 2) == "16.51");
  CHECK(*r.base.finance_roi == Rational(198000 - 11990, 11990));
  REQUIRE(r.base.categories.size() == 2);
  CHECK(r.base.categories[0].category == "推广");
  CHECK(r.base.categories[0].total.to_string() == "4000.00");
  CHECK(r.base.categories[1].total.to_string() == "7990.00");
  CHECK(r.base.goods_cost->to_string() == "90000.00");
  CHECK(r.base.gross_profit->to_string() == "108000.00");
  CHECK(r.base.net_profit->to_string() == "96010.00");
  // Every line is a fixed amount: ceil(11990 / (99 − 45)) = ceil(222.03).
  REQUIRE(r.base.break_even);
  const auto& b = *r.base.break_even;
  CHECK(b.method == BreakEven::Method::linear);
  CHECK(b.parameter == "件数");
  CHECK(b.units == 223);
  CHECK(b.exact_units == Rational(11990, 54));
  CHECK(b.fixed_cost.to_string() == "11990.00");
  CHECK(b.margin == Rational(54));
  CHECK(b.variable_lines.empty());
  CHECK(b.roas == Rational(99, 54));
  CHECK(format_fixed(*b.roas, 2) == "1.83");
}

TEST_CASE("a declared total that disagrees with the lines is a warning naming both", "[budget]") {
  auto c = load(juhuasuan());
  auto d = check_budget(c.plan);
  REQUIRE(d.size() == 1);
  CHECK(d[0].severity == Severity::warning);
  CHECK(d[0].code == "D323");
  CHECK(d[0].message ==
        "the declared total 16,990.00 disagrees with the budget lines, which add up to 11,990.00 (5,000.00 less than the total)");
  CHECK(d[0].where.line == 17);
  // The hint names the gap and both readings of it, from the figures (no template's special case).
  CHECK(d[0].hint ==
        "the total is 5,000.00 more than the lines (16,990.00 − 11,990.00 = 5,000.00): a line of 5,000.00 may be "
        "missing, or the total may be wrong; check the source. dacu computes with the sum of the lines");
}

TEST_CASE("lines that add up to more than the declared total: the hint names the excess", "[budget]") {
  auto c = load(juhuasuan("    - {name: 场地, category: 其他, amount: 6000}\n"));
  auto d = check_budget(c.plan);
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "D323");
  CHECK(d[0].severity == Severity::warning);
  CHECK(d[0].message ==
        "the declared total 16,990.00 disagrees with the budget lines, which add up to 17,990.00 (1,000.00 more than the total)");
  CHECK(d[0].hint ==
        "the lines come to 1,000.00 more than the total (17,990.00 − 16,990.00 = 1,000.00): a line of 1,000.00 may be "
        "extra or counted twice, or the total may be wrong; check the source. dacu computes with the sum of the lines");
}

TEST_CASE("negative lines are refused unless declared a discount", "[budget]") {
  auto c = load(juhuasuan("    - {name: 平台补贴, category: 其他, amount: -500}\n"));
  auto d = check_budget(c.plan);
  REQUIRE(d.size() == 2);  // sorted by line: the declared total (line 17) comes first
  CHECK(d[0].code == "D323");
  CHECK(d[1].code == "D322");
  CHECK(d[1].severity == Severity::error);
  CHECK(d[1].message == "budget line 平台补贴 is negative (-500.00) but not declared a discount");
  CHECK(error_of([&] { compute_roi(c); }).starts_with("dacu: error: t.yaml:24:42: budget line 平台补贴 is negative (-500.00) but not declared a discount [D322]"));

  auto ok = load(juhuasuan("    - {name: 平台补贴, category: 其他, amount: -500, discount: true}\n"));
  auto r = compute_roi(ok);
  CHECK(r.base.cost.to_string() == "11490.00");
  CHECK(r.base.lines.back().discount);
}

TEST_CASE("formula lines use parameters and 成交额 and round half up to the fen", "[budget]") {
  auto r = compute_roi(load(juhuasuan("    - {name: 淘宝客佣金, category: 推广, amount: 成交额 × 佣金率}\n")));
  CHECK(r.base.lines.back().amount.to_string() == "9900.00");
  CHECK(r.base.lines.back().trace.formula == "成交额 × 佣金率");
  CHECK(r.base.lines.back().trace.inputs == "成交额 = 198000.00, 佣金率 = 5%");
  // 0.005 元 rounds up to 0.01.
  auto half = compute_roi(load(juhuasuan("    - {name: 尾差, category: 其他, amount: 1 ÷ 200}\n")));
  CHECK(half.base.lines.back().amount.to_string() == "0.01");
  // 万 in amounts.
  auto wan = compute_roi(load(juhuasuan("    - {name: 场地, category: 运营, amount: 1.8万}\n")));
  CHECK(wan.base.lines.back().amount.to_string() == "18000.00");
}

TEST_CASE("budget mistakes are located errors", "[budget]") {
  CHECK(error_of([] { load(juhuasuan("    - {name: 物料, category: 运维, amount: 10}\n")); }) ==
        "dacu: error: t.yaml:24:28: unknown budget category '运维' [D321]\n"
        " 24 |     - {name: 物料, category: 运维, amount: 10}\n"
        "    |                              ^\n"
        "hint: did you mean 运营?\n");
  CHECK(error_of([] { load(juhuasuan("    - {name: 佣金, category: 推广, amount: 成交额 × 佣金}\n")); })
            .starts_with("dacu: error: t.yaml:24:46: unknown name 佣金 [D311]"));
  CHECK(error_of([] { load(juhuasuan("    - {name: 佣金, category: 推广, amount: 类目 × 2}\n")); })
            .starts_with("dacu: error: t.yaml:24:40: parameter 类目 is not a number and cannot be used in a formula [D326]"));
  CHECK(error_of([] { load(juhuasuan("    - {name: 直通车, category: 推广, amount: 1}\n")); })
            .starts_with("dacu: error: t.yaml:24:14: a budget line named 直通车 already exists"));
}

TEST_CASE("scenarios override parameters", "[budget]") {
  auto text = juhuasuan("", "scenarios:\n  保守: {件数: 1600}\n  基准:\n  乐观: {件数: 2400, 团购价: 89}\n");
  auto r = compute_roi(load(text), {.scenarios = true, .sensitivity = std::nullopt});
  REQUIRE(r.scenarios.size() == 3);
  CHECK(r.scenarios[0].figures.revenue.to_string() == "158400.00");
  CHECK(r.scenarios[1].figures.revenue.to_string() == "198000.00");
  CHECK(r.scenarios[2].figures.revenue.to_string() == "213600.00");
  CHECK(error_of([] { load(juhuasuan("", "scenarios:\n  保守: {件量: 1600}\n")); })
            .starts_with("dacu: error: t.yaml:25:8: scenario 保守: the template has no parameter 件量 [D330]"));
}

TEST_CASE("sensitivity varies a parameter by percentages", "[budget]") {
  auto s = parse_sensitivity("件数=-20%..+20%:10%");
  CHECK(s.parameter == "件数");
  CHECK(s.from == Rational(-1, 5));
  CHECK(s.to == Rational(1, 5));
  CHECK(s.step == Rational(1, 10));
  auto wide = parse_sensitivity("件数=－２０％..＋２０％:１０％");  // full-width, as typed in Chinese
  CHECK(wide.from == Rational(-1, 5));
  CHECK(wide.to == Rational(1, 5));
  CHECK(wide.step == Rational(1, 10));
  auto r = compute_roi(load(juhuasuan()), {.sensitivity = s});
  REQUIRE(r.sensitivity.size() == 5);
  CHECK(r.sensitivity[0].value == Rational(1600));
  CHECK(r.sensitivity[4].figures.revenue.to_string() == "237600.00");
  CHECK(error_of([] { parse_sensitivity("件数=-20..20%"); }) ==
        "dacu: error: <command line>:1:4: '-20' is not a percentage [D331]\n"
        " 1 | 件数=-20..20%\n"
        "   |      ^\n"
        "hint: the range and step are percentages of the parameter's value: -20%..+20%:10%\n");
  CHECK(error_of([&] { compute_roi(load(juhuasuan()), {.sensitivity = parse_sensitivity("销量=-20%..+20%")}); })
            .starts_with("dacu: error: <command line>:1:1: --sensitivity: no numeric parameter named 销量 [D332]"));
}

TEST_CASE("share tables show every share and the honest 99.9% sum", "[budget]") {
  auto text = std::string(R"(dacu: 1
kind: template
name: s
shares:
  - name: 库存
    rows:
      - {name: 1, units: 6000, amount: 180万}
      - {name: 2, units: 3000, amount: 120万}
      - {name: 3, units: 2000, amount: 100万}
      - {name: 4, units: 2000, amount: 100万}
      - {name: 5, units: 8000, amount: 240万}
      - {name: 6, units: 6000, amount: 150万}
      - {name: 7, units: 4000, amount: 60万}
      - {name: 8, units: 4000, amount: 50万}
)");
  auto r = compute_roi(load(text));
  REQUIRE(r.shares.size() == 1);
  const auto& t = r.shares[0];
  CHECK(*t.total_units == 35000);
  CHECK(t.total_amount->to_string() == "10000000.00");
  CHECK(format_percent(*t.rows[0].unit_share, 1) == "17.1%");
  CHECK(format_percent(*t.rows[1].unit_share, 1) == "8.6%");
  CHECK(format_percent(*t.rows[4].amount_share, 1) == "24.0%");
  CHECK(*t.shown_unit_share_sum == Rational(999, 1000));
  CHECK(*t.shown_amount_share_sum == Rational(1));
}

TEST_CASE("period limits warn or refuse", "[budget]") {
  auto text = std::string(R"(dacu: 1
kind: template
name: p
milestones:
  预热期: {default: 2026-08-12T09:00}
  启动期: {at: 预热期后1天}
limits:
  - {name: 提前宣传, from: 预热期, to: 启动期, min: 3d, max: 7d, source: 活动建议提前3-7天对外宣传}
)");
  auto c = load(text);
  CHECK(error_of([&] { load(text.substr(0, text.size() - 1) + "\n  - {name: x, from: 预热, to: 启动期, max: 1d}\n"); })
            .starts_with("dacu: error: t.yaml:9:21: limit x: no milestone named 预热 [D337]"));
}

TEST_CASE("format_fixed rounds halves away from zero", "[budget]") {
  CHECK(format_fixed(Rational(1, 200), 2) == "0.01");
  CHECK(format_fixed(Rational(-1, 200), 2) == "-0.01");
  CHECK(format_fixed(Rational(3), 2) == "3.00");
  CHECK(format_percent(Rational(999, 1000), 1) == "99.9%");
}

TEST_CASE("parameters carry their exact number beside the text, and the declared total its difference", "[budget]") {
  auto r = compute_roi(load(juhuasuan("    - {name: 淘宝客佣金, category: 推广, amount: 成交额 × 佣金率}\n")));
  REQUIRE(r.parameters.size() == 4);  // 类目 is no number; the rest in the template's order
  CHECK(r.parameters[0].name == "团购价");
  CHECK(r.parameters[0].value == "99");
  CHECK(r.parameters[0].number == Rational(99));
  CHECK_FALSE(r.parameters[0].percent);
  CHECK(r.parameters[3].name == "佣金率");
  CHECK(r.parameters[3].number == Rational(1, 20));
  CHECK(r.parameters[3].percent);
  REQUIRE(r.declared_difference);
  CHECK(r.declared_difference->to_string() == "-4900.00");  // 16990 declared, 21890 in the lines

  // Money written in 万 is exact to the formulas but not a plain number: a spreadsheet keeps the text.
  auto wan = compute_roi(load(juhuasuan(), {{"团购价", "1.8万"}}));
  CHECK(wan.parameters[0].value == "1.8万");
  CHECK_FALSE(wan.parameters[0].number);
  CHECK(wan.base.unit_price->to_string() == "18000.00");

  auto agreed = compute_roi(load(juhuasuan("    - {name: 场地, category: 运营, amount: 5000}\n")));
  CHECK(agreed.base.cost.to_string() == "16990.00");
  CHECK_FALSE(agreed.declared_difference);
}

namespace {

// 净利润 for `units`, as `dacu roi --set 件数=units` shows it.
Money net_profit_at(const std::string& text, std::int64_t units) {
  return *compute_roi(load(text, {{"件数", std::to_string(units)}})).base.net_profit;
}

}  // namespace

TEST_CASE("break-even counts the lines that grow with the units and with 成交额", "[budget]") {
  // The shop of issue 14: 129 元, 进货价 52, fixed lines of 31000 and, per unit, 快递 6.5, 赠品 3 and
  // 2% of 129 = 2.58 of 服务费. Margin 129 − 52 − 12.08 = 64.92; 31000 ÷ 64.92 = 477.5, so 478.
  auto text = juhuasuan(
      "    - {name: 快递, category: 运营, amount: 件数 × 6.5}\n"
      "    - {name: 件赠, category: 活动, amount: 件数 × 3}\n"
      "    - {name: 服务费, category: 其他, amount: 成交额 × 2%}\n"
      "    - {name: 自有推广, category: 推广, amount: 19010}\n");
  auto c = load(text, {{"团购价", "129"}, {"进货价", "52"}, {"件数", "3000"}});
  auto r = compute_roi(c);
  REQUIRE(r.base.break_even);
  const auto& b = *r.base.break_even;
  CHECK(b.method == BreakEven::Method::linear);
  CHECK(b.fixed_cost.to_string() == "31000.00");  // 11990 of the seed's lines + 19010
  CHECK(b.margin == Rational(6492, 100));
  CHECK(b.variable_per_unit == Rational(1208, 100));
  CHECK(b.variable_lines == std::vector<std::string>{"快递", "件赠", "服务费"});
  CHECK(b.units == 478);
  CHECK(b.roas == Rational(129, 77));
  // What the report shows at 478 and 477: the first is not a loss, the second is.
  auto at = [&](std::int64_t n) {
    return *compute_roi(load(text, {{"团购价", "129"}, {"进货价", "52"}, {"件数", std::to_string(n)}})).base.net_profit;
  };
  CHECK(at(478).to_string() == "31.76");
  CHECK(at(477).to_string() == "-33.16");
  // The answer does not move with the units the campaign plans.
  auto other = compute_roi(load(text, {{"团购价", "129"}, {"进货价", "52"}, {"件数", "800"}}));
  CHECK(other.base.break_even->units == 478);
}

TEST_CASE("break-even of a profit that is not linear is searched, and its answer checks", "[budget]") {
  // One packer per started 100 units, 600 元 each: a step cost, so profit is not linear.
  auto text = juhuasuan("    - {name: 打包工, category: 运营, amount: ceil(件数 ÷ 100) × 600}\n");
  auto r = compute_roi(load(text));
  REQUIRE(r.base.break_even);
  const auto& b = *r.base.break_even;
  CHECK(b.method == BreakEven::Method::search);
  REQUIRE(b.units);
  CHECK(b.searched_to == 100000);
  CHECK_FALSE(net_profit_at(text, *b.units).is_negative());
  CHECK(net_profit_at(text, *b.units - 1).is_negative());
  // By hand: fixed 11990, 54 a unit, 600 a started hundred. At 300 units: 16200 − 11990 − 1800 =
  // 2410 ≥ 0; at 250: 13500 − 11990 − 1800 = −290; at 256: 13824 − 13790 = 34; at 255: 13770 − 13790 = −20.
  CHECK(*b.units == 256);
}

TEST_CASE("no break-even when each unit loses money after its variable costs", "[budget]") {
  auto text = juhuasuan("    - {name: 快递, category: 运营, amount: 件数 × 60}\n");  // 99 − 45 − 60 < 0
  auto r = compute_roi(load(text));
  REQUIRE(r.base.break_even);
  CHECK_FALSE(r.base.break_even->units);
  CHECK(r.base.break_even->reason == "每件毛利扣除变动费用后为 -6.00 元，不大于 0：卖得越多亏得越多");
}

// Issue 16: a negative 件数 times a negative 团购价 came out as a positive 成交额.

TEST_CASE("a revenue formula that comes to a negative count or price is refused", "[budget][range]") {
  auto with = [](std::string_view from, std::string_view to) {
    auto text = juhuasuan();
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  auto units = load(with("units: 件数", "units: 件数 - 5000"));
  CHECK(error_of([&] { compute_roi(units); }) ==
        "dacu: error: t.yaml:14:10: the revenue's units (件数 - 5000) are -3000, below 0 [D097]\n"
        " 14 |   units: 件数 - 5000\n"
        "    |          ^\n"
        "hint: check the formula and the parameters it uses\n");
  auto price = load(with("price: 团购价", "price: 团购价 - 100"));
  CHECK(error_of([&] { compute_roi(price); }).starts_with("dacu: error: t.yaml:13:10: the revenue's unit price (团购价 - 100) is -1.00, below 0 [D097]"));
  // validate sees it through check_budget.
  auto d = check_budget(price.plan);
  REQUIRE_FALSE(d.empty());
  CHECK(d.back().code == "D097");
  // Both negative: refused all the same, never a positive 成交额.
  auto both = load(with("price: 团购价\n  units: 件数", "price: 团购价 - 100\n  units: 件数 - 5000"));
  CHECK(error_of([&] { compute_roi(both); }).starts_with("dacu: error: t.yaml:14:10: the revenue's units (件数 - 5000) are -3000"));
}

TEST_CASE("a scenario value outside its parameter's range is refused", "[budget][range]") {
  auto c = load(juhuasuan("", "scenarios:\n  保守: {件数: 件数 - 3000}\n"));
  CHECK(error_of([&] { compute_roi(c, {.scenarios = true, .sensitivity = std::nullopt}); })
            .starts_with("dacu: error: t.yaml:25:12: parameter 件数 is -1000, below its minimum 0 [D096]"));
}
