#pragma once
/// Loading templates and campaign files: YAML text -> validated model.
///
///   dacu::Loader loader;
///   dacu::Campaign c = loader.load_file("examples/雪凡妮-双十二.yaml", {{"开团", "2026-12-21T10:00"}});
///
/// Parsing works on text with a source name (the name is only a label); reading a path is a thin
/// wrapper. Built-in templates are parsed once per Loader and shared by every campaign.

#include <filesystem>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/input/options.hpp"
#include "dacu/input/sources.hpp"
#include "dacu/model/template.hpp"

namespace dacu {


/// Parses a `kind: template` document.
Template parse_template(std::string_view yaml, std::string_view source_name);

/// Names of the built-in templates, in a stable order.
std::vector<std::string> builtin_template_names();
/// The YAML text of a built-in template, or empty when there is none by that name.
std::string_view builtin_template_text(std::string_view name);

class Loader {
 public:
  /// Reads files from the disk.
  Loader();
  /// Reads files from `sources`, which must outlive the loader.
  explicit Loader(Sources& sources) : sources_(&sources) {}

  /// Loads a campaign file or a template file (planned as a campaign with no changes).
  Campaign load_file(const std::filesystem::path& path, std::span<const Override> overrides = {});
  /// Parses a campaign or template from text; `base_dir` resolves `extends:` paths. With
  /// `collect`, problems in one element are recorded there and loading goes on with the next
  /// (what `dacu validate` needs); without it, the first problem is thrown.
  Campaign parse(std::string_view yaml, std::string_view source_name, const std::filesystem::path& base_dir,
                 std::span<const Override> overrides = {}, std::vector<Diagnostic>* collect = nullptr);
  /// A built-in template, parsed on first use; nullptr when there is none by that name.
  std::shared_ptr<const Template> builtin(std::string_view name);
  /// Where this loader reads files (what `dacu validate` reads a file through, too).
  Sources& sources() { return *sources_; }

 private:
  std::shared_ptr<const Template> template_file(const std::filesystem::path& path, const Location& where);

  Sources* sources_;
  std::map<std::string, std::shared_ptr<const Template>, std::less<>> cache_;
};

/// The calendar a template or campaign asks for: the built-in calendar it names with its own days
/// off and workdays added. Throws InputError D022 for an unknown calendar.
Calendar resolve_calendar(const CalendarSpec& spec);

/// Applies `--set` overrides to a campaign (D050 unknown key, D020/D051 bad value).
void apply_overrides(Campaign& campaign, std::span<const Override> overrides);

}  // namespace dacu
