#pragma once
/// Options every reporting subcommand shares, and writing results at the edge.

#include <string>
#include <vector>

#include "command_line.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/render/format.hpp"

namespace dacu::cli {

/// --set, --format, -o, --lang: the same on every subcommand.
struct OutputOptions {
  std::vector<std::string> sets;
  std::string format;
  std::string output;
  std::string lang = "zh";
  bool csv_raw = false;  ///< --csv-raw, on the commands that write CSV
};

void add_set_option(CommandLine& cl, OutputOptions& o);
void add_output_options(CommandLine& cl, OutputOptions& o, const std::vector<std::string>& formats);
/// --csv-raw: CSV text cells as they are, without the ' that keeps a spreadsheet from running them.
void add_csv_raw_option(CommandLine& cl, OutputOptions& o);

std::vector<Override> parse_overrides(const OutputOptions& o);
Lang parse_lang(const OutputOptions& o);
/// The renderer options the shared flags ask for (--lang; --bom where a command offers it).
RenderOptions render_options(const OutputOptions& o, bool bom = false);
/// --format if given, else what -o's extension implies, else `fallback`.
Format choose_format(const OutputOptions& o, Format fallback);

/// Binary formats (xlsx) never go to a terminal: throws InputError D072 when `format` is binary,
/// there is no -o (or it is `-`) and stdout is a terminal. A pipe or a redirect is fine.
void refuse_binary_on_terminal(const OutputOptions& o, Format format, const Context& ctx);

/// Writes `bytes` to -o (atomically: a temporary file renamed over the target, so a failure never
/// leaves half a file or destroys the previous one) or to stdout. Refuses to overwrite an input.
void write_output(const OutputOptions& o, const std::string& bytes, const std::vector<std::string>& inputs, Context& ctx);

/// A diagnostic's `error:` in red and `warning:` in yellow when `color` is set.
std::string paint(std::string text, bool color);

/// Prints warnings (and any other diagnostics) to stderr.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics, Context& ctx);

}  // namespace dacu::cli
