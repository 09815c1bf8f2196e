#include "dacu/input/product_csv.hpp"

#include <algorithm>
#include <optional>

#include "dacu/input/csv.hpp"
#include "dacu/base/numbers.hpp"

namespace dacu {

namespace {

std::string trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

}  // namespace

const std::vector<ProductColumn>& product_columns() {
  static const std::vector<ProductColumn> columns{
      {"编号", "id", true},
      {"商品", "name", true},
      {"类目", "category", true},
      {"子类目", "subcategory", false},
      {"市场", "market", true},
      {"原价", "original_price", true},
      {"团购价", "campaign_price", true},
      {"报名数量", "units", true},
      {"销售记录", "sales", true},
      {"低价记录", "sales_below_price", true},
      {"DSR", "dsr", true},
      {"新品首发", "new_launch", false},
      {"条件", "conditions", false},
  };
  return columns;
}

namespace {

/// One cell of a product row.
struct CsvField {
  const std::string& text;
  Location where;  ///< at its opening quote when quoted
  bool quoted = false;
};

std::int64_t read_count(const CsvField& f, std::string_view column) {
  auto t = trim(f.text);
  auto count = try_parse_count(t);
  if (!count || *count < 0 || *count > 999'999'999'999) {
    throw input_error("D412.count", f.where, {{"column", column}, {"text", f.text}});
  }
  return *count;
}

Money read_price(const CsvField& f, std::string_view column) {
  auto t = trim(f.text);
  auto m = parse_money(t, Rounding::none, f.where);
  if (m <= Money()) {
    throw input_error("D412.price", f.where, {{"column", column}, {"text", f.text}});
  }
  return m;
}

Rational read_dsr(const CsvField& f) {
  auto t = trim(f.text);
  auto value = try_parse_rational(t);
  if (!value) {
    throw input_error("D412.dsr-number", f.where, {{"text", f.text}});
  }
  Rational r = *value;
  if (r < Rational(0) || r > Rational(5) || t.ends_with("%")) {
    throw input_error("D412.dsr-range", f.where, {{"text", f.text}});
  }
  return r;
}

bool read_yes_no(const CsvField& f, std::string_view column) {
  auto t = trim(f.text);
  if (t.empty()) return false;  // the column is optional per row: empty is 否
  if (auto yes = parse_yes_no(t)) return *yes;
  throw input_error("D412.yes-no", f.where, {{"column", column}, {"text", f.text}, {"forms", yes_no_forms()}});
}

// Splits a conditions cell on ; ； 、 or |, locating each name.
std::vector<std::string> read_conditions(const CsvField& f, const EligibilityRules& rules) {
  std::vector<std::string> out;
  const std::string& s = f.text;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    std::size_t next = s.size();
    std::size_t sep_len = 0;
    for (std::string_view sep : {";", "；", "、", "|"}) {
      auto at = s.find(sep, pos);
      if (at != std::string::npos && at < next) next = at, sep_len = sep.size();
    }
    auto item = trim(std::string_view(s).substr(pos, next - pos));
    if (!item.empty()) {
      auto canonical = rules.canonical_condition(item);
      if (canonical.empty()) {
        Location where = f.where;
        // Point at the item when the field sits on one line (past the opening quote if quoted).
        if (s.find('\n') == std::string::npos && s.find('"') == std::string::npos) {
          auto lead = std::string_view(s).substr(pos, next - pos).find(item);
          where = f.where.advanced(s, pos + lead);
          if (f.quoted && where.known()) where.column += 1;
        }
        throw input_error("D413.condition", where, {{"item", item}, {"advice", suggestion(item, rules.condition_names())}});
      }
      if (std::find(out.begin(), out.end(), canonical) == out.end()) out.push_back(canonical);
    }
    if (next == s.size()) break;
    pos = next + sep_len;
  }
  return out;
}

}  // namespace

