#pragma once
/// Diagnostics for machines: JSON, and GitHub Actions annotations. (For people, the one error
/// shape is base/error.hpp's format_diagnostic.)

#include <string>
#include <vector>

#include "dacu/base/error.hpp"

namespace dacu {

/// `dacu validate --format json`: {dacu_version, schema_version, input (the files as given, an
/// array), campaign (null: validate names no one campaign), diagnostics: [{file, line, column,
/// severity, code, message, hint, related, input}]} (render/contract.hpp: related is {file, line,
/// column} of the template line a campaign's value ran into, or null; input the file asked about,
/// or null), plus `baselined` for each when `baselined` is not empty (one flag per diagnostic:
/// found in the baseline, so not failing the run). Every string is valid UTF-8.
std::string render_diagnostics_json(const std::vector<std::string>& files, const std::vector<Diagnostic>& diagnostics,
                                    const std::vector<bool>& baselined = {});
/// GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=CODE::message`, at the
/// primary location only. A problem located in no file on the disk (`<builtin>/聚划算.yaml`) is
/// annotated on the input it was found in, the location quoted in the message.
std::string render_diagnostics_github(const std::vector<Diagnostic>& diagnostics);

}  // namespace dacu
