#include "dacu/compute/roi.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "dacu/compute/exact.hpp"
#include "dacu/model/template.hpp"
#include "dacu/plan/schedule.hpp"
#include "dacu/base/messages.hpp"
#include "dacu/base/numbers.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/input/budget_reader.hpp"

namespace dacu {

namespace {

using reader::kRevenueName;
using Values = std::map<std::string, Rational, std::less<>>;
using Shown = std::map<std::string, std::string, std::less<>>;

using Inputs = FormulaInputs;

Inputs parameter_inputs(const Template& t) {
  Inputs in;
  for (const auto& p : t.parameters) {
    if (!p.number) continue;
    in.values[p.name] = *p.number;
    in.shown[p.name] = p.value;
    in.where[p.name] = p.value_where;
  }
  return in;
}

// A number or percentage as a spreadsheet reads it; a money value written with 万, ¥, 元 or
// grouping stays text there (its exact value is the money grammar's, not a plain number's).
RoiParameter roi_parameter(const Parameter& p) {
  RoiParameter out{p.name, p.value, try_parse_rational(p.value), false};
  out.percent = out.number && fold_fullwidth(p.value).text.ends_with('%');  // ２０％ too
  return out;
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

template <class O>
const Expr* expr_of(const O& o) {
  return o ? &*o : nullptr;
}

// Where a figure that leaves the exact range is located: at the value the campaign (or a --set)
// gives a parameter the formulas name — what its user changes, a --set first (the latest change) —
// else at `fallback`, the template's.
Location blame(const Template& t, const Location& fallback, std::initializer_list<const Expr*> formulas) {
  for (bool command_line : {true, false}) {
    for (const Expr* e : formulas) {
      if (!e) continue;
      for (const auto& name : e->names()) {
        for (const auto& p : t.parameters) {
          if (p.name != name || !p.value_where.known() || p.value_where.file == fallback.file) continue;
          if (!command_line || p.value_where.file_name() == "<command line>") return p.value_where;
        }
      }
    }
  }
  return fallback;
}

// The figures for one set of values. Errors that do not stop the computation (a negative line
// that is not a discount) go to `problems`; others are thrown.
RoiFigures figures_for(const Template& t, Inputs in, std::vector<Diagnostic>& problems) {
  // A name the template declares as a parameter but that has no value (进货价 without a default)
  // is D311.no-value, which says where to give one; the evaluator's D311 is for an unknown name.
  auto eval = [&](const Expr& e, const Values& v) {
    std::vector<const Expr*> stack{&e};
    while (!stack.empty()) {
      const Expr* x = stack.back();
      stack.pop_back();
      for (const auto& o : x->operands) stack.push_back(&o);
      if (x->kind == Expr::Kind::name && v.find(x->text) == v.end() && t.find_parameter(x->text)) {
        throw input_error("D311.no-value", x->at, {{"name", x->text}});
      }
    }
    return dacu::eval(e, v);
  };
  RoiFigures f;
  const auto& r = t.revenue;
  if (r.kind == RevenueModel::Kind::price_units) {
    f.unit_price = to_money(eval(*r.price, in.values), blame(t, r.price->at, {expr_of(r.price)}));
    f.units = eval(*r.units, in.values);
    f.revenue_trace = trace_of({&*r.price, &*r.units}, fmt::format("{} × {}", r.price->to_string(), r.units->to_string()), in.shown);
  } else if (r.kind == RevenueModel::Kind::presale) {
    // The parts per wave, each checked and exact; the revenue is their total (compute/presale).
    auto presale = compute_presale(t, in);
    const auto& total = presale.total;
    f.revenue = total.total;
    f.units = Rational(total.shipped_units());
    f.unit_price = to_money(eval(*r.price, in.values), blame(t, r.price->at, {expr_of(r.price)}));
    f.revenue_trace = {"定金 + 尾款 + 现货", fmt::format("定金 = {}, 尾款 = {}, 现货 = {}", total.deposits.to_string(),
                                                        total.balances.to_string(), total.spot.to_string())};
    if (total.goods_cost) {
      f.unit_cost = to_money(eval(*r.unit_cost, in.values), blame(t, r.unit_cost->at, {expr_of(r.unit_cost)}));
      f.goods_cost = total.goods_cost;
      f.gross_profit = exact(r.where, [&] { return f.revenue - *f.goods_cost; });
    }
    f.presale = std::move(presale);
  } else if (r.kind == RevenueModel::Kind::traffic) {
    auto visitors = eval(*r.visitors, in.values);
    auto conversion = eval(*r.conversion, in.values);
    f.units = exact(blame(t, r.where, {expr_of(r.visitors), expr_of(r.conversion)}), [&] { return visitors * conversion; });
    f.unit_price = to_money(eval(*r.order_value, in.values), blame(t, r.order_value->at, {expr_of(r.order_value)}));
    f.revenue_trace = trace_of({&*r.visitors, &*r.conversion, &*r.order_value},
                               fmt::format("{} × {} × {}", r.visitors->to_string(), r.conversion->to_string(),
                                           r.order_value->to_string()),
                               in.shown);
  }
  if (f.unit_price && !f.presale) {
    // A negative count or price sells nothing; two of them would make a positive 成交额.
    bool traffic = r.kind == RevenueModel::Kind::traffic;
    auto refuse = [](const Expr& formula, const std::string& what) {
      const Expr* first = &formula;  // located where the formula starts, not at its operator
      while (first->operands.size() == 2) first = &first->operands.front();
      throw input_error("D097", first->at, {{"what", what}});
    };
    if (f.units->is_negative()) {
      auto formula = traffic ? fmt::format("{} × {}", r.visitors->to_string(), r.conversion->to_string()) : r.units->to_string();
      refuse(traffic ? *r.visitors : *r.units, message("roi.units-negative", {{"formula", formula}, {"value", f.units->to_string()}}));
    }
    const auto& price = traffic ? *r.order_value : *r.price;
    if (f.unit_price->is_negative()) {
      refuse(price, message("roi.price-negative", {{"formula", price.to_string()}, {"value", f.unit_price->to_string()}}));
    }
    const Location revenue_at = blame(t, r.where, {expr_of(r.price), expr_of(r.order_value), expr_of(r.units), expr_of(r.visitors), expr_of(r.conversion)});
    f.revenue = exact(revenue_at, [&] { return multiply(*f.unit_price, *f.units, Rounding::half_up_to_fen); });
    // A unit cost over a parameter without a value (进货价 not given) leaves the profit out.
    auto known = [&](const Expr& e) {
      auto names = e.names();
      return std::all_of(names.begin(), names.end(), [&](const std::string& n) { return in.values.count(n) > 0; });
    };
    if (r.unit_cost && known(*r.unit_cost)) {
      f.unit_cost = to_money(eval(*r.unit_cost, in.values), blame(t, r.unit_cost->at, {expr_of(r.unit_cost)}));
      f.goods_cost = exact(blame(t, r.where, {expr_of(r.unit_cost), expr_of(r.units)}), [&] { return multiply(*f.unit_cost, *f.units, Rounding::half_up_to_fen); });
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
      lr.amount = to_money(eval(*line.formula, in.values), blame(t, line.amount_where, {expr_of(line.formula)}));
      lr.trace = trace_of({&*line.formula}, line.formula->to_string(), in.shown);
    }
    if (lr.amount.is_negative() && !line.discount) {
      problems.push_back(make_diagnostic(Severity::error, "D322", line.amount_where,
                                         {{"line", line.name}, {"amount", lr.amount.format_grouped()}}));
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
  return f;
}

// ---------------------------------------------------------------------------------------------
// Break-even

// The profit at `units` with every line, exact and before any rounding to the fen: what tells a
// linear model apart, and what the linear solution is computed from.
struct RawProfit {
  Rational revenue, goods, cost;
  Rational profit() const { return revenue - goods - cost; }
};
RawProfit raw_profit(const Template& t, Inputs in, const std::string& parameter, const Rational& units) {
  const auto& r = t.revenue;
  in.values[parameter] = units;
  auto& values = in.values;
  RawProfit p;
  if (r.kind == RevenueModel::Kind::presale) {
    auto raw = presale_raw(t, in);
    p.revenue = raw.revenue;
    p.goods = raw.goods;
  } else {
    p.revenue = eval(*r.price, values) * units;
    p.goods = eval(*r.unit_cost, values) * units;
  }
  values[std::string(kRevenueName)] = p.revenue;
  for (const auto& line : t.budget.lines) p.cost += line.amount ? line.amount->yuan() : eval(*line.formula, values);
  return p;
}

// 净利润 as dacu roi shows it for `units` (every amount rounded to the fen as the report rounds it):
// what `--set 件数=N` prints, and so what the answer is checked against.
Money shown_profit(const Template& t, Inputs in, const std::string& parameter, std::int64_t units) {
  in.values[parameter] = Rational(units);
  std::vector<Diagnostic> ignored;
  return *figures_for(t, std::move(in), ignored).net_profit;
}

bool uses(const Expr& e, std::string_view name) {
  auto names = e.names();
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The least whole number of units with 净利润 ≥ 0. Linear models are solved and the answer moved
// to the first whole number whose shown profit is not negative (rounding to the fen can move it
// by one); others are searched from 0.
std::optional<BreakEven> break_even(const Template& t, const Inputs& in, const RoiFigures& f) {
  const auto& r = t.revenue;
  if (!f.unit_cost || (r.kind != RevenueModel::Kind::price_units && r.kind != RevenueModel::Kind::presale)) return std::nullopt;
  BreakEven b;
  // A presale's units are often 件数 × 件数占比 (per wave): what varies is the first name, 件数.
  auto unit_names = r.units->names();
  bool presale = r.kind == RevenueModel::Kind::presale && !unit_names.empty();
  if (r.units->kind != Expr::Kind::name && !presale) {
    b.reason = fmt::format("件数 is the formula {}: the break-even is found by varying one parameter", r.units->to_string());
    return b;
  }
  b.parameter = presale ? unit_names.front() : r.units->text;
  for (const auto& line : t.budget.lines) {
    if (line.formula && (uses(*line.formula, b.parameter) || uses(*line.formula, kRevenueName))) b.variable_lines.push_back(line.name);
  }
  try {
    auto at = [&](std::int64_t n) { return raw_profit(t, in, b.parameter, Rational(n)); };
    auto zero = at(0), one = at(1);
    auto slope = one.profit() - zero.profit();
    // A presale rounds its units per wave (预售件数, 付尾款件数 are whole): profit steps, however
    // straight it looks at a few points, so its break-even is searched, never read off a slope.
    bool linear = !presale;
    for (std::int64_t n : {2, 7, 113, 1009, 12345, 1000003}) {
      if (!linear) break;
      if (at(n).profit() != zero.profit() + slope * Rational(n)) linear = false;
    }
    auto shown_ok = [&](std::int64_t n) { return !shown_profit(t, in, b.parameter, n).is_negative(); };
    if (linear) {
      b.method = BreakEven::Method::linear;
      b.margin = slope;
      b.fixed_cost = Money::from_yuan(zero.cost, Rounding::half_up_to_fen);
      b.variable_per_unit = (one.cost - zero.cost);
      if (!(slope > Rational(0))) {
        if (!zero.profit().is_negative()) {
          b.units = 0;
        } else {
          b.reason = fmt::format("每件毛利扣除变动费用后为 {} 元，不大于 0：卖得越多亏得越多", format_fixed(slope, 2));
        }
        return b;
      }
      auto exact_units = -zero.profit() / slope;
      b.exact_units = exact_units.is_negative() ? Rational(0) : exact_units;
      auto n = b.exact_units->ceil().numerator();
      // Rounding each line to the fen can make the shown profit differ from the exact one by a
      // few fen near the solution; move to the first whole number the report shows as ≥ 0.
      for (int step = 0; step < 100 && n > 0 && shown_ok(n - 1); ++step) --n;
      for (int step = 0; step < 100 && !shown_ok(n); ++step) ++n;
      b.units = n;
      auto at_solution = raw_profit(t, in, b.parameter, *b.exact_units);
      if (!at_solution.cost.is_zero()) b.roas = at_solution.revenue / at_solution.cost;
      return b;
    }
    b.method = BreakEven::Method::search;
    // Profit need not be monotone once ceil, min or tiers appear: try every whole number.
    auto planned = f.units ? f.units->ceil().numerator() : 0;
    b.searched_to = std::clamp<std::int64_t>(planned * 10, 100'000, 1'000'000);
    for (std::int64_t n = 0; n <= b.searched_to; ++n) {
      if (!at(n).profit().is_negative() && shown_ok(n)) {
        b.units = n;
        return b;
      }
    }
    b.reason = fmt::format("净利润在 0 到 {} 件之间都小于 0", b.searched_to);
  } catch (const InputError&) {
    // A line that cannot be computed at some number of units (a division by it) leaves no answer.
    b.reason = "某项费用在部分件数下无法计算";
  } catch (const RangeError&) {
    // The search tries up to a million units, far past the plan: figures that overflow there say
    // nothing about the campaign, which computed; so no break-even, never an error.
    b = BreakEven{};
    b.parameter = presale ? unit_names.front() : r.units->text;
    b.reason = message("roi.break-even-too-large");
  }
  return b;
}

// declared_total − the lines' sum: both are in Money's range, their gap need not be (a total of
// −92233720368547758.07 against positive lines): D314 at the declared total, never unlocated.
Money declared_difference(const Template& t, const Money& sum) {
  try {
    return *t.budget.declared_total - sum;
  } catch (const RangeError& e) {
    throw input_error("D314.roi-amount", t.budget.declared_where, {{"what", e.what()}});
  }
}

// A computed value as the parameter holds values: a count in whole units (halves up), money to
// the fen, a percentage or number exact; and its text as the parameter's grammar writes it.
// D096 when it leaves the parameter's range (件数 × -20% is no count).
std::pair<Rational, std::string> as_parameter_value(const Parameter& p, const Rational& value, const Location& where) {
  auto checked = [&](Rational v, std::string text) {
    reader::check_parameter_range(p, v, text, where);
    return std::pair{std::move(v), std::move(text)};
  };
  switch (p.type) {
    case ParameterType::integer: {
      auto whole = value.round();
      return checked(whole, whole.to_string());
    }
    case ParameterType::money: {
      auto amount = to_money(value, where);
      return checked(amount.yuan(), amount.to_string());
    }
    case ParameterType::percent:
      return checked(value, percent_text(value));
    default:
      return checked(value, value.to_string());
  }
}

// The scenario's values over the campaign's own (件数 × 80% is 80% of this campaign's 件数), each
// as its parameter holds values. Returns the inputs and, per value, its text as computed.
Inputs with_scenario(const Template& t, Inputs in, const Scenario& s, std::vector<std::string>& computed) {
  const auto base = in.values;
  for (const auto& v : s.values) {
    const auto* p = t.find_parameter(v.parameter);
    auto exact_value = v.number ? *v.number : evaluate(*v.formula, base);
    auto [value, text] = as_parameter_value(*p, exact_value, v.where);
    in.values[v.parameter] = value;
    in.shown[v.parameter] = text;
    in.where[v.parameter] = v.where;
    in.fixed.insert(v.parameter);  // the scenario's value, in every wave
    computed.push_back(std::move(text));
  }
  return in;
}

}  // namespace

std::vector<Diagnostic> check_budget(const Template& t) {
  std::vector<Diagnostic> out;
  if (t.budget.lines.empty() && t.revenue.kind == RevenueModel::Kind::none) return out;
  try {
    auto f = figures_for(t, parameter_inputs(t), out);
    if (t.budget.declared_total && *t.budget.declared_total != f.cost) {
      // The gap itself says what to look for: a total above the lines may miss a line of exactly
      // that amount (聚划算's seed: 16990 − 11990 = 5000), one below them may count a line twice.
      auto diff = declared_difference(t, f.cost);
      auto declared = t.budget.declared_total->format_grouped(), sum = f.cost.format_grouped();
      if (f.cost > *t.budget.declared_total) {
        out.push_back(make_diagnostic(Severity::warning, "D323.lines-exceed", t.budget.declared_where,
                                      {{"declared", declared}, {"sum", sum}, {"excess", (-diff).format_grouped()}}));
      } else {
        out.push_back(make_diagnostic(Severity::warning, "D323", t.budget.declared_where,
                                      {{"declared", declared}, {"sum", sum}, {"difference", diff.format_grouped()}}));
      }
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
      out.push_back(make_diagnostic(Severity::warning, traffic ? "D329.traffic" : "D329", at,
                                    {{"cost", f.unit_cost->format_grouped()}, {"price", f.unit_price->format_grouped()},
                                     {"cost_formula", t.revenue.unit_cost->to_string()},
                                     {"price_formula", price ? price->to_string() : "?"}}));
    }
  } catch (const InputError& e) {
    out.push_back(e.diagnostic());
  }
  sort_diagnostics(out);
  return out;
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
    throw input_error("D338", Location{campaign.source, 1, 1}, {{"name", t.name}});
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
                        &t.revenue.order_value, &t.revenue.unit_cost, &t.revenue.presale_share, &t.revenue.deposit,
                        &t.revenue.deposit_value, &t.revenue.balance_rate}) {
    use(*e);
  }
  for (const auto& line : t.budget.lines) use(line.formula);
  // A per-wave parameter (件数占比) that the waves set is shown per wave, in the presale section
  // with each wave's value; its campaign-wide fallback would only mislead here.
  auto set_per_wave = [&](const std::string& name) {
    if (std::find(t.waves.parameter_names.begin(), t.waves.parameter_names.end(), name) == t.waves.parameter_names.end()) return false;
    return std::all_of(t.waves.waves.begin(), t.waves.waves.end(), [&](const Wave& w) { return w.values.count(name) > 0; });
  };
  for (const auto& p : t.parameters) {
    if (set_per_wave(p.name)) continue;
    if (base.shown.count(p.name) && std::find(used.begin(), used.end(), p.name) != used.end()) {
      report.parameters.push_back(roi_parameter(p));
    }
  }
  std::vector<Diagnostic> ignored;
  if (report.has_budget || report.has_revenue) {
    report.base = figures_for(t, base, ignored);
    report.base.break_even = break_even(t, base, report.base);
  }
  if (report.declared_total && *report.declared_total != report.base.cost) {
    report.declared_difference = declared_difference(t, report.base.cost);
  }

  auto checked = [&](RoiFigures f, std::vector<Diagnostic>& found) {
    for (auto& d : found) {
      if (d.severity == Severity::error) throw InputError(d);
    }
    return f;
  };
  if (options.scenarios) {
    if (t.scenarios.empty()) {
      throw input_error("D330.none", Location{campaign.source, 1, 1}, {{"name", t.name}});
    }
    for (const auto& s : t.scenarios) {
      std::vector<Diagnostic> found;
      ScenarioResult sr{s.name, s.description, {}, {}, {}};
      std::vector<std::string> computed;
      auto in = with_scenario(t, base, s, computed);
      for (std::size_t i = 0; i < s.values.size(); ++i) {
        sr.values.emplace_back(s.values[i].parameter, computed[i]);
        sr.formulas.push_back(s.values[i].formula ? s.values[i].value : std::string());
      }
      sr.figures = checked(figures_for(t, in, found), found);
      sr.figures.break_even = break_even(t, in, sr.figures);
      report.scenarios.push_back(std::move(sr));
    }
  }
  if (options.sensitivity) {
    const auto& s = *options.sensitivity;
    const auto* p = t.find_parameter(s.parameter);
    if (!p || !is_numeric(p->type)) {
      throw input_error("D332.unknown", s.where,
                        {{"name", s.parameter}, {"advice", suggestion(s.parameter, t.numeric_parameter_names())}});
    }
    auto it = base.values.find(s.parameter);
    if (it == base.values.end()) {
      throw input_error("D332.no-value", s.where, {{"name", s.parameter}});
    }
    report.sensitivity_parameter = s.parameter;
    for (auto change = s.from; change <= s.to; change += s.step) {
      auto in = base;
      auto changed = exact(s.where, [&] { return it->second * (Rational(1) + change); });
      // Computed as the parameter holds values: 1804.5 件 is 1805 件, 89.991 元 is 89.99 元.
      auto [value, text] = as_parameter_value(*p, changed, s.where);
      in.values[s.parameter] = value;
      in.shown[s.parameter] = text;
      std::vector<Diagnostic> found;
      auto figures = checked(figures_for(t, in, found), found);
      figures.break_even = break_even(t, in, figures);
      report.sensitivity.push_back({change, value, std::move(figures)});
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
          throw input_error("D334.units-total", row.where);
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
      report.warnings.push_back(make_diagnostic(Severity::warning, "D335", table.where, {{"name", table.name}}));
    }
    report.shares.push_back(std::move(sr));
  }
  return report;
}


}  // namespace dacu
