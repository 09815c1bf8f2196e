#include "dacu/render/render_roi.hpp"

#include <fmt/format.h>

#include "dacu/base/error.hpp"
#include "dacu/base/numbers.hpp"
#include "dacu/base/table.hpp"
#include "dacu/base/visible.hpp"
#include "dacu/render/contract.hpp"
#include "dacu/render/json.hpp"
#include "dacu/render/roi_sections.hpp"
#include "dacu/render/xlsx.hpp"

namespace dacu {

namespace {

using namespace roi_render;

struct Labels {
  std::string_view template_, parameters, parameter, value, revenue, revenue_item, budget, category, item, amount,
      how, subtotal, total, declared, declared_differs, discount, ratios, profit, roas, finance_roi, cost_ratio,
      goods_cost, gross_profit, net_profit, break_even_units, break_even_roas, scenarios, scenario, changes,
      sensitivity, change, cost, units, unit_price, unit_cost, share, shown_sum, warnings, funnel, salesperson,
      customers, registered, activated, ordered, activation_rate, first_order_rate, overall, target, none,
      needs_unit_cost;
};

constexpr Labels kZh{
    "模板", "参数", "参数", "值", "成交额", "成交额", "活动费用", "类别", "项目", "金额", "计算", "小计", "合计",
    "声明合计", "与各项之和 {} 不符（差 {}），以各项之和为准", "折让", "比率", "利润", "投产比", "财务ROI",
    "费用占比", "货品成本", "毛利", "净利润", "保本件数", "保本投产比", "情景", "情景", "参数", "敏感性分析",
    "变动", "活动费用", "件数", "单价", "进货价", "占比", "各行占比按一位小数显示后相加：{}（四舍五入所致，未强行调成100%）",
    "警告", "客户转化漏斗", "业务员", "客户数", "注册", "激活", "下单", "激活率", "首单率", "合计", "目标", "—",
    "填写 revenue.unit_cost（进货价）后可算毛利、净利润与保本点"};
constexpr Labels kEn{
    "template", "Parameters", "parameter", "value", "Revenue", "revenue (GMV)", "Campaign cost", "category", "item",
    "amount", "how", " subtotal", "total", "declared total", "disagrees with the lines' sum {} (difference {}); the sum is used",
    "discount", "Ratios", "Profit", "ROAS (投产比)", "finance ROI", "cost ratio (费用占比)", "goods cost",
    "gross profit", "net profit", "break-even units", "break-even ROAS (保本投产比)", "Scenarios", "scenario",
    "changes", "Sensitivity", "change", "campaign cost", "units", "unit price", "unit cost", "share",
    "shares as shown (one decimal) add up to {} (rounding; not forced to 100%)", "Warnings", "Customer funnel",
    "salesperson", "customers", "registered", "activated", "ordered", "activation rate (激活率)",
    "first-order rate (首单率)", "overall", "target", "—",
    "give revenue.unit_cost (进货价) for gross profit, net profit and break-even"};

const Labels& labels(Lang lang) { return lang == Lang::en ? kEn : kZh; }

std::string str(std::string_view s) { return std::string(s); }

Cell opt_money(const std::optional<Money>& m, const Labels& l) { return m ? money(*m) : Cell(str(l.none), ""); }
Cell multiple(const std::optional<Rational>& r, const Labels& l) {
  return r ? Cell(format_fixed(*r, 2), r->to_string(), xlsx::Cell::number_of(*r)) : Cell(str(l.none), "");
}
Cell percent(const std::optional<Rational>& r, const Labels& l, int decimals = 2) {
  return r ? Cell(format_percent(*r, decimals), r->to_string(), xlsx::Cell::percent_of(*r)) : Cell(str(l.none), "");
}
// Whole numbers grouped in threes (2,000 件); others exactly.
std::string number(const Rational& r) { return r.is_integer() ? group_thousands(r.numerator()) : r.to_string(); }


// ---------------------------------------------------------------------------------------------

Section figures_section(const RoiReport& r, const Labels& l) {
  const auto& f = r.base;
  Section s{str(l.ratios), {str(l.item), str(l.value), str(l.how)}, {}, {Align::left, Align::right, Align::left}, {}};
  auto c = f.cost.format_grouped();
  auto g = f.revenue.format_grouped();
  if (r.has_revenue) {
    s.rows.push_back({str(l.revenue_item), money(f.revenue), with_inputs(f.revenue_trace)});
  }
  s.rows.push_back({str(l.cost), money(f.cost), &l == &kEn ? std::string("sum of the cost lines") : std::string("各项费用之和")});
  if (r.has_revenue) {
    s.rows.push_back({str(l.roas), multiple(f.roas, l), fmt::format("{} ÷ {} = {} ÷ {}", l.revenue, l.cost, g, c)});
    s.rows.push_back({str(l.finance_roi), percent(f.finance_roi, l),
                      fmt::format("({} − {}) ÷ {} = ({} − {}) ÷ {}", l.revenue, l.cost, l.cost, g, c, c)});
    s.rows.push_back({str(l.cost_ratio), percent(f.cost_ratio, l), fmt::format("{} ÷ {} = {} ÷ {}", l.cost, l.revenue, c, g)});
  }
  return s;
}

// 保本件数 and 保本投产比 with how they were found: the linear solution with its fixed and variable
// costs, or the search; 无法保本 with the reason.
void add_break_even(Section& s, const BreakEven& b, const std::string& price, const std::string& cost, const Labels& l,
                    bool presale) {
  bool en = &l == &kEn;
  std::string variable = b.variable_lines.empty() ? (en ? "none" : "无")
                                                  : fmt::format("{}", fmt::join(b.variable_lines, en ? ", " : "、"));
  if (!b.units) {
    s.rows.push_back({str(l.break_even_units), Cell(en ? "no break-even" : "无法保本", ""), b.reason});
    return;
  }
  auto units = Cell(group_thousands(*b.units), std::to_string(*b.units), xlsx::Cell::integer_of(*b.units));
  if (b.method == BreakEven::Method::search) {
    s.rows.push_back({str(l.break_even_units), units,
                      fmt::format(fmt::runtime(en ? "searched 0 to {} {}: the first with {} ≥ 0 (the profit is not linear; variable lines: {})"
                                                  : "逐个试算 0 至 {} {}：{}首次 ≥ 0（利润不随件数线性变化；变动费用：{}）"),
                                  group_thousands(b.searched_to), en ? "units" : "件", l.net_profit, variable)});
    return;
  }
  // A presale's margin per planned unit mixes 定金, 尾款 and 现货 (presale share, 尾款支付率).
  auto margin = presale ? fmt::format(fmt::runtime(en ? "margin per planned unit = its revenue (deposit, balance, spot) − goods cost − variable cost = {}"
                                                     : "每计划件边际 = 每件的定金、尾款与现货收入 − 货品成本 − 变动费用 = {}"),
                                      format_fixed(b.margin, 2))
                : b.variable_lines.empty()
                    ? fmt::format(fmt::runtime(en ? "margin = unit price − unit cost = {} − {}" : "每件边际 = 单价 − 进货价 = {} − {}"),
                                  price, cost)
                    : fmt::format(fmt::runtime(en ? "margin = unit price − unit cost − variable cost per unit = {} − {} − {} (variable lines: {})"
                                                  : "每件边际 = 单价 − 进货价 − 每件变动费用 = {} − {} − {}（变动费用：{}）"),
                                  price, cost, format_fixed(b.variable_per_unit, 2), variable);
  s.rows.push_back({str(l.break_even_units), units,
                    fmt::format(fmt::runtime(en ? "ceil(fixed cost ÷ margin per unit) = ceil({} ÷ {}); {}"
                                                : "ceil(固定费用 ÷ 每件边际) = ceil({} ÷ {})；{}"),
                                b.fixed_cost.format_grouped(), format_fixed(b.margin, 2), margin)});
  // At the break-even the fixed costs are covered, so its 投产比 is 单价 ÷ (单价 − 进货价) whatever they are.
  if (presale) {
    s.rows.push_back({str(l.break_even_roas), multiple(b.roas, l),
                      en ? "revenue ÷ campaign cost where the net profit is 0" : "净利润为 0 时的 成交额 ÷ 活动费用"});
    return;
  }
  s.rows.push_back({str(l.break_even_roas), multiple(b.roas, l),
                    fmt::format(fmt::runtime(en ? "revenue ÷ campaign cost where the net profit is 0 = unit price ÷ (unit price − unit cost) = {} ÷ ({} − {})"
                                                : "净利润为 0 时的 成交额 ÷ 活动费用 = 单价 ÷ (单价 − 进货价) = {} ÷ ({} − {})"),
                                price, price, cost)});
}

Section profit_section(const RoiReport& r, const Labels& l) {
  const auto& f = r.base;
  Section s{str(l.profit), {str(l.item), str(l.value), str(l.how)}, {}, {Align::left, Align::right, Align::left}, {}};
  if (!f.unit_cost) {
    s.notes.push_back(str(l.needs_unit_cost));
    return s;
  }
  auto price = f.unit_price->format_grouped();
  auto cost = f.unit_cost->format_grouped();
  auto units = f.units ? number(*f.units) : std::string();
  s.rows.push_back({str(l.unit_price), money(*f.unit_price), ""});
  s.rows.push_back({str(l.unit_cost), money(*f.unit_cost), ""});
  s.rows.push_back({str(l.goods_cost), opt_money(f.goods_cost, l), fmt::format("{} × {} = {} × {}", l.unit_cost, l.units, cost, units)});
  s.rows.push_back({str(l.gross_profit), opt_money(f.gross_profit, l), fmt::format("{} − {}", l.revenue, l.goods_cost)});
  s.rows.push_back({str(l.net_profit), opt_money(f.net_profit, l), fmt::format("{} − {}", l.gross_profit, l.cost)});
  if (f.break_even) add_break_even(s, *f.break_even, price, cost, l, f.presale.has_value());
  return s;
}

Section budget_section(const RoiReport& r, const Labels& l) {
  const auto& f = r.base;
  Section s{str(l.budget), {str(l.item), str(l.category), str(l.amount), str(l.how)}, {},
            {Align::left, Align::left, Align::right, Align::left}, {}};
  for (const auto& category : f.categories) {
    for (const auto& line : f.lines) {
      if (line.category != category.category) continue;
      auto how = with_inputs(line.trace);
      if (line.discount) how = how.empty() ? str(l.discount) : fmt::format("{}; {}", l.discount, how);
      s.rows.push_back({line.name, line.category, money(line.amount), how});
    }
    s.rows.push_back({fmt::format("{}{}", category.category, l.subtotal), category.category, money(category.total), ""});
  }
  s.rows.push_back({str(l.total), "", money(f.cost), ""});
  if (r.declared_total) {
    std::string note;
    if (r.declared_difference) {
      note = fmt::format(fmt::runtime(l.declared_differs), f.cost.format_grouped(), r.declared_difference->format_grouped());
    }
    s.rows.push_back({str(l.declared), "", money(*r.declared_total), note});
  }
  return s;
}

std::string changes_of(const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out;
  for (const auto& [k, v] : values) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} = {}", k, v);
  }
  return out;
}

