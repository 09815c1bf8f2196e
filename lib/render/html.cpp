// HTML: one self-contained page. Inline CSS and SVG only: no script, no font or image fetched,
// nothing that names another resource, so the file can be mailed and opened anywhere and prints
// on A4. Coordinates are computed here with doubles because they only place pixels.
#include "dacu/render/html.hpp"
#include "dacu/render/render_status.hpp"
#include "dacu/render/render_plan.hpp"
#include "dacu/render/render_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "dacu/base/timefmt.hpp"
#include "dacu/base/utf8.hpp"

namespace dacu {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

constexpr std::string_view kStyle = R"(@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  font-size: 10pt; color: #222; margin: 0 auto; max-width: 190mm; padding: 8px; }
h1 { font-size: 16pt; margin: 0 0 4px; }
h2 { font-size: 13pt; margin: 18px 0 6px; border-bottom: 2px solid #c2185b; break-after: avoid; }
h3 { font-size: 11pt; margin: 12px 0 4px; break-after: avoid; }
p.meta { color: #555; margin: 0 0 8px; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; font-size: 9pt; }
th, td { border-bottom: 1px solid #ddd; padding: 2px 4px; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
tr { break-inside: avoid; }
td.n { text-align: right; white-space: nowrap; }
td.t { white-space: nowrap; }
.off { color: #b00020; font-weight: bold; }
.ok { color: #2e7d32; }
.muted { color: #777; }
ul.alerts { padding-left: 18px; }
ul.alerts li { color: #b00020; }
svg { display: block; width: 100%; height: auto; break-inside: avoid; margin-bottom: 4px; }
svg text { font-size: 9px; fill: #333; }
svg .dept { font-size: 10px; font-weight: bold; }
svg .grid { stroke: #e4e4e4; stroke-width: 1; }
svg .ms { stroke: #c2185b; stroke-width: 1; stroke-dasharray: 3 2; }
svg .ms-label { fill: #c2185b; font-size: 8px; }
svg .bar { fill: #5c8fd6; }
svg .bar.timed { fill: #f39c12; }
svg .cut { fill: #fff; font-size: 7px; }
svg .outside { fill: #777; font-size: 8px; }
svg .band { fill: #c8e6c9; opacity: 0.7; }
svg .plan { stroke: #2e7d32; stroke-width: 1.5; fill: none; stroke-dasharray: 4 2; }
svg .actual { stroke: #1565c0; stroke-width: 2; fill: none; }
svg .pt-ok { fill: #2e7d32; }
svg .pt-off { fill: #b00020; }
svg .pt-stale { fill: #fff; stroke: #777; stroke-width: 1.5; }
svg .latest { fill: #1565c0; font-size: 8px; }
.stale { color: #8a6d00; font-weight: bold; }
svg .axis { stroke: #999; stroke-width: 1; }
)";

std::string head(std::string_view title, Lang lang) {
  return fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n",
                     lang == Lang::en ? "en" : "zh-CN", html_escape(title), kStyle);
}

constexpr std::string_view kFoot = "</body>\n</html>\n";

std::string num(double v) { return fmt::format("{:.1f}", v); }

/// Cuts a label to `max` characters (code points), with an ellipsis.
std::string shorten(std::string_view text, std::size_t max) {
  std::size_t i = 0;
  for (std::size_t chars = 0; i < text.size(); ++chars) {
    if (chars == max) return std::string(text.substr(0, i)) + "…";
    i += utf8::code_point_at(text, i).bytes;
  }
  return std::string(text);
}

std::string table_html(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                       std::string_view numeric = "") {
  // Cells are already HTML; `numeric` marks right-aligned columns with 'n', time columns with 't'.
  std::string out = "<table>\n<tr>";
  for (const auto& h : header) out += "<th>" + h + "</th>";
  out += "</tr>\n";
  for (const auto& row : rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      char kind = i < numeric.size() ? numeric[i] : ' ';
      out += kind == 'n' ? "<td class=\"n\">" : kind == 't' ? "<td class=\"t\">" : "<td>";
      out += row[i] + "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</table>\n";
}

// ---- The schedule: a Gantt chart by department, one SVG per department so pages can break
// between them, with the milestones as dashed lines.

struct GanttAxis {
  date::local_seconds from, to;
  double left = 150, width = 560;
  double x(date::local_seconds t) const {
    double span = double((to - from).count());
    double v = left + width * double((t - from).count()) / span;
    return std::clamp(v, left, left + width);
  }
};

GanttAxis gantt_axis(const Plan& plan) {
  date::local_seconds lo = date::local_seconds::max(), hi = date::local_seconds::min();
  date::local_seconds ms_lo = date::local_seconds::max(), ms_hi = date::local_seconds::min();
  for (const auto& m : plan.milestones) {
    ms_lo = std::min(ms_lo, m.at.local);
    ms_hi = std::max(ms_hi, m.at.local);
  }
  for (const auto& t : plan.tasks) {
    lo = std::min(lo, t.all_day ? date::local_seconds(t.first_day) : t.start.local);
    hi = std::max(hi, t.all_day ? date::local_seconds(t.last_day + date::days(1)) : t.end.local);
  }
  if (plan.tasks.empty()) lo = ms_lo, hi = ms_hi;
  if (lo == date::local_seconds::max()) lo = hi = date::local_seconds{};
  // Year-long planning tasks (年末 → 年初) would squeeze the campaign into a corner: the axis keeps
  // to 40 days before the first milestone and 30 after the last; longer bars are cut at the edge.
  if (ms_lo != date::local_seconds::max()) {
    lo = std::max(lo, date::local_seconds(date::floor<date::days>(ms_lo) - date::days(40)));
    hi = std::min(hi, date::local_seconds(date::floor<date::days>(ms_hi) + date::days(30)));
  }
  lo = date::local_seconds(date::floor<date::days>(lo));
  hi = date::local_seconds(date::ceil<date::days>(hi));
  if (hi <= lo) hi = lo + date::days(1);
  return {lo, hi};
}

std::string gantt_grid(const GanttAxis& axis, double top, double bottom, bool labels) {
  std::string out;
  // A line every Monday; a label on the first Monday of each fortnight.
  auto day = date::floor<date::days>(axis.from);
  int n = 0;
  for (auto d = day; date::local_seconds(d) <= axis.to; d += date::days(1)) {
    if (date::weekday(d) != date::Monday) continue;
    double x = axis.x(date::local_seconds(d));
    out += fmt::format("<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>", num(x), num(top), num(bottom));
    if (labels && n++ % 2 == 0) {
      out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>", num(x), num(top - 3),
                         date::format("%m-%d", d));
    }
  }
  return out + "\n";
}

std::string gantt_svg(const Plan& plan, const GanttAxis& axis, Lang lang) {
  std::vector<std::string> departments;
  for (const auto& t : plan.tasks) {
    if (std::find(departments.begin(), departments.end(), t.department) == departments.end()) departments.push_back(t.department);
  }
  std::string out;
  constexpr double row = 12, top = 30;
  // The axis and the milestone names, once, above the departments.
  double header_height = 40 + 10 * double(std::min<std::size_t>(plan.milestones.size(), 3));
  out += fmt::format("<svg viewBox=\"0 0 720 {}\" role=\"img\">\n", num(header_height));
  out += gantt_grid(axis, 28, header_height, true);
  int i = 0;
  for (const auto& m : plan.milestones) {
    double x = axis.x(m.at.local);
    double y = 40 + 10 * double(i++ % 3);
    out += fmt::format("<line class=\"ms\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/><text class=\"ms-label\" x=\"{0}\" y=\"{1}\" text-anchor=\"middle\">{3} {4}</text>\n",
                       num(x), num(y), num(header_height), html_escape(m.name), date::format("%m-%d", m.at.local));
  }
  out += fmt::format("<text x=\"0\" y=\"12\" class=\"dept\">{} – {}</text>\n", format_date(date::floor<date::days>(axis.from)),
                     format_date(date::floor<date::days>(axis.to) - date::days(1)));
  out += "</svg>\n";
  for (const auto& dept : departments) {
    std::vector<const DatedTask*> tasks;
    for (const auto& t : plan.tasks) {
      if (t.department == dept) tasks.push_back(&t);
    }
    double height = top + row * double(tasks.size()) + 4;
    out += fmt::format("<svg viewBox=\"0 0 720 {}\" role=\"img\" aria-label=\"{}\">\n",
                       num(height), html_escape(dept));
    out += fmt::format("<text class=\"dept\" x=\"0\" y=\"{}\">{} ({})</text>\n", num(top - 14), html_escape(dept), tasks.size());
    out += gantt_grid(axis, top - 6, height, false);
    for (const auto& m : plan.milestones) {
      double x = axis.x(m.at.local);
      out += fmt::format("<line class=\"ms\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>", num(x), num(top - 6), num(height));
    }
    out += "\n";
    double y = top;
    for (const auto* t : tasks) {
      auto from = t->all_day ? date::local_seconds(t->first_day) : t->start.local;
      auto to = t->all_day ? date::local_seconds(t->last_day + date::days(1)) : t->end.local;
      double x1 = axis.x(from), x2 = std::max(axis.x(to), x1 + 2);
      std::string when = t->all_day ? (t->first_day == t->last_day ? show_day(t->first_day, lang)
                                                                    : show_day(t->first_day, lang) + " – " + show_day(t->last_day, lang))
                                    : show_moment(t->start, lang) + (t->end == t->start ? "" : " – " + show_moment(t->end, lang));
      out += fmt::format("<text x=\"0\" y=\"{}\">{}</text>", num(y + 9), html_escape(shorten(t->name, 16)));
      if (to <= axis.from || from >= axis.to) {  // wholly outside the axis: say when instead of a sliver
        out += fmt::format("<text class=\"outside\" x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}{}{}</text>\n",
                           num(to <= axis.from ? axis.left + 2 : axis.left + axis.width - 2), num(y + 9),
                           to <= axis.from ? "start" : "end", to <= axis.from ? "◀ " : "", html_escape(when),
                           to <= axis.from ? "" : " ▶");
        y += row;
        continue;
      }
      out += fmt::format("<rect class=\"bar{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"1.5\"><title>{} · {} · {}</title></rect>",
                         t->all_day ? "" : " timed", num(x1), num(y + 2), num(x2 - x1), num(row - 4), html_escape(t->name),
                         html_escape(t->owner), html_escape(when));
      if (from < axis.from) out += fmt::format("<text class=\"cut\" x=\"{}\" y=\"{}\">◀</text>", num(axis.left + 1), num(y + 8.5));
      out += "\n";
      y += row;
    }
    out += "</svg>\n";
  }
  return out;
}

// ---- 平台时限: the platform's deadlines and windows (plan/deadlines.hpp). A report counts down
// to each one's end from its as-of: how long is left to pay the 保证金, to ship, until release.

/// When a deadline ends: the end of its last day (the next midnight), or its end moment.
date::sys_seconds deadline_end(const DatedDeadline& d) {
  if (!d.all_day) return d.end.utc();
  // The offset of the last day's midnight: right unless the clocks change that very day.
  return date::sys_seconds{(date::local_seconds(d.last_day + date::days(1)) - d.end.utc_offset).time_since_epoch()};
}

std::string deadlines_html(const Plan& plan, Lang lang, std::string_view h, const ZonedTime* as_of) {
  if (plan.deadlines.empty()) return {};
  bool en = lang == Lang::en;
  std::vector<std::vector<std::string>> rows;
  for (const auto& d : plan.deadlines) {
    auto show = [&](date::local_days day, const ZonedTime& at) { return d.all_day ? show_day(day, lang) : show_moment(at, lang); };
    std::vector<std::string> row{html_escape(d.name), show(d.first_day, d.start), show(d.last_day, d.end), html_escape(d.rule)};
    if (as_of) {
      auto now = as_of->utc(), end = deadline_end(d);
      bool started = now >= d.start.utc(), over = now >= end;
      std::string state = over ? (en ? "over" : "已过") : started ? (en ? "under way" : "进行中") : (en ? "ahead" : "未开始");
      row.push_back(fmt::format("<span class=\"{}\">{}</span>", over ? "muted" : started ? "stale" : "ok", state));
      row.push_back(show_countdown(end - now, lang));
    }
    row.push_back(html_escape(d.note));
    rows.push_back(std::move(row));
  }
  std::vector<std::string> header{en ? "item" : "事项", en ? "start" : "开始", en ? "end" : "结束", en ? "rule" : "规则"};
  if (as_of) {
    header.push_back(en ? "state" : "状态");
    header.push_back(en ? "until the end" : "距截止");
  }
  header.push_back(en ? "note" : "说明");
  return fmt::format("<{0} id=\"deadlines\">{1}</{0}>\n", h, en ? "Platform deadlines" : "平台时限") +
         table_html(header, rows, as_of ? " tt  t" : " tt");
}

std::string schedule_html(const Plan& plan, Lang lang, std::string_view h, bool deadlines) {
  bool en = lang == Lang::en;
  std::string out;
  out += fmt::format("<{0}>{1}</{0}>\n", h, en ? "Milestones" : "里程碑");
  std::vector<std::vector<std::string>> rows;
  for (const auto& m : plan.milestones) {
    rows.push_back({html_escape(m.name), show_when(m.at, m.date_only, lang),
                    m.rule.empty() ? "" : html_escape((en ? "from " : "由 ") + m.rule)});
  }
  out += table_html({en ? "milestone" : "里程碑", en ? "at" : "时间", ""}, rows, " t");
  if (deadlines) out += deadlines_html(plan, lang, h, nullptr);
  out += fmt::format("<{0}>{1}</{0}>\n", h, en ? "Gantt chart by department" : "甘特图（按部门）");
  out += gantt_svg(plan, gantt_axis(plan), lang);
  for (const auto& phase : plan.phases) {
    rows.clear();
    for (const auto& t : plan.tasks) {
      if (t.phase != phase) continue;
      rows.push_back({show_task_start(t, lang), show_task_end(t, lang), html_escape(t.name), html_escape(t.department),
                      html_escape(t.owner), html_escape(task_timing(t))});
      if (plan.with_status) rows.back().push_back(html_escape(show_plan_task_status(t, lang)));
    }
    if (rows.empty()) continue;
    out += fmt::format("<{0}>{1} ({2})</{0}>\n", h, html_escape(phase), rows.size());
    std::vector<std::string> header{en ? "start" : "开始", en ? "end" : "结束", en ? "task" : "任务", en ? "department" : "部门",
                                    en ? "owner" : "负责人", en ? "timing" : "时间要求"};
    if (plan.with_status) header.emplace_back(task_status_header(lang));
    out += table_html(header, rows, "tt");
  }
  return out;
}

// ---- Plan against actual, one chart per tracked metric: the tolerance band around the plan,
// the plan line, the actual cumulative figures, and each checkpoint's verdict as a dot.

std::string metric_chart(const Report& r, const std::string& metric, Lang lang) {
  std::vector<const CheckpointResult*> cps;
  for (const auto& c : r.checkpoints) {
    if (c.checkpoint.metric == metric && c.high) cps.push_back(&c);  // a plan, so a band
  }
  if (cps.empty()) return {};
  const MetricSeries* series = nullptr;
  for (const auto& s : r.series) {
    if (s.metric == metric) series = &s;
  }
  auto t0 = cps.front()->checkpoint.at.local, t1 = t0;
  double vmax = 0;
  for (const auto* c : cps) {
    t0 = std::min(t0, c->checkpoint.at.local);
    t1 = std::max(t1, c->checkpoint.at.local);
    vmax = std::max(vmax, c->high->to_double());
    if (c->actual) vmax = std::max(vmax, c->actual->to_double());
  }
  // Start at the milestone the first checkpoint counts from, when it is earlier (开团: 0 orders).
  for (const auto& m : r.plan.milestones) {
    if (m.at.local <= t0 && t0 - m.at.local <= std::chrono::hours(6)) t0 = std::min(t0, m.at.local);
  }
  // The line runs on to the latest figure at or before as-of, past the last checkpoint (12:20
  // after 12:00): the chart always ends on what the shop has now.
  const LatestFigure* latest = nullptr;
  for (const auto& x : r.latest) {
    if (x.metric == metric) latest = &x;
  }
  if (latest && latest->at > t1) t1 = latest->at;
  if (series) {
    for (const auto& [at, v] : series->points) {
      if (at >= t0 && at <= t1) vmax = std::max(vmax, v.to_double());
    }
  }
  if (t1 == t0) t1 = t0 + std::chrono::minutes(1);
  vmax = vmax <= 0 ? 1 : vmax * 1.1;
  constexpr double L = 50, R = 700, T = 14, B = 200;
  auto x = [&](date::local_seconds t) { return L + (R - L) * double((t - t0).count()) / double((t1 - t0).count()); };
  auto y = [&](double v) { return B - (B - T) * v / vmax; };
  std::string out = fmt::format("<svg viewBox=\"0 0 720 230\" role=\"img\" aria-label=\"{}\">\n",
                                html_escape(metric));
  // y grid: 0, ¼ … max
  for (int i = 0; i <= 4; ++i) {
    double v = vmax / 1.1 * i / 4;
    out += fmt::format("<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/><text x=\"{3}\" y=\"{4}\" text-anchor=\"end\">{5}</text>\n",
                       num(L), num(y(v)), num(R), num(L - 4), num(y(v) + 3), fmt::format("{:.0f}", v));
  }
  out += fmt::format("<line class=\"axis\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/>\n", num(L), num(B), num(R));
  // The band and the plan line start from zero at t0 when t0 is the milestone.
  std::string upper, lower, plan_line;
  bool from_zero = cps.front()->checkpoint.at.local > t0;
  if (from_zero) {
    upper = fmt::format("{},{}", num(x(t0)), num(y(0)));
    plan_line = upper;
  }
  for (const auto* c : cps) {
    double px = x(c->checkpoint.at.local);
    if (!upper.empty()) upper += " ";
    if (!plan_line.empty()) plan_line += " ";
    upper += fmt::format("{},{}", num(px), num(y(c->high->to_double())));
    plan_line += fmt::format("{},{}", num(px), num(y(c->plan->to_double())));
  }
  for (auto it = cps.rbegin(); it != cps.rend(); ++it) {
    lower += fmt::format(" {},{}", num(x((*it)->checkpoint.at.local)), num(y((*it)->low->to_double())));
  }
  if (from_zero) lower += fmt::format(" {},{}", num(x(t0)), num(y(0)));
  out += fmt::format("<polygon class=\"band\" points=\"{}{}\"/>\n", upper, lower);
  out += fmt::format("<polyline class=\"plan\" points=\"{}\"/>\n", plan_line);
  if (series) {
    std::string pts;
    for (const auto& [at, v] : series->points) {
      if (at < t0 || at > t1) continue;
      if (!pts.empty()) pts += " ";
      pts += fmt::format("{},{}", num(x(at)), num(y(v.to_double())));
    }
    if (!pts.empty()) out += fmt::format("<polyline class=\"actual\" points=\"{}\"/>\n", pts);
  }
  for (const auto* c : cps) {
    double px = x(c->checkpoint.at.local);
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>", num(px), num(B + 12),
                       show_time(c->checkpoint.at.local));
    if (c->actual && c->status == CheckStatus::stale) {
      // A stale figure is not the checkpoint's: a hollow mark on the plan, the figure's age in its title.
      out += fmt::format("<circle class=\"pt-stale\" cx=\"{}\" cy=\"{}\" r=\"3.5\"><title>{} {}: {}</title></circle>", num(px),
                         num(y(c->plan->to_double())), html_escape(c->checkpoint.name), html_escape(metric),
                         html_escape(show_checkpoint_status(*c, lang)));
    } else if (c->actual) {
      out += fmt::format("<circle class=\"{}\" cx=\"{}\" cy=\"{}\" r=\"3.5\"><title>{} {}: {} / {} ({})</title></circle>",
                         c->off_plan() ? "pt-off" : "pt-ok", num(px), num(y(c->actual->to_double())),
                         html_escape(c->checkpoint.name), html_escape(metric), show_figure(*c->actual), html_escape(plan_text(c->checkpoint)),
                         c->deviation ? show_deviation(*c->deviation) : "");
    }
    out += "\n";
  }
  bool en = lang == Lang::en;
  if (latest && latest->at >= t0) {
    double lx = x(latest->at), ly = y(latest->value.to_double());
    out += fmt::format("<circle class=\"pt-ok\" cx=\"{0}\" cy=\"{1}\" r=\"2.5\"/><text class=\"latest\" x=\"{0}\" y=\"{2}\" text-anchor=\"end\">{3} {4} {5}</text>\n",
                       num(lx), num(ly), num(ly - 6), en ? "latest" : "最新", show_time(latest->at), show_figure(latest->value));
  }
  out += fmt::format("<text x=\"{}\" y=\"226\">{}</text>", num(L),
                     html_escape(en ? metric + " — dashed: plan, band: tolerance, line: actual (cumulative), red dot: off plan, hollow dot: stale figure"
                                    : metric + " — 虚线：计划，绿带：容差范围，蓝线：实际（累计），红点：偏离计划，空心点：数据过时"));
  return out + "\n</svg>\n";
}

}  // namespace

std::string html_page(std::string_view title, Lang lang, std::string_view body) {
  return head(title, lang) + std::string(body) + std::string(kFoot);
}

std::string render_plan_html(const Plan& plan, Lang lang) {
  bool en = lang == Lang::en;
  std::string out = head(plan.campaign, lang);
  out += fmt::format("<h1>{}</h1>\n<p class=\"meta\">{} {} · {} {} · {} {}</p>\n", html_escape(plan.campaign),
                     en ? "template" : "模板", html_escape(plan.template_name), en ? "time zone" : "时区", html_escape(plan.timezone),
                     en ? "calendar" : "日历", html_escape(plan.calendar));
  out += schedule_html(plan, lang, "h2", true);
  return out + std::string(kFoot);
}

std::string render_report_html(const Report& r, Lang lang) {
  bool en = lang == Lang::en;
  const auto& plan = r.plan;
  std::string out = head(plan.campaign + (en ? " — report" : " — 活动报告"), lang);
  out += fmt::format("<h1>{} — {}</h1>\n<p class=\"meta\">{} {} ({}) · {} {}", html_escape(plan.campaign),
                     en ? "Campaign report" : "活动报告", en ? "as of" : "截至", show_moment(r.as_of, lang),
                     html_escape(plan.timezone), en ? "template" : "模板", html_escape(plan.template_name));
  if (!r.actuals_files.empty()) {
    std::string files;
    for (const auto& f : r.actuals_files) files += (files.empty() ? "" : ", ") + html_escape(f);
    out += fmt::format(" · {} {}", en ? "actuals" : "实际数据", files);
  }
  out += "</p>\n";

  out += fmt::format("<h2>{}</h2>\n", en ? "Summary" : "概要");
  std::string alerts;
  for (const auto& c : r.checkpoints) {
    if (!c.off_plan()) continue;
    alerts += fmt::format("<li>{} {}: {} {} {} {} ({}) — {}</li>\n", show_moment(c.checkpoint.at, lang), html_escape(c.checkpoint.name),
                          html_escape(c.checkpoint.metric), show_figure(*c.actual), en ? "vs plan" : "对计划",
                          html_escape(plan_text(c.checkpoint)), show_deviation(*c.deviation), html_escape(c.message));
  }
  // "No checkpoint is off plan" is said only when none is overdue either: a checkpoint due without
  // figures is unknown, not on plan.
  auto overdue_count = r.overdue().size();
  if (overdue_count) {
    alerts += fmt::format("<li>{}</li>\n", en ? fmt::format("{} checkpoint{} overdue, no figures (below)", overdue_count, overdue_count == 1 ? "" : "s")
                                               : fmt::format("{} 个检查点逾期未回报（见下方）", overdue_count));
  }
  auto stale_count = std::count_if(r.checkpoints.begin(), r.checkpoints.end(), [](const auto& c) { return c.status == CheckStatus::stale; });
  if (stale_count) {
    alerts += fmt::format("<li class=\"stale\">{}</li>\n", en ? fmt::format("{} checkpoint{} with a stale figure, not compared (below)", stale_count, stale_count == 1 ? "" : "s")
                                                               : fmt::format("{} 个检查点的数据过时，未作比较（见下方）", stale_count));
  }
  out += alerts.empty() ? fmt::format("<p class=\"ok\">{}</p>\n", en ? "No checkpoint is off plan." : "没有偏离计划的检查点。")
                        : "<ul class=\"alerts\">\n" + alerts + "</ul>\n";
  std::vector<std::vector<std::string>> rows;
  if (r.forecast) {
    out += fmt::format("<h3>{}</h3>\n", en ? "Progress and forecast" : "目标进度与预测");
    for (const auto& p : r.forecast->metrics) {
      rows.push_back({html_escape(p.metric), html_escape(p.target_name + " " + show_target_figure(p.target, p.money)),
                      p.actual ? show_target_figure(*p.actual, p.money) : "", p.actual_at ? show_time(*p.actual_at) : "",
                      p.fraction ? show_share(*p.fraction) : "", p.planned_share ? show_share(*p.planned_share) : "",
                      p.projection ? show_target_figure(*p.projection, p.money) : "", html_escape(show_sell_out(p, lang))});
    }
    out += table_html({en ? "metric" : "指标", en ? "target" : "目标", en ? "actual" : "实际", en ? "figure at" : "数据时间",
                       en ? "done" : "完成", en ? "planned share" : "计划累计占比", en ? "projected total" : "预测全天",
                       en ? "sell-out" : "售罄时间"},
                      rows, "tnntnnnt");
    out += fmt::format("<p class=\"muted\">{}{}{}</p>\n", en ? "Method" : "预测方法", en ? ": " : "：",
                       html_escape(forecast_method(*r.forecast, plan, lang)));
    rows.clear();
  }
  for (const auto& c : r.countdown) {
    rows.push_back({html_escape(c.milestone), show_when(c.at, c.date_only, lang),
                    show_countdown(c.remaining, lang)});
  }
  out += fmt::format("<h3>{}</h3>\n", en ? "Countdown" : "里程碑倒计时");
  out += table_html({en ? "milestone" : "里程碑", en ? "at" : "时间", en ? "countdown" : "倒计时"}, rows, " t");
  out += deadlines_html(plan, lang, "h3", &r.as_of);
  auto tasks_html = [&](std::string_view title, const std::vector<DatedTask>& tasks) {
    out += fmt::format("<h3>{} ({})</h3>\n", title, tasks.size());
    if (tasks.empty()) {
      out += fmt::format("<p class=\"muted\">{}</p>\n", en ? "none" : "无");
      return;
    }
    std::vector<std::vector<std::string>> task_rows;
    for (const auto& t : tasks) {
      task_rows.push_back({show_task_end(t, lang), html_escape(t.name), html_escape(t.department), html_escape(t.owner)});
    }
    out += table_html({en ? "end" : "结束", en ? "task" : "任务", en ? "department" : "部门", en ? "owner" : "负责人"}, task_rows, "t");
  };
  // With --status: one 今日到期 (the status section's), and the plan's running tasks named apart
  // from the reported 进行中 (as report_render.cpp does for md and xlsx).
  if (!r.status) tasks_html(en ? "Due today" : "今日到期", r.due_today);
  tasks_html(r.status ? (en ? "Scheduled now" : "按排期进行中") : (en ? "In progress" : "进行中"), r.in_progress);
  auto overdue = r.overdue();
  out += fmt::format("<h3>{} ({})</h3>\n", en ? "Overdue checkpoints (no figures)" : "逾期未回报的检查点", overdue.size());
  if (overdue.empty()) {
    out += fmt::format("<p class=\"muted\">{}</p>\n", en ? "none" : "无");
  } else {
    rows.clear();
    for (const auto* c : overdue) {
      rows.push_back({show_moment(c->checkpoint.at, lang), html_escape(c->checkpoint.name), html_escape(c->checkpoint.metric),
                      html_escape(c->checkpoint.owner)});
    }
    out += table_html({en ? "at" : "时间", en ? "name" : "名称", en ? "metric" : "指标", en ? "owner" : "负责人"}, rows, "t");
  }

  if (r.status) out += status_html(*r.status, lang);
  out += fmt::format("<h2>{}</h2>\n", en ? "Checkpoints" : "跟进检查点");
  std::vector<std::string> metrics;
  for (const auto& c : r.checkpoints) {
    if (std::find(metrics.begin(), metrics.end(), c.checkpoint.metric) == metrics.end()) metrics.push_back(c.checkpoint.metric);
  }
  for (const auto& m : metrics) out += metric_chart(r, m, lang);
  rows.clear();
  for (const auto& c : r.checkpoints) {
    std::string cls = c.off_plan() ? "off" : c.status == CheckStatus::on_plan ? "ok" : c.status == CheckStatus::stale ? "stale" : "muted";
    rows.push_back({show_moment(c.checkpoint.at, lang), html_escape(c.checkpoint.name), html_escape(c.checkpoint.metric),
                    html_escape(plan_text(c.checkpoint)), html_escape(tolerance_text(c.checkpoint)), c.actual ? show_figure(*c.actual) : "",
                    c.deviation ? show_deviation(*c.deviation) : "",
                    fmt::format("<span class=\"{}\">{}</span>", cls, html_escape(show_checkpoint_status(c, lang))), html_escape(c.message)});
  }
  out += table_html({en ? "at" : "时间", en ? "name" : "名称", en ? "metric" : "指标", en ? "plan" : "计划", en ? "tolerance" : "容差",
                     en ? "actual" : "实际", en ? "deviation" : "偏差", en ? "status" : "状态", en ? "action" : "措施"},
                    rows, "tttnnnn");
  if (!r.latest.empty()) {
    rows.clear();
    for (const auto& x : r.latest) rows.push_back({html_escape(x.metric), show_metric_figure(x.metric, x.value), show_time(x.at)});
    out += fmt::format("<h3>{}</h3>\n", en ? "Latest figures" : "最新数据");
    out += table_html({en ? "metric" : "指标", en ? "value" : "数值", en ? "figure at" : "数据时间"}, rows, "tnt");
  }
  if (!r.findings.empty()) {
    out += fmt::format("<h2>{}</h2>\n<ul>\n", en ? "Problems in the actuals" : "数据问题");
    for (const auto& d : r.findings) {
      out += fmt::format("<li>{}:{}:{}: {} [{}]</li>\n", html_escape(d.where.file_name()), d.where.line, d.where.column,
                         html_escape(diagnostic_message(d, language_of(lang))), d.code);
    }
    out += "</ul>\n";
  }
  out += fmt::format("<h2>{}</h2>\n", en ? "Schedule" : "日程");
  out += schedule_html(plan, lang, "h3", false);  // 平台时限 is above, with its countdown
  return out + std::string(kFoot);
}

}  // namespace dacu
