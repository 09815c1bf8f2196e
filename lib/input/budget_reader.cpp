#include "dacu/input/budget_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "dacu/base/timefmt.hpp"
#include "dacu/input/reader_support.hpp"

namespace dacu::reader {

namespace {


constexpr std::array<std::string_view, 4> kBudgetKeys{"declared_total", "lines", "note", "source"};
constexpr std::array<std::string_view, 6> kLineKeys{"name", "category", "amount", "discount", "note", "source"};
constexpr std::array<std::string_view, 12> kRevenueKeys{"price", "units", "visitors", "conversion", "order_value",
                                                        "unit_cost", "note", "source", "presale_share", "deposit",
                                                        "deposit_value", "balance_rate"};
// A presale model's keys besides price and units, in the order a message names the missing one.
constexpr std::array<std::string_view, 4> kPresaleKeys{"presale_share", "deposit", "deposit_value", "balance_rate"};
constexpr std::array<std::string_view, 5> kShareKeys{"name", "note", "units_label", "amount_label", "rows"};
constexpr std::array<std::string_view, 3> kShareRowKeys{"name", "units", "amount"};
constexpr std::array<std::string_view, 7> kLimitKeys{"name", "from", "to", "min", "max", "severity", "source"};

// What a campaign may not do to the template's budget lines (apply_list_changes).
constexpr ListChangeKeys kLineChanges{"D046.drop", "D046.change", "D002.rename-budget-line"};







Expr read_formula(const yaml::Node& node, std::string_view what, const Template& t, bool revenue_allowed) {
  const auto& text = yaml::scalar(node, what);
  auto e = parse_expr(text, node.text_where());
  check_formula_names(e, t, revenue_allowed);
  return e;
}


// Reads the fields of a budget line present in `f`; with `complete`, name, category and amount
// must be there.
void read_line_fields(const yaml::Fields& f, BudgetLine& line, const Template& t, bool complete) {
  if (complete) {
    const auto& name = f.require("name");
    line.name = yaml::scalar(name, message("reader.line-name"));
    line.where = name.where;
  }
  if (const auto* category = complete ? &f.require("category") : f.find("category")) {
    line.category = yaml::scalar(*category, "category");
    line.category_where = category->where;
    const auto& categories = budget_categories();
    if (std::find(categories.begin(), categories.end(), line.category) == categories.end()) {
      throw input_error("D321", category->where, {{"category", line.category}, {"advice", suggestion(line.category, categories)}});
    }
  }
  if (const auto* amount = complete ? &f.require("amount") : f.find("amount")) {
    line.written = yaml::scalar(*amount, "amount");
    line.amount_where = amount->text_where();
    line.amount = try_parse_money(line.written, Rounding::none);
    line.formula.reset();
    if (!line.amount) {
      line.formula = parse_expr(line.written, line.amount_where);
      check_formula_names(*line.formula, t, true);
    }
  }
  if (const auto* d = f.find("discount")) line.discount = read_bool(*d, "discount");
  if (const auto* n = f.find("note")) line.note = yaml::scalar(*n, "note");
  if (f.find("source")) line.source = read_source(f);
}

BudgetLine read_line(const yaml::Node& node, const Template& t) {
  yaml::Fields f(node, message("reader.a-budget-line"), kLineKeys);
  BudgetLine line;
  read_line_fields(f, line, t, true);
  return line;
}

void check_unique_line(const std::vector<BudgetLine>& lines, const BudgetLine& line) {
  for (const auto& other : lines) {
    if (other.name == line.name) {
      throw input_error("D324", line.where, {{"name", line.name}, {"first", first_place(other.where, line.where)}});
    }
  }
}

std::optional<Money> read_declared_total(const yaml::Fields& f, Location& where) {
  const auto* total = f.find("declared_total");
  if (!total) return std::nullopt;
  where = total->where;
  return parse_money(yaml::scalar(*total, "declared_total"), Rounding::none, total->text_where());
}

Budget read_budget(const yaml::Node& node, const Template& t) {
  yaml::Fields f(node, "budget", kBudgetKeys);
  Budget b;
  b.where = node.where;
  b.declared_total = read_declared_total(f, b.declared_where);
  b.declared_source = read_source(f);
  for (const auto& item : yaml::sequence(f.require("lines"), message("reader.budget-lines")).children) {
    auto line = read_line(item, t);
    check_unique_line(b.lines, line);
    b.lines.push_back(std::move(line));
  }
  return b;
}

// A budget line may use 成交额 only when there is a revenue model to compute it from.
void check_revenue_used(const Template& t) {
  if (t.revenue.kind != RevenueModel::Kind::none) return;
  for (const auto& line : t.budget.lines) {
    if (!line.formula) continue;
    auto names = line.formula->names();
    if (std::find(names.begin(), names.end(), kRevenueName) != names.end()) {
      throw input_error("D328.no-revenue", line.amount_where, {{"name", line.name}});
    }
  }
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
  r.presale_share = formula("presale_share");
  r.deposit = formula("deposit");
  r.deposit_value = formula("deposit_value");
  r.balance_rate = formula("balance_rate");
  if (const auto* n = f.find("note")) r.note = yaml::scalar(*n, "note");
  r.source = read_source(f);
  bool simple = r.price || r.units;
  bool traffic = r.visitors || r.conversion || r.order_value;
  bool presale = r.presale_share || r.deposit || r.deposit_value || r.balance_rate;
  if (presale) {
    // A presale is price × units with a deposit: every part must be there, none of traffic's.
    if (traffic) throw input_error("D362.traffic", node.where);
    for (auto key : std::array<std::string_view, 2>{"price", "units"}) {
      if (!f.find(key)) throw input_error("D362", node.where, {{"missing", std::string(key)}});
    }
    for (auto key : kPresaleKeys) {
      if (!f.find(key)) throw input_error("D362", node.where, {{"missing", std::string(key)}});
    }
    r.kind = RevenueModel::Kind::presale;
    return r;
  }
  if (simple && traffic) {
    throw input_error("D328.both-models", node.where);
  }
  if (simple) {
    if (!r.price || !r.units) {
      throw input_error("D328.price-units", node.where, {{"missing", r.price ? "units" : "price"}});
    }
    r.kind = RevenueModel::Kind::price_units;
  } else if (traffic) {
    if (!r.visitors || !r.conversion || !r.order_value) {
      throw input_error("D328.traffic", node.where);
    }
    r.kind = RevenueModel::Kind::traffic;
  } else {
    throw input_error("D328.no-model", node.where);
  }
  return r;
}

Scenario read_scenario(const std::string& name, const yaml::Node& key, const yaml::Node& body, const Template& t) {
  Scenario s;
  s.name = name;
  s.where = key.where;
  if (body.is_null()) return s;
  yaml::mapping(body, message("reader.scenario", {{"name", name}}));
  auto candidates = t.numeric_parameter_names();
  for (std::size_t i = 0; i < body.map_size(); ++i) {
    const auto& k = body.key(i);
    const auto& v = body.val(i);
    if (k.value == "description") {
      s.description = yaml::scalar(v, "description");
      continue;
    }
    if (k.value == "source" && !t.find_parameter(k.value)) {
      s.source = SourceRef{yaml::scalar(v, "source"), v.text_where()};
      continue;
    }
    const auto* p = t.find_parameter(k.value);
    if (!p) {
      throw input_error("D330.scenario-parameter", k.where,
                        {{"scenario", name}, {"name", k.value}, {"advice", suggestion(k.value, candidates)}});
    }
    if (!is_numeric(p->type)) {
      throw input_error("D330.scenario-not-number", k.where, {{"scenario", name}, {"name", k.value}});
    }
    const auto& text = yaml::scalar(v, k.value);
    Scenario::Value value{k.value, text, try_parameter_number(*p, text), {}, v.text_where()};
    if (!value.number) {
      // Not a value in the parameter's grammar: a formula over the campaign's values (件数 × 80%).
      // A lone word is neither: the parameter's own message (D051) says what to write.
      value.formula = parse_expr(text, value.where);
      if (value.formula->kind == Expr::Kind::name && !t.find_parameter(value.formula->text)) {
        read_parameter_value(*p, text, value.where);
      }
      check_formula_names(*value.formula, t, false);
    }
    s.values.push_back(std::move(value));
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
  yaml::Fields f(node, message("reader.a-share-table"), kShareKeys);
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
    yaml::Fields rf(item, message("reader.a-share-row"), kShareRowKeys);
    ShareRow row;
    const auto& rn = rf.require("name");
    row.name = yaml::scalar(rn, "name");
    row.where = rn.where;
    for (const auto& other : s.rows) {
      if (other.name == row.name) {
        throw input_error("D334.row-twice", row.where, {{"table", s.name}, {"name", row.name}});
      }
    }
    if (const auto* u = rf.find("units")) {
      const auto& text = yaml::scalar(*u, "units");
      auto value = parse_rational(text, u->text_where());
      if (!value.is_integer() || value.is_negative()) {
        throw input_error("D334.units", u->text_where(), {{"value", text}});
      }
      row.units = value.numerator();
      any_units = true;
    }
    if (const auto* a = rf.find("amount")) {
      row.amount = parse_money(yaml::scalar(*a, "amount"), Rounding::none, a->text_where());
      if (row.amount->is_negative()) {
        throw input_error("D334.negative-amount", a->text_where());
      }
      any_amount = true;
    }
    s.rows.push_back(std::move(row));
  }
  if (s.rows.empty()) {
    throw input_error("D334.no-rows", s.where, {{"table", s.name}});
  }
  for (const auto& row : s.rows) {
    if ((any_units && !row.units) || (any_amount && !row.amount) || (!row.units && !row.amount)) {
      throw input_error("D334.row-lacks", row.where,
                        {{"table", s.name}, {"name", row.name}, {"missing", any_units && !row.units ? "units" : "amount"}});
    }
  }
  return s;
}

PeriodLimit read_limit(const yaml::Node& node, const Template& t) {
  yaml::Fields f(node, message("reader.a-limit"), kLimitKeys);
  PeriodLimit l;
  const auto& name = f.require("name");
  l.name = yaml::scalar(name, "name");
  l.where = name.where;
  auto milestone = [&](std::string_view key) {
    const auto& n = f.require(key);
    const auto& text = yaml::scalar(n, key);
    if (!t.find_milestone(text)) {
      throw input_error("D337.milestone", n.where, {{"limit", l.name}, {"name", text}, {"advice", suggestion(text, t.milestone_names())}});
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
      throw input_error("D337.duration", n->where, {{"limit", l.name}, {"value", n->value}});
    }
    return d;
  };
  l.min = duration("min");
  l.max = duration("max");
  if (!l.min && !l.max) throw input_error("D337.no-bound", l.where, {{"limit", l.name}});
  if (l.min && l.max && *l.min > *l.max) {
    throw input_error("D337.max-below-min", f.find("max")->where, {{"limit", l.name}});
  }
  if (const auto* s = f.find("severity")) {
    const auto& text = yaml::scalar(*s, "severity");
    if (text == "error") {
      l.severity = Severity::error;
    } else if (text != "warning") {
      throw input_error("D337.severity", s->where, {{"value", text}});
    }
  }
  if (const auto* s = f.find("source")) {
    l.source = yaml::scalar(*s, "source");
    l.source_where = s->text_where();
  }
  return l;
}

}  // namespace

void read_money_sections(const yaml::Node& top, Template& t) {
  if (const auto* n = top.find("revenue")) t.revenue = read_revenue(*n, t);
  if (const auto* n = top.find("budget")) {
    t.budget = read_budget(*n, t);
    check_revenue_used(t);
  }
  if (const auto* n = top.find("scenarios")) t.scenarios = read_scenarios(*n, t);
  if (const auto* n = top.find("shares")) {
    for (const auto& item : yaml::sequence(*n, "shares").children) {
      auto table = read_share_table(item);
      for (const auto& other : t.shares) {
        if (other.name == table.name) {
          throw input_error("D334.table-twice", table.where, {{"table", table.name}});
        }
      }
      t.shares.push_back(std::move(table));
    }
  }
  if (const auto* n = top.find("limits")) {
    for (const auto& item : yaml::sequence(*n, "limits").children) t.limits.push_back(read_limit(item, t));
  }
}

void apply_campaign_money(const yaml::Node& top, Template& t, Problems& problems) {
  // A declared total is the template's own statement about its own lines (the seed's 16990): it
  // says nothing about a campaign's lines, so a campaign has one only when it declares one.
  t.budget.declared_total.reset();
  t.budget.declared_where = {};
  if (const auto* n = top.find("revenue")) problems.attempt([&] { t.revenue = read_revenue(*n, t); });
  if (const auto* n = top.find("budget")) problems.attempt([&] {
    static constexpr std::array<std::string_view, 4> keys{"add", "drop", "change", "declared_total"};
    yaml::Fields f(*n, "budget", keys);
    t.budget.declared_total = read_declared_total(f, t.budget.declared_where);
    apply_list_changes(
        f, t.budget.lines, "budget", kLineChanges, kLineKeys, problems,
        [&](const yaml::Node& item) { return read_line(item, t); },
        [&](const yaml::Fields& lf, BudgetLine& line) { read_line_fields(lf, line, t, false); },
        [](const std::vector<BudgetLine>& lines, const BudgetLine& line) { check_unique_line(lines, line); });
  });
  problems.attempt([&] { check_revenue_used(t); });
  problems.attempt([&] { read_campaign_scenarios(top, t); });
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
