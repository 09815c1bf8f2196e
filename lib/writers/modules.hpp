#pragma once
/// The writers that need heavy libraries are modules, loaded the first time a run asks for them.
///
///   std::string text = dacu::modules::ics()(plan, options);   // dlopen dacu-ics.so on first use
///
/// Linked into dacu, libical (which pulls in ICU) and libxlsxwriter (minizip, libcrypto) cost
/// about 9 ms at every start, measured: more than half of planning a 100-task campaign, though
/// few runs write ICS or XLSX. So the code that calls them is built as two modules, dacu-ics.so
/// and dacu-xlsx.so, which dacu looks for beside its own binary (the build tree) and then in
/// LIBDIR/dacu (`cmake --install`). A module answers `dacu_module_entry` with its writer and the
/// ABI it was built against; one from another build of dacu is refused, not called.
///
/// A program that links a writer's object library itself (dacu_ics_writer, dacu_xlsx_writer: the
/// unit tests and the fuzz targets) uses it directly and never loads a module.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/render/format.hpp"
#include "dacu/render/ics.hpp"
#include "dacu/render/xlsx.hpp"
#include "dacu/writers/cleanup.hpp"

namespace dacu {

/// The writers (lib/writers/ics_writer.cpp, lib/writers/xlsx_writer.cpp); call them through
/// modules::ics() and modules::xlsx(), which find them wherever they are.
std::string write_ics(const Plan& plan, const IcsOptions& options);
/// Several plans in one calendar (`dacu agenda`): each plan's events as write_ics writes them
/// (same UIDs, descriptions and stamps), one VTIMEZONE per zone; the calendar is named
/// IcsOptions::calendar_name, else the first plan's campaign. What the module exports.
std::string write_ics_calendar(const std::vector<const Plan*>& plans, const IcsOptions& options);
namespace xlsx {
std::string write_workbook(const Workbook& workbook);
}

namespace modules {

/// What the binary and a module must agree on: the version and the layout of what they exchange.
struct Abi {
  std::string_view version;
  std::size_t plan, task, ics_options, workbook, sheet, cell, entry;
  friend bool operator==(const Abi&, const Abi&) = default;
};

/// What a module's `extern "C" const Entry* dacu_module_entry()` returns.
struct Entry {
  Abi abi;
  void (*function)();  ///< the writer, cast back to IcsWriter or XlsxWriter by the loader
  /// Makes the module register its scratch files in the program's cleanup table (cleanup.hpp),
  /// which the program's signal handler empties; the loader calls it before the writer runs.
  void (*adopt_cleanup)(cleanup::Table& host);
  std::size_t cleanup_table;  ///< cleanup::table_size() of the module, which must be the program's
};

inline constexpr Abi kAbi{DACU_VERSION,           sizeof(Plan),        sizeof(DatedTask), sizeof(IcsOptions),
                          sizeof(xlsx::Workbook), sizeof(xlsx::Sheet), sizeof(xlsx::Cell), sizeof(Entry)};

using IcsWriter = std::string (*)(const std::vector<const Plan*>&, const IcsOptions&);
using XlsxWriter = std::string (*)(const xlsx::Workbook&);

/// The writers. Thread-safe; a module is loaded at most once and stays loaded. When it cannot be
/// found or loaded: InputError D074, naming the places looked in and the loader's reason.
IcsWriter ics();
XlsxWriter xlsx();

/// Writers for RenderOptions::writers that find the modules on their first call: what the CLI
/// gives every renderer.
Writers writers();

}  // namespace modules
}  // namespace dacu
