#pragma once
/// Numbers as people write and read them: digits grouped in threes, fixed decimals, percentages,
/// and yes or no. One grammar and one formatter each, used by every reader and renderer.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dacu/base/rational.hpp"

namespace dacu {

/// Digits grouped in threes: 1234567 -> "1,234,567", -1234 -> "-1,234".
std::string group_thousands(std::int64_t value);

/// `x` rounded half away from zero to `decimals` places and written with exactly that many.
std::string format_fixed(const Rational& x, int decimals);
/// `x` as a percentage with `decimals` places: 0.0606 -> "6.06%".
std::string format_percent(const Rational& x, int decimals);

/// Yes or no as shops write it in files and exports: 是 / 否, true / false, yes / no, y / n, 1 / 0,
/// √ / ×, in any letter case. Nullopt for anything else (an empty text included).
std::optional<bool> parse_yes_no(std::string_view text);
/// What to write, for hints: "是 or 否 (true/false, yes/no and 1/0 also work)".
inline constexpr std::string_view kYesNoForms = "是 or 否 (true/false, yes/no and 1/0 also work)";

}  // namespace dacu
