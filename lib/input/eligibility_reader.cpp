#include "dacu/input/eligibility_reader.hpp"

#include <algorithm>
#include <array>

#include "dacu/input/yaml.hpp"
#include "dacu/base/numbers.hpp"

namespace dacu::reader {

// ---------------------------------------------------------------------------------------------
// Reading

namespace {

constexpr std::array<std::string_view, 8> kEligibilityKeys{"source", "markets", "sales_history", "units",
                                                           "below_price_records", "dsr", "conditions", "categories"};
constexpr std::array<std::string_view, 2> kSalesHistoryKeys{"bands", "new_launch_exempt"};
constexpr std::array<std::string_view, 2> kBandKeys{"up_to", "sales"};
constexpr std::array<std::string_view, 2> kUnitsKeys{"min", "exempt_from_price"};
constexpr std::array<std::string_view, 1> kBelowPriceKeys{"max_share"};
constexpr std::array<std::string_view, 2> kDsrKeys{"min", "max"};
constexpr std::array<std::string_view, 7> kCategoryKeys{"market", "required", "preferred", "discounts", "aliases", "note", "source"};
constexpr std::array<std::string_view, 2> kConditionKeys{"name", "only"};
constexpr std::array<std::string_view, 3> kDiscountKeys{"at_most", "only", "note"};

std::int64_t read_count(const yaml::Node& node, std::string_view what) {
  const auto& t = yaml::scalar(node, what);
  auto count = try_parse_count(t);
  if (!count || *count < 0 || *count > 999'999'999'999) {
    throw input_error("D400.count", node.where, {{"what", what}, {"text", t}});
  }
  return *count;
}

Money read_price(const yaml::Node& node, std::string_view what) {
  auto m = parse_money(yaml::scalar(node, what), Rounding::none, node.where);
  if (m.is_negative()) throw input_error("D400.negative", node.where, {{"what", what}});
  return m;
}

Rational read_number(const yaml::Node& node, std::string_view what) {
  const auto& t = yaml::scalar(node, what);
  if (auto value = try_parse_rational(t)) return *value;
  throw input_error("D400.number", node.where, {{"what", what}, {"text", t}});
}

bool read_true_false(const yaml::Node& node, std::string_view what) {
  const auto& t = yaml::scalar(node, what);
  if (auto yes = parse_yes_no(t)) return *yes;
  throw input_error("D400.true-false", node.where, {{"what", what}, {"text", t}, {"forms", yes_no_forms()}});
}

/// "5折", "3.5折" -> 1/2, 7/20.
Rational read_zhe(const yaml::Node& node) {
  const auto& t = yaml::scalar(node, "at_most");
  std::string_view v(t);
  if (!v.ends_with("折")) {
    throw input_error("D402.zhe-form", node.where, {{"text", t}});
  }
  v.remove_suffix(std::string_view("折").size());
  auto parsed = try_parse_rational(v);
  if (!parsed) {
    throw input_error("D402.zhe-number", node.where, {{"text", t}});
  }
  Rational zhe = *parsed;
  if (zhe <= Rational(0) || zhe > Rational(10) || v.starts_with("+") || v.ends_with("%")) {
    throw input_error("D402.zhe-range", node.where, {{"text", t}});
  }
  return zhe / 10;
}

std::vector<std::string> read_names(const yaml::Node& node, std::string_view what) {
  std::vector<std::string> out;
  for (const auto* n : yaml::scalar_or_list(node, what)) out.push_back(n->value);
  return out;
}

std::vector<CategoryCondition> read_conditions(const yaml::Node& node, std::string_view what) {
  std::vector<CategoryCondition> out;
  auto items = node.is_sequence() ? std::vector<const yaml::Node*>{} : std::vector<const yaml::Node*>{&node};
  if (node.is_sequence()) {
    for (const auto& c : node.children) items.push_back(&c);
  }
  for (const auto* item : items) {
    CategoryCondition c;
    c.where = item->where;
    if (item->is_mapping()) {
      yaml::Fields f(*item, what, kConditionKeys);
      c.name = yaml::scalar(f.require("name"), "name");
      if (const auto* only = f.find("only")) c.only = read_names(*only, "only");
    } else {
      c.name = yaml::scalar(*item, what);
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<DiscountAdvice> read_discounts(const yaml::Node& node) {
  std::vector<DiscountAdvice> out;
  for (const auto& item : yaml::sequence(node, "discounts").children) {
    yaml::Fields f(item, message("csv.what-discount"), kDiscountKeys);
    DiscountAdvice d;
    d.where = item.where;
    if (const auto* at = f.find("at_most")) d.at_most = read_zhe(*at);
    if (const auto* only = f.find("only")) d.only = read_names(*only, "only");
    if (const auto* note = f.find("note")) d.note = yaml::scalar(*note, "note");
    if (!d.at_most && d.note.empty()) {
      throw input_error("D402.discount-empty", item.where);
    }
    out.push_back(std::move(d));
  }
  return out;
}

CategoryRules read_category(const yaml::Node& key, const yaml::Node& body) {
  CategoryRules c;
  c.name = key.value;
  c.where = key.where;
  if (body.is_null()) return c;
  yaml::Fields f(body, message("csv.what-category", {{"name", c.name}}), kCategoryKeys);
  if (const auto* n = f.find("market")) c.market = yaml::scalar(*n, "market");
  if (const auto* n = f.find("required")) c.required = read_conditions(*n, message("csv.what-required"));
  if (const auto* n = f.find("preferred")) c.preferred = read_conditions(*n, message("csv.what-preferred"));
  if (const auto* n = f.find("discounts")) c.discounts = read_discounts(*n);
  if (const auto* n = f.find("aliases")) c.aliases = read_names(*n, "aliases");
  if (const auto* n = f.find("note")) c.note = yaml::scalar(*n, "note");
  if (const auto* n = f.find("source")) {
    c.source = yaml::scalar(*n, "source");
    c.source_where = n->text_where();
  }
  return c;
}

}  // namespace

EligibilityRules read_eligibility(const yaml::Node& node, EligibilityRules r) {
  yaml::Fields top(node, "eligibility", kEligibilityKeys);
  r.present = true;
  r.where = node.where;
  if (const auto* n = top.find("source")) {
    r.source = yaml::scalar(*n, "source");
    r.source_where = n->text_where();
  }
  if (const auto* n = top.find("markets")) r.markets = read_names(*n, message("csv.what-market"));
  if (const auto* n = top.find("sales_history")) {
    yaml::Fields f(*n, "sales_history", kSalesHistoryKeys);
    if (const auto* bands = f.find("bands")) {
      r.sales_bands.clear();
      for (const auto& item : yaml::sequence(*bands, "bands").children) {
        yaml::Fields b(item, message("csv.what-sales-band"), kBandKeys);
        r.sales_bands.push_back({read_price(b.require("up_to"), "up_to"), read_count(b.require("sales"), "sales"), item.where});
      }
    }
    if (const auto* ex = f.find("new_launch_exempt")) r.new_launch_exempt = read_true_false(*ex, "new_launch_exempt");
  }
  if (const auto* n = top.find("units")) {
    yaml::Fields f(*n, "units", kUnitsKeys);
    if (const auto* m = f.find("min")) r.min_units = read_count(*m, "min");
    if (const auto* m = f.find("exempt_from_price")) r.units_exempt_from = read_price(*m, "exempt_from_price");
  }
  if (const auto* n = top.find("below_price_records")) {
    yaml::Fields f(*n, "below_price_records", kBelowPriceKeys);
    const auto& share = f.require("max_share");
    auto v = read_number(share, "max_share");
    if (v < Rational(0) || v > Rational(1)) {
      throw input_error("D400.share", share.where, {{"value", share.value}});
    }
    r.max_below_price_share = v;
  }
  if (const auto* n = top.find("dsr")) {
    yaml::Fields f(*n, "dsr", kDsrKeys);
    if (const auto* m = f.find("min")) r.dsr_min = read_number(*m, "dsr min");
    if (const auto* m = f.find("max")) r.dsr_max = read_number(*m, "dsr max");
  }
  if (const auto* n = top.find("conditions")) {
    yaml::mapping(*n, "conditions");
    for (std::size_t i = 0; i < n->map_size(); ++i) {
      ConditionName c{n->key(i).value, {}, n->key(i).where};
      if (!n->val(i).is_null()) c.aliases = read_names(n->val(i), message("csv.what-alias"));
      auto it = std::find_if(r.conditions.begin(), r.conditions.end(), [&](const ConditionName& o) { return o.name == c.name; });
      if (it != r.conditions.end()) {
        *it = std::move(c);
      } else {
        r.conditions.push_back(std::move(c));
      }
    }
  }
  if (const auto* n = top.find("categories")) {
    yaml::mapping(*n, "categories");
    for (std::size_t i = 0; i < n->map_size(); ++i) {
      auto c = read_category(n->key(i), n->val(i));
      auto it = std::find_if(r.categories.begin(), r.categories.end(), [&](const CategoryRules& o) { return o.name == c.name; });
      if (it != r.categories.end()) {
        *it = std::move(c);
      } else {
        r.categories.push_back(std::move(c));
      }
    }
  }
  return r;
}

}  // namespace dacu::reader