std::vector<Product> parse_products(std::string_view text, std::string_view source_name, const EligibilityRules& rules) {
  auto table = parse_csv(std::string(text), source_name);
  const auto& columns = product_columns();
  std::vector<int> index(columns.size(), -1);  // column -> field position
  std::vector<std::string> known;
  for (const auto& c : columns) known.emplace_back(c.zh), known.emplace_back(c.en);
  const auto& header = table.header;
  for (std::size_t i = 0; i < header.size(); ++i) {
    auto name = trim(header[i]);
    auto it = std::find_if(columns.begin(), columns.end(), [&](const ProductColumn& c) { return name == c.zh || name == c.en; });
    if (it == columns.end()) {
      throw input_error("D411.unknown-column", table.header_where[i], {{"name", name}, {"advice", suggestion(name, known)}});
    }
    auto k = static_cast<std::size_t>(it - columns.begin());
    if (index[k] >= 0) {
      throw input_error("D411.twice", table.header_where[i], {{"column", it->zh}});
    }
    index[k] = static_cast<int>(i);
  }
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (columns[k].required && index[k] < 0) {
      throw input_error(
          "D411.missing", table.header_where.front(),
          {{"zh", columns[k].zh},
           {"en", columns[k].en},
           {"advice", message("csv.add-column", {{"names", message("csv.column-name", {{"name", columns[k].zh}})}})}});
    }
  }
  if (table.records.empty()) {
    throw input_error("D411.no-products", table.header_where.front());
  }

  std::vector<Product> products;
  for (const auto& row : table.records) {
    // parse_csv has checked that every row is as wide as the header.
    auto at = [&](std::size_t k) { auto i = static_cast<std::size_t>(index[k]); return CsvField{row.fields[i], row.where[i], row.quoted[i]}; };
    std::vector<std::optional<CsvField>> cells;
    for (std::size_t k = 0; k < columns.size(); ++k) cells.push_back(index[k] < 0 ? std::nullopt : std::optional<CsvField>(at(k)));
    auto cell = [&](std::size_t k) -> const CsvField* { return cells[k] ? &*cells[k] : nullptr; };
    auto text_of = [&](std::size_t k) { return cell(k) ? trim(cell(k)->text) : std::string(); };
    auto required_text = [&](std::size_t k) {
      auto t = text_of(k);
      if (t.empty()) {
        throw input_error("D412.empty", cell(k)->where, {{"column", columns[k].zh}});
      }
      return t;
    };
    Product p;
    p.where = row.start;
    p.id = required_text(0);
    p.name = required_text(1);
    p.category = required_text(2);
    p.category_where = cell(2)->where;
    p.subcategory = text_of(3);
    p.market = required_text(4);
    // Shops say 天猫 and 淘宝 for the platform's 商城 and 集市 (the seed's words): the same markets.
    if (p.market == "天猫") p.market = "商城";
    if (p.market == "淘宝") p.market = "集市";
    if (!rules.markets.empty() && std::find(rules.markets.begin(), rules.markets.end(), p.market) == rules.markets.end()) {
      throw input_error("D413.market", cell(4)->where, {{"market", p.market}, {"advice", suggestion(p.market, rules.markets)}});
    }
    p.original_price = read_price(*cell(5), "原价");
    p.campaign_price = read_price(*cell(6), "团购价");
    if (p.campaign_price > p.original_price) {
      throw input_error("D412.above-original", cell(6)->where, {{"campaign", p.campaign_price}, {"original", p.original_price}});
    }
    p.units = read_count(*cell(7), "报名数量");
    p.sales = read_count(*cell(8), "销售记录");
    p.sales_below_price = read_count(*cell(9), "低价记录");
    if (p.sales_below_price > p.sales) {
      throw input_error("D412.below-price", cell(9)->where, {{"below", p.sales_below_price}, {"sales", p.sales}});
    }
    p.dsr = read_dsr(*cell(10));
    if (cell(11)) p.new_launch = read_yes_no(*cell(11), "新品首发");
    if (cell(12)) p.conditions = read_conditions(*cell(12), rules);
    for (const auto& q : products) {
      if (q.id == p.id) {
        throw input_error("D412.duplicate-id", cell(0)->where, {{"id", p.id}, {"line", q.where.line}});
      }
    }
    products.push_back(std::move(p));
  }
  return products;
}

}  // namespace dacu
