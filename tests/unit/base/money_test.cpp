#include <catch2/catch.hpp>

#include <limits>

#include "dacu/base/money.hpp"

using namespace dacu;

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

Money yuan(std::string_view text) { return parse_money(text, Rounding::none); }

template <typename Action>
std::string error_of(Action action) {
  try {
    action();
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

std::string parse_error(std::string_view text, Rounding rounding = Rounding::none) {
  return error_of([&] { parse_money(text, rounding); });
}

// The whole diagnostic for `text` written as the value of line 1, "金额: TEXT" (value at column 5).
std::string located_error(std::string_view text, Rounding rounding = Rounding::none) {
  auto file = make_source("b.yaml", fmt::format("金额: {}\n", text));
  try {
    parse_money(text, rounding, Location{file, 1, 5});
  } catch (const InputError& e) {
    return format_diagnostic(e.diagnostic());
  }
  return "no error";
}

}  // namespace

TEST_CASE("amounts parse to whole fen", "[money]") {
  CHECK(yuan("99").fen() == 9900);
  CHECK(yuan("99.9").fen() == 9990);
  CHECK(yuan("99.90").fen() == 9990);
  CHECK(yuan("0.01").fen() == 1);
  CHECK(yuan("99.900").fen() == 9990);  // trailing zeros are not fractions of a fen
  CHECK(yuan("-5").fen() == -500);
  CHECK(yuan("+5").fen() == 500);
  CHECK(yuan("-0").fen() == 0);
  CHECK(yuan("99元").fen() == 9900);
}

// Each form a Chinese user types (issue 17), and its exact value.
TEST_CASE("money reads the forms Chinese users type", "[money]") {
  CHECK(yuan("129").to_string() == "129.00");
  CHECK(yuan("129.5").to_string() == "129.50");
  CHECK(yuan("129元").to_string() == "129.00");
  CHECK(yuan("￥129").to_string() == "129.00");  // U+FFE5, what input methods type
  CHECK(yuan("¥129").to_string() == "129.00");   // U+00A5
  CHECK(yuan("1.8万").to_string() == "18000.00");
  CHECK(yuan("1.8万元").to_string() == "18000.00");
  CHECK(yuan("1,800").to_string() == "1800.00");
  CHECK(yuan("1，800").to_string() == "1800.00");
  CHECK(yuan("1，800，000.50").to_string() == "1800000.50");
  CHECK(yuan("１２９元").to_string() == "129.00");
  CHECK(yuan("１２９．５").to_string() == "129.50");
  CHECK(yuan("￥１，８００").to_string() == "1800.00");
  CHECK(yuan("－５").to_string() == "-5.00");
  CHECK(yuan("99元").to_string() == "99.00");
}

TEST_CASE("full-width forms are located where they were typed", "[money]") {
  CHECK(located_error("1，80") ==
        "dacu: error: b.yaml:1:9: thousands separator in the wrong place [D300]\n"
        " 1 | 金额: 1，80\n"
        "   |            ^\n"
        "hint: group the digits in threes, as in 1,800,000.00\n");
  CHECK(located_error("１２９块") ==
        "dacu: error: b.yaml:1:8: unexpected '块' in an amount [D300]\n"
        " 1 | 金额: １２９块\n"
        "   |             ^\n"
        "hint: write an amount such as 99.90, -5, 1.8万 or ¥1,800,000.00\n");
  CHECK(located_error("０．００５") ==
        "dacu: error: b.yaml:1:9: the amount has fractions of a fen [D300]\n"
        " 1 | 金额: ０．００５\n"
        "   |               ^\n"
        "hint: money is exact to the fen (0.01 元): write at most 2 decimals\n");
}

TEST_CASE("万 multiplies by ten thousand", "[money]") {
  CHECK(yuan("1.8万").to_string() == "18000.00");
  CHECK(yuan("180万").to_string() == "1800000.00");
  CHECK(yuan("1.8万元").to_string() == "18000.00");
  CHECK(yuan("1.23456万").to_string() == "12345.60");
  // Six decimals of 万 are still whole fen: 0.000001万 = 0.01 元.
  CHECK(yuan("1.234567万").to_string() == "12345.67");
  CHECK(yuan("1,800万").to_string() == "18000000.00");
  CHECK(yuan("-2.5万").to_string() == "-25000.00");
}

TEST_CASE("currency signs and thousands separators are read", "[money]") {
  CHECK(yuan("¥1,800,000.00").fen() == 180'000'000);
  CHECK(yuan("￥1,800,000.00").fen() == 180'000'000);
  CHECK(yuan("-¥5").fen() == -500);
  CHECK(yuan("1,000").fen() == 100'000);
  CHECK(yuan("999").fen() == 99'900);
  CHECK(yuan("12,345,678.9").fen() == 1'234'567'890);
}

TEST_CASE("fractions of a fen are refused unless a rounding rule is named", "[money]") {
  CHECK(parse_error("0.005") == "invalid amount '0.005': the amount has fractions of a fen");
  CHECK(parse_money("0.005", Rounding::half_up_to_fen).to_string() == "0.01");
  CHECK(parse_money("0.0049999", Rounding::half_up_to_fen).to_string() == "0.00");
  CHECK(parse_money("-0.005", Rounding::half_up_to_fen).to_string() == "-0.01");
  CHECK(parse_money("99.995", Rounding::half_up_to_fen).to_string() == "100.00");
  CHECK(parse_error("1.2345678万") == "invalid amount '1.2345678万': the amount has fractions of a fen");
  CHECK(parse_money("1.2345678万", Rounding::half_up_to_fen).to_string() == "12345.68");
  CHECK(parse_money("1.2345674万", Rounding::half_up_to_fen).to_string() == "12345.67");
}

TEST_CASE("malformed amounts are refused with plain messages", "[money]") {
  CHECK(parse_error("") == "invalid amount '': the amount is empty");
  CHECK(parse_error("1,80,000") == "invalid amount '1,80,000': thousands separator in the wrong place");
  CHECK(parse_error("1,8000") == "invalid amount '1,8000': thousands separator in the wrong place");
  CHECK(parse_error("1000,000") == "invalid amount '1000,000': thousands separator in the wrong place");
  CHECK(parse_error("1,000,") == "invalid amount '1,000,': thousands separator in the wrong place");
  CHECK(parse_error("1,00.5") == "invalid amount '1,00.5': thousands separator in the wrong place");
  CHECK(parse_error("1,,000") == "invalid amount '1,,000': thousands separator in the wrong place");
  CHECK(parse_error(",100") == "invalid amount ',100': unexpected ',' in an amount");
  CHECK(parse_error("1.000,5") == "invalid amount '1.000,5': unexpected ',' in an amount");
  CHECK(parse_error("¥-5") == "invalid amount '¥-5': the sign must come before ¥");
  CHECK(parse_error(".5") == "invalid amount '.5': the amount needs a digit before '.'");
  CHECK(parse_error("5.") == "invalid amount '5.': the amount ends too early");
  CHECK(parse_error("-") == "invalid amount '-': the amount ends too early");
  CHECK(parse_error("万") == "invalid amount '万': unexpected '万' in an amount");
  CHECK(parse_error("1万万") == "invalid amount '1万万': unexpected '万' in an amount");
  CHECK(parse_error("99 元") == "invalid amount '99 元': unexpected space in an amount");
  CHECK(parse_error("1e5") == "invalid amount '1e5': unexpected 'e' in an amount");
  CHECK(parse_error("1000000000000000000000") == "invalid amount '1000000000000000000000': the amount is too large");
}

TEST_CASE("a malformed amount in a file is located with a hint", "[money]") {
  CHECK(located_error("1,80,000") ==
        "dacu: error: b.yaml:1:9: thousands separator in the wrong place [D300]\n"
        " 1 | 金额: 1,80,000\n"
        "   |           ^\n"
        "hint: group the digits in threes, as in 1,800,000.00\n");
  CHECK(located_error("0.005") ==
        "dacu: error: b.yaml:1:9: the amount has fractions of a fen [D300]\n"
        " 1 | 金额: 0.005\n"
        "   |           ^\n"
        "hint: money is exact to the fen (0.01 元): write at most 2 decimals\n");
  CHECK(located_error("1.2345678万") ==
        "dacu: error: b.yaml:1:13: the amount has fractions of a fen [D300]\n"
        " 1 | 金额: 1.2345678万\n"
        "   |               ^\n"
        "hint: money is exact to the fen: write at most 6 decimals before 万\n");
  CHECK(located_error("¥1,8000") ==
        "dacu: error: b.yaml:1:11: thousands separator in the wrong place [D300]\n"
        " 1 | 金额: ¥1,8000\n"
        "   |             ^\n"
        "hint: group the digits in threes, as in 1,800,000.00\n");
  CHECK(located_error("99美元") ==
        "dacu: error: b.yaml:1:7: unexpected '美' in an amount [D300]\n"
        " 1 | 金额: 99美元\n"
        "   |         ^\n"
        "hint: write an amount such as 99.90, -5, 1.8万 or ¥1,800,000.00\n");
  CHECK(located_error("92233720368547758.08") ==
        "dacu: error: b.yaml:1:5: the amount is too large [D300]\n"
        " 1 | 金额: 92233720368547758.08\n"
        "   |       ^\n"
        "hint: amounts go up to ±92233720368547758.07 元\n");
  CHECK(located_error("0.005", Rounding::half_up_to_fen) == "no error");
  // A space typed between the number and its sign or unit gets told to go (issue 17), not the
  // list of forms, which all look like what was typed.
  CHECK(located_error("129 元") ==
        "dacu: error: b.yaml:1:8: unexpected space in an amount [D300]\n"
        " 1 | 金额: 129 元\n"
        "   |          ^\n"
        "hint: remove the space: write 129元\n");
  CHECK(located_error("￥ 129") ==
        "dacu: error: b.yaml:1:6: unexpected space in an amount [D300]\n"
        " 1 | 金额: ￥ 129\n"
        "   |         ^\n"
        "hint: remove the space: write ￥129\n");
  CHECK(located_error("1.8\u3000万") ==
        "dacu: error: b.yaml:1:8: unexpected space in an amount [D300]\n"
        " 1 | 金额: 1.8\u3000万\n"
        "   |          ^\n"
        "hint: remove the space: write 1.8万\n");
}

TEST_CASE("the largest amount formats and one fen more overflows", "[money]") {
  auto largest = Money::from_fen(kMax);
  CHECK(largest == Money::max());
  CHECK(largest.to_string() == "92233720368547758.07");
  CHECK(largest.format_grouped() == "92,233,720,368,547,758.07");
  CHECK(largest.format_wan() == "9223372036854.775807万");
  CHECK((-largest).to_string() == "-92233720368547758.07");
  CHECK(yuan("92233720368547758.07") == largest);
  CHECK(yuan("-92233720368547758.07") == -largest);
  CHECK(parse_error("92233720368547758.08") == "invalid amount '92233720368547758.08': the amount is too large");
  CHECK(parse_error("9223372036854.775808万") == "invalid amount '9223372036854.775808万': the amount is too large");
  CHECK(error_of([&] { largest + Money::from_fen(1); }) ==
        "92233720368547758.07 + 0.01 is out of the range of amounts (±92233720368547758.07)");
  CHECK(error_of([&] { -largest - Money::from_fen(1); }) ==
        "-92233720368547758.07 - 0.01 is out of the range of amounts (±92233720368547758.07)");
  CHECK(error_of([&] { largest * 2; }) ==
        "92233720368547758.07 × 2 is out of the range of amounts (±92233720368547758.07)");
  CHECK(error_of([] { Money::from_fen(std::numeric_limits<std::int64_t>::min()); }) ==
        "-9223372036854775808 fen is out of the range of amounts (±92233720368547758.07)");
  CHECK(error_of([] { Money::from_yuan(kMax / 10); }) ==
        "922337203685477580 元 is out of the range of amounts (±92233720368547758.07)");
}

TEST_CASE("money arithmetic is exact", "[money]") {
  CHECK((yuan("99") * 2000).to_string() == "198000.00");
  CHECK((2000 * yuan("99")) == yuan("198000"));
  CHECK(yuan("0.1") + yuan("0.2") == yuan("0.3"));
  CHECK(yuan("5") - yuan("7.5") == yuan("-2.5"));
  auto total = Money();
  total += yuan("100");
  total -= yuan("0.01");
  CHECK(total.to_string() == "99.99");
  CHECK(yuan("1") < yuan("1.01"));
  CHECK(Money::from_yuan(3) == yuan("3"));
  CHECK(yuan("99.90").yuan() == Rational(999, 10));
}

TEST_CASE("the ratio of two amounts is an exact rational", "[money]") {
  auto ratio = yuan("11990") / yuan("198000");
  CHECK(ratio == Rational(109, 1800));
  CHECK((ratio * 100).round_to(1).to_string() == "6.1");
  CHECK(error_of([] { yuan("1") / Money(); }) == "cannot divide 1.00 by an amount of 0.00");
}

TEST_CASE("multiplying by a rational needs a rounding rule only when fen split", "[money]") {
  CHECK(multiply(yuan("198000"), parse_rational("5%"), Rounding::none).to_string() == "9900.00");
  CHECK(error_of([] { multiply(yuan("0.99"), Rational(1, 2), Rounding::none); }) ==
        "0.99 × 0.5 is not a whole number of fen; name a rounding rule");
  CHECK(multiply(yuan("0.99"), Rational(1, 2), Rounding::half_up_to_fen).to_string() == "0.50");
  CHECK(multiply(yuan("-0.99"), Rational(1, 2), Rounding::half_up_to_fen).to_string() == "-0.50");
  CHECK(multiply(yuan("100"), Rational(1, 3), Rounding::half_up_to_fen).to_string() == "33.33");
  CHECK(error_of([] { multiply(Money::max(), Rational(3, 2), Rounding::half_up_to_fen); }) ==
        "92233720368547758.07 × 1.5 is out of the range of amounts (±92233720368547758.07)");
  CHECK(Money::from_yuan(Rational(1, 3), Rounding::half_up_to_fen).to_string() == "0.33");
  CHECK(error_of([] { Money::from_yuan(Rational(1, 3), Rounding::none); }) == "1/3 元 is not a whole number of fen");
}

TEST_CASE("amounts display plain grouped and in 万", "[money]") {
  auto amount = yuan("1800000");
  CHECK(amount.to_string() == "1800000.00");
  CHECK(amount.format_grouped() == "1,800,000.00");
  CHECK(amount.format_wan() == "180万");
  CHECK(yuan("18000").format_wan() == "1.8万");
  CHECK(yuan("123500").format_wan() == "12.35万");
  CHECK(yuan("0.01").format_wan() == "0.000001万");
  CHECK(Money().format_wan() == "0万");
  CHECK(yuan("-18000").format_wan() == "-1.8万");
  CHECK(yuan("-1234.5").format_grouped() == "-1,234.50");
  CHECK(yuan("999").format_grouped() == "999.00");
  CHECK(Money().to_string() == "0.00");
  CHECK(yuan("-0.05").to_string() == "-0.05");
}

TEST_CASE("money formats itself through fmt", "[money]") {
  CHECK(fmt::format("{}", yuan("99.9")) == "99.90");
  CHECK(fmt::format("[{:>10}]", yuan("99.9")) == "[     99.90]");
}
