#pragma once
/// What a command reads besides the files it is given: `--template-dir`, the folders a campaign's
/// `extends:` may lead into, and the list of every file read, which no output may replace (D071).

#include <fmt/format.h>

#include <filesystem>
#include <optional>
#include <span>
#include <string_view>
#include <string>
#include <system_error>
#include <vector>

#include "command_line.hpp"
#include "dacu/base/messages.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/plan/planning.hpp"

namespace dacu::cli {

inline void add_template_dir_option(CommandLine& cl, std::vector<std::string>& dirs) {
  cl.options("--template-dir", dirs, "extends: may name templates in this folder too (else only in the campaign's; repeatable)");
}

/// Gives the loader the --template-dir folders; D080 for one that is not a folder.
inline void allow_template_dirs(Loader& loader, const std::vector<std::string>& dirs) {
  std::vector<std::filesystem::path> folders;
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (!std::filesystem::exists(dir, ec)) {
      // Unlike extends:, which is read from the campaign's folder, the option is read from here.
      throw input_error("D080.option-missing", Location{make_source("<command line>", {}), 0, 0},
                        {{"dir", dir}, {"path", std::filesystem::absolute(dir, ec).lexically_normal().string()}});
    }
    if (!std::filesystem::is_directory(dir, ec)) {
      throw input_error("D080.option-not-folder", Location{make_source("<command line>", {}), 0, 0}, {{"dir", dir}});
    }
    folders.emplace_back(dir);
  }
  loader.set_template_dirs(std::move(folders));
}

/// A campaign for a command that computes without its schedule (roi, check, funnel): loaded, and
/// its dated waves checked as every command that plans it checks them (check_dated_waves).
inline Campaign load_unplanned(Loader& loader, const std::string& file, std::span<const Override> overrides) {
  auto campaign = loader.load_file(file, overrides);
  check_dated_waves(campaign);
  return campaign;
}

/// `given` (the files on the command line) and every file the loader's last load read: the
/// template a campaign extends is an input that -o must not replace.
inline std::vector<std::string> inputs_read(std::vector<std::string> given, const Loader& loader) {
  given.insert(given.end(), loader.files_read().begin(), loader.files_read().end());
  return given;
}

/// `--from`/`--to` as days (plan, agenda): D020.filter-date for a value that is not a date, and
/// D020.filter-range when --from is later than --to (nothing could fall between them).
struct DayRange {
  std::optional<date::local_days> from, to;
};
inline std::optional<date::local_days> option_day(const std::string& text, std::string_view option) {
  if (text.empty()) return std::nullopt;
  auto day = parse_date(text);
  if (!day) {
    auto advice = date_advice(text, message("app.write-date"));
    throw input_error("D020.filter-date", Location{make_source("<command line>", text), 1, 1},
                      {{"option", option}, {"text", text}, {"problem", advice.problem}, {"advice", advice.hint}});
  }
  return day;
}
inline DayRange option_days(const std::string& from, const std::string& to) {
  DayRange range{option_day(from, "--from"), option_day(to, "--to")};
  if (range.from && range.to && *range.from > *range.to) {
    throw input_error("D020.filter-range", Location{make_source("<command line>", from), 1, 1}, {{"from", from}, {"to", to}});
  }
  return range;
}

}  // namespace dacu::cli
