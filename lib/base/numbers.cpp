#include "dacu/base/numbers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>

#include "dacu/base/messages.hpp"
#include "dacu/base/utf8.hpp"

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

namespace {

__extension__ typedef __int128 SignedWide;
__extension__ typedef unsigned __int128 UnsignedWide;

std::string wide_digits(UnsignedWide v) {
  std::string out;
  do {
    out.insert(out.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v != 0);
  return out;
}

/// x × 10^shift rounded (halves away from zero) to `decimals`, in 128 bits: numerator × 10^(shift +
/// decimals) stays below 2^127 for the ≤ 18 decimals anyone shows, so this never throws — a
/// renderer showing a huge ratio as a percent rounds it first, then scales (no int64 × 100).
std::string format_scaled(const Rational& x, int decimals, int shift) {
  UnsignedWide scale = 1, shown = 1;
  for (int i = 0; i < decimals + shift; ++i) scale *= 10;
  for (int i = 0; i < decimals; ++i) shown *= 10;
  auto num = static_cast<SignedWide>(x.numerator());
  auto den = static_cast<UnsignedWide>(x.denominator());
  auto mag = static_cast<UnsignedWide>(num < 0 ? -num : num) * scale;
  auto q = mag / den, r = mag % den;
  if (r * 2 >= den) ++q;
  std::string out = (num < 0 && q != 0) ? "-" : "";
  out += wide_digits(q / shown);
  if (decimals > 0) {
    auto frac = wide_digits(q % shown);
    out += '.' + std::string(static_cast<std::size_t>(decimals) - frac.size(), '0') + frac;
  }
  return out;
}

}  // namespace

std::string format_fixed(const Rational& x, int decimals) { return format_scaled(x, decimals, 0); }

std::string format_percent(const Rational& x, int decimals) { return format_scaled(x, decimals, 2) + "%"; }

std::optional<bool> parse_yes_no(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static constexpr std::array<std::string_view, 7> yes{"是", "true", "yes", "y", "1", "√", "✓"};
  static constexpr std::array<std::string_view, 7> no{"否", "false", "no", "n", "0", "×", "✗"};
  if (std::find(yes.begin(), yes.end(), lower) != yes.end()) return true;
  if (std::find(no.begin(), no.end(), lower) != no.end()) return false;
  return std::nullopt;
}

std::string_view FoldedText::original_char(std::size_t at) const {
  return utf8::char_at(original, original_offset(at));
}

FoldedText fold_fullwidth(std::string_view text) {
  FoldedText out{text, {}, {}};
  out.text.reserve(text.size());
  out.origin.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size();) {
    // U+FF01–U+FF5E are ASCII 0x21–0x7E shifted: EF BC 81–BF, EF BD 80–9E. Only these fold.
    if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xEF && static_cast<unsigned char>(text[i + 1]) == 0xBC) {
      auto ascii = static_cast<char>(static_cast<unsigned char>(text[i + 2]) - 0x80 + 0x20);
      if ((ascii >= '0' && ascii <= '9') || std::string_view(".-/:,+%").find(ascii) != std::string_view::npos) {
        out.text += ascii;
        out.origin.push_back(i);
        i += 3;
        continue;
      }
    }
    out.text += text[i];
    out.origin.push_back(i);
    ++i;
  }
  out.origin.push_back(text.size());
  return out;
}

namespace {
constexpr std::uint64_t kWholeLimit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
}  // namespace

std::optional<WrittenDecimal> scan_decimal(const FoldedText& folded, std::size_t at, const ValueWords& words,
                                           FormProblem& problem) {
  const std::string_view text = folded.text;
  auto fail = [&](std::size_t where, std::string what, std::string hint, bool foreign = false) {
    problem = FormProblem{where, std::move(what), std::move(hint), foreign};
    return std::nullopt;
  };
  auto unexpected = [&](std::size_t where) -> std::optional<WrittenDecimal> {
    if (where >= text.size()) return fail(where, message("value.ends-early", {{"the", message(words.the)}}), message(words.examples));
    return fail(where, message("value.unexpected", {{"character", folded.original_char(where)}, {"a", message(words.a)}}),
                message(words.examples), true);
  };
  auto is_digit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  auto misplaced_separator = [&](std::size_t where) {
    return fail(where, message("value.separator"), message("value.grouping", {{"example", words.grouped}}));
  };

  WrittenDecimal d;
  std::size_t i = at;
  if (i < text.size() && text[i] == '.') {
    return fail(i, message("value.digit-before-point", {{"the", message(words.the)}}), message("value.leading-zero"));
  }
  if (!is_digit(i)) return unexpected(i);
  // A first group of 1-3 digits, then groups of exactly 3: a wrongly placed separator is reported
  // where the grouping breaks.
  d.first_digit = i;
  bool grouped = false;
  int group = 0;
  for (;; ++i) {
    if (is_digit(i)) {
      if (grouped && group == 3) return misplaced_separator(i);
      ++group;
      // Beyond INT64_MAX nothing fits, 万 or not: stopping here keeps the callers' arithmetic in
      // range (whole × 10^6 fits in 128 bits), and is checked before the digit is added, so that
      // 2^64 cannot wrap to 0. Each caller checks its own limit at the end, so a count's limit is
      // the same written plain (9223372036854775807) and in 万.
      auto digit = static_cast<std::uint64_t>(text[i] - '0');
      if (d.whole > (kWholeLimit - digit) / 10) {
        return fail(d.first_digit, message("value.too-large", {{"the", message(words.the)}}), message(words.too_large));
      }
      d.whole = d.whole * 10 + digit;
    } else if (i < text.size() && text[i] == ',') {
      if (group == 0 || group > 3 || (grouped && group != 3)) return misplaced_separator(i);
      grouped = true;
      group = 0;
    } else {
      break;
    }
  }
  if (grouped && group != 3) return misplaced_separator(i);
  d.fraction_start = d.fraction_end = i;
  if (i < text.size() && text[i] == '.') {
    d.fraction_start = d.fraction_end = ++i;
    if (!is_digit(i)) return unexpected(i);
    while (is_digit(d.fraction_end)) ++d.fraction_end;
    i = d.fraction_end;
  }
  if (text.substr(i).starts_with("万")) {
    d.wan = true;
    i += std::string_view("万").size();
  }
  d.end = i;
  return d;
}