std::vector<std::string> compare_header(const RoiReport& r, const Labels& l, std::vector<std::string> first) {
  auto h = std::move(first);
  if (r.base.presale) {  // a presale's parts beside its revenue (尾款支付率 scenarios move them)
    bool en = &l == &kEn;
    for (auto x : {en ? "deposits (定金)" : "定金", en ? "balances (尾款)" : "尾款", en ? "spot (现货)" : "现货"}) h.push_back(x);
  }
  for (auto x : {l.revenue, l.cost, l.roas, l.cost_ratio}) h.push_back(str(x));
  if (r.base.unit_cost) h.push_back(str(l.net_profit));
  return h;
}
std::vector<Cell> compare_cells(const RoiReport& r, const RoiFigures& f, const Labels& l, std::vector<Cell> first) {
  auto row = std::move(first);
  if (r.base.presale) {
    const auto& p = f.presale->total;
    for (const auto& m : {p.deposits, p.balances, p.spot}) row.push_back(money(m));
  }
  row.push_back(money(f.revenue));
  row.push_back(money(f.cost));
  row.push_back(multiple(f.roas, l));
  row.push_back(percent(f.cost_ratio, l));
  if (r.base.unit_cost) row.push_back(opt_money(f.net_profit, l));
  return row;
}

std::string signed_percent(const Rational& r) {
  auto s = format_percent(r, 0);
  if (s == "0%") return s;
  return r.is_negative() ? s : "+" + s;
}

