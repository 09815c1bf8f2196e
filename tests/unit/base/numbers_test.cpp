// Numbers as people write them: full-width forms, counts (件数, 人数), yes or no.

#include <catch2/catch.hpp>

#include "dacu/base/numbers.hpp"
#include "dacu/base/rational.hpp"

#include <limits>

using namespace dacu;

namespace {

// "VALUE" or "@OFFSET message | hint" for what parse_count makes of `text`.
std::string count(std::string_view text, std::string_view unit = {}) {
  FormProblem problem;
  if (auto n = parse_count(text, unit, problem)) return std::to_string(*n);
  return "@" + std::to_string(problem.offset) + " " + problem.message + " | " + problem.hint;
}

const std::string kLimit = "counts go up to 9223372036854775807 (922337203685477.5807万), the largest whole number dacu holds";

}  // namespace

TEST_CASE("fold_fullwidth reads full-width digits and signs as ASCII and keeps where each came from", "[numbers]") {
  auto folded = fold_fullwidth("２０２６－１２／２０ １０：３０，１．５＋％");
  CHECK(folded.text == "2026-12/20 10:30,1.5+%");
  CHECK(folded.original_offset(0) == 0);
  CHECK(folded.original_offset(1) == 3);
  CHECK(folded.original_offset(10) == 30);  // the ASCII space
  CHECK(folded.original_offset(folded.text.size()) == std::string_view("２０２６－１２／２０ １０：３０，１．５＋％").size());
  CHECK(folded.original_char(4) == "－");
  // Letters, the full-width space and other full-width signs stay as they are.
  CHECK(fold_fullwidth("Ｔ　（件）￥").text == "Ｔ　（件）￥");
  CHECK(fold_fullwidth("团购价99元").text == "团购价99元");
  CHECK(fold_fullwidth("").text.empty());
}

TEST_CASE("counts read plain, grouped, 万 and full-width forms", "[numbers]") {
  CHECK(count("3000") == "3000");
  CHECK(count("3,000") == "3000");
  CHECK(count("3，000") == "3000");
  CHECK(count("1,234,567") == "1234567");
  CHECK(count("0.3万") == "3000");
  CHECK(count("1.8万") == "18000");
  CHECK(count("12万") == "120000");
  CHECK(count("1.2345万") == "12345");
  CHECK(count("３０００") == "3000");
  CHECK(count("３，０００") == "3000");
  CHECK(count("3000.00") == "3000");  // trailing zeros are not a fraction
  CHECK(count("-5") == "-5");
  CHECK(count("+5") == "5");
  CHECK(count("0") == "0");
}

TEST_CASE("a count may end with the unit of its field", "[numbers]") {
  CHECK(count("3000件", "件") == "3000");
  CHECK(count("1.2万件", "件") == "12000");
  CHECK(count("3,000件", "件") == "3000");
  CHECK(count("3000个", "件") == "@4 '个' is not the unit of this count | the count is in 件: write 3000 or 3000件");
  CHECK(count("3000件") == "@4 unexpected '件' in a count | write a whole number such as 3000, 3,000 or 0.3万");
  CHECK(count("3000pcs", "件") == "@4 'pcs' is not the unit of this count | the count is in 件: write 3000 or 3000件");
  CHECK(count("3000%", "件") ==
        "@4 unexpected '%' in a count | write a whole number such as 3000, 3,000 or 0.3万 (in 件)");
}

TEST_CASE("a count that is not whole or not grouped in threes says why", "[numbers]") {
  CHECK(count("0.00003万") ==
        "@0 0.00003万 is 0.3, not a whole number | a count is a whole number: with 万 write at most 4 decimals (0.3万 is 3000)");
  CHECK(count("1000000000000000000.00005万") ==
        "@0 1000000000000000000.00005万 is not a whole number | a count is a whole number: with 万 write at most 4 decimals (0.3万 is 3000)");
  CHECK(count("1000000.000000000001万") ==
        "@0 1000000.000000000001万 is 10000000000.00000001, not a whole number | a count is a whole number: with 万 write at most 4 decimals (0.3万 is 3000)");
  CHECK(count("1.5") == "@0 1.5 is not a whole number | a count is whole: write it without decimals");
  CHECK(count("3,00") == "@4 thousands separator in the wrong place | group the digits in threes, as in 3,000");
  CHECK(count("30,00") == "@5 thousands separator in the wrong place | group the digits in threes, as in 3,000");
  CHECK(count("3，00") == "@6 thousands separator in the wrong place | group the digits in threes, as in 3,000");
  CHECK(count(",300") == "@0 unexpected ',' in a count | write a whole number such as 3000, 3,000 or 0.3万");
  CHECK(count("三千") == "@0 unexpected '三' in a count | write a whole number such as 3000, 3,000 or 0.3万");
  CHECK(count("") == "@0 the count is empty | write a whole number such as 3000, 3,000 or 0.3万");
  CHECK(count("3.") == "@2 the count ends too early | write a whole number such as 3000, 3,000 or 0.3万");
  CHECK(count(".5万") == "@0 the count needs a digit before '.' | write 0.5, not .5");
  CHECK(count("10000000000000000000") == "@0 the count is too large | " + kLimit);
  CHECK(count("1000000000000000万") == "@0 the count is too large | " + kLimit);
  CHECK(try_parse_count("3,000") == 3000);
  CHECK_FALSE(try_parse_count("3000%"));
}

TEST_CASE("counts go up to the int64 range, the same limit plain and with 万", "[numbers]") {
  // Issue 17: scan_decimal stopped at 10^18, so 9223372036854775807 was "too large" by a hint that
  // named it as the limit, while 922337203685477.5807万, the same count, was read.
  CHECK(count("9223372036854775807") == "9223372036854775807");
  CHECK(count("9,223,372,036,854,775,807") == "9223372036854775807");
  CHECK(count("2000000000000000000") == "2000000000000000000");
  CHECK(count("1000000000000000001") == "1000000000000000001");
  CHECK(count("922337203685477.5807万") == "9223372036854775807");
  CHECK(count("-9223372036854775807") == "-9223372036854775807");
  CHECK(count("９２２３３７２０３６８５４７７５８０７") == "9223372036854775807");
  CHECK(count("9223372036854775808") == "@0 the count is too large | " + kLimit);
  CHECK(count("922337203685477.5808万") == "@0 the count is too large | " + kLimit);
  CHECK(count("-9223372036854775808") == "@1 the count is too large | " + kLimit);
  CHECK(count("18446744073709551616") == "@0 the count is too large | " + kLimit);
  CHECK(count("99999999999999999999999999") == "@0 the count is too large | " + kLimit);
}

TEST_CASE("a ratio shown as a percent is rounded before the ×100, so any exact ratio shows", "[numbers]") {
  // 费用占比 of a 0.01 元 sale against 92233720368547758.07 元 of cost: ×100 used to overflow.
  CHECK(format_percent(Rational(-9223372036854775806, 9223372036854775807), 2) == "-100.00%");
  CHECK(format_percent(Rational(9223372036854775807), 2) == "922337203685477580700.00%");
  CHECK(format_percent(Rational(std::numeric_limits<std::int64_t>::max(), 3), 1) == "307445734561825860233.3%");
  CHECK(format_fixed(Rational(-1, 1000), 2) == "0.00");
  CHECK(format_fixed(Rational(-5, 1000), 2) == "-0.01");
  CHECK(format_percent(Rational(1, 8), 1) == "12.5%");
  CHECK(format_percent(Rational(-1, 3), 0) == "-33%");
}
