#pragma once
/// What a command reads besides the files it is given: `--template-dir`, the folders a campaign's
/// `extends:` may lead into, and the list of every file read, which no output may replace (D071).

#include <fmt/format.h>

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "command_line.hpp"
#include "dacu/input/loader.hpp"

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

/// `given` (the files on the command line) and every file the loader's last load read: the
/// template a campaign extends is an input that -o must not replace.
inline std::vector<std::string> inputs_read(std::vector<std::string> given, const Loader& loader) {
  given.insert(given.end(), loader.files_read().begin(), loader.files_read().end());
  return given;
}

}  // namespace dacu::cli
