#pragma once
/// One sheet of an .xlsx workbook as a table of text cells, for the actuals a shop exports from
/// 生意参谋 as Excel files.
///
///   auto table = dacu::read_xlsx_sheet(read_text_file("实时.xlsx"), "实时.xlsx", "");
///   table.records[0].fields[1];   // the text of cell B2 (a number as Excel stores it: 36765)
///
/// The zip is read with minizip and the XML parts with expat (Debian's libminizip-dev and
/// libexpat1-dev; ARCHITECTURE.md says why), never by hand. Read: the first sheet, or the one
/// named; shared and inline strings; numbers as written in the file (1.5E-3 as 0.0015) with
/// `numeric` set, so that a date stored as a serial number is told from text; the workbook's
/// 1904 date system. Formulas are read as their cached values; styles are not read.
///
/// Cells are located FILE:ROW:COL: the sheet's row number and the column's number (A = 1,
/// B = 2, …), the same form as a CSV's FILE:LINE:COL; no line is echoed. Blank rows are left
/// out; each record's fields run to its last cell that is not empty.
///
/// Hostile files are refused before they cost much: each XML part is read as a stream and
/// stopped at `max_part_bytes` uncompressed (whatever the zip claims), all parts at
/// `max_total_bytes`; a sheet at `max_rows` rows or `max_cells` cells; a DTD (none in a real
/// workbook, and the door to entity expansion) is refused. Errors: D448 not a workbook (not a
/// zip, damaged, encrypted, a part missing), D449 a limit passed, D450 no such sheet, D451
/// malformed XML, D452 a bad cell (reference or shared string).

#include <cstddef>
#include <string_view>

#include "dacu/input/csv.hpp"

namespace dacu {

struct XlsxLimits {
  std::size_t max_part_bytes = 64u << 20;
  std::size_t max_total_bytes = 128u << 20;
  std::size_t max_rows = 100'000;
  std::size_t max_cells = 1'000'000;
};

/// The sheet `sheet` (the first when empty) of the workbook in `bytes`: its first row that is not
/// blank is the header, the rest are the records. Throws InputError (see above).
CsvTable read_xlsx_sheet(std::string_view bytes, std::string_view source_name, std::string_view sheet = {},
                         const XlsxLimits& limits = {});

}  // namespace dacu
