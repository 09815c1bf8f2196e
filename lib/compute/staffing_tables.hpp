#pragma once
/// Staffing tables as the source gives them (model/staffing_tables.hpp), each declared subtotal
/// beside the sum of its posts. A disagreement is a warning (D250) quoting the source's words;
/// both figures stay in the report, neither replaces the other.
///
///   auto tables = compute_staffing_tables(staffing.tables);   // pure
///   auto warnings = staffing_table_warnings(staffing.tables, tables);

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/model/staffing_tables.hpp"

namespace dacu {

struct TableGroupResult {
  std::string name;
  std::vector<TablePost> posts;
  std::string subtotal;                  ///< the declared subtotal's name; empty: none
  std::optional<std::int64_t> declared;  ///< as declared
  std::optional<std::int64_t> sum;       ///< of the posts; none when the group lists no post
  /// declared − sum, when both are known and disagree.
  std::optional<std::int64_t> difference;
  friend bool operator==(const TableGroupResult&, const TableGroupResult&) = default;
};

struct StaffTableResult {
  std::string name;
  std::string department;
  std::string source;  ///< the table's `source:` as written
  std::string note;
  std::vector<TableGroupResult> groups;
  std::int64_t total_declared = 0;  ///< each group's declared subtotal, or its sum when none is declared
  std::int64_t total_of_posts = 0;  ///< every post, plus the declared subtotals of groups without posts
  friend bool operator==(const StaffTableResult&, const StaffTableResult&) = default;
};

std::vector<StaffTableResult> compute_staffing_tables(const std::vector<StaffTable>& tables);

/// One D250 per group whose declared subtotal disagrees with its posts, at the declared figure.
std::vector<Diagnostic> staffing_table_warnings(const std::vector<StaffTable>& tables);

}  // namespace dacu
