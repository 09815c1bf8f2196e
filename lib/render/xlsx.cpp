#include "dacu/render/xlsx.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "dacu/base/error.hpp"
#include "dacu/base/utf8.hpp"

namespace dacu::xlsx {

std::chrono::sys_seconds no_date() { return std::chrono::sys_seconds(date::sys_days(date::year(2000) / 1 / 1)); }

// ---------------------------------------------------------------------------------------------
// Cells

namespace {

// A cell of `kind` with one member set: each factory below names the member that holds its value.
template <class T>
Cell make_cell(Cell::Kind kind, T Cell::*member, T value) {
  Cell c;
  c.kind = kind;
  c.*member = std::move(value);
  return c;
}

}  // namespace

Cell Cell::text_of(std::string s) { return s.empty() ? Cell{} : make_cell(Kind::text, &Cell::text, std::move(s)); }
Cell Cell::number_of(const Rational& v) { return number_of(v.to_double()); }
Cell Cell::number_of(double v) { return make_cell(Kind::number, &Cell::number, v); }
Cell Cell::integer_of(std::int64_t v) { return make_cell(Kind::integer, &Cell::whole, v); }
Cell Cell::money_of(const Money& m) { return make_cell(Kind::money, &Cell::whole, m.fen()); }
Cell Cell::percent_of(const Rational& v) { return percent_of(v.to_double()); }
Cell Cell::percent_of(double v) { return make_cell(Kind::percent, &Cell::number, v); }
Cell Cell::boolean_of(bool v) { return make_cell(Kind::boolean, &Cell::flag, v); }
Cell Cell::date_of(date::local_days day) { return make_cell(Kind::date, &Cell::at, date::local_seconds(day)); }
Cell Cell::datetime_of(date::local_seconds at) { return make_cell(Kind::datetime, &Cell::at, at); }

// ---------------------------------------------------------------------------------------------
// Names

std::string cell_name(std::uint32_t row, std::uint16_t col) {
  std::string letters;
  for (unsigned n = col + 1U; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return fmt::format("{}{}", letters, row + 1);
}

namespace {

// The longest prefix of `s` that is at most `units` UTF-16 units (characters past U+FFFF count 2).
std::string fit_utf16(std::string_view s, std::size_t units) {
  std::string out;
  std::size_t used = 0;
  for (char32_t cp : utf8::decode(s)) {
    std::size_t cost = cp > 0xFFFF ? 2 : 1;
    if (used + cost > units) break;
    used += cost;
    out += utf8::encode(cp);
  }
  return out;
}

std::string ascii_lower(std::string s) {
  for (auto& ch : s) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return s;
}

bool is_taken(const std::string& name, const std::vector<std::string>& taken) {
  auto key = ascii_lower(name);
  if (key == "history") return true;  // Excel reserves it (for change tracking) and refuses to open the file
  return std::any_of(taken.begin(), taken.end(), [&](const std::string& t) { return ascii_lower(t) == key; });
}

}  // namespace

std::string sheet_name(std::string_view wanted, const std::vector<std::string>& taken) {
  constexpr std::size_t kMax = 31;
  std::string clean;
  for (char ch : wanted) clean += std::string_view("[]:*?/\\").find(ch) == std::string_view::npos ? ch : '_';
  while (!clean.empty() && clean.front() == '\'') clean.erase(0, 1);
  while (!clean.empty() && clean.back() == '\'') clean.pop_back();
  if (clean.empty()) clean = "Sheet";
  auto name = fit_utf16(clean, kMax);
  for (int k = 2; is_taken(name, taken); ++k) {
    auto suffix = fmt::format(" ({})", k);
    name = fit_utf16(clean, kMax - suffix.size()) + suffix;
  }
  return name;
}

Workbook::Workbook(std::chrono::sys_seconds created, std::string title) : created_(created), title_(std::move(title)) {}

Sheet& Workbook::add_sheet(std::string name, std::vector<std::string> header) {
  sheets_.push_back(Sheet{std::move(name), std::move(header), {}, {}});
  return sheets_.back();
}

std::string workbook_bytes(const Workbook& book, const Writers& writers) {
  if (writers.xlsx == nullptr) throw Error(message("render.no-xlsx-writer"));
  return writers.xlsx(book);
}

}  // namespace dacu::xlsx
