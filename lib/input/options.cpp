#include "dacu/input/options.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "dacu/base/numbers.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/base/utf8.hpp"

namespace dacu {

namespace {

// Spaces a Chinese keyboard types around = (ASCII, tab and the ideographic U+3000) are not part of
// the key or the value: `开团 = 2026-12-21` is 开团.
std::string_view trim_spaces(std::string_view s) {
  constexpr std::string_view ideographic = "\u3000";
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1), trimmed = true;
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1), trimmed = true;
    if (s.starts_with(ideographic)) s.remove_prefix(ideographic.size()), trimmed = true;
    if (s.ends_with(ideographic)) s.remove_suffix(ideographic.size()), trimmed = true;
  }
  return s;
}

}  // namespace

Override parse_override(std::string_view text, std::string_view option) {
  // The first = or full-width ＝ (what a Chinese input method types) splits KEY from VALUE.
  constexpr std::string_view wide_eq = "＝";
  auto eq = text.find('=');
  auto wide = text.find(wide_eq);
  auto eq_size = std::size_t{1};
  if (wide < eq) eq = wide, eq_size = wide_eq.size();
  auto key = eq == std::string_view::npos ? std::string_view() : trim_spaces(text.substr(0, eq));
  if (key.empty()) {
    throw input_error("D050.not-key-value", Location{make_source("<command line>", std::string(text)), 1, 1},
                      {{"option", option}, {"text", text}});
  }
  // In NFC, as every name read from a file is (yaml.cpp), so a key typed decomposed still matches.
  return Override{utf8::nfc(key), utf8::nfc(trim_spaces(text.substr(eq + eq_size)))};
}

Sensitivity parse_sensitivity(std::string_view text) {
  auto source = make_source("<command line>", std::string(text));
  Location start{source, 1, 1};
  auto at = [&](std::size_t offset) { return start.advanced(text, offset); };
  auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    throw input_error("D331.no-parameter", start, {{"text", text}});
  }
  Sensitivity s;
  s.parameter = utf8::nfc(text.substr(0, eq));
  s.where = start;
  auto range = text.substr(eq + 1);
  auto dots = range.find("..");
  if (dots == std::string_view::npos) {
    throw input_error("D331.no-range", at(eq + 1));
  }
  auto colon = range.find(':', dots);
  auto part = [&](std::size_t offset, std::string_view piece) {
    if (!fold_fullwidth(piece).text.ends_with('%')) {  // ２０％ is a percentage too
      throw input_error("D331.percent-sign", at(eq + 1 + offset), {{"value", piece}});
    }
    if (auto value = try_parse_rational(piece)) return *value;
    throw input_error("D331.percent-number", at(eq + 1 + offset), {{"value", piece}});
  };
  s.from = part(0, range.substr(0, dots));
  auto to_text = range.substr(dots + 2, colon == std::string_view::npos ? std::string_view::npos : colon - dots - 2);
  s.to = part(dots + 2, to_text);
  s.step = colon == std::string_view::npos ? Rational(1, 10) : part(colon + 1, range.substr(colon + 1));
  if (!(s.step > Rational(0))) throw input_error("D333.step", at(eq + 1 + colon + 1));
  if (s.to < s.from) throw input_error("D331.range-order", at(eq + 1 + dots + 2));
  if ((s.to - s.from) / s.step > Rational(40)) {
    throw input_error("D333.rows", at(eq + 1), {{"rows", (((s.to - s.from) / s.step).floor() + Rational(1)).to_string()}});
  }
  if (s.from <= Rational(-1)) {
    throw input_error("D331.minus-100", at(eq + 1));
  }
  return s;
}


std::optional<std::pair<Rational, std::chrono::seconds>> parse_service_level(std::string_view text) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
  };
  std::string_view left, right;
  if (auto slash = text.find('/'); slash != std::string_view::npos) {
    left = trim(text.substr(0, slash));
    right = trim(text.substr(slash + 1));
  } else if (auto in = text.find(" in "); in != std::string_view::npos) {
    left = trim(text.substr(0, in));
    right = trim(text.substr(in + 4));
  } else {
    return std::nullopt;
  }
  // Folded first: 80％ is 80%, and without the check try_parse_rational would read it as 0.8.
  auto folded_left = fold_fullwidth(left).text;
  if (folded_left.ends_with("%")) folded_left.pop_back();
  auto percent = try_parse_rational(folded_left);
  if (!percent) return std::nullopt;
  Rational target = *percent / 100;
  std::optional<std::chrono::seconds> within;
  if (!right.empty() && std::all_of(right.begin(), right.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (right.size() > 9) return std::nullopt;
    within = std::chrono::seconds(std::stoll(std::string(right)));
  } else {
    within = parse_duration(right);
  }
  if (!within) return std::nullopt;
  return std::make_pair(target, *within);
}

}  // namespace dacu
