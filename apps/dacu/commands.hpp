#pragma once
/// The table of subcommands; each lives in its own cmd_<name>.cpp.

#include <vector>

#include "command_line.hpp"

namespace dacu::cli {

Command plan_command();
Command when_command();
Command templates_command();
Command init_command();
Command report_command();

inline std::vector<Command> all_commands() {
  return {plan_command(), report_command(), when_command(), templates_command(), init_command()};
}

}  // namespace dacu::cli
