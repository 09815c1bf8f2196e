#include "dacu/base/money.hpp"

#include <optional>

#include "dacu/base/numbers.hpp"
#include "dacu/base/utf8.hpp"

namespace dacu {

namespace {

// 128 bits hold any product of two 64-bit values: compute exactly, then check the range once.
__extension__ typedef __int128 Wide;

constexpr std::int64_t kMaxFen = std::numeric_limits<std::int64_t>::max();
constexpr std::string_view kLimit = "±92233720368547758.07";

bool in_range(Wide fen) { return fen >= -Wide(kMaxFen) && fen <= Wide(kMaxFen); }

[[noreturn]] void out_of_range(std::string_view what) {
  throw RangeError(fmt::format("{} is out of the range of amounts ({})", what, kLimit));
}

// n / d in whole fen (d > 0); nullopt when it has fractions of a fen and rounding is none.
std::optional<Wide> divide_to_fen(Wide n, Wide d, Rounding rounding) {
  if (n % d == 0) return n / d;
  if (rounding == Rounding::none) return std::nullopt;
  Wide magnitude = n < 0 ? -n : n;
  Wide q = (magnitude * 2 + d) / (d * 2);  // halves away from zero
  return n < 0 ? -q : q;
}

std::string plain_digits(std::uint64_t value) { return std::to_string(value); }

std::string grouped_digits(std::uint64_t value) {
  // Magnitudes here are at most INT64_MAX fen, so the cast is exact.
  return group_thousands(static_cast<std::int64_t>(value));
}

// Sign, then whole 元 written by `whole`, then the two fen digits.
template <typename WholeDigits>
std::string with_fen(std::int64_t fen, WholeDigits whole) {
  // fen >= -INT64_MAX, so the magnitude fits.
  auto magnitude = static_cast<std::uint64_t>(fen < 0 ? -fen : fen);
  return fmt::format("{}{}.{:02}", fen < 0 ? "-" : "", whole(magnitude / 100), magnitude % 100);
}

}  // namespace

Money Money::from_fen(std::int64_t fen) {
  if (fen < -kMaxFen) out_of_range(fmt::format("{} fen", fen));
  return Money(fen);
}

Money Money::from_yuan(std::int64_t yuan) {
  std::int64_t fen = 0;
  if (__builtin_mul_overflow(yuan, std::int64_t{100}, &fen) || fen < -kMaxFen) {
    out_of_range(fmt::format("{} 元", yuan));
  }
  return Money(fen);
}

Money Money::from_yuan(const Rational& yuan, Rounding rounding) {
  auto fen = divide_to_fen(Wide(yuan.numerator()) * 100, yuan.denominator(), rounding);
  if (!fen) throw Error(fmt::format("{} 元 is not a whole number of fen", yuan));
  if (!in_range(*fen)) out_of_range(fmt::format("{} 元", yuan));
  return Money(static_cast<std::int64_t>(*fen));
}

std::string Money::to_string() const { return with_fen(fen_, plain_digits); }

std::string Money::format_grouped() const { return with_fen(fen_, grouped_digits); }

std::string Money::format_wan() const {
  auto magnitude = static_cast<std::uint64_t>(fen_ < 0 ? -fen_ : fen_);
  // 1万元 = 1,000,000 fen: six decimals always show the amount exactly.
  auto decimals = fmt::format("{:06}", magnitude % 1'000'000);
  while (!decimals.empty() && decimals.back() == '0') decimals.pop_back();
  return fmt::format("{}{}{}{}万", fen_ < 0 ? "-" : "", magnitude / 1'000'000, decimals.empty() ? "" : ".",
                     decimals);
}

Money operator+(Money a, Money b) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a.fen_, b.fen_, &sum) || sum < -kMaxFen) {
    out_of_range(fmt::format("{} + {}", a, b));
  }
  return Money(sum);
}

Money operator-(Money a, Money b) {
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(a.fen_, b.fen_, &difference) || difference < -kMaxFen) {
    out_of_range(fmt::format("{} - {}", a, b));
  }
  return Money(difference);
}

Money operator*(Money amount, std::int64_t factor) {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(amount.fen_, factor, &product) || product < -kMaxFen) {
    out_of_range(fmt::format("{} × {}", amount, factor));
  }
  return Money(product);
}

Rational operator/(Money part, Money whole) {
  if (whole.fen_ == 0) throw Error(fmt::format("cannot divide {} by an amount of 0.00", part));
  return Rational(part.fen_, whole.fen_);
}

Money multiply(Money amount, const Rational& factor, Rounding rounding) {
  auto fen = divide_to_fen(Wide(amount.fen()) * factor.numerator(), factor.denominator(), rounding);
  if (!fen) {
    throw Error(fmt::format("{} × {} is not a whole number of fen; name a rounding rule", amount, factor));
  }
  if (!in_range(*fen)) out_of_range(fmt::format("{} × {}", amount, factor));
  return Money::from_fen(static_cast<std::int64_t>(*fen));
}

