#pragma once
/// Values given on the command line: `--set KEY=VALUE`, `--sensitivity 件数=-20%..+20%:10%` and a
/// service level `80/20`. Each is located in a one-line `<command line>` source, so an error points
/// at the character where it went wrong.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "dacu/base/error.hpp"
#include "dacu/base/rational.hpp"
#include "dacu/model/budget.hpp"

namespace dacu {

/// A `--set KEY=VALUE` from the command line: a milestone or a parameter.
struct Override {
  std::string key;
  std::string value;
  friend bool operator==(const Override&, const Override&) = default;
};

/// Splits `KEY=VALUE` at the first `=` or full-width `＝`, without the ASCII and ideographic
/// spaces around the key and the value (D050 when there is no `=` or no key). Problems in the value
/// are located in the text as `KEY=VALUE`, as read.
Override parse_override(std::string_view text, std::string_view option = "--set");

/// Parses `--sensitivity` (D331 syntax, D333 more than 41 steps or a step that is not positive).
Sensitivity parse_sensitivity(std::string_view text);

/// Reads a service level: `80/20`, `80%/20s`, `80% in 20s`. Nullopt when it is not one.
std::optional<std::pair<Rational, std::chrono::seconds>> parse_service_level(std::string_view text);

}  // namespace dacu
