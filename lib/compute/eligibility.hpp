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

#include "dacu/base/error.hpp"
#include "dacu/base/money.hpp"
#include "dacu/base/rational.hpp"
#include "dacu/model/eligibility.hpp"

namespace dacu {

struct Template;

/// Checks a template's eligibility rules for problems that reading alone does not catch: bands,
/// DSR range, conditions named but not declared, markets. For `dacu validate`; sorted by location.
std::vector<Diagnostic> check_eligibility_rules(const Template& t);

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

/// What `dacu check` reports: a product list judged against a campaign's rules.
struct CheckReport {
  std::string campaign;
  std::string template_name;
  std::string products_file;
  std::vector<ProductCheck> products;
  /// How many products got `verdict`, for the summary line.
  std::size_t count(Verdict verdict) const;
};

/// A discount as planners say it: 1/2 -> "5折", 9/20 -> "4.5折", 129/399 -> "≈3.23折" (exact when
/// the decimal ends within two places, else rounded with ≈).
std::string format_zhe(const Rational& discount);
/// "符合" / "符合但非优选" / "不符合" (or English).
std::string_view verdict_name(Verdict verdict, bool english = false);

}  // namespace dacu
