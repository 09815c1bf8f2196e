#pragma once
/// Readers of a template's money sections: `budget:`, `revenue:`, `scenarios:`, `shares:` and
/// `limits:` (model/budget.hpp). Formulas are checked against the template's numeric parameters.
///
/// Error codes D320–D339 (docs/errors.md).

#include "dacu/input/reader_support.hpp"
#include "dacu/input/yaml.hpp"
#include "dacu/model/template.hpp"

namespace dacu::reader {

/// The name budget formulas use for the revenue.
inline constexpr std::string_view kRevenueName = "成交额";

/// Reads the template sections `budget:`, `revenue:`, `scenarios:`, `shares:` and `limits:` from
/// the template's top-level mapping into `t` (its parameters and milestones must already be read).
void read_money_sections(const yaml::Node& top, Template& t);
/// Reads a campaign's `scenarios:`: a scenario of the same name replaces the template's.
void read_campaign_scenarios(const yaml::Node& top, Template& t);
/// A campaign's money sections applied to its template's: `revenue:` replaces the model,
/// `budget:` {add, drop, change, declared_total} changes the lines, `scenarios:` replace by name.
/// The template's declared total is not inherited.
void apply_campaign_money(const yaml::Node& top, Template& t, Problems& problems);

}  // namespace dacu::reader
