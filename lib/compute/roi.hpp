#pragma once
/// ROI: a campaign's budget and revenue computed for its parameter values, its scenarios and a
/// sensitivity range, with every figure's formula and inputs.
///
///   dacu::Campaign c = loader.load_file("examples/聚划算-ROI样例.yaml");
///   dacu::RoiReport r = dacu::compute_roi(c, {.scenarios = true});
///   r.base.revenue;      // 198000.00 (团购价 × 件数)
///   r.base.cost_ratio;   // 11990/198000, exactly
///
/// Everything is exact: money is Money (integer fen), ratios are Rational. A formula's result in
/// 元 is rounded half up to the fen, once, where it becomes an amount. Pure: no files, no output.
///
/// Error codes D320–D339 (budget, revenue, scenarios, shares, limits); the CSV reader uses
/// D340–D349 and the funnel D350–D359 (see docs/errors.md).

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/base/money.hpp"
#include "dacu/base/numbers.hpp"
#include "dacu/base/rational.hpp"
#include "dacu/compute/presale.hpp"
#include "dacu/model/budget.hpp"

namespace dacu {

struct Campaign;
struct Template;

/// Checks the budget and revenue of a template with its parameter values: negative lines that are
/// not discounts (D322, error), a declared total that disagrees with the lines (D323, warning),
/// formulas that cannot be evaluated, a unit cost at or above the price (D329, warning).
std::vector<Diagnostic> check_budget(const Template& t);

struct RoiOptions {
  bool scenarios = false;
  std::optional<Sensitivity> sensitivity;
};

struct LineResult {
  std::string name;
  std::string category;
  Money amount;
  bool discount = false;
  Trace trace;  ///< formula lines: the formula and its inputs; fixed lines: empty formula
};

struct CategoryTotal {
  std::string category;
  Money total;
};

/// 保本: the least whole number of units at which 净利润 ≥ 0, computed with every budget line,
/// including the lines that grow with the units or with 成交额 (快递 件数 × 6.5, 服务费 成交额 × 2%).
struct BreakEven {
  /// linear: profit is a × units − b exactly, so units = ceil(b ÷ a), then checked against the
  /// rounded figures; search: profit is not linear (ceil, min, tiers), so the whole numbers are
  /// tried from 0 up to `searched_to`.
  enum class Method { linear, search };
  Method method = Method::linear;
  std::string parameter;                   ///< what varies: the revenue's units (件数)
  std::optional<std::int64_t> units;       ///< the least whole number with 净利润 ≥ 0; none: 无法保本
  std::optional<Rational> roas;            ///< 保本投产比: 成交额 ÷ 活动费用 where 净利润 = 0 (linear)
  std::optional<Rational> exact_units;     ///< linear: b ÷ a, before rounding up
  Money fixed_cost;                        ///< linear: the cost lines that do not move with the units
  Rational margin;                         ///< linear: per unit, 单价 − 进货价 − the variable lines per unit
  Rational variable_per_unit;              ///< linear: the variable lines per unit
  std::vector<std::string> variable_lines; ///< lines whose amount uses the units or 成交额
  std::int64_t searched_to = 0;            ///< search: the largest number of units tried
  std::string reason;                      ///< why there is no break-even, when there is none
};

/// The figures for one set of parameter values.
struct RoiFigures {
  Money revenue;  ///< 成交额 (GMV)
  Trace revenue_trace;
  std::optional<Rational> units;       ///< units sold (orders for the traffic model)
  std::optional<Money> unit_price;     ///< price per unit (order value for the traffic model)
  std::optional<Money> unit_cost;
  std::vector<LineResult> lines;
  std::vector<CategoryTotal> categories;  ///< in the order of budget_categories()
  Money cost;                             ///< 活动费用: the sum of the lines
  std::optional<Rational> roas;           ///< 投产比 = 成交额 ÷ 活动费用
  std::optional<Rational> finance_roi;    ///< (成交额 − 活动费用) ÷ 活动费用
  std::optional<Rational> cost_ratio;     ///< 费用占比 = 活动费用 ÷ 成交额
  std::optional<Money> goods_cost;        ///< 进货价 × 件数
  std::optional<Money> gross_profit;      ///< 成交额 − 货品成本
  std::optional<Money> net_profit;        ///< 毛利 − 活动费用
  std::optional<BreakEven> break_even;    ///< with a unit cost: 保本件数 and 保本投产比
  /// A presale's parts (定金, 尾款, 现货) per wave and summed; `revenue` is their total, `units` the
  /// units shipped (付尾款件数 + 现货件数), `unit_price` the price per unit.
  std::optional<PresaleRevenue> presale;
};

struct ScenarioResult {
  std::string name;
  std::string description;
  std::vector<std::pair<std::string, std::string>> values;  ///< parameter, the value computed with
  std::vector<std::string> formulas;  ///< parallel to values: the formula as written, "" for a plain value
  RoiFigures figures;
};

struct SensitivityRow {
  Rational change;  ///< -1/5 for -20%
  Rational value;   ///< the parameter's value at this step
  RoiFigures figures;
};

struct ShareResultRow {
  std::string name;
  std::optional<std::int64_t> units;
  std::optional<Money> amount;
  std::optional<Rational> unit_share, amount_share;  ///< exact
};
struct ShareResult {
  std::string name;
  std::string note;
  std::string units_label, amount_label;
  std::vector<ShareResultRow> rows;
  std::optional<std::int64_t> total_units;
  std::optional<Money> total_amount;
  /// The shares as shown (one decimal of a percent) added up: 99.9% when rounding says so.
  std::optional<Rational> shown_unit_share_sum, shown_amount_share_sum;
};

/// A parameter a formula uses: as written, and as the number a spreadsheet cell holds.
struct RoiParameter {
  std::string name;
  std::string value;  ///< as written: "99", "20%", "1.8万"
  /// The exact value when written as a plain number or percentage (150, 20%); none for a
  /// value only the money grammar reads (1.8万, ¥99), which a spreadsheet keeps as text.
  std::optional<Rational> number;
  bool percent = false;  ///< written as a percentage: number is the fraction (20% = 1/5)
};

/// Decimals of a percent shown for shares (the seed's 17.1%).
inline constexpr int share_decimals = 1;

struct RoiReport {
  std::string campaign;
  std::string template_name;
  bool has_budget = false;
  bool has_revenue = false;
  std::vector<RoiParameter> parameters;  ///< the numeric parameters the formulas use
  RoiFigures base;
  std::optional<Money> declared_total;
  /// declared_total − the lines' sum, when they disagree (D323).
  std::optional<Money> declared_difference;
  std::vector<ScenarioResult> scenarios;
  std::string sensitivity_parameter;
  std::vector<SensitivityRow> sensitivity;
  std::vector<ShareResult> shares;
  std::vector<Diagnostic> warnings;
};

/// The ROI report of a campaign. Throws InputError for the first error check_budget finds, for an
/// unknown scenario or sensitivity parameter (D330, D332), and when there is nothing to report
/// (D338: no budget, revenue or share table).
RoiReport compute_roi(const Campaign& campaign, const RoiOptions& options = {});


}  // namespace dacu
