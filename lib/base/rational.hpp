#pragma once
/// Exact numbers for formulas, ratios and parameters: a fraction of two 64-bit integers.
///
/// Budgets, staffing ratios and ROI are computed with Rational so that no binary floating point
/// ever touches a figure a person will check by hand. Every operation is exact or throws
/// dacu::Error: a result that does not fit is never wrapped or rounded silently.
///
///   auto share = Rational(11990) / Rational(198000);   // 1199/19800, exactly
///   auto heads = (Rational(3000) * parse_rational("1.5") / 400).ceil();   // 12

#include <compare>
#include <concepts>
#include <optional>
#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "dacu/base/error.hpp"

namespace dacu {

/// A fraction numerator / denominator in lowest terms with a positive denominator. Both parts
/// lie in [-INT64_MAX, INT64_MAX] (INT64_MIN is excluded so that negation never overflows).
class Rational {
 public:
  /// Zero.
  constexpr Rational() = default;
  /// An integer; implicit so that formulas read naturally (`x * 2`). Throws Error for INT64_MIN.
  Rational(std::int64_t integer);  // NOLINT(google-explicit-constructor)
  /// A double would silently become an integer (0.8 -> 0) through the one above: refused.
  template <std::floating_point F>
  Rational(F) = delete;
  /// numerator / denominator, normalised; throws Error when the denominator is 0.
  Rational(std::int64_t numerator, std::int64_t denominator);

  std::int64_t numerator() const { return num_; }
  /// Always positive.
  std::int64_t denominator() const { return den_; }
  bool is_integer() const { return den_ == 1; }
  bool is_zero() const { return num_ == 0; }
  bool is_negative() const { return num_ < 0; }

  /// The largest integer not above this number.
  Rational floor() const;
  /// The smallest integer not below this number.
  Rational ceil() const;
  /// The nearest integer; halves go away from zero (2.5 -> 3, -2.5 -> -3), as people round.
  Rational round() const;
  /// Rounded to `decimals` decimal places (negative: to tens, hundreds…), halves away from zero.
  /// `decimals` must lie in [-18, 18].
  Rational round_to(int decimals) const;

  /// An approximation, only for showing ratios that are not money (never compute with it).
  double to_double() const;
  /// Exact text: "3", "-1.5", "0.0625" when the decimal expansion ends, "1/3" when it does not.
  std::string to_string() const;

  Rational operator-() const;
  friend Rational operator+(const Rational& a, const Rational& b);
  friend Rational operator-(const Rational& a, const Rational& b);
  friend Rational operator*(const Rational& a, const Rational& b);
  /// Throws Error on division by zero.
  friend Rational operator/(const Rational& a, const Rational& b);
  Rational& operator+=(const Rational& other) { return *this = *this + other; }
  Rational& operator-=(const Rational& other) { return *this = *this - other; }
  Rational& operator*=(const Rational& other) { return *this = *this * other; }
  Rational& operator/=(const Rational& other) { return *this = *this / other; }

  // Lowest terms make equal values equal members.
  friend bool operator==(const Rational&, const Rational&) = default;
  friend std::strong_ordering operator<=>(const Rational& a, const Rational& b);

 private:
  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
};

/// A fraction as an exact percentage: 1/5 -> "20%", 1/8 -> "12.5%" (as Rational::to_string()).
std::string percent_text(const Rational& fraction);

/// Reads "3", "-3", "+3", "1.5", "20%" (= 1/5), "0.5%" exactly, full-width digits and ．－＋％ too
/// (fold_fullwidth). No spaces, no exponent, no thousands separators. Throws Error with a plain
/// message (the caller knows where the text was).
Rational parse_rational(std::string_view text);

/// As above; problems become an InputError D301 located at the offending character.
Rational parse_rational(std::string_view text, const Location& where);

/// As above, nullopt for text that is not a number: for readers that say in their own words what
/// was expected.
std::optional<Rational> try_parse_rational(std::string_view text);

}  // namespace dacu

/// Formats as Rational::to_string(); width and alignment work as for strings.
template <>
struct fmt::formatter<dacu::Rational> : fmt::formatter<std::string_view> {
  template <typename FormatContext>
  auto format(const dacu::Rational& value, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(value.to_string(), ctx);
  }
};
