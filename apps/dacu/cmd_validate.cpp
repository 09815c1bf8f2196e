// dacu validate: every problem in templates and campaign files, for people and for CI.
#include <fmt/format.h>

#include <ostream>

#include <algorithm>
#include <set>

#include "commands.hpp"
#include "dacu/compute/baseline.hpp"
#include "dacu/compute/validate.hpp"
#include "dacu/input/sources.hpp"
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
  std::vector<std::string> ignore;  ///< codes, as given (`D104,D105` or repeated)
  std::string baseline;             ///< --baseline FILE: compare
  std::string write_baseline;       ///< --write-baseline FILE: write the findings
};

// --ignore's codes; a usage error (empty, with the text) for one that is not a code.
std::string ignored_codes(const std::vector<std::string>& given, std::set<std::string>& codes) {
  for (const auto& option : given) {
    std::size_t from = 0;
    while (true) {
      auto comma = option.find(',', from);
      auto code = option.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
      bool valid = code.size() == 4 && code[0] == 'D' &&
                   std::all_of(code.begin() + 1, code.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!valid) return message("ci.ignore-not-code", {{"text", code}});
      codes.insert(code);
      if (comma == std::string::npos) break;
      from = comma + 1;
    }
  }
  return {};
}

int run_validate(const ValidateOptions& o, Context& ctx) {
  std::set<std::string> ignore;
  auto usage = ignored_codes(o.ignore, ignore);
  if (usage.empty() && !o.baseline.empty() && !o.write_baseline.empty()) usage = message("ci.baseline-both");
  if (!usage.empty()) {
    ctx.err << usage_problem(usage, "dacu validate");
    return kUsageError;
  }
  refuse_empty_output(o.output);
  allow_template_dirs(ctx.loader, o.template_dirs);
  // The baseline is read first: a missing one is found before the shops are read.
  std::vector<BaselineEntry> known;
  if (!o.baseline.empty()) known = parse_baseline(read_text_file(o.baseline, InputKind::baseline), o.baseline);
  std::vector<Diagnostic> all;
  std::vector<std::string> inputs = o.files;  // and every template they extend: -o replaces none
  for (const auto& file : o.files) {
    auto found = validate_file(file, ctx.loader);
    all.insert(all.end(), found.begin(), found.end());
    inputs = inputs_read(std::move(inputs), ctx.loader);
  }
  // --ignore drops warnings only: an error stops the commands that plan, ignored or not.
  std::erase_if(all, [&](const Diagnostic& d) { return d.severity == Severity::warning && ignore.count(d.code); });
  if (!o.write_baseline.empty()) {
    OutputOptions target;
    target.output = o.write_baseline;
    target.output_given = true;
    write_output(target, write_baseline(all), inputs, ctx);
    ctx.err << fmt::format("dacu: {}\n", message("ci.baseline-written", {{"file", o.write_baseline}, {"count", all.size()}}));
    return kSuccess;
  }
  // The baseline is an input too: -o never replaces it.
  if (!o.baseline.empty()) inputs.push_back(o.baseline);
  std::vector<bool> baselined;
  std::size_t old = 0;
  if (!o.baseline.empty()) {
    baselined = match_baseline(all, known);
    old = static_cast<std::size_t>(std::count(baselined.begin(), baselined.end(), true));
  }
  // What is new: all of it without a baseline. Text and GitHub show only that; JSON shows all,
  // each marked.
  std::vector<Diagnostic> fresh;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (baselined.empty() || !baselined[i]) fresh.push_back(all[i]);
  }
  auto counts = count_diagnostics(fresh);
  std::string bytes;
  if (o.format == "json") {
    bytes = render_diagnostics_json(o.files, all, baselined);
  } else if (o.format == "github") {
    bytes = render_diagnostics_github(fresh);
  } else {
    bytes = format_diagnostics(fresh, warnings_of(o.output), false);
    auto files = o.files.size() == 1 ? message("app.file-count-one", {{"count", o.files.size()}})
                                     : message("app.file-count", {{"count", o.files.size()}});
    auto errors = counts.errors == 1 ? message("app.error-count-one", {{"count", counts.errors}})
                                     : message("app.error-count", {{"count", counts.errors}});
    auto warnings = counts.warnings == 1 ? message("app.warning-count-one", {{"count", counts.warnings}})
                                         : message("app.warning-count", {{"count", counts.warnings}});
    bytes += fmt::format("dacu: {}\n", message("app.validate-summary", {{"files", files}, {"errors", errors}, {"warnings", warnings}}));
    if (!o.baseline.empty()) bytes += fmt::format("dacu: {}\n", message("ci.baselined-count", {{"count", old}, {"file", o.baseline}}));
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
            cl.options("--ignore", o->ignore, "warning codes not to report, comma-separated (D104,D105); errors are always reported");
            cl.option("--baseline", o->baseline, "report and fail only on findings not in this baseline FILE");
            cl.option("--write-baseline", o->write_baseline, "write the findings to FILE as the baseline (create or update), exit 0");
            cl.examples(
                "  dacu validate templates/*.yaml examples/*.yaml\n"
                "  dacu validate templates/calendars/cn.yaml   (the holiday table: dates, ranges, D024)\n"
                "  dacu validate --strict my.yaml              (warnings fail too)\n"
                "  dacu validate shops/*.yaml --template-dir shared/   (templates outside the campaigns' folder)\n"
                "  dacu validate --all-warnings my.yaml        (every warning, not the first 50 and a count)\n"
                "  dacu validate --format json my.yaml > problems.json\n"
                "  dacu validate --format github templates/*.yaml   (in a GitHub Actions step)\n"
                "  dacu validate --strict --ignore D104,D105 shops/*.yaml   (those warnings not reported)\n"
                "  dacu validate shops/*.yaml --write-baseline ci/dacu-baseline.tsv   (accept what is there now)\n"
                "  dacu validate --strict --format github --baseline ci/dacu-baseline.tsv shops/*.yaml   (CI: new problems fail)\n"
                "A problem a campaign's value causes in its template is located at the value, the template's\n"
                "line as a note. --ignore applies to warnings: an error is reported whatever its code.\n"
                "Exit code: 0 no errors (warnings allowed unless --strict), 1 errors (with --baseline: new\n"
                "ones only), 2 a wrong command line.\n");
            return [o](Context& ctx) { return run_validate(*o, ctx); };
          }};
}

}  // namespace dacu::cli
