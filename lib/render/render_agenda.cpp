#include "dacu/render/render_agenda.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <tuple>

#include "dacu/base/table.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/base/visible.hpp"
#include "dacu/render/contract.hpp"
#include "dacu/render/html.hpp"
#include "dacu/render/ics.hpp"
#include "dacu/render/json.hpp"
#include "dacu/render/render_plan.hpp"

namespace dacu {

std::string conflict_label(std::size_t index) { return fmt::format("C{}", index + 1); }

namespace {

struct Labels {
  std::string_view title, campaigns, items, start, end, campaign, kind, item, department, owner, conflict, state,
      timezone, phase, all_day, yes, no, from, to, conflicts_title, none, with, more, task;
  std::array<std::string_view, 4> kinds;
};
constexpr Labels kZh{"日程", "个活动", "项", "开始", "结束", "活动", "类型", "事项", "部门", "负责人", "冲突", "状态",
                     "时区", "阶段", "全天", "是", "否", "{} 起", "{} 止",
                     "冲突（同一负责人在重叠时间被两个活动安排）", "无", "与", "等 {} 个", "任务",
                     {"任务", "里程碑", "平台时限", "检查点"}};
constexpr Labels kEn{"Agenda", "campaigns", "items", "start", "end", "campaign", "kind", "item", "department", "owner",
                     "conflict", "state", "time zone", "phase", "all day", "yes", "no", "from {}", "to {}",
                     "Conflicts (one owner booked by two campaigns at overlapping times)", "none", "with", "and {} more",
                     "task", {"task", "milestone", "deadline", "checkpoint"}};
const Labels& labels(Lang lang) { return lang == Lang::en ? kEn : kZh; }

std::string_view kind_label(AgendaKind kind, const Labels& l) { return l.kinds[static_cast<std::size_t>(kind)]; }

std::string show_start(const AgendaItem& item, Lang lang) {
  return item.all_day ? show_day(item.first_day, lang) : show_moment(item.start, lang);
}
std::string show_end(const AgendaItem& item, Lang lang) {
  if (item.all_day) return show_day(item.last_day, lang);
  return item.end == item.start ? std::string() : show_moment(item.end, lang);
}

std::string csv_moment(const ZonedTime& at) {
  auto iso = format_local_iso(at.local);
  if (iso.size() != 19) return date::format("%F %R", at.local);
  return iso.substr(0, 10) + ' ' + iso.substr(11, 5);
}

/// The 冲突 cell: `C1 与 年货节` — the conflict and the other campaigns in it (three, then a count).
std::string conflict_cell(const Agenda& a, const AgendaItem& item, const Labels& l) {
  if (!item.conflict) return {};
  const auto& c = a.conflicts[*item.conflict];
  std::vector<std::string> others;
  for (auto k : c.campaigns) {
    if (k != item.campaign) others.push_back(a.campaigns[k].name);
  }
  constexpr std::size_t kNamed = 3;
  std::string names;
  for (std::size_t i = 0; i < others.size() && i < kNamed; ++i) names += (i ? "、" : "") + others[i];
  if (others.size() > kNamed) names += " " + fmt::format(fmt::runtime(l.more), others.size() - kNamed);
  return fmt::format("{} {} {}", conflict_label(*item.conflict), l.with, names);
}

bool any_state(const Agenda& a) {
  for (const auto& item : a.items) {
    if (item.state) return true;
  }
  return false;
}

Table items_table(const Agenda& a, Lang lang) {
  const auto& l = labels(lang);
  bool zones = a.timezones.size() > 1, states = any_state(a);
  Table t;
  t.header = {std::string(l.start), std::string(l.end), std::string(l.campaign), std::string(l.kind), std::string(l.item),
              std::string(l.department), std::string(l.owner), std::string(l.conflict)};
  if (states) t.header.emplace_back(l.state);
  if (zones) t.header.emplace_back(l.timezone);
  for (const auto& item : a.items) {
    std::vector<TableCell> row{show_start(item, lang), show_end(item, lang), a.campaigns[item.campaign].name,
                               std::string(kind_label(item.kind, l)), item.name, item.department, item.owner,
                               conflict_cell(a, item, l)};
    if (states) row.emplace_back(std::string(item.state ? task_state_zh(*item.state) : ""));
    if (zones) row.emplace_back(a.campaigns[item.campaign].timezone);
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table conflicts_table(const Agenda& a, Lang lang) {
  const auto& l = labels(lang);
  bool zones = a.timezones.size() > 1;
  Table t;
  t.header = {std::string(l.conflict), std::string(l.owner), std::string(l.campaign), std::string(l.task),
              std::string(l.start), std::string(l.end)};
  if (zones) t.header.emplace_back(l.timezone);
  for (std::size_t i = 0; i < a.conflicts.size(); ++i) {
    const auto& c = a.conflicts[i];
    for (const auto& task : c.tasks) {
      std::vector<TableCell> row{conflict_label(i), c.owner, a.campaigns[task.campaign].name, task.name,
                                 show_moment(task.start, lang), task.end == task.start ? std::string() : show_moment(task.end, lang)};
      if (zones) row.emplace_back(a.campaigns[task.campaign].timezone);
      t.rows.push_back(std::move(row));
    }
  }
  return t;
}

/// `3 个活动 · 45 项 · 范围 2026-12-01 起 · 负责人 美工主管`; `时区 Asia/Shanghai`.
std::string summary_line(const Agenda& a, const AgendaFilter& f, Lang lang) {
  const auto& l = labels(lang);
  std::string text = fmt::format("{} {} · {} {}", a.campaigns.size(), l.campaigns, a.items.size(), l.items);
  if (f.from || f.to) {
    text += " ·";
    if (f.from) text += " " + fmt::format(fmt::runtime(l.from), format_date(*f.from));
    if (f.to) text += " " + fmt::format(fmt::runtime(l.to), format_date(*f.to));
  }
  if (!f.owner.empty()) text += fmt::format(" · {} {}", l.owner, f.owner);
  if (!f.department.empty()) text += fmt::format(" · {} {}", l.department, f.department);
  std::string zones;
  for (const auto& z : a.timezones) zones += (zones.empty() ? "" : ", ") + z;
  return text + fmt::format(" · {} {}", l.timezone, zones);
}

std::string render_text(const Agenda& a, const AgendaRender& r) {
  const auto& l = labels(r.options.lang);
  std::string out = fmt::format("{}  ({})\n\n", l.title, visible_text(summary_line(a, r.filter, r.options.lang)));
  out += render_text_table(items_table(a, r.options.lang));
  out += fmt::format("\n{}: {}\n", l.conflicts_title, a.conflicts.empty() ? std::string(l.none) : std::to_string(a.conflicts.size()));
  if (!a.conflicts.empty()) out += render_text_table(conflicts_table(a, r.options.lang));
  return out;
}

std::string render_markdown(const Agenda& a, const AgendaRender& r) {
  const auto& l = labels(r.options.lang);
  std::string out = fmt::format("# {}\n\n{}\n\n", l.title, md_text(summary_line(a, r.filter, r.options.lang)));
  out += render_md_table(items_table(a, r.options.lang));
  out += fmt::format("\n## {}\n\n", l.conflicts_title);
  out += a.conflicts.empty() ? std::string(l.none) + "\n" : render_md_table(conflicts_table(a, r.options.lang));
  return out;
}

std::string render_csv(const Agenda& a, const AgendaRender& r) {
  const auto& l = labels(r.options.lang);
  Table t;
  t.header = {std::string(l.start), std::string(l.end), std::string(l.all_day), std::string(l.timezone), std::string(l.campaign),
              std::string(l.kind), std::string(l.item), std::string(l.phase), std::string(l.department), std::string(l.owner),
              std::string(l.conflict), std::string(l.state)};
  for (const auto& item : a.items) {
    t.rows.push_back({item.all_day ? format_date(item.first_day) : csv_moment(item.start),
                      item.all_day ? format_date(item.last_day) : csv_moment(item.end), std::string(item.all_day ? l.yes : l.no),
                      a.campaigns[item.campaign].timezone, a.campaigns[item.campaign].name, std::string(kind_label(item.kind, l)),
                      item.name, item.phase, item.department, item.owner, conflict_cell(a, item, l), std::string(item.state ? task_state_zh(*item.state) : "")});
  }
  return with_excel_bom(render_csv_table(t, r.options.csv_guard), r.options.bom);
}

std::string day_or_moment(bool all_day, date::local_days day, const ZonedTime& at) {
  return all_day ? format_date(day) : at.iso();
}

std::string render_json(const Agenda& a, const AgendaRender& r) {
  auto doc = json_header(r.options, "");
  doc["inputs"] = r.inputs;
  doc["filter"] = json::Value::object({{"from", r.filter.from ? json::Value(format_date(*r.filter.from)) : json::Value()},
                                       {"to", r.filter.to ? json::Value(format_date(*r.filter.to)) : json::Value()},
                                       {"owner", json::maybe(r.filter.owner)},
                                       {"department", json::maybe(r.filter.department)}});
  auto campaigns = json::Value::array();
  for (const auto& c : a.campaigns) {
    campaigns.push_back(json::Value::object({{"name", c.name}, {"file", valid_utf8(c.file)}, {"template", c.template_name}, {"timezone", c.timezone}}));
  }
  doc["campaigns"] = std::move(campaigns);
  auto items = json::Value::array();
  for (const auto& item : a.items) {
    items.push_back(json::Value::object({{"campaign", a.campaigns[item.campaign].name},
                                         {"kind", agenda_kind_name(item.kind)},
                                         {"name", item.name},
                                         {"phase", json::maybe(item.phase)},
                                         {"department", json::maybe(item.department)},
                                         {"owner", json::maybe(item.owner)},
                                         {"detail", json::maybe(item.detail)},
                                         {"all_day", item.all_day},
                                         {"start", day_or_moment(item.all_day, item.first_day, item.start)},
                                         {"end", day_or_moment(item.all_day, item.last_day, item.end)},
                                         {"timezone", a.campaigns[item.campaign].timezone},
                                         {"state", item.state ? json::Value(std::string(task_state_id(*item.state))) : json::Value()},
                                         {"state_display", item.state ? json::Value(std::string(task_state_zh(*item.state))) : json::Value()},
                                         {"conflict", item.conflict ? json::Value(conflict_label(*item.conflict)) : json::Value()}}));
  }
  doc["items"] = std::move(items);
  auto conflicts = json::Value::array();
  for (std::size_t i = 0; i < a.conflicts.size(); ++i) {
    const auto& c = a.conflicts[i];
    auto names = json::Value::array();
    for (auto k : c.campaigns) names.push_back(a.campaigns[k].name);
    auto tasks = json::Value::array();
    for (const auto& t : c.tasks) {
      tasks.push_back(json::Value::object({{"campaign", a.campaigns[t.campaign].name}, {"name", t.name}, {"start", t.start.iso()}, {"end", t.end.iso()}}));
    }
    conflicts.push_back(json::Value::object({{"id", conflict_label(i)}, {"owner", c.owner}, {"from", c.from.iso()}, {"to", c.to.iso()},
                                             {"campaigns", std::move(names)}, {"tasks", std::move(tasks)}}));
  }
  doc["conflicts"] = std::move(conflicts);
  doc["diagnostics"] = diagnostics_json(r.diagnostics, language_of(r.options.lang));
  return json::dump(doc, 2) + "\n";
}

std::string html_table(const Table& t) {
  std::string out = "<table>\n<tr>";
  for (const auto& h : t.header) out += "<th>" + html_escape(h) + "</th>";
  out += "</tr>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (const auto& cell : row) out += "<td>" + html_escape(cell.text) + "</td>";
    out += "</tr>\n";
  }
  return out + "</table>\n";
}

std::string render_page(const Agenda& a, const AgendaRender& r) {
  const auto& l = labels(r.options.lang);
  std::string body = fmt::format("<h1>{}</h1>\n<p class=\"meta\">{}</p>\n", html_escape(l.title),
                                 html_escape(summary_line(a, r.filter, r.options.lang)));
  body += html_table(items_table(a, r.options.lang));
  body += fmt::format("<h2>{}</h2>\n", html_escape(l.conflicts_title));
  body += a.conflicts.empty() ? fmt::format("<p>{}</p>\n", html_escape(l.none)) : html_table(conflicts_table(a, r.options.lang));
  return html_page(l.title, r.options.lang, body);
}

/// Each campaign's plan with only the shown items, a booked task's description naming its
/// conflict, then one calendar of them all.
std::string render_calendar(const Agenda& a, const AgendaRender& r) {
  const auto& l = labels(r.options.lang);
  std::vector<Plan> plans;
  plans.reserve(a.plans.size());
  for (const auto& p : a.plans) {
    Plan copy;
    copy.campaign = p.campaign;
    copy.template_name = p.template_name;
    copy.timezone = p.timezone;
    copy.calendar = p.calendar;
    plans.push_back(std::move(copy));
  }
  // Items are in agenda order; each plan's lists keep their own order (the plan's).
  std::vector<std::vector<const AgendaItem*>> shown(a.plans.size());
  for (const auto& item : a.items) shown[item.campaign].push_back(&item);
  for (std::size_t k = 0; k < a.plans.size(); ++k) {
    auto& list = shown[k];
    std::sort(list.begin(), list.end(), [](const AgendaItem* x, const AgendaItem* y) {
      return std::tie(x->kind, x->source) < std::tie(y->kind, y->source);
    });
    const Plan& from = a.plans[k];
    Plan& to = plans[k];
    for (const auto* item : list) {
      switch (item->kind) {
        case AgendaKind::task: {
          auto task = from.tasks[item->source];
          if (item->conflict) {
            auto note = fmt::format("{}: {}", l.conflict, conflict_cell(a, *item, l));
            task.note = task.note.empty() ? note : task.note + "\n" + note;
          }
          to.tasks.push_back(std::move(task));
          break;
        }
        case AgendaKind::milestone: to.milestones.push_back(from.milestones[item->source]); break;
        case AgendaKind::deadline: to.deadlines.push_back(from.deadlines[item->source]); break;
        case AgendaKind::checkpoint: to.checkpoints.push_back(from.checkpoints[item->source]); break;
      }
    }
  }
  std::vector<const Plan*> pointers;
  for (const auto& p : plans) pointers.push_back(&p);
  IcsOptions options{r.options.alarm, r.options.ics_events, fmt::format("dacu {}", l.title)};
  return render_ics(pointers, options, r.options.writers);
}

}  // namespace

std::string render_agenda(const Agenda& agenda, const AgendaRender& r) {
  switch (r.format) {
    case Format::table: return render_text(agenda, r);
    case Format::md: return render_markdown(agenda, r);
    case Format::csv: return render_csv(agenda, r);
    case Format::json: return render_json(agenda, r);
    case Format::ics: return render_calendar(agenda, r);
    case Format::html: return render_page(agenda, r);
    case Format::xlsx: break;
  }
  return {};  // xlsx: the command does not offer it
}

}  // namespace dacu
