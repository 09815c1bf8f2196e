#include "dacu/compute/actuals_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "dacu/base/expr.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/model/template.hpp"

namespace dacu {

namespace {

std::optional<Rational> try_eval(const std::optional<Expr>& e, const std::map<std::string, Rational, std::less<>>& values) {
  if (!e) return std::nullopt;
  for (const auto& n : e->names()) {
    if (!values.count(n)) return std::nullopt;
  }
  try {
    return evaluate(*e, values);
  } catch (const Error&) {
    return std::nullopt;  // a formula too large to evaluate gives no target; roi reports it
  }
}

std::string at_text(date::local_seconds t) { return format_local_iso(t); }

}  // namespace

SalesTargets sales_targets(const Campaign& campaign) {
  SalesTargets out;
  const auto& t = campaign.plan;
  const auto& r = t.revenue;
  auto values = t.parameter_numbers();
  std::optional<Rational> price;
  if (r.kind == RevenueModel::Kind::price_units) {
    out.units = try_eval(r.units, values);
    out.units_formula = r.units ? r.units->to_string() : "";
    out.orders = out.units;
    out.orders_formula = out.units_formula;
    price = try_eval(r.price, values);
    if (price && r.price && r.units) out.amount_formula = r.price->to_string() + " × " + r.units->to_string();
    out.units_capped = out.units.has_value() && t.rules.sale.has_value();
  } else if (r.kind == RevenueModel::Kind::traffic) {
    auto visitors = try_eval(r.visitors, values), conversion = try_eval(r.conversion, values);
    if (visitors && conversion) {
      try {
        out.orders = *visitors * *conversion;
        out.orders_formula = r.visitors->to_string() + " × " + r.conversion->to_string();
      } catch (const Error&) {
      }
    }
    out.units = std::nullopt;
    price = try_eval(r.order_value, values);
    if (price && out.orders) out.amount_formula = out.orders_formula + " × " + r.order_value->to_string();
  }
  std::optional<Rational> count = r.kind == RevenueModel::Kind::price_units ? out.units : out.orders;
  if (price && count && !price->is_negative() && !count->is_negative()) {
    try {
      out.amount = multiply(Money::from_yuan(*price, Rounding::half_up_to_fen), *count, Rounding::half_up_to_fen);
    } catch (const Error&) {
      out.amount.reset();
    }
  }
  if (!out.amount) out.amount_formula.clear();
  if (out.units && out.units->is_negative()) out.units.reset(), out.units_capped = false;
  if (out.orders && out.orders->is_negative()) out.orders.reset();
  return out;
}

const std::vector<std::string>& target_metrics() {
  static const std::vector<std::string> names{"支付件数", "支付笔数", "支付金额"};
  return names;
}

std::optional<MetricTarget> target_of(const SalesTargets& targets, std::string_view metric) {
  if (metric == "支付件数" && targets.units) return MetricTarget{"件数", targets.units_formula, *targets.units, false, targets.units_capped};
  if (metric == "支付笔数" && targets.orders) {
    return MetricTarget{targets.units ? "件数" : "支付笔数", targets.orders_formula, *targets.orders, false, targets.units_capped};
  }
  if (metric == "支付金额" && targets.amount) return MetricTarget{"成交额", targets.amount_formula, targets.amount->yuan(), true, false};
  return std::nullopt;
}

bool is_known_metric(std::string_view metric, const std::vector<std::string>& tracked) {
  const auto& known = known_metrics();
  return std::find(known.begin(), known.end(), metric) != known.end() ||
         std::find(tracked.begin(), tracked.end(), metric) != tracked.end();
}

std::vector<Diagnostic> check_actuals(std::span<const ActualsInput> inputs, const ActualsCheckOptions& options) {
  std::vector<Diagnostic> out;
  // D510: one warning per unknown metric, at its first row.
  std::set<std::string, std::less<>> reported_unknown;
  for (const auto& file : inputs) {
    for (const auto& row : file.rows) {
      if (is_known_metric(row.metric, options.tracked)) continue;
      if (reported_unknown.insert(row.metric).second) {
        out.push_back(make_diagnostic(Severity::warning, "D510", row.metric_where,
                                      {{"metric", row.metric}, {"advice", suggestion(row.metric, known_metrics())}}));
      }
    }
  }
  // The known rows by metric and time, all files together (a second file continues the first).
  std::map<std::string, std::multimap<date::local_seconds, const ActualRow*>, std::less<>> by_metric;
  for (const auto& file : inputs) {
    for (const auto& row : file.rows) {
      if (is_known_metric(row.metric, options.tracked)) by_metric[row.metric].emplace(row.at, &row);
    }
  }
  // D560: 今日累计 never falls within a day; it starts again at midnight.
  for (const auto& [metric, rows] : by_metric) {
    if (metric_kind(metric) == MetricKind::ratio || !derived_metric(metric).numerator.empty()) continue;
    const ActualRow* before = nullptr;
    for (const auto& [at, row] : rows) {
      if (before && date::floor<date::days>(before->at) == date::floor<date::days>(at) && row->value < before->value) {
        out.push_back(make_diagnostic(Severity::warning, "D560", row->where,
                                      {{"metric", metric}, {"at", at_text(at)}, {"value", row->value.to_string()},
                                       {"before_at", at_text(before->at)}, {"before", before->value.to_string()},
                                       {"file", before->where.file_name()}, {"line", before->where.line}}));
      }
      before = row;
    }
  }
  // D561: a rate above 100%, as exported or from its parts at one moment.
  for (const auto& [metric, rows] : by_metric) {
    if (metric_kind(metric) != MetricKind::ratio) continue;
    for (const auto& [at, row] : rows) {
      if (row->value > Rational(1)) {
        out.push_back(make_diagnostic(Severity::warning, "D561", row->where,
                                      {{"metric", metric}, {"at", at_text(at)}, {"value", percent_text(row->value)}}));
      }
    }
  }
  for (std::string_view ratio : {"支付转化率", "下单转化率"}) {
    auto parts = derived_metric(ratio);
    auto n = by_metric.find(parts.numerator), d = by_metric.find(parts.denominator);
    if (n == by_metric.end() || d == by_metric.end()) continue;
    for (const auto& [at, row] : n->second) {
      auto other = d->second.find(at);
      if (other == d->second.end() || !(row->value > other->second->value)) continue;
      out.push_back(make_diagnostic(Severity::warning, "D561.parts", row->where,
                                    {{"metric", std::string(ratio)}, {"at", at_text(at)}, {"numerator", std::string(parts.numerator)},
                                     {"value", row->value.to_string()}, {"denominator", std::string(parts.denominator)},
                                     {"other", other->second->value.to_string()}}));
    }
  }
  // D562: more orders (or buyers, or units) than units offered; the first row past the cap.
  if (options.targets.units_capped && options.targets.units) {
    for (std::string_view metric : {"支付件数", "支付笔数", "支付买家数"}) {
      auto s = by_metric.find(metric);
      if (s == by_metric.end()) continue;
      for (const auto& [at, row] : s->second) {
        if (row->value > *options.targets.units) {
          out.push_back(make_diagnostic(Severity::warning, "D562", row->where,
                                        {{"metric", std::string(metric)}, {"at", at_text(at)}, {"value", row->value.to_string()},
                                         {"units", options.targets.units->to_string()}, {"name", options.targets.units_formula}}));
          break;
        }
      }
    }
  }
  // D563: rows more than a day after as-of, once per file (with how many there are).
  if (options.as_of) {
    auto limit = *options.as_of + date::days(1);
    for (const auto& file : inputs) {
      const ActualRow* first = nullptr;
      std::size_t count = 0;
      for (const auto& row : file.rows) {
        if (row.at <= limit) continue;
        if (!first) first = &row;
        ++count;
      }
      if (first) {
        out.push_back(make_diagnostic(Severity::warning, "D563", first->where,
                                      {{"metric", first->metric}, {"at", at_text(first->at)}, {"as_of", at_text(*options.as_of)},
                                       {"count", count}}));
      }
    }
  }
  return out;
}

}  // namespace dacu
