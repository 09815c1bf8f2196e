#pragma once
/// What every renderer shares: the formats, the language, the options, and the writers of the
/// formats that need heavy libraries. Renderers take report values and return bytes; they format,
/// they never compute.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/messages.hpp"
#include "dacu/base/table.hpp"

namespace dacu {

struct Plan;
struct IcsOptions;
namespace xlsx {
class Workbook;
}

/// The writers of ICS and XLSX bytes. They live above the renderers, in lib/writers (libical and
/// libxlsxwriter are loaded on first use, writers/modules.hpp), so a renderer reaches them only
/// through these pointers, which the caller fills (the CLI with the loaded modules, tests with
/// the linked writers). A renderer asked for a format whose writer is missing throws Error.
struct Writers {
  /// One calendar of the plans' events (one plan: `dacu plan`; several: `dacu agenda`).
  std::string (*ics)(const std::vector<const Plan*>&, const IcsOptions&) = nullptr;
  std::string (*xlsx)(const xlsx::Workbook&) = nullptr;
};

enum class Format { table, md, csv, json, ics, html, xlsx };
enum class Lang { zh, en };
/// The message language of an output's labels: a report quotes its warnings in --lang's language.
inline Language language_of(Lang lang) { return lang == Lang::en ? Language::en : Language::zh; }

/// Which kinds of event the calendar holds (`dacu plan --ics-events`); all by default.
struct IcsEvents {
  bool tasks = true;
  bool milestones = true;
  bool deadlines = true;
  bool checkpoints = true;
  friend bool operator==(const IcsEvents&, const IcsEvents&) = default;
};

struct RenderOptions {
  Lang lang = Lang::zh;
  bool bom = false;  ///< CSV: start with a UTF-8 byte order mark so Excel reads it as UTF-8
  /// CSV: a text cell a spreadsheet would run as a formula gets a leading ' (off: `--csv-raw`).
  FormulaGuard csv_guard = FormulaGuard::on;
  std::optional<std::chrono::seconds> alarm;  ///< ICS: a reminder this long before each event
  IcsEvents ics_events;                       ///< ICS: which kinds of event (all by default)
  /// XLSX: the creation time the workbook records (see workbook_created). Unset: 2000-01-01T00:00:00Z.
  std::optional<std::chrono::sys_seconds> created;
  Writers writers;  ///< ICS and XLSX: who writes the bytes
  /// JSON: the input file as given on the command line ("-": stdin), written as `input` at the top
  /// of every JSON output (contract.hpp); empty for an output made from no file (null).
  std::string input;
};

/// `table`, `md`, `csv`, `json`, `ics`, `html`, `xlsx`; nullopt for anything else.
std::optional<Format> format_from_name(std::string_view name);
/// The format an output file's extension implies (`.md`, `.csv`, `.json`, `.txt`, `.ics`, `.html`,
/// `.xlsx`, in any case); nullopt for any other extension.
std::optional<Format> format_from_extension(std::string_view path);
std::string_view format_name(Format format);
/// The file extension of a format, without the dot: `txt`, `md`, `csv`, `json`, `ics`, `html`, `xlsx`.
std::string_view format_extension(Format format);

}  // namespace dacu
