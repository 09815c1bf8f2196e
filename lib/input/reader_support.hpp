#pragma once
/// What every section reader shares: collecting or throwing problems, and the readers of the
/// small values sections are made of (names, durations, roll rules, date-times, offsets,
/// yes/no, a parameter's number). Each value has one grammar, in base/; these only locate it.

#include <chrono>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/base/offset.hpp"
#include "dacu/base/rational.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/input/yaml.hpp"
#include "dacu/model/template.hpp"

namespace dacu::reader {

// Loading stops at the first problem; validating collects every problem it can and goes on
// with the next element, so one run reports them all.
class Problems {
 public:
  explicit Problems(std::vector<Diagnostic>* sink) : sink_(sink) {}

  void report(Diagnostic d) {
    if (!sink_) throw InputError(std::move(d));
    sink_->push_back(std::move(d));
  }
  /// Runs `f`; when collecting, records its InputError instead of letting it escape.
  template <class F>
  bool attempt(F&& f) {
    if (!sink_) {
      f();
      return true;
    }
    try {
      f();
      return true;
    } catch (const InputError& e) {
      sink_->push_back(e.diagnostic());
      return false;
    }
  }
  bool collecting() const { return sink_ != nullptr; }
  bool has_errors() const {
    return sink_ && std::any_of(sink_->begin(), sink_->end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
  }

 private:
  std::vector<Diagnostic>* sink_;
};

/// A scalar with where it was written.
Located located(const yaml::Node& node, std::string_view what);
/// The text of an optional scalar field, or "".
std::string optional_text(const yaml::Fields& fields, std::string_view key);
/// `dacu: 1` and `kind:` (D006); an empty `expected_kind` accepts any kind.
void check_header(const yaml::Fields& top, std::string_view expected_kind);

/// 顺延 / 提前 / none (D004).
Roll read_roll(const yaml::Node& node);
/// A duration that is not negative (D023).
std::chrono::seconds read_duration(const yaml::Node& node, std::string_view what);
/// A local date-time (D020), with a hint for the usual mistakes.
LocalDateTime read_datetime(std::string_view text, const Location& where, std::string_view what);
/// An offset phrase against the given milestone names (D030, D031), located at its first character.
Offset read_offset(const yaml::Node& node, std::string_view what, std::span<const std::string> milestones);
/// A clock time of day, "08:00" (D020).
std::chrono::minutes read_clock(const yaml::Node& node);
/// true / false / 是 / 否 (D004).
bool read_bool(const yaml::Node& node, std::string_view what);

/// The name of a parameter type as templates write it: number, integer, percent, money…
std::string_view parameter_type_name(ParameterType type);
/// Checks `text` against the parameter's type with that type's grammar (base/); D051 when it does
/// not fit. Returns the value as an exact number for numeric types.
std::optional<Rational> read_parameter_value(const Parameter& p, std::string_view text, const Location& where);
/// Whether date-tz knows the zone (D021).
void check_timezone(const Located& zone);

}  // namespace dacu::reader
