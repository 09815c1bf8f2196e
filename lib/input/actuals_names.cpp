// The metric names of the actuals: dacu's names and the header variants exports use for them.
#include <algorithm>

#include "dacu/input/actuals.hpp"

namespace dacu {

namespace {

// The one table of header variants (docs/format.md shows it). Each variant names one metric in
// 生意参谋's own exports, its older pages or a shop's own sheet; a name that could mean two
// metrics (件数: offered or sold; 转化率 alone is kept, 生意参谋 means 支付转化率 by it) is left out
// or mapped to what 生意参谋 means by it.
constexpr MetricVariant kVariants[] = {
    {"访客", "访客数"},
    {"UV", "访客数"},
    {"uv", "访客数"},
    {"PV", "浏览量"},
    {"pv", "浏览量"},
    {"浏览次数", "浏览量"},
    {"下单人数", "下单买家数"},
    {"下单客户数", "下单买家数"},
    {"支付人数", "支付买家数"},
    {"成交人数", "支付买家数"},
    {"成交买家数", "支付买家数"},
    {"付款人数", "支付买家数"},
    {"成交金额", "支付金额"},
    {"成交额", "支付金额"},
    {"销售额", "支付金额"},
    {"付款金额", "支付金额"},
    {"支付子订单数", "支付笔数"},
    {"支付订单数", "支付笔数"},
    {"成交笔数", "支付笔数"},
    {"成交订单数", "支付笔数"},
    {"付款笔数", "支付笔数"},
    {"付款订单数", "支付笔数"},
    {"成交件数", "支付件数"},
    {"支付商品件数", "支付件数"},
    {"销售件数", "支付件数"},
    {"付款件数", "支付件数"},
    {"销量", "支付件数"},
    {"支付客单价", "客单价"},
    {"成交客单价", "客单价"},
    {"转化率", "支付转化率"},
    {"成交转化率", "支付转化率"},
    {"跳出率", "跳失率"},
    {"商品加购人数", "加购人数"},
    {"加购买家数", "加购人数"},
    {"商品收藏人数", "收藏人数"},
    {"收藏买家数", "收藏人数"},
    {"商品收藏买家数", "收藏人数"},
};

bool is_known(std::string_view name) {
  const auto& known = known_metrics();
  return std::find(known.begin(), known.end(), name) != known.end();
}

std::string_view variant_of(std::string_view name) {
  for (const auto& v : kVariants) {
    if (v.variant == name) return v.metric;
  }
  return {};
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  while (s.starts_with("\u3000")) s.remove_prefix(3);  // an ideographic space
  while (s.ends_with("\u3000")) s.remove_suffix(3);
  return s;
}

}  // namespace

const std::vector<std::string>& known_metrics() {
  static const std::vector<std::string> names{"访客数",   "浏览量",   "下单买家数", "下单金额",   "支付买家数",
                                              "支付金额", "支付笔数", "支付件数",   "客单价",     "支付转化率",
                                              "下单转化率", "跳失率",  "加购人数",   "收藏人数"};
  return names;
}

std::span<const MetricVariant> metric_variants() { return kVariants; }

std::string metric_name(std::string_view written) {
  auto name = trim(written);
  if (is_known(name)) return std::string(name);
  if (auto metric = variant_of(name); !metric.empty()) return std::string(metric);
  // A unit in brackets after the name: 支付金额(元), 访客数（人）, 支付转化率(%).
  for (std::string_view open : {"(", "（"}) {
    auto at = name.rfind(open);
    if (at == std::string_view::npos || at == 0) continue;
    if (!name.ends_with(")") && !name.ends_with("）")) continue;
    auto bare = trim(name.substr(0, at));
    if (is_known(bare)) return std::string(bare);
    if (auto metric = variant_of(bare); !metric.empty()) return std::string(metric);
  }
  return std::string(name);
}

DerivedMetric derived_metric(std::string_view metric) {
  if (metric == "客单价") return {"支付金额", "支付买家数"};
  if (metric == "支付转化率") return {"支付买家数", "访客数"};
  if (metric == "下单转化率") return {"下单买家数", "访客数"};
  return {};
}

}  // namespace dacu
