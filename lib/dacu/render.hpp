#pragma once
/// Renderers: report values in, bytes out. They format; they never compute.

#include <optional>
#include <string>
#include <string_view>

#include "dacu/schedule.hpp"

namespace dacu {

enum class Format { table, md, csv, json };
enum class Lang { zh, en };

struct RenderOptions {
  Lang lang = Lang::zh;
  bool bom = false;  ///< CSV: start with a UTF-8 byte order mark so Excel reads it as UTF-8
};

/// `table`, `md`, `csv`, `json`; nullopt for anything else.
std::optional<Format> format_from_name(std::string_view name);
/// The format an output file's extension implies (`.md`, `.csv`, `.json`, `.txt`).
std::optional<Format> format_from_extension(std::string_view path);
std::string_view format_name(Format format);

/// The plan in the given format.
std::string render_plan(const Plan& plan, Format format, const RenderOptions& options = {});

/// How a planner reads a day or a moment: `2026-12-20 周日`, `2026-12-20 周日 10:25`.
std::string show_day(date::local_days day, Lang lang);
std::string show_moment(const ZonedTime& at, Lang lang);

}  // namespace dacu
