#pragma once
/// The reader of `staffing: tables:` (model/staffing_tables.hpp): tables kept as the source gives
/// them, each declared subtotal read as written. Codes D250–D259 (docs/errors.md).

#include <vector>

#include "dacu/input/yaml.hpp"
#include "dacu/model/template.hpp"

namespace dacu::reader {

/// Reads the list under `tables:`. `t` gives the departments. Throws InputError.
std::vector<StaffTable> parse_staffing_tables(const yaml::Node& node, const Template& t);

}  // namespace dacu::reader
