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
  if (!version) {
    throw InputError("D006", top.node().where, "the file does not say which dacu format it uses",
                     "add `dacu: 1` as the first line");
  }
  if (yaml::scalar(*version, "dacu") != "1") {
    throw InputError("D006", version->where, fmt::format("unsupported dacu format version '{}'", version->value),
                     "this dacu reads `dacu: 1`");
  }
  const auto& kind = top.require("kind");
  const auto& k = yaml::scalar(kind, "kind");
  if (!expected_kind.empty() && k != expected_kind) {
    throw InputError("D006", kind.where, fmt::format("expected `kind: {}`, found '{}'", expected_kind, k),
                     expected_kind == "template" ? "`extends:` names a template file, not a campaign file"
                                                 : fmt::format("write `kind: {}`", expected_kind));
  }
}

std::string_view parameter_type_name(ParameterType t) {
  switch (t) {
    case ParameterType::number: return "number";
    case ParameterType::integer: return "integer";
    case ParameterType::percent: return "percent";
    case ParameterType::money: return "money";
    case ParameterType::string: return "string";
    case ParameterType::date: return "date";
    case ParameterType::boolean: return "bool";
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
  std::string_view expected;
  bool fits = false;
  std::optional<Rational> number;
  switch (p.type) {
    case ParameterType::number: expected = "a number such as 1.5"; break;
    case ParameterType::integer: expected = "a whole number such as 2000, 2,000 or 0.2万"; break;
    case ParameterType::percent: expected = "a percentage such as 20%"; break;
    case ParameterType::money: expected = "an amount in 元 such as 99.90 or 1.8万"; break;
    case ParameterType::date:
      fits = parse_date(value).has_value();
      if (!fits) {
        auto advice = date_advice(value, "write a date such as 2026-12-20");
        throw InputError("D051", where, fmt::format("parameter {} is date but '{}' is not{}", p.name, value, advice.problem), advice.hint);
      }
      break;
    case ParameterType::boolean:
      expected = kYesNoForms;
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
  if (why && !(problem.offset == 0 && problem.message.starts_with("unexpected"))) {
    throw InputError("D051", where,
                     fmt::format("parameter {} is {} but '{}' is not: {}", p.name, parameter_type_name(p.type), value, problem.message),
                     problem.hint);
  }
  if (!fits) {
    if (p.type != ParameterType::string) slips::check_value(value, where, fmt::format("parameter {}", p.name));
    throw InputError("D051", where, fmt::format("parameter {} is {} but '{}' is not", p.name, parameter_type_name(p.type), value),
                     fmt::format("write {}", expected));
  }
  if (number) check_parameter_range(p, *number, value, where);
  return number;
}

void check_parameter_range(const Parameter& p, const Rational& value, std::string_view shown, const Location& where) {
  auto text = [&](const Rational& r) { return p.type == ParameterType::percent ? percent_text(r) : r.to_string(); };
  bool counts = p.type == ParameterType::integer || p.type == ParameterType::money;
  auto lowest = p.min ? p.min : counts ? std::optional<Rational>(0) : std::nullopt;
  if (lowest && value < *lowest) {
    auto hint = p.min ? fmt::format("the template allows {} from {}{} (line {})", p.name, text(*p.min),
                                    p.max ? fmt::format(" to {}", text(*p.max)) : std::string(), p.min_where.line)
                      : fmt::format("{} is {}, {}: it cannot be negative (a template whose parameter may be says so "
                                    "with `min:`)", p.name, parameter_type_name(p.type),
                                    p.type == ParameterType::money ? "a price or a cost" : "a count");
    throw InputError("D096", where, fmt::format("parameter {} is {}, below its minimum {}", p.name, shown, text(*lowest)), hint);
  }
  if (p.max && value > *p.max) {
    throw InputError("D096", where, fmt::format("parameter {} is {}, above its maximum {}", p.name, shown, text(*p.max)),
                     fmt::format("the template allows {} up to {} (line {})", p.name, text(*p.max), p.max_where.line));
  }
}

std::chrono::minutes read_clock(const yaml::Node& node) {
  auto clock = parse_clock(node.value);
  if (!node.is_scalar() || !clock) {
    if (node.is_scalar()) slips::check_value(node.value, node.text_where(), "clock time");
    throw InputError("D020", node.where, fmt::format("'{}' is not a clock time", node.value), "write it as \"08:00\" (quoted)");
  }
  return *clock;
}

bool read_bool(const yaml::Node& node, std::string_view what) {
  const auto& text = yaml::scalar(node, what);
  if (auto yes = parse_yes_no(text)) return *yes;
  throw InputError("D004", node.where, fmt::format("{} must be true or false, not '{}'", what, text),
                   fmt::format("write {}", kYesNoForms));
}

Roll read_roll(const yaml::Node& node) {
  const auto& text = yaml::scalar(node, "roll");
  if (text == "顺延" || text == "next") return Roll::next;
  if (text == "提前" || text == "previous") return Roll::previous;
  if (text == "none" || text == "不顺延") return Roll::none;
  throw InputError("D004", node.where, fmt::format("unknown roll rule '{}'", text),
                   "write 顺延 (next working day), 提前 (previous working day) or none");
}

std::chrono::seconds read_duration(const yaml::Node& node, std::string_view what) {
  const auto& text = yaml::scalar(node, what);
  auto d = parse_duration(text);
  if (!d) {
    slips::check_value(text, node.text_where(), what);
    throw InputError("D023", node.where, fmt::format("'{}' is not a duration", text),
                     "write a number and a unit: 30min, 2h, 3d, 1w");
  }
  if (d->count() < 0) throw InputError("D023", node.where, "a duration cannot be negative", "write a length such as 2d");
  return *d;
}

LocalDateTime read_datetime(std::string_view text, const Location& where, std::string_view what) {
  // A UTC offset may follow the time, to say which of a repeated hour is meant (plan/timeline.hpp).
  auto value = parse_datetime_with_offset(text);
  if (!value) {
    slips::check_value(text, where, what);
    std::string hint = "write it as YYYY-MM-DDTHH:MM in the campaign's time zone, e.g. 2026-12-20T10:00";
    std::string message = fmt::format("{}: '{}' is not a date-time", what, text);
    if (text.find('+') != std::string_view::npos || text.find('Z') != std::string_view::npos) {
      hint = "write the offset after the time as ±HH:MM, e.g. 2026-11-01T01:30-05:00, or leave it out";
    } else {
      auto advice = date_advice(text, hint);
      hint = advice.hint;
      message += advice.problem;
    }
    throw InputError("D020", where, message, hint);
  }
  // Calendars, ICS and Excel all hold these years; a date outside them is a typo in the year.
  auto year = static_cast<int>(date::year_month_day{date::floor<date::days>(value->at)}.year());
  if (year < 1970 || year > 2999) {
    throw InputError("D027", where, fmt::format("{}: {} is outside the years dacu plans in (1970–2999)", what, text),
                     "check the year");
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
    throw InputError("D021", zone.where, fmt::format("unknown time zone '{}'", zone.value),
                     "use an IANA name such as Asia/Shanghai");
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
      throw InputError("D328", node->at, fmt::format("{} cannot be used here", kRevenueName),
                       revenue_allowed ? "" : "成交额 is computed from the revenue section; use its parameters instead");
    }
    const auto* p = t.find_parameter(node->text);
    if (!p) {
      throw InputError("D311", node->at, fmt::format("unknown name {}", node->text), suggestion(node->text, candidates));
    }
    if (!is_numeric(p->type)) {
      throw InputError("D326", node->at, fmt::format("parameter {} is not a number and cannot be used in a formula", p->name),
                       "formulas use parameters of type number, integer, percent or money");
    }
  }
}

}  // namespace dacu::reader
