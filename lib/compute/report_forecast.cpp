#include "dacu/compute/report_forecast.hpp"

#include <algorithm>

#include "dacu/plan/deadlines.hpp"

namespace dacu {

namespace {

Rational seconds_between(date::local_seconds a, date::local_seconds b) { return Rational((b - a).count()); }

}  // namespace

Rational ReportForecast::share_at(date::local_seconds t) const {
  if (curve.empty() || t <= curve.front().first) return Rational(0);
  if (t >= curve.back().first) return Rational(1);
  for (std::size_t i = 1; i < curve.size(); ++i) {
    const auto& [t1, s1] = curve[i];
    if (t > t1) continue;
    const auto& [t0, s0] = curve[i - 1];
    // s0 + (s1 − s0) × (t − t0) ÷ (t1 − t0)
    return s0 + (s1 - s0) * seconds_between(t0, t) / seconds_between(t0, t1);
  }
  return Rational(1);
}

std::optional<date::local_seconds> projected_sell_out(const ReportForecast& forecast, const Rational& projection,
                                                      const Rational& cap, date::local_seconds from) {
  if (projection.is_zero() || projection < cap) return std::nullopt;
  auto x = cap / projection;  // the share at which the projected curve reaches the cap
  auto start = from;
  auto start_share = forecast.share_at(from);
  for (const auto& [t1, s1] : forecast.curve) {
    if (t1 <= from) continue;
    if (s1 >= x && s1 > start_share) {
      // start + (x − start_share) ÷ (s1 − start_share) × (t1 − start), rounded up to the second
      auto offset = ((x - start_share) / (s1 - start_share) * seconds_between(start, t1)).ceil();
      if (offset.is_negative()) offset = Rational(0);
      return start + std::chrono::seconds(offset.numerator());
    }
    start = t1;
    start_share = s1;
  }
  return std::nullopt;
}

std::optional<ReportForecast> build_forecast(const Plan& plan, const SalesTargets& targets,
                                             std::optional<date::local_seconds> opening, const FiguresOf& figures_of) {
  if (!targets.any() || !opening) return std::nullopt;
  ReportForecast f;
  // The close: 结束 when it comes after 开团, else midnight after 开团's day.
  date::local_seconds close = date::floor<date::days>(*opening) + date::days(1);
  for (const auto& m : plan.milestones) {
    if (m.name == kCloseMilestone && m.at.local > *opening) close = m.at.local;
  }
  f.curve.emplace_back(*opening, Rational(0));
  for (const auto& c : plan.checkpoints) {
    auto target = target_of(targets, c.metric);
    if (!target || !c.plan || target->value.is_zero()) continue;
    if (!f.curve_metric.empty() && f.curve_metric != c.metric) continue;  // one metric's curve
    auto at = c.at.local;
    if (at <= f.curve.back().first || at >= close) continue;  // in order, inside the sale
    try {
      auto share = *c.plan / target->value;
      if (share < f.curve.back().second || share > Rational(1)) continue;  // never falling, never past the whole
      f.curve.emplace_back(at, share);
      f.curve_metric = c.metric;
    } catch (const Error&) {
    }
  }
  f.curve.emplace_back(close, Rational(1));

  for (const auto& metric : target_metrics()) {
    auto target = target_of(targets, metric);
    if (!target) continue;
    auto figures = figures_of(metric);
    bool tracked = std::any_of(plan.checkpoints.begin(), plan.checkpoints.end(), [&](const auto& c) { return c.metric == metric; });
    // 支付件数 is shown when the export has it; 支付笔数 and 支付金额 always (their target is the plan's).
    if (figures.empty() && metric == "支付件数" && !tracked) continue;
    Progress p;
    p.metric = metric;
    p.target_name = target->name;
    p.target_formula = target->formula;
    p.target = target->value;
    p.money = target->money;
    if (target->capped) p.cap = target->value;
    if (!figures.empty()) {
      const auto& [at, value] = figures.back();
      p.actual = value;
      p.actual_at = at;
      try {
        if (!p.target.is_zero()) p.fraction = value / p.target;
        p.planned_share = f.share_at(at);
        if (!p.planned_share->is_zero()) p.projection = value / *p.planned_share;
        if (p.cap) {
          auto reached = std::find_if(figures.begin(), figures.end(), [&](const auto& v) { return v.second >= *p.cap; });
          if (reached != figures.end()) {
            p.sold_out = true;
            p.sell_out = reached->first;
          } else if (p.projection) {
            p.sell_out = projected_sell_out(f, *p.projection, *p.cap, at);
          }
        }
        // A sale capped by its units cannot sell past them, nor take more than 成交额 (团购价 ×
        // 件数): the day's total stops at the cap (the sell-out time above used the curve's pace).
        auto bound = p.cap ? p.cap : (target->money && targets.units_capped ? std::optional<Rational>(p.target) : std::nullopt);
        if (bound && p.projection && *p.projection > *bound) p.projection = *bound;
      } catch (const Error&) {
        // Too large to compute exactly: the figures stay, the projection is left out.
        p.projection.reset();
        p.sell_out.reset();
      }
    }
    f.metrics.push_back(std::move(p));
  }
  return f;
}

}  // namespace dacu
