#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>

#include "dacu/base/error.hpp"
#include "dacu/base/utf8.hpp"
#include "dacu/writers/cleanup.hpp"
#include "dacu/writers/modules.hpp"

/// libxlsxwriter's half of dacu::xlsx: a Workbook's sheets to the .xlsx bytes. It is built into the
/// module dacu-xlsx.so, which dacu loads on the first --format xlsx (lib/writers/modules.hpp).

namespace dacu::xlsx {

namespace fs = std::filesystem;

namespace {

// Integers up to 2^53 are exact doubles; Excel shows 15 significant digits, so money stops at
// 15 digits of fen (9,999,999,999,999.99 元), where a double still reads back as the same decimal.
constexpr std::int64_t kMaxExactInteger = std::int64_t{1} << 53;
constexpr std::int64_t kMaxFen = 999'999'999'999'999;

Location nowhere_in(std::string where) { return Location{make_source(std::move(where), {}), 0, 0}; }

// What went wrong with the workbook as a whole: D073, with the hint about the temporary folder.
[[noreturn]] void fail_workbook(const std::string& what) { throw input_error("D073.workbook", nowhere_in("<xlsx>"), {{"what", what}}); }

void check_workbook(lxw_error status, const std::string& doing) {
  if (status != LXW_NO_ERROR) fail_workbook(message("render.xlsx-cannot", {{"doing", doing}, {"reason", lxw_strerror(status)}}));
}

}  // namespace

namespace {

struct Formats {
  lxw_format* header = nullptr;
  lxw_format* day = nullptr;
  lxw_format* moment = nullptr;
  lxw_format* money = nullptr;
  lxw_format* integer = nullptr;
  lxw_format* percent = nullptr;
  lxw_format* wrap = nullptr;
};

lxw_format* new_format(lxw_workbook* book) {
  lxw_format* f = workbook_add_format(book);
  if (f == nullptr) fail_workbook(message("render.xlsx-add-format"));
  return f;
}

lxw_format* number_format(lxw_workbook* book, const char* pattern) {
  lxw_format* f = new_format(book);
  format_set_num_format(f, pattern);
  return f;
}

Formats add_formats(lxw_workbook* book) {
  Formats f;
  f.header = new_format(book);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xDDEBF7);
  format_set_bottom(f.header, LXW_BORDER_THIN);
  f.day = number_format(book, "yyyy-mm-dd");
  format_set_align(f.day, LXW_ALIGN_LEFT);
  f.moment = number_format(book, "yyyy-mm-dd hh:mm");
  format_set_align(f.moment, LXW_ALIGN_LEFT);
  f.money = number_format(book, "#,##0.00");
  f.integer = number_format(book, "#,##0");
  f.percent = number_format(book, "0.00%");
  f.wrap = new_format(book);
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

lxw_datetime to_lxw(date::local_seconds at) {
  auto day = date::floor<date::days>(at);
  date::year_month_day ymd(day);
  date::hh_mm_ss<std::chrono::seconds> hms(at - day);
  return lxw_datetime{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                      static_cast<int>(static_cast<unsigned>(ymd.day())), static_cast<int>(hms.hours().count()),
                      static_cast<int>(hms.minutes().count()), static_cast<double>(hms.seconds().count())};
}

// What a cell shows, in display columns, for its column's width.
std::size_t text_width(const std::string& text) {
  std::size_t widest = 0;
  std::size_t from = 0;
  while (true) {  // the longest line of a multi-line text
    auto nl = text.find('\n', from);
    auto line = std::string_view(text).substr(from, nl == std::string::npos ? std::string::npos : nl - from);
    widest = std::max(widest, utf8::display_width(line));
    if (nl == std::string::npos) return widest;
    from = nl + 1;
  }
}

std::size_t grouped_width(std::size_t digits) { return digits + (digits - 1) / 3; }

std::size_t shown_width(const Cell& c) {
  switch (c.kind) {
    case Cell::Kind::empty: return 0;
    case Cell::Kind::text: return text_width(c.text);
    case Cell::Kind::integer: return grouped_width(fmt::format("{}", c.whole < 0 ? -c.whole : c.whole).size()) + (c.whole < 0);
    case Cell::Kind::money: return grouped_width(fmt::format("{}", (c.whole < 0 ? -c.whole : c.whole) / 100).size()) + 3 + (c.whole < 0);
    case Cell::Kind::percent: return fmt::format("{:.2f}%", c.number * 100).size();
    case Cell::Kind::number: return std::min<std::size_t>(fmt::format("{}", c.number).size(), 12);
    case Cell::Kind::boolean: return 5;  // FALSE
    case Cell::Kind::date: return 10;
    case Cell::Kind::datetime: return 16;
  }
  return 0;
}

double exact_double(std::int64_t v, const std::string& where) {
  if (v > kMaxExactInteger || v < -kMaxExactInteger) {
    throw input_error("D073.digits", nowhere_in(where), {{"value", v}});
  }
  return static_cast<double>(v);
}

double money_double(std::int64_t fen, const std::string& where) {
  if (fen > kMaxFen || fen < -kMaxFen) {
    throw input_error("D073.amount", nowhere_in(where), {{"amount", Money::from_fen(fen).format_grouped()}});
  }
  return static_cast<double>(fen) / 100.0;  // both exact, so the division gives the double nearest the decimal
}

class SheetWriter {
 public:
  SheetWriter(lxw_worksheet* ws, std::string name, const Formats& formats) : ws_(ws), name_(std::move(name)), f_(formats) {}

