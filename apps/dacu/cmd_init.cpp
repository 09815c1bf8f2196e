// dacu init: a commented campaign file to start from.
#include <fmt/format.h>

#include <ostream>

#include "commands.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/input/slips.hpp"
#include "dacu/plan/schedule.hpp"
#include "exit_status.hpp"
#include "io.hpp"

namespace dacu::cli {

namespace {

struct InitOptions {
  std::string template_name;
  std::string name;
  OutputOptions output;
  bool force = false;
};

// A YAML scalar that reads back as the same string. A full-width mark of YAML structure is quoted
// too: it is text in a name (订货宝's 目标梳理：提升…), and quoted it cannot be taken for a slip.
std::string yaml_value(std::string_view text) {
  bool fullwidth = slips::has_structure_mark(text);
  bool plain = !text.empty() && !fullwidth && text.find_first_of(":#{}[],&*!|>'\"%@`") == std::string_view::npos &&
               text.front() != ' ' && text.back() != ' ' && text.front() != '-' && text.front() != '?';
  if (plain) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// The commented `tasks:` block, with examples taken from this template: its last task to drop,
// its first to hand to another department's lead, and a new task in its first department, dated
// from its first milestone a campaign gives. (They were 聚划算's for every template.) Uncommented,
// they plan (tests/cli/init_file.py).
std::string task_examples(const Template& t) {
  if (t.tasks.empty() || t.departments.empty()) return {};
  const Task& first = t.tasks.front();
  const Department& home = t.departments.front();
  std::string other_lead = home.lead;
  for (const auto& d : t.departments) {
    if (d.name != first.department.value && !d.lead.empty()) {
      other_lead = d.lead;
      break;
    }
  }
  std::string anchor = first.start.anchor;
  for (const auto& m : t.milestones) {
    if (!m.derived) {
      anchor = m.name;
      break;
    }
  }
  std::string phase = t.phases.empty() ? first.phase.value : t.phases.front().value;
  std::string out = "\n# tasks:             # change the template's tasks by name\n";
  if (t.tasks.size() > 1) out += fmt::format("#   drop: [{}]\n", yaml_value(t.tasks.back().name));
  if (!other_lead.empty()) out += fmt::format("#   change: {{{}: {{owner: {}}}}}\n", yaml_value(first.name), yaml_value(other_lead));
  out += "#   add:\n";
  out += fmt::format("#     - {{name: 新任务, department: {}, owner: {}, phase: {}, start: {}前3天}}\n", yaml_value(home.name),
                     yaml_value(home.lead.empty() ? first.owner.value : home.lead), yaml_value(phase), anchor);
  return out;
}

int run_init(const InitOptions& o, Context& ctx) {
  refuse_empty_output(o.output);
  auto base = ctx.loader.builtin(o.template_name);
  if (!base) {
    throw input_error("D040.init", Location{make_source("<command line>", o.template_name), 1, 1},
                      {{"name", o.template_name}, {"advice", suggestion(o.template_name, builtin_template_names())}});
  }
  Campaign campaign;
  campaign.plan = *base;
  campaign.name = o.name.empty() ? fmt::format("我的{}活动", base->name) : o.name;
  campaign.template_name = base->name;
  apply_overrides(campaign, parse_overrides(o.output));  // checks every --set before printing
  // The dates given must be in an order plan accepts (D036, plan's own check), refused at the
  // --set before any file is written. Milestones still without a date (D033) are the user's to fill.
  try {
    check_milestone_order(campaign);
  } catch (const InputError& e) {
    if (e.diagnostic().code == "D036") throw;
  }
  const auto& t = campaign.plan;

  std::string out;
  out += fmt::format("# A {} campaign. Fill in the milestones, then: dacu plan THIS_FILE\n", t.name);
  out += "# The format is described in docs/format.md of the dacu sources.\n";
  out += "dacu: 1\nkind: campaign\n";
  out += fmt::format("name: {}\n", yaml_value(campaign.name));
  out += fmt::format("extends: {}\n", yaml_value(t.name));
  out += fmt::format("timezone: {}\n", t.timezone.value);
  out += fmt::format("calendar: {}\n", t.calendar.base.value);
  out += "\nmilestones:          # date-times in the campaign's time zone\n";
  for (const auto& m : t.milestones) {
    std::string comment = m.description;
    if (m.given) {
      out += fmt::format("  {}: {}", m.name, format_local_iso(m.given->at).substr(0, 16));
    } else if (m.derived) {
      out += fmt::format("  # {}: (default {})", m.name, m.derived->text);
    } else {
      out += fmt::format("  {}:                 # required", m.name);
    }
    if (!comment.empty()) out += fmt::format("  # {}", comment);
    out += '\n';
  }
  if (!t.parameters.empty()) {
    auto is_set = [&](const Parameter& p) {
      return std::any_of(o.output.sets.begin(), o.output.sets.end(),
                         [&](const std::string& s) { return s.rfind(p.name + "=", 0) == 0; });
    };
    // An empty `parameters:` would be a null, not a mapping: comment the key out until one is set.
    bool any_set = std::any_of(t.parameters.begin(), t.parameters.end(), is_set);
    out += fmt::format("\n{}parameters:          # defaults shown; uncomment to change\n", any_set ? "" : "# ");
    for (const auto& p : t.parameters) {
      // A parameter without a default is shown bare: `""` would not pass a number's type check.
      std::string line = p.value.empty() ? fmt::format("{}:", p.name) : fmt::format("{}: {}", p.name, yaml_value(p.value));
      bool changed = is_set(p);
      out += changed ? fmt::format("  {}", line) : fmt::format("  # {}", line);
      if (!p.unit.empty() || !p.description.empty()) {
        out += fmt::format("  # {}{}{}", p.description, p.description.empty() || p.unit.empty() ? "" : " ", p.unit.empty() ? "" : "(" + p.unit + ")");
      }
      out += '\n';
    }
  }
  out += task_examples(t);
  auto output = o.output;
  output.keep_existing = !o.force;
  write_output(output, out, {}, ctx);
  return kSuccess;
}

}  // namespace

Command init_command() {
  return {"init", "print a commented campaign file to start from", [](CommandLine& cl) {
            auto o = std::make_shared<InitOptions>();
            cl.positional("TEMPLATE", o->template_name, "a built-in template (see `dacu templates`)", true);
            cl.option("--name", o->name, "the campaign's name");
            add_set_option(cl, o->output);
            add_output_file_option(cl, o->output, "write to FILE instead of stdout (an existing FILE is refused)");
            cl.flag("--force", o->force, "replace FILE when it exists");
            cl.examples(
                "  dacu init 聚划算 --set 开团=2026-12-20T10:00 > my.yaml\n"
                "  dacu init 聚划算 --name '雪凡妮 双十二' --set 报名=2026-11-20T10:00 --set 开团=2026-12-20T10:00 -o my.yaml\n");
            return [o](Context& ctx) { return run_init(*o, ctx); };
          }};
}

}  // namespace dacu::cli
