#pragma once
/// Actuals: the figures a shop exports (生意参谋) while a campaign runs, read from CSV.
///
///   auto rows = dacu::parse_actuals(read_text_file("today.csv"), "today.csv");
///
/// Two shapes, told apart by the header (docs/format.md):
///   long:  time,metric,value            one figure per row (also 时间,指标,数值)
///   wide:  time,支付笔数,支付金额,…       one row per moment, one column per metric (also 时间,…)
/// Each value is the cumulative figure at `time` (a local date-time in the campaign's zone), as
/// 生意参谋's real-time page shows 今日累计. The file is read with parse_csv (input/csv.hpp: RFC 4180
/// quoting, UTF-8, a BOM allowed; D340–D345); every problem is an InputError located FILE:LINE:COL
/// (D500–D509 for the actuals themselves).

#include <date/date.h>

#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/base/rational.hpp"

namespace dacu {

struct ActualRow {
  date::local_seconds at;  ///< wall-clock time in the campaign's zone
  std::string metric;
  Rational value;
  Location where;  ///< the row's value cell (its metric cell for the long shape's metric)
  Location metric_where;
  friend bool operator==(const ActualRow& a, const ActualRow& b) {
    return a.at == b.at && a.metric == b.metric && a.value == b.value;
  }
};

/// Reads one actuals CSV. Rows come back in file order.
std::vector<ActualRow> parse_actuals(std::string_view text, std::string_view source_name);

/// The 生意参谋 metrics dacu knows (brief: "Actuals: what shops export").
const std::vector<std::string>& known_metrics();

/// Ratios recomputed from their parts: 客单价 = 支付金额 ÷ 支付买家数, 支付转化率 = 支付买家数 ÷ 访客数,
/// 下单转化率 = 下单买家数 ÷ 访客数. Empty names when `metric` is not derived.
struct DerivedMetric {
  std::string_view numerator;
  std::string_view denominator;
};
DerivedMetric derived_metric(std::string_view metric);

}  // namespace dacu
