#pragma once
/// Presale (预售) revenue: a share of the units sold on a deposit (定金) that counts for more
/// against the price (膨胀金额, 定金 50 抵 100), the balance (尾款) paid by a share of the deposit
/// payers (尾款支付率), the rest sold as 现货 — per wave when the campaign runs waves.
///
///   件数        = round(units)                      per wave with the wave's values (件数 × 件数占比)
///   预售件数    = round(件数 × presale_share)
///   付尾款件数  = round(预售件数 × balance_rate)
///   未付尾款件数 = 预售件数 − 付尾款件数              not sold; the stock stays (not counted as 现货)
///   现货件数    = 件数 − 预售件数
///   定金        = 预售件数 × deposit                  every deposit: Tmall does not refund an unpaid one
///   尾款        = 付尾款件数 × (price − deposit_value)
///   现货        = 现货件数 × price
///   成交额      = 定金 + 尾款 + 现货                  exact in fen: each part is fen × whole units
///   膨胀让利    = 付尾款件数 × (deposit_value − deposit)   a price reduction, already off 成交额; no cost
///
/// The campaign's figures are the waves' sums, so every part adds up to its total to the fen.
/// Error codes D360–D369 (docs/errors.md). Pure: no files, no output.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/base/money.hpp"
#include "dacu/base/rational.hpp"

namespace dacu {

struct Template;

/// A figure and how it was reached, so that every number can be checked by hand.
struct Trace {
  std::string formula;  ///< "团购价 × 件数"
  std::string inputs;   ///< "团购价 = 99, 件数 = 2000"
};

/// The numbers formulas see, their text as written, where each was given, and the names a
/// scenario fixed for every wave (a scenario's 尾款支付率 replaces the waves' own).
struct FormulaInputs {
  std::map<std::string, Rational, std::less<>> values;
  std::map<std::string, std::string, std::less<>> shown;
  std::map<std::string, Location, std::less<>> where;
  std::set<std::string, std::less<>> fixed;
};

/// One wave's presale figures (or the campaign's, when it runs no waves; or the waves' sums).
struct PresaleFigures {
  std::string wave;     ///< 第一波 …; empty for a campaign without waves and for the sums
  bool sum = false;     ///< the waves' sums: the per-unit figures are not set
  // Per unit (not set for the sums).
  Money price, deposit, deposit_value;
  Money balance_price;  ///< price − deposit_value: what a deposit payer pays as 尾款
  Money bonus;          ///< deposit_value − deposit: the 膨胀 a paying buyer gets
  std::optional<Money> unit_cost;
  Rational presale_share, balance_rate;
  // Whole units.
  std::int64_t units = 0, presale_units = 0, paid_units = 0, unpaid_units = 0, spot_units = 0;
  std::int64_t shipped_units() const { return paid_units + spot_units; }
  // Amounts: deposits + balances + spot = total, exactly.
  Money deposits, balances, spot, total;
  Money forfeited;    ///< the part of `deposits` paid by buyers who never pay the balance
  Money bonus_total;  ///< 膨胀让利: paid_units × bonus, shown; already taken off the price
  std::optional<Money> goods_cost;  ///< shipped units × unit cost
  struct Traces {
    Trace units, presale_units, paid_units, unpaid_units, spot_units, deposits, balances, spot, total, forfeited,
        bonus_total, goods_cost;
  } trace;
};

struct PresaleRevenue {
  std::vector<PresaleFigures> waves;  ///< one per wave in order; one nameless when there are none
  PresaleFigures total;               ///< the waves' sums (the one wave's figures when there are none)
};

/// The presale figures of a template whose revenue is a presale, with these inputs: per wave
/// (Template::waves) with the wave's values laid over the inputs, then summed. Throws InputError
/// for a value out of its range (D360 尾款支付率, D361 膨胀金额 below 定金, D363 预售占比, D364
/// 膨胀金额 above the price, D365 a negative 定金, D097 negative units or price), located where the
/// value was given.
PresaleRevenue compute_presale(const Template& t, const FormulaInputs& in);

/// Revenue and goods cost exactly, before any rounding (whole units or fen): what break-even
/// solves when the profit is linear in the units.
struct PresaleRaw {
  Rational revenue, goods;
};
PresaleRaw presale_raw(const Template& t, const FormulaInputs& in);

}  // namespace dacu
