#include "dacu/input/actuals.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "dacu/base/money.hpp"
#include "dacu/base/numbers.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/input/csv.hpp"
#include "dacu/input/xlsx_reader.hpp"
#include "dacu/model/template.hpp"

namespace dacu {

namespace {

bool is_time_column(std::string_view name) {
  return name == "time" || name == "时间" || name == "统计时间" || name == "时段" || name == "时刻" || name == "日期时间";
}

struct ReadTime {
  date::local_seconds at;
  bool time_only = false;
};

// A time of day alone: 10:15, 10:15:30, 10点15分, 24:00 (the day's end); a period (10:00-11:00,
// 10:00~11:00, 10:00至11:00) is read as its end, the moment its figure was complete.
std::optional<std::chrono::seconds> read_time_of_day(std::string_view text) {
  for (std::string_view dash : {"-", "~", "～", "–", "—", "至"}) {
    auto at = text.find(dash);
    if (at == std::string_view::npos || at == 0) continue;
    if (read_time_of_day(text.substr(0, at))) return read_time_of_day(text.substr(at + dash.size()));
  }
  if (text == "24:00" || text == "24:00:00") return std::chrono::hours(24);
  std::chrono::seconds seconds{0};
  auto first = text.find(':');
  if (first != std::string_view::npos) {
    auto second = text.find(':', first + 1);
    if (second != std::string_view::npos) {
      auto s = text.substr(second + 1);
      int value = 0;
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
      if (s.size() != 2 || ec != std::errc() || end != s.data() + s.size() || value > 59) return std::nullopt;
      seconds = std::chrono::seconds(value);
      text = text.substr(0, second);
    }
  }
  auto clock = parse_clock(text);
  if (!clock) return std::nullopt;
  return std::chrono::duration_cast<std::chrono::seconds>(*clock) + seconds;
}

// Whether text that is no date-time was meant as a time of day: no date separators in it.
bool looks_like_time_of_day(std::string_view text) {
  bool clock = text.find(':') != std::string_view::npos || text.find("：") != std::string_view::npos ||
               text.find("点") != std::string_view::npos;
  bool date = text.find('/') != std::string_view::npos || text.find("年") != std::string_view::npos ||
              text.find("月") != std::string_view::npos || (text.size() >= 8 && text[4] == '-');
  return clock && !date;
}

// A number in the 时间 column of a workbook: Excel's serial date (days since 1899-12-30 in the
// 1900 date system, since 1904-01-01 in the 1904 one; the fraction is the time of day). Below 1
// it is a time of day alone. Rounded to the second.
ReadTime read_serial(const std::string& text, const Location& where, bool date1904) {
  double serial = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), serial);
  if (ec != std::errc() || end != text.data() + text.size() || !(serial >= 0) || serial >= 2958466) {
    throw input_error("D443", where, {{"text", text}});
  }
  auto total = static_cast<std::int64_t>(std::llround(serial * 86400));
  auto days = total / 86400;
  std::chrono::seconds time{total % 86400};
  if (days == 0) return {date::local_seconds{time}, true};
  date::local_days day;
  if (date1904) {
    day = date::local_days{date::year{1904} / 1 / 1} + date::days{days};
  } else {
    // Excel counts a 29 February 1900 that never was (serial 60): serials before it are a day later.
    day = date::local_days{date::year{1899} / 12 / 30} + date::days{days < 61 ? days + 1 : days};
  }
  return {day + time, false};
}

ReadTime read_time(const std::string& text, bool numeric, const Location& where, bool date1904) {
  if (numeric) return read_serial(text, where, date1904);
  if (auto t = parse_local_datetime(text)) return {t->at, false};
  if (auto t = read_time_of_day(text)) return {date::local_seconds{*t}, true};
  if (looks_like_time_of_day(text)) throw input_error("D442", where, {{"text", text}});
  auto advice = date_advice(text, message("csv.time-form"));
  throw input_error("D502", where, {{"text", text}, {"problem", advice.problem}, {"advice", advice.hint}});
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
    auto whole = value->round();
    // A count off a whole number by more than a spreadsheet's rounding is a wrong figure.
    auto off = *value - whole;
    if (off.is_negative()) off = -off;
    if (off > Rational(1, 1'000'000'000)) {
      throw input_error("D511", where, {{"metric", metric}, {"text", text}});
    }
    return whole;
  }
  return at_metric_precision(*value, metric);
}

