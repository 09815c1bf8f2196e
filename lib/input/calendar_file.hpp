#pragma once
/// Calendar files (`kind: calendar`, templates/calendars/*.yaml): the State Council's holidays and
/// make-up workdays per year, read into a Calendar; the built-in ones are embedded in the binary.

#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/calendar.hpp"

namespace dacu {

/// Reads a `kind: calendar` document. Errors are located in `source`.
Calendar parse_calendar(std::string_view yaml, std::string_view source_name);

/// The built-in calendar called `name`, or nullptr.
const Calendar* builtin_calendar(std::string_view name);
/// Names of the built-in calendars, sorted.
std::vector<std::string> builtin_calendar_names();

}  // namespace dacu
