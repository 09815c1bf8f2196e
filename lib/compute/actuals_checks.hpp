#pragma once
/// Checks on the actuals' figures as a shop's export gives them, before a report compares them
/// with the plan: what the CSV grammar cannot see (input/actuals.hpp reads each cell).
///
///   auto targets = dacu::sales_targets(campaign);        // 件数 3000, 成交额 387000.00, capped
///   auto found = dacu::check_actuals(inputs, {.targets = targets, .tracked = {"支付笔数"}, .as_of = t});
///
/// Each problem is a located warning (the row's value cell) naming the row; `--strict` makes
/// them errors (apps/dacu/io.cpp settle). Codes:
///   D510  a metric the report does not know (its rows are ignored)
///   D560  a cumulative figure lower than the one before it on the same day (9000 → 960)
///   D561  a ratio above 100% (a 支付转化率 row, or 支付买家数 above 访客数 at one moment)
///   D562  orders or buyers above the units offered (件数, when the sale is capped)
///   D563  a row more than a day after the as-of moment (a wrong date, or another campaign's file)
/// Pure: no files, no clock.

#include <date/date.h>

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/base/money.hpp"
#include "dacu/base/rational.hpp"
#include "dacu/input/actuals.hpp"

namespace dacu {

struct Campaign;

/// One actuals file, already parsed; `name` is the label it is reported under.
struct ActualsInput {
  std::vector<ActualRow> rows;
  std::string name;
};

/// A campaign's targets for the sale day, from its `revenue:` section and parameters.
///   price × units (聚划算): 件数 = the units (支付件数, and 支付笔数: the template's checkpoints
///     plan 支付笔数 as shares of 件数, one unit per ID), 成交额 = price × units (支付金额);
///   traffic: 支付笔数 = visitors × conversion, 成交额 = orders × order value.
struct SalesTargets {
  std::optional<Rational> units;        ///< 件数
  std::string units_formula;            ///< as written: 件数
  std::optional<Rational> orders;       ///< 支付笔数
  std::string orders_formula;
  std::optional<Money> amount;          ///< 成交额, to the fen
  std::string amount_formula;           ///< 团购价 × 件数
  /// The units are all there is to sell: the template has platform sale rules (聚划算's
  /// `rules.sale`: its 报名数量 is the stock the platform sells). Orders above them are wrong.
  bool units_capped = false;
  bool any() const { return units || orders || amount; }
};

/// The targets of `campaign` (empty when its template has no `revenue:` or a value is missing;
/// a formula that cannot be evaluated leaves its target out).
SalesTargets sales_targets(const Campaign& campaign);

/// The target a metric is measured against: 支付件数 → units, 支付笔数 → orders, 支付金额 → amount.
struct MetricTarget {
  std::string name;     ///< 件数, 成交额
  std::string formula;  ///< how the target was reached
  Rational value;
  bool money = false;
  bool capped = false;  ///< a count the units cap bounds
};
std::optional<MetricTarget> target_of(const SalesTargets& targets, std::string_view metric);

/// The metrics progress is reported for, in order: 支付件数, 支付笔数, 支付金额.
const std::vector<std::string>& target_metrics();

struct ActualsCheckOptions {
  SalesTargets targets;
  std::vector<std::string> tracked;  ///< metrics the checkpoints track (known besides known_metrics())
  std::optional<date::local_seconds> as_of;
};

/// Rows whose metric neither known_metrics() nor `tracked` has (D510, one warning per metric).
bool is_known_metric(std::string_view metric, const std::vector<std::string>& tracked);

/// The data checks above, in file order within each check; warnings only.
std::vector<Diagnostic> check_actuals(std::span<const ActualsInput> inputs, const ActualsCheckOptions& options);

}  // namespace dacu
