// Lookups on the model: by name, and the lists of names that "did you mean" suggestions need.
#include "dacu/model/template.hpp"

#include <algorithm>
#include <utility>

namespace dacu {

const Milestone* Template::find_milestone(std::string_view n) const {
  for (const auto& m : milestones) {
    if (m.name == n) return &m;
  }
  return nullptr;
}
Milestone* Template::find_milestone(std::string_view n) {
  return const_cast<Milestone*>(std::as_const(*this).find_milestone(n));
}
const Parameter* Template::find_parameter(std::string_view n) const {
  for (const auto& p : parameters) {
    if (p.name == n) return &p;
  }
  return nullptr;
}
Parameter* Template::find_parameter(std::string_view n) {
  return const_cast<Parameter*>(std::as_const(*this).find_parameter(n));
}
std::vector<std::string> Template::milestone_names() const {
  std::vector<std::string> out;
  for (const auto& m : milestones) out.push_back(m.name);
  return out;
}
std::vector<std::string> Template::parameter_names() const {
  std::vector<std::string> out;
  for (const auto& p : parameters) out.push_back(p.name);
  return out;
}
std::vector<std::string> Template::role_names() const {
  std::vector<std::string> out;
  auto add = [&](const std::string& r) {
    if (!r.empty() && std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
  };
  for (const auto& d : departments) {
    add(d.lead);
    for (const auto& r : d.roles) add(r);
  }
  return out;
}

std::map<std::string, Rational, std::less<>> Template::parameter_numbers() const {
  std::map<std::string, Rational, std::less<>> out;
  for (const auto& p : parameters) {
    if (p.number) out.emplace(p.name, *p.number);
  }
  return out;
}

std::vector<std::string> Template::numeric_parameter_names() const {
  std::vector<std::string> out;
  for (const auto& p : parameters) {
    if (is_numeric(p.type)) out.push_back(p.name);
  }
  return out;
}

const std::vector<std::string>& budget_categories() {
  static const std::vector<std::string> categories{"推广", "活动", "运营", "其他"};
  return categories;
}

const CategoryRules* EligibilityRules::find_category(std::string_view n) const {
  for (const auto& c : categories) {
    if (c.name == n) return &c;
  }
  // One row of the seed's table may name several categories (品牌手表/Zippo/眼镜/瑞士军刀): a
  // product list names one of them.
  if (n.empty()) return nullptr;
  for (const auto& c : categories) {
    std::string_view rest = c.name;
    while (true) {
      auto slash = rest.find('/');
      if (rest.substr(0, slash) == n) return &c;
      if (slash == std::string_view::npos) break;
      rest.remove_prefix(slash + 1);
    }
  }
  return nullptr;
}

std::string EligibilityRules::canonical_condition(std::string_view n) const {
  for (const auto& c : conditions) {
    if (c.name == n) return c.name;
    for (const auto& a : c.aliases) {
      if (a == n) return c.name;
    }
  }
  return {};
}

std::vector<std::string> EligibilityRules::category_names() const {
  std::vector<std::string> out;
  for (const auto& c : categories) out.push_back(c.name);
  return out;
}

std::vector<std::string> EligibilityRules::condition_names() const {
  std::vector<std::string> out;
  for (const auto& c : conditions) {
    out.push_back(c.name);
    out.insert(out.end(), c.aliases.begin(), c.aliases.end());
  }
  return out;
}

MetricKind metric_kind(std::string_view metric) {
  if (metric == "下单金额" || metric == "支付金额" || metric == "客单价") return MetricKind::money;
  if (metric.ends_with("率") || metric.find('%') != std::string_view::npos) return MetricKind::ratio;
  return MetricKind::count;
}

Rational at_metric_precision(const Rational& value, std::string_view metric) {
  switch (metric_kind(metric)) {
    case MetricKind::money: return value.round_to(2);
    case MetricKind::ratio: return value.round_to(6);
    case MetricKind::count: return value.round();
  }
  return value;
}

}  // namespace dacu
