#pragma once
/// Excel workbooks (libxlsxwriter): sheets of typed cells in, the .xlsx bytes out.
///
///   xlsx::Workbook book(created, "雪凡妮 双十二聚划算");   // created: a moment from the input, never the clock
///   auto& sheet = book.add_sheet("任务", {"开始", "结束", "任务"});
///   sheet.rows.push_back({xlsx::Cell::date_of(day), xlsx::Cell::date_of(day), xlsx::Cell::text_of("预热")});
///   std::string bytes = xlsx::workbook_bytes(book, options.writers);
///
/// Dates and times are real date cells (serial numbers with a date format) in the wall-clock time
/// they are given in; numbers are numbers, money is a number to the fen shown as #,##0.00, booleans
/// are booleans — never text. Every sheet has a bold, frozen header row with an autofilter over
/// its data rows, and columns as wide as their content (CJK characters count double). Notes go
/// below the data, after one blank row.
///
/// The same sheets give the same bytes: the document records the creation time it is given, and
/// libxlsxwriter dates every zip entry 1980-01-01 00:00 (lxw_packager_new), so nothing reads the clock.
///
/// Everything libxlsxwriter refuses (a text longer than 32,767 characters, a temporary file that
/// cannot be created) and every number an Excel cell cannot hold exactly becomes InputError D073,
/// located at the cell as Excel names it (`任务!E12`) or at `<xlsx>` for the workbook as a whole.

#include <date/date.h>

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/money.hpp"
#include "dacu/base/rational.hpp"
#include "dacu/render/format.hpp"

namespace dacu::xlsx {

/// The creation time of a workbook whose inputs hold no moment: 2000-01-01T00:00:00Z.
std::chrono::sys_seconds no_date();

struct Cell {
  enum class Kind { empty, text, number, integer, money, percent, boolean, date, datetime };
  Kind kind = Kind::empty;
  std::string text;          ///< text cells
  double number = 0;         ///< number and percent cells
  std::int64_t whole = 0;    ///< integer cells; money cells in fen
  bool flag = false;         ///< boolean cells
  date::local_seconds at{};  ///< date and datetime cells (wall-clock time)

  /// Text; an empty string gives an empty cell.
  static Cell text_of(std::string s);
  /// A number: exact integers and decimals as such, other fractions to the nearest double.
  static Cell number_of(const Rational& v);
  static Cell number_of(double v);
  /// A count, shown with thousands separators (#,##0).
  static Cell integer_of(std::int64_t v);
  /// An amount in 元 to the fen, shown as #,##0.00.
  static Cell money_of(const Money& m);
  /// A fraction shown as a percentage (0.00%): 1/5 is 20.00%.
  static Cell percent_of(const Rational& v);
  static Cell percent_of(double v);
  static Cell boolean_of(bool v);
  static Cell date_of(date::local_days day);
  static Cell datetime_of(date::local_seconds at);
  /// An optional value: empty when absent.
  template <class T, class F>
  static Cell maybe(const std::optional<T>& v, F make) {
    return v ? make(*v) : Cell{};
  }
};

struct Sheet {
  std::string name;  ///< made valid and unique when written (31 characters, none of []:*?/\)
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
  std::vector<std::string> notes;  ///< lines of text below the data, after a blank row
};

class Workbook {
 public:
  /// `created`: the document's creation time in docProps/core.xml; derive it from the input.
  explicit Workbook(std::chrono::sys_seconds created, std::string title = {});
  /// A new sheet; the reference stays valid while the workbook lives.
  Sheet& add_sheet(std::string name, std::vector<std::string> header);
  /// The .xlsx file, written by libxlsxwriter in the module dacu-xlsx.so (lib/dacu/modules.hpp).
  /// Throws InputError D073 when a cell cannot be written, D074 when the module cannot be loaded.

  std::chrono::sys_seconds created() const { return created_; }
  const std::string& title() const { return title_; }
  const std::deque<Sheet>& sheets() const { return sheets_; }

 private:
  std::chrono::sys_seconds created_;
  std::string title_;
  std::deque<Sheet> sheets_;  // a deque: references add_sheet returned stay valid as sheets are added
};

/// A valid, unique sheet name for `wanted`: []:*?/\ become _, no leading or trailing apostrophe,
/// at most 31 characters (UTF-16 units, as Excel counts), ` (2)`, ` (3)`… against names in `taken`
/// (compared without regard to ASCII case, as Excel does); `History`, which Excel reserves, becomes
/// `History (2)`.
std::string sheet_name(std::string_view wanted, const std::vector<std::string>& taken);

/// Excel's name of a cell: row and column 0-based, `E12` for (11, 4).
std::string cell_name(std::uint32_t row, std::uint16_t col);

/// The workbook's .xlsx bytes, written by `writers.xlsx` (lib/writers). Throws Error when there is
/// no writer, InputError D073 for what libxlsxwriter refuses.
std::string workbook_bytes(const Workbook& book, const Writers& writers);

}  // namespace dacu::xlsx
