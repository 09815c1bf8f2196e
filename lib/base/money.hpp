#pragma once
/// Money in integer fen (分, 0.01 元): exact, rounded only where a named rule says so.
///
///   auto price = parse_money("99", Rounding::none);              // 99.00
///   auto revenue = price * 2000;                                   // 198000.00
///   auto fee = multiply(revenue, parse_rational("5%"), Rounding::half_up_to_fen);
///   fmt::print("{} ({})\n", revenue, revenue.format_wan());       // 198000.00 (19.8万)

#include <compare>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "dacu/base/error.hpp"
#include "dacu/base/numbers.hpp"
#include "dacu/base/rational.hpp"

namespace dacu {

/// How an amount with fractions of a fen becomes whole fen.
enum class Rounding {
  none,            ///< fractions of a fen are an error
  half_up_to_fen,  ///< 四舍五入 to the fen: 0.005 -> 0.01, -0.005 -> -0.01 (halves away from zero)
};

/// An amount of money in fen. The range is symmetric, ±INT64_MAX fen (±92233720368547758.07 元),
/// so negation never overflows; every operation that would leave it throws Error.
class Money {
 public:
  /// 0.00
  constexpr Money() = default;
  /// Throws Error for INT64_MIN, the one int64 value outside the range.
  static Money from_fen(std::int64_t fen);
  /// Whole 元; throws Error when the amount is out of range.
  static Money from_yuan(std::int64_t yuan);
  /// An exact number of 元 (a formula's result); fractions of a fen follow `rounding`.
  static Money from_yuan(const Rational& yuan, Rounding rounding);
  /// The largest amount, 92233720368547758.07 元.
  static constexpr Money max() { return Money(std::numeric_limits<std::int64_t>::max()); }

  std::int64_t fen() const { return fen_; }
  /// The amount in 元, exactly.
  Rational yuan() const { return Rational(fen_, 100); }
  bool is_negative() const { return fen_ < 0; }

  /// "1800000.00", "-5.00": two decimals, no grouping (CSV, JSON, golden files).
  std::string to_string() const;
  /// "1,800,000.00": thousands grouped, for tables people read.
  std::string format_grouped() const;
  /// "180万", "1.8万", "12.35万", "0.0001万": in 万元 with as many decimals as the amount needs
  /// (at most 6, since 1 fen = 0.000001万), so it is always exact.
  std::string format_wan() const;

  Money operator-() const { return Money(-fen_); }
  friend Money operator+(Money a, Money b);
  friend Money operator-(Money a, Money b);
  friend Money operator*(Money amount, std::int64_t factor);
  friend Money operator*(std::int64_t factor, Money amount) { return amount * factor; }
  /// The exact ratio of two amounts (费用占比, ROI); throws Error when `whole` is zero.
  friend Rational operator/(Money part, Money whole);
  Money& operator+=(Money other) { return *this = *this + other; }
  Money& operator-=(Money other) { return *this = *this - other; }

  friend bool operator==(const Money&, const Money&) = default;
  friend auto operator<=>(const Money&, const Money&) = default;

 private:
  explicit constexpr Money(std::int64_t fen) : fen_(fen) {}
  std::int64_t fen_ = 0;
};

/// `amount` × `factor` (a commission rate, a share), whole fen by `rounding`; throws Error when
/// the product has fractions of a fen and `rounding` is none, or when it is out of range.
Money multiply(Money amount, const Rational& factor, Rounding rounding);

/// Reads an amount in 元: "99", "99.9", "99.90", "-5", "1.8万", "180万", "¥1,800,000.00",
/// "￥99", "99元", "1.8万元", "1，800". Full-width digits and ．，－＋ are read as their ASCII forms
/// (fold_fullwidth). A leading sign is allowed; whether a negative amount makes sense is
/// the caller's rule. Thousands separators must group the whole part in threes; 万 multiplies by
/// 10000. Fractions of a fen ("0.005", "1.234567万") are an error unless `rounding` says how to
/// round them; trailing zeros ("99.900") are not fractions. Throws Error with a plain message.
Money parse_money(std::string_view text, Rounding rounding);

/// As above; problems become an InputError D300 located at the offending character, with a hint.
Money parse_money(std::string_view text, Rounding rounding, const Location& where);

/// As above, nullopt for text that is not an amount.
std::optional<Money> try_parse_money(std::string_view text, Rounding rounding);

/// As above, and why not, located at a byte offset of `text`: for readers that word their own error.
std::optional<Money> parse_money(std::string_view text, Rounding rounding, FormProblem& problem);

}  // namespace dacu

/// Formats as Money::to_string() ("1800000.00"); width and alignment work as for strings.
template <>
struct fmt::formatter<dacu::Money> : fmt::formatter<std::string_view> {
  template <typename FormatContext>
  auto format(const dacu::Money& amount, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(amount.to_string(), ctx);
  }
};
