#include <catch2/catch.hpp>

#include "dacu/base/expr.hpp"

using namespace dacu;

namespace {

using Values = std::map<std::string, Rational, std::less<>>;

// Every formula sits on line 1 of f.yaml as "公式: TEXT", so its first character is column 5.
struct Formula {
  std::shared_ptr<const SourceFile> file;
  Location where;

  explicit Formula(std::string_view text)
      : file(make_source("f.yaml", fmt::format("公式: {}\n", text))),
        where{file, 1, 5} {}
};

Expr parse(std::string_view text) { return parse_expr(text, Formula(text).where); }

Rational value(std::string_view text, const Values& values = {}) { return evaluate(parse(text), values); }

Diagnostic parse_diagnostic(const Formula& formula, std::string_view text) {
  try {
    parse_expr(text, formula.where);
  } catch (const InputError& e) {
    return e.diagnostic();
  }
  return {};
}

Diagnostic parse_diagnostic(std::string_view text) { return parse_diagnostic(Formula(text), text); }

std::string parse_error(std::string_view text) { return format_diagnostic(parse_diagnostic(text)); }

std::string evaluate_error(std::string_view text, const Values& values = {}) {
  Formula formula(text);
  try {
    evaluate(parse_expr(text, formula.where), values);
  } catch (const InputError& e) {
    return format_diagnostic(e.diagnostic());
  }
  return "no error";
}

std::string repeat(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("multiplication binds tighter than addition and both group to the left", "[expr]") {
  CHECK(value("1 + 2 * 3") == 7);
  CHECK(value("(1 + 2) * 3") == 9);
  CHECK(value("10 - 4 - 3") == 3);
  CHECK(value("8 / 2 / 2") == 2);
  CHECK(value("2 * 3 / 4") == Rational(3, 2));
  CHECK(value("6 ÷ 4 × 2") == 3);
  CHECK(value("1+2*3") == 7);
}

TEST_CASE("unary minus applies to the next operand", "[expr]") {
  CHECK(value("-2 * 3") == -6);
  CHECK(value("-(2 + 3)") == -5);
  CHECK(value("2 - -3") == 5);
  CHECK(value("--4") == 4);
  CHECK(value("2 * -3") == -6);
}

TEST_CASE("numbers may be decimals percentages or 万", "[expr]") {
  CHECK(value("1.5") == Rational(3, 2));
  CHECK(value("5%") == Rational(1, 20));
  CHECK(value("198000 × 5%") == 9900);
  CHECK(value("1.8万") == 18000);
  CHECK(value("1.8万 × 2") == 36000);
  CHECK(value("0.1 + 0.2") == Rational(3, 10));
}

TEST_CASE("Chinese parameter names are read and evaluated exactly", "[expr]") {
  Values values{{"订单量", 3000}, {"活动效果系数", Rational(3, 2)}, {"人效", 400}};
  CHECK(value("ceil(订单量 × 活动效果系数 / 人效)", values) == 12);
  CHECK(value("订单量 × 活动效果系数 / 人效", values) == Rational(45, 4));
  Values mixed{{"price_1", 99}, {"件数2", 2000}, {"_x", 1}};
  CHECK(value("price_1 * 件数2 + _x", mixed) == 198001);
}

TEST_CASE("functions round exactly", "[expr]") {
  CHECK(value("ceil(10 / 3)") == 4);
  CHECK(value("floor(10 / 3)") == 3);
  CHECK(value("floor(-10 / 3)") == -4);
  CHECK(value("round(2.5)") == 3);
  CHECK(value("round(-2.5)") == -3);
  CHECK(value("round(2 / 3, 2)") == Rational(67, 100));
  CHECK(value("round(12345, -3)") == 12000);
  CHECK(value("min(3, 1, 2)") == 1);
  CHECK(value("max(3, 1.5 * 4, 2)") == 6);
  CHECK(value("min(7)") == 7);
}

TEST_CASE("full-width brackets commas and spaces from Chinese input methods are accepted", "[expr]") {
  CHECK(value("max（1，2）") == 2);
  CHECK(value("1\u3000+\u30002") == 3);
}

TEST_CASE("an expression lists the names it uses once each in order", "[expr]") {
  auto e = parse("ceil(订单量 × 活动效果系数 / 人效) + 订单量 / max(人效, 1)");
  CHECK(e.names() == std::vector<std::string>{"订单量", "活动效果系数", "人效"});
  CHECK(parse("ceil(3)").names().empty());
}

TEST_CASE("an expression writes itself back as it was written", "[expr]") {
  CHECK(parse("ceil(订单量 × 活动效果系数 / 人效)").to_string() == "ceil(订单量 × 活动效果系数 / 人效)");
  CHECK(parse("ceil( 订单量×活动效果系数/人效 )").to_string() == "ceil(订单量 × 活动效果系数 / 人效)");
  CHECK(parse("1.8万 * 5% + 1.50").to_string() == "1.8万 * 5% + 1.50");
  CHECK(parse("a - (b - c)").to_string() == "a - (b - c)");
  CHECK(parse("a + (b + c)").to_string() == "a + (b + c)");
  CHECK(parse("(a - b) - c").to_string() == "a - b - c");
  CHECK(parse("(a + b) * c").to_string() == "(a + b) * c");
  CHECK(parse("a / (b * c)").to_string() == "a / (b * c)");
  CHECK(parse("-(a + b)").to_string() == "-(a + b)");
  CHECK(parse("-a * -b").to_string() == "-a * -b");
  CHECK(parse("((a))").to_string() == "a");
  CHECK(parse("min(a,b , c)").to_string() == "min(a, b, c)");
  CHECK(parse("max（1，2）").to_string() == "max(1, 2)");
  for (auto text : {"a - (b - c) / (d + -e) * f", "round(-(x + 1) / 3, 2)", "min(1, max(2, a ÷ b))"}) {
    auto once = parse(text).to_string();
    CHECK(parse(once).to_string() == once);
    CHECK(evaluate(parse(once), Values{{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}, {"e", 5}, {"f", 6}, {"x", 7}}) ==
          evaluate(parse(text), Values{{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}, {"e", 5}, {"f", 6}, {"x", 7}}));
  }
}

TEST_CASE("expressions are values", "[expr]") {
  auto e = parse("1 + a");
  auto copy = e;
  CHECK(copy == e);
  CHECK(copy.kind == Expr::Kind::add);
  CHECK(copy.text == "+");
  CHECK(copy.at.column == 7);
  CHECK(copy.operands.at(1).kind == Expr::Kind::name);
  CHECK(copy.operands.at(1).at.column == 9);
  copy.operands.at(1).text = "b";
  CHECK_FALSE(copy == e);
}

TEST_CASE("a lookup function supplies values and candidates for suggestions", "[expr]") {
  auto e = parse("日订单量 / 人效");
  ExprLookup lookup = [](std::string_view name) -> std::optional<Rational> {
    if (name == "日订单量") return Rational(3000);
    if (name == "人效") return Rational(400);
    return std::nullopt;
  };
  CHECK(evaluate(e, lookup) == Rational(15, 2));
  CHECK(evaluate(e, lookup, {"日订单量", "人效"}) == Rational(15, 2));
}

TEST_CASE("syntax errors point at the character and say what was expected", "[expr]") {
  CHECK(parse_error("") ==
        "dacu: error: f.yaml:1:5: empty expression [D310]\n"
        " 1 | 公式: \n"
        "   |       ^\n"
        "hint: write a number, a name or a formula such as ceil(日订单量 / 人效)\n");
  CHECK(parse_error("1 +") ==
        "dacu: error: f.yaml:1:8: unexpected end of expression [D310]\n"
        " 1 | 公式: 1 +\n"
        "   |          ^\n"
        "hint: expected a number, a name, a function call or '('\n");
  CHECK(parse_error("1 +* 2") ==
        "dacu: error: f.yaml:1:8: unexpected '*' [D310]\n"
        " 1 | 公式: 1 +* 2\n"
        "   |          ^\n"
        "hint: expected a number, a name, a function call or '('\n");
  CHECK(parse_error("订单量 人效") ==
        "dacu: error: f.yaml:1:9: unexpected '人效' [D310]\n"
        " 1 | 公式: 订单量 人效\n"
        "   |              ^\n"
        "hint: expected an operator (+ - × ÷) or the end of the expression\n");
  CHECK(parse_error("3万件") ==
        "dacu: error: f.yaml:1:7: unexpected '件' [D310]\n"
        " 1 | 公式: 3万件\n"
        "   |          ^\n"
        "hint: expected an operator (+ - × ÷) or the end of the expression\n");
  CHECK(parse_error("(1 + 2") ==
        "dacu: error: f.yaml:1:11: unexpected end of expression [D310]\n"
        " 1 | 公式: (1 + 2\n"
        "   |             ^\n"
        "hint: expected an operator or ')' to close the '(' at column 5\n");
  CHECK(parse_error("1 + 2)") ==
        "dacu: error: f.yaml:1:10: unexpected ')' [D310]\n"
        " 1 | 公式: 1 + 2)\n"
        "   |            ^\n"
        "hint: expected an operator (+ - × ÷) or the end of the expression\n");
  CHECK(parse_error("max(1 2)") ==
        "dacu: error: f.yaml:1:11: unexpected '2' [D310]\n"
        " 1 | 公式: max(1 2)\n"
        "   |             ^\n"
        "hint: expected an operator, ',' or ')'\n");
  CHECK(parse_error("max()") ==
        "dacu: error: f.yaml:1:9: unexpected ')' [D310]\n"
        " 1 | 公式: max()\n"
        "   |           ^\n"
        "hint: expected a number, a name, a function call or '('\n");
  CHECK(parse_error("2 ^ 3") ==
        "dacu: error: f.yaml:1:7: unexpected '^' [D310]\n"
        " 1 | 公式: 2 ^ 3\n"
        "   |         ^\n"
        "hint: expected an operator (+ - × ÷) or the end of the expression\n");
  CHECK(parse_error("1.") ==
        "dacu: error: f.yaml:1:7: unexpected end of expression [D310]\n"
        " 1 | 公式: 1.\n"
        "   |         ^\n"
        "hint: expected a digit after the decimal point\n");
  CHECK(parse_error("1.x") ==
        "dacu: error: f.yaml:1:7: unexpected 'x' [D310]\n"
        " 1 | 公式: 1.x\n"
        "   |         ^\n"
        "hint: expected a digit after the decimal point\n");
}

TEST_CASE("unknown functions and wrong argument counts are syntax errors", "[expr]") {
  CHECK(parse_error("cei(2)") ==
        "dacu: error: f.yaml:1:5: unknown function cei [D310]\n"
        " 1 | 公式: cei(2)\n"
        "   |       ^\n"
        "hint: did you mean ceil?\n");
  CHECK(parse_error("2 × 订单量(1 + 5%)") ==
        "dacu: error: f.yaml:1:9: unknown function 订单量 [D310]\n"
        " 1 | 公式: 2 × 订单量(1 + 5%)\n"
        "   |           ^\n"
        "hint: the functions are ceil, floor, round, min and max; write × to multiply\n");
  CHECK(parse_error("ceil(1, 2)") ==
        "dacu: error: f.yaml:1:5: ceil takes 1 argument, not 2 [D310]\n"
        " 1 | 公式: ceil(1, 2)\n"
        "   |       ^\n"
        "hint: write ceil(x)\n");
  CHECK(parse_error("1 + round(1, 2, 3)") ==
        "dacu: error: f.yaml:1:9: round takes 1 or 2 arguments, not 3 [D310]\n"
        " 1 | 公式: 1 + round(1, 2, 3)\n"
        "   |           ^\n"
        "hint: write round(x) or round(x, decimals)\n");
}

TEST_CASE("invalid UTF-8 in an expression is located", "[expr]") {
  auto d = parse_diagnostic("1 + \xff");
  CHECK(d.code == "D310");
  CHECK(d.where.column == 9);
  CHECK(d.message == "invalid UTF-8 in expression");
  CHECK(d.hint == "save the file as UTF-8");
}

TEST_CASE("nesting and length are bounded", "[expr]") {
  auto deepest = repeat("(", max_expr_depth) + "1" + repeat(")", max_expr_depth);
  CHECK(value(deepest) == 1);
  auto hundred = repeat("(", 100) + "1" + repeat(")", 100);
  Formula formula(hundred);
  // The 65th '(' is one level too many: column 5 + 64.
  CHECK(parse_diagnostic(formula, hundred) ==
        Diagnostic{Severity::error, "D313", Location{formula.file, 1, 69}, "expression nested too deeply",
                   "the limit is 64 levels of parentheses, function calls and minus signs", {}, {}, {}, {}});
  auto calls = repeat("ceil(", 65) + "1" + repeat(")", 65);
  CHECK(parse_diagnostic(calls).where.column == 5 + 64 * 5 + 4);
  auto minus = repeat("-", 65) + "1";
  CHECK(parse_diagnostic(minus).where.column == 69);

  auto longest = "1" + repeat("+1", (static_cast<int>(max_expr_length) - 1) / 2);
  CHECK(longest.size() == max_expr_length - 1);
  CHECK(value(longest) == 500);
  auto too_long = repeat("人", static_cast<int>(max_expr_length) + 1);
  Formula long_formula(too_long);
  CHECK(parse_diagnostic(long_formula, too_long) ==
        Diagnostic{Severity::error, "D313", Location{long_formula.file, 1, 1005}, "expression too long",
                   "the limit is 1000 characters; split it into parameters", {}, {}, {}, {}});
}

TEST_CASE("unknown names are located and the closest parameter is suggested", "[expr]") {
  Values values{{"日订单量", 3000}, {"人效", 400}};
  CHECK(evaluate_error("ceil(日订单 / 人效)", values) ==
        "dacu: error: f.yaml:1:10: unknown name 日订单 [D311]\n"
        " 1 | 公式: ceil(日订单 / 人效)\n"
        "   |            ^\n"
        "hint: did you mean 日订单量?\n");
  CHECK(evaluate_error("ceil(日订单量 / 系数)", values) ==
        "dacu: error: f.yaml:1:17: unknown name 系数 [D311]\n"
        " 1 | 公式: ceil(日订单量 / 系数)\n"
        "   |                       ^\n"
        "hint: expected one of: 人效, 日订单量\n");
  Formula formula("x + 1");
  ExprLookup nothing = [](std::string_view) -> std::optional<Rational> { return std::nullopt; };
  try {
    evaluate(parse_expr("x + 1", formula.where), nothing);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.diagnostic() == Diagnostic{Severity::error, "D311", Location{formula.file, 1, 5}, "unknown name x",
                                       "declare x as a parameter, or correct the spelling", {}, {}, {}, {}});
  }
}

TEST_CASE("division by zero is located at the operator", "[expr]") {
  CHECK(evaluate_error("订单量 / (人效 - 400)", Values{{"订单量", 3000}, {"人效", 400}}) ==
        "dacu: error: f.yaml:1:9: division by zero: 人效 - 400 is 0 [D312]\n"
        " 1 | 公式: 订单量 / (人效 - 400)\n"
        "   |              ^\n"
        "hint: the divisor must not be 0\n");
  CHECK(evaluate_error("1 ÷ 0") ==
        "dacu: error: f.yaml:1:7: division by zero [D312]\n"
        " 1 | 公式: 1 ÷ 0\n"
        "   |         ^\n"
        "hint: the divisor must not be 0\n");
}

TEST_CASE("numbers and results too large to be exact are located", "[expr]") {
  CHECK(evaluate_error("9223372036854775807 + 1") ==
        "dacu: error: f.yaml:1:25: 9223372036854775807 + 1 is too large to compute exactly [D314]\n"
        " 1 | 公式: 9223372036854775807 + 1\n"
        "   |                           ^\n"
        "hint: exact numbers go up to 9223372036854775807\n");
  CHECK(parse_error("2 * 9223372036854775808") ==
        "dacu: error: f.yaml:1:9: number too large to be exact [D314]\n"
        " 1 | 公式: 2 * 9223372036854775808\n"
        "   |           ^\n"
        "hint: numbers go up to 9223372036854775807 with at most 18 decimals\n");
  CHECK(parse_error("1000000000000000万").substr(0, 61) ==
        "dacu: error: f.yaml:1:5: number too large to be exact [D314]\n");
}

TEST_CASE("round decimals must be a whole number in range", "[expr]") {
  CHECK(evaluate_error("round(1, 1.5)") ==
        "dacu: error: f.yaml:1:14: round takes a whole number of decimals from -18 to 18, not 1.5 [D315]\n"
        " 1 | 公式: round(1, 1.5)\n"
        "   |                ^\n"
        "hint: write round(x, 2) for cents, round(x, -3) for thousands\n");
}