std::vector<Section> roi_sections(const RoiReport& r, const Labels& l) {
  std::vector<Section> out;
  if (!r.parameters.empty()) {
    Section s{str(l.parameters), {str(l.parameter), str(l.value)}, {}, {Align::left, Align::right}, {}};
    for (const auto& p : r.parameters) {
      auto typed = !p.number ? xlsx::Cell::text_of(p.value)
                   : p.percent ? xlsx::Cell::percent_of(*p.number)
                               : xlsx::Cell::number_of(*p.number);
      s.rows.push_back({p.name, Cell(p.value, p.value, typed)});
    }
    out.push_back(std::move(s));
  }
  if (r.has_budget) out.push_back(budget_section(r, l));
  if (r.has_budget || r.has_revenue) out.push_back(figures_section(r, l));
  for (auto& p : presale_sections(r, &l == &kEn ? Lang::en : Lang::zh)) out.push_back(std::move(p));
  if (r.has_revenue) out.push_back(profit_section(r, l));
  if (!r.scenarios.empty()) {
    Section s{str(l.scenarios), compare_header(r, l, {str(l.scenario), str(l.changes)}), {}, {Align::left, Align::left}, {}};
    for (std::size_t i = 2; i < s.header.size(); ++i) s.align.push_back(Align::right);
    for (const auto& sc : r.scenarios) {
      s.rows.push_back(compare_cells(r, sc.figures, l, {sc.name, changes_of(sc.values)}));
      if (!sc.description.empty()) s.notes.push_back(fmt::format("{}：{}", sc.name, sc.description));
    }
    out.push_back(std::move(s));
  }
  if (!r.sensitivity.empty()) {
    Section s{fmt::format("{}：{}", l.sensitivity, r.sensitivity_parameter),
              compare_header(r, l, {str(l.change), r.sensitivity_parameter}), {}, {}, {}};
    s.align.assign(s.header.size(), Align::right);
    for (const auto& row : r.sensitivity) {
      s.rows.push_back(compare_cells(r, row.figures, l,
                                     {Cell(signed_percent(row.change), row.change.to_string(), xlsx::Cell::percent_of(row.change)),
                                      Cell(number(row.value), row.value.to_string(), xlsx::Cell::number_of(row.value))}));
    }
    out.push_back(std::move(s));
  }
  for (const auto& t : r.shares) {
    Section s{t.name, {str(l.item)}, {}, {Align::left}, {}};
    bool units = t.total_units.has_value(), amounts = t.total_amount.has_value();
    if (units) {
      s.header.push_back(t.units_label);
      s.header.push_back(fmt::format("{}{}", t.units_label, l.share));
    }
    if (amounts) {
      s.header.push_back(t.amount_label);
      s.header.push_back(fmt::format("{}{}", t.amount_label, l.share));
    }
    s.align.resize(s.header.size(), Align::right);
    for (const auto& row : t.rows) {
      std::vector<Cell> cells{row.name};
      if (units) {
        cells.push_back(Cell(number(Rational(*row.units)), std::to_string(*row.units), xlsx::Cell::integer_of(*row.units)));
        cells.push_back(percent(row.unit_share, l, share_decimals));
      }
      if (amounts) {
        cells.push_back(money(*row.amount));
        cells.push_back(percent(row.amount_share, l, share_decimals));
      }
      s.rows.push_back(std::move(cells));
    }
    std::vector<Cell> total{str(l.total)};
    std::vector<std::string> sums;
    if (units) {
      total.push_back(Cell(number(Rational(*t.total_units)), std::to_string(*t.total_units), xlsx::Cell::integer_of(*t.total_units)));
      total.push_back(t.shown_unit_share_sum ? Cell(format_percent(1, share_decimals), "1", xlsx::Cell::percent_of(Rational(1))) : Cell(str(l.none), ""));
      if (t.shown_unit_share_sum) sums.push_back(fmt::format("{} {}", t.units_label, format_percent(*t.shown_unit_share_sum, share_decimals)));
    }
    if (amounts) {
      total.push_back(money(*t.total_amount));
      total.push_back(t.shown_amount_share_sum ? Cell(format_percent(1, share_decimals), "1", xlsx::Cell::percent_of(Rational(1))) : Cell(str(l.none), ""));
      if (t.shown_amount_share_sum) sums.push_back(fmt::format("{} {}", t.amount_label, format_percent(*t.shown_amount_share_sum, share_decimals)));
    }
    s.rows.push_back(std::move(total));
    if (!sums.empty()) {
      std::string joined;
      for (const auto& x : sums) joined += (joined.empty() ? "" : ", ") + x;
      s.notes.push_back(fmt::format(fmt::runtime(l.shown_sum), joined));
    }
    if (!t.note.empty()) s.notes.push_back(t.note);
    out.push_back(std::move(s));
  }
  return out;
}

