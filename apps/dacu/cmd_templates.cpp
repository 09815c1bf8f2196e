// dacu templates: the built-in templates (and those in a folder).
#include <fmt/format.h>

#include <filesystem>
#include <ostream>

#include "commands.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/base/utf8.hpp"
#include "exit_status.hpp"

namespace dacu::cli {

namespace {

struct TemplatesOptions {
  std::string dir;
};

int run_templates(const TemplatesOptions& o, Context& ctx) {
  struct Row {
    std::string name, tasks, milestones, title, source;
  };
  std::vector<Row> rows;
  for (const auto& name : builtin_template_names()) {
    auto t = ctx.loader.builtin(name);
    rows.push_back({t->name, std::to_string(t->tasks.size()), std::to_string(t->milestones.size()), t->title, "built-in"});
  }
  if (!o.dir.empty()) {
    Location where{make_source(o.dir, {}), 0, 0};
    std::error_code ec;
    auto status = std::filesystem::status(o.dir, ec);
    if (!std::filesystem::exists(status)) throw input_error("D010.dir-missing", where);
    if (!std::filesystem::is_directory(status)) throw input_error("D010.dir-not-folder", where);
    std::vector<std::filesystem::path> files;
    std::filesystem::directory_iterator entries(o.dir, ec), end;
    for (; !ec && entries != end; entries.increment(ec)) {
      const auto& path = entries->path();
      if (path.extension() == ".yaml" || path.extension() == ".yml") files.push_back(path);
    }
    if (ec) throw input_error("D010.dir-unreadable", where, {{"reason", ec.message()}});
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      // Only regular template files inside the folder: a link to a pipe, a device or a secret is refused unread.
      auto t = ctx.loader.template_in_folder(path, o.dir);
      rows.push_back({t.name, std::to_string(t.tasks.size()), std::to_string(t.milestones.size()), t.title, path.string()});
    }
  }
  std::size_t w_name = 4, w_tasks = 5, w_ms = 10, w_title = 5;
  for (const auto& r : rows) {
    w_name = std::max(w_name, utf8::display_width(r.name));
    w_title = std::max(w_title, utf8::display_width(r.title));
  }
  ctx.out << utf8::pad_right("name", w_name) << "  " << utf8::pad_left("tasks", w_tasks) << "  "
          << utf8::pad_left("milestones", w_ms) << "  " << utf8::pad_right("title", w_title) << "  source\n";
  for (const auto& r : rows) {
    ctx.out << utf8::pad_right(r.name, w_name) << "  " << utf8::pad_left(r.tasks, w_tasks) << "  "
            << utf8::pad_left(r.milestones, w_ms) << "  " << utf8::pad_right(r.title, w_title) << "  " << r.source << '\n';
  }
  return kSuccess;
}

}  // namespace

Command templates_command() {
  return {"templates", "list the built-in templates (and those in --dir)", [](CommandLine& cl) {
            auto o = std::make_shared<TemplatesOptions>();
            cl.option("--dir", o->dir, "also list the template files in this folder (regular files with kind: template)");
            cl.examples("  dacu templates\n  dacu templates --dir templates/\n");
            return [o](Context& ctx) { return run_templates(*o, ctx); };
          }};
}

}  // namespace dacu::cli
