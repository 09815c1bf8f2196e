#pragma once
/// What every section reader shares: collecting or throwing problems, and the readers of the
/// small values sections are made of (names, durations, roll rules, date-times, offsets,
/// yes/no, a parameter's number). Each value has one grammar, in base/; these only locate it.

#include <algorithm>
#include <chrono>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

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

/// `source:` of an element (model/source.hpp), empty when the field is absent. The text is kept as
/// written; its grammar is checked by `dacu validate` (compute/trace.hpp).
SourceRef read_source(const yaml::Fields& fields);
/// `repeat:` and `until:` of a task or checkpoint: both or neither (D110); the interval more than
/// zero (D111). nullopt when neither is written.
std::optional<Repeat> read_repeat(const yaml::Fields& fields, std::string_view name, std::span<const std::string> milestones);

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

/// A parameter type as messages name it: the word templates write (number, integer, money…), and in
/// Chinese also what it means (金额（money）).
std::string parameter_type_name(ParameterType type);
/// Checks `text` against the parameter's type with that type's grammar (base/); D051 when it does
/// not fit. Returns the value as an exact number for numeric types.
/// Values outside the parameter's `min:`/`max:` (and negative integers and money without a `min:`)
/// are D096.
std::optional<Rational> read_parameter_value(const Parameter& p, std::string_view text, const Location& where);
/// D096 unless `value` (written `shown`) is within the parameter's range; for values computed
/// from it (a scenario's 件数 × 80%, a sensitivity row) as well as those written.
void check_parameter_range(const Parameter& p, const Rational& value, std::string_view shown, const Location& where);
/// Checks that a formula names only numeric parameters of `t`, and 成交额 where `revenue_allowed`
/// (D311 unknown name with a suggestion, D326 a parameter that is not a number, D328 成交额).
void check_formula_names(const Expr& e, const Template& t, bool revenue_allowed);

/// The catalogue keys of what apply_list_changes refuses for one kind of item: dropping and
/// changing a name the template lacks (each given {name} and {advice}), and a change that renames
/// (no arguments).
struct ListChangeKeys {
  std::string_view missing_drop;
  std::string_view missing_change;
  std::string_view rename;
};

/// What a campaign file may do to a list its template gives (tasks, checkpoints, budget lines):
/// `drop: [name…]`, `change: {name: {field: value…}}` and `add: [item…]`, applied in that order.
/// `keys` name the errors; `read` reads a whole new item, `change` the fields present in one
/// change, `unique` refuses a name taken.
template <class Item, class Read, class Change, class Unique>
void apply_list_changes(const yaml::Fields& f, std::vector<Item>& items, std::string_view section, const ListChangeKeys& keys,
                        std::span<const std::string_view> item_keys, Problems& problems, Read read, Change change,
                        Unique unique) {
  auto names = [&] {
    std::vector<std::string> out;
    for (const auto& item : items) out.push_back(item.name);
    return out;
  };
  auto find = [&](const yaml::Node& name_node, std::string_view missing_key) {
    const auto& name = yaml::scalar(name_node, message("reader.a-name"));
    auto it = std::find_if(items.begin(), items.end(), [&](const Item& item) { return item.name == name; });
    if (it == items.end()) throw input_error(missing_key, name_node.where, {{"name", name}, {"advice", suggestion(name, names())}});
    return it;
  };
  if (const auto* drop = f.find("drop")) {
    for (const auto* item : yaml::scalar_or_list(*drop, message("reader.a-name"))) {
      problems.attempt([&] { items.erase(find(*item, keys.missing_drop)); });
    }
  }
  if (const auto* changes = f.find("change")) {
    yaml::mapping(*changes, fmt::format("{}.change", section));
    for (std::size_t i = 0; i < changes->map_size(); ++i) problems.attempt([&] {
      auto it = find(changes->key(i), keys.missing_change);
      yaml::Fields cf(changes->val(i), message("reader.the-change-to", {{"name", it->name}}), item_keys);
      if (const auto* name = cf.find("name")) throw input_error(keys.rename, name->where);
      change(cf, *it);
    });
  }
  if (const auto* add = f.find("add")) {
    for (const auto& node : yaml::sequence(*add, fmt::format("{}.add", section)).children) {
      problems.attempt([&] {
        auto item = read(node);
        unique(items, item);
        items.push_back(std::move(item));
      });
    }
  }
}

/// Where `other`, the first of two things of one name, is, for the second's message: "line 12",
/// or "file:12" when it sits in another file (the template a campaign extends).
std::string first_place(const Location& other, const Location& here);

/// The number `text` is in the grammar of a numeric parameter's type; nullopt when it is not one.
std::optional<Rational> try_parameter_number(const Parameter& p, std::string_view text);

/// That the zone names a place (D084: not localtime, a path, a tzdata file) and date-tz knows it (D021).
void check_timezone(const Located& zone);

}  // namespace dacu::reader
