#include "dacu/compute/funnel.hpp"

#include <algorithm>
#include <map>

#include "dacu/model/template.hpp"
#include "dacu/base/numbers.hpp"

namespace dacu {

namespace {

// A blank cell, read as 否, is counted per column so the report can say so (D355).
struct Blanks {
  std::size_t count = 0;
  const Location* first = nullptr;
};

bool yes_no(const CsvRecord& r, std::size_t column, const std::string& header, Blanks& blanks) {
  const auto& v = r.fields[column];
  if (v.empty()) {
    if (blanks.count++ == 0) blanks.first = &r.where[column];
    return false;
  }
  if (auto yes = parse_yes_no(v)) return *yes;
  // 订货宝's own exports write an account's state in these columns.
  if (v == "已启用") return true;
  if (v.empty() || v == "待激活") return false;
  throw input_error("D350.yes-no", r.where[column], {{"column", header}, {"value", v}, {"forms", yes_no_forms()}});
}

std::optional<Rational> target(const Template& t, std::string_view name) {
  const auto* p = t.find_parameter(name);
  if (!p) return std::nullopt;
  return p->number;
}

void finish(FunnelCounts& c) {
  if (c.registered > 0) c.activation_rate = Rational(c.activated, c.registered);
  if (c.activated > 0) c.first_order_rate = Rational(c.ordered, c.activated);
}

}  // namespace

FunnelReport compute_funnel(const Campaign& campaign, const CsvTable& customers) {
  FunnelReport report;
  report.campaign = campaign.name;
  report.customers_file = customers.source ? customers.source->name : std::string();
  report.target_activation = target(campaign.plan, "目标激活率");
  report.target_first_order = target(campaign.plan, "目标首单率");
  auto columns = require_columns(customers, {{"客户", "customer"},
                                             {"业务员", "salesperson"},
                                             {"注册", "registered"},
                                             {"激活", "activated"},
                                             {"下单", "ordered"}});
  if (customers.records.empty()) {
    throw input_error("D352", Location{customers.source, 1, 1});
  }
  std::size_t orders_without_activation = 0;
  const CsvRecord* first_unactivated_order = nullptr;
  Blanks blanks[3];
  // Each customer counts once: an export that lists one twice (two salespeople, two pulls pasted
  // together) would count its registration, activation and order twice (D354).
  std::map<std::string_view, const CsvRecord*> seen;
  for (const auto& r : customers.records) {
    const auto& salesperson = r.fields[columns[1]];
    if (salesperson.empty()) {
      throw input_error("D350.no-salesperson", r.where[columns[1]]);
    }
    const auto& customer = r.fields[columns[0]];
    if (!customer.empty()) {
      auto [first, added] = seen.emplace(customer, &r);
      if (!added) {
        report.warnings.push_back(make_diagnostic(Severity::warning, "D354", r.where[columns[0]],
                                                  {{"customer", customer}, {"line", first->second->where[columns[0]].line}}));
        continue;
      }
    }
    bool registered = yes_no(r, columns[2], customers.header[columns[2]], blanks[0]);
    bool activated = yes_no(r, columns[3], customers.header[columns[3]], blanks[1]);
    bool ordered = yes_no(r, columns[4], customers.header[columns[4]], blanks[2]);
    if (activated && !registered) {
      throw input_error("D351", r.where[columns[3]], {{"customer", r.fields[columns[0]]}});
    }
    if (ordered && !activated) {
      if (!first_unactivated_order) first_unactivated_order = &r;
      ++orders_without_activation;
    }
    auto it = std::find_if(report.by_salesperson.begin(), report.by_salesperson.end(),
                           [&](const FunnelCounts& c) { return c.salesperson == salesperson; });
    if (it == report.by_salesperson.end()) {
      FunnelCounts counts;
      counts.salesperson = salesperson;
      report.by_salesperson.push_back(std::move(counts));
      it = std::prev(report.by_salesperson.end());
    }
    for (auto* c : {&*it, &report.overall}) {
      ++c->customers;
      c->registered += registered;
      c->activated += activated;
      c->ordered += ordered;
    }
  }
  for (auto& c : report.by_salesperson) {
    finish(c);
    c.below_target = (report.target_activation && c.activation_rate && *c.activation_rate < *report.target_activation) ||
                     (report.target_first_order && c.first_order_rate && *c.first_order_rate < *report.target_first_order);
  }
  finish(report.overall);
  for (std::size_t i = 0; i < 3; ++i) {
    if (blanks[i].count == 0) continue;
    report.warnings.push_back(make_diagnostic(Severity::warning, "D355", *blanks[i].first,
                                              {{"column", customers.header[columns[i + 2]]}, {"count", blanks[i].count}}));
  }
  if (first_unactivated_order) {
    report.warnings.push_back(make_diagnostic(
        Severity::warning, "D353", first_unactivated_order->where[columns[4]],
        {{"count", orders_without_activation},
         {"customers", message(orders_without_activation == 1 ? "csv.customer" : "csv.customers")}}));
  }
  sort_diagnostics(report.warnings);
  return report;
}

}  // namespace dacu
