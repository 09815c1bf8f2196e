#pragma once
/// Formulas in templates (budget lines, staffing models): a small, safe expression language.
///
/// Numbers (3, 1.5, 5%, 1.8万), parameter names (日订单量, 活动效果系数, price_1), + - * / and
/// × ÷, unary minus, parentheses and the functions ceil, floor, round(x) / round(x, decimals),
/// min and max. Nothing else: no code runs, nesting and length are bounded, and evaluation is
/// exact (Rational), never floating point.
///
///   auto e = parse_expr("ceil(日订单量 × 活动效果系数 / 人效)", where);
///   e.names();        // {"日订单量", "活动效果系数", "人效"}: check them against the parameters
///   evaluate(e, {{"日订单量", 3000}, {"活动效果系数", parse_rational("1.5")}, {"人效", 400}});  // 12
///
/// Error codes: D310 syntax, D311 unknown name, D312 division by zero, D313 too deeply nested or
/// too long, D314 a number or result too large to be exact, D315 a bad function argument.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/base/rational.hpp"

namespace dacu {

/// A parsed formula: a tree of values. Every node remembers where its token sits in the input.
struct Expr {
  enum class Kind { number, name, negate, add, subtract, multiply, divide, call };

  Kind kind = Kind::number;
  /// The token as written: a number ("1.8万", "5%"), a name, a function name, or the operator
  /// ("×" or "*", "÷" or "/", "-" for negate), so that to_string() shows what the author wrote.
  std::string text = "0";
  Rational value;               ///< a number's value
  std::vector<Expr> operands;   ///< negate: 1; add, subtract, multiply, divide: 2; call: arguments
  Location at;                  ///< where `text` starts in the input

  /// The names the formula uses, each once, in order of first appearance (function names are not
  /// included).
  std::vector<std::string> names() const;
  /// The formula written back with single spaces around binary operators and only the
  /// parentheses it needs: "ceil(订单量 × 活动效果系数 / 人效)". Parses to the same tree.
  std::string to_string() const;

  friend bool operator==(const Expr&, const Expr&) = default;
};

/// Longest formula accepted, in characters.
inline constexpr std::size_t max_expr_length = 1000;
/// Deepest nesting of parentheses, function calls and unary minus signs accepted.
inline constexpr int max_expr_depth = 64;

/// Parses `text`, which starts at `where`. Throws InputError D310 at the offending character for
/// a syntax error (the hint says what was expected), D313 when too long or too deeply nested,
/// D314 for a number too large to be exact.
Expr parse_expr(std::string_view text, const Location& where);

/// Gives a name's value, or nullopt when the name is unknown.
using ExprLookup = std::function<std::optional<Rational>(std::string_view name)>;

/// The exact value of `expr`. Throws InputError, located at the name or operator: D311 for a name
/// `lookup` does not know, D312 for division by zero, D314 when a result is too large, D315 for
/// round() decimals that are not a whole number in [-18, 18].
Rational evaluate(const Expr& expr, const ExprLookup& lookup);

/// As above; an unknown name's hint suggests the closest of `candidates` ("did you mean 人效?").
Rational evaluate(const Expr& expr, const ExprLookup& lookup, const std::vector<std::string>& candidates);

/// As above, with values from a map whose keys are also the candidates for suggestions.
Rational evaluate(const Expr& expr, const std::map<std::string, Rational, std::less<>>& values);

}  // namespace dacu
