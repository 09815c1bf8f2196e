#include "dacu/base/expr.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "dacu/base/utf8.hpp"

namespace dacu {

namespace {

constexpr std::array<std::string_view, 5> kFunctions = {"ceil", "floor", "round", "min", "max"};


struct Token {
  enum class Type { end, number, name, plus, minus, times, divide, open, close, comma, other };
  Type type = Type::end;
  std::size_t offset = 0;
  std::size_t length = 0;
};

// The code point at `offset` and its length in bytes (the text is known to be valid UTF-8).
std::pair<char32_t, std::size_t> code_point_at(std::string_view text, std::size_t offset) {
  auto cp = utf8::code_point_at(text, offset);
  return {cp.value, cp.bytes};
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Names are runs of letters in any script (CJK included), digits and '_', not starting with a digit.
bool is_name_start(char32_t c) {
  if (c == U'_' || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) return true;
  return c >= 0x80 && utf8::is_letter(c);
}

bool is_name_char(char32_t c) { return is_name_start(c) || is_digit(c); }

int precedence(Expr::Kind kind) {
  switch (kind) {
    case Expr::Kind::add:
    case Expr::Kind::subtract:
      return 1;
    case Expr::Kind::multiply:
    case Expr::Kind::divide:
      return 2;
    case Expr::Kind::negate:
      return 3;
    default:
      return 4;
  }
}

class Parser {
 public:
  Parser(std::string_view text, const Location& where) : text_(text), where_(where) {}

  Expr parse() {
    check_input();
    if (peek().type == Token::Type::end) {
      fail("D310.empty", 0);
    }
    auto expr = parse_sum();
    expect(Token::Type::end, message("expr.expected-operator-or-end"));
    return expr;
  }

 private:
  [[noreturn]] void fail(std::string_view key, std::size_t offset, MessageArgs args = {}) const {
    throw input_error(key, where_.advanced(text_, offset), args);
  }

  Location location(std::size_t offset) const { return where_.advanced(text_, offset); }

  std::string_view token_text(const Token& token) const { return text_.substr(token.offset, token.length); }

  [[noreturn]] void unexpected(const Token& token, std::string_view expected) const {
    if (token.type == Token::Type::end) fail("D310.unexpected-end", token.offset, {{"expected", expected}});
    fail("D310.unexpected", token.offset, {{"token", token_text(token)}, {"expected", expected}});
  }

  void expect(Token::Type type, std::string_view expected) {
    auto token = peek();
    if (token.type != type) unexpected(token, expected);
    advance(token);
  }

  void check_input() const {
    if (auto bad = utf8::find_invalid(text_); bad != std::string_view::npos) {
      fail("D310.utf8", bad);
    }
    std::size_t offset = 0;
    for (std::size_t chars = 0; offset < text_.size(); ++chars) {
      if (chars == max_expr_length) {
        fail("D313.long", offset, {{"limit", max_expr_length}});
      }
      offset += code_point_at(text_, offset).second;
    }
  }

  // The next token, without consuming it; spaces (ASCII and the ideographic space) separate tokens.
  Token peek() {
    while (pos_ < text_.size()) {
      auto [c, n] = code_point_at(text_, pos_);
      if (c != U' ' && c != U'\t' && c != U'\u3000') break;
      pos_ += n;
    }
    Token token{Token::Type::end, pos_, 0};
    if (pos_ >= text_.size()) return token;
    auto [c, n] = code_point_at(text_, pos_);
    token.length = n;
    switch (c) {
      case U'+': token.type = Token::Type::plus; return token;
      case U'-': token.type = Token::Type::minus; return token;
      case U'*': case U'×': token.type = Token::Type::times; return token;
      case U'/': case U'÷': token.type = Token::Type::divide; return token;
      // Full-width brackets and commas are what a Chinese input method types: take them as meant.
      case U'(': case U'（': token.type = Token::Type::open; return token;
      case U')': case U'）': token.type = Token::Type::close; return token;
      case U',': case U'，': token.type = Token::Type::comma; return token;
      default: break;
    }
    if (is_digit(c)) {
      token.type = Token::Type::number;
      token.length = number_length(pos_);
    } else if (is_name_start(c)) {
      token.type = Token::Type::name;
      auto end = pos_;
      while (end < text_.size()) {
        auto [d, m] = code_point_at(text_, end);
        if (!is_name_char(d)) break;
        end += m;
      }
      token.length = end - pos_;
    } else {
      token.type = Token::Type::other;
    }
    return token;
  }

  void advance(const Token& token) { pos_ = token.offset + token.length; }

  // digits [. digits] [% | 万]
  std::size_t number_length(std::size_t start) const {
    auto end = start;
    auto digit_at = [&](std::size_t at) { return at < text_.size() && is_digit(static_cast<unsigned char>(text_[at])); };
    while (digit_at(end)) ++end;
    if (end < text_.size() && text_[end] == '.') {
      if (!digit_at(end + 1)) {
        Token after{Token::Type::other, end + 1, 0};
        if (end + 1 >= text_.size()) {
          after.type = Token::Type::end;
        } else {
          after.length = code_point_at(text_, end + 1).second;
        }
        unexpected(after, message("expr.expected-digit"));
      }
      ++end;
      while (digit_at(end)) ++end;
    }
    if (end < text_.size() && text_[end] == '%') {
      ++end;
    } else if (text_.substr(end).starts_with("万")) {
      end += std::string_view("万").size();
    }
    return end - start;
  }

  void enter(const Token& token) {
    if (++depth_ > max_expr_depth) {
      fail("D313.deep", token.offset, {{"limit", max_expr_depth}});
    }
  }

  Expr node(Expr::Kind kind, const Token& token, std::vector<Expr> operands = {}) const {
    Expr e;
    e.kind = kind;
    e.text = std::string(token_text(token));
    e.at = location(token.offset);
    e.operands = std::move(operands);
    return e;
  }

  // sum := product (('+' | '-') product)*
  Expr parse_sum() {
    auto left = parse_product();
    for (;;) {
      auto token = peek();
      if (token.type != Token::Type::plus && token.type != Token::Type::minus) return left;
      advance(token);
      auto right = parse_product();
      auto kind = token.type == Token::Type::plus ? Expr::Kind::add : Expr::Kind::subtract;
      left = node(kind, token, {std::move(left), std::move(right)});
    }
  }

  // product := unary (('*' | '×' | '/' | '÷') unary)*
  Expr parse_product() {
    auto left = parse_unary();
    for (;;) {
      auto token = peek();
      if (token.type != Token::Type::times && token.type != Token::Type::divide) return left;
      advance(token);
      auto right = parse_unary();
      auto kind = token.type == Token::Type::times ? Expr::Kind::multiply : Expr::Kind::divide;
      left = node(kind, token, {std::move(left), std::move(right)});
    }
  }

  // unary := '-' unary | primary
  Expr parse_unary() {
    auto token = peek();
    if (token.type != Token::Type::minus) return parse_primary();
    enter(token);
    advance(token);
    auto operand = parse_unary();
    --depth_;
    return node(Expr::Kind::negate, token, {std::move(operand)});
  }

  // primary := number | name | name '(' sum (',' sum)* ')' | '(' sum ')'
  Expr parse_primary() {
    auto token = peek();
    switch (token.type) {
      case Token::Type::number: {
        advance(token);
        auto e = node(Expr::Kind::number, token);
        e.value = number_value(token);
        return e;
      }
      case Token::Type::name: {
        advance(token);
        auto open = peek();
        if (open.type == Token::Type::open) return parse_call(token, open);
        return node(Expr::Kind::name, token);
      }
      case Token::Type::open: {
        enter(token);
        advance(token);
        auto inner = parse_sum();
        expect(Token::Type::close, message("expr.expected-close", {{"column", location(token.offset).column}}));
        --depth_;
        return inner;
      }
      default:
        unexpected(token, message("expr.expected-operand"));
    }
  }

  Expr parse_call(const Token& name, const Token& open) {
    auto function = token_text(name);
    if (std::find(kFunctions.begin(), kFunctions.end(), function) == kFunctions.end()) {
      std::vector<std::string> known(kFunctions.begin(), kFunctions.end());
      auto close = closest_match(function, known);
      fail("D310.function", name.offset,
           {{"function", function},
            {"advice", close.empty() ? message("expr.functions") : message("phrase.did-you-mean", {{"word", close}})}});
    }
    enter(open);
    advance(open);
    std::vector<Expr> arguments;
    for (;;) {
      arguments.push_back(parse_sum());
      auto token = peek();
      if (token.type == Token::Type::comma) {
        advance(token);
        continue;
      }
      expect(Token::Type::close, message("expr.expected-comma-or-close"));
      break;
    }
    --depth_;
    auto count = arguments.size();
    bool one = function == "ceil" || function == "floor";
    if ((one && count != 1) || (function == "round" && count > 2)) {
      fail(one ? "D310.one-argument" : "D310.round-arguments", name.offset, {{"function", function}, {"count", count}});
    }
    return node(Expr::Kind::call, name, std::move(arguments));
  }

  Rational number_value(const Token& token) const {
    auto written = token_text(token);
    bool wan = written.ends_with("万");
    if (wan) written.remove_suffix(std::string_view("万").size());
    try {
      if (auto value = try_parse_rational(written)) return wan ? *value * 10000 : *value;
    } catch (const RangeError&) {
      // 万 times a number near the limit: too large, as below
    }
    fail("D314.number", token.offset);
  }

  std::string_view text_;
  const Location& where_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

class Evaluator {
 public:
  Evaluator(const ExprLookup& lookup, const std::vector<std::string>* candidates)
      : lookup_(lookup), candidates_(candidates) {}

  Rational eval(const Expr& e) const {
    switch (e.kind) {
      case Expr::Kind::number:
        return e.value;
      case Expr::Kind::name: {
        if (auto value = lookup_(e.text)) return *value;
        auto hint = candidates_ ? suggestion(e.text, *candidates_) : std::string();
        if (hint.empty()) hint = message("expr.declare", {{"name", e.text}});
        throw input_error("D311", e.at, {{"name", e.text}, {"advice", hint}});
      }
      case Expr::Kind::negate:
        return -eval(e.operands[0]);
      case Expr::Kind::add:
      case Expr::Kind::subtract:
      case Expr::Kind::multiply:
      case Expr::Kind::divide:
        return binary(e);
      case Expr::Kind::call:
        return call(e);
    }
    return {};
  }

 private:
  Rational binary(const Expr& e) const {
    auto left = eval(e.operands[0]);
    auto right = eval(e.operands[1]);
    if (e.kind == Expr::Kind::divide && right.is_zero()) {
      const auto& divisor = e.operands[1];
      if (divisor.kind == Expr::Kind::number) throw input_error("D312", e.at);
      throw input_error("D312.named", e.at, {{"divisor", divisor.to_string()}});
    }
    return checked(e, [&] {
      switch (e.kind) {
        case Expr::Kind::add: return left + right;
        case Expr::Kind::subtract: return left - right;
        case Expr::Kind::multiply: return left * right;
        default: return left / right;
      }
    });
  }

  Rational call(const Expr& e) const {
    std::vector<Rational> args;
    for (const auto& operand : e.operands) args.push_back(eval(operand));
    if (e.text == "ceil") return args[0].ceil();
    if (e.text == "floor") return args[0].floor();
    if (e.text == "min") return *std::min_element(args.begin(), args.end());
    if (e.text == "max") return *std::max_element(args.begin(), args.end());
    // Only round is left: the parser accepts no other function.
    if (args.size() == 1) return args[0].round();
    const auto& decimals = args[1];
    if (!decimals.is_integer() || decimals < -18 || decimals > 18) {
      throw input_error("D315", e.operands[1].at, {{"decimals", decimals}});
    }
    return checked(e, [&] { return args[0].round_to(static_cast<int>(decimals.numerator())); });
  }

  // Runs an exact operation, locating an overflow at the operator or function that caused it.
  template <typename Operation>
  Rational checked(const Expr& e, Operation operation) const {
    try {
      return operation();
    } catch (const RangeError& error) {
      throw input_error("D314.result", e.at, {{"what", error.what()}});
    }
  }

  const ExprLookup& lookup_;
  const std::vector<std::string>* candidates_;
};

void collect_names(const Expr& e, std::vector<std::string>& names) {
  if (e.kind == Expr::Kind::name && std::find(names.begin(), names.end(), e.text) == names.end()) {
    names.push_back(e.text);
  }
  for (const auto& operand : e.operands) collect_names(operand, names);
}

}  // namespace

std::vector<std::string> Expr::names() const {
  std::vector<std::string> result;
  collect_names(*this, result);
  return result;
}

std::string Expr::to_string() const {
  switch (kind) {
    case Kind::number:
    case Kind::name:
      return text;
    case Kind::negate: {
      const auto& operand = operands[0];
      auto inner = operand.to_string();
      return precedence(operand.kind) < precedence(kind) ? fmt::format("-({})", inner) : "-" + inner;
    }
    case Kind::call: {
      std::string out = text + "(";
      for (std::size_t i = 0; i < operands.size(); ++i) {
        if (i) out += ", ";
        out += operands[i].to_string();
      }
      return out + ")";
    }
    default: {
      // Operators group to the left: a right operand of equal precedence keeps its parentheses.
      auto left = operands[0].to_string();
      auto right = operands[1].to_string();
      if (precedence(operands[0].kind) < precedence(kind)) left = "(" + left + ")";
      if (precedence(operands[1].kind) <= precedence(kind)) right = "(" + right + ")";
      return fmt::format("{} {} {}", left, text, right);
    }
  }
}

Expr parse_expr(std::string_view text, const Location& where) { return Parser(text, where).parse(); }

Rational evaluate(const Expr& expr, const ExprLookup& lookup) { return Evaluator(lookup, nullptr).eval(expr); }

Rational evaluate(const Expr& expr, const ExprLookup& lookup, const std::vector<std::string>& candidates) {
  return Evaluator(lookup, &candidates).eval(expr);
}

Rational evaluate(const Expr& expr, const std::map<std::string, Rational, std::less<>>& values) {
  std::vector<std::string> candidates;
  for (const auto& [name, value] : values) candidates.push_back(name);
  ExprLookup lookup = [&](std::string_view name) -> std::optional<Rational> {
    auto found = values.find(name);
    if (found == values.end()) return std::nullopt;
    return found->second;
  };
  return evaluate(expr, lookup, candidates);
}

}  // namespace dacu
