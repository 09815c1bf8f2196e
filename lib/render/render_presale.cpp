// The presale part of `dacu roi`: 定金, 尾款 and 现货 per wave and summed, each with its formula.

#include <fmt/format.h>

#include "dacu/render/roi_sections.hpp"

namespace dacu::roi_render {

namespace {

struct Labels {
  std::string_view title, wave, item, value, how, total_wave, planned, presale, paid, unpaid, spot_units, deposits,
      forfeited, balances, spot, total, bonus, goods, note_bonus, note_unpaid, note_rounding;
};

constexpr Labels kZh{"预售收入", "波次", "项目", "值", "计算", "合计", "计划件数", "预售件数", "付尾款件数",
                     "未付尾款件数", "现货件数", "定金", "其中未付尾款者的定金（不退）", "尾款", "现货", "成交额",
                     "膨胀让利（已从价格中扣除）", "货品成本",
                     "膨胀（膨胀金额 − 定金）按让利计：付尾款者实付 价格 − (膨胀金额 − 定金)，成交额只算实收的钱，不另列为费用",
                     "未付尾款者的定金不退，计入定金；他们的件数不发货，也不转为现货销售（库存留在仓里）",
                     "件数逐级四舍五入为整件；每一部分是 整件 × 到分的单价，合计是各部分之和，分毫不差"};
constexpr Labels kEn{"Presale revenue", "wave", "item", "value", "how", "total", "planned units", "presale units",
                     "units paid in full", "units with the balance unpaid", "spot units (现货)", "deposits (定金)",
                     "of which deposits of buyers who never pay the balance (not refunded)", "balances (尾款)",
                     "spot sales (现货)", "revenue (成交额)", "膨胀 bonus (already off the price)", "goods cost",
                     "the 膨胀 (deposit value − deposit) is a price reduction: a buyer who pays in full pays price − "
                     "(deposit value − deposit); revenue is the money received, and the bonus is no cost line",
                     "a deposit whose balance is never paid is not refunded and counts in the deposits; its units are "
                     "neither shipped nor sold as spot (the stock stays)",
                     "each count is rounded half up to whole units; each part is whole units × a price to the fen, "
                     "and the total is the parts' sum, exactly"};

void add_rows(Section& s, const PresaleFigures& f, const Labels& l, bool waves) {
  auto row = [&](std::string_view item, Cell value, const Trace& t) {
    std::vector<Cell> cells;
    if (waves) cells.emplace_back(f.sum ? std::string(l.total_wave) : f.wave);
    cells.emplace_back(std::string(item));
    cells.push_back(std::move(value));
    cells.emplace_back(with_inputs(t));
    s.rows.push_back(std::move(cells));
  };
  row(l.planned, count(f.units), f.trace.units);
  row(l.presale, count(f.presale_units), f.trace.presale_units);
  row(l.paid, count(f.paid_units), f.trace.paid_units);
  row(l.unpaid, count(f.unpaid_units), f.trace.unpaid_units);
  row(l.spot_units, count(f.spot_units), f.trace.spot_units);
  row(l.deposits, money(f.deposits), f.trace.deposits);
  row(l.forfeited, money(f.forfeited), f.trace.forfeited);
  row(l.balances, money(f.balances), f.trace.balances);
  row(l.spot, money(f.spot), f.trace.spot);
  row(l.total, money(f.total), f.trace.total);
  row(l.bonus, money(f.bonus_total), f.trace.bonus_total);
  if (f.goods_cost) row(l.goods, money(*f.goods_cost), f.trace.goods_cost);
}

json::Value jtrace(const Trace& t) { return json::Value::object({{"formula", t.formula}, {"inputs", t.inputs}}); }

json::Value figures(const PresaleFigures& f) {
  auto per_unit = json::Value(nullptr);
  if (!f.sum) {
    per_unit = json::Value::object({
        {"price", f.price.to_string()},
        {"deposit", f.deposit.to_string()},
        {"deposit_value", f.deposit_value.to_string()},
        {"balance_price", f.balance_price.to_string()},
        {"bonus", f.bonus.to_string()},
        {"unit_cost", f.unit_cost ? json::Value(f.unit_cost->to_string()) : json::Value(nullptr)},
        {"presale_share", f.presale_share.to_string()},
        {"balance_rate", f.balance_rate.to_string()},
    });
  }
  const auto& t = f.trace;
  return json::Value::object({
      {"wave", f.wave.empty() ? json::Value(nullptr) : json::Value(f.wave)},
      {"per_unit", std::move(per_unit)},
      {"units", json::Value::object({{"planned", f.units},
                                     {"presale", f.presale_units},
                                     {"paid", f.paid_units},
                                     {"unpaid", f.unpaid_units},
                                     {"spot", f.spot_units},
                                     {"shipped", f.shipped_units()}})},
      {"amounts", json::Value::object({{"deposits", f.deposits.to_string()},
                                       {"forfeited_deposits", f.forfeited.to_string()},
                                       {"balances", f.balances.to_string()},
                                       {"spot", f.spot.to_string()},
                                       {"total", f.total.to_string()},
                                       {"bonus", f.bonus_total.to_string()},
                                       {"goods_cost", f.goods_cost ? json::Value(f.goods_cost->to_string()) : json::Value(nullptr)}})},
      {"trace", json::Value::object({{"units", jtrace(t.units)},
                                     {"presale", jtrace(t.presale_units)},
                                     {"paid", jtrace(t.paid_units)},
                                     {"unpaid", jtrace(t.unpaid_units)},
                                     {"spot_units", jtrace(t.spot_units)},
                                     {"deposits", jtrace(t.deposits)},
                                     {"forfeited_deposits", jtrace(t.forfeited)},
                                     {"balances", jtrace(t.balances)},
                                     {"spot", jtrace(t.spot)},
                                     {"total", jtrace(t.total)},
                                     {"bonus", jtrace(t.bonus_total)},
                                     {"goods_cost", f.goods_cost ? jtrace(t.goods_cost) : json::Value(nullptr)}})},
  });
}

}  // namespace

std::vector<Section> presale_sections(const RoiReport& r, Lang lang) {
  const auto& l = lang == Lang::en ? kEn : kZh;
  if (!r.base.presale) return {};
  const auto& p = *r.base.presale;
  bool waves = p.waves.size() > 1 || !p.waves.front().wave.empty();
  Section s{std::string(l.title), {}, {}, {}, {}};
  if (waves) {
    s.header.emplace_back(l.wave);
    s.align.push_back(Align::left);
  }
  for (auto h : {l.item, l.value, l.how}) s.header.emplace_back(h);
  for (auto a : {Align::left, Align::right, Align::left}) s.align.push_back(a);
  for (const auto& w : p.waves) add_rows(s, w, l, waves);
  if (waves) add_rows(s, p.total, l, waves);
  for (auto n : {l.note_bonus, l.note_unpaid, l.note_rounding}) s.notes.emplace_back(n);
  return {std::move(s)};
}

json::Value presale_json(const PresaleRevenue& p) {
  auto waves = json::Value::array();
  for (const auto& w : p.waves) waves.push_back(figures(w));
  return json::Value::object({
      // How the model reads a presale, so that a consumer need not guess (docs/format.md).
      {"treatment", json::Value::object({{"bonus", "price_reduction"},
                                         {"unpaid_deposits", "revenue"},
                                         {"unpaid_units", "not_sold"}})},
      {"waves", std::move(waves)},
      {"total", figures(p.total)},
  });
}

}  // namespace dacu::roi_render
