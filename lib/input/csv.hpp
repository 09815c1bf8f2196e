#pragma once
/// A small strict CSV reader (RFC 4180) for the files shops export: customer lists, actuals,
/// product lists. Every record and field keeps its line and column, so a bad row is reported as
/// `file:line:col`.
///
///   auto table = dacu::parse_csv(text, "customers.csv");
///   auto columns = dacu::require_columns(table, {{"客户", "customer"}, {"业务员", "salesperson"}});
///   for (const auto& r : table.records) r.fields[columns[0]];   // the 客户 of each row
///
/// Accepted: a UTF-8 byte order mark (Excel writes one), CRLF or LF line ends, quoted fields with
/// "" for a quote and line breaks inside, a last line without a line end, blank lines (skipped).
/// Refused (D340–D345): text after a closing quote, a quote inside an unquoted field, a quote left
/// open, invalid UTF-8, a record with the wrong number of fields, an empty file or header.
///
/// Encodings (decode_text): UTF-8, or GBK/GB18030 as Excel on a Chinese Windows saves "CSV" and
/// 生意参谋 exports it. Unless told, a file that is valid UTF-8 is UTF-8, and one that is not but
/// decodes as GB18030 throughout (GBK is a subset) is GB18030 (docs/format.md).

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/error.hpp"

namespace dacu {

/// How a file's bytes are read: `automatic` is UTF-8 when they are valid UTF-8, else GB18030 when
/// they decode as GB18030 throughout; `gb18030` also reads GBK and GB2312 files.
enum class TextEncoding { automatic, utf8, gb18030 };

/// `--encoding`'s values: auto, utf-8 (utf8), gbk, gb18030, gb2312 (any case); nullopt otherwise.
std::optional<TextEncoding> parse_encoding(std::string_view name);

/// The bytes of a text file as UTF-8 (a BOM is kept). Throws InputError located at the first byte
/// that does not decode: D342 invalid UTF-8, D440 invalid UTF-8 in a file that reads as GBK (when
/// `utf8` is forced), D441 not GB18030 (when `gb18030` is forced).
std::string decode_text(std::string bytes, std::string_view source_name, TextEncoding encoding);

struct CsvRecord {
  std::vector<std::string> fields;
  std::vector<Location> where;  ///< where each field starts (at its opening quote when quoted)
  std::vector<bool> quoted;     ///< whether each field was quoted
  Location start;               ///< where the record starts
  Location end;                 ///< just past its last field (where a missing field would go)
  /// .xlsx (input/xlsx_reader.hpp): whether each cell held a number (a date is a serial number);
  /// empty for CSV.
  std::vector<bool> numeric;
};

struct CsvTable {
  std::shared_ptr<const SourceFile> source;
  std::vector<std::string> header;
  std::vector<Location> header_where;
  std::vector<CsvRecord> records;
  bool date1904 = false;  ///< .xlsx: the workbook counts dates from 1904 (its numeric cells' serials)
};

/// The most columns a row may have (D570). The widest file dacu reads is an export of 生意参谋's
/// metrics: a time column and at most about a hundred metrics; a status file has five columns, a
/// product list a dozen. A thousand leaves ten times the room of any real export, and a row past
/// it (80,000 columns of a hostile or corrupt file) is refused before it is read on.
inline constexpr std::size_t kMaxCsvColumns = 1000;

/// Parses `text` (the file's bytes, read as decode_text reads them); the first record is the
/// header. Throws InputError: D340 quoting, D341 wrong number of fields, D342 invalid UTF-8
/// (D440, D441: see decode_text), D344 empty file or empty header name, D345 a header name given
/// twice, D570 a row of more than kMaxCsvColumns columns.
CsvTable parse_csv(std::string text, std::string_view source_name, TextEncoding encoding = TextEncoding::automatic);

/// The index of each wanted column; each column is given by its accepted names (e.g. a Chinese and
/// an English one). Throws D343 for a column the header lacks, with a suggestion from the header.
std::vector<std::size_t> require_columns(const CsvTable& table, const std::vector<std::vector<std::string>>& columns);

}  // namespace dacu
