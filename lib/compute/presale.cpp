#include "dacu/compute/presale.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "dacu/base/expr.hpp"
#include "dacu/base/messages.hpp"
#include "dacu/base/numbers.hpp"
#include "dacu/compute/exact.hpp"
#include "dacu/model/template.hpp"

namespace dacu {

namespace {

Rational eval(const Expr& e, const FormulaInputs& in) {
  ExprLookup lookup = [&](std::string_view name) -> std::optional<Rational> {
    auto it = in.values.find(name);
    if (it == in.values.end()) return std::nullopt;
    return it->second;
  };
  return evaluate(e, lookup);
}

// A value is blamed where it was given (the campaign's `尾款支付率: 110%`, a wave's, a scenario's)
// when the formula is that one name; otherwise at the formula.
Location locate(const Expr& e, const FormulaInputs& in) {
  if (e.kind == Expr::Kind::name) {
    auto it = in.where.find(e.text);
    if (it != in.where.end() && it->second.known()) return it->second;
  }
  return e.at;
}

std::string inputs_of(const std::vector<const Expr*>& exprs, const FormulaInputs& in) {
  std::string out;
  std::vector<std::string> seen;
  for (const auto* e : exprs) {
    for (const auto& n : e->names()) {
      if (std::find(seen.begin(), seen.end(), n) != seen.end()) continue;
      seen.push_back(n);
      auto it = in.shown.find(n);
      if (!out.empty()) out += ", ";
      out += fmt::format("{} = {}", n, it == in.shown.end() ? std::string("?") : it->second);
    }
  }
  return out;
}

std::string joined(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += ", ";
    out += p;
  }
  return out;
}

// The wave's values over the campaign's (numbers_in_wave), shown as their parameter writes them;
// a value a scenario fixed stays the scenario's in every wave.
FormulaInputs in_wave(const Template& t, const FormulaInputs& in, const Wave& w) {
  FormulaInputs out = in;
  out.values = numbers_in_wave(in.values, w);
  for (const auto& [name, value] : w.values) {
    if (in.fixed.count(name)) {
      out.values[name] = in.values.at(name);
      continue;
    }
    const auto* p = t.find_parameter(name);
    auto type = p ? p->type : ParameterType::number;
    out.shown[name] = type == ParameterType::percent ? percent_text(value)
                      : type == ParameterType::money ? Money::from_yuan(value, Rounding::half_up_to_fen).to_string()
                                                      : value.to_string();
    if (auto it = w.values_where.find(name); it != w.values_where.end()) out.where[name] = it->second;
  }
  return out;
}

std::int64_t whole(const Rational& r, const Location& where) {
  return exact(where, [&] { return r.round().numerator(); });
}

bool is_share(const Rational& v) { return !v.is_negative() && v <= Rational(1); }

PresaleFigures wave_figures(const Template& t, const FormulaInputs& in, const std::string& wave) {
  const auto& r = t.revenue;
  PresaleFigures f;
  f.wave = wave;
  // A message about a wave's value starts with the wave, as its elements are named: 第一波 · 尾款支付率 …
  auto in_text = wave.empty() ? std::string() : wave_element_name(wave, "");
  auto money_of = [&](const Expr& e) { return to_money(eval(e, in), e.at); };
  // Values first, each checked where it was given.
  auto units = eval(*r.units, in);
  if (units.is_negative()) {
    throw input_error("D097", locate(*r.units, in),
                      {{"what", message("roi.units-negative", {{"formula", r.units->to_string()}, {"value", units.to_string()}})}});
  }
  f.price = money_of(*r.price);
  if (f.price.is_negative()) {
    throw input_error("D097", locate(*r.price, in),
                      {{"what", message("roi.price-negative", {{"formula", r.price->to_string()}, {"value", f.price.to_string()}})}});
  }
  f.presale_share = eval(*r.presale_share, in);
  if (!is_share(f.presale_share)) {
    throw input_error("D363", locate(*r.presale_share, in),
                      {{"value", percent_text(f.presale_share)}, {"formula", r.presale_share->to_string()}, {"wave", in_text}});
  }
  f.balance_rate = eval(*r.balance_rate, in);
  if (!is_share(f.balance_rate)) {
    throw input_error("D360", locate(*r.balance_rate, in),
                      {{"value", percent_text(f.balance_rate)}, {"formula", r.balance_rate->to_string()}, {"wave", in_text}});
  }
  f.deposit = money_of(*r.deposit);
  if (f.deposit.is_negative()) {
    throw input_error("D365", locate(*r.deposit, in), {{"value", f.deposit.to_string()}, {"formula", r.deposit->to_string()}, {"wave", in_text}});
  }
  f.deposit_value = money_of(*r.deposit_value);
  if (f.deposit_value < f.deposit) {
    throw input_error("D361", locate(*r.deposit_value, in),
                      {{"value", f.deposit_value.to_string()}, {"deposit", f.deposit.to_string()},
                       {"formula", r.deposit_value->to_string()}, {"deposit_formula", r.deposit->to_string()}, {"wave", in_text}});
  }
  if (f.deposit_value > f.price) {
    throw input_error("D364", locate(*r.deposit_value, in),
                      {{"value", f.deposit_value.to_string()}, {"price", f.price.to_string()},
                       {"formula", r.deposit_value->to_string()}, {"price_formula", r.price->to_string()}, {"wave", in_text}});
  }
  f.balance_price = f.price - f.deposit_value;
  f.bonus = f.deposit_value - f.deposit;

  // Whole units, each rounded half up once.
  const auto& at = r.where;
  f.units = whole(units, at);
  f.presale_units = whole(exact(at, [&] { return Rational(f.units) * f.presale_share; }), at);
  f.paid_units = whole(exact(at, [&] { return Rational(f.presale_units) * f.balance_rate; }), at);
  f.unpaid_units = f.presale_units - f.paid_units;
  f.spot_units = f.units - f.presale_units;
  auto share = r.presale_share->to_string(), rate = r.balance_rate->to_string();
  auto n = [](std::int64_t v) { return std::to_string(v); };
  f.trace.units = {units.is_integer() ? r.units->to_string() : fmt::format("round({})", r.units->to_string()),
                   inputs_of({&*r.units}, in)};
  f.trace.presale_units = {fmt::format("round(计划件数 × {})", share),
                           joined({"计划件数 = " + n(f.units), inputs_of({&*r.presale_share}, in)})};
  f.trace.paid_units = {fmt::format("round(预售件数 × {})", rate),
                        joined({"预售件数 = " + n(f.presale_units), inputs_of({&*r.balance_rate}, in)})};
  f.trace.unpaid_units = {"预售件数 − 付尾款件数", fmt::format("预售件数 = {}, 付尾款件数 = {}", f.presale_units, f.paid_units)};
  f.trace.spot_units = {"计划件数 − 预售件数", fmt::format("计划件数 = {}, 预售件数 = {}", f.units, f.presale_units)};

  // Amounts: fen × whole units, exact; the total is their sum.
  f.deposits = exact(at, [&] { return f.deposit * f.presale_units; });
  f.forfeited = exact(at, [&] { return f.deposit * f.unpaid_units; });
  f.balances = exact(at, [&] { return f.balance_price * f.paid_units; });
  f.spot = exact(at, [&] { return f.price * f.spot_units; });
  f.total = exact(at, [&] { return f.deposits + f.balances + f.spot; });
  f.bonus_total = exact(at, [&] { return f.bonus * f.paid_units; });
  auto dep = r.deposit->to_string(), dv = r.deposit_value->to_string(), price = r.price->to_string();
  f.trace.deposits = {fmt::format("预售件数 × {}", dep), joined({"预售件数 = " + n(f.presale_units), inputs_of({&*r.deposit}, in)})};
  f.trace.forfeited = {fmt::format("未付尾款件数 × {}", dep), joined({"未付尾款件数 = " + n(f.unpaid_units), inputs_of({&*r.deposit}, in)})};
  f.trace.balances = {fmt::format("付尾款件数 × ({} − {})", price, dv),
                      joined({"付尾款件数 = " + n(f.paid_units), inputs_of({&*r.price, &*r.deposit_value}, in)})};
  f.trace.spot = {fmt::format("现货件数 × {}", price), joined({"现货件数 = " + n(f.spot_units), inputs_of({&*r.price}, in)})};
  f.trace.total = {"定金 + 尾款 + 现货", fmt::format("定金 = {}, 尾款 = {}, 现货 = {}", f.deposits.to_string(),
                                                    f.balances.to_string(), f.spot.to_string())};
  f.trace.bonus_total = {fmt::format("付尾款件数 × ({} − {})", dv, dep),
                         joined({"付尾款件数 = " + n(f.paid_units), inputs_of({&*r.deposit_value, &*r.deposit}, in)})};
  // A unit cost over a parameter without a value leaves the profit out, as for the other models.
  if (r.unit_cost) {
    auto names = r.unit_cost->names();
    bool known = std::all_of(names.begin(), names.end(), [&](const std::string& x) { return in.values.count(x) > 0; });
    if (known) {
      f.unit_cost = money_of(*r.unit_cost);
      f.goods_cost = exact(at, [&] { return *f.unit_cost * f.shipped_units(); });
      f.trace.goods_cost = {fmt::format("(付尾款件数 + 现货件数) × {}", r.unit_cost->to_string()),
                            joined({"付尾款件数 = " + n(f.paid_units), "现货件数 = " + n(f.spot_units),
                                    inputs_of({&*r.unit_cost}, in)})};
    }
  }
  return f;
}

}  // namespace

