#pragma once
/// Parameter values as exact numbers, and formula evaluation against them: what the staffing
/// models compute their counts with.
///
///   Values values(campaign.plan);
///   Rational heads = values(line.formula);   // D221 when a parameter has no value or is text

#include <fmt/format.h>

#include <map>
#include <string>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/base/expr.hpp"
#include "dacu/input/staffing_reader.hpp"
#include "dacu/model/template.hpp"

namespace dacu {

/// Parameter values as exact numbers, and formula evaluation against them.
class Values {
 public:
  explicit Values(const Template& t) : t_(t) {
    for (const auto& p : t.parameters) {
      names_.push_back(p.name);
      if (p.number) values_.emplace(p.name, *p.number);
    }
  }

  /// Where the parameters of a formula got their values, for hints: "配货人效 = 0 (<command line>:1:6)".
  std::string origins(const Formula& f) const {
    std::string out;
    for (const auto& name : f.expr.names()) {
      const auto* p = t_.find_parameter(name);
      if (!p || !p->value_where.known()) continue;
      out += fmt::format("{}{} = {} ({}:{}:{})", out.empty() ? "" : "; ", name, p->value, p->value_where.file_name(),
                         p->value_where.line, p->value_where.column);
    }
    return out;
  }

  /// Where a parameter of `f` got its value when not in the formula's own file (a campaign's or
  /// --set's value, in the file the user edits): one at zero or below first, as what most likely
  /// made the figure wrong. Unknown when every value is the template's.
  Location cause(const Formula& f) const {
    Location first;
    for (const auto& name : f.expr.names()) {
      const auto* p = t_.find_parameter(name);
      if (!p || !p->value_where.known() || p->value_where.file == f.where.file) continue;
      if (p->number && *p->number <= Rational(0)) return p->value_where;
      if (!first.known()) first = p->value_where;
    }
    return first;
  }

  /// The same with a wave's own values laid over the campaign's (model/waves.hpp).
  Values in_wave(const Wave& wave) const {
    Values out = *this;
    out.values_ = numbers_in_wave(values_, wave);
    return out;
  }
  Rational operator()(const Formula& f) const {
    for (const auto& name : f.expr.names()) {
      if (values_.count(name)) continue;
      const auto* p = t_.find_parameter(name);
      const auto* node = reader::find_name(f.expr, name);
      Location at = node ? node->at : f.where;
      if (p && p->value.empty()) {
        throw input_error("D221.no-value", at, {{"name", name}});
      }
      if (p) throw input_error("D221.not-number", at, {{"name", name}});
    }
    return evaluate(f.expr, [this](std::string_view name) -> std::optional<Rational> {
      auto it = values_.find(name);
      if (it == values_.end()) return std::nullopt;
      return it->second;
    }, names_);
  }

 private:
  const Template& t_;
  std::map<std::string, Rational, std::less<>> values_;
  std::vector<std::string> names_;
};

}  // namespace dacu
