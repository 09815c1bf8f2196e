#pragma once
/// Excel workbooks (libxlsxwriter): sheets of typed cells in, the .xlsx bytes out.
///
///   xlsx::Workbook book(created);                 // created: a moment from the input, never the clock
///   auto& sheet = book.add_sheet("任务", {"开始", "结束", "任务"});
///   sheet.rows.push_back({xlsx::Cell::date(day), xlsx::Cell::date(day), xlsx::Cell::text("预热")});
///   std::string bytes = book.bytes();
///
/// Dates and times are real date cells (numbers with a date format), numbers are numbers, money is
/// a number with two decimals — never text. Every sheet has a bold, frozen header row and columns
/// as wide as their content (CJK characters count double). The same sheets give the same bytes:
/// the document's creation time is the one given, and the zip entries carry a fixed date.

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dacu/money.hpp"
#include "dacu/rational.hpp"

namespace dacu::xlsx {

struct Cell {
  enum class Kind { empty, text, number, integer, money, percent, date, datetime };
  Kind kind = Kind::empty;
  std::string text;     ///< text cells
  double number = 0;    ///< number, integer, money, percent cells
  date::local_seconds at{};  ///< date and datetime cells (wall-clock time)

  static Cell empty() { return {}; }
  static Cell text_of(std::string s);
  static Cell num(double v);
  static Cell num(const Rational& v);
  static Cell integer_of(std::int64_t v);
  static Cell money_of(const Money& m);
  static Cell percent_of(const Rational& v);  ///< a fraction shown as 12.34%
  static Cell percent_of(double v);
  static Cell date_of(date::local_days day);
  static Cell datetime_of(date::local_seconds at);
  /// An optional value: empty when absent.
  template <class T, class F>
  static Cell maybe(const std::optional<T>& v, F make) { return v ? make(*v) : Cell{}; }
};

struct Sheet {
  std::string name;                    ///< made unique and valid (31 characters, no []:*?/\) when written
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
};

class Workbook {
 public:
  /// `created`: the document's creation time in docProps/core.xml (derive it from the input).
  explicit Workbook(date::local_seconds created, std::string title = {});
  Sheet& add_sheet(std::string name, std::vector<std::string> header);
  /// The .xlsx file. Throws Error when libxlsxwriter fails.
  std::string bytes() const;

 private:
  date::local_seconds created_;
  std::string title_;
  std::vector<Sheet> sheets_;
};

}  // namespace dacu::xlsx
