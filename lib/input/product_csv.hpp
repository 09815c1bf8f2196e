#pragma once
/// The product list of `dacu check`: the columns it needs and their values, read with parse_csv
/// (input/csv.hpp, which refuses bad quoting, ragged rows, invalid UTF-8 and empty files: D340–D345).
///
///   auto products = dacu::parse_products(text, "products.csv", rules);
///
/// Every problem is an InputError located at FILE:LINE:COL (1-based, columns in characters).

#include <string>
#include <string_view>
#include <vector>

#include "dacu/model/eligibility.hpp"
#include "dacu/base/error.hpp"

namespace dacu {

/// The columns of a product list: Chinese names (as planners' spreadsheets have them) and the
/// English ones `dacu check --help` documents; `required` columns must be present.
struct ProductColumn {
  std::string_view zh;
  std::string_view en;
  bool required;
};
const std::vector<ProductColumn>& product_columns();

/// Reads a product list: CSV syntax (D340–D345), header check (D411 unknown, missing or repeated
/// column, or no products), values (D412; D300 for a price), conditions against the rules' names (D413).
std::vector<Product> parse_products(std::string_view text, std::string_view source_name, const EligibilityRules& rules);

}  // namespace dacu
