#include "dacu/compute/staffing_gaps.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "dacu/base/timefmt.hpp"

namespace dacu {

namespace {

// Whether a rota day's coverage includes the start of `hour` on `day`: coverage runs from `opens`
// for `hours`, and past midnight into the next day.
bool covers(const RotaDay& rd, date::local_days day, int hour) {
  auto start = std::chrono::minutes(hour * 60);
  auto end = rd.opens + std::chrono::minutes((rd.hours * 60).ceil().numerator());
  if (rd.day == day) return start >= rd.opens && start < end;
  if (rd.day + date::days{1} == day) return start + std::chrono::hours(24) < end;
  return false;
}

}  // namespace

std::vector<Diagnostic> compare_rotas_with_queues(StaffReport& report, const Staffing& s) {
  std::vector<Diagnostic> out;
  for (auto& q : report.queues) {
    if (q.role.empty()) continue;
    std::map<std::string, std::vector<const QueueInterval*>> short_by_rota;
    for (auto& i : q.intervals) {
      for (const auto& rd : report.rota_days) {
        auto role = std::find_if(rd.heads.begin(), rd.heads.end(), [&](const auto& h) { return h.first == q.role; });
        if (role == rd.heads.end() || (rd.day != q.day && rd.day + date::days{1} != q.day)) continue;
        bool on = i.hour ? covers(rd, q.day, *i.hour) : rd.day == q.day;
        i.on_duty = i.on_duty.value_or(0) + (on ? role->second : 0);
        if (on) short_by_rota[rd.rota];  // the rota that staffs this role
      }
      if (!i.on_duty) continue;
      i.short_by = std::max<std::int64_t>(0, i.result.agents_after_shrinkage - *i.on_duty);
      if (i.short_by > 0) {
        for (auto& [rota, list] : short_by_rota) list.push_back(&i);
      }
    }
    for (const auto& [rota_name, list] : short_by_rota) {
      if (list.empty()) continue;
      const std::string& rota = rota_name;  // a plain reference: clang 14 cannot capture a structured binding
      std::string hours;
      for (std::size_t k = 0; k < list.size() && k < 6; ++k) {
        const auto* i = list[k];
        auto hour = i->hour ? format_clock(std::chrono::hours(*i->hour)) : message("staffing.all-day");
        if (k) hours += ", ";
        hours += message("staffing.hour-short", {{"hour", hour}, {"on_duty", *i->on_duty}, {"needed", i->result.agents_after_shrinkage}});
      }
      if (list.size() > 6) hours += " " + message("compute.and-more", {{"count", list.size() - 6}});
      auto r = std::find_if(s.rotas.begin(), s.rotas.end(), [&](const Rota& x) { return x.name == rota; });
      out.push_back(make_diagnostic(Severity::warning, "D224", r != s.rotas.end() ? r->where : Location{},
                                    {{"rota", rota}, {"role", q.role}, {"day", format_date(q.day)}, {"queue", q.name},
                                     {"hours", hours}}));
    }
  }
  return out;
}

}  // namespace dacu