namespace {

__extension__ typedef unsigned __int128 UWide;
constexpr ValueWords kCountWords{"count.the", "count.a", "count.forms", "count.limit", "3,000"};

}  // namespace

std::optional<std::int64_t> parse_count(std::string_view written, std::string_view unit, FormProblem& problem) {
  auto folded = fold_fullwidth(written);
  const std::string_view text = folded.text;
  auto fail = [&](std::size_t at, std::string what, std::string hint, bool foreign = false) -> std::optional<std::int64_t> {
    problem = FormProblem{folded.original_offset(at), std::move(what), std::move(hint), foreign};
    return std::nullopt;
  };
  if (text.empty()) return fail(0, message("value.empty", {{"the", message("count.the")}}), message("count.forms"));
  std::size_t i = 0;
  bool negative = false;
  if (text[i] == '-' || text[i] == '+') negative = text[i++] == '-';
  auto d = scan_decimal(folded, i, kCountWords, problem);
  if (!d) {
    problem.offset = folded.original_offset(problem.offset);
    return std::nullopt;
  }
  i = d->end;
  if (i < text.size()) {
    auto rest = text.substr(i);
    if (!unit.empty() && rest == unit) {
      i = text.size();
    } else if (!unit.empty() && utf8::is_letter(utf8::code_point_at(text, i).value)) {
      return fail(i, message("count.wrong-unit", {{"text", folded.original.substr(folded.original_offset(i))}}),
                  message("count.in-unit", {{"unit", unit}, {"number", text.substr(0, i)}}));
    } else {
      return fail(i, message("value.unexpected", {{"character", folded.original_char(i)}, {"a", message("count.a")}}),
                  unit.empty() ? message("count.forms") : message("count.forms-in", {{"unit", unit}}), true);
    }
  }
  // value = (whole + fraction) × (万 ? 10000 : 1), exactly; it must be whole.
  std::string_view fraction = text.substr(d->fraction_start, d->fraction_end - d->fraction_start);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  std::size_t places = d->wan ? 4 : 0;
  if (fraction.size() > places) {
    auto shown = text.substr(d->first_digit, d->end - d->first_digit);
    auto what = message("count.not-whole", {{"count", shown}});
    // 0.00003万 is 0.3: say what it is, for sizes whose exact value fits (10^6 万 and 12 decimals).
    if (d->wan && fraction.size() <= 12 && d->whole <= 1'000'000) {
      std::int64_t f = 0, scale = 1;
      for (char c : fraction) {
        f = f * 10 + (c - '0');
        scale *= 10;
      }
      auto value = Rational(static_cast<std::int64_t>(d->whole) * 10000) + Rational(f, scale) * 10000;
      what = message("count.is-not-whole", {{"count", shown}, {"value", value}});
    }
    return fail(d->first_digit, std::move(what), d->wan ? message("count.wan-decimals") : message("count.no-decimals"));
  }
  UWide n = d->whole;
  for (std::size_t p = 0; p < places; ++p) {
    n = n * 10 + (p < fraction.size() ? static_cast<unsigned>(fraction[p] - '0') : 0);
  }
  if (n > static_cast<UWide>(std::numeric_limits<std::int64_t>::max())) {
    return fail(d->first_digit, message("value.too-large", {{"the", message("count.the")}}), message("count.limit"));
  }
  auto value = static_cast<std::int64_t>(n);
  return negative ? -value : value;
}

std::optional<std::int64_t> try_parse_count(std::string_view text, std::string_view unit) {
  FormProblem problem;
  return parse_count(text, unit, problem);
}

std::string yes_no_forms() { return message("value.yes-no-forms"); }

}  // namespace dacu
