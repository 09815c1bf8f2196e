// Lookups on the model: by name, and the lists of names that "did you mean" suggestions need.
#include "dacu/model/template.hpp"

#include "dacu/base/utf8.hpp"

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
  if (n.empty()) return nullptr;
  auto folded = utf8::ascii_lower(n);
  // The parts of a name: one row of the seed's table may name several categories
  // (品牌手表/Zippo/眼镜/瑞士军刀), and a product list names one of them.
  auto parts = [](const std::string& name) {
    std::vector<std::string> out;
    std::string_view rest = name;
    while (true) {
      auto slash = rest.find('/');
      out.push_back(utf8::ascii_lower(rest.substr(0, slash)));
      if (slash == std::string_view::npos) break;
      rest.remove_prefix(slash + 1);
    }
    return out;
  };
  for (const auto& c : categories) {
    if (utf8::ascii_lower(c.name) == folded) return &c;
  }
  for (const auto& c : categories) {
    for (const auto& part : parts(c.name)) {
      if (part == folded) return &c;
    }
    for (const auto& a : c.aliases) {
      if (utf8::ascii_lower(a) == folded) return &c;
    }
  }
  // 音像 or 书籍 for 书籍音像: a name the category's begins or ends with, when only one does.
  if (utf8::count_chars(n) < 2) return nullptr;
  const CategoryRules* found = nullptr;
  for (const auto& c : categories) {
    // The whole name only: 手表 is not 品牌手表/Zippo/眼镜/瑞士军刀 (a watch need not be a brand's).
    auto name = utf8::ascii_lower(c.name);
    if (name.find('/') != std::string::npos || name.size() <= folded.size()) continue;
    if (!name.starts_with(folded) && !name.ends_with(folded)) continue;
    if (found) return nullptr;
    found = &c;
  }
  return found;
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
