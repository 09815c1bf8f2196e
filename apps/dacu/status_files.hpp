#pragma once
/// The task status files a command reads (report, plan, agenda): `--status FILE` (repeatable) for
/// every campaign, or `--status-dir DIR` where campaign shops/X.yaml reads DIR/X.csv.

#include <filesystem>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/input/sources.hpp"
#include "dacu/input/status_reader.hpp"

namespace dacu::cli {

/// --status-dir DIR: campaign shops/X.yaml reads DIR/X.csv when it exists (none there: no task
/// status for it).
/// A link there that leads out of DIR is refused (D572), never read.
inline std::optional<std::string> own_status(const std::string& dir, const std::string& campaign) {
  auto path = file_in_folder(dir, std::filesystem::path(campaign).stem().string() + ".csv");
  if (path) return path->string();
  return std::nullopt;
}

/// D469: --status-dir with --status, or a --status-dir that is not a folder.
inline void check_status_dir(const std::vector<std::string>& status, const std::string& dir, bool dir_given) {
  if (!dir_given) return;
  Location where{make_source("<command line>", {}), 0, 0};
  if (!status.empty()) throw input_error("D469.both", where);
  std::error_code ec;
  if (dir.empty() || !std::filesystem::exists(dir, ec)) throw input_error("D469.missing", where, {{"dir", dir}});
  if (!std::filesystem::is_directory(dir, ec)) throw input_error("D469.not-folder", where, {{"dir", dir}});
}

/// The status files `paths`, read in order (a later file wins a tie).
inline std::vector<StatusFile> read_status_files(const std::vector<std::string>& paths,
                                                 TextEncoding encoding = TextEncoding::automatic) {
  std::vector<StatusFile> files;
  for (const auto& path : paths) {
    files.push_back(read_status(read_text_file(path, InputKind::status), path, encoding, files.size()));
  }
  return files;
}

}  // namespace dacu::cli