// 分时段 figures summed into cumulative ones, metric by metric in time order. Rates and 客单价 of
// periods do not add up: their rows are left out (the report recomputes the derived ones from
// their parts), one warning per metric.
void accumulate(ActualsFile& file) {
  std::set<std::string, std::less<>> left_out;
  std::vector<ActualRow> kept;
  for (auto& row : file.rows) {
    if (metric_kind(row.metric) != MetricKind::count && row.metric != "支付金额" && row.metric != "下单金额") {
      if (left_out.insert(row.metric).second) {
        file.warnings.push_back(make_diagnostic(Severity::warning, "D445", row.metric_where, {{"metric", row.metric}}));
      }
      continue;
    }
    kept.push_back(std::move(row));
  }
  file.rows = std::move(kept);
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_metric;
  for (std::size_t i = 0; i < file.rows.size(); ++i) by_metric[file.rows[i].metric].push_back(i);
  for (auto& [metric, indices] : by_metric) {
    std::stable_sort(indices.begin(), indices.end(), [&](std::size_t a, std::size_t b) { return file.rows[a].at < file.rows[b].at; });
    Rational sum;
    for (std::size_t k = 0; k < indices.size(); ++k) {
      auto& row = file.rows[indices[k]];
      if (k > 0 && file.rows[indices[k - 1]].at == row.at) {
        const auto& other = file.rows[indices[k - 1]].where;
        throw input_error("D446", row.where, {{"metric", metric}, {"line", other.line}});
      }
      try {
        sum = sum + row.value;
      } catch (const RangeError&) {
        throw input_error("D503.too-large", row.where, {{"metric", metric}, {"text", row.value.to_string()}});
      }
      row.value = sum;
    }
  }
}

// The header row: the first row, or in a workbook the first of its first 20 rows whose first cell
// names the time column (exports put a title and the date range above the table).
std::size_t header_row(const CsvTable& table, bool workbook) {
  if (!workbook || table.header.empty() || is_time_column(table.header[0])) return 0;
  for (std::size_t i = 0; i < table.records.size() && i < 20; ++i) {
    const auto& fields = table.records[i].fields;
    if (!fields.empty() && is_time_column(fields[0])) return i + 1;
  }
  return 0;
}

