#pragma once
/// 聚划算 报名 eligibility: the platform's 审核指标 and per-category 优选条件, kept as data in a
/// template's `eligibility:` section, and the check of a product list against them.
///
///   auto products = dacu::parse_products(csv_text, "products.csv", campaign.plan.eligibility);
///   auto results = dacu::check_products(campaign.plan.eligibility, products);
///
/// Pure: no files, no output. Prices are Money, ratios Rational: no binary floating point.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dacu/error.hpp"
#include "dacu/money.hpp"
#include "dacu/rational.hpp"

namespace dacu {

namespace yaml {
struct Node;
}
struct Template;

/// 销售记录 needed for products whose 原价 lies in (previous band's up_to, up_to] — the seed's
/// "1000元以下" includes 1000 元, so each band's upper end is inclusive.
struct SalesBand {
  Money up_to;
  std::int64_t sales = 0;
  Location where;
  friend bool operator==(const SalesBand&, const SalesBand&) = default;
};

/// A condition a category asks for (假一赔三, 七天无理由退换货…). With `only`, it applies just to
/// products whose 子类目 or conditions name one of those (奶粉/辅食 for 母婴's 皇冠以上).
struct CategoryCondition {
  std::string name;
  std::vector<std::string> only;
  Location where;
  friend bool operator==(const CategoryCondition&, const CategoryCondition&) = default;
};

/// 建议价格: a discount at or below `at_most` (a ratio: 5折 = 1/2) is preferred; with `only`, for
/// those 子类目 or conditions alone. Without `at_most` it is advice dacu cannot check (商城最低优先).
struct DiscountAdvice {
  std::optional<Rational> at_most;
  std::vector<std::string> only;
  std::string note;
  Location where;
  friend bool operator==(const DiscountAdvice&, const DiscountAdvice&) = default;
};

/// One row of 各类目商品优选条件.
struct CategoryRules {
  std::string name;
  std::string market;  ///< 商城 / 集市 when the seed names one; empty: every market
  std::vector<CategoryCondition> required;   ///< 必选条件: missing one means not eligible
  std::vector<CategoryCondition> preferred;  ///< 优选条件: missing one means not preferred
  std::vector<DiscountAdvice> discounts;     ///< 建议价格
  std::string note;
  Location where;
  friend bool operator==(const CategoryRules&, const CategoryRules&) = default;
};

/// A condition name products may claim, with the other ways people write it.
struct ConditionName {
  std::string name;
  std::vector<std::string> aliases;
  Location where;
  friend bool operator==(const ConditionName&, const ConditionName&) = default;
};

/// The `eligibility:` section of a template (商品报名要求审核指标 + 各类目商品优选条件).
struct EligibilityRules {
  bool present = false;
  std::string source;
  std::vector<std::string> markets;         ///< 商城, 集市, 无名良品
  std::vector<SalesBand> sales_bands;       ///< by 原价, increasing
  bool new_launch_exempt = false;           ///< 新品首发 needs no sales history (on separate application)
  std::optional<std::int64_t> min_units;    ///< 报名数量 at least this (以上 includes the number)
  std::optional<Money> units_exempt_from;   ///< 团购价 at or above this needs no min_units
  std::optional<Rational> max_below_price_share;  ///< records below the current price: at most this share
  std::optional<Rational> dsr_min, dsr_max; ///< inclusive
  std::vector<ConditionName> conditions;
  std::vector<CategoryRules> categories;
  Location where;

  const CategoryRules* find_category(std::string_view name) const;
  /// The canonical name for a condition or alias, or "" when unknown.
  std::string canonical_condition(std::string_view name) const;
  std::vector<std::string> category_names() const;
  std::vector<std::string> condition_names() const;
};

/// Reads an `eligibility:` mapping. Keys present replace those of `base` (a campaign overriding
/// its template); `categories` replace per category. Throws InputError (D002/D004 shape, D400–D405).
EligibilityRules read_eligibility(const yaml::Node& node, EligibilityRules base = {});

/// Checks a template's eligibility rules for problems that reading alone does not catch: bands,
/// DSR range, conditions named but not declared, markets. For `dacu validate`; sorted by location.
std::vector<Diagnostic> check_eligibility_rules(const Template& t);

/// One product of the list, every value located in the CSV it came from.
struct Product {
  std::string id;
  std::string name;
  std::string category;
  std::string subcategory;
  std::string market;
  Money original_price;  ///< 原价 (珠宝黄金: the list price on the review day)
  Money campaign_price;  ///< 团购价
  std::int64_t units = 0;  ///< 报名数量
  std::int64_t sales = 0;  ///< 销售记录 (at the original price)
  std::int64_t sales_below_price = 0;  ///< of those, records below the current price
  Rational dsr;
  bool new_launch = false;  ///< 新品首发 (applies separately)
  std::vector<std::string> conditions;  ///< canonical condition names
  Location where;           ///< the row
  Location category_where;
  friend bool operator==(const Product&, const Product&) = default;
};

enum class Verdict { eligible, not_preferred, not_eligible };

/// What one rule said about one product.
struct Finding {
  enum class Kind { pass, fail, not_preferred, note };
  Kind kind = Kind::pass;
  std::string rule;     ///< 销售记录, 报名数量, DSR, 必选条件, 优选条件, 建议价格, 类目…
  std::string message;  ///< what was found, with the figures
  std::string fix;      ///< what to change; empty when nothing needs changing
  friend bool operator==(const Finding&, const Finding&) = default;
};

struct ProductCheck {
  std::string id;
  std::string name;
  std::string category;
  std::string market;
  Money original_price;
  Money campaign_price;
  Rational discount;  ///< 团购价 ÷ 原价
  Verdict verdict = Verdict::eligible;
  std::vector<Finding> findings;
  friend bool operator==(const ProductCheck&, const ProductCheck&) = default;
};

/// Judges every product (parse_products has already refused unknown markets and conditions).
std::vector<ProductCheck> check_products(const EligibilityRules& rules, const std::vector<Product>& products);

/// A discount as planners say it: 1/2 -> "5折", 9/20 -> "4.5折", 129/399 -> "≈3.23折" (exact when
/// the decimal ends within two places, else rounded with ≈).
std::string format_zhe(const Rational& discount);
/// "符合" / "符合但非优选" / "不符合" (or English).
std::string_view verdict_name(Verdict verdict, bool english = false);

}  // namespace dacu
