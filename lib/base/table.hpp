#pragma once
/// A plain table of text cells and the three ways dacu prints one: aligned text (by display width,
/// so Chinese lines up), Markdown, and RFC 4180 CSV. Every report renderer builds Tables.
///
/// Cells hold text from files (task names, product names, salespeople), so every form shows it
/// as text and never lets it act: text and Markdown show control characters as escapes
/// (visible.hpp), Markdown escapes HTML and its own markup, and CSV puts a `'` in front of a text
/// cell that a spreadsheet would run as a formula (FormulaGuard).

#include <string>
#include <string_view>
#include <vector>

namespace dacu {

enum class Align { left, right };

/// A cell's text and what it is. `number`: dacu wrote it from a number (`-5.00`, `-3`, `+10%`),
/// so CSV writes it as it is; `text` is anything else, which CSV guards (FormulaGuard). Being a
/// number is said by the renderer that formats it, never guessed from the text: a task named
/// `-2+3` is text.
struct TableCell {
  enum class Kind { text, number };
  std::string text;
  Kind kind = Kind::text;

  TableCell() = default;
  TableCell(std::string t) : text(std::move(t)) {}   // NOLINT(google-explicit-constructor): rows are written {a, b, c}
  TableCell(const char* t) : text(t) {}              // NOLINT(google-explicit-constructor)
  TableCell(std::string t, Kind k) : text(std::move(t)), kind(k) {}
  bool operator==(const TableCell&) const = default;
};

/// A cell dacu formatted from a number.
inline TableCell number_cell(std::string text) { return {std::move(text), TableCell::Kind::number}; }

struct Table {
  std::vector<std::string> header;          ///< may be empty (no header line); always text
  std::vector<std::vector<TableCell>> rows;
  std::vector<Align> align;                 ///< per column; missing columns align left
};

/// Columns padded to their widest cell, two spaces apart, each line prefixed by `indent`;
/// trailing spaces trimmed. Cells are shown through visible_text, and widths count that form.
std::string render_text_table(const Table& table, std::string_view indent = "  ");
/// A pipe table; every cell goes through md_text.
std::string render_md_table(const Table& table);

/// CSV injection (OWASP): a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a
/// tab or CR before one) as a formula. `on`: such a text cell gets a `'` in front, which Excel,
/// LibreOffice and Google Sheets show as text; number cells are never touched. `off`: every cell
/// as it is (`--csv-raw`), for programs that read the CSV.
enum class FormulaGuard { on, off };

/// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break.
std::string render_csv_table(const Table& table, FormulaGuard guard = FormulaGuard::on);

/// `csv` with a UTF-8 byte order mark in front when `bom` is set, so Excel opens it as UTF-8.
std::string with_excel_bom(std::string csv, bool bom);

/// One CSV text field, guarded and quoted as a table's text cell would be.
std::string csv_field(std::string_view text, FormulaGuard guard = FormulaGuard::on);

/// A text field as it was before FormulaGuard::on: the `'` taken off a field it was put on
/// (`'=SUM(A1)` is `=SUM(A1)`), for reading back a CSV dacu wrote (a status file's 备注).
std::string_view csv_unguarded(std::string_view field);

/// Text for Markdown, in a table cell, a heading or a list item: shown as written, never as
/// markup. `\ | [ ] * _ `` ` `` are backslash-escaped, `< > &` written as entities (no HTML passes
/// through), a line break (LF, CRLF or CR) becomes `<br>` (so a name cannot end a table row or
/// start a heading), and other control characters go through visible_text.
std::string md_text(std::string_view text);

}  // namespace dacu
