#include "dacu/budget.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "dacu/model.hpp"
#include "dacu/schedule.hpp"
#include "dacu/timefmt.hpp"
#include "dacu/yaml.hpp"

namespace dacu {

namespace {

/// The name budget formulas use for the revenue.
constexpr std::string_view kRevenueName = "成交额";

constexpr std::array<std::string_view, 3> kBudgetKeys{"declared_total", "lines", "note"};
constexpr std::array<std::string_view, 5> kLineKeys{"name", "category", "amount", "discount", "note"};
constexpr std::array<std::string_view, 7> kRevenueKeys{"price", "units", "visitors", "conversion", "order_value",
                                                       "unit_cost", "note"};
constexpr std::array<std::string_view, 5> kShareKeys{"name", "note", "units_label", "amount_label", "rows"};
constexpr std::array<std::string_view, 3> kShareRowKeys{"name", "units", "amount"};
constexpr std::array<std::string_view, 7> kLimitKeys{"name", "from", "to", "min", "max", "severity", "source"};

using Values = std::map<std::string, Rational, std::less<>>;
using Shown = std::map<std::string, std::string, std::less<>>;

// Where a scalar's text starts (quoted scalars start one column later).
Location text_start(const yaml::Node& node) {
  Location at = node.where;
  if (node.quoted && at.known()) at.column += 1;
  return at;
}

bool is_numeric(ParameterType type) {
  return type == ParameterType::number || type == ParameterType::integer || type == ParameterType::percent ||
         type == ParameterType::money;
}

// A parameter value as an exact number in its unit (money in 元, percent as a fraction).
Rational numeric_value(const Parameter& p, std::string_view text, const Location& where) {
  if (p.type == ParameterType::money) return parse_money(text, Rounding::none, where).yuan();
  try {
    return parse_rational(text, where);
  } catch (const InputError&) {
    throw InputError("D330", where, fmt::format("parameter {} needs a number, not '{}'", p.name, text),
                     p.type == ParameterType::percent ? "write a percentage such as 20%" : "write a number such as 1500");
  }
}

std::vector<std::string> numeric_parameter_names(const Template& t) {
  std::vector<std::string> out;
  for (const auto& p : t.parameters) {
    if (is_numeric(p.type)) out.push_back(p.name);
  }
  return out;
}

// Checks at load time that a formula names only numeric parameters (and 成交额 where allowed).
void check_formula_names(const Expr& e, const Template& t, bool revenue_allowed) {
  auto candidates = numeric_parameter_names(t);
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
  auto e = parse_expr(text, text_start(node));
  check_formula_names(e, t, revenue_allowed);
  return e;
}

bool read_bool(const yaml::Node& node, std::string_view what) {
  const auto& text = yaml::scalar(node, what);
  if (text == "true" || text == "是") return true;
  if (text == "false" || text == "否") return false;
  throw InputError("D004", node.where, fmt::format("{} must be true or false, not '{}'", what, text));
}

Budget read_budget(const yaml::Node& node, const Template& t) {
  yaml::Fields f(node, "budget", kBudgetKeys);
  Budget b;
  b.where = node.where;
  if (const auto* total = f.find("declared_total")) {
    b.declared_total = parse_money(yaml::scalar(*total, "declared_total"), Rounding::none, text_start(*total));
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
    line.amount_where = text_start(amount);
    try {
      line.amount = parse_money(line.written, Rounding::none);
    } catch (const Error&) {
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
  auto candidates = numeric_parameter_names(t);
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
    numeric_value(*p, text, text_start(v));  // checked now, used later
    s.values.push_back({k.value, text, text_start(v)});
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
      auto value = parse_rational(text, text_start(*u));
      if (!value.is_integer() || value.is_negative()) {
        throw InputError("D334", text_start(*u), fmt::format("units must be a whole number not below 0, not '{}'", text),
                         "write the number of units sold, e.g. 120");
      }
      row.units = value.numerator();
      any_units = true;
    }
    if (const auto* a = rf.find("amount")) {
      row.amount = parse_money(yaml::scalar(*a, "amount"), Rounding::none, text_start(*a));
      if (row.amount->is_negative()) {
        throw InputError("D334", text_start(*a), "a share table's amount cannot be negative",
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

// ---------------------------------------------------------------------------------------------
// Computation

struct Inputs {
  Values values;
  Shown shown;
};

Inputs parameter_inputs(const Template& t) {
  Inputs in;
  for (const auto& p : t.parameters) {
    if (!is_numeric(p.type) || p.value.empty()) continue;
    in.values[p.name] = numeric_value(p, p.value, p.value_where);
    in.shown[p.name] = p.value;
  }
  return in;
}

Trace trace_of(const std::vector<const Expr*>& exprs, std::string formula, const Shown& shown) {
  Trace tr{std::move(formula), {}};
  std::vector<std::string> seen;
  for (const auto* e : exprs) {
    for (const auto& n : e->names()) {
      if (std::find(seen.begin(), seen.end(), n) != seen.end()) continue;
      seen.push_back(n);
      auto it = shown.find(n);
      if (!tr.inputs.empty()) tr.inputs += ", ";
      tr.inputs += fmt::format("{} = {}", n, it == shown.end() ? std::string("?") : it->second);
    }
  }
  return tr;
}

Rational eval(const Expr& e, const Values& v) {
  ExprLookup lookup = [&](std::string_view name) -> std::optional<Rational> {
    auto it = v.find(name);
    if (it == v.end()) return std::nullopt;
    return it->second;
  };
  return evaluate(e, lookup);
}

Money to_money(const Rational& yuan, const Location& where) {
  try {
    return Money::from_yuan(yuan, Rounding::half_up_to_fen);
  } catch (const InputError&) {
    throw;
  } catch (const Error& e) {
    throw InputError("D314", where, e.what(), "amounts go up to 92233720368547758.07 元");
  }
}

// Exact arithmetic on figures; an overflow becomes an error located at `where`.
template <typename F>
auto exact(const Location& where, F f) {
  try {
    return f();
  } catch (const InputError&) {
    throw;
  } catch (const Error& e) {
    throw InputError("D314", where, e.what(), "the figures are too large to compute exactly");
  }
}

// The figures for one set of values. Errors that do not stop the computation (a negative line
// that is not a discount) go to `problems`; others are thrown.
RoiFigures figures_for(const Template& t, Inputs in, std::vector<Diagnostic>& problems) {
  RoiFigures f;
  const auto& r = t.revenue;
  if (r.kind == RevenueModel::Kind::price_units) {
    f.unit_price = to_money(eval(*r.price, in.values), r.price->at);
    f.units = eval(*r.units, in.values);
    f.revenue_trace = trace_of({&*r.price, &*r.units}, fmt::format("{} × {}", r.price->to_string(), r.units->to_string()), in.shown);
  } else if (r.kind == RevenueModel::Kind::traffic) {
    auto visitors = eval(*r.visitors, in.values);
    auto conversion = eval(*r.conversion, in.values);
    f.units = exact(r.where, [&] { return visitors * conversion; });
    f.unit_price = to_money(eval(*r.order_value, in.values), r.order_value->at);
    f.revenue_trace = trace_of({&*r.visitors, &*r.conversion, &*r.order_value},
                               fmt::format("{} × {} × {}", r.visitors->to_string(), r.conversion->to_string(),
                                           r.order_value->to_string()),
                               in.shown);
  }
  if (f.unit_price) {
    f.revenue = exact(r.where, [&] { return multiply(*f.unit_price, *f.units, Rounding::half_up_to_fen); });
    // A unit cost over a parameter without a value (进货价 not given) leaves the profit out.
    auto known = [&](const Expr& e) {
      auto names = e.names();
      return std::all_of(names.begin(), names.end(), [&](const std::string& n) { return in.values.count(n) > 0; });
    };
    if (r.unit_cost && known(*r.unit_cost)) {
      f.unit_cost = to_money(eval(*r.unit_cost, in.values), r.unit_cost->at);
      f.goods_cost = exact(r.where, [&] { return multiply(*f.unit_cost, *f.units, Rounding::half_up_to_fen); });
      f.gross_profit = exact(r.where, [&] { return f.revenue - *f.goods_cost; });
    }
  }
  in.values[std::string(kRevenueName)] = f.revenue.yuan();
  in.shown[std::string(kRevenueName)] = f.revenue.to_string();

  for (const auto& line : t.budget.lines) {
    LineResult lr{line.name, line.category, {}, line.discount, {}};
    if (line.amount) {
      lr.amount = *line.amount;
    } else {
      lr.amount = to_money(eval(*line.formula, in.values), line.amount_where);
      lr.trace = trace_of({&*line.formula}, line.formula->to_string(), in.shown);
    }
    if (lr.amount.is_negative() && !line.discount) {
      problems.push_back({Severity::error, "D322", line.amount_where,
                          fmt::format("budget line {} is negative ({}) but not declared a discount", line.name,
                                      lr.amount.format_grouped()),
                          "a cost is not below 0; a rebate or subsidy that lowers the cost needs `discount: true`"});
    }
    f.cost = exact(line.where, [&] { return f.cost + lr.amount; });
    f.lines.push_back(std::move(lr));
  }
  for (const auto& category : budget_categories()) {
    CategoryTotal ct{category, {}};
    bool any = false;
    for (const auto& lr : f.lines) {
      if (lr.category == category) {
        ct.total = exact(t.budget.where, [&] { return ct.total + lr.amount; });
        any = true;
      }
    }
    if (any) f.categories.push_back(ct);
  }
  if (f.gross_profit) f.net_profit = exact(r.where, [&] { return *f.gross_profit - f.cost; });
  bool has_revenue = r.kind != RevenueModel::Kind::none;
  if (has_revenue && f.cost.fen() != 0) {
    f.roas = f.revenue / f.cost;
    f.finance_roi = exact(r.where, [&] { return (f.revenue - f.cost) / f.cost; });
  }
  if (has_revenue && f.revenue.fen() != 0) f.cost_ratio = f.cost / f.revenue;
  if (f.unit_price && f.unit_cost) {
    auto margin = exact(r.where, [&] { return *f.unit_price - *f.unit_cost; });
    if (margin.fen() > 0) {
      f.break_even_units = (f.cost / margin).ceil();
      f.break_even_roas = *f.unit_price / margin;
    }
  }
  return f;
}

Inputs with_scenario(const Template& t, Inputs in, const Scenario& s) {
  for (const auto& v : s.values) {
    const auto* p = t.find_parameter(v.parameter);
    in.values[v.parameter] = numeric_value(*p, v.value, v.where);
    in.shown[v.parameter] = v.value;
  }
  return in;
}

std::string show_duration(std::chrono::seconds d) {
  auto s = d.count();
  if (s % 86400 == 0) return fmt::format("{}天", s / 86400);
  if (s % 3600 == 0) return fmt::format("{}小时", s / 3600);
  return fmt::format("{}分钟", s / 60);
}

std::string show_span(std::chrono::seconds d) {
  auto s = d.count();
  if (s % 86400 == 0) return fmt::format("{}天", s / 86400);
  return fmt::format("{}天{}小时", s / 86400, (s % 86400) / 3600);
}

}  // namespace

const std::vector<std::string>& budget_categories() {
  static const std::vector<std::string> categories{"推广", "活动", "运营", "其他"};
  return categories;
}

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

std::vector<Diagnostic> check_budget(const Template& t) {
  std::vector<Diagnostic> out;
  if (t.budget.lines.empty() && t.revenue.kind == RevenueModel::Kind::none) return out;
  try {
    auto f = figures_for(t, parameter_inputs(t), out);
    if (t.budget.declared_total && *t.budget.declared_total != f.cost) {
      auto diff = *t.budget.declared_total - f.cost;
      out.push_back({Severity::warning, "D323", t.budget.declared_where,
                     fmt::format("the declared total {} disagrees with the budget lines, which add up to {} (difference {})",
                                 t.budget.declared_total->format_grouped(), f.cost.format_grouped(), diff.format_grouped()),
                     "dacu reports the sum of the lines; correct the lines or declared_total"});
    }
    if (f.unit_price && f.unit_cost && *f.unit_cost >= *f.unit_price) {
      // A unit cost that is one parameter is shown where its value was given (the campaign's
      // `进货价: 120`, or the template's default), not at the formula that names it.
      bool traffic = t.revenue.kind == RevenueModel::Kind::traffic;
      const auto& price = traffic ? t.revenue.order_value : t.revenue.price;
      Location at = t.revenue.unit_cost->at;
      if (t.revenue.unit_cost->kind == Expr::Kind::name) {
        if (const auto* p = t.find_parameter(t.revenue.unit_cost->text); p && p->value_where.known()) at = p->value_where;
      }
      out.push_back({Severity::warning, "D329", at,
                     fmt::format("the unit cost {} is not below the price {}: every unit loses money, there is no break-even",
                                 f.unit_cost->format_grouped(), f.unit_price->format_grouped()),
                     fmt::format("check the unit cost ({}) and the {} ({})", t.revenue.unit_cost->to_string(),
                                 traffic ? "order value" : "price", price ? price->to_string() : "?")});
    }
  } catch (const InputError& e) {
    out.push_back(e.diagnostic());
  }
  sort_diagnostics(out);
  return out;
}

std::vector<Diagnostic> check_limits(const Template& t, const Plan& plan) {
  std::vector<Diagnostic> out;
  auto find = [&](const std::string& name) -> const DatedMilestone* {
    for (const auto& m : plan.milestones) {
      if (m.name == name) return &m;
    }
    return nullptr;
  };
  for (const auto& l : t.limits) {
    const auto* from = find(l.from);
    const auto* to = find(l.to);
    if (!from || !to) continue;
    auto span = std::chrono::duration_cast<std::chrono::seconds>(to->at.local - from->at.local);
    bool low = l.min && span < *l.min;
    bool high = l.max && span > *l.max;
    if (!low && !high) continue;
    std::string range = l.min && l.max ? fmt::format("{}–{}", show_duration(*l.min), show_duration(*l.max))
                        : l.min        ? fmt::format("at least {}", show_duration(*l.min))
                                       : fmt::format("at most {}", show_duration(*l.max));
    // Where a campaign gave one of the two dates, point there: that is what to move, and the
    // limit itself is in the template (often the built-in one).
    Location at = l.where;
    for (const auto* name : {&l.to, &l.from}) {
      const auto* m = t.find_milestone(*name);
      if (m && m->given_where.known() && m->given_where.file != l.where.file) {
        at = m->given_where;
        break;
      }
    }
    out.push_back({l.severity, "D336", at,
                   fmt::format("{}: {} → {} is {}, outside {}{}", l.name, l.from, l.to, show_span(span), range,
                               l.source.empty() ? "" : fmt::format(" ({})", l.source)),
                   fmt::format("move {} or {} in the campaign file", l.from, l.to)});
  }
  return out;
}

Sensitivity parse_sensitivity(std::string_view text) {
  auto source = make_source("<command line>", std::string(text));
  Location start{source, 1, 1};
  auto at = [&](std::size_t offset) { return start.advanced(text, offset); };
  const std::string hint = "write it like --sensitivity 件数=-20%..+20%:10%";
  auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    throw InputError("D331", start, fmt::format("--sensitivity '{}' names no parameter", text), hint);
  }
  Sensitivity s;
  s.parameter = std::string(text.substr(0, eq));
  s.where = start;
  auto range = text.substr(eq + 1);
  auto dots = range.find("..");
  if (dots == std::string_view::npos) {
    throw InputError("D331", at(eq + 1), "--sensitivity needs a range FROM..TO", hint);
  }
  auto colon = range.find(':', dots);
  auto part = [&](std::size_t offset, std::string_view piece) {
    if (piece.empty() || piece.back() != '%') {
      throw InputError("D331", at(eq + 1 + offset), fmt::format("'{}' is not a percentage", piece),
                       "the range and step are percentages of the parameter's value: -20%..+20%:10%");
    }
    try {
      return parse_rational(piece);
    } catch (const Error&) {
      throw InputError("D331", at(eq + 1 + offset), fmt::format("'{}' is not a percentage", piece), hint);
    }
  };
  s.from = part(0, range.substr(0, dots));
  auto to_text = range.substr(dots + 2, colon == std::string_view::npos ? std::string_view::npos : colon - dots - 2);
  s.to = part(dots + 2, to_text);
  s.step = colon == std::string_view::npos ? Rational(1, 10) : part(colon + 1, range.substr(colon + 1));
  if (!(s.step > Rational(0))) throw InputError("D333", at(eq + 1 + colon + 1), "the step must be above 0%", hint);
  if (s.to < s.from) throw InputError("D331", at(eq + 1 + dots + 2), "the range ends below its start", hint);
  if ((s.to - s.from) / s.step > Rational(40)) {
    throw InputError("D333", at(eq + 1),
                     fmt::format("the range has {} rows, more than the limit of 41", (((s.to - s.from) / s.step).floor() + Rational(1)).to_string()),
                     "use a larger step");
  }
  if (s.from <= Rational(-1)) {
    throw InputError("D331", at(eq + 1), "a change of -100% or less leaves nothing to compute", hint);
  }
  return s;
}

RoiReport compute_roi(const Campaign& campaign, const RoiOptions& options) {
  const auto& t = campaign.plan;
  RoiReport report;
  report.campaign = campaign.name;
  report.template_name = campaign.template_name;
  report.has_budget = !t.budget.lines.empty();
  report.has_revenue = t.revenue.kind != RevenueModel::Kind::none;
  report.declared_total = t.budget.declared_total;
  if (!report.has_budget && !report.has_revenue && t.shares.empty()) {
    throw InputError("D338", Location{campaign.source, 1, 1},
                     fmt::format("template {} has no budget, revenue or share table to report on", t.name),
                     "add budget: and revenue: sections to the template (see docs/format.md)");
  }
  auto problems = check_budget(t);
  for (auto& d : problems) {
    if (d.severity == Severity::error) throw InputError(d);
  }
  report.warnings = std::move(problems);

  auto base = parameter_inputs(t);
  // The parameters the formulas use, in the template's order.
  std::vector<std::string> used;
  auto use = [&](const std::optional<Expr>& e) {
    if (!e) return;
    for (auto& n : e->names()) used.push_back(std::move(n));
  };
  for (const auto* e : {&t.revenue.price, &t.revenue.units, &t.revenue.visitors, &t.revenue.conversion,
                        &t.revenue.order_value, &t.revenue.unit_cost}) {
    use(*e);
  }
  for (const auto& line : t.budget.lines) use(line.formula);
  for (const auto& p : t.parameters) {
    if (base.shown.count(p.name) && std::find(used.begin(), used.end(), p.name) != used.end()) {
      report.parameters.emplace_back(p.name, p.value);
    }
  }
  std::vector<Diagnostic> ignored;
  if (report.has_budget || report.has_revenue) report.base = figures_for(t, base, ignored);

  auto checked = [&](RoiFigures f, std::vector<Diagnostic>& found) {
    for (auto& d : found) {
      if (d.severity == Severity::error) throw InputError(d);
    }
    return f;
  };
  if (options.scenarios) {
    if (t.scenarios.empty()) {
      throw InputError("D330", Location{campaign.source, 1, 1}, fmt::format("template {} defines no scenarios", t.name),
                       "add scenarios: (保守 / 基准 / 乐观) to the template or the campaign file");
    }
    for (const auto& s : t.scenarios) {
      std::vector<Diagnostic> found;
      ScenarioResult sr{s.name, s.description, {}, {}};
      for (const auto& v : s.values) sr.values.emplace_back(v.parameter, v.value);
      sr.figures = checked(figures_for(t, with_scenario(t, base, s), found), found);
      report.scenarios.push_back(std::move(sr));
    }
  }
  if (options.sensitivity) {
    const auto& s = *options.sensitivity;
    const auto* p = t.find_parameter(s.parameter);
    if (!p || !is_numeric(p->type)) {
      throw InputError("D332", s.where, fmt::format("--sensitivity: no numeric parameter named {}", s.parameter),
                       suggestion(s.parameter, numeric_parameter_names(t)));
    }
    auto it = base.values.find(s.parameter);
    if (it == base.values.end()) {
      throw InputError("D332", s.where, fmt::format("--sensitivity: parameter {} has no value", s.parameter),
                       fmt::format("give it one with --set {}=…", s.parameter));
    }
    report.sensitivity_parameter = s.parameter;
    for (auto change = s.from; change <= s.to; change += s.step) {
      auto in = base;
      auto value = exact(s.where, [&] { return it->second * (Rational(1) + change); });
      in.values[s.parameter] = value;
      in.shown[s.parameter] = p->type == ParameterType::money ? to_money(value, s.where).to_string() : value.to_string();
      std::vector<Diagnostic> found;
      report.sensitivity.push_back({change, value, checked(figures_for(t, in, found), found)});
    }
  }
  for (const auto& table : t.shares) {
    ShareResult sr{table.name, table.note, table.units_label, table.amount_label, {}, {}, {}, {}, {}};
    bool units = table.rows.front().units.has_value();
    bool amounts = table.rows.front().amount.has_value();
    std::int64_t total_units = 0;
    Money total_amount;
    for (const auto& row : table.rows) {
      if (units) {
        if (__builtin_add_overflow(total_units, *row.units, &total_units)) {
          throw InputError("D334", row.where, "the units add up to more than can be counted");
        }
      }
      if (amounts) total_amount = exact(row.where, [&] { return total_amount + *row.amount; });
    }
    if (units) sr.total_units = total_units;
    if (amounts) sr.total_amount = total_amount;
    Rational shown_units, shown_amounts;
    for (const auto& row : table.rows) {
      ShareResultRow rr{row.name, row.units, row.amount, {}, {}};
      if (units && total_units > 0) {
        rr.unit_share = Rational(*row.units, total_units);
        shown_units += (*rr.unit_share * 100).round_to(share_decimals) / 100;
      }
      if (amounts && total_amount.fen() > 0) {
        rr.amount_share = *row.amount / total_amount;
        shown_amounts += (*rr.amount_share * 100).round_to(share_decimals) / 100;
      }
      sr.rows.push_back(std::move(rr));
    }
    if (units && total_units > 0) sr.shown_unit_share_sum = shown_units;
    if (amounts && total_amount.fen() > 0) sr.shown_amount_share_sum = shown_amounts;
    if ((units && total_units == 0) || (amounts && total_amount.fen() == 0)) {
      report.warnings.push_back({Severity::warning, "D335", table.where,
                                 fmt::format("share table {} adds up to 0: no shares can be computed", table.name),
                                 "give at least one group units or an amount above 0"});
    }
    report.shares.push_back(std::move(sr));
  }
  return report;
}

std::string format_fixed(const Rational& x, int decimals) {
  std::int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  auto n = (x * Rational(scale)).round().numerator();
  auto magnitude = static_cast<std::uint64_t>(n < 0 ? -n : n);
  std::string out = n < 0 ? "-" : "";
  out += std::to_string(magnitude / scale);
  if (decimals > 0) out += fmt::format(".{:0{}}", magnitude % static_cast<std::uint64_t>(scale), decimals);
  return out;
}

std::string format_percent(const Rational& x, int decimals) { return format_fixed(x * 100, decimals) + "%"; }

}  // namespace dacu
