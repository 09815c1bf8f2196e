#include "dacu/base/numbers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace dacu {

std::string group_thousands(std::int64_t value) {
  // Through unsigned: the magnitude of INT64_MIN does not fit in int64_t.
  auto magnitude = value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  auto digits = std::to_string(magnitude);
  std::string out = value < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string format_fixed(const Rational& x, int decimals) {
  std::int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  auto n = (x * Rational(scale)).round().numerator();
  auto magnitude = static_cast<std::uint64_t>(n < 0 ? -n : n);
  std::string out = n < 0 ? "-" : "";
  out += std::to_string(magnitude / scale);
  if (decimals > 0) out += fmt::format(".{:0{}}", magnitude % static_cast<std::uint64_t>(scale), decimals);
  return out;
}

std::string format_percent(const Rational& x, int decimals) { return format_fixed(x * 100, decimals) + "%"; }

std::optional<bool> parse_yes_no(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static constexpr std::array<std::string_view, 7> yes{"是", "true", "yes", "y", "1", "√", "✓"};
  static constexpr std::array<std::string_view, 7> no{"否", "false", "no", "n", "0", "×", "✗"};
  if (std::find(yes.begin(), yes.end(), lower) != yes.end()) return true;
  if (std::find(no.begin(), no.end(), lower) != no.end()) return false;
  return std::nullopt;
}

}  // namespace dacu
