#include "dacu/actuals.hpp"

#include <fmt/format.h>

#include "dacu/timefmt.hpp"
#include "dacu/utf8.hpp"

namespace dacu {

namespace {

struct Field {
  std::string text;
  int line0 = 0;   ///< 0-based line of the field's first character
  int byte0 = 0;   ///< 0-based byte column of the field's first character
};
using Record = std::vector<Field>;

/// A strict RFC 4180 reader that remembers where every field starts. Accepts LF or CRLF.
class CsvReader {
 public:
  CsvReader(std::shared_ptr<const SourceFile> file) : file_(std::move(file)), text_(file_->text) {}

  bool next(Record& record) {
    record.clear();
    if (pos_ >= text_.size()) return false;
    while (true) {
      Field field{{}, line0_, int(pos_ - line_start_)};
      if (pos_ < text_.size() && text_[pos_] == '"') {
        ++pos_;
        while (true) {
          if (pos_ >= text_.size()) throw error_at(field.line0, field.byte0, "D504", "a quoted field is not closed", "end it with \"");
          char c = text_[pos_];
          if (c == '"') {
            if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
              field.text += '"';
              pos_ += 2;
              continue;
            }
            ++pos_;
            break;
          }
          if (c == '\n') new_line(pos_ + 1);
          field.text += c;
          ++pos_;
        }
        if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
          throw error_at(line0_, int(pos_ - line_start_), "D504", "text after a closing quote",
                         "a quote inside a quoted field is written \"\"");
        }
      } else {
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
          if (text_[pos_] == '"') {
            throw error_at(line0_, int(pos_ - line_start_), "D504", "a quote inside an unquoted field",
                           "quote the whole field and double the quote: \"a \"\"b\"\"\"");
          }
          field.text += text_[pos_++];
        }
      }
      record.push_back(std::move(field));
      if (pos_ >= text_.size()) return true;
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (text_[pos_] == '\r') {
        if (pos_ + 1 >= text_.size() || text_[pos_ + 1] != '\n') {
          throw error_at(line0_, int(pos_ - line_start_), "D504", "a carriage return without a line feed", "end lines with LF or CRLF");
        }
        ++pos_;
      }
      new_line(++pos_);
      return true;
    }
  }

  InputError error_at(int line0, int byte0, std::string code, std::string message, std::string hint = {}) const {
    return InputError(std::move(code), location_from_bytes(file_, line0, byte0), std::move(message), std::move(hint));
  }
  Location where(const Field& f) const { return location_from_bytes(file_, f.line0, f.byte0); }

 private:
  void new_line(std::size_t start) {
    ++line0_;
    line_start_ = start;
  }

  std::shared_ptr<const SourceFile> file_;
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  int line0_ = 0;
};

bool is_time_column(std::string_view name) { return name == "time" || name == "时间"; }

date::local_seconds read_time(const CsvReader& reader, const Field& f) {
  auto t = parse_local_datetime(f.text);
  if (!t) {
    throw reader.error_at(f.line0, f.byte0, "D502", fmt::format("'{}' is not a local date-time", f.text),
                          "write it as 2026-12-20 10:15 (or 2026-12-20T10:15:00), in the campaign's time zone");
  }
  return t->at;
}

Rational read_value(const CsvReader& reader, const Field& f, std::string_view metric) {
  try {
    return parse_rational(f.text);
  } catch (const Error&) {
    throw reader.error_at(f.line0, f.byte0, "D503", fmt::format("'{}' is not a number for {}", f.text, metric),
                          "write digits with an optional decimal point or %, no thousands separators or currency signs");
  }
}

}  // namespace

std::vector<ActualRow> parse_actuals(std::string_view text, std::string_view source_name) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // Excel's UTF-8 BOM
  auto file = make_source(std::string(source_name), std::string(text));
  if (auto bad = utf8::find_invalid(file->text); bad != std::string_view::npos) {
    auto line0 = int(std::count(file->text.begin(), file->text.begin() + long(bad), '\n'));
    auto line_start = file->text.rfind('\n', bad == 0 ? 0 : bad - 1);
    int byte0 = int(line_start == std::string::npos || bad == 0 ? bad : bad - line_start - 1);
    throw InputError("D508", location_from_bytes(file, line0, byte0), "the file is not valid UTF-8",
                     "save the export as UTF-8 (生意参谋 exports in Excel: 另存为 CSV UTF-8)");
  }
  CsvReader reader(file);
  Record header;
  if (!reader.next(header) || (header.size() == 1 && header[0].text.empty())) {
    throw InputError("D500", Location{file, 1, 1}, "the actuals file is empty", "the first line names the columns: time,metric,value");
  }
  bool long_shape = header.size() == 3 && (header[0].text == "time" || header[0].text == "时间") &&
                    (header[1].text == "metric" || header[1].text == "指标") &&
                    (header[2].text == "value" || header[2].text == "数值");
  if (!long_shape && (!is_time_column(header[0].text) || header.size() < 2)) {
    throw reader.error_at(header[0].line0, header[0].byte0, "D500",
                          fmt::format("the header '{}' is neither time,metric,value nor time followed by metrics",
                                      file->text.substr(0, file->text.find_first_of("\r\n"))),
                          "the first line names the columns: time,metric,value (see docs/format.md)");
  }
  for (std::size_t i = 1; i < header.size() && !long_shape; ++i) {
    if (header[i].text.empty()) throw reader.error_at(header[i].line0, header[i].byte0, "D500", "a column has no name");
    for (std::size_t j = 1; j < i; ++j) {
      if (header[j].text == header[i].text) {
        throw reader.error_at(header[i].line0, header[i].byte0, "D500", fmt::format("the column '{}' appears twice", header[i].text));
      }
    }
  }
  std::vector<ActualRow> rows;
  Record record;
  while (reader.next(record)) {
    if (record.size() == 1 && record[0].text.empty()) continue;  // a blank line
    if (record.size() != header.size()) {
      const auto& at = record.size() > header.size() ? record[header.size()] : record.back();
      throw reader.error_at(at.line0, at.byte0 + (record.size() > header.size() ? 0 : int(at.text.size())), "D501",
                            fmt::format("{} fields where the header has {}", record.size(), header.size()),
                            "every row needs one value per column; quote a field that holds a comma");
    }
    auto at = read_time(reader, record[0]);
    if (long_shape) {
      if (record[1].text.empty()) throw reader.error_at(record[1].line0, record[1].byte0, "D503", "the metric is empty");
      rows.push_back({at, record[1].text, read_value(reader, record[2], record[1].text), reader.where(record[2]),
                      reader.where(record[1])});
    } else {
      for (std::size_t i = 1; i < record.size(); ++i) {
        if (record[i].text.empty()) continue;  // no figure for this metric at this moment
        rows.push_back({at, header[i].text, read_value(reader, record[i], header[i].text), reader.where(record[i]),
                        reader.where(header[i])});
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
  if (metric == "客单价") return {"支付金额", "支付买家数", false};
  if (metric == "支付转化率") return {"支付买家数", "访客数", true};
  if (metric == "下单转化率") return {"下单买家数", "访客数", true};
  return {};
}

}  // namespace dacu
