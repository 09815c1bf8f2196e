#pragma once
/// The product list of `dacu check`: a small strict RFC 4180 CSV reader and the columns it needs.
///
///   auto products = dacu::parse_products(text, "products.csv", rules);
///
/// Strict: quotes only around whole fields, `""` inside them, every row as wide as the header,
/// valid UTF-8; a byte order mark at the start is tolerated (Excel writes one). Every problem is
/// an InputError located at FILE:LINE:COL (1-based, columns in characters).

#include <string>
#include <string_view>
#include <vector>

#include "dacu/eligibility.hpp"
#include "dacu/error.hpp"

namespace dacu {

/// One field with where it starts (at its opening quote when quoted).
struct CsvField {
  std::string text;
  Location where;
  bool quoted = false;
};
using CsvRow = std::vector<CsvField>;

/// Splits CSV text into rows of fields (D410 on bad quoting or invalid UTF-8). Blank lines are
/// skipped. Line ends may be CRLF or LF.
std::vector<CsvRow> read_csv_rows(std::string_view text, std::string_view source_name);

/// The columns of a product list: Chinese names (as planners' spreadsheets have them) and the
/// English ones `dacu check --help` documents; `required` columns must be present.
struct ProductColumn {
  std::string_view zh;
  std::string_view en;
  bool required;
};
const std::vector<ProductColumn>& product_columns();

/// Reads a product list: header check (D411 unknown, missing or repeated column; D410 a row of
/// the wrong width), values (D412; D300 for a price), conditions against the rules' names (D413).
std::vector<Product> parse_products(std::string_view text, std::string_view source_name, const EligibilityRules& rules);

}  // namespace dacu