  void write(const Sheet& sheet) {
    width_.assign(sheet.header.size(), 0);
    for (std::size_t c = 0; c < sheet.header.size(); ++c) {
      put_text(0, c, sheet.header[c], f_.header);
      widen(c, text_width(sheet.header[c]));
    }
    std::uint32_t row = 1;
    for (const auto& cells : sheet.rows) {
      for (std::size_t c = 0; c < cells.size(); ++c) {
        put(row, c, cells[c]);
        widen(c, shown_width(cells[c]));
      }
      ++row;
    }
    auto last_data_row = row - 1;
    if (!sheet.notes.empty()) ++row;
    for (const auto& note : sheet.notes) put_text(row++, 0, note, nullptr);  // notes do not widen column A
    set_widths();
    worksheet_freeze_panes(ws_, 1, 0);
    if (!sheet.header.empty()) {
      check(worksheet_autofilter(ws_, 0, 0, last_data_row, static_cast<lxw_col_t>(sheet.header.size() - 1)), 0, 0);
    }
  }

 private:
  std::string where(std::uint32_t row, std::size_t col) const {
    return fmt::format("{}!{}", name_, cell_name(row, static_cast<std::uint16_t>(col)));
  }

  void check(lxw_error status, std::uint32_t row, std::size_t col) const {
    if (status == LXW_NO_ERROR) return;
    throw input_error("D073.cell", nowhere_in(where(row, col)), {{"reason", lxw_strerror(status)}});
  }

  void put_text(std::uint32_t row, std::size_t col, const std::string& text, lxw_format* format) {
    if (text.empty()) return;
    if (format == nullptr && text.find('\n') != std::string::npos) format = f_.wrap;
    check(worksheet_write_string(ws_, row, static_cast<lxw_col_t>(col), text.c_str(), format), row, col);
  }

  void put_number(std::uint32_t row, std::size_t col, double value, lxw_format* format) {
    check(worksheet_write_number(ws_, row, static_cast<lxw_col_t>(col), value, format), row, col);
  }

  void put_datetime(std::uint32_t row, std::size_t col, date::local_seconds at, lxw_format* format) {
    auto dt = to_lxw(at);
    check(worksheet_write_datetime(ws_, row, static_cast<lxw_col_t>(col), &dt, format), row, col);
  }

  void put(std::uint32_t row, std::size_t col, const Cell& cell) {
    auto lxw_col = static_cast<lxw_col_t>(col);
    switch (cell.kind) {
      case Cell::Kind::empty: return;
      case Cell::Kind::text: return put_text(row, col, cell.text, nullptr);
      case Cell::Kind::number: return put_number(row, col, cell.number, nullptr);
      case Cell::Kind::integer: return put_number(row, col, exact_double(cell.whole, where(row, col)), f_.integer);
      case Cell::Kind::money: return put_number(row, col, money_double(cell.whole, where(row, col)), f_.money);
      case Cell::Kind::percent: return put_number(row, col, cell.number, f_.percent);
      case Cell::Kind::boolean: return check(worksheet_write_boolean(ws_, row, lxw_col, cell.flag ? 1 : 0, nullptr), row, col);
      case Cell::Kind::date: return put_datetime(row, col, cell.at, f_.day);
      case Cell::Kind::datetime: return put_datetime(row, col, cell.at, f_.moment);
    }
  }

