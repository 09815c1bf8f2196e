// Renderers of the report value: Markdown and JSON here, HTML in html.cpp. They format; the
// numbers were computed by build_report.
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>

#include "dacu/base/error.hpp"
#include "dacu/base/money.hpp"
#include "dacu/base/numbers.hpp"
#include "dacu/render/contract.hpp"
#include "dacu/render/html.hpp"
#include "dacu/render/json.hpp"
#include "dacu/render/render_plan.hpp"
#include "dacu/render/render_report.hpp"
#include "dacu/render/render_status.hpp"
#include "dacu/compute/report.hpp"
#include "dacu/base/table.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/model/template.hpp"
#include "dacu/render/xlsx.hpp"

namespace dacu {

namespace {

struct ReportLabels {
  std::string_view title, as_of, summary, countdown, milestone, at, remaining, due_today, in_progress, overdue,
      none, checkpoints, name, metric, plan, tolerance, actual, actual_at, deviation, status, action, schedule,
      findings, actuals, off_plan_count, overdue_count, task, department, owner, end;
  /// With --status the plan's 进行中 (scheduled now) is named apart from the reported 进行中.
  std::string_view scheduled_now;
};
constexpr ReportLabels kZh{"活动报告", "截至", "概要", "里程碑倒计时", "里程碑", "时间", "倒计时", "今日到期", "进行中",
                           "逾期未回报的检查点", "无", "跟进检查点", "名称", "指标", "计划", "容差", "实际",
                           "数据时间", "偏差", "状态", "措施", "日程", "数据问题", "实际数据", "偏离计划的检查点",
                           "逾期未回报的检查点", "任务", "部门", "负责人", "结束", "按排期进行中"};
constexpr ReportLabels kEn{"Campaign report", "as of", "Summary", "Countdown", "milestone", "at", "countdown",
                           "Due today", "In progress", "Overdue checkpoints (no figures)", "none", "Checkpoints",
                           "name", "metric", "plan", "tolerance", "actual", "figure at", "deviation", "status",
                           "action", "Schedule", "Problems in the actuals", "actuals", "checkpoints off plan",
                           "overdue checkpoints (no figures)", "task", "department", "owner", "end", "Scheduled now"};
const ReportLabels& labels(Lang lang) { return lang == Lang::en ? kEn : kZh; }

std::string status_label(CheckStatus s, Lang lang) {
  bool en = lang == Lang::en;
  switch (s) {
    case CheckStatus::pending: return en ? "pending" : "未到";
    case CheckStatus::no_data: return en ? "no figures" : "未回报";
    case CheckStatus::no_plan: return en ? "no plan" : "无计划";
    case CheckStatus::on_plan: return en ? "on plan" : "正常";
    case CheckStatus::above: return en ? "ABOVE plan" : "偏高 ⚠";
    case CheckStatus::below: return en ? "BELOW plan" : "偏低 ⚠";
    case CheckStatus::stale: return en ? "STALE figure" : "数据过时";
  }
  return "?";
}

}  // namespace

std::string show_share(const Rational& fraction) { return format_percent(fraction, 1); }

std::string show_metric_figure(std::string_view metric, const Rational& value) {
  return metric_kind(metric) == MetricKind::money ? show_target_figure(value, true) : show_figure(value);
}

std::string show_target_figure(const Rational& value, bool money) {
  if (money) return Money::from_yuan(value, Rounding::half_up_to_fen).to_string();
  return value.round().to_string();
}

std::string show_checkpoint_status(const CheckpointResult& c, Lang lang) {
  auto label = status_label(c.status, lang);
  if (c.status != CheckStatus::stale || !c.age) return label;
  // How old the figure was when the checkpoint came: 数据过时（早1小时45分钟）.
  return lang == Lang::en ? fmt::format("{} ({} old)", label, format_duration(*c.age))
                          : fmt::format("{}（早{}）", label, format_duration_zh(*c.age));
}

std::string forecast_method(const ReportForecast& f, const Plan& plan, Lang lang) {
  bool en = lang == Lang::en;
  std::string points;
  for (std::size_t i = 0; i < f.curve.size(); ++i) {
    const auto at = f.curve[i].first;
    const auto& share = f.curve[i].second;
    std::string name;
    if (i == 0) name = std::string(en ? "opening " : "开团 ");
    else if (i + 1 == f.curve.size()) {
      bool close = std::any_of(plan.milestones.begin(), plan.milestones.end(), [&](const auto& m) { return m.at.local == at && m.name == "结束"; });
      name = close ? std::string(en ? "close " : "结束 ") : std::string(en ? "end of day " : "当天结束 ");
    }
    points += fmt::format("{}{}{} {}", i ? (en ? ", " : "，") : "", name, show_time(at), show_share(share));
  }
  if (en) {
    return fmt::format("projection = latest figure ÷ the planned cumulative share at its time, at most the units offered; the share is the checkpoints' plan ÷ "
                       "target ({}), linear between them: {}",
                       f.curve_metric.empty() ? "no checkpoint" : f.curve_metric, points);
  }
  return fmt::format("预测全天 = 最新数字 ÷ 其时刻的计划累计占比，不超过报名件数；占比取检查点计划 ÷ 目标（{}），检查点之间按时间线性插值：{}",
                     f.curve_metric.empty() ? "没有检查点" : f.curve_metric, points);
}

std::string show_sell_out(const Progress& p, Lang lang) {
  bool en = lang == Lang::en;
  if (!p.cap) return "";
  if (p.sold_out) return en ? "sold out " + show_time(*p.sell_out) : "已售罄 " + show_time(*p.sell_out);
  if (p.sell_out) return en ? "projected " + show_time(*p.sell_out) : "预计 " + show_time(*p.sell_out);
  if (p.projection) return en ? "not by the close" : "结束前不会售罄";
  return "";
}

std::string show_figure(const Rational& value) { return value.is_integer() ? value.to_string() : value.round_to(2).to_string(); }

std::string show_deviation(const Rational& deviation) {
  auto percent = (deviation * 100).round_to(1);
  return (percent.is_negative() ? "" : "+") + percent.to_string() + "%";
}

std::string show_countdown(std::chrono::seconds remaining, Lang lang) {
  using namespace std::chrono;
  bool past = remaining < seconds(0);
  auto left = past ? -remaining : remaining;
  auto d = duration_cast<days>(left);
  auto h = duration_cast<hours>(left - d);
  auto m = duration_cast<minutes>(left - d - h);
  bool en = lang == Lang::en;
  std::string text;
  if (d.count() > 0) text = en ? fmt::format("{}d {}h", d.count(), h.count()) : fmt::format("{}天{}小时", d.count(), h.count());
  else if (h.count() > 0) text = en ? fmt::format("{}h {}min", h.count(), m.count()) : fmt::format("{}小时{}分钟", h.count(), m.count());
  else if (m.count() > 0) text = en ? fmt::format("{}min", m.count()) : fmt::format("{}分钟", m.count());
  else return en ? "now" : "现在";
  if (past) return en ? text + " ago" : "已过" + text;
  return en ? "in " + text : "还有" + text;
}

std::string show_status(CheckStatus status, Lang lang) { return status_label(status, lang); }

namespace {

struct ProgressLabels {
  std::string_view title, metric, target, actual, at, done, share, projection, sell_out, method, latest, value, none,
      stale_count;
};
constexpr ProgressLabels kProgressZh{"目标进度与预测", "指标", "目标", "实际", "数据时间", "完成", "计划累计占比", "预测全天",
                                     "售罄时间", "预测方法", "最新数据", "数值", "还没有开团后的数据",
                                     "数据过时的检查点（未比较）"};
constexpr ProgressLabels kProgressEn{"Progress and forecast", "metric", "target", "actual", "figure at", "done",
                                     "planned share", "projected total", "sell-out", "Method", "Latest figures", "value",
                                     "no figures since the opening yet", "checkpoints with a stale figure (not compared)"};
const ProgressLabels& progress_labels(Lang lang) { return lang == Lang::en ? kProgressEn : kProgressZh; }

Table progress_table(const ReportForecast& f, Lang lang) {
  const auto& l = progress_labels(lang);
  Table table{{std::string(l.metric), std::string(l.target), std::string(l.actual), std::string(l.at), std::string(l.done),
               std::string(l.share), std::string(l.projection), std::string(l.sell_out)},
              {},
              {Align::left, Align::right, Align::right, Align::left, Align::right, Align::right, Align::right, Align::left}};
  for (const auto& p : f.metrics) {
    table.rows.push_back({p.metric, number_cell(fmt::format("{} {}", p.target_name, show_target_figure(p.target, p.money))),
                          number_cell(p.actual ? show_target_figure(*p.actual, p.money) : ""), p.actual_at ? show_time(*p.actual_at) : "",
                          number_cell(p.fraction ? show_share(*p.fraction) : ""),
                          number_cell(p.planned_share ? show_share(*p.planned_share) : ""),
                          number_cell(p.projection ? show_target_figure(*p.projection, p.money) : ""), show_sell_out(p, lang)});
  }
  return table;
}

Table latest_table(const Report& r, Lang lang) {
  const auto& l = progress_labels(lang);
  Table table{{std::string(l.metric), std::string(l.value), std::string(l.at)}, {}, {Align::left, Align::right, Align::left}};
  for (const auto& x : r.latest) table.rows.push_back({x.metric, number_cell(show_metric_figure(x.metric, x.value)), show_time(x.at)});
  return table;
}

Table tasks_table(const std::vector<DatedTask>& tasks, const ReportLabels& l, Lang lang) {
  Table table{{std::string(l.end), std::string(l.task), std::string(l.department), std::string(l.owner)}, {}, {}};
  for (const auto& t : tasks) table.rows.push_back({show_task_end(t, lang), t.name, t.department, t.owner});
  return table;
}

std::string render_md(const Report& r, Lang lang) {
  const auto& l = labels(lang);
  const auto& plan = r.plan;
  std::string out = fmt::format("# {} — {}\n\n{} {} ({})", md_text(plan.campaign), l.title, l.as_of, show_moment(r.as_of, lang), plan.timezone);
  if (!r.actuals_files.empty()) out += fmt::format(" · {}: {}", l.actuals, md_text(fmt::format("{}", fmt::join(r.actuals_files, ", "))));
  out += "\n\n";
  // Off plan counts only checkpoints with a figure: the ones due without one are counted beside it,
  // or "0 / 0" read as all clear while six were overdue.
  out += fmt::format("## {}\n\n- {}: {} / {}\n", l.summary, l.off_plan_count, r.off_plan_count(), r.with_actual_count());
  for (const auto& c : r.checkpoints) {
    if (c.off_plan()) {
      out += fmt::format("- ⚠ {} {}: {} {} {} ({}) — {}\n", show_moment(c.checkpoint.at, lang), md_text(c.checkpoint.name),
                         md_text(c.checkpoint.metric), show_figure(*c.actual), lang == Lang::en ? "vs plan" : "对计划",
                         plan_text(c.checkpoint) + ", " + show_deviation(*c.deviation), md_text(c.message));
    }
  }
  out += fmt::format("- {}: {}\n", l.overdue_count, r.overdue().size());
  const auto& pl = progress_labels(lang);
  auto stale_count = std::count_if(r.checkpoints.begin(), r.checkpoints.end(), [](const auto& c) { return c.status == CheckStatus::stale; });
  out += fmt::format("- {}: {}\n", pl.stale_count, stale_count);
  if (r.status) out += fmt::format("- {}: {}\n", lang == Lang::en ? "open tasks past due" : "逾期未完成的任务", r.status->overdue.size());
  if (r.forecast) {
    out += fmt::format("\n### {}\n\n", pl.title);
    out += render_md_table(progress_table(*r.forecast, lang));
    out += fmt::format("\n{}{}{}\n", pl.method, lang == Lang::en ? ": " : "：", md_text(forecast_method(*r.forecast, plan, lang)));
  }
  out += fmt::format("\n### {}\n\n", l.countdown);
  Table countdown{{std::string(l.milestone), std::string(l.at), std::string(l.remaining)}, {}, {}};
  for (const auto& c : r.countdown) {
    countdown.rows.push_back({c.milestone, show_when(c.at, c.date_only, lang),
                              show_countdown(c.remaining, lang)});
  }
  out += render_md_table(countdown);
  auto task_section = [&](std::string_view title, const std::vector<DatedTask>& tasks) {
    out += fmt::format("\n### {} ({})\n\n", title, tasks.size());
    out += tasks.empty() ? fmt::format("{}\n", l.none) : render_md_table(tasks_table(tasks, l, lang));
  };
  // With --status, 今日到期 is the status section's alone (it knows what is done), and the tasks
  // the plan has running now are 按排期进行中: 进行中 is a state someone reported.
  if (!r.status) task_section(l.due_today, r.due_today);
  task_section(r.status ? l.scheduled_now : l.in_progress, r.in_progress);
  auto overdue = r.overdue();
  out += fmt::format("\n### {} ({})\n\n", l.overdue, overdue.size());
  if (overdue.empty()) {
    out += fmt::format("{}\n", l.none);
  } else {
    Table table{{std::string(l.at), std::string(l.name), std::string(l.metric), std::string(l.owner)}, {}, {}};
    for (const auto* c : overdue) {
      table.rows.push_back({show_moment(c->checkpoint.at, lang), c->checkpoint.name, c->checkpoint.metric, c->checkpoint.owner});
    }
    out += render_md_table(table);
  }

  if (r.status) out += "\n" + status_md(*r.status, lang, "##");
  out += fmt::format("\n## {}\n\n", l.checkpoints);
  Table table{{std::string(l.at), std::string(l.name), std::string(l.metric), std::string(l.plan), std::string(l.tolerance),
               std::string(l.actual), std::string(l.actual_at), std::string(l.deviation), std::string(l.status),
               std::string(l.action)},
              {},
              {Align::left, Align::left, Align::left, Align::right, Align::right, Align::right, Align::left, Align::right}};
  for (const auto& c : r.checkpoints) {
    table.rows.push_back({show_moment(c.checkpoint.at, lang), c.checkpoint.name, c.checkpoint.metric, number_cell(plan_text(c.checkpoint)),
                          number_cell(tolerance_text(c.checkpoint)), number_cell(c.actual ? show_figure(*c.actual) : ""),
                          c.actual_at ? show_time(*c.actual_at) : "",
                          number_cell(c.deviation ? show_deviation(*c.deviation) : ""), show_checkpoint_status(c, lang), c.message});
  }
  out += render_md_table(table);
  out += fmt::format("\n### {} ({} {})\n\n", pl.latest, l.as_of, show_moment(r.as_of, lang));
  out += r.latest.empty() ? fmt::format("{}\n", l.none) : render_md_table(latest_table(r, lang));
  if (!r.findings.empty()) {
    out += fmt::format("\n## {}\n\n", l.findings);
    for (const auto& d : r.findings) {
      out += fmt::format("- {}:{}:{}: {} [{}]\n", md_text(d.where.file_name()), d.where.line, d.where.column, md_text(diagnostic_message(d, language_of(lang))), d.code);
    }
  }
  out += fmt::format("\n## {}\n\n", l.schedule);
  out += render_plan_md_sections(plan, lang, "###");
  return out;
}

// A figure's time with the offset of the campaign's zone, as every timestamp of the JSON output
// (the earlier of the two where the clocks go back, as `as_of` is read).
std::string zoned_iso(const std::string& timezone, date::local_seconds at) {
  const auto* zone = date::locate_zone(timezone);
  return format_iso_with_offset(at, zone->get_info(zone->to_sys(at, date::choose::earliest)).offset);
}

std::string render_json(const Report& r, const RenderOptions& options) {
  Lang lang = options.lang;
  auto doc = json_header(options, r.plan.campaign);
  doc.update(json::Value::object({{"template", r.plan.template_name},
                                  {"timezone", r.plan.timezone},
                                  {"as_of", r.as_of.iso()},
                                  {"alert", r.alert()},
                                  {"missing_data", r.missing_data()},
                                  {"stale", r.stale()},
                                  {"max_staleness_seconds", static_cast<std::int64_t>(r.max_staleness.count())},
                                  {"actuals", r.actuals_files}}));
  auto countdown = json::Value::array();
  for (const auto& c : r.countdown) {
    countdown.push_back(json::Value::object({{"milestone", c.milestone},
                                             {"at", c.date_only ? format_date(c.at.day()) : c.at.iso()},
                                             {"seconds", c.remaining.count()},
                                             {"text", show_countdown(c.remaining, lang)}}));
  }
  auto names = [](const std::vector<DatedTask>& tasks) {
    auto a = json::Value::array();
    for (const auto& t : tasks) a.push_back(t.name);
    return a;
  };
  auto overdue = json::Value::array();
  for (const auto* c : r.overdue()) overdue.push_back(c->checkpoint.name);
  doc["summary"] = json::Value::object({{"countdown", std::move(countdown)},
                                        {"due_today", names(r.due_today)},
                                        {"in_progress", names(r.in_progress)},
                                        {"overdue", std::move(overdue)}});
  auto exact = [](const Rational& v) { return v.to_string(); };
  auto checkpoints = json::Value::array();
  for (const auto& c : r.checkpoints) {
    checkpoints.push_back(json::Value::object(
        {{"name", c.checkpoint.name},
         {"at", c.checkpoint.at.iso()},
         {"metric", c.checkpoint.metric},
         {"plan", json::maybe(plan_text(c.checkpoint))},
         {"plan_formula", json::maybe(c.checkpoint.plan_formula)},
         {"tolerance", json::maybe(tolerance_text(c.checkpoint))},
         {"actual", json::maybe(c.actual, exact)},
         {"actual_display", json::maybe(c.actual, show_figure)},
         {"actual_at", json::maybe(c.actual_at, [&](date::local_seconds at) { return zoned_iso(r.plan.timezone, at); })},
         {"deviation", json::maybe(c.deviation, exact)},
         {"deviation_display", json::maybe(c.deviation, show_deviation)},
         {"age_seconds", json::maybe(c.age, [](std::chrono::seconds a) { return json::Value(static_cast<std::int64_t>(a.count())); })},
         {"status", status_name(c.status)},
         {"owner", json::maybe(c.checkpoint.owner)},
         {"message", json::maybe(c.message)}}));
  }
  auto zoned = [&](date::local_seconds at) { return zoned_iso(r.plan.timezone, at); };
  doc["checkpoints"] = std::move(checkpoints);
  auto latest = json::Value::array();
  for (const auto& x : r.latest) {
    latest.push_back(json::Value::object({{"metric", x.metric}, {"value", show_metric_figure(x.metric, x.value)}, {"at", zoned(x.at)}}));
  }
  doc["latest"] = std::move(latest);
  if (r.forecast) {
    const auto& f = *r.forecast;
    auto curve = json::Value::array();
    for (const auto& [at, share] : f.curve) {
      curve.push_back(json::Value::object({{"at", zoned(at)}, {"share", share.to_string()}, {"share_display", show_share(share)}}));
    }
    auto metrics = json::Value::array();
    for (const auto& p : f.metrics) {
      auto figure = [&p](const Rational& v) { return json::Value(show_target_figure(v, p.money)); };
      auto exact_value = [](const Rational& v) { return json::Value(v.to_string()); };
      auto share = [](const Rational& v) { return json::Value(show_share(v)); };
      metrics.push_back(json::Value::object({{"metric", p.metric},
                                             {"target_name", p.target_name},
                                             {"target_formula", json::maybe(p.target_formula)},
                                             {"target", show_target_figure(p.target, p.money)},
                                             {"actual", json::maybe(p.actual, figure)},
                                             {"actual_at", json::maybe(p.actual_at, zoned)},
                                             {"fraction", json::maybe(p.fraction, exact_value)},
                                             {"fraction_display", json::maybe(p.fraction, share)},
                                             {"planned_share", json::maybe(p.planned_share, exact_value)},
                                             {"planned_share_display", json::maybe(p.planned_share, share)},
                                             {"projection", json::maybe(p.projection, figure)},
                                             {"projection_exact", json::maybe(p.projection, exact_value)},
                                             {"cap", json::maybe(p.cap, figure)},
                                             {"sold_out", p.sold_out},
                                             {"sell_out_at", json::maybe(p.sell_out, zoned)}}));
    }
    doc["progress"] = json::Value::object({{"method", "checkpoint_share_linear"},
                                           {"method_text", forecast_method(f, r.plan, lang)},
                                           {"curve_metric", json::maybe(f.curve_metric)},
                                           {"curve", std::move(curve)},
                                           {"metrics", std::move(metrics)}});
  } else {
    doc["progress"] = json::Value();
  }
  doc["task_status"] = r.status ? status_json(*r.status, r.plan.timezone) : json::Value();  // null without --status
  doc["diagnostics"] = diagnostics_json(r.findings, language_of(lang));
  doc["schedule"] = plan_json(r.plan);
  return json::dump(doc, 2) + "\n";
}

// The workbook mirrors the JSON output: one sheet per list, columns in the JSON's key order.

void add_about_sheet(xlsx::Workbook& book, const Report& r, Lang lang) {
  const auto& l = labels(lang);
  bool en = lang == Lang::en;
  using C = xlsx::Cell;
  auto& about = book.add_sheet(en ? "About" : "信息", {en ? "item" : "项目", en ? "value" : "值"});
  about.rows.push_back({C::text_of(en ? "campaign" : "活动"), C::text_of(r.plan.campaign)});
  about.rows.push_back({C::text_of(en ? "template" : "模板"), C::text_of(r.plan.template_name)});
  about.rows.push_back({C::text_of(en ? "time zone" : "时区"), C::text_of(r.plan.timezone)});
  about.rows.push_back({C::text_of(std::string(l.as_of)), C::datetime_of(r.as_of.local)});
  about.rows.push_back({C::text_of(en ? "alert (a checkpoint off plan)" : "有检查点偏离计划"), C::boolean_of(r.alert())});
  for (const auto& file : r.actuals_files) about.rows.push_back({C::text_of(std::string(l.actuals)), C::text_of(file)});
}

void add_countdown_sheet(xlsx::Workbook& book, const Report& r, Lang lang) {
  const auto& l = labels(lang);
  using C = xlsx::Cell;
  auto& sheet = book.add_sheet(std::string(l.countdown), {std::string(l.milestone), std::string(l.at),
                                                          lang == Lang::en ? "seconds" : "秒数", std::string(l.remaining)});
  for (const auto& c : r.countdown) {
    sheet.rows.push_back({C::text_of(c.milestone), c.date_only ? C::date_of(c.at.day()) : C::datetime_of(c.at.local),
                          C::integer_of(c.remaining.count()), C::text_of(show_countdown(c.remaining, lang))});
  }
}

xlsx::Cell task_end_cell(const DatedTask& t) {
  return t.all_day ? xlsx::Cell::date_of(t.last_day) : xlsx::Cell::datetime_of(t.end.local);
}

// summary.due_today, in_progress and overdue, one row each, in that order.
void add_today_sheet(xlsx::Workbook& book, const Report& r, Lang lang) {
  const auto& l = labels(lang);
  bool en = lang == Lang::en;
  using C = xlsx::Cell;
  auto& sheet = book.add_sheet(en ? "Today" : "今日", {en ? "list" : "类别", std::string(l.name), std::string(l.department),
                                                     std::string(l.owner), std::string(l.end)});
  for (const auto& [tasks, label] : {std::pair{&r.due_today, l.due_today}, {&r.in_progress, r.status ? l.scheduled_now : l.in_progress}}) {
    if (r.status && tasks == &r.due_today) continue;  // the status sheet's 今日到期 is the one (as in md)
    for (const auto& t : *tasks) {
      sheet.rows.push_back({C::text_of(std::string(label)), C::text_of(t.name), C::text_of(t.department), C::text_of(t.owner),
                            task_end_cell(t)});
    }
  }
  for (const auto* c : r.overdue()) {
    sheet.rows.push_back({C::text_of(std::string(l.overdue)), C::text_of(c->checkpoint.name), {}, C::text_of(c->checkpoint.owner),
                          C::datetime_of(c->checkpoint.at.local)});
  }
}

void add_checkpoint_results_sheet(xlsx::Workbook& book, const Report& r, Lang lang) {
  const auto& l = labels(lang);
  using C = xlsx::Cell;
  auto number = [](const Rational& v) { return C::number_of(v); };
  auto& sheet = book.add_sheet(std::string(l.checkpoints),
                               {std::string(l.name), std::string(l.at), std::string(l.metric), std::string(l.plan),
                                std::string(l.tolerance), std::string(l.actual), std::string(l.actual_at), std::string(l.deviation),
                                std::string(l.status), std::string(l.owner), std::string(l.action)});
  for (const auto& c : r.checkpoints) {
    sheet.rows.push_back({C::text_of(c.checkpoint.name), C::datetime_of(c.checkpoint.at.local), C::text_of(c.checkpoint.metric),
                          C::maybe(c.checkpoint.plan, number), C::maybe(c.checkpoint.tolerance, [](const Rational& v) { return C::percent_of(v); }), C::maybe(c.actual, number),
                          C::maybe(c.actual_at, [](date::local_seconds v) { return C::datetime_of(v); }),
                          C::maybe(c.deviation, [](const Rational& v) { return C::percent_of(v); }),
                          C::text_of(show_checkpoint_status(c, lang)), C::text_of(c.checkpoint.owner), C::text_of(c.message)});
  }
}

// progress.metrics, then latest: one row each.
void add_progress_sheets(xlsx::Workbook& book, const Report& r, Lang lang) {
  const auto& l = progress_labels(lang);
  using C = xlsx::Cell;
  if (r.forecast) {
    auto& sheet = book.add_sheet(std::string(l.title), {std::string(l.metric), std::string(l.target), std::string(l.actual),
                                                        std::string(l.at), std::string(l.done), std::string(l.share),
                                                        std::string(l.projection), std::string(l.sell_out)});
    for (const auto& p : r.forecast->metrics) {
      auto figure = [&p](const Rational& v) {
        return p.money ? C::money_of(Money::from_yuan(v, Rounding::half_up_to_fen)) : C::number_of(v.round());
      };
      sheet.rows.push_back({C::text_of(p.metric), figure(p.target), C::maybe(p.actual, figure),
                            C::maybe(p.actual_at, [](date::local_seconds v) { return C::datetime_of(v); }),
                            C::maybe(p.fraction, [](const Rational& v) { return C::percent_of(v); }),
                            C::maybe(p.planned_share, [](const Rational& v) { return C::percent_of(v); }),
                            C::maybe(p.projection, figure),
                            C::maybe(p.sell_out, [](date::local_seconds v) { return C::datetime_of(v); })});
    }
    sheet.notes.push_back(std::string(l.method) + (lang == Lang::en ? ": " : "：") + forecast_method(*r.forecast, r.plan, lang));
  }
  auto& latest = book.add_sheet(std::string(l.latest), {std::string(l.metric), std::string(l.value), std::string(l.at)});
  for (const auto& x : r.latest) latest.rows.push_back({C::text_of(x.metric), C::number_of(x.value), C::datetime_of(x.at)});
}

void add_findings_sheet(xlsx::Workbook& book, const Report& r, Lang lang) {
  const auto& l = labels(lang);
  bool en = lang == Lang::en;
  using C = xlsx::Cell;
  auto& sheet = book.add_sheet(std::string(l.findings), {en ? "severity" : "级别", en ? "code" : "代码", en ? "file" : "文件",
                                                         en ? "line" : "行", en ? "column" : "列", en ? "message" : "说明"});
  for (const auto& d : r.findings) {
    sheet.rows.push_back({C::text_of(d.severity == Severity::error ? "error" : "warning"), C::text_of(d.code),
                          C::text_of(std::string(d.where.file_name())), C::number_of(Rational(d.where.line)),
                          C::number_of(Rational(d.where.column)), C::text_of(diagnostic_message(d, language_of(lang)))});
  }
}

xlsx::Workbook render_xlsx(const Report& r, Lang lang) {
  auto as_of_utc = std::chrono::sys_seconds((r.as_of.local - r.as_of.utc_offset).time_since_epoch());
  xlsx::Workbook book(as_of_utc, r.plan.campaign);  // created: the moment the report is as of
  add_about_sheet(book, r, lang);
  add_countdown_sheet(book, r, lang);
  add_today_sheet(book, r, lang);
  if (r.status) add_status_sheet(book, *r.status, lang);
  add_checkpoint_results_sheet(book, r, lang);
  add_progress_sheets(book, r, lang);
  add_findings_sheet(book, r, lang);
  add_plan_sheets(book, r.plan, lang, lang == Lang::en ? "Schedule · " : "日程·");
  return book;
}

}  // namespace

std::string render_report(const Report& report, Format format, const RenderOptions& options) {
  switch (format) {
    case Format::md: return render_md(report, options.lang);
    case Format::json: return render_json(report, options);
    case Format::html: return render_report_html(report, options.lang);
    case Format::xlsx: return workbook_bytes(render_xlsx(report, options.lang), options.writers);
    default: throw Error(message("render.report-format", {{"format", format_name(format)}}));
  }
}

}  // namespace dacu
