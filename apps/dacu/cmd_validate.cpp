// dacu validate: every problem in templates and campaign files, for people and for CI.
#include <fmt/format.h>

#include <ostream>

#include "commands.hpp"
#include "dacu/compute/validate.hpp"
#include "dacu/render/render_diagnostics.hpp"
#include "exit_status.hpp"
#include "io.hpp"
#include "reads.hpp"

namespace dacu::cli {

namespace {

struct ValidateOptions {
  std::vector<std::string> files;
  std::string format = "text";
  bool strict = false;
  OutputOptions output;
  std::vector<std::string> template_dirs;
};

int run_validate(const ValidateOptions& o, Context& ctx) {
  refuse_empty_output(o.output);
  allow_template_dirs(ctx.loader, o.template_dirs);
  std::vector<Diagnostic> all;
  std::vector<std::string> inputs = o.files;  // and every template they extend: -o replaces none
  for (const auto& file : o.files) {
    auto found = validate_file(file, ctx.loader);
    all.insert(all.end(), found.begin(), found.end());
    inputs = inputs_read(std::move(inputs), ctx.loader);
  }
  auto counts = count_diagnostics(all);
  std::string bytes;
  if (o.format == "json") {
    bytes = render_diagnostics_json(o.files, all);
  } else if (o.format == "github") {
    bytes = render_diagnostics_github(all);
  } else {
    bytes = format_diagnostics(all, warnings_of(o.output), false);
    auto files = o.files.size() == 1 ? message("app.file-count-one", {{"count", o.files.size()}})
                                     : message("app.file-count", {{"count", o.files.size()}});
    auto errors = counts.errors == 1 ? message("app.error-count-one", {{"count", counts.errors}})
                                     : message("app.error-count", {{"count", counts.errors}});
    auto warnings = counts.warnings == 1 ? message("app.warning-count-one", {{"count", counts.warnings}})
                                         : message("app.warning-count", {{"count", counts.warnings}});
    bytes += fmt::format("dacu: {}\n", message("app.validate-summary", {{"files", files}, {"errors", errors}, {"warnings", warnings}}));
  }
  // Text goes where people look (stderr) unless -o names a file; machine formats go to stdout.
  if (o.format == "text" && o.output.output.empty()) {
    ctx.err << bytes;
  } else {
    write_output(o.output, bytes, inputs, ctx);
  }
  bool failed = counts.errors > 0 || (o.strict && counts.warnings > 0);
  return failed ? kInputError : kSuccess;
}

}  // namespace

Command validate_command() {
  return {"validate", "check templates, campaign and calendar files; report every problem", [](CommandLine& cl) {
            auto o = std::make_shared<ValidateOptions>();
            cl.positionals("FILE", o->files, "templates, campaign files or calendars (kind: calendar)", true);
            cl.choice("-f,--format", o->format, {"text", "json", "github"},
                      "text (default, on stderr), json (every problem under diagnostics; dacu schema --output validate) or github (Actions annotations)");
            cl.flag("--strict", o->strict, "warnings fail too (exit 1)");
            add_output_file_option(cl, o->output, "write the report to FILE instead");
            add_template_dir_option(cl, o->template_dirs);
            add_warnings_option(cl, o->output);
            cl.examples(
                "  dacu validate templates/*.yaml examples/*.yaml\n"
                "  dacu validate templates/calendars/cn.yaml   (the holiday table: dates, ranges, D024)\n"
                "  dacu validate --strict my.yaml              (warnings fail too)\n"
                "  dacu validate shops/*.yaml --template-dir shared/   (templates outside the campaigns' folder)\n"
                "  dacu validate --all-warnings my.yaml        (every warning, not the first 50 and a count)\n"
                "  dacu validate --format json my.yaml > problems.json\n"
                "  dacu validate --format github templates/*.yaml   (in a GitHub Actions step)\n"
                "Exit code: 0 no errors (warnings allowed unless --strict), 1 errors.\n");
            return [o](Context& ctx) { return run_validate(*o, ctx); };
          }};
}

}  // namespace dacu::cli