  void widen(std::size_t col, std::size_t width) {
    if (col >= width_.size()) width_.resize(col + 1, 0);
    width_[col] = std::max(width_[col], width);
  }

  void set_widths() {
    for (std::size_t c = 0; c < width_.size(); ++c) {
      auto chars = static_cast<double>(std::clamp<std::size_t>(width_[c] + 2, 6, 60));
      check(worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), chars, nullptr), 0, c);
    }
  }

  lxw_worksheet* ws_;
  std::string name_;
  const Formats& f_;
  std::vector<std::size_t> width_;
};

// A folder only this process writes in, $TMPDIR/dacu-xlsx-PID-TOKEN-N (0700): libxlsxwriter 1.1.4
// writes a workbook to a path, never to memory, and makes its own part files (tmpfileplus) in
// the folder it is given. It is registered in the cleanup table before it exists, so SIGINT or
// SIGTERM removes it with whatever is in it (apps/dacu/process.cpp); a run that ends normally
// removes it here.
class ScratchFolder {
 public:
  ScratchFolder() {
    // A token drawn once per process and a counter, as for write_output's temporary files: a
    // std::random_device per workbook costs more than the workbook in a batch.
    static std::atomic<unsigned long> counter{0};
    static const auto token = fmt::format("{}-{:08x}", ::getpid(), std::random_device{}());
    auto base = scratch_dir();
    for (int attempt = 0; attempt < 100; ++attempt) {
      dir_ = base / fmt::format("dacu-xlsx-{}-{}", token, counter.fetch_add(1));
      guard_.hold(dir_.string(), cleanup::Kind::folder);
      bool made = ::mkdir(dir_.c_str(), 0700) == 0;
      int error = errno;
      guard_.created(made);
      if (made) return;
      if (error != EEXIST) fail_workbook(message("render.xlsx-temporary-folder", {{"folder", base.string()}, {"reason", system_error_text(error)}}));
    }
    fail_workbook(message("render.xlsx-temporary-names", {{"folder", base.string()}}));
  }
  ~ScratchFolder() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
    guard_.release();
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  const fs::path& dir() const { return dir_; }
  fs::path book() const { return dir_ / "book.xlsx"; }

  std::string read() const {
    std::ifstream in(book(), std::ios::binary);
    if (!in.is_open()) fail_workbook(message("render.xlsx-read-back", {{"path", book().string()}}));
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }

 private:
  static fs::path scratch_dir() {
    std::error_code ec;
    auto dir = fs::temp_directory_path(ec);
    return ec ? fs::path("/tmp") : dir;
  }

  fs::path dir_;
  cleanup::Guard guard_;
};

struct WorkbookCloser {
  void operator()(lxw_workbook* book) const { lxw_workbook_free(book); }  // only when workbook_close was not reached
};

}  // namespace

std::string write_workbook(const Workbook& workbook) {
  ScratchFolder scratch;
  std::string tmpdir = scratch.dir().string();
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = tmpdir.data();  // its own part files go into our folder ($TMPDIR), not to tmpfile()'s /tmp
  options.use_zip64 = LXW_FALSE;
  std::unique_ptr<lxw_workbook, WorkbookCloser> book(workbook_new_opt(scratch.book().c_str(), &options));
  if (!book) fail_workbook(message("render.xlsx-start", {{"path", scratch.book().string()}}));

  // A zero `created` would make libxlsxwriter read the clock: no_date() is the earliest we pass.
  std::string title = workbook.title(), author = "dacu";
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.author = author.data();
  properties.created = static_cast<time_t>(std::max(workbook.created(), no_date()).time_since_epoch().count());
  check_workbook(workbook_set_properties(book.get(), &properties), message("render.xlsx-set-properties"));

  auto formats = add_formats(book.get());
  std::vector<std::string> names;
  for (const auto& sheet : workbook.sheets()) {
    auto name = sheet_name(sheet.name, names);
    names.push_back(name);
    lxw_worksheet* ws = workbook_add_worksheet(book.get(), name.c_str());
    if (ws == nullptr) fail_workbook(message("render.xlsx-sheet-name", {{"name", name}}));
    SheetWriter(ws, name, formats).write(sheet);
  }
  if (workbook.sheets().empty() && workbook_add_worksheet(book.get(), nullptr) == nullptr) fail_workbook(message("render.xlsx-add-sheet"));
  check_workbook(workbook_close(book.release()), message("render.xlsx-write-workbook"));  // workbook_close frees it, written or not
  return scratch.read();
}

}  // namespace dacu::xlsx

