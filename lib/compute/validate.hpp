#pragma once
/// `dacu validate`: every problem in a template or campaign file, at once, sorted by position.
///
///   dacu::Loader loader;
///   auto diagnostics = dacu::validate_file("templates/聚划算.yaml", loader);
///
/// Beyond what loading refuses, validation warns about what loads but is probably wrong:
/// unused milestones and parameters, tasks whose time contradicts their phase, days off without
/// a roll rule, one owner on two timed tasks at once.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/input/loader.hpp"

namespace dacu {

/// The problems of one file's text; `base_dir` resolves `extends:` paths.
std::vector<Diagnostic> validate_text(std::string_view yaml, std::string_view source_name,
                                      const std::filesystem::path& base_dir, Loader& loader);
/// The problems of one file (a file that cannot be read is one D010 diagnostic).
std::vector<Diagnostic> validate_file(const std::filesystem::path& path, Loader& loader);

/// Counts by severity.
struct DiagnosticCounts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
};
DiagnosticCounts count_diagnostics(const std::vector<Diagnostic>& diagnostics);

}  // namespace dacu
