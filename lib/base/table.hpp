#pragma once
/// A plain table of text cells and the three ways dacu prints one: aligned text (by display width,
/// so Chinese lines up), Markdown, and RFC 4180 CSV. Every report renderer builds Tables.

#include <string>
#include <string_view>
#include <vector>

namespace dacu {

enum class Align { left, right };

struct Table {
  std::vector<std::string> header;          ///< may be empty (no header line)
  std::vector<std::vector<std::string>> rows;
  std::vector<Align> align;                 ///< per column; missing columns align left
};

/// Columns padded to their widest cell, two spaces apart, each line prefixed by `indent`;
/// trailing spaces trimmed.
std::string render_text_table(const Table& table, std::string_view indent = "  ");
/// A pipe table; `|` in cells is escaped, line breaks become <br>.
std::string render_md_table(const Table& table);
/// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break.
std::string render_csv_table(const Table& table);

/// `csv` with a UTF-8 byte order mark in front when `bom` is set, so Excel opens it as UTF-8.
std::string with_excel_bom(std::string csv, bool bom);

/// One CSV field, quoted per RFC 4180 when needed.
std::string csv_field(std::string_view text);

}  // namespace dacu
