#include "dacu/input/reader_support.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <array>

#include "dacu/base/money.hpp"
#include "dacu/input/budget_reader.hpp"
#include "dacu/base/numbers.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/input/slips.hpp"

namespace dacu::reader {

Located located(const yaml::Node& node, std::string_view what) {
  return Located{yaml::scalar(node, what), node.where};
}

std::string optional_text(const yaml::Fields& fields, std::string_view key) {
  const auto* node = fields.find(key);
  return node ? yaml::scalar(*node, key) : std::string();
}

void check_header(const yaml::Fields& top, std::string_view expected_kind) {
  const auto* version = top.find("dacu");
  if (!version) throw input_error("D006.missing-version", top.node().where);
  if (yaml::scalar(*version, "dacu") != "1") {
    throw input_error("D006.unsupported-version", version->where, {{"version", version->value}});
  }
  const auto& kind = top.require("kind");
  const auto& k = yaml::scalar(kind, "kind");
  if (!expected_kind.empty() && k != expected_kind) {
    if (expected_kind == "template") throw input_error("D006.extends-campaign", kind.where, {{"kind", k}});
    throw input_error("D006.expected-kind", kind.where, {{"expected", expected_kind}, {"kind", k}});
  }
}

std::string first_place(const Location& other, const Location& here) {
  if (other.file_name() == here.file_name()) return message("reader.line", {{"line", other.line}});
  return fmt::format("{}:{}", other.file_name(), other.line);
}

std::string parameter_type_name(ParameterType t) {
  switch (t) {
    case ParameterType::number: return message("type.number");
    case ParameterType::integer: return message("type.integer");
    case ParameterType::percent: return message("type.percent");
    case ParameterType::money: return message("type.money");
    case ParameterType::string: return message("type.string");
    case ParameterType::date: return message("type.date");
    case ParameterType::boolean: return message("type.bool");
  }
  return "?";
}

std::optional<Rational> try_parameter_number(const Parameter& p, std::string_view value) {
  // Whether a % is there is asked of the folded text: ％ is a %, so 150％ is no number and ２０％ is
  // a percentage (issue 17: the raw text let 150％ through as 1.5 and refused ２０％).
  const auto folded = fold_fullwidth(value);
  const std::string_view text = folded.text;
  switch (p.type) {
    case ParameterType::number:
      if (text.find('%') == std::string_view::npos) return try_parse_rational(value);
      return std::nullopt;
    case ParameterType::integer:
      if (auto count = try_parse_count(value, p.unit)) return Rational(*count);
      return std::nullopt;
    case ParameterType::percent:
      if (text.ends_with("%")) return try_parse_rational(value);
      return std::nullopt;
    case ParameterType::money:
      if (auto amount = try_parse_money(value, Rounding::none)) return amount->yuan();
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

std::optional<Rational> read_parameter_value(const Parameter& p, std::string_view value, const Location& where) {
  std::string expected;
  bool fits = false;
  std::optional<Rational> number;
  switch (p.type) {
    case ParameterType::number: expected = message("reader.a-number"); break;
    case ParameterType::integer: expected = message("reader.a-whole-number"); break;
    case ParameterType::percent: expected = message("reader.a-percentage"); break;
    case ParameterType::money: expected = message("reader.an-amount"); break;
    case ParameterType::date:
      fits = parse_date(value).has_value();
      if (!fits) {
        auto advice = date_advice(value, message("reader.write-date"));
        throw input_error("D051.date-parameter", where,
                          {{"name", p.name}, {"value", value}, {"problem", advice.problem}, {"advice", advice.hint}});
      }
      break;
    case ParameterType::boolean:
      expected = yes_no_forms();
      fits = parse_yes_no(value).has_value();
      break;
    case ParameterType::string:
      fits = true;
      break;
  }
  if (is_numeric(p.type)) {
    number = try_parameter_number(p, value);
    fits = number.has_value();
  }
  // Text that starts as a count or an amount but is not one (0.00003万, 3,00, 1.2万个, 99.999元)
  // says what is wrong with it; text that does not start as one gets the form to write.
  FormProblem problem;
  bool why = false;
  if (!fits && p.type == ParameterType::integer) why = !parse_count(value, p.unit, problem);
  if (!fits && p.type == ParameterType::money) why = !parse_money(value, Rounding::none, problem);
  if (why && !(problem.offset == 0 && problem.foreign_character)) {
    throw input_error("D051.parameter-form", where,
                      {{"name", p.name}, {"type", parameter_type_name(p.type)}, {"value", value}, {"problem", problem.message},
                       {"advice", problem.hint}});
  }
  if (!fits) {
    if (p.type != ParameterType::string) slips::check_value(value, where, message("reader.parameter", {{"name", p.name}}));
    throw input_error("D051.parameter-type", where,
                      {{"name", p.name}, {"type", parameter_type_name(p.type)}, {"value", value}, {"expected", expected}});
  }
  if (number) check_parameter_range(p, *number, value, where);
  return number;
}

void check_parameter_range(const Parameter& p, const Rational& value, std::string_view shown, const Location& where) {
  auto text = [&](const Rational& r) { return p.type == ParameterType::percent ? percent_text(r) : r.to_string(); };
  bool counts = p.type == ParameterType::integer || p.type == ParameterType::money;
  auto lowest = p.min ? p.min : counts ? std::optional<Rational>(0) : std::nullopt;
  if (lowest && value < *lowest) {
    std::string hint;
    if (p.min && p.max) {
      hint = message("reader.allows-from-to", {{"name", p.name}, {"min", text(*p.min)}, {"max", text(*p.max)}, {"line", p.min_where.line}});
    } else if (p.min) {
      hint = message("reader.allows-from", {{"name", p.name}, {"min", text(*p.min)}, {"line", p.min_where.line}});
    } else if (p.type == ParameterType::money) {
      hint = message("reader.money-not-negative", {{"name", p.name}, {"type", parameter_type_name(p.type)}});
    } else {
      hint = message("reader.count-not-negative", {{"name", p.name}, {"type", parameter_type_name(p.type)}});
    }
    throw input_error("D096.below", where, {{"name", p.name}, {"value", shown}, {"min", text(*lowest)}, {"advice", hint}});
  }
  if (p.max && value > *p.max) {
    throw input_error("D096.above", where, {{"name", p.name}, {"value", shown}, {"max", text(*p.max)}, {"line", p.max_where.line}});
  }
}

std::chrono::minutes read_clock(const yaml::Node& node) {
  auto clock = parse_clock(node.value);
  if (!node.is_scalar() || !clock) {
    if (node.is_scalar()) slips::check_value(node.value, node.text_where(), message("reader.clock-time"));
    throw input_error("D020.clock-time", node.where, {{"value", node.value}});
  }
  return *clock;
}

bool read_bool(const yaml::Node& node, std::string_view what) {
  const auto& text = yaml::scalar(node, what);
  if (auto yes = parse_yes_no(text)) return *yes;
  throw input_error("D004.yes-no", node.where, {{"what", what}, {"value", text}, {"forms", yes_no_forms()}});
}

Roll read_roll(const yaml::Node& node) {
  const auto& text = yaml::scalar(node, "roll");
  if (text == "顺延" || text == "next") return Roll::next;
  if (text == "提前" || text == "previous") return Roll::previous;
  if (text == "none" || text == "不顺延") return Roll::none;
  throw input_error("D004.roll-rule", node.where, {{"value", text}});
}

std::chrono::seconds read_duration(const yaml::Node& node, std::string_view what) {
  const auto& text = yaml::scalar(node, what);
  auto d = parse_duration(text);
  if (!d) {
    slips::check_value(text, node.text_where(), what);
    throw input_error("D023.not-duration", node.where, {{"value", text}});
  }
  if (d->count() < 0) throw input_error("D023.negative-duration", node.where);
  return *d;
}

LocalDateTime read_datetime(std::string_view text, const Location& where, std::string_view what) {
  // A UTC offset may follow the time, to say which of a repeated hour is meant (plan/timeline.hpp).
  auto value = parse_datetime_with_offset(text);
  if (!value) {
    slips::check_value(text, where, what);
    if (text.find('+') != std::string_view::npos || text.find('Z') != std::string_view::npos) {
      throw input_error("D020.date-time-offset", where, {{"what", what}, {"value", text}});
    }
    auto advice = date_advice(text, message("reader.write-date-time"));
    throw input_error("D020.date-time", where, {{"what", what}, {"value", text}, {"problem", advice.problem}, {"advice", advice.hint}});
  }
  // Calendars, ICS and Excel all hold these years; a date outside them is a typo in the year.
  auto year = static_cast<int>(date::year_month_day{date::floor<date::days>(value->at)}.year());
  if (year < 1970 || year > 2999) {
    throw input_error("D027.date-time-year", where, {{"what", what}, {"value", text}});
  }
  return *value;
}

Offset read_offset(const yaml::Node& node, std::string_view what, std::span<const std::string> milestones) {
  const auto& text = yaml::scalar(node, what);
  // The scalar's column points at its first character; quoted scalars start one later.
  Location at = node.where;
  if (node.quoted && at.known()) at.column += 1;
  return parse_offset(text, at, milestones);
}

void check_timezone(const Located& zone) {
  check_zone_name(zone.value, zone.where);
  try {
    (void)date::locate_zone(zone.value);
  } catch (const std::runtime_error&) {  // date's "not found"; not bad_alloc, which is no unknown zone
    throw input_error("D021.unknown-zone", zone.where, {{"zone", zone.value}});
  }
}

void check_formula_names(const Expr& e, const Template& t, bool revenue_allowed) {
  auto candidates = t.numeric_parameter_names();
  if (revenue_allowed) candidates.emplace_back(kRevenueName);
  std::vector<const Expr*> stack{&e};
  while (!stack.empty()) {
    const auto* node = stack.back();
    stack.pop_back();
    for (const auto& o : node->operands) stack.push_back(&o);
    if (node->kind != Expr::Kind::name) continue;
    if (node->text == kRevenueName) {
      if (revenue_allowed) continue;
      throw input_error("D328.revenue-here", node->at, {{"name", kRevenueName}});
    }
    const auto* p = t.find_parameter(node->text);
    if (!p) throw input_error("D311", node->at, {{"name", node->text}, {"advice", suggestion(node->text, candidates)}});
    if (!is_numeric(p->type)) throw input_error("D326", node->at, {{"name", p->name}});
  }
}

SourceRef read_source(const yaml::Fields& fields) {
  SourceRef s;
  if (const auto* n = fields.find("source")) {
    s.text = yaml::scalar(*n, "source");
    s.where = n->text_where();
  }
  return s;
}

std::optional<Repeat> read_repeat(const yaml::Fields& fields, std::string_view name, std::span<const std::string> milestones) {
  const auto* every = fields.find("repeat");
  const auto* until = fields.find("until");
  if (!every && !until) return std::nullopt;
  if (!every) throw input_error("D110.until-alone", until->where, {{"name", name}});
  if (!until) throw input_error("D110.repeat-alone", every->where, {{"name", name}});
  Repeat r;
  r.every = read_duration(*every, "repeat");
  r.where = every->where;
  if (r.every <= std::chrono::seconds{0}) throw input_error("D111", every->where, {{"name", name}, {"value", every->value}});
  r.until = read_offset(*until, "until", milestones);
  return r;
}

}  // namespace dacu::reader
