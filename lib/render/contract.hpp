#pragma once
/// The contract every JSON output keeps (docs/format.md, "JSON outputs"; the schemas in
/// docs/schemas/, printed by `dacu schema --output NAME`):
///
/// - it is an object that starts with `dacu_version`, `schema_version`, `input` and `campaign`;
/// - exact figures (money, quantities, rates, deviations) are strings, never JSON numbers: money with
///   two decimals ("198000.00"), other values as decimals ("0.75") or, when the decimals do not end,
///   as a fraction ("2/3"); a value as people read it sits beside it under a name ending in `_display`
///   or `shown`. Counts dacu makes itself (heads, customers, line numbers) and durations in
///   seconds are JSON integers; estimates computed in floating point (Erlang C) are JSON numbers;
/// - an absent value is `null`, and its member is always there;
/// - every date-time carries its UTC offset; a date alone is `YYYY-MM-DD`;
/// - problems are listed under `diagnostics`, each {file, line, column, severity, code, message}
///   (and `hint` in validate's, which follows the locale).
///
///   auto doc = json_header(options, plan.campaign);   // then the output's own members

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/render/format.hpp"
#include "dacu/render/json.hpp"

namespace dacu {

/// The version of the contract: it changes (to "2", …) only when a member is renamed, removed or
/// changes type or meaning; members may be added without a change (docs/format.md).
inline constexpr std::string_view kJsonSchemaVersion = "1";

/// The first members of every JSON output: {dacu_version, schema_version, input, campaign}.
/// `input` is RenderOptions::input (null when empty: `staff erlang` reads no file); `campaign`
/// null when empty.
json::Value json_header(const RenderOptions& options, const std::string& campaign);

/// One problem as every JSON output lists it: {file, line, column, severity, code, message}; line
/// and column are null when the place is not known (an empty file). The message in `language` when
/// the catalogue made it. With `hint` (validate): the hint too, null when there is none, as it was
/// made: a hint quotes values made in the locale's language ("did you mean"), so an output that
/// follows --lang whatever the locale leaves it out.
/// With `hint` also {related, input} (validate): the template line a campaign's value ran into
/// ({file, line, column}, or null) and the file asked about (or null).
json::Value diagnostic_json(const Diagnostic& d, Language language, bool hint);
json::Value diagnostics_json(const std::vector<Diagnostic>& diagnostics, Language language, bool hint = false);

/// Text from a file (a GBK line, a file name) may not be UTF-8; JSON and annotations must be: each
/// byte that is not is shown as `\xNN`, as text output shows it, the rest kept as it is.
std::string valid_utf8(std::string_view text);

}  // namespace dacu
