#pragma once
/// Renderers: report values in, bytes out. They format; they never compute.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "dacu/schedule.hpp"

namespace dacu {

enum class Format { table, md, csv, json, ics, html };
enum class Lang { zh, en };

struct RenderOptions {
  Lang lang = Lang::zh;
  bool bom = false;  ///< CSV: start with a UTF-8 byte order mark so Excel reads it as UTF-8
  std::optional<std::chrono::seconds> alarm;  ///< ICS: a reminder this long before each event
};

/// `table`, `md`, `csv`, `json`, `ics`, `html`; nullopt for anything else.
std::optional<Format> format_from_name(std::string_view name);
/// The format an output file's extension implies (`.md`, `.csv`, `.json`, `.txt`, `.ics`, `.html`).
std::optional<Format> format_from_extension(std::string_view path);
std::string_view format_name(Format format);
/// The file extension of a format, without the dot: `txt`, `md`, `csv`, `json`, `ics`, `html`.
std::string_view format_extension(Format format);

/// The plan in the given format.
std::string render_plan(const Plan& plan, Format format, const RenderOptions& options = {});

/// The Markdown plan without its title: milestones, one section per phase, checkpoints; headings
/// start with `heading` (`##`), so a report can nest the schedule under its own title.
std::string render_plan_md_sections(const Plan& plan, Lang lang, std::string_view heading);

/// How a planner reads a day or a moment: `2026-12-20 周日`, `2026-12-20 周日 10:25`.
std::string show_day(date::local_days day, Lang lang);
std::string show_moment(const ZonedTime& at, Lang lang);

}  // namespace dacu