ActualsFile read_table(const CsvTable& table, const ActualsOptions& options, bool workbook) {
  auto first = header_row(table, workbook);
  const auto& header = first == 0 ? table.header : table.records[first - 1].fields;
  const auto& header_where = first == 0 ? table.header_where : table.records[first - 1].where;
  if (header.empty()) throw input_error("D344.empty", Location{table.source, 1, 1});
  bool long_shape = header.size() == 3 && is_time_column(header[0]) && (header[1] == "metric" || header[1] == "指标") &&
                    (header[2] == "value" || header[2] == "数值");
  if (!long_shape && (!is_time_column(header[0]) || header.size() < 2)) {
    std::string line;
    if (workbook) {
      for (std::size_t i = 0; i < header.size(); ++i) line += (i ? "," : "") + header[i];
    } else {
      auto text = header_where[0].line_text();
      if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // Excel's UTF-8 BOM
      line = text;
    }
    throw input_error("D500", header_where[0], {{"line", line}});
  }
  std::vector<std::string> metrics;
  for (const auto& h : header) metrics.push_back(metric_name(h));
  ActualsFile file;
  bool dated_seen = false;
  Location dated_where;
  for (std::size_t r = first; r < table.records.size(); ++r) {
    const auto& record = table.records[r];
    // A workbook's row is as long as its last cell: a figure past the named columns is refused.
    for (std::size_t i = header.size(); i < record.fields.size(); ++i) {
      if (!record.fields[i].empty()) throw input_error("D455", record.where[i], {{"column", i + 1}});
    }
    bool blank = std::all_of(record.fields.begin(), record.fields.end(), [](const std::string& f) { return f.empty(); });
    if (workbook && blank) continue;  // a blank row of a sheet
    bool numeric = !record.numeric.empty() && record.numeric[0];
    auto time = read_time(record.fields[0], numeric, record.where[0], table.date1904);
    if (time.time_only) {
      if (dated_seen) throw input_error("D453", record.where[0], {{"text", record.fields[0]}, {"line", dated_where.line}});
      if (!file.time_only) file.time_only_where = record.where[0];
      file.time_only = true;
    } else {
      if (file.time_only) {
        throw input_error("D453", record.where[0], {{"text", record.fields[0]}, {"line", file.time_only_where.line}});
      }
      if (!dated_seen) dated_where = record.where[0];
      dated_seen = true;
    }
    auto cell = [&](std::size_t i) -> const std::string& {
      static const std::string empty;
      return i < record.fields.size() ? record.fields[i] : empty;
    };
    auto where = [&](std::size_t i) {
      if (i < record.where.size()) return record.where[i];
      Location at = record.where.empty() ? record.start : record.where.back();
      at.column += static_cast<int>(i + 1 - record.where.size());
      return at;
    };
    if (long_shape) {
      auto metric = metric_name(cell(1));
      if (metric.empty()) throw input_error("D503.no-metric", where(1));
      file.rows.push_back({time.at, metric, read_value(cell(2), where(2), metric), where(2), where(1), time.time_only});
    } else {
      for (std::size_t i = 1; i < header.size(); ++i) {
        if (cell(i).empty()) continue;  // no figure for this metric at this moment
        if (metrics[i].empty()) throw input_error("D455", where(i), {{"column", i + 1}});
        file.rows.push_back(
            {time.at, metrics[i], read_value(cell(i), where(i), metrics[i]), where(i), header_where[i], time.time_only});
      }
    }
  }
  if (options.per_period) accumulate(file);
  return file;
}

bool ends_with_lower(std::string_view name, std::string_view suffix) {
  if (name.size() < suffix.size()) return false;
  auto tail = name.substr(name.size() - suffix.size());
  return std::equal(tail.begin(), tail.end(), suffix.begin(),
                    [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b; });
}

}  // namespace

ActualsFile read_actuals(std::string bytes, std::string_view source_name, const ActualsOptions& options) {
  std::string_view head(bytes.data(), std::min<std::size_t>(bytes.size(), 8));
  if (head.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") || ends_with_lower(source_name, ".xls") ||
      ends_with_lower(source_name, ".et")) {
    throw input_error("D447", Location{make_source(std::string(source_name), {}), 0, 0});
  }
  if (head.starts_with("PK") || ends_with_lower(source_name, ".xlsx") || ends_with_lower(source_name, ".xlsm")) {
    auto table = read_xlsx_sheet(bytes, source_name, options.sheet);
    return read_table(table, options, true);
  }
  auto table = parse_csv(std::move(bytes), source_name, options.encoding);
  return read_table(table, options, false);
}

std::vector<ActualRow> parse_actuals(std::string_view text, std::string_view source_name) {
  return read_actuals(std::string(text), source_name).rows;
}

void date_actuals(std::vector<ActualRow>& rows, date::local_days day) {
  for (auto& row : rows) {
    if (!row.time_only) continue;
    row.at = day + row.at.time_since_epoch();
    row.time_only = false;
  }
}

std::span<const std::string_view> actuals_extensions() {
  static constexpr std::string_view extensions[] = {".csv", ".txt", ".xlsx"};
  return extensions;
}

}  // namespace dacu