namespace {

struct AmountProblem {
  std::size_t offset = 0;
  std::string message;
  std::string hint;
};

constexpr std::string_view kExamples = "write an amount such as 99.90, -5, 1.8万 or ¥1,800,000.00";
constexpr std::string_view kGrouping = "group the digits in threes, as in 1,800,000.00";
constexpr std::string_view kYuanSign = "¥";      // U+00A5
constexpr std::string_view kWideYuanSign = "￥";  // U+FFE5, what Chinese input methods type
constexpr std::string_view kWan = "万";
constexpr std::string_view kYuan = "元";


std::optional<Money> parse_amount(std::string_view text, Rounding rounding, AmountProblem& problem) {
  auto fail = [&](std::size_t at, std::string message, std::string_view hint = kExamples) {
    problem = AmountProblem{at, std::move(message), std::string(hint)};
    return std::nullopt;
  };
  auto unexpected = [&](std::size_t at) -> std::optional<Money> {
    if (at >= text.size()) return fail(at, "the amount ends too early");
    return fail(at, fmt::format("unexpected '{}' in an amount", utf8::char_at(text, at)));
  };
  auto is_digit = [&](std::size_t at) { return at < text.size() && text[at] >= '0' && text[at] <= '9'; };
  auto skip = [&](std::size_t& at, std::string_view word) {
    if (text.substr(at).starts_with(word)) {
      at += word.size();
      return true;
    }
    return false;
  };

  if (text.empty()) return fail(0, "the amount is empty");
  std::size_t i = 0;
  bool negative = false;
  if (text[i] == '-' || text[i] == '+') negative = text[i++] == '-';
  bool currency = skip(i, kYuanSign) || skip(i, kWideYuanSign);
  if (currency && i < text.size() && (text[i] == '-' || text[i] == '+')) {
    return fail(i, "the sign must come before ¥", "write -¥5.00, not ¥-5.00");
  }
  if (i < text.size() && text[i] == '.') {
    return fail(i, "the amount needs a digit before '.'", "write 0.5, not .5");
  }
  if (!is_digit(i)) return unexpected(i);

  // The whole part, with optional thousands separators: a first group of 1-3 digits, then
  // groups of exactly 3. A wrongly placed separator is reported where the grouping breaks.
  std::size_t first_digit = i;
  Wide whole = 0;
  bool grouped = false;
  int group = 0;
  for (;; ++i) {
    if (is_digit(i)) {
      if (grouped && group == 3) return fail(i, "thousands separator in the wrong place", kGrouping);
      ++group;
      whole = whole * 10 + (text[i] - '0');
      // Beyond 10^18 元 no amount fits; stopping here keeps the arithmetic below in 128 bits.
      if (whole > Wide(1'000'000'000'000'000'000)) {
        return fail(first_digit, "the amount is too large", fmt::format("amounts go up to {} 元", kLimit));
      }
    } else if (i < text.size() && text[i] == ',') {
      if (group == 0 || group > 3 || (grouped && group != 3)) {
        return fail(i, "thousands separator in the wrong place", kGrouping);
      }
      grouped = true;
      group = 0;
    } else {
      break;
    }
  }
  if (grouped && group != 3) return fail(i, "thousands separator in the wrong place", kGrouping);

  std::size_t fraction_start = i, fraction_end = i;
  if (i < text.size() && text[i] == '.') {
    fraction_start = fraction_end = ++i;
    if (!is_digit(i)) return unexpected(i);
    while (is_digit(fraction_end)) ++fraction_end;
    i = fraction_end;
  }
  bool wan = skip(i, kWan);
  skip(i, kYuan);
  if (i < text.size()) return unexpected(i);

  // Decimals that fit in whole fen: 2 for 元, 6 for 万元.
  std::size_t exact_decimals = wan ? 6 : 2;
  auto significant_end = fraction_end;  // trailing zeros are not fractions of a fen
  while (significant_end > fraction_start && text[significant_end - 1] == '0') --significant_end;
  Wide fen = whole;
  for (std::size_t d = 0; d < exact_decimals; ++d) {
    auto at = fraction_start + d;
    fen = fen * 10 + (at < fraction_end ? text[at] - '0' : 0);
  }
  if (significant_end > fraction_start + exact_decimals) {
    auto first_extra = fraction_start + exact_decimals;
    if (rounding == Rounding::none) {
      return fail(first_extra, "the amount has fractions of a fen",
                  wan ? "money is exact to the fen: write at most 6 decimals before 万"
                      : "money is exact to the fen (0.01 元): write at most 2 decimals");
    }
    // Half up needs only the first dropped digit: 5-9 rounds the magnitude up.
    if (text[first_extra] >= '5') ++fen;
  }
  if (negative) fen = -fen;
  if (!in_range(fen)) {
    return fail(first_digit, "the amount is too large", fmt::format("amounts go up to {} 元", kLimit));
  }
  return Money::from_fen(static_cast<std::int64_t>(fen));
}

}  // namespace

Money parse_money(std::string_view text, Rounding rounding) {
  AmountProblem problem;
  if (auto amount = parse_amount(text, rounding, problem)) return *amount;
  throw Error(fmt::format("invalid amount '{}': {}", text, problem.message));
}

std::optional<Money> try_parse_money(std::string_view text, Rounding rounding) {
  AmountProblem problem;
  return parse_amount(text, rounding, problem);
}

Money parse_money(std::string_view text, Rounding rounding, const Location& where) {
  AmountProblem problem;
  if (auto amount = parse_amount(text, rounding, problem)) return *amount;
  throw InputError("D300", where.advanced(text, problem.offset), problem.message, problem.hint);
}

}  // namespace dacu
