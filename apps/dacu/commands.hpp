#pragma once
/// The table of subcommands; each lives in its own cmd_<name>.cpp.

#include <vector>

#include "command_line.hpp"

namespace dacu::cli {

Command plan_command();
Command when_command();
Command templates_command();
Command init_command();
Command validate_command();
Command staff_command();
Command roi_command();
Command funnel_command();
Command check_command();
Command report_command();
Command schema_command();
Command agenda_command();
Command done_command();

inline std::vector<Command> all_commands() {
  return {plan_command(),     report_command(), staff_command(),     roi_command(),  funnel_command(),
          check_command(),    validate_command(), when_command(),    templates_command(), init_command(),
          schema_command(),   agenda_command(), done_command()};
}

}  // namespace dacu::cli
