#include "dacu/base/money.hpp"

#include "dacu/base/messages.hpp"

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
  throw RangeError(message("range.money", {{"what", what}, {"limit", kLimit}}));
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
  if (fen < -kMaxFen) out_of_range(message("money.fen", {{"fen", fen}}));
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
  if (!fen) throw Error(message("money.not-whole-fen", {{"yuan", yuan}}));
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
  if (whole.fen_ == 0) throw Error(message("money.divide-by-zero", {{"amount", part}}));
  return Rational(part.fen_, whole.fen_);
}

Money multiply(Money amount, const Rational& factor, Rounding rounding) {
  auto fen = divide_to_fen(Wide(amount.fen()) * factor.numerator(), factor.denominator(), rounding);
  if (!fen) {
    throw Error(message("money.product-not-whole-fen", {{"amount", amount}, {"factor", factor}}));
  }
  if (!in_range(*fen)) out_of_range(fmt::format("{} × {}", amount, factor));
  return Money::from_fen(static_cast<std::int64_t>(*fen));
}

namespace {

constexpr std::string_view kYuanSign = "¥";      // U+00A5
constexpr std::string_view kWideYuanSign = "￥";  // U+FFE5, what Chinese input methods type
constexpr std::string_view kYuan = "元";
constexpr std::string_view kIdeographicSpace = "\u3000";
constexpr ValueWords kAmountWords{"amount.the", "amount.a", "amount.examples", "amount.limit", "1,800,000.00"};

// Reads the folded text; problems are at offsets of the folded text (the callers map them back).
std::optional<Money> read_amount(const FoldedText& folded, Rounding rounding, FormProblem& problem) {
  const std::string_view text = folded.text;
  auto fail = [&](std::size_t at, std::string what, std::string hint = {}, bool foreign = false) {
    problem = FormProblem{at, std::move(what), hint.empty() ? message("amount.examples") : std::move(hint), foreign};
    return std::nullopt;
  };
  auto skip = [&](std::size_t& at, std::string_view word) {
    if (text.substr(at).starts_with(word)) {
      at += word.size();
      return true;
    }
    return false;
  };

  if (text.empty()) return fail(0, message("value.empty", {{"the", message("amount.the")}}));
  std::size_t i = 0;
  bool negative = false;
  if (text[i] == '-' || text[i] == '+') negative = text[i++] == '-';
  bool currency = skip(i, kYuanSign) || skip(i, kWideYuanSign);
  if (currency && i < text.size() && (text[i] == '-' || text[i] == '+')) {
    return fail(i, message("amount.sign-after-yuan"), message("amount.sign-first"));
  }
  // A space between the sign, the number and 元 (129 元, ￥ 129) is the one slip that looks like a
  // listed form: say to remove it rather than list the forms.
  auto is_space = [&](std::size_t at) {
    return at < text.size() && (text[at] == ' ' || text[at] == '\t' || text.substr(at).starts_with(kIdeographicSpace));
  };
  auto space_at = [&](std::size_t at) {
    std::string joined;
    for (std::size_t k = 0; k < folded.original.size();) {
      auto c = utf8::char_at(folded.original, k);
      if (c != " " && c != "\t" && c != kIdeographicSpace) joined += c;
      k += c.empty() ? 1 : c.size();
    }
    return fail(at, message("amount.space"), message("amount.remove-space", {{"amount", joined}}), true);
  };
  auto d = scan_decimal(folded, i, kAmountWords, problem);
  if (!d) return is_space(problem.offset) ? space_at(problem.offset) : std::nullopt;
  i = d->end;
  skip(i, kYuan);
  if (is_space(i)) return space_at(i);
  if (i < text.size()) {
    return fail(i, message("value.unexpected", {{"character", folded.original_char(i)}, {"a", message("amount.a")}}), {}, true);
  }

  bool wan = d->wan;
  std::size_t first_digit = d->first_digit, fraction_start = d->fraction_start, fraction_end = d->fraction_end;
  Wide whole = d->whole;
  // Decimals that fit in whole fen: 2 for 元, 6 for 万元.
  std::size_t exact_decimals = wan ? 6 : 2;
  auto significant_end = fraction_end;  // trailing zeros are not fractions of a fen
  while (significant_end > fraction_start && text[significant_end - 1] == '0') --significant_end;
  Wide fen = whole;
  for (std::size_t k = 0; k < exact_decimals; ++k) {
    auto at = fraction_start + k;
    fen = fen * 10 + (at < fraction_end ? text[at] - '0' : 0);
  }
  if (significant_end > fraction_start + exact_decimals) {
    auto first_extra = fraction_start + exact_decimals;
    if (rounding == Rounding::none) {
      return fail(first_extra, message("amount.fractions-of-fen"),
                  wan ? message("amount.fen-wan") : message("amount.fen-decimals"));
    }
    // Half up needs only the first dropped digit: 5-9 rounds the magnitude up.
    if (text[first_extra] >= '5') ++fen;
  }
  if (negative) fen = -fen;
  if (!in_range(fen)) {
    return fail(first_digit, message("value.too-large", {{"the", message("amount.the")}}), message("amount.limit"));
  }
  return Money::from_fen(static_cast<std::int64_t>(fen));
}

}  // namespace

std::optional<Money> parse_money(std::string_view text, Rounding rounding, FormProblem& problem) {
  auto folded = fold_fullwidth(text);
  auto amount = read_amount(folded, rounding, problem);
  if (!amount) problem.offset = folded.original_offset(problem.offset);
  return amount;
}

Money parse_money(std::string_view text, Rounding rounding) {
  FormProblem problem;
  if (auto amount = parse_money(text, rounding, problem)) return *amount;
  throw Error(message("amount.invalid", {{"text", text}, {"problem", problem.message}}));
}

std::optional<Money> try_parse_money(std::string_view text, Rounding rounding) {
  FormProblem problem;
  return parse_money(text, rounding, problem);
}

Money parse_money(std::string_view text, Rounding rounding, const Location& where) {
  FormProblem problem;
  if (auto amount = parse_money(text, rounding, problem)) return *amount;
  throw input_error("D300", where.advanced(text, problem.offset), {{"problem", problem.message}, {"advice", problem.hint}});
}

}  // namespace dacu
