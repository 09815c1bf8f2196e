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
#include "dacu/plan/plan.hpp"

namespace dacu {

/// The problems of one file's text; `base_dir` resolves `extends:` paths.
std::vector<Diagnostic> validate_text(std::string_view yaml, std::string_view source_name,
                                      const std::filesystem::path& base_dir, Loader& loader);
/// The problems of one file (a file that cannot be read is one D010 diagnostic), each naming
/// `path` as its Diagnostic::input.
std::vector<Diagnostic> validate_file(const std::filesystem::path& path, Loader& loader);

/// What validate checks in a campaign's plan, for the commands that compute from the plan (plan,
/// report, staff, roi), so that they warn where validate would: tasks whose time contradicts their
/// phase (D103, an error), tasks the campaign put on a day off (D104), milestones it dated on a
/// public holiday (D106), one owner on two timed tasks at once (D105). `plan` is
/// plan_campaign(campaign), unfiltered; its own warnings (plan.warnings) are not repeated.
/// PlanChecks::used leaves out what only the author of a template planned straight can act on
/// (its double bookings); validate asks for PlanChecks::all.
enum class PlanChecks { used, all };
std::vector<Diagnostic> check_plan(const Campaign& campaign, const Plan& plan, PlanChecks checks = PlanChecks::used);

/// Counts by severity.
struct DiagnosticCounts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
};
DiagnosticCounts count_diagnostics(const std::vector<Diagnostic>& diagnostics);

}  // namespace dacu
