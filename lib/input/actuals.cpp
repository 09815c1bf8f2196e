#include "dacu/input/actuals.hpp"

#include "dacu/base/money.hpp"
#include "dacu/base/numbers.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/input/csv.hpp"
#include "dacu/model/template.hpp"

namespace dacu {

namespace {

bool is_time_column(std::string_view name) { return name == "time" || name == "时间"; }

date::local_seconds read_time(const std::string& text, const Location& where) {
  auto t = parse_local_datetime(text);
  if (!t) {
    auto advice = date_advice(text, message("csv.time-form"));
    throw input_error("D502", where, {{"text", text}, {"problem", advice.problem}, {"advice", advice.hint}});
  }
  return t->at;
}

// A figure read to its metric's precision: money to the fen, ratios to 6 decimals, counts whole.
// A spreadsheet writes 0.30000000000000004 for 0.3; exact arithmetic on such a figure overflows
// further on, so it is rounded here, once, where the file says where it was.
Rational read_value(const std::string& text, const Location& where, std::string_view metric) {
  auto value = try_parse_rational(text);
  // Counts and amounts also as the count and money grammars read them (1,250; ¥24,510.00).
  if (!value && metric_kind(metric) == MetricKind::count) {
    if (auto count = try_parse_count(text)) value = Rational(*count);
  }
  if (!value && metric_kind(metric) == MetricKind::money) {
    if (auto amount = try_parse_money(text, Rounding::half_up_to_fen)) value = amount->yuan();
  }
  if (!value) {
    throw input_error("D503.not-number", where, {{"text", text}, {"metric", metric}});
  }
  if (metric_kind(metric) == MetricKind::ratio && !text.ends_with("%") && *value > Rational(1)) {
    // 生意参谋 shows rates as 5.00%; a bare 5 is 500% as a fraction, and no rate exceeds 100%.
    throw input_error("D503.rate", where, {{"metric", metric}, {"text", text}});
  }
  if (value->is_negative()) {
    throw input_error("D503.negative", where, {{"metric", metric}, {"text", text}});
  }
  if (*value > Rational(1'000'000'000'000)) {
    throw input_error("D503.too-large", where, {{"metric", metric}, {"text", text.substr(0, 40)}});
  }
  if (metric_kind(metric) == MetricKind::count) {
    {
      auto whole = value->round();
      // A count off a whole number by more than a spreadsheet's rounding is a wrong figure.
      auto off = *value - whole;
      if (off.is_negative()) off = -off;
      if (off > Rational(1, 1'000'000'000)) {
        throw input_error("D511", where, {{"metric", metric}, {"text", text}});
      }
      return whole;
    }
  }
  return at_metric_precision(*value, metric);
}

}  // namespace

std::vector<ActualRow> parse_actuals(std::string_view text, std::string_view source_name) {
  // Syntax, UTF-8, an empty file and empty or repeated column names are parse_csv's (D340–D345).
  auto table = parse_csv(std::string(text), source_name);
  const auto& header = table.header;
  const auto& header_where = table.header_where;
  bool long_shape = header.size() == 3 && is_time_column(header[0]) && (header[1] == "metric" || header[1] == "指标") &&
                    (header[2] == "value" || header[2] == "数值");
  if (!long_shape && (!is_time_column(header[0]) || header.size() < 2)) {
    auto line = header_where[0].line_text();
    if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);  // Excel's UTF-8 BOM
    throw input_error("D500", header_where[0], {{"line", line}});
  }
  std::vector<ActualRow> rows;
  for (const auto& record : table.records) {
    auto at = read_time(record.fields[0], record.where[0]);
    if (long_shape) {
      if (record.fields[1].empty()) throw input_error("D503.no-metric", record.where[1]);
      rows.push_back({at, record.fields[1], read_value(record.fields[2], record.where[2], record.fields[1]), record.where[2],
                      record.where[1]});
    } else {
      for (std::size_t i = 1; i < record.fields.size(); ++i) {
        if (record.fields[i].empty()) continue;  // no figure for this metric at this moment
        rows.push_back({at, header[i], read_value(record.fields[i], record.where[i], header[i]), record.where[i], header_where[i]});
      }
    }
  }
  return rows;
}

const std::vector<std::string>& known_metrics() {
  static const std::vector<std::string> names{"访客数",   "浏览量",   "下单买家数", "下单金额",   "支付买家数",
                                              "支付金额", "支付笔数", "客单价",     "支付转化率", "下单转化率",
                                              "跳失率",   "加购人数", "收藏人数"};
  return names;
}

DerivedMetric derived_metric(std::string_view metric) {
  if (metric == "客单价") return {"支付金额", "支付买家数"};
  if (metric == "支付转化率") return {"支付买家数", "访客数"};
  if (metric == "下单转化率") return {"下单买家数", "访客数"};
  return {};
}

}  // namespace dacu
