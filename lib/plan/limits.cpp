#include "dacu/plan/limits.hpp"

#include <fmt/format.h>

#include "dacu/base/timefmt.hpp"

namespace dacu {

std::vector<Diagnostic> check_limits(const Template& t, const Plan& plan) {
  std::vector<Diagnostic> out;
  auto find = [&](const std::string& name) -> const DatedMilestone* {
    for (const auto& m : plan.milestones) {
      if (m.name == name) return &m;
    }
    return nullptr;
  };
  for (const auto& l : t.limits) {
    const auto* from = find(l.from);
    const auto* to = find(l.to);
    if (!from || !to) continue;
    auto span = std::chrono::duration_cast<std::chrono::seconds>(to->at.local - from->at.local);
    bool low = l.min && span < *l.min;
    bool high = l.max && span > *l.max;
    if (!low && !high) continue;
    std::string range = l.min && l.max ? fmt::format("{}–{}", format_duration_zh(*l.min), format_duration_zh(*l.max))
                        : l.min        ? fmt::format("at least {}", format_duration_zh(*l.min))
                                       : fmt::format("at most {}", format_duration_zh(*l.max));
    // Where a campaign gave one of the two dates, point there: that is what to move, and the
    // limit itself is in the template (often the built-in one).
    Location at = l.where;
    for (const auto* name : {&l.to, &l.from}) {
      const auto* m = t.find_milestone(*name);
      if (m && m->given_where.known() && m->given_where.file != l.where.file) {
        at = m->given_where;
        break;
      }
    }
    out.push_back({l.severity, "D336", at,
                   fmt::format("{}: {} → {} is {}, outside {}{}", l.name, l.from, l.to, format_duration_zh(span), range,
                               l.source.empty() ? "" : fmt::format(" ({})", l.source)),
                   fmt::format("move {} or {} in the campaign file", l.from, l.to)});
  }
  return out;
}


}  // namespace dacu