PresaleRevenue compute_presale(const Template& t, const FormulaInputs& in) {
  PresaleRevenue out;
  if (!t.waves.present()) {
    out.waves.push_back(wave_figures(t, in, ""));
    out.total = out.waves.front();
    return out;
  }
  auto& s = out.total;
  s.sum = true;
  bool goods = true;
  const auto& at = t.revenue.where;
  for (const auto& w : t.waves.waves) {
    auto f = wave_figures(t, in_wave(t, in, w), w.name);
    exact(at, [&] {
      s.units += f.units;  // counts are far below int64's range once their amounts fit in fen
      s.presale_units += f.presale_units;
      s.paid_units += f.paid_units;
      s.unpaid_units += f.unpaid_units;
      s.spot_units += f.spot_units;
      s.deposits += f.deposits;
      s.balances += f.balances;
      s.spot += f.spot;
      s.total += f.total;
      s.forfeited += f.forfeited;
      s.bonus_total += f.bonus_total;
      if (f.goods_cost && goods) {
        s.goods_cost = s.goods_cost.value_or(Money()) + *f.goods_cost;
      } else {
        goods = false;
        s.goods_cost.reset();
      }
      return 0;
    });
    out.waves.push_back(std::move(f));
  }
  std::vector<std::string> names;
  for (const auto& w : out.waves) names.push_back(w.wave);
  auto each = fmt::format("{}", fmt::join(names, " + "));
  for (auto* tr : {&s.trace.units, &s.trace.presale_units, &s.trace.paid_units, &s.trace.unpaid_units, &s.trace.spot_units,
                   &s.trace.deposits, &s.trace.balances, &s.trace.spot, &s.trace.total, &s.trace.forfeited,
                   &s.trace.bonus_total, &s.trace.goods_cost}) {
    *tr = {each, ""};
  }
  return out;
}

PresaleRaw presale_raw(const Template& t, const FormulaInputs& in) {
  const auto& r = t.revenue;
  auto one = [&](const FormulaInputs& x) {
    auto units = eval(*r.units, x);
    auto presale = units * eval(*r.presale_share, x);
    auto paid = presale * eval(*r.balance_rate, x);
    auto price = eval(*r.price, x);
    auto spot = units - presale;
    PresaleRaw p;
    p.revenue = presale * eval(*r.deposit, x) + paid * (price - eval(*r.deposit_value, x)) + spot * price;
    if (r.unit_cost) p.goods = (paid + spot) * eval(*r.unit_cost, x);
    return p;
  };
  if (!t.waves.present()) return one(in);
  PresaleRaw sum;
  for (const auto& w : t.waves.waves) {
    auto p = one(in_wave(t, in, w));
    sum.revenue += p.revenue;
    sum.goods += p.goods;
  }
  return sum;
}

}  // namespace dacu
