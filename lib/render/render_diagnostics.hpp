#pragma once
/// Diagnostics for machines: JSON, and GitHub Actions annotations. (For people, the one error
/// shape is base/error.hpp's format_diagnostic.)

#include <string>
#include <vector>

#include "dacu/base/error.hpp"

namespace dacu {

/// `dacu validate --format json`: {dacu_version, schema_version, input (the files as given, an
/// array), campaign (null: validate names no one campaign), diagnostics: [{file, line, column,
/// severity, code, message, hint}]} (render/contract.hpp).
std::string render_diagnostics_json(const std::vector<std::string>& files, const std::vector<Diagnostic>& diagnostics);
/// GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=CODE::message`.
std::string render_diagnostics_github(const std::vector<Diagnostic>& diagnostics);

}  // namespace dacu