// One sheet per section, as the table shows it: typed cells (a value shown as — is an empty
// cell), then the section's notes below the data.
xlsx::Workbook sections_xlsx(const std::vector<Section>& sections, std::chrono::sys_seconds created, const std::string& title) {
  xlsx::Workbook book(created, title);
  for (const auto& s : sections) {
    auto& sheet = book.add_sheet(s.title, s.header);
    for (const auto& row : s.rows) {
      std::vector<xlsx::Cell> cells;
      for (const auto& c : row) cells.push_back(c.typed ? *c.typed : c.raw.empty() ? xlsx::Cell{} : xlsx::Cell::text_of(c.shown));
      sheet.rows.push_back(std::move(cells));
    }
    sheet.notes = s.notes;
  }
  return book;
}

Table plain(const Section& s) {
  Table t{s.header, {}, s.align};
  for (const auto& row : s.rows) {
    std::vector<TableCell> cells;
    for (const auto& c : row) cells.emplace_back(c.shown, c.kind());
    t.rows.push_back(std::move(cells));
  }
  return t;
}

// Warnings go to stderr (the CLI prints them) and into JSON; the text keeps to the figures.
std::string render_sections(const std::string& title, const std::vector<Section>& sections, Format format, const Labels& l,
                            FormulaGuard guard) {
  std::string out;
  if (format == Format::csv) {
    Table t{{"部分", "项目", "列", "值"}, {}, {}};
    if (&l == &kEn) t.header = {"section", "row", "column", "value"};
    for (const auto& s : sections) {
      for (const auto& row : s.rows) {
        for (std::size_t i = 1; i < row.size() && i < s.header.size(); ++i) {
          t.rows.push_back({s.title, TableCell(row[0].raw, row[0].kind()), s.header[i], TableCell(row[i].raw, row[i].kind())});
        }
      }
    }
    return render_csv_table(t, guard);
  }
  if (format == Format::md) {
    out += fmt::format("# {}\n", title);  // the caller escaped the names in it
    for (const auto& s : sections) {
      out += fmt::format("\n## {}\n\n", md_text(s.title));
      if (!s.rows.empty()) out += render_md_table(plain(s));
      for (const auto& n : s.notes) out += fmt::format("\n- {}\n", md_text(n));
    }
    return out;
  }
  out += title + "\n";
  for (const auto& s : sections) {
    out += fmt::format("\n{}\n", visible_text(s.title));
    if (!s.rows.empty()) out += render_text_table(plain(s));
    for (const auto& n : s.notes) out += fmt::format("  {}\n", visible_text(n));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// JSON

json::Value jmoney(const std::optional<Money>& m) { return json::maybe(m, [](const Money& x) { return x.to_string(); }); }
json::Value jexact(const std::optional<Rational>& r) { return json::maybe(r, [](const Rational& x) { return x.to_string(); }); }
json::Value jratio(const std::optional<Rational>& r, std::string shown, std::string formula) {
  if (!r) return nullptr;
  return json::Value::object({{"value", r->to_string()}, {"shown", std::move(shown)}, {"formula", std::move(formula)}});
}
json::Value jtrace(const Trace& t) {
  if (t.formula.empty()) return nullptr;
  return json::Value::object({{"formula", t.formula}, {"inputs", t.inputs}});
}

// The least whole number of units as an exact string (as before: "874"), null when there is none.
json::Value break_even_units_json(const std::optional<BreakEven>& b) {
  if (!b || !b->units) return nullptr;
  return std::to_string(*b->units);
}

// How the break-even was found, for checking by hand.
json::Value break_even_json(const std::optional<BreakEven>& b) {
  if (!b) return nullptr;
  bool linear = b->method == BreakEven::Method::linear;
  return json::Value::object({
      {"units", break_even_units_json(b)},
      {"method", linear ? "linear" : "search"},
      {"parameter", b->parameter},
      {"exact_units", jexact(b->exact_units)},
      {"fixed_cost", linear ? json::Value(b->fixed_cost.to_string()) : json::Value(nullptr)},
      {"margin_per_unit", linear ? json::Value(b->margin.to_string()) : json::Value(nullptr)},
      {"variable_cost_per_unit", linear ? json::Value(b->variable_per_unit.to_string()) : json::Value(nullptr)},
      {"variable_lines", json::Value(b->variable_lines)},
      {"searched_to", linear ? json::Value(nullptr) : json::Value(b->searched_to)},
      {"reason", b->reason.empty() ? json::Value(nullptr) : json::Value(b->reason)},
  });
}

json::Value figures_json(const RoiFigures& f) {
  auto lines = json::Value::array();
  for (const auto& line : f.lines) {
    lines.push_back(json::Value::object({{"name", line.name}, {"category", line.category}, {"amount", line.amount.to_string()},
                                         {"discount", line.discount}, {"trace", jtrace(line.trace)}}));
  }
  auto categories = json::Value::array();
  for (const auto& c : f.categories) {
    categories.push_back(json::Value::object({{"category", c.category}, {"total", c.total.to_string()}}));
  }
  auto pct = [](const std::optional<Rational>& r) { return r ? format_percent(*r, 2) : std::string(); };
  auto mul = [](const std::optional<Rational>& r) { return r ? format_fixed(*r, 2) : std::string(); };
  auto revenue = json::Value::object({{"amount", f.revenue.to_string()},
                                      {"units", jexact(f.units)},
                                      {"unit_price", jmoney(f.unit_price)},
                                      {"trace", jtrace(f.revenue_trace)}});
  revenue["presale"] = f.presale ? presale_json(*f.presale) : json::Value();  // null without a presale (the contract)
  return json::Value::object({
      {"revenue", std::move(revenue)},
      {"budget", json::Value::object({{"lines", std::move(lines)}, {"categories", std::move(categories)}, {"total", f.cost.to_string()}})},
      {"ratios", json::Value::object({
                     {"roas", jratio(f.roas, mul(f.roas), "成交额 ÷ 活动费用")},
                     {"finance_roi", jratio(f.finance_roi, pct(f.finance_roi), "(成交额 − 活动费用) ÷ 活动费用")},
                     {"cost_ratio", jratio(f.cost_ratio, pct(f.cost_ratio), "活动费用 ÷ 成交额")},
                 })},
      {"profit", json::Value::object({
                     {"unit_cost", jmoney(f.unit_cost)},
                     {"goods_cost", jmoney(f.goods_cost)},
                     {"gross_profit", jmoney(f.gross_profit)},
                     {"net_profit", jmoney(f.net_profit)},
                     {"break_even_units", break_even_units_json(f.break_even)},
                     {"break_even_roas", f.break_even ? jratio(f.break_even->roas, mul(f.break_even->roas), "净利润为 0 时的 成交额 ÷ 活动费用")
                                                      : json::Value(nullptr)},
                     {"break_even", break_even_json(f.break_even)},
                 })},
  });
}

// Parameters as written, by name, in their order.
json::Value values_json(const std::vector<std::pair<std::string, std::string>>& values) {
  auto out = json::Value::object();
  for (const auto& [k, v] : values) out[k] = v;
  return out;
}

std::string roi_json(const RoiReport& r, const RenderOptions& options) {
  auto j = json_header(options, r.campaign);
  j["template"] = r.template_name;
  auto parameters = json::Value::object();
  for (const auto& p : r.parameters) parameters[p.name] = p.value;
  j["parameters"] = std::move(parameters);
  j["figures"] = nullptr;  // null without a budget or a revenue
  if (r.has_budget || r.has_revenue) {
    auto figures = figures_json(r.base);
    figures["budget"]["declared_total"] = jmoney(r.declared_total);
    j["figures"] = std::move(figures);
  }
  auto scenarios = json::Value::array();
  for (const auto& s : r.scenarios) {
    scenarios.push_back(json::Value::object({{"name", s.name},
                                             {"description", s.description},
                                             {"parameters", values_json(s.values)},
                                             {"figures", figures_json(s.figures)}}));
  }
  j["scenarios"] = std::move(scenarios);
  if (!r.sensitivity.empty()) {
    auto rows = json::Value::array();
    for (const auto& row : r.sensitivity) {
      rows.push_back(json::Value::object(
          {{"change", row.change.to_string()}, {"value", row.value.to_string()}, {"figures", figures_json(row.figures)}}));
    }
    j["sensitivity"] = json::Value::object({{"parameter", r.sensitivity_parameter}, {"rows", std::move(rows)}});
  } else {
    j["sensitivity"] = nullptr;
  }
  auto shares = json::Value::array();
  for (const auto& t : r.shares) {
    auto rows = json::Value::array();
    for (const auto& row : t.rows) {
      rows.push_back(json::Value::object({{"name", row.name},
                                          {"units", row.units},
                                          {"unit_share", jexact(row.unit_share)},
                                          {"amount", jmoney(row.amount)},
                                          {"amount_share", jexact(row.amount_share)}}));
    }
    shares.push_back(json::Value::object({{"name", t.name},
                                          {"rows", std::move(rows)},
                                          {"total_units", t.total_units},
                                          {"total_amount", jmoney(t.total_amount)},
                                          {"shown_unit_share_sum", jexact(t.shown_unit_share_sum)},
                                          {"shown_amount_share_sum", jexact(t.shown_amount_share_sum)}}));
  }
  j["shares"] = std::move(shares);
  j["diagnostics"] = diagnostics_json(r.warnings, language_of(options.lang));
  return json::dump(j, 2) + "\n";
}

// ---------------------------------------------------------------------------------------------
// Funnel

std::vector<Section> funnel_sections(const FunnelReport& r, const Labels& l) {
  Section s{str(l.funnel),
            {str(l.salesperson), str(l.customers), str(l.registered), str(l.activated), str(l.ordered),
             str(l.activation_rate), str(l.first_order_rate)},
            {},
            {Align::left, Align::right, Align::right, Align::right, Align::right, Align::right, Align::right},
            {}};
  auto count = [](std::int64_t n) { return Cell(std::to_string(n), std::to_string(n), xlsx::Cell::integer_of(n)); };
  auto row = [&](const FunnelCounts& c, std::string name) {
    return std::vector<Cell>{std::move(name), count(c.customers), count(c.registered), count(c.activated), count(c.ordered),
                             percent(c.activation_rate, l, 1), percent(c.first_order_rate, l, 1)};
  };
  for (const auto& c : r.by_salesperson) s.rows.push_back(row(c, c.salesperson));
  s.rows.push_back(row(r.overall, str(l.overall)));
  s.notes.push_back(fmt::format("{} = {} ÷ {}; {} = {} ÷ {}", l.activation_rate, l.activated, l.registered,
                                l.first_order_rate, l.ordered, l.activated));
  if (r.target_activation || r.target_first_order) {
    std::vector<std::string> parts;
    if (r.target_activation) parts.push_back(fmt::format("{} {}", l.activation_rate, format_percent(*r.target_activation, 1)));
    if (r.target_first_order) parts.push_back(fmt::format("{} {}", l.first_order_rate, format_percent(*r.target_first_order, 1)));
    std::string joined;
    for (const auto& p : parts) joined += (joined.empty() ? "" : ", ") + p;
    s.notes.push_back(fmt::format("{}: {}", l.target, joined));
    std::vector<std::string> below;
    for (const auto& c : r.by_salesperson) {
      if (c.below_target) below.push_back(c.salesperson);
    }
    if (!below.empty()) {
      std::string names;
      for (const auto& b : below) names += (names.empty() ? "" : "、") + b;
      s.notes.push_back(fmt::format("{} < {}: {}", l.salesperson, l.target, names));
    }
  }
  return {s};
}

std::string funnel_json(const FunnelReport& r, const RenderOptions& options) {
  auto rate = [](const std::optional<Rational>& v) {
    return json::maybe(v, [](const Rational& x) {
      return json::Value::object({{"value", x.to_string()}, {"shown", format_percent(x, 1)}});
    });
  };
  auto counts = [&](const FunnelCounts& c) {
    return json::Value::object({{"customers", c.customers},
                                {"registered", c.registered},
                                {"activated", c.activated},
                                {"ordered", c.ordered},
                                {"activation_rate", rate(c.activation_rate)},
                                {"first_order_rate", rate(c.first_order_rate)}});
  };
  auto by = json::Value::array();
  for (const auto& c : r.by_salesperson) {
    auto row = json::Value::object({{"salesperson", c.salesperson}});
    row.update(counts(c));
    by.push_back(std::move(row));
  }
  auto j = json_header(options, r.campaign);
  j["customers_file"] = r.customers_file;
  j["by_salesperson"] = std::move(by);
  j["overall"] = counts(r.overall);
  j["targets"] = json::Value::object({{"activation_rate", jexact(r.target_activation)},
                                      {"first_order_rate", jexact(r.target_first_order)}});
  j["formulas"] = json::Value::object({{"activation_rate", "激活用户数 ÷ 注册用户数"}, {"first_order_rate", "下单用户数 ÷ 激活用户数"}});
  j["diagnostics"] = diagnostics_json(r.warnings, language_of(options.lang));
  return json::dump(j, 2) + "\n";
}

}  // namespace

std::string render_roi(const RoiReport& report, Format format, const RenderOptions& options) {
  const auto& l = labels(options.lang);
  std::string out;
  if (format == Format::json) return roi_json(report, options);
  if (format == Format::xlsx) {
    return workbook_bytes(sections_xlsx(roi_sections(report, l), options.created.value_or(xlsx::no_date()), report.campaign), options.writers);
  }
  auto shown = format == Format::md ? md_text : visible_text;
  auto title = fmt::format("{}  ({} {})", shown(report.campaign), l.template_, shown(report.template_name));
  out = render_sections(title, roi_sections(report, l), format, l, options.csv_guard);
  if (format == Format::csv) out = with_excel_bom(std::move(out), options.bom);
  return out;
}

std::string render_funnel(const FunnelReport& report, Format format, const RenderOptions& options) {
  const auto& l = labels(options.lang);
  if (format == Format::json) return funnel_json(report, options);
  if (format == Format::xlsx) throw Error(message("render.funnel-xlsx"));
  auto shown = format == Format::md ? md_text : visible_text;
  auto title = fmt::format("{}  ({})", shown(report.campaign), shown(report.customers_file));
  auto out = render_sections(title, funnel_sections(report, l), format, l, options.csv_guard);
  if (format == Format::csv) out = with_excel_bom(std::move(out), options.bom);
  return out;
}

}  // namespace dacu
