#pragma once
/// The reader of a template's `staffing:` section (model/staffing.hpp): posts, calling campaigns,
/// rotas, queues and traffic curves, every value a formula checked against the parameters.
///
/// Error codes D200–D299 (docs/errors.md).

#include "dacu/base/expr.hpp"
#include "dacu/input/yaml.hpp"
#include "dacu/model/template.hpp"

namespace dacu::reader {

/// Reads a `staffing:` node. `t` gives the parameters (formula names are checked against them),
/// the milestones (offsets), departments and roles. Throws InputError.
Staffing parse_staffing(const yaml::Node& node, const Template& t);

/// A formula whose names must all be parameters of `t` (D311 otherwise), located at `at`.
Formula make_formula(std::string text, const Location& at, const Template& t);

/// The node of the first use of `name` in `e`, or nullptr.
const Expr* find_name(const Expr& e, std::string_view name);

}  // namespace dacu::reader
