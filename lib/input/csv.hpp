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

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/error.hpp"

namespace dacu {

struct CsvRecord {
  std::vector<std::string> fields;
  std::vector<Location> where;  ///< where each field starts (at its opening quote when quoted)
  std::vector<bool> quoted;     ///< whether each field was quoted
  Location start;               ///< where the record starts
  Location end;                 ///< just past its last field (where a missing field would go)
};

struct CsvTable {
  std::shared_ptr<const SourceFile> source;
  std::vector<std::string> header;
  std::vector<Location> header_where;
  std::vector<CsvRecord> records;
};

/// Parses `text` (the file's bytes); the first record is the header. Throws InputError: D340
/// quoting, D341 wrong number of fields, D342 invalid UTF-8, D344 empty file or empty header name,
/// D345 a header name given twice.
CsvTable parse_csv(std::string text, std::string_view source_name);

/// The index of each wanted column; each column is given by its accepted names (e.g. a Chinese and
/// an English one). Throws D343 for a column the header lacks, with a suggestion from the header.
std::vector<std::size_t> require_columns(const CsvTable& table, const std::vector<std::vector<std::string>>& columns);

}  // namespace dacu
