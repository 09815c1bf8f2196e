#include "dacu/compute/report.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "dacu/compute/report_forecast.hpp"
#include "dacu/plan/deadlines.hpp"

namespace dacu {

namespace {

using Series = std::map<date::local_seconds, std::pair<Rational, const ActualRow*>>;

date::sys_seconds to_sys(const ZonedTime& t) { return date::sys_seconds{t.local.time_since_epoch()} - t.utc_offset; }

/// The cumulative figure at `moment`: the latest row at or before it.
const Series::value_type* latest(const Series& series, date::local_seconds moment) {
  auto it = series.upper_bound(moment);
  if (it == series.begin()) return nullptr;
  return &*std::prev(it);
}


}  // namespace

std::string_view status_name(CheckStatus status) {
  switch (status) {
    case CheckStatus::pending: return "pending";
    case CheckStatus::no_data: return "no_data";
    case CheckStatus::no_plan: return "no_plan";
    case CheckStatus::on_plan: return "on_plan";
    case CheckStatus::above: return "above";
    case CheckStatus::below: return "below";
    case CheckStatus::stale: return "stale";
  }
  return "?";
}

std::vector<const CheckpointResult*> Report::overdue() const {
  std::vector<const CheckpointResult*> out;
  for (const auto& c : checkpoints) {
    if (c.status == CheckStatus::no_data) out.push_back(&c);
  }
  return out;
}

bool Report::alert() const {
  return std::any_of(checkpoints.begin(), checkpoints.end(), [](const auto& c) { return c.off_plan(); });
}

bool Report::missing_data() const { return !overdue().empty(); }

bool Report::stale() const {
  return std::any_of(checkpoints.begin(), checkpoints.end(), [](const auto& c) { return c.status == CheckStatus::stale; });
}

std::size_t Report::off_plan_count() const {
  return static_cast<std::size_t>(std::count_if(checkpoints.begin(), checkpoints.end(), [](const auto& c) { return c.off_plan(); }));
}

std::size_t Report::with_actual_count() const {
  return static_cast<std::size_t>(
      std::count_if(checkpoints.begin(), checkpoints.end(), [](const auto& c) { return c.actual.has_value(); }));
}

Report build_report(const Plan& plan, std::span<const ActualsInput> actuals, date::local_seconds as_of,
                    const ReportSettings& settings) {
  Report report;
  report.plan = plan;
  report.max_staleness = settings.max_staleness;
  const auto* zone = date::locate_zone(plan.timezone);
  auto as_of_sys = zone->to_sys(as_of, date::choose::earliest);
  report.as_of = ZonedTime{as_of, zone->get_info(as_of_sys).offset};

  for (const auto& m : plan.milestones) {
    report.countdown.push_back({m.name, m.at, m.date_only, to_sys(m.at) - as_of_sys});
  }
  auto today = date::floor<date::days>(as_of);
  for (const auto& t : plan.tasks) {
    // The plan's own first and last day, as `dacu plan --from/--to` filters by: a task that ends
    // at midnight ends on the day before (its end is 00:00 of the next day).
    auto first = t.first_day;
    auto last = t.last_day;
    if (last == today) report.due_today.push_back(t);
    else if (first <= today && today < last) report.in_progress.push_back(t);
  }

  // The data checks (unknown metrics, falling cumulative figures, rates above 100%, orders above
  // the units offered, rows far in the future) are warnings in the report's findings.
  std::set<std::string> tracked;
  for (const auto& c : plan.checkpoints) tracked.insert(c.metric);
  std::vector<std::string> tracked_list(tracked.begin(), tracked.end());
  report.findings = check_actuals(actuals, {settings.targets, tracked_list, as_of});

  // Every figure up to the as-of moment, by metric and time; a second figure for the same metric
  // and time must agree with the first.
  std::map<std::string, Series, std::less<>> by_metric;
  for (const auto& file : actuals) {
    report.actuals_files.push_back(file.name);
    for (const auto& row : file.rows) {
      if (!is_known_metric(row.metric, tracked_list)) continue;
      if (row.at > as_of) continue;
      auto& series = by_metric[row.metric];
      auto [it, inserted] = series.emplace(row.at, std::make_pair(row.value, &row));
      if (!inserted && it->second.first != row.value) {
        throw input_error("D506", row.where,
                          {{"metric", row.metric},
                           {"at", format_local_iso(row.at)},
                           {"value", row.value.to_string()},
                           {"other", it->second.first.to_string()},
                           {"file", it->second.second->where.file_name()},
                           {"line", it->second.second->where.line}});
      }
    }
  }
  // Figures before 开团 (a 今日累计 of the day before, a test export) are never used for a
  // checkpoint at or after it.
  std::optional<date::local_seconds> opening;
  for (const auto& m : plan.milestones) {
    if (m.name == kOpeningMilestone) opening = m.at.local;
  }

  auto figure_at = [&](std::string_view metric, date::local_seconds moment)
      -> std::optional<std::pair<Rational, date::local_seconds>> {
    auto usable = [&](const Series::value_type* p) {
      return p && !(opening && moment >= *opening && p->first < *opening);
    };
    auto derived = derived_metric(metric);
    if (!derived.numerator.empty()) {
      // Ratios are recomputed from their cumulative parts, never averaged across periods.
      auto n = by_metric.find(derived.numerator), d = by_metric.find(derived.denominator);
      if (n != by_metric.end() && d != by_metric.end()) {
        const auto* a = latest(n->second, moment);
        const auto* b = latest(d->second, moment);
        if (usable(a) && usable(b) && !b->second.first.is_zero()) {
          // A fraction, as a plan of 5% is (1/20): 5 buyers of 100 visitors are 5%, not 5.
          auto value = a->second.first / b->second.first;
          return std::make_pair(value, std::min(a->first, b->first));
        }
      }
    }
    auto s = by_metric.find(metric);
    if (s == by_metric.end()) return std::nullopt;
    const auto* p = latest(s->second, moment);
    if (!usable(p)) return std::nullopt;
    return std::make_pair(p->second.first, p->first);
  };

  for (const auto& c : plan.checkpoints) {
    CheckpointResult r;
    r.checkpoint = c;
    r.plan = c.plan;
    r.tolerance = c.tolerance;
    if (r.plan) {
      // The band only draws the HTML chart: a plan too large to widen stays out of it rather
      // than failing the report.
      try {
        auto tolerance = r.tolerance.value_or(Rational(0));
        r.low = *r.plan * (Rational(1) - tolerance);
        r.high = *r.plan * (Rational(1) + tolerance);
      } catch (const Error&) {
        r.low.reset();
        r.high.reset();
      }
    }
    if (c.at.local > as_of) {
      r.status = CheckStatus::pending;
    } else if (auto figure = figure_at(c.metric, c.at.local)) {
      r.actual = figure->first;
      r.actual_at = figure->second;
      r.age = std::chrono::duration_cast<std::chrono::seconds>(c.at.local - figure->second);
      if (*r.age > settings.max_staleness) {
        // A 10:15 figure is not the 12:00 figure: shown with its time, never compared.
        r.status = CheckStatus::stale;
      } else if (!r.plan || r.plan->is_zero()) {
        r.status = CheckStatus::no_plan;
      } else {
        r.deviation = (*r.actual - *r.plan) / *r.plan;
        auto tolerance = r.tolerance.value_or(Rational(0));
        auto magnitude = r.deviation->is_negative() ? -*r.deviation : *r.deviation;
        if (magnitude > tolerance) {
          r.status = r.deviation->is_negative() ? CheckStatus::below : CheckStatus::above;
          r.message = c.action;
        } else {
          r.status = CheckStatus::on_plan;
        }
      }
    } else {
      r.status = CheckStatus::no_data;
    }
    report.checkpoints.push_back(std::move(r));
  }

  for (const auto& metric : tracked) {
    MetricSeries series{metric, {}};
    if (auto s = by_metric.find(metric); s != by_metric.end()) {
      for (const auto& [at, value] : s->second) series.points.emplace_back(at, value.first);
    }
    report.series.push_back(std::move(series));
  }
  // The latest figure of each tracked or target metric, at or before as-of: what the tables end on.
  std::vector<std::string> shown(tracked.begin(), tracked.end());
  for (const auto& m : target_metrics()) {
    if (std::find(shown.begin(), shown.end(), m) == shown.end() && by_metric.count(m)) shown.push_back(m);
  }
  for (const auto& metric : shown) {
    if (auto figure = figure_at(metric, as_of)) report.latest.push_back({metric, figure->first, figure->second});
  }
  report.forecast = build_forecast(plan, settings.targets, opening, [&](std::string_view metric) {
    std::vector<std::pair<date::local_seconds, Rational>> points;
    if (auto s = by_metric.find(metric); s != by_metric.end()) {
      for (const auto& [at, value] : s->second) {
        if (!opening || at >= *opening) points.emplace_back(at, value.first);
      }
    }
    return points;
  });
  return report;
}

}  // namespace dacu
