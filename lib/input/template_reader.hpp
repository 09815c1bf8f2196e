#pragma once
/// The template reader: a located YAML tree in, a Template out, and what a campaign file may change
/// in the template it extends (milestones, parameters, tasks, rules). Sections with readers of
/// their own: budget_reader.hpp, staffing_reader.hpp, eligibility_reader.hpp.

#include <span>
#include <string>
#include <string_view>

#include "dacu/input/reader_support.hpp"
#include "dacu/input/yaml.hpp"
#include "dacu/model/template.hpp"

namespace dacu::reader {

/// The keys a campaign file may have at its top level.
std::span<const std::string_view> campaign_keys();

/// A parameter's fields (`parameters:`, `waves: parameters:`): type, unit, description, source, range, default.
void read_parameter_fields(const yaml::Fields& f, Parameter& p);
/// A milestone's body: null, a shorthand offset (竞拍: 报名后5天), or a mapping of `keys`.
void read_milestone_body(const yaml::Node& body, Milestone& m, std::span<const std::string> names,
                         std::span<const std::string_view> keys);
/// Reads a `kind: template` document (its header checked); problems go to `problems`.
Template read_template(const yaml::Document& doc, Problems& problems);
/// `calendar:` as a name or {base, days_off, workdays}; days add to those of `spec`.
CalendarSpec read_calendar_spec(const yaml::Node& node, CalendarSpec spec);
/// `rules:`; keys present replace those in `rules` (a campaign overriding its template).
void read_rules(const yaml::Node& node, PlatformRules& rules);
/// A campaign's `tasks:` {drop, change, add} applied to its template's tasks.
void apply_campaign_tasks(const yaml::Node& node, Template& t, Problems& problems);
/// A campaign's `checkpoints:` {drop, change, add} applied to its template's checkpoints.
void apply_campaign_checkpoints(const yaml::Node& node, Template& t, Problems& problems);
/// Departments, roles and phases named by tasks and checkpoints must be declared (D043–D045).
void check_references(const Template& t, Problems& problems);
/// Gives a milestone its date-time; a date alone takes the template's time of day for it, if any.
void give_milestone(Milestone& m, std::string_view value, const Location& where);
/// A campaign's or --set's value for a milestone (D031 unknown, D020 bad date-time).
void set_milestone(Template& t, const std::string& name, std::string_view value, const Location& key_where,
                   const Location& value_where);
/// A campaign's or --set's value for a parameter (D050 unknown, D051 wrong type).
void set_parameter(Template& t, const std::string& name, std::string_view value, const Location& key_where,
                   const Location& value_where);

}  // namespace dacu::reader
