#pragma once
/// The 订货宝 customer funnel: 激活率 = 激活 ÷ 注册, 首单率 = 下单 ÷ 激活, overall and per salesperson.
///
///   auto customers = dacu::parse_csv(text, "customers.csv");
///   auto report = dacu::compute_funnel(campaign, customers);
///
/// The CSV has the columns 客户, 业务员, 注册, 激活, 下单 (or customer, salesperson, registered,
/// activated, ordered); the last three hold 是/否, 1/0, Y/N, yes/no or true/false. Errors D350–D352.

#include <optional>
#include <string>
#include <vector>

#include "dacu/input/csv.hpp"
#include "dacu/base/error.hpp"
#include "dacu/base/rational.hpp"

namespace dacu {

struct Campaign;

struct FunnelCounts {
  std::string salesperson;  ///< empty for the overall row
  std::int64_t customers = 0, registered = 0, activated = 0, ordered = 0;
  std::optional<Rational> activation_rate;   ///< 激活 ÷ 注册; none when nobody registered
  std::optional<Rational> first_order_rate;  ///< 下单 ÷ 激活; none when nobody activated
  bool below_target = false;  ///< a rate under the campaign's target for it (salespeople only)
};

struct FunnelReport {
  std::string campaign;
  std::string customers_file;
  std::vector<FunnelCounts> by_salesperson;  ///< in order of first appearance
  FunnelCounts overall;
  std::optional<Rational> target_activation;   ///< the campaign's 目标激活率, when it has one
  std::optional<Rational> target_first_order;  ///< the campaign's 目标首单率
  std::vector<Diagnostic> warnings;
};

/// Counts the funnel. Throws InputError D343 (missing column), D350 (a value that is not yes or
/// no), D351 (activated without being registered), D352 (no customers); an order by a customer
/// who never activated (代客下单) is counted and warned about once (D353).
FunnelReport compute_funnel(const Campaign& campaign, const CsvTable& customers);

}  // namespace dacu
