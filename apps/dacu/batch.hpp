#pragma once
/// Batch mode: one output per input into a folder, inputs spread over worker threads.
///
/// Each worker has its own Loader, so the built-in templates are parsed once per worker and no
/// cache is shared between threads. A failing input is reported and the others still produced;
/// every output is written atomically. Messages are printed in input order at the end (so two
/// runs print the same), then one summary line; progress goes to stderr only on a terminal.

#include <functional>
#include <string>
#include <vector>

#include "command_line.hpp"
#include "dacu/base/error.hpp"
#include "io.hpp"

namespace dacu::cli {

struct BatchOptions {
  std::string out_dir;
  bool out_dir_given = false;  ///< --out-dir appeared: `--out-dir ""` is refused (D077), not ignored
  std::string jobs;       ///< -j as written; empty means 1
  std::string extension;  ///< of every output, without the dot
  bool fail_on_alert = false;
  Warnings warnings = Warnings::bounded;  ///< per input
  std::vector<std::string> shared_inputs;  ///< read for every input (--actuals): no output replaces one
};

/// What producing one input gave.
struct BatchResult {
  std::string bytes;
  bool alert = false;
  std::vector<Diagnostic> warnings;
};

using BatchProduce = std::function<BatchResult(Loader& loader, const std::string& input)>;

void add_batch_options(CommandLine& cl, BatchOptions& o);
/// Several inputs need --out-dir (D532); --out-dir and -o exclude each other (D532).
void check_batch_usage(const std::vector<std::string>& inputs, const BatchOptions& o, const std::string& output);
/// Runs `produce` over every input; returns the exit status (1 if any input failed, else 3 with
/// fail_on_alert when any result alerts, else 0).
int run_batch(const std::vector<std::string>& inputs, const BatchOptions& o, const BatchProduce& produce, Context& ctx);

}  // namespace dacu::cli
