#pragma once
/// Budgets, revenue, ROI, scenarios, share tables and period limits: the money side of a campaign.
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

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "dacu/error.hpp"
#include "dacu/expr.hpp"
#include "dacu/money.hpp"
#include "dacu/rational.hpp"

namespace dacu {

struct Campaign;
struct Template;
struct Plan;
namespace yaml {
struct Node;
}

/// The cost categories a budget line may name (the seeds' 推广 / 活动 / 运营 / 其他).
const std::vector<std::string>& budget_categories();

/// One cost line: a fixed amount or a formula over parameters and 成交额.
struct BudgetLine {
  std::string name;
  std::string category;
  std::optional<Money> amount;   ///< a fixed amount …
  std::optional<Expr> formula;   ///< … or a formula in 元 (exactly one is set)
  std::string written;           ///< the amount or formula as written
  bool discount = false;         ///< a rebate or subsidy: may be negative (it lowers the cost)
  std::string note;
  Location where;         ///< the line's name
  Location amount_where;  ///< the amount or formula
  Location category_where;
};

struct Budget {
  std::vector<BudgetLine> lines;
  std::optional<Money> declared_total;  ///< a total the source states; checked, never copied
  Location declared_where;
  Location where;
};

/// How revenue (成交额, GMV) is modelled: price × units, or visitors × conversion × order value.
struct RevenueModel {
  enum class Kind { none, price_units, traffic };
  Kind kind = Kind::none;
  std::optional<Expr> price, units;                        ///< price_units
  std::optional<Expr> visitors, conversion, order_value;   ///< traffic
  std::optional<Expr> unit_cost;   ///< 进货价 per unit (per order for traffic): enables profit figures
  std::string note;
  Location where;
};

/// A named set of parameter values (保守 / 基准 / 乐观).
struct Scenario {
  std::string name;
  std::string description;
  struct Value {
    std::string parameter;
    std::string value;
    Location where;
  };
  std::vector<Value> values;
  Location where;
};

/// A table of groups with units and amounts whose shares are shown (the 双十一 inventory plan).
struct ShareRow {
  std::string name;
  std::optional<std::int64_t> units;
  std::optional<Money> amount;
  Location where;
};
struct ShareTable {
  std::string name;
  std::string note;
  std::string units_label = "件数";
  std::string amount_label = "金额";
  std::vector<ShareRow> rows;
  Location where;
};

/// A limit on the time between two milestones ("announce 3–7 days ahead", "at most 30 days").
struct PeriodLimit {
  std::string name;
  std::string from, to;  ///< milestone names
  std::optional<std::chrono::seconds> min, max;
  Severity severity = Severity::warning;
  std::string source;  ///< what the seed says, quoted in the message
  Location where;
};

/// Reads the template sections `budget:`, `revenue:`, `scenarios:`, `shares:` and `limits:` from
/// the template's top-level mapping into `t` (its parameters and milestones must already be read).
void read_money_sections(const yaml::Node& top, Template& t);
/// Reads a campaign's `scenarios:`: a scenario of the same name replaces the template's.
void read_campaign_scenarios(const yaml::Node& top, Template& t);

/// Checks the budget and revenue of a template with its parameter values: negative lines that are
/// not discounts (D322, error), a declared total that disagrees with the lines (D323, warning),
/// formulas that cannot be evaluated, a unit cost at or above the price (D329, warning).
std::vector<Diagnostic> check_budget(const Template& t);

/// Checks the period limits against the dated milestones (D336, with the limit's severity).
std::vector<Diagnostic> check_limits(const Template& t, const Plan& plan);

/// `--sensitivity 件数=-20%..+20%:10%`: a parameter varied by percentages.
struct Sensitivity {
  std::string parameter;
  Rational from, to, step;  ///< as fractions: -1/5, 1/5, 1/10
  Location where;
};
/// Parses the option's text (D331 syntax, D333 more than 41 steps or a step that is not positive).
Sensitivity parse_sensitivity(std::string_view text);

struct RoiOptions {
  bool scenarios = false;
  std::optional<Sensitivity> sensitivity;
};

/// A figure and how it was reached, so that every number can be checked by hand.
struct Trace {
  std::string formula;  ///< "团购价 × 件数"
  std::string inputs;   ///< "团购价 = 99, 件数 = 2000"
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
  std::optional<Rational> break_even_units;  ///< ceil(活动费用 ÷ (单价 − 进货价))
  std::optional<Rational> break_even_roas;   ///< 保本投产比 = 单价 ÷ (单价 − 进货价)
};

struct ScenarioResult {
  std::string name;
  std::string description;
  std::vector<std::pair<std::string, std::string>> values;  ///< parameter, value as written
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

/// Decimals of a percent shown for shares (the seed's 17.1%).
inline constexpr int share_decimals = 1;

struct RoiReport {
  std::string campaign;
  std::string template_name;
  bool has_budget = false;
  bool has_revenue = false;
  std::vector<std::pair<std::string, std::string>> parameters;  ///< the numeric parameters used
  RoiFigures base;
  std::optional<Money> declared_total;
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

/// `x` rounded half away from zero to `decimals` places and written with exactly that many.
std::string format_fixed(const Rational& x, int decimals);
/// `x` as a percentage with `decimals` places: 0.0606 -> "6.06%".
std::string format_percent(const Rational& x, int decimals);

}  // namespace dacu
