#pragma once
/// The money side of a template as data: budget lines, the revenue model, scenarios, share tables,
/// period limits, and a sensitivity range asked for on the command line. No readers (input/), no
/// computation (compute/roi.hpp), no formatting (render/).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/base/expr.hpp"
#include "dacu/base/money.hpp"
#include "dacu/base/rational.hpp"
#include "dacu/model/formula.hpp"
#include "dacu/model/source.hpp"

namespace dacu {
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
  SourceRef source;
  Location where;         ///< the line's name
  Location amount_where;  ///< the amount or formula
  Location category_where;
};

struct Budget {
  std::vector<BudgetLine> lines;
  std::optional<Money> declared_total;  ///< a total the source states; checked, never copied
  Location declared_where;
  SourceRef declared_source;  ///< `source:` of the section: where the declared total is stated
  Location where;
};

/// How revenue (成交额, GMV) is modelled: price × units, visitors × conversion × order value, or a
/// presale (预售): price × units with a share of the units sold on a deposit (定金) that counts for
/// more (膨胀金额) against the price, the balance (尾款) paid by a share of the deposit payers
/// (尾款支付率). docs/format.md, "Presale revenue"; computed by compute/presale.hpp.
struct RevenueModel {
  enum class Kind { none, price_units, traffic, presale };
  Kind kind = Kind::none;
  std::optional<Expr> price, units;                        ///< price_units, presale
  std::optional<Expr> visitors, conversion, order_value;   ///< traffic
  /// presale: the share of the units sold on a deposit, the deposit per unit, what it counts for
  /// against the price (定金 50 抵 100: 膨胀金额 100), and the share of deposit payers who pay the balance.
  std::optional<Expr> presale_share, deposit, deposit_value, balance_rate;
  std::optional<Expr> unit_cost;   ///< 进货价 per unit (per order for traffic): enables profit figures
  std::string note;
  SourceRef source;
  Location where;
};

/// A named set of parameter values (保守 / 基准 / 乐观).
struct Scenario {
  std::string name;
  std::string description;
  /// A parameter's value in the scenario: a value in the parameter's own grammar (1600, ¥89, 20%)
  /// or a formula over the campaign's values (件数 × 80%), evaluated when the scenario is computed.
  struct Value {
    std::string parameter;
    std::string value;               ///< as written
    std::optional<Rational> number;  ///< a plain value, read with the parameter's grammar …
    std::optional<Expr> formula;     ///< … or a formula (exactly one is set)
    Location where;
  };
  std::vector<Value> values;
  SourceRef source;
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
  Location source_where;
  Location where;
};

/// `--sensitivity 件数=-20%..+20%:10%`: a parameter varied by percentages.
struct Sensitivity {
  std::string parameter;
  Rational from, to, step;  ///< as fractions: -1/5, 1/5, 1/10
  Location where;
};

}  // namespace dacu
