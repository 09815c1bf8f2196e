#pragma once
/// Options every reporting subcommand shares, and writing results at the edge.

#include <string>
#include <string_view>
#include <vector>

#include "command_line.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/plan/plan.hpp"
#include "dacu/render/format.hpp"

namespace dacu::cli {

/// --set, --format, -o, --lang: the same on every subcommand.
struct OutputOptions {
  std::vector<std::string> sets;
  std::string format;
  std::string output;
  bool output_given = false;  ///< -o appeared: `-o ""` is refused (D077), never taken for stdout
  std::string lang = "zh";
  bool all_warnings = false;  ///< --all-warnings, on the commands that print warnings
  bool strict = false;        ///< --strict: a warning fails the command too (plan, report, staff, roi)
  std::string command;               ///< "report", "staff erlang": named by D076
  std::vector<std::string> formats;  ///< what the command writes: its --format choices, in order
  bool csv_raw = false;              ///< --csv-raw, on the commands that write CSV
  /// -o never replaces an existing file (init: the file is the user's own once written; --force
  /// clears it). D079.
  bool keep_existing = false;
};

/// How many warnings a run prints: a bounded number (kWarningsShown, then one line saying how many
/// more), or all of them (--all-warnings). Errors are always printed.
enum class Warnings { bounded, all };
inline constexpr std::size_t kWarningsShown = 50;

void add_set_option(CommandLine& cl, OutputOptions& o);
/// --all-warnings.
void add_warnings_option(CommandLine& cl, OutputOptions& o);
Warnings warnings_of(const OutputOptions& o);
/// --set, then add_format_options.
void add_output_options(CommandLine& cl, OutputOptions& o, std::string command, std::vector<std::string> formats);
/// -f/--format (one of `formats`), -o and --lang. `formats` is the command's one table of
/// formats: --format offers them, and -o's extension must name one of them (D076).
void add_format_options(CommandLine& cl, OutputOptions& o, std::string command, std::vector<std::string> formats);
/// -o alone, for the commands whose output has one format (init, schema, validate).
void add_output_file_option(CommandLine& cl, OutputOptions& o, const std::string& help);
/// --csv-raw: CSV text cells as they are, without the ' that keeps a spreadsheet from running them.
void add_csv_raw_option(CommandLine& cl, OutputOptions& o);

/// `-o ""` is D077: an empty name is a mistake (an unset variable in `-o "$OUT"`), not stdout.
/// choose_format and write_output check it; a command that reads inputs first checks it first.
void refuse_empty_output(const OutputOptions& o);

std::vector<Override> parse_overrides(const OutputOptions& o);
Lang parse_lang(const OutputOptions& o);
/// The renderer options the shared flags ask for (--lang; --bom where a command offers it).
RenderOptions render_options(const OutputOptions& o, bool bom = false);
/// --format if given, else what -o's extension implies (in any case: .XLSX is xlsx), else
/// `fallback`. An extension that names a format the command does not write (report -o r.csv) is
/// D076, located in -o's value; an extension that names no format (.txt is table; .out, none)
/// gives `fallback`. `-o ""` is D077.
Format choose_format(const OutputOptions& o, Format fallback);

/// Binary formats (xlsx) never go to a terminal: throws InputError D072 when `format` is binary,
/// there is no -o (or it is `-`) and stdout is a terminal. A pipe or a redirect is fine.
void refuse_binary_on_terminal(const OutputOptions& o, Format format, const Context& ctx);

/// Writes `bytes` to -o (atomically: a temporary file renamed over the target, so a failure never
/// leaves half a file or destroys the previous one) or to stdout. Refuses to overwrite an input
/// (D071) or a read-only file (D075); a file it replaces keeps its mode and, where the user may
/// give it, its owner. `-o ""` is D077. The temporary file is registered for removal on SIGINT
/// and SIGTERM (writers/cleanup.hpp).
void write_output(const OutputOptions& o, const std::string& bytes, const std::vector<std::string>& inputs, Context& ctx);

/// A usage error (exit 2): `dacu: error: TEXT`, then `hint: run `COMMAND --help` for usage`, in the
/// language of messages.
std::string usage_problem(std::string_view text, std::string_view command);

/// A diagnostic's `error:` in red and `warning:` in yellow when `color` is set.
std::string paint(std::string text, bool color);

/// Diagnostics the way people read them: each through format_diagnostic (painted when `color`), in
/// order, the warnings past kWarningsShown replaced by one line `dacu: … N more warnings
/// (--all-warnings)` unless `warnings` is Warnings::all.
std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics, Warnings warnings, bool color);

/// Prints warnings (and any other diagnostics) to stderr, as format_diagnostics.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics, Context& ctx, Warnings warnings);

/// An input refused for several problems at once: validate's checks of its plan found an error,
/// or --strict a warning. The InputError is the first; all() every one, each as an error.
class ChecksFailed : public InputError {
 public:
  explicit ChecksFailed(std::vector<Diagnostic> all);
  const std::vector<Diagnostic>& all() const { return all_; }

 private:
  std::vector<Diagnostic> all_;
};

/// An InputError as people read it: format_diagnostic, or every problem of a ChecksFailed.
std::string format_input_error(const InputError& e, bool color);

/// `--strict`, on the commands that compute from a plan.
void add_strict_option(CommandLine& cl, OutputOptions& o);

/// The warnings of a planned campaign, for plan, report and staff: the plan's own, then what
/// validate checks in it (check_plan: phases, days off, milestones on holidays, double bookings),
/// each once. (check_plan's D103 is an error: settle() stops on it.)
std::vector<Diagnostic> plan_warnings(const Campaign& campaign, const Plan& plan);
/// Appends what `to` does not hold yet.
void add_once(std::vector<Diagnostic>& to, std::vector<Diagnostic> more);
/// A command's diagnostics before it writes: returned to be printed when all are warnings (and not
/// --strict); else ChecksFailed, so nothing is written and the exit code is 1.
std::vector<Diagnostic> settle(std::vector<Diagnostic> found, const OutputOptions& o);

}  // namespace dacu::cli
