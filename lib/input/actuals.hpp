#pragma once
/// Actuals: the figures a shop exports (生意参谋) while a campaign runs, read from CSV or .xlsx.
///
///   auto file = dacu::read_actuals(read_text_file("today.xlsx"), "today.xlsx", {});
///   if (file.time_only) dacu::date_actuals(file.rows, sale_day);
///
/// Two shapes, told apart by the header (docs/format.md):
///   long:  time,metric,value            one figure per row (also 时间,指标,数值)
///   wide:  time,支付笔数,支付金额,…       one row per moment, one column per metric (also 时间,…)
/// Each value is the cumulative figure at `time` (a local date-time in the campaign's zone), as
/// 生意参谋's real-time page shows 今日累计; with `per_period` each value is its period's own and
/// they are summed here. `time` may be a time of day alone (10:15): the rows then say so and the
/// caller dates them (date_actuals) from the campaign's sale day. Header variants (成交金额,
/// 支付子订单数 …) are read as dacu's metric names (metric_variants()). A CSV is read with
/// parse_csv (input/csv.hpp: RFC 4180 quoting, UTF-8 or GBK, a BOM allowed; D340–D345, D440,
/// D441), a workbook with read_xlsx_sheet (input/xlsx_reader.hpp); every problem is an
/// InputError located FILE:LINE:COL (D500–D511 and D442–D457 for the actuals themselves).

#include <date/date.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/base/rational.hpp"
#include "dacu/input/csv.hpp"

namespace dacu {

struct ActualRow {
  /// Wall-clock time in the campaign's zone; when `time_only`, the time of day alone (counted from
  /// 1970-01-01 00:00) until date_actuals gives it a day.
  date::local_seconds at;
  std::string metric;  ///< dacu's name for it (a header variant already mapped)
  Rational value;
  Location where;  ///< the row's value cell (its metric cell for the long shape's metric)
  Location metric_where;
  bool time_only = false;
  friend bool operator==(const ActualRow& a, const ActualRow& b) {
    return a.at == b.at && a.metric == b.metric && a.value == b.value && a.time_only == b.time_only;
  }
};

struct ActualsOptions {
  TextEncoding encoding = TextEncoding::automatic;  ///< CSV only
  std::string sheet;         ///< .xlsx: the sheet to read; empty for the first
  bool per_period = false;   ///< each figure is its period's own (分时段): summed into cumulative ones
};

struct ActualsFile {
  std::vector<ActualRow> rows;  ///< in file order
  /// The 时间 column gives times of day only: every row is time_only (a file never mixes, D453).
  bool time_only = false;
  Location time_only_where;         ///< the first such time cell, for "no day to date them" (D444)
  std::vector<Diagnostic> warnings; ///< columns left out (D445)
};

/// Reads one actuals file: an .xlsx workbook when its bytes are a zip archive or its name ends in
/// .xlsx, otherwise CSV. An .xls (Excel 97–2003) workbook is refused with advice (D447).
ActualsFile read_actuals(std::string bytes, std::string_view source_name, const ActualsOptions& options = {});

/// Reads one actuals CSV (read_actuals with the default options); rows in file order.
std::vector<ActualRow> parse_actuals(std::string_view text, std::string_view source_name);

/// Gives every time-only row the date `day` (its time of day kept).
void date_actuals(std::vector<ActualRow>& rows, date::local_days day);

/// The file name extensions read_actuals reads (lower case, with the dot): .csv, .txt, .xlsx.
std::span<const std::string_view> actuals_extensions();

/// The 生意参谋 metrics dacu knows (brief: "Actuals: what shops export").
const std::vector<std::string>& known_metrics();

/// A header variant an export may use for one of known_metrics() (成交金额 → 支付金额): the one
/// table docs/format.md shows.
struct MetricVariant {
  std::string_view variant;
  std::string_view metric;
};
std::span<const MetricVariant> metric_variants();

/// dacu's name for a column or metric as written: spaces around it dropped, a variant mapped, a
/// unit in brackets dropped when what remains is a metric or variant (支付金额(元), 访客数（人）);
/// otherwise `name` as written.
std::string metric_name(std::string_view name);

/// Ratios recomputed from their parts: 客单价 = 支付金额 ÷ 支付买家数, 支付转化率 = 支付买家数 ÷ 访客数,
/// 下单转化率 = 下单买家数 ÷ 访客数. Empty names when `metric` is not derived.
struct DerivedMetric {
  std::string_view numerator;
  std::string_view denominator;
};
DerivedMetric derived_metric(std::string_view metric);

}  // namespace dacu
