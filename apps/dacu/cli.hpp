#pragma once
/// The command line: parses arguments, runs one subcommand, turns errors into messages and exit
/// codes. The only place that catches dacu's exceptions.

#include <iosfwd>

namespace dacu::cli {

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace dacu::cli
