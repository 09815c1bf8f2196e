#include "dacu/xlsx.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "dacu/error.hpp"
#include "dacu/utf8.hpp"

namespace dacu::xlsx {

Cell Cell::text_of(std::string s) {
  Cell c;
  c.kind = Kind::text;
  c.text = std::move(s);
  return c;
}
Cell Cell::num(double v) {
  Cell c;
  c.kind = Kind::number;
  c.number = v;
  return c;
}
Cell Cell::num(const Rational& v) {
  return v.is_integer() ? integer_of(v.numerator()) : num(v.to_double());
}
Cell Cell::integer_of(std::int64_t v) {
  Cell c;
  c.kind = Kind::integer;
  c.number = static_cast<double>(v);
  return c;
}
Cell Cell::money_of(const Money& m) {
  Cell c;
  c.kind = Kind::money;
  // The closest double to the exact decimal (strtod rounds correctly), so a reader gets 12.35, not 12.350000000000001.
  c.number = std::strtod(m.to_string().c_str(), nullptr);
  return c;
}
Cell Cell::percent_of(const Rational& v) {
  Cell c;
  c.kind = Kind::percent;
  c.number = v.to_double();
  return c;
}
Cell Cell::percent_of(double v) {
  Cell c;
  c.kind = Kind::percent;
  c.number = v;
  return c;
}
Cell Cell::date_of(date::local_days day) {
  Cell c;
  c.kind = Kind::date;
  c.at = date::local_seconds(day);
  return c;
}
Cell Cell::datetime_of(date::local_seconds at) {
  Cell c;
  c.kind = Kind::datetime;
  c.at = at;
  return c;
}

Workbook::Workbook(date::local_seconds created, std::string title) : created_(created), title_(std::move(title)) {}

Sheet& Workbook::add_sheet(std::string name, std::vector<std::string> header) {
  sheets_.push_back(Sheet{std::move(name), std::move(header), {}});
  return sheets_.back();
}

namespace {

// Excel's rules: 1–31 characters, none of []:*?/\, not starting or ending with an apostrophe.
std::string sheet_name(const std::string& wanted, std::set<std::string>& used) {
  std::string clean;
  for (char ch : wanted) clean += std::string_view("[]:*?/\\").find(ch) == std::string_view::npos ? ch : '_';
  while (!clean.empty() && clean.front() == '\'') clean.erase(0, 1);
  while (!clean.empty() && clean.back() == '\'') clean.pop_back();
  if (clean.empty()) clean = "Sheet";
  auto fit = [](const std::string& s, std::size_t chars) {  // at most `chars` characters, never half of one
    std::string out;
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++n) {
      if (n == chars) break;
      std::size_t len = 1;
      auto b = static_cast<unsigned char>(s[i]);
      if (b >= 0xF0) len = 4;
      else if (b >= 0xE0) len = 3;
      else if (b >= 0xC0) len = 2;
      out += s.substr(i, len);
      i += len;
    }
    return out;
  };
  auto name = fit(clean, 31);
  for (int k = 2; used.count(name) != 0; ++k) {
    auto suffix = fmt::format(" ({})", k);
    name = fit(clean, 31 - suffix.size()) + suffix;
  }
  used.insert(name);
  return name;
}

lxw_datetime to_lxw(date::local_seconds at) {
  auto day = date::floor<date::days>(at);
  date::year_month_day ymd(day);
  date::hh_mm_ss<std::chrono::seconds> hms(at - day);
  return lxw_datetime{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                      static_cast<int>(static_cast<unsigned>(ymd.day())), static_cast<int>(hms.hours().count()),
                      static_cast<int>(hms.minutes().count()), static_cast<double>(hms.seconds().count())};
}

std::size_t shown_width(const Cell& c) {
  switch (c.kind) {
    case Cell::Kind::empty: return 0;
    case Cell::Kind::text: {
      std::size_t widest = 0;  // the longest line of a multi-line text
      std::size_t from = 0;
      while (true) {
        auto nl = c.text.find('\n', from);
        widest = std::max(widest, utf8::display_width(std::string_view(c.text).substr(from, nl == std::string::npos ? std::string::npos : nl - from)));
        if (nl == std::string::npos) break;
        from = nl + 1;
      }
      return widest;
    }
    case Cell::Kind::integer: return fmt::format("{:.0f}", c.number).size();
    case Cell::Kind::money: return fmt::format("{:.2f}", c.number).size() + 3;  // grouping commas
    case Cell::Kind::percent: return fmt::format("{:.2f}%", c.number * 100).size();
    case Cell::Kind::number: return std::min<std::size_t>(fmt::format("{}", c.number).size(), 14);
    case Cell::Kind::date: return 10;
    case Cell::Kind::datetime: return 16;
  }
  return 0;
}

struct TempFile {
  std::filesystem::path path;
  TempFile() {
    auto dir = std::filesystem::temp_directory_path();
    std::string pattern = (dir / "dacu-xlsx-XXXXXX").string();
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw Error(fmt::format("cannot create a temporary file in {}", dir.string()));
    ::close(fd);
    path = pattern;
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
};

}  // namespace

std::string Workbook::bytes() const {
  TempFile temp;
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = nullptr;
  options.use_zip64 = LXW_FALSE;
  lxw_workbook* book = workbook_new_opt(temp.path.c_str(), &options);
  if (book == nullptr) throw Error("libxlsxwriter could not start a workbook");

  lxw_doc_properties properties{};
  properties.title = const_cast<char*>(title_.c_str());
  properties.author = const_cast<char*>("dacu");
  properties.created = static_cast<time_t>(created_.time_since_epoch().count());
  workbook_set_properties(book, &properties);

  lxw_format* header = workbook_add_format(book);
  format_set_bold(header);
  format_set_bg_color(header, 0xDDEBF7);
  format_set_bottom(header, LXW_BORDER_THIN);
  lxw_format* day = workbook_add_format(book);
  format_set_num_format(day, "yyyy-mm-dd");
  format_set_align(day, LXW_ALIGN_LEFT);
  lxw_format* moment = workbook_add_format(book);
  format_set_num_format(moment, "yyyy-mm-dd hh:mm");
  format_set_align(moment, LXW_ALIGN_LEFT);
  lxw_format* money = workbook_add_format(book);
  format_set_num_format(money, "#,##0.00");
  lxw_format* integer = workbook_add_format(book);
  format_set_num_format(integer, "#,##0");
  lxw_format* percent = workbook_add_format(book);
  format_set_num_format(percent, "0.00%");
  lxw_format* text = workbook_add_format(book);
  format_set_text_wrap(text);
  format_set_align(text, LXW_ALIGN_VERTICAL_TOP);

  std::set<std::string> used;
  for (const auto& sheet : sheets_) {
    auto name = sheet_name(sheet.name, used);
    lxw_worksheet* ws = workbook_add_worksheet(book, name.c_str());
    if (ws == nullptr) {
      workbook_close(book);
      throw Error(fmt::format("libxlsxwriter refused the sheet name '{}'", name));
    }
    std::vector<std::size_t> width(sheet.header.size(), 0);
    for (std::size_t c = 0; c < sheet.header.size(); ++c) {
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), sheet.header[c].c_str(), header);
      width[c] = utf8::display_width(sheet.header[c]);
    }
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
      auto row = static_cast<lxw_row_t>(r + 1);
      const auto& cells = sheet.rows[r];
      if (cells.size() > width.size()) width.resize(cells.size(), 0);
      for (std::size_t c = 0; c < cells.size(); ++c) {
        const auto& cell = cells[c];
        auto col = static_cast<lxw_col_t>(c);
        width[c] = std::max(width[c], shown_width(cell));
        switch (cell.kind) {
          case Cell::Kind::empty: break;
          case Cell::Kind::text:
            if (!cell.text.empty()) worksheet_write_string(ws, row, col, cell.text.c_str(), cell.text.find('\n') == std::string::npos ? nullptr : text);
            break;
          case Cell::Kind::number: worksheet_write_number(ws, row, col, cell.number, nullptr); break;
          case Cell::Kind::integer: worksheet_write_number(ws, row, col, cell.number, integer); break;
          case Cell::Kind::money: worksheet_write_number(ws, row, col, cell.number, money); break;
          case Cell::Kind::percent: worksheet_write_number(ws, row, col, cell.number, percent); break;
          case Cell::Kind::date: {
            auto dt = to_lxw(cell.at);
            worksheet_write_datetime(ws, row, col, &dt, day);
            break;
          }
          case Cell::Kind::datetime: {
            auto dt = to_lxw(cell.at);
            worksheet_write_datetime(ws, row, col, &dt, moment);
            break;
          }
        }
      }
    }
    for (std::size_t c = 0; c < width.size(); ++c) {
      double w = static_cast<double>(std::clamp<std::size_t>(width[c] + 2, 6, 60));
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w, nullptr);
    }
    worksheet_freeze_panes(ws, 1, 0);
    if (!sheet.header.empty()) {
      worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()), static_cast<lxw_col_t>(sheet.header.size() - 1));
    }
  }
  if (sheets_.empty()) workbook_add_worksheet(book, nullptr);
  lxw_error status = workbook_close(book);
  if (status != LXW_NO_ERROR) throw Error(fmt::format("writing the workbook failed: {}", lxw_strerror(status)));

  std::ifstream in(temp.path, std::ios::binary);
  if (!in) throw Error("cannot read back the workbook's temporary file");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace dacu::xlsx
