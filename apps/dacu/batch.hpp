#pragma once
/// Batch mode: one output per input into a folder, inputs spread over worker threads.
///
/// Each worker has its own Loader, so the built-in templates are parsed once per worker and no
/// cache is shared between threads. A failing input is reported and the others still produced;
/// every output is written atomically. An input's messages are printed as soon as it and every
/// input before it have finished (input order, so two runs print the same, and a killed run has
/// printed what finished), then one summary line; progress goes to stderr only on a terminal.
///
/// The folder is locked (flock on DIR/.dacu.lock) for the whole run: a second run into it is
/// refused at once (D543, exit 4). After the inputs, DIR/.dacu-manifest.json lists every input's
/// output with its status, size and sha256; --clean-failed removes the previous output of an
/// input that failed; --summary FILE writes the run as JSON (docs/schemas/summary.schema.json).

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "command_line.hpp"
#include "dacu/base/error.hpp"
#include "io.hpp"

namespace dacu::cli {

/// The summary's and the manifest's schema_version: raised when a field changes meaning or goes.
inline constexpr std::string_view kSummarySchemaVersion = "1";
/// The manifest's name in --out-dir, and the lock's.
inline constexpr const char* kManifestName = ".dacu-manifest.json";
inline constexpr const char* kLockName = ".dacu.lock";

struct BatchOptions {
  std::string command;  ///< "plan", "report": named in the summary and the manifest
  std::string out_dir;
  bool out_dir_given = false;  ///< --out-dir appeared: `--out-dir ""` is refused (D077), not ignored
  std::string jobs;       ///< -j as written; empty means 1, `auto` the number of processors
  std::string extension;  ///< of every output, without the dot
  bool fail_on_alert = false;
  bool fail_on_missing = false;  ///< report --fail-on-missing: missing or stale data exits 3
  Warnings warnings = Warnings::bounded;  ///< per input
  std::vector<std::string> shared_inputs;  ///< read for every input (--actuals): no output replaces one
  /// The file an input reads beyond its campaign (report --actuals-dir: its own actuals), or
  /// nothing; named in the summary, and no output replaces it. Unset: none.
  std::function<std::optional<std::string>(const std::string& input)> actuals_of;
  std::string summary;  ///< --summary FILE
  bool summary_given = false;
  bool clean_failed = false;
  bool quiet = false;  ///< --quiet: no progress, no summary line, no warnings (errors still)
  std::string files_from;
  bool files_from_given = false;
  bool jobs_given = false;  ///< -j was given, even as "" (refused: D533)
};

/// What producing one input gave.
struct BatchResult {
  std::string bytes;
  bool alert = false;
  std::vector<Diagnostic> warnings;
  bool missing_data = false;  ///< report: checkpoints overdue without a figure (Report::overdue())
  bool stale = false;         ///< report: a figure too old for its checkpoint — set by the report-data staleness check
};

using BatchProduce = std::function<BatchResult(Loader& loader, const std::string& input)>;

/// --out-dir, -j, --summary, --clean-failed, --files-from, --quiet.
void add_batch_options(CommandLine& cl, BatchOptions& o);
/// The inputs: `files`, then the lines of --files-from (`-`: stdin). None at all is D548; a
/// --files-from file that does not exist, D545.
std::vector<std::string> batch_inputs(std::vector<std::string> files, const BatchOptions& o);
/// Several inputs need --out-dir (D532); --out-dir and -o exclude each other (D532); --summary
/// and --clean-failed need --out-dir (D546).
void check_batch_usage(const std::vector<std::string>& inputs, const BatchOptions& o, const std::string& output);
/// Runs `produce` over every input; returns the exit status (exit_status.hpp): the worst of every
/// input's own (outcome_status) and of writing the manifest and the summary.
int run_batch(const std::vector<std::string>& inputs, const BatchOptions& o, const BatchProduce& produce, Context& ctx);

}  // namespace dacu::cli
