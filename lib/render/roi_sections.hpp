#pragma once
/// The sections `dacu roi` shows (table, md, csv, xlsx), shared by render_roi.cpp and the presale
/// part (render_presale.cpp). Internal to render/.

#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "dacu/base/money.hpp"
#include "dacu/base/numbers.hpp"
#include "dacu/base/table.hpp"
#include "dacu/compute/roi.hpp"
#include "dacu/render/format.hpp"
#include "dacu/render/json.hpp"
#include "dacu/render/xlsx.hpp"

namespace dacu::roi_render {

// A cell: what people read (grouped money, rounded ratios) and what CSV carries (plain, exact).
struct Cell {
  std::string shown;
  std::string raw;
  Cell(std::string s) : shown(s), raw(std::move(s)) {}  // NOLINT(google-explicit-constructor)
  Cell(const char* s) : Cell(std::string(s)) {}         // NOLINT(google-explicit-constructor)
  Cell(std::string s, std::string r) : shown(std::move(s)), raw(std::move(r)) {}
  Cell(std::string s, std::string r, xlsx::Cell t) : shown(std::move(s)), raw(std::move(r)), typed(std::move(t)) {}
  std::optional<xlsx::Cell> typed;  ///< what an Excel cell holds: a number, money or percentage; text when unset
  /// A typed cell is a number dacu wrote, which CSV never guards; any other is text.
  TableCell::Kind kind() const { return typed && typed->kind != xlsx::Cell::Kind::text ? TableCell::Kind::number : TableCell::Kind::text; }
};

struct Section {
  std::string title;
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
  std::vector<Align> align;
  std::vector<std::string> notes;
};

inline Cell money(const Money& m) { return {m.format_grouped(), m.to_string(), xlsx::Cell::money_of(m)}; }
inline Cell count(std::int64_t n) { return {group_thousands(n), std::to_string(n), xlsx::Cell::integer_of(n)}; }

/// A figure's formula with its inputs: 团购价 × 件数（团购价 = 99, 件数 = 2000）.
inline std::string with_inputs(const Trace& t) {
  if (t.formula.empty()) return "";
  return t.inputs.empty() ? t.formula : fmt::format("{}（{}）", t.formula, t.inputs);
}

/// The presale sections (定金, 尾款, 现货 per wave and their sums), after the ratios.
std::vector<Section> presale_sections(const RoiReport& r, Lang lang);
/// The presale part of figures in JSON (`figures.revenue.presale`, present only for a presale).
json::Value presale_json(const PresaleRevenue& p);

}  // namespace dacu::roi_render
