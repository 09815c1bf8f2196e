#include <catch2/catch.hpp>

#include <limits>

#include "dacu/base/rational.hpp"

using namespace dacu;

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

// The message of the Error that `action` throws, or "no error".
template <typename Action>
std::string error_of(Action action) {
  try {
    action();
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

std::string located_error(std::string_view text) {
  auto file = make_source("t.yaml", fmt::format("系数: {}\n", text));
  try {
    parse_rational(text, Location{file, 1, 5});
  } catch (const InputError& e) {
    return format_diagnostic(e.diagnostic());
  }
  return "no error";
}

}  // namespace

TEST_CASE("rationals are kept in lowest terms with a positive denominator", "[rational]") {
  Rational r(6, -4);
  CHECK(r.numerator() == -3);
  CHECK(r.denominator() == 2);
  CHECK(Rational(0, -7) == Rational(0));
  CHECK(Rational(2, 4) == Rational(1, 2));
  CHECK(Rational(5).is_integer());
  CHECK_FALSE(Rational(5, 2).is_integer());
}

TEST_CASE("rational arithmetic is exact", "[rational]") {
  CHECK(Rational(1, 3) + Rational(1, 6) == Rational(1, 2));
  CHECK(Rational(1, 3) - Rational(1, 2) == Rational(-1, 6));
  CHECK(Rational(2, 3) * Rational(9, 4) == Rational(3, 2));
  CHECK(Rational(2, 3) / Rational(4, 9) == Rational(3, 2));
  CHECK(-Rational(1, 2) == Rational(-1, 2));
  // 0.1 + 0.2 is 0.3, unlike in binary floating point.
  CHECK(parse_rational("0.1") + parse_rational("0.2") == parse_rational("0.3"));
  Rational sum;
  for (int i = 0; i < 10; ++i) sum += Rational(1, 10);
  CHECK(sum == 1);
}

TEST_CASE("the 11990 of 198000 cost ratio is exact", "[rational]") {
  auto ratio = Rational(11990) / Rational(198000);
  CHECK(ratio == Rational(109, 1800));
  CHECK(ratio.to_string() == "109/1800");
  CHECK(ratio.round_to(4).to_string() == "0.0606");
  CHECK((ratio * 100).round_to(2).to_string() == "6.06");
}

TEST_CASE("rationals compare by value", "[rational]") {
  CHECK(Rational(1, 3) < Rational(1, 2));
  CHECK(Rational(-1, 2) < Rational(-1, 3));
  CHECK(Rational(2, 4) == Rational(1, 2));
  // Cross products beyond 64 bits still compare exactly.
  CHECK(Rational(kMax, kMax - 1) < Rational(kMax - 1, kMax - 2));
  CHECK(Rational(3) >= 3);
}

TEST_CASE("floor ceil and round go the right way for negatives", "[rational]") {
  CHECK(Rational(7, 2).floor() == 3);
  CHECK(Rational(7, 2).ceil() == 4);
  CHECK(Rational(-7, 2).floor() == -4);
  CHECK(Rational(-7, 2).ceil() == -3);
  CHECK(Rational(6).ceil() == 6);
  CHECK(Rational(5, 2).round() == 3);
  CHECK(Rational(-5, 2).round() == -3);
  CHECK(Rational(7, 3).round() == 2);
  CHECK(Rational(-7, 3).round() == -2);
  CHECK(Rational(12345, 1000).round_to(2) == Rational(1235, 100));
  CHECK(Rational(-12345, 1000).round_to(2) == Rational(-1235, 100));
  CHECK(Rational(1, 3).round_to(3).to_string() == "0.333");
  CHECK(Rational(1850).round_to(-2) == 1900);
  CHECK(Rational(-1849).round_to(-2) == -1800);
  CHECK(error_of([] { Rational(1).round_to(19); }) == "cannot round to 19 decimal places (the range is -18 to 18)");
}

TEST_CASE("rationals show as exact decimals when they end and as fractions otherwise", "[rational]") {
  CHECK(Rational(3).to_string() == "3");
  CHECK(Rational(-3, 2).to_string() == "-1.5");
  CHECK(Rational(1, 16).to_string() == "0.0625");
  CHECK(Rational(-1, 3).to_string() == "-1/3");
  CHECK(Rational(0).to_string() == "0");
  CHECK(fmt::format("[{:>6}]", Rational(1, 4)) == "[  0.25]");
  CHECK(Rational(1, 4).to_double() == 0.25);
}

TEST_CASE("rationals parse from decimal text and percentages", "[rational]") {
  CHECK(parse_rational("1.5") == Rational(3, 2));
  CHECK(parse_rational("20%") == Rational(1, 5));
  CHECK(parse_rational("0.5%") == Rational(1, 200));
  CHECK(parse_rational("-3") == -3);
  CHECK(parse_rational("+3") == 3);
  CHECK(parse_rational("1.50000000000000000000000") == Rational(3, 2));
  CHECK(parse_rational("0.000000000000000001") == Rational(1, 1'000'000'000'000'000'000));
  CHECK(parse_rational("9223372036854775807") == kMax);
  CHECK(parse_rational("-9223372036854775807") == -kMax);
}

TEST_CASE("full-width digits and signs are read as their ASCII forms", "[rational]") {
  CHECK(parse_rational("１．５") == Rational(3, 2));
  CHECK(parse_rational("２０％") == Rational(1, 5));
  CHECK(parse_rational("－３") == -3);
  CHECK(error_of([] { parse_rational("1．5．3"); }) == "invalid number '1．5．3': unexpected '．' in a number");
  CHECK(located_error("１．５倍") ==
        "dacu: error: t.yaml:1:8: unexpected '倍' in a number [D301]\n"
        " 1 | 系数: １．５倍\n"
        "   |             ^\n"
        "hint: write a number such as 3, 1.5, -2 or 20%\n");
}

TEST_CASE("malformed numbers are refused with plain messages", "[rational]") {
  CHECK(error_of([] { parse_rational(""); }) == "invalid number '': empty number");
  CHECK(error_of([] { parse_rational("1.5.3"); }) == "invalid number '1.5.3': unexpected '.' in a number");
  CHECK(error_of([] { parse_rational("1."); }) == "invalid number '1.': the number ends too early");
  CHECK(error_of([] { parse_rational(".5"); }) == "invalid number '.5': unexpected '.' in a number");
  CHECK(error_of([] { parse_rational(" 1"); }) == "invalid number ' 1': unexpected ' ' in a number");
  CHECK(error_of([] { parse_rational("1e3"); }) == "invalid number '1e3': unexpected 'e' in a number");
  CHECK(error_of([] { parse_rational("9223372036854775808"); }) ==
        "invalid number '9223372036854775808': the number is too large");
  CHECK(error_of([] { parse_rational("0.0000000000000000001"); }) ==
        "invalid number '0.0000000000000000001': the number has more than 18 decimals");
}

TEST_CASE("a malformed number in a file is located at the offending character", "[rational]") {
  CHECK(located_error("1.5倍") ==
        "dacu: error: t.yaml:1:8: unexpected '倍' in a number [D301]\n"
        " 1 | 系数: 1.5倍\n"
        "   |          ^\n"
        "hint: write a number such as 3, 1.5, -2 or 20%\n");
}

TEST_CASE("overflow is an error never a wrapped number", "[rational]") {
  CHECK(error_of([] { Rational(kMax) + 1; }) == "9223372036854775807 + 1 is too large to compute exactly");
  CHECK(error_of([] { Rational(-kMax) - 1; }) == "-9223372036854775807 - 1 is too large to compute exactly");
  CHECK(error_of([] { Rational(kMax) * 2; }) == "9223372036854775807 × 2 is too large to compute exactly");
  CHECK(error_of([] { Rational(kMax) / Rational(1, 2); }) == "9223372036854775807 ÷ 0.5 is too large to compute exactly");
  CHECK(error_of([] { Rational(1, kMax) + Rational(1, kMax - 1); }) ==
        "1/9223372036854775807 + 1/9223372036854775806 is too large to compute exactly");
  CHECK(error_of([] { (void)Rational(std::numeric_limits<std::int64_t>::min()); }) ==
        "-9223372036854775808 is too large to compute exactly");
  // Results that reduce back into range are fine even when the intermediate products are not.
  CHECK(Rational(kMax, 3) * Rational(3, kMax) == 1);
  CHECK(Rational(kMax) - Rational(kMax) == 0);
}

TEST_CASE("division by zero throws", "[rational]") {
  CHECK(error_of([] { Rational(1) / Rational(0); }) == "division by zero: 1 ÷ 0");
  CHECK(error_of([] { (void)Rational(1, 0); }) == "division by zero: 1/0");
}
