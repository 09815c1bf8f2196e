#include "dacu/base/rational.hpp"

#include "dacu/base/messages.hpp"

#include <limits>
#include <optional>

#include "dacu/base/numbers.hpp"
#include "dacu/base/utf8.hpp"

namespace dacu {

namespace {

// 128-bit intermediates hold any product of two 64-bit parts, so each operation is exact before
// the one range check at the end.
__extension__ typedef __int128 Wide;
__extension__ typedef unsigned __int128 UWide;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

UWide magnitude(Wide v) { return v < 0 ? UWide(0) - static_cast<UWide>(v) : static_cast<UWide>(v); }

UWide gcd(UWide a, UWide b) {
  while (b != 0) {
    auto t = a % b;
    a = b;
    b = t;
  }
  return a;
}

bool fits(Wide v) { return v >= -Wide(kMax) && v <= Wide(kMax); }

Wide pow10(int n) {
  Wide p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// floor(n / d) for d > 0; C++ division truncates toward zero.
Wide floor_div(Wide n, Wide d) {
  Wide q = n / d;
  if (n % d != 0 && n < 0) --q;
  return q;
}

// n / d rounded to the nearest integer, halves away from zero; d > 0.
Wide round_div(Wide n, Wide d) {
  UWide m = magnitude(n);
  UWide q = (m * 2 + static_cast<UWide>(d)) / (static_cast<UWide>(d) * 2);
  return n < 0 ? -static_cast<Wide>(q) : static_cast<Wide>(q);
}

[[noreturn]] void too_large(std::string_view what) {
  throw RangeError(message("range.rational", {{"what", what}}));
}

// Reduces wide parts to lowest terms first, so that results whose intermediate products exceed
// 64 bits still succeed; nothing when the reduced parts do not fit.
std::optional<Rational> from_wide(Wide n, Wide d) {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  auto g = gcd(magnitude(n), static_cast<UWide>(d));
  if (g > 1) {
    n /= static_cast<Wide>(g);
    d /= static_cast<Wide>(g);
  }
  if (!fits(n) || !fits(d)) return std::nullopt;
  return Rational(static_cast<std::int64_t>(n), static_cast<std::int64_t>(d));
}

}  // namespace

Rational::Rational(std::int64_t integer) : num_(integer) {
  if (integer < -kMax) too_large(std::to_string(integer));
}

Rational::Rational(std::int64_t numerator, std::int64_t denominator) {
  if (denominator == 0) throw Error(message("rational.division-by-zero", {{"what", fmt::format("{}/0", numerator)}}));
  if (numerator < -kMax || denominator < -kMax) {
    too_large(fmt::format("{}/{}", numerator, denominator));
  }
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  auto g = static_cast<std::int64_t>(gcd(magnitude(numerator), static_cast<UWide>(denominator)));
  num_ = numerator / g;
  den_ = denominator / g;
}

Rational Rational::floor() const { return Rational(static_cast<std::int64_t>(floor_div(num_, den_))); }

Rational Rational::ceil() const { return Rational(static_cast<std::int64_t>(-floor_div(-Wide(num_), den_))); }

Rational Rational::round() const { return Rational(static_cast<std::int64_t>(round_div(num_, den_))); }

Rational Rational::round_to(int decimals) const {
  if (decimals < -18 || decimals > 18) {
    throw Error(message("rational.round", {{"decimals", decimals}}));
  }
  // Rounded value = round(num * 10^k / den) / 10^k; for negative k, round(num / (den * 10^-k)) * 10^-k.
  if (decimals >= 0) {
    auto scale = pow10(decimals);
    auto q = round_div(Wide(num_) * scale, den_);
    if (auto r = from_wide(q, scale)) return *r;
  } else {
    auto scale = pow10(-decimals);
    auto q = round_div(num_, Wide(den_) * scale);
    Wide result = 0;
    if (!__builtin_mul_overflow(q, scale, &result)) {
      if (auto r = from_wide(result, 1)) return *r;
    }
  }
  too_large(fmt::format("round({}, {})", *this, decimals));
}

double Rational::to_double() const { return static_cast<double>(num_) / static_cast<double>(den_); }

std::string Rational::to_string() const {
  std::string out = num_ < 0 ? "-" : "";
  UWide n = magnitude(num_);
  UWide d = static_cast<UWide>(den_);
  // The expansion ends exactly when the denominator has no prime factors but 2 and 5.
  auto rest = d;
  while (rest % 2 == 0) rest /= 2;
  while (rest % 5 == 0) rest /= 5;
  if (rest != 1) return out + fmt::format("{}/{}", static_cast<std::uint64_t>(n), den_);
  out += std::to_string(static_cast<std::uint64_t>(n / d));
  auto remainder = n % d;
  if (remainder != 0) out += '.';
  while (remainder != 0) {  // at most 63 digits: d <= 2^63
    remainder *= 10;
    out += static_cast<char>('0' + static_cast<int>(remainder / d));
    remainder %= d;
  }
  return out;
}

Rational Rational::operator-() const {
  Rational r = *this;
  r.num_ = -num_;  // safe: num_ >= -INT64_MAX
  return r;
}

Rational operator+(const Rational& a, const Rational& b) {
  // Each product is below 2^126, so the sum cannot overflow 128 bits.
  if (auto r = from_wide(Wide(a.num_) * b.den_ + Wide(b.num_) * a.den_, Wide(a.den_) * b.den_)) return *r;
  too_large(fmt::format("{} + {}", a, b));
}

Rational operator-(const Rational& a, const Rational& b) {
  if (auto r = from_wide(Wide(a.num_) * b.den_ - Wide(b.num_) * a.den_, Wide(a.den_) * b.den_)) return *r;
  too_large(fmt::format("{} - {}", a, b));
}

Rational operator*(const Rational& a, const Rational& b) {
  if (auto r = from_wide(Wide(a.num_) * b.num_, Wide(a.den_) * b.den_)) return *r;
  too_large(fmt::format("{} × {}", a, b));
}

Rational operator/(const Rational& a, const Rational& b) {
  if (b.num_ == 0) throw Error(message("rational.division-by-zero", {{"what", fmt::format("{} ÷ 0", a)}}));
  if (auto r = from_wide(Wide(a.num_) * b.den_, Wide(a.den_) * b.num_)) return *r;
  too_large(fmt::format("{} ÷ {}", a, b));
}

std::strong_ordering operator<=>(const Rational& a, const Rational& b) {
  return Wide(a.num_) * b.den_ <=> Wide(b.num_) * a.den_;
}

namespace {

struct NumberProblem {
  std::size_t offset = 0;
  std::string message;
  std::string hint;
};

// Parses folded text (fold_fullwidth) or says where in it and why it is not a number.
std::optional<Rational> parse_folded(const FoldedText& folded, NumberProblem& problem) {
  const std::string_view text = folded.text;
  auto fail = [&](std::size_t at, std::string what, std::string hint = {}) {
    problem = NumberProblem{at, std::move(what), hint.empty() ? message("number.examples") : std::move(hint)};
    return std::nullopt;
  };
  auto unexpected = [&](std::size_t at) -> std::optional<Rational> {
    if (at >= text.size()) return fail(at, message("number.ends-early"));
    return fail(at, message("number.unexpected", {{"character", folded.original_char(at)}}));
  };
  if (text.empty()) return fail(0, message("number.empty"));
  std::size_t i = 0;
  bool negative = false;
  if (text[i] == '-' || text[i] == '+') negative = text[i++] == '-';
  auto is_digit = [&](std::size_t at) { return at < text.size() && text[at] >= '0' && text[at] <= '9'; };
  if (!is_digit(i)) return unexpected(i);
  std::size_t first_digit = i;
  Wide whole = 0;
  for (; is_digit(i); ++i) {
    whole = whole * 10 + (text[i] - '0');
    if (whole > Wide(kMax)) return fail(first_digit, message("number.too-large"), message("number.limit"));
  }
  Wide fraction = 0;
  int decimals = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (!is_digit(i)) return unexpected(i);
    // Trailing zeros change nothing, so only significant decimals count toward the limit.
    auto end = i;
    while (is_digit(end)) ++end;
    auto last = end;
    while (last > i && text[last - 1] == '0') --last;
    for (; i < last; ++i) {
      if (++decimals > 18) return fail(i, message("number.decimals"), message("number.decimals-limit"));
      fraction = fraction * 10 + (text[i] - '0');
    }
    i = end;
  }
  bool percent = i < text.size() && text[i] == '%';
  if (percent) ++i;
  if (i < text.size()) return unexpected(i);
  auto scale = pow10(decimals + (percent ? 2 : 0));
  auto n = whole * pow10(decimals) + fraction;
  if (auto r = from_wide(negative ? -n : n, scale)) return r;
  return fail(first_digit, message("number.too-large"), message("number.limit"));
}

std::optional<Rational> parse_number(std::string_view text, NumberProblem& problem) {
  auto folded = fold_fullwidth(text);
  auto r = parse_folded(folded, problem);
  if (!r) problem.offset = folded.original_offset(problem.offset);
  return r;
}

}  // namespace

std::string percent_text(const Rational& fraction) { return (fraction * 100).to_string() + "%"; }

Rational parse_rational(std::string_view text) {
  NumberProblem problem;
  if (auto r = parse_number(text, problem)) return *r;
  throw Error(message("number.invalid", {{"text", text}, {"problem", problem.message}}));
}

std::optional<Rational> try_parse_rational(std::string_view text) {
  NumberProblem problem;
  return parse_number(text, problem);
}

Rational parse_rational(std::string_view text, const Location& where) {
  NumberProblem problem;
  if (auto r = parse_number(text, problem)) return *r;
  throw input_error("D301", where.advanced(text, problem.offset), {{"problem", problem.message}, {"advice", problem.hint}});
}

}  // namespace dacu
