#include "dacu/input/budget_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "dacu/base/timefmt.hpp"
#include "dacu/input/reader_support.hpp"

namespace dacu::reader {

namespace {


constexpr std::array<std::string_view, 3> kBudgetKeys{"declared_total", "lines", "note"};
constexpr std::array<std::string_view, 5> kLineKeys{"name", "category", "amount", "discount", "note"};
constexpr std::array<std::string_view, 7> kRevenueKeys{"price", "units", "visitors", "conversion", "order_value",
                                                       "unit_cost", "note"};
constexpr std::array<std::string_view, 5> kShareKeys{"name", "note", "units_label", "amount_label", "rows"};
constexpr std::array<std::string_view, 3> kShareRowKeys{"name", "units", "amount"};
constexpr std::array<std::string_view, 7> kLimitKeys{"name", "from", "to", "min", "max", "severity", "source"};






// Checks at load time that a formula names only numeric parameters (and 成交额 where allowed).
void check_formula_names(const Expr& e, const Template& t, bool revenue_allowed) {
  auto candidates = t.numeric_parameter_names();
  if (revenue_allowed) candidates.emplace_back(kRevenueName);
  std::vector<const Expr*> stack{&e};
  while (!stack.empty()) {
    const auto* node = stack.back();
    stack.pop_back();
    for (const auto& o : node->operands) stack.push_back(&o);
    if (node->kind != Expr::Kind::name) continue;
    if (node->text == kRevenueName) {
      if (revenue_allowed) continue;
      throw InputError("D328", node->at, fmt::format("{} cannot be used here", kRevenueName),
                       revenue_allowed ? "" : "成交额 is computed from the revenue section; use its parameters instead");
    }
    const auto* p = t.find_parameter(node->text);
    if (!p) {
      throw InputError("D311", node->at, fmt::format("unknown name {}", node->text), suggestion(node->text, candidates));
    }
    if (!is_numeric(p->type)) {
      throw InputError("D326", node->at, fmt::format("parameter {} is not a number and cannot be used in a formula", p->name),
                       "formulas use parameters of type number, integer, percent or money");
    }
  }
}

Expr read_formula(const yaml::Node& node, std::string_view what, const Template& t, bool revenue_allowed) {
  const auto& text = yaml::scalar(node, what);
  auto e = parse_expr(text, node.text_where());
  check_formula_names(e, t, revenue_allowed);
  return e;
}


Budget read_budget(const yaml::Node& node, const Template& t) {
  yaml::Fields f(node, "budget", kBudgetKeys);
  Budget b;
  b.where = node.where;
  if (const auto* total = f.find("declared_total")) {
    b.declared_total = parse_money(yaml::scalar(*total, "declared_total"), Rounding::none, total->text_where());
    b.declared_where = total->where;
  }
  const auto& lines = yaml::sequence(f.require("lines"), "budget lines");
  for (const auto& item : lines.children) {
    yaml::Fields lf(item, "a budget line", kLineKeys);
    BudgetLine line;
    const auto& name = lf.require("name");
    line.name = yaml::scalar(name, "line name");
    line.where = name.where;
    for (const auto& other : b.lines) {
      if (other.name == line.name) {
        throw InputError("D324", line.where, fmt::format("a budget line named {} already exists (line {})", line.name, other.where.line),
                         "give each line its own name");
      }
    }
    const auto& category = lf.require("category");
    line.category = yaml::scalar(category, "category");
    line.category_where = category.where;
    const auto& categories = budget_categories();
    if (std::find(categories.begin(), categories.end(), line.category) == categories.end()) {
      throw InputError("D321", category.where, fmt::format("unknown budget category '{}'", line.category),
                       suggestion(line.category, categories));
    }
    const auto& amount = lf.require("amount");
    line.written = yaml::scalar(amount, "amount");
    line.amount_where = amount.text_where();
    line.amount = try_parse_money(line.written, Rounding::none);
    if (!line.amount) {
      line.formula = parse_expr(line.written, line.amount_where);
      check_formula_names(*line.formula, t, true);
    }
    if (const auto* d = lf.find("discount")) line.discount = read_bool(*d, "discount");
    if (const auto* n = lf.find("note")) line.note = yaml::scalar(*n, "note");
    b.lines.push_back(std::move(line));
  }
  return b;
}

RevenueModel read_revenue(const yaml::Node& node, const Template& t) {
  yaml::Fields f(node, "revenue", kRevenueKeys);
  RevenueModel r;
  r.where = node.where;
  auto formula = [&](std::string_view key) -> std::optional<Expr> {
    if (const auto* n = f.find(key)) return read_formula(*n, key, t, false);
    return std::nullopt;
  };
  r.price = formula("price");
  r.units = formula("units");
  r.visitors = formula("visitors");
  r.conversion = formula("conversion");
  r.order_value = formula("order_value");
  r.unit_cost = formula("unit_cost");
  if (const auto* n = f.find("note")) r.note = yaml::scalar(*n, "note");
  bool simple = r.price || r.units;
  bool traffic = r.visitors || r.conversion || r.order_value;
  if (simple && traffic) {
    throw InputError("D328", node.where, "revenue gives both price × units and visitors × conversion × order value",
                     "keep one model: price and units, or visitors, conversion and order_value");
  }
  if (simple) {
    if (!r.price || !r.units) {
      throw InputError("D328", node.where, fmt::format("revenue needs both price and units; {} is missing", r.price ? "units" : "price"),
                       "write e.g. price: 团购价 and units: 件数");
    }
    r.kind = RevenueModel::Kind::price_units;
  } else if (traffic) {
    if (!r.visitors || !r.conversion || !r.order_value) {
      throw InputError("D328", node.where, "revenue by traffic needs visitors, conversion and order_value",
                       "write e.g. visitors: 访客数, conversion: 支付转化率, order_value: 客单价");
    }
    r.kind = RevenueModel::Kind::traffic;
  } else {
    throw InputError("D328", node.where, "revenue gives no model",
                     "write price and units, or visitors, conversion and order_value");
  }
  return r;
}

Scenario read_scenario(const std::string& name, const yaml::Node& key, const yaml::Node& body, const Template& t) {
  Scenario s;
  s.name = name;
  s.where = key.where;
  if (body.is_null()) return s;
  yaml::mapping(body, fmt::format("scenario {}", name));
  auto candidates = t.numeric_parameter_names();
  for (std::size_t i = 0; i < body.map_size(); ++i) {
    const auto& k = body.key(i);
    const auto& v = body.val(i);
    if (k.value == "description") {
      s.description = yaml::scalar(v, "description");
      continue;
    }
    const auto* p = t.find_parameter(k.value);
    if (!p) {
      throw InputError("D330", k.where, fmt::format("scenario {}: the template has no parameter {}", name, k.value),
                       suggestion(k.value, candidates));
    }
    if (!is_numeric(p->type)) {
      throw InputError("D330", k.where, fmt::format("scenario {}: parameter {} is not a number", name, k.value),
                       "scenarios change number, integer, percent and money parameters");
    }
    const auto& text = yaml::scalar(v, k.value);
    auto number = read_parameter_value(*p, text, v.text_where());
    s.values.push_back({k.value, text, *number, v.text_where()});
  }
  return s;
}

std::vector<Scenario> read_scenarios(const yaml::Node& node, const Template& t) {
  yaml::mapping(node, "scenarios");
  std::vector<Scenario> out;
  for (std::size_t i = 0; i < node.map_size(); ++i) {
    out.push_back(read_scenario(node.key(i).value, node.key(i), node.val(i), t));
  }
  return out;
}

ShareTable read_share_table(const yaml::Node& node) {
  yaml::Fields f(node, "a share table", kShareKeys);
  ShareTable s;
  const auto& name = f.require("name");
  s.name = yaml::scalar(name, "name");
  s.where = name.where;
  if (const auto* n = f.find("note")) s.note = yaml::scalar(*n, "note");
  if (const auto* n = f.find("units_label")) s.units_label = yaml::scalar(*n, "units_label");
  if (const auto* n = f.find("amount_label")) s.amount_label = yaml::scalar(*n, "amount_label");
  const auto& rows = yaml::sequence(f.require("rows"), "rows");
  bool any_units = false, any_amount = false;
  for (const auto& item : rows.children) {
    yaml::Fields rf(item, "a share row", kShareRowKeys);
    ShareRow row;
    const auto& rn = rf.require("name");
    row.name = yaml::scalar(rn, "name");
    row.where = rn.where;
    for (const auto& other : s.rows) {
      if (other.name == row.name) {
        throw InputError("D334", row.where, fmt::format("share table {}: a row named {} already exists", s.name, row.name),
                         "give each group its own name");
      }
    }
    if (const auto* u = rf.find("units")) {
      const auto& text = yaml::scalar(*u, "units");
      auto value = parse_rational(text, u->text_where());
      if (!value.is_integer() || value.is_negative()) {
        throw InputError("D334", u->text_where(), fmt::format("units must be a whole number not below 0, not '{}'", text),
                         "write the number of units sold, e.g. 120");
      }
      row.units = value.numerator();
      any_units = true;
    }
    if (const auto* a = rf.find("amount")) {
      row.amount = parse_money(yaml::scalar(*a, "amount"), Rounding::none, a->text_where());
      if (row.amount->is_negative()) {
        throw InputError("D334", a->text_where(), "a share table's amount cannot be negative",
                         "write the group's sales in 元, 0 or more");
      }
      any_amount = true;
    }
    s.rows.push_back(std::move(row));
  }
  if (s.rows.empty()) {
    throw InputError("D334", s.where, fmt::format("share table {} has no rows", s.name),
                     "list the groups, each with units, amount or both, or remove the table");
  }
  for (const auto& row : s.rows) {
    if ((any_units && !row.units) || (any_amount && !row.amount) || (!row.units && !row.amount)) {
      throw InputError("D334", row.where,
                       fmt::format("share table {}: row {} lacks {}", s.name, row.name,
                                   any_units && !row.units ? "units" : "amount"),
                       "give every row the same columns (units, amount or both)");
    }
  }
  return s;
}

PeriodLimit read_limit(const yaml::Node& node, const Template& t) {
  yaml::Fields f(node, "a limit", kLimitKeys);
  PeriodLimit l;
  const auto& name = f.require("name");
  l.name = yaml::scalar(name, "name");
  l.where = name.where;
  auto milestone = [&](std::string_view key) {
    const auto& n = f.require(key);
    const auto& text = yaml::scalar(n, key);
    if (!t.find_milestone(text)) {
      throw InputError("D337", n.where, fmt::format("limit {}: no milestone named {}", l.name, text),
                       suggestion(text, t.milestone_names()));
    }
    return text;
  };
  l.from = milestone("from");
  l.to = milestone("to");
  auto duration = [&](std::string_view key) -> std::optional<std::chrono::seconds> {
    const auto* n = f.find(key);
    if (!n) return std::nullopt;
    auto d = parse_duration(yaml::scalar(*n, key));
    if (!d || d->count() < 0) {
      throw InputError("D337", n->where, fmt::format("limit {}: '{}' is not a duration", l.name, n->value),
                       "write a number and a unit: 3d, 12h, 30min");
    }
    return d;
  };
  l.min = duration("min");
  l.max = duration("max");
  if (!l.min && !l.max) throw InputError("D337", l.where, fmt::format("limit {} gives neither min nor max", l.name));
  if (l.min && l.max && *l.min > *l.max) {
    throw InputError("D337", f.find("max")->where, fmt::format("limit {}: max is below min", l.name));
  }
  if (const auto* s = f.find("severity")) {
    const auto& text = yaml::scalar(*s, "severity");
    if (text == "error") {
      l.severity = Severity::error;
    } else if (text != "warning") {
      throw InputError("D337", s->where, fmt::format("unknown severity '{}'", text), "write error or warning");
    }
  }
  if (const auto* s = f.find("source")) l.source = yaml::scalar(*s, "source");
  return l;
}

}  // namespace

void read_money_sections(const yaml::Node& top, Template& t) {
  if (const auto* n = top.find("revenue")) t.revenue = read_revenue(*n, t);
  if (const auto* n = top.find("budget")) {
    t.budget = read_budget(*n, t);
    if (t.revenue.kind == RevenueModel::Kind::none) {
      for (const auto& line : t.budget.lines) {
        if (!line.formula) continue;
        auto names = line.formula->names();
        if (std::find(names.begin(), names.end(), kRevenueName) != names.end()) {
          throw InputError("D328", line.amount_where, fmt::format("budget line {} uses 成交额 but the template has no revenue", line.name),
                           "add a revenue: section (price and units)");
        }
      }
    }
  }
  if (const auto* n = top.find("scenarios")) t.scenarios = read_scenarios(*n, t);
  if (const auto* n = top.find("shares")) {
    for (const auto& item : yaml::sequence(*n, "shares").children) {
      auto table = read_share_table(item);
      for (const auto& other : t.shares) {
        if (other.name == table.name) {
          throw InputError("D334", table.where, fmt::format("a share table named {} already exists", table.name),
                           "give each share table its own name");
        }
      }
      t.shares.push_back(std::move(table));
    }
  }
  if (const auto* n = top.find("limits")) {
    for (const auto& item : yaml::sequence(*n, "limits").children) t.limits.push_back(read_limit(item, t));
  }
}

void read_campaign_scenarios(const yaml::Node& top, Template& t) {
  const auto* n = top.find("scenarios");
  if (!n) return;
  for (auto& s : read_scenarios(*n, t)) {
    auto it = std::find_if(t.scenarios.begin(), t.scenarios.end(), [&](const Scenario& o) { return o.name == s.name; });
    if (it != t.scenarios.end()) {
      *it = std::move(s);
    } else {
      t.scenarios.push_back(std::move(s));
    }
  }
}


}  // namespace dacu::reader
