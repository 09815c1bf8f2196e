// dacu templates: the built-in templates (and those in a folder).
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <tuple>
#include <ostream>

#include "commands.hpp"
#include "dacu/compute/trace.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/base/utf8.hpp"
#include "dacu/plan/schedule.hpp"
#include "exit_status.hpp"

namespace dacu::cli {

namespace {

struct TemplatesOptions {
  std::string dir;
  bool trace = false;
};

// The .yaml and .yml files in `dir`, sorted (D010 when it is not a readable folder).
std::vector<std::filesystem::path> template_files(const std::string& dir) {
  Location where{make_source(dir, {}), 0, 0};
  std::error_code ec;
  auto status = std::filesystem::status(dir, ec);
  if (!std::filesystem::exists(status)) throw input_error("D010.dir-missing", where);
  if (!std::filesystem::is_directory(status)) throw input_error("D010.dir-not-folder", where);
  std::vector<std::filesystem::path> files;
  std::filesystem::directory_iterator entries(dir, ec), end;
  for (; !ec && entries != end; entries.increment(ec)) {
    const auto& path = entries->path();
    if (path.extension() == ".yaml" || path.extension() == ".yml") files.push_back(path);
  }
  if (ec) throw input_error("D010.dir-unreadable", where, {{"reason", system_error_text(ec.value())}});
  std::sort(files.begin(), files.end());
  return files;
}

std::string cell(std::string text) {
  for (std::size_t i = 0; (i = text.find('|', i)) != std::string::npos; i += 2) text.replace(i, 1, "\\|");
  for (auto& ch : text) {
    if (ch == '\n') ch = ' ';
  }
  return text;
}

// The seed number a row list starts with (行5-7: 5), for ordering rows in a table.
long first_row(const std::string& rows) {
  long n = 0;
  for (char ch : rows) {
    if (ch < '0' || ch > '9') break;
    n = n * 10 + (ch - '0');
  }
  return n;
}

// `dacu templates --trace`: each library template's seed passages and the elements citing them,
// then its assumptions and the elements with no source (compute/trace.hpp). docs/trace.md is this.
void print_trace(const Template& t, std::ostream& out) {
  struct Cited {
    SourcePart part;
    std::string element;
    std::size_t order;
  };
  std::vector<Cited> cited;
  std::vector<std::pair<std::string, std::string>> assumptions;
  std::vector<std::string> missing, unreadable;
  auto items = trace_items(t);
  std::size_t from_seed = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    auto element = fmt::format("{}: {}", item.section, item.name);
    if (item.source.empty()) {
      missing.push_back(element);
      continue;
    }
    std::string problem;
    auto parts = parse_source(item.source, problem);
    if (!parts) {
      unreadable.push_back(element);
      continue;
    }
    bool seed = false;
    for (auto& p : *parts) {
      if (p.assumption) {
        assumptions.emplace_back(element, p.reason);
      } else {
        seed = true;
        cited.push_back({p, element, i});
      }
    }
    if (seed) ++from_seed;
  }
  // Passages in the order the template first cites each section; rows in the seed's order.
  std::vector<std::string> sections;
  for (const auto& c : cited) {
    auto key = c.part.seed + "\x1f" + c.part.section;
    if (std::find(sections.begin(), sections.end(), key) == sections.end()) sections.push_back(key);
  }
  auto rank = [&](const Cited& c) {
    auto key = c.part.seed + "\x1f" + c.part.section;
    return std::tuple(std::find(sections.begin(), sections.end(), key) - sections.begin(), c.part.table,
                      first_row(c.part.rows), c.order);
  };
  std::stable_sort(cited.begin(), cited.end(), [&](const Cited& a, const Cited& b) { return rank(a) < rank(b); });
  out << "## " << t.name << "\n\n";
  for (const auto& [name, file] : t.seeds) out << "- seed " << name.value << ": " << file.value << "\n";
  out << fmt::format("- elements: {}; from a seed: {}; assumptions only: {}; no source: {}\n\n", items.size(), from_seed,
                     items.size() - from_seed - missing.size() - unreadable.size(), missing.size() + unreadable.size());
  out << "| seed | section | table | rows | quote | element |\n|---|---|---|---|---|---|\n";
  for (const auto& c : cited) {
    out << fmt::format("| {} | {} | {} | {} | {} | {} |\n", cell(c.part.seed), cell(c.part.section), cell(c.part.table),
                       cell(c.part.rows), cell(c.part.quote), cell(c.element));
  }
  out << "\n| assumption | reason |\n|---|---|\n";
  for (const auto& [element, reason] : assumptions) out << fmt::format("| {} | {} |\n", cell(element), cell(reason));
  if (!missing.empty() || !unreadable.empty()) {
    out << "\n| no source (D107) or unreadable (D108) |\n|---|\n";
    for (const auto& e : missing) out << "| " << cell(e) << " |\n";
    for (const auto& e : unreadable) out << "| " << cell(e) << " (D108) |\n";
  }
  out << "\n";
}

int run_trace(const TemplatesOptions& o, Context& ctx) {
  ctx.out << "# Trace: seed passages → template elements\n\n"
             "Generated by `dacu templates --trace` (python3 tests/cli/trace.py --update); do not edit.\n"
             "The `source:` grammar is in docs/format.md.\n\n";
  for (const auto& name : builtin_template_names()) print_trace(*ctx.loader.builtin(name), ctx.out);
  if (!o.dir.empty()) {
    for (const auto& path : template_files(o.dir)) {
      auto t = ctx.loader.template_in_folder(path, o.dir);
      if (!t.seeds.empty()) print_trace(t, ctx.out);
    }
  }
  return kSuccess;
}

// How many tasks the template's plan shows: a `repeat:` task is one task written and one per
// occurrence in the plan (聚划算's half-hourly follow-up: 27), a `wave: each` task one per wave. The
// plan is expanded with each milestone the template leaves undated (聚划算's 开团) on one fixed day;
// "-" when it cannot be planned without the campaign's own dates (a folder's template may need
// more than that day).
std::string planned_tasks(Loader& loader, const Template& t, std::string_view yaml, const std::string& source) {
  std::vector<Override> dates;
  for (const auto& m : t.milestones) {
    if (!m.derived && !m.given && m.wave.empty()) dates.push_back({m.name, "2026-12-20"});
  }
  try {
    auto campaign = loader.parse(yaml, source, ".", dates);
    return std::to_string(expand(campaign).tasks.size());
  } catch (const InputError&) {
    return "-";
  }
}

int run_templates(const TemplatesOptions& o, Context& ctx) {
  if (o.trace) return run_trace(o, ctx);
  struct Row {
    std::string name, tasks, planned, milestones, title, source;
  };
  std::vector<Row> rows;
  for (const auto& name : builtin_template_names()) {
    auto t = ctx.loader.builtin(name);
    auto planned = planned_tasks(ctx.loader, *t, builtin_template_text(name), fmt::format("<builtin>/{}.yaml", name));
    rows.push_back({t->name, std::to_string(t->tasks.size()), planned, std::to_string(t->milestones.size()), t->title,
                    "built-in"});
  }
  if (!o.dir.empty()) {
    auto files = template_files(o.dir);
    for (const auto& path : files) {
      // Only regular template files inside the folder: a link to a pipe, a device or a secret is refused unread.
      auto t = ctx.loader.template_in_folder(path, o.dir);
      auto planned = t.source ? planned_tasks(ctx.loader, t, t.source->text, path.string()) : std::string("-");
      rows.push_back({t.name, std::to_string(t.tasks.size()), planned, std::to_string(t.milestones.size()), t.title,
                      path.string()});
    }
  }
  std::size_t w_name = 4, w_tasks = 5, w_planned = 7, w_ms = 10, w_title = 5;
  for (const auto& r : rows) {
    w_name = std::max(w_name, utf8::display_width(r.name));
    w_title = std::max(w_title, utf8::display_width(r.title));
  }
  // tasks: as written; in plan: as the plan shows them (each repeat and each wave counted).
  ctx.out << utf8::pad_right("name", w_name) << "  " << utf8::pad_left("tasks", w_tasks) << "  "
          << utf8::pad_left("in plan", w_planned) << "  " << utf8::pad_left("milestones", w_ms) << "  "
          << utf8::pad_right("title", w_title) << "  source\n";
  for (const auto& r : rows) {
    ctx.out << utf8::pad_right(r.name, w_name) << "  " << utf8::pad_left(r.tasks, w_tasks) << "  "
            << utf8::pad_left(r.planned, w_planned) << "  " << utf8::pad_left(r.milestones, w_ms) << "  "
            << utf8::pad_right(r.title, w_title) << "  " << r.source << '\n';
  }
  return kSuccess;
}

}  // namespace

Command templates_command() {
  return {"templates", "list the built-in templates (and those in --dir)", [](CommandLine& cl) {
            auto o = std::make_shared<TemplatesOptions>();
            cl.option("--dir", o->dir, "also list the template files in this folder (regular files with kind: template)");
            cl.flag("--trace", o->trace,
                    "print each library template's seed passages and the elements citing them (Markdown; docs/trace.md)");
            cl.examples("  dacu templates   (tasks as written; in plan: each repeat and each wave counted)\n"
                        "  dacu templates --dir templates/\n"
                        "  dacu templates --trace > docs/trace.md   (seed item → template element)\n");
            return [o](Context& ctx) { return run_templates(*o, ctx); };
          }};
}

}  // namespace dacu::cli
