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
                        : l.min        ? message("plan.at-least", {{"duration", format_duration_zh(*l.min)}})
                                       : message("plan.at-most", {{"duration", format_duration_zh(*l.max)}});
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
    auto span_text = format_duration_zh(span);
    // A traced source (订货宝 §营销活动 「活动周期最长可达30天」) is quoted by its seed's words.
    std::string source = l.source;
    if (auto open = source.find("「"), close = source.rfind("」"); open != std::string::npos && close != std::string::npos && close > open) {
      source = source.substr(open + std::string_view("「").size(), close - open - std::string_view("「").size());
    }
    if (source.empty()) {
      out.push_back(make_diagnostic(l.severity, "D336", at,
                                    {{"limit", l.name}, {"from", l.from}, {"to", l.to}, {"span", span_text}, {"range", range}}));
    } else {
      out.push_back(make_diagnostic(l.severity, "D336.source", at,
                                    {{"limit", l.name}, {"from", l.from}, {"to", l.to}, {"span", span_text}, {"range", range},
                                     {"source", source}}));
    }
  }
  return out;
}


}  // namespace dacu
