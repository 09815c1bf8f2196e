#pragma once
/// 聚划算 报名 eligibility as data: the platform's 审核指标 and per-category 优选条件 (a template's
/// `eligibility:` section), and the products a shop lists. Read by input/, checked by
/// compute/eligibility.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/base/money.hpp"
#include "dacu/base/rational.hpp"

namespace dacu {

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
  std::vector<std::string> aliases;  ///< other names a product list uses for it (图书 for 书籍音像)
  std::string note;
  std::string source;    ///< `source:` (model/source.hpp): the seed's row this category comes from
  Location source_where;
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
  std::string source;  ///< `source:` of the section (model/source.hpp)
  Location source_where;
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

  /// The category named `name`, or one whose name lists it between `/` (品牌手表/Zippo/眼镜/瑞士军刀
  /// is found as 眼镜), or one of its `aliases` (图书 for 书籍音像), or else the one category whose
  /// name (without a `/`) begins or ends with `name` (音像 and 书籍 in 书籍音像, two characters at
  /// least, and only when no other category does); ASCII letters in any case (zippo, ZIPPO).
  /// nullptr when none.
  const CategoryRules* find_category(std::string_view name) const;
  /// The canonical name for a condition or alias, or "" when unknown.
  std::string canonical_condition(std::string_view name) const;
  std::vector<std::string> category_names() const;
  std::vector<std::string> condition_names() const;
};

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

}  // namespace dacu
