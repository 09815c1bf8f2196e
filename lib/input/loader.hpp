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
  /// Parses a campaign or template from text; `base_dir` resolves `extends:` paths, which must
  /// stay in it or in a template_dirs() folder (D080) and lead to a template file (D081–D083). With
  /// `collect`, problems in one element are recorded there and loading goes on with the next
  /// (what `dacu validate` needs); without it, the first problem is thrown.
  Campaign parse(std::string_view yaml, std::string_view source_name, const std::filesystem::path& base_dir,
                 std::span<const Override> overrides = {}, std::vector<Diagnostic>* collect = nullptr);
  /// A built-in template, parsed on first use; nullptr when there is none by that name.
  std::shared_ptr<const Template> builtin(std::string_view name);
  /// Where this loader reads files (what `dacu validate` reads a file through, too).
  Sources& sources() { return *sources_; }

  /// Folders besides a campaign's own into which its `extends:` path may lead (`--template-dir`).
  /// Without them a template path must stay in the campaign's folder or below it (D080).
  void set_template_dirs(std::vector<std::filesystem::path> dirs) { template_dirs_ = std::move(dirs); }
  const std::vector<std::filesystem::path>& template_dirs() const { return template_dirs_; }
  /// The files the last load_file or parse read, so that no output replaces one (D071): the
  /// campaign file (load_file only) and the template file it extends, parsed now or earlier.
  const std::vector<std::string>& files_read() const { return files_read_; }
  /// A template file found in `folder` (`dacu templates --dir`), read only when it is a regular
  /// file inside the folder (D080, D081) that says `kind: template` (D082).
  Template template_in_folder(const std::filesystem::path& path, const std::filesystem::path& folder);

 private:
  std::shared_ptr<const Template> template_file(const std::filesystem::path& base_dir, const std::string& written,
                                                const Location& where);

  Sources* sources_;
  std::map<std::string, std::shared_ptr<const Template>, std::less<>> cache_;
  std::vector<std::filesystem::path> template_dirs_;
  std::vector<std::string> files_read_;
};

/// The calendar a template or campaign asks for: the built-in calendar it names with its own days
/// off and workdays added. Throws InputError D022 for an unknown calendar.
Calendar resolve_calendar(const CalendarSpec& spec);

/// Applies `--set` overrides to a campaign (D050 unknown key, D020/D051 bad value).
void apply_overrides(Campaign& campaign, std::span<const Override> overrides);

}  // namespace dacu
